"""Products we have never heard of are still not ours.

foreign_products.toml names some sixty other products, but the next question may
be about a chat server, a Telegram library, an SMS gateway app, a speech service
or a calling SDK that is on no list. What those questions carry has a shape: an
address, a package, a namespace, an identifier, a name with its version or with
"SDK" after it. With such a sign and none of our names, hosts or packages, a bare
401/403/409/429 is not answered from our catalog: the answer is 'none', saying
what the question looks like. None of the products below is in any list.
"""

import tomllib

import pytest

from catalog.foreign_evidence import EVIDENCE_PATH
from catalog.foreign_products import load_foreign_products
from tests.support.matching import assert_answers, assert_none_naming, assert_ours


def test_none_of_these_products_is_on_the_list():
    foreign = load_foreign_products()
    listed = {w for phrase in foreign.phrases for w in phrase}
    for name in ["zulip", "stringee", "grammy", "connectycube", "speechmatics", "kaleyra", "pushbullet"]:
        assert name not in listed


@pytest.mark.parametrize(
    "question, name",
    [
        ("Zulip 8.2 outgoing webhook returns 401 when my integration posts", "Zulip"),
        ("Revolt chat server v0.7 returns 429 on every message", "Revolt"),
        ("since we updated Zulip to 8.3.1 the chat bot gets 403", "Zulip"),
    ],
)
def test_a_name_with_its_version_is_another_product(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, name",
    [
        ("Stringee SDK call ends with 480 temporarily unavailable right after ringing", "Stringee"),
        ("Kaleyra API returns 403 when I send OTP sms", "Kaleyra"),
        ("Clickatell REST API 401 invalid or missing integration API key", "Clickatell"),
        ("kaleyra js sdk gives 401 on a voice call", "kaleyra"),
        ("pushbullet-api 403 forbidden when pushing a note", "pushbullet"),
    ],
)
def test_a_name_followed_by_api_or_sdk_is_another_product(explain, question, name):
    assert_none_naming(explain(question), name)


def test_an_english_word_before_api_is_not_a_product(explain):
    # "regional API" is an adjective, not a vendor: lowercase words need a language between
    assert_ours(explain("use a correct regional API endpoint for your resource, the bot returns 401"), ("bot-service", 401, None))


@pytest.mark.parametrize(
    "question, name",
    [
        ("grammY bot crashes with GrammyError: Call to 'sendMessage' failed! (403: Forbidden)", "GrammyError"),
        ("ElevenLabsClient text to speech gives 401 quota exceeded", "ElevenLabsClient"),
        ("JitterbugClient sendMessage rejects with 409 duplicate", "JitterbugClient"),
    ],
)
def test_an_identifier_made_of_a_name_we_never_use_is_another_product(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, name",
    [
        ("node_modules/@daily-co/daily-js/dist/daily.js throws 403 when joining the room", "@daily-co/daily-js"),
        ('File "/usr/lib/python3/site-packages/pyrogram/session.py", line 210: 420 FLOOD_WAIT', "pyrogram"),
        ("textbee-server 1.9.0: POST /api/v1/devices/send gives 401 unauthorized", "textbee-server"),
        ("SPEECHMATICS_API_KEY is set but the realtime socket closes with 401", "SPEECHMATICS"),
    ],
)
def test_a_package_of_someone_else_is_another_product(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, name",
    [
        ("com.stringee.exception.StringeeError: 403 on makeCall", "com.stringee"),
        ("Twitch.Exceptions.BadRequestException: 400 on the stream key", "Twitch"),
        ("deepgramx.errors.DeepgramApiError 401 on the live socket", "deepgramx"),
    ],
)
def test_a_namespace_of_someone_else_is_another_product(explain, question, name):
    assert_none_naming(explain(question), name)


def test_our_class_names_inside_their_namespace_do_not_make_it_ours(explain):
    # ChatClient is one of our class names, but here it is theirs
    d = explain("at io.getstream.chat.android.client.ChatClient: 429 too many requests")
    assert_none_naming(d, "io.getstream")


def test_a_microsoft_graph_path_or_error_body_is_graph_not_our_bot(explain):
    assert_none_naming(explain("GET /v1.0/me/chats/19:abc@thread.v2/messages returns 403 Forbidden"), "Microsoft Graph")
    d = explain("List channels: {'error': {'code': 'Forbidden', 'innerError': {'request-id': '5b1c'}}} in my teams bot")
    assert_none_naming(d, "Microsoft Graph")


def test_an_incoming_webhook_or_a_github_action_is_not_a_bot(explain):
    d = explain("incoming webhook to our channel returns 400: Summary or Text is required")
    assert d.status == "none" and "incoming webhook" in d.foreign_product
    d = explain("uses: octo-tools/chatops-ping@v1 step fails, the webhook answers 400 Bad Request")
    assert d.status == "none" and d.foreign_product == "GitHub Action (octo-tools/chatops-ping)"


def test_an_unknown_address_gives_way_to_a_product_word_of_ours(explain):
    # an address is a weak sign: our bots call other services and say so
    assert_none_naming(explain("POST https://api.textbelt.example/text returned 403"), "api.textbelt.example")
    assert_answers(explain("my bot calls https://api.textbelt.example and the bot returns 502"), ("bot-service", 502, None))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("botbuilder 4.22.1 on Node 18.19: POST to smba.trafficmanager.net gives 403", ("bot-service", 403, None)),
        ("@azure/communication-chat 1.5.0 sendMessage returns 429 in React 18", ("acs-chat", 429, None)),
        ("azure-communication-calling 1.22.1 on Xcode 15.2: call ended with 487/0", ("acs-call-end", 487, 0)),
        ("at com.azure.android.communication.calling.CallAgent: call ended 410 subcode 3112", ("acs-call-end", 410, 3112)),
        ("Microsoft.Bot.Connector.ErrorResponseException: Operation returned an invalid status code 'Unauthorized'",
         ("bot-service", 401, None)),
        ("moving from Stringee SDK to ACS: the CallAgent gives 412 subcode 43000", ("acs-calling-sdk", 412, 43000)),
        ("Zulip 8.2 mirror posts to directline.botframework.com and gets 403", ("bot-service", 403, None)),
    ],
)
def test_ours_win_when_both_appear(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("my bot on a Kubernetes 1.28 cluster behind nginx returns 502 to teams", ("bot-service", 502, None)),
        ("Web Chat 4.15.9 shows 403 when the token is expired", ("bot-service", 403, None)),
        ("Bot Framework Composer 2.1.2: my bot returns 502 in the emulator", ("bot-service", 502, None)),
        ("calling sdk in an Electron 28.1 app: 412 with subcode 43000", ("acs-calling-sdk", 412, 43000)),
        ("rag api upload 413 from Postman 10.21", ("rag-api", 413, None)),
        ("Call ended with code 487 subcode 0 in Chrome 121.0 on Windows 11", ("acs-call-end", 487, 0)),
    ],
)
def test_platforms_languages_and_tools_are_nobodys_product(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_bare_status_with_no_product_at_all_stays_ambiguous(explain):
    d = explain("returns 401")
    assert d.status == "ambiguous" and d.foreign_product is None
    assert len({m.entry.source for m in d.matches}) >= 2


def test_the_words_that_are_nobodys_and_the_weighing_are_data():
    with open(EVIDENCE_PATH, "rb") as fh:
        raw = tomllib.load(fh)
    assert {"xcode", "react", "kubernetes", "electron"} <= set(raw["neutral"]["words"])
    assert "communication.azure.com" in raw["neutral"]["our_hosts"]
    assert raw["weighing"]["weak"] == ["host", "cased", "azure-name"]  # a web address; an app's mixed-case name; "Azure <Service>"


def test_a_vendors_own_error_code_or_dotted_brand_is_another_product(explain):
    assert_none_naming(explain('{"error": {"code": "QUIKCHAT_RATE_LIMITED", "status": 429}}'), "QUIKCHAT")
    assert_none_naming(explain("Chirp.Chat self hosted: 429 on every post"), "Chirp.Chat")
    # ... but a status name in a code is everybody's, and our products' own codes are ours
    d = explain('{"error": {"code": "TOO_MANY_REQUESTS"}} from directline')
    assert d.foreign_product is None and d.status == "answer"
