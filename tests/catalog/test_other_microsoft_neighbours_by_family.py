"""Other Microsoft and Azure services sit next to ours, share our statuses and our words.

A Cosmos DB 429, a Key Vault 403, a Data Explorer 403 or a Teams channel webhook's
400 fit our rows by number, and 'Azure', 'chat', 'connector' are our words too. Nobody
can list every Azure service, so they are recognised by family, the way their names are
built (catalog/foreign_evidence.toml, foreign_products.toml):

* a client library of the Azure SDK, in each language's form: azure.cosmos,
  azure-storage-blob, @azure/service-bus, Microsoft.Azure.Devices, com.azure.*; ours
  (communication), the SDK's shared parts (Azure.Core, identity), the hosting ours run on
  (functions) are no such sign;
* an address that other services own under the domains ours live on too:
  *.vault.azure.net, *.search.windows.net, management.azure.com, *.kusto.windows.net;
* "Azure <Service>" in its capitals naming a service that is not ours (weak: any product
  word of ours outweighs it, as for a hosting platform);
* a Teams channel's incoming webhook or an Office 365 connector (no bot is involved);
* Copilot Studio, Logic Apps and API Management: named by name they are where an app of
  ours runs or what stands in front of it, so ours win beside them; their own error codes
  and refusals are theirs anywhere.

Ours keep winning where both appear: a bot on App Service, a Botbuilder bot's Cosmos
storage, ACS's events through Event Grid, a RAG app's own dependencies.
"""

from pathlib import Path

import pytest

from tests.support.matching import assert_answers, assert_none_naming, share_held

QUESTIONS = Path(__file__).with_name("other_microsoft_neighbours_questions.jsonl")
SET_ASIDE = Path(__file__).with_name("other_microsoft_neighbours_questions_set_aside.jsonl")
WEBHOOK = "channel incoming webhook (connector or workflow, not a bot)"


@pytest.mark.parametrize(
    "question, name",
    [
        ("azure-data-tables raised ResourceExistsError 409 on upsert", "another Azure service (azure-data-tables, its client library)"),
        ("@azure/arm-network: RestError 401 on list", "another Azure service (@azure/arm-network, its client library)"),
        ("Microsoft.Azure.Management.Compute: CloudException 409 OperationNotAllowed", "another Azure service (Microsoft.Azure.Management, its client library)"),
        ("from azure.digitaltwins.core import DigitalTwinsClient -> 403", "another Azure service (azure.digitaltwins, its client library)"),
        ("com.azure.data.tables.TableServiceException: 404", "another Azure service (com.azure.data.tables, its client library)"),
        ("azure-ai-textanalytics HttpResponseError (401)", "another Azure service (azure-ai-textanalytics, its client library)"),
    ],
)
def test_another_azure_services_client_library_names_it(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, name",
    [
        ("GET https://ledger01.confidential-ledger.azure.com/app/transactions returns 403", "ledger01.confidential-ledger.azure.com"),
        ("POST https://docsearch.search.windows.net/indexes/hotels/docs/index returns 429", "docsearch.search.windows.net"),
        ("https://management.azure.com/providers/Microsoft.Insights/metrics gives 400", "management.azure.com"),
        ("query against https://adx01.westeurope.kusto.windows.net failed with 403", "adx01.westeurope.kusto.windows.net"),
    ],
)
def test_an_address_another_azure_service_owns_under_ours_is_that_services(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, service",
    [
        ("Azure Confidential Ledger write returns 403", "Confidential Ledger"),
        ("Azure Digital Twins query returns 400 Bad Request", "Digital Twins"),
        ("Azure Managed Grafana dashboard gives 401", "Managed Grafana"),
        ("Azure Stream Analytics output to SQL fails with 409", "Stream Analytics"),
        ("Azure Static Web Apps preview environment returns 404", "Static Web Apps"),
    ],
)
def test_azure_and_a_service_that_is_not_ours_names_it(explain, question, service):
    assert_none_naming(explain(question), f"another Azure service (Azure {service})")


@pytest.mark.parametrize(
    "question",
    [
        "Connector card from our Office 365 connector to the Support channel comes back 400",
        "o365 connector webhook now returns 403 after the retirement date",
        "Teams webhook responded: Microsoft Teams endpoint returned HTTP error 413",
        "our teams channel webhook gets throttled, 429 every minute",
        '{"@type": "MessageCard", "summary": "build"} posted to the channel returns 400',
    ],
)
def test_a_teams_channels_webhook_or_connector_is_no_bot(explain, question):
    assert_none_naming(explain(question), WEBHOOK)


@pytest.mark.parametrize(
    "question, name",
    [
        ("Copilot Studio agent returns 500 in the test pane", "Microsoft Copilot Studio (Power Virtual Agents)"),
        ("topic stops with Error code: FlowActionTimedOut", "Microsoft Copilot Studio (its own error codes)"),
        ("Logic Apps standard workflow returns 502", "Azure Logic Apps"),
        ("run history shows WorkflowRunActionFailed, status 400", "Azure Logic Apps (its run's own codes)"),
        ("IoT Edge module gets 401 from the hub", "Azure IoT (IoT Hub, IoT Central, IoT Edge, DPS)"),
        ("tsp-client init fails with 404 for the spec folder", "the Azure SDK's tooling (TypeSpec, AutoRest, the REST API specs' checks)"),
        ("Helicone in front of gpt-4o answers 429", "an LLM API gateway (new-api, one-api)"),
        ("our api was answered 'Out of call volume quota. Quota will be replenished in 01:00:00.' 403", "Azure API Management"),
        ("API Management developer portal gives 404", "Azure API Management (a gateway in front)"),
        ("Cognitive Services multi-service account returns 401 on the vision endpoint", "Azure AI services (Cognitive Services)"),
        ("Microsoft.Kiota.Abstractions.ApiException: 404 for /sites/root/lists", "Microsoft Graph"),
    ],
)
def test_other_microsoft_services_by_name_and_by_their_own_codes(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        # platforms and services that ours run on, or call, named beside ours
        ("our Azure-hosted bot: Teams says the bot returned 403", ("bot-service", 403, None)),
        ("Teams bot behind Azure API Management: the bot returned 502 through Direct Line", ("bot-service", 502, None)),
        ("Copilot Studio agent on our site through Direct Line: 403 BadArgument Invalid token or secret", ("bot-service", 403, None)),
        ("Bot Framework bot, Microsoft.Bot.Builder.Azure blob storage throws 412", ("bot-service", 412, None)),
        ("Azure Logic Apps sends the SMS through Azure Communication Services, delivery report 4002", ("acs-sms-delivery", 4002, None)),
        ("Event Grid posts IncomingCall to our App Service, answerCall returns 400 subcode 8523", ("acs-call-automation", 400, 8523)),
        ("RAG API chat returns 502 when azure.search.documents raises 403 inside it", ("rag-api", 502, None)),
        ("Azure Data Factory feeds our RAG API, and the RAG API upload returns 413", ("rag-api", 413, None)),
        # the AI services linked to Call Automation are its own (its 8565 Cognitive Services Error)
        ("recognize with our Cognitive Services resource fails in the call: subcode 8565", ("acs-call-automation", None, 8565)),
    ],
)
def test_ours_keep_winning_beside_them(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        # the SDK's shared parts and the hosting ours run on are no other service
        "Azure.RequestFailedException: Status: 429 (Too Many Requests)",
        "azure.core.exceptions.ServiceResponseError on our bot's calls, bot returns 500",
        "Azure Portal shows the bot's channel with 401 errors",
    ],
)
def test_the_sdks_shared_parts_and_azure_words_name_no_other_service(explain, question):
    assert explain(question).foreign_product is None


def test_the_neighbours_questions_worked_from_keep_their_figure(explain):
    # 69 questions written before the work (main 92.8%), worked from: 98.6% after it.
    held, total = share_held(explain, QUESTIONS)
    assert held / total >= 0.97, f"{held}/{total}"


def test_the_set_aside_neighbours_questions_keep_their_figure(explain):
    # 34 questions of the same kinds, written with the others and not worked from: main 91.2%,
    # scored once at the end of the work 97.1% (33/34).
    held, total = share_held(explain, SET_ASIDE)
    assert held / total >= SET_ASIDE_FLOOR, f"{held}/{total}"


SET_ASIDE_FLOOR = 0.97
