"""Other products' errors: the honest answer is 'none', saying which product it looks like.

A Twilio 603 or a LiveKit 403 fits our rows by number alone; answering them from
our catalog would be confidently wrong. The names, packages and hosts of those
products are data (catalog/foreign_products.toml). When one of our own hosts,
packages, namespaces or product names appears too, the question is ours.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from catalog.foreign_products import load_foreign_products
from tests.support.matching import assert_answers, assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, product",
    [
        ("Twilio Voice SDK: Connection error (603) when the callee declines", "Twilio"),
        ("livekit sip status: 403 (FORBIDDEN) on the outbound trunk", "LiveKit"),
        ("Plivo API returns 403 when I send an SMS", "Plivo"),
        ("Rocket.Chat REST API gives 429 too many requests", "Rocket.Chat"),
        ("Chatwoot webhook keeps failing with 429", "Chatwoot"),
        ("AWS SNS SMS delivery failed with 403", "Amazon Web Services (SNS, Pinpoint, Connect, Chime)"),
        ("Amazon Pinpoint SMS error 400 bad request", "Amazon Web Services (SNS, Pinpoint, Connect, Chime)"),
        ("GET https://graph.microsoft.com/v1.0/communications/callRecords/abc returns 404", "Microsoft Graph"),
        ("Zoom SDK error 404 meeting not found", "Zoom"),
        ("Dify chat upload fails with 413", "Dify"),
        ("App Configuration HMAC 401 unauthorized", "Azure App Configuration"),
        ("import com.twilio.Twilio; call fails with 31005", "Twilio"),
    ],
)
def test_another_products_error_is_none_and_names_that_product(explain, question, product):
    assert_none_naming(explain(question), product)


@pytest.mark.parametrize(
    "question, expected",
    [
        # our hosts, packages and namespaces win over a foreign name in the same question
        ("Twilio channel: POST to smba.trafficmanager.net returned 401", ("bot-service", 401, None)),
        ("Twilio webhook calls my bot, directline.botframework.com says 403", ("bot-service", 403, None)),
        ("moving off Twilio: @azure/communication-sms SmsClient gives 401", ("acs-sms-api", 401, None)),
        ("after Twilio, azure.communication.chat ChatThreadClient returns 429", ("acs-chat", 429, None)),
        ("Microsoft.Bot.Builder on the Twilio adapter: 412 from the state store", ("bot-service", 412, None)),
        ("botbuilder with a Zoom app: my bot returns 502", ("bot-service", 502, None)),
        ("Twilio to ACS migration, call ended with subcode 3112", ("acs-call-end", 410, 3112)),
        ("POST https://contoso.communication.azure.com/sms returned 401 (we used Plivo before)", ("acs-sms-api", 401, None)),
    ],
)
def test_ours_win_when_both_appear(explain, question, expected):
    assert_ours(explain(question), expected)


def test_our_own_questions_never_look_foreign(explain):
    for q in ["what is subcode 3112", "bot returns 401", "sms 4007", "rag api upload 413", "omnichannel 30005"]:
        assert explain(q).foreign_product is None, q


def test_the_foreign_products_are_data_with_a_name_and_something_to_find():
    foreign = load_foreign_products()
    names = set(foreign.phrases.values()) | {name for _, name in foreign.marks}
    assert {"Twilio", "LiveKit", "Plivo", "Microsoft Graph", "Zoom", "Dify"} <= names
    assert all(name.strip() for name in names)
    assert ("smba", "trafficmanager", "net") not in foreign.phrases


def test_the_json_protocol_says_which_product_it_looks_like():
    command = Path(sys.executable).with_name("explain-error")
    out = subprocess.run([str(command), "--json", "-"], input="Twilio error 603\nwhat is 404\n",
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    assert first["status"] == "none" and first["foreign_product"] == "Twilio"
    assert "foreign_product" not in second


def test_an_error_from_someone_elses_address_is_none_when_no_product_of_ours_is_named(explain):
    d = explain("file_get_contents(https://messenger.example-shop.net/api/v1/messages): HTTP/1.1 401 Unauthorized")
    assert d.status == "none" and d.foreign_product == "messenger.example-shop.net"
    # ... but our own addresses, a local run and a product of ours named keep it ours
    assert explain("https://contoso.communication.azure.com/chat/threads returned 403").status == "answer"
    assert explain("http://localhost:3978/api/messages returns 401 from my bot").status == "answer"
    assert explain("my bot calls https://api.example-shop.net and the bot returns 502").foreign_product is None


def test_our_names_inside_someone_elses_host_do_not_count(explain):
    d = explain('SIP call failed {"address": "test-call-agent.pstn.twilio.com", "error": "INVITE response 403"}')
    assert d.status == "none" and d.foreign_product == "Twilio"


def test_a_product_named_as_one_identifier_is_recognised(explain):
    assert explain("LiveKit Cloud inbound SIP gives 400 Bad Request").foreign_product == "LiveKit"
    assert explain("RAGFlow upload returns 413").foreign_product == "RAGFlow / MinerU"


def test_an_entra_sign_in_code_is_not_one_of_ours(explain):
    d = explain("Failed to get access token: unauthorized_client, AADSTS700016: Application not found")
    assert d.status == "none"


def test_a_platform_our_products_run_on_counts_only_when_none_of_ours_is_named(explain):
    assert explain("Azure Functions python HTTP trigger gives HTTP 500").foreign_product == "Azure Functions / App Service"
    assert_answers(explain("my bot on App Service returns 500"), ("bot-service", 500, None))
    assert_answers(explain("bot state in Cosmos DB gives 412"), ("bot-service", 412, None))


@pytest.mark.parametrize(
    "question",
    [
        "Error: HTTP/1.1 401 40103: Invalid authorization token signature when pulling notification telemetry from the hub",
        "NotificationHubClient.SendTemplateNotificationAsync returns 401",
        "EventHubProducerClient send fails with 403",
    ],
)
def test_the_service_bus_gateways_hubs_are_not_ours(explain, question):
    assert_none_naming(explain(question), "Azure Notification Hubs / Event Hubs")
