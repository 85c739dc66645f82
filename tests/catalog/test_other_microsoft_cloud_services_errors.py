"""Errors of other Microsoft cloud services carry our statuses, and are theirs.

Speech's SDK prints its failures its own way ("CANCELED: ErrorDetails=WebSocket upgrade
failed: Authentication error (401). Please check subscription information and region
name."); Microsoft Graph (OneDrive, SharePoint, Outlook) answers with codes in lower
camel case ({"code": "notAllowed"}, "itemNotFound"), which none of our products uses;
OneDrive and SharePoint are products of their own; and Azure Resource Manager deploying
resources fails in its own gateway ("x-ms-failure-cause: gateway", "Diagnostic
information: timestamp ...") or in the deployment commands, even when the resources are
ACS's; Graph's directory errors ("Authorization_RequestDenied") and the Service Bus gateway
refusing a key without its claim are theirs too. All are 'none', saying which service they look like.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

SPEECH = "Azure AI Speech (its SDK opening the speech websocket)"
ARM = "Azure Resource Manager (a deployment of resources)"
FILES = "OneDrive / SharePoint (Microsoft 365 files)"
GRAPH_CODE = "Microsoft Graph (OneDrive, SharePoint, Outlook, the directory: its error code '{}')"


@pytest.mark.parametrize(
    "question",
    [
        "websocket upgrade failed: Forbidden (403). Please check subscription information and region name.",
        "Speech to text: WebSocket upgrade failed: Unspecified connection error (200)",
        "CANCELED: Reason=Error ErrorCode=ConnectionFailure ErrorDetails=Connection failed 401 in the kiosk app",
        "transcription in the unity app: WebSocket upgrade failed: Authentication error (401)",
    ],
)
def test_speech_sdks_own_failure_lines(explain, question):
    assert_none_naming(explain(question), SPEECH)


@pytest.mark.parametrize(
    "question, code",
    [
        ('Graph upload: {"error": {"code": "itemNotFound", "message": "The resource could not be found."}} 404', "itemNotFound"),
        ('calendar sync 429 {"error":{"code":"activityLimitReached","message":"The app or user has been throttled."}}',
         "activityLimitReached"),
        ("""renaming the file gives 409 {'code': 'nameAlreadyExists'}""", "nameAlreadyExists"),
    ],
)
def test_graphs_lower_camel_case_codes(explain, question, code):
    assert_none_naming(explain(question), GRAPH_CODE.format(code))


def test_onedrive_and_sharepoint_by_name(explain):
    assert_none_naming(explain("my SharePoint document library returns 403 when the flow writes the file"), FILES)
    assert_none_naming(explain("OneDrive sync: 412 precondition failed when two devices save the same item"), FILES)


@pytest.mark.parametrize(
    "question",
    [
        "az deployment group create for the Communication Services resource fails with 500 InternalServerError",
        "New-AzResourceGroupDeployment for our bot's App Service: 409 Conflict",
        "ARM says x-ms-failure-cause: gateway and 502 while creating the ACS resource",
        'Encountered internal server error. Diagnostic information: timestamp \'20250103T101010Z\' while deploying the azure bot',
    ],
)
def test_a_resource_deployment_is_arms_even_for_our_resources(explain, question):
    assert_none_naming(explain(question), ARM)


@pytest.mark.parametrize(
    "question, code",
    [
        ("azd up fails: DeploymentFailed 400 InvalidTemplateDeployment for the ACS resource", "DeploymentFailed"),
        ("creating the Communication Services resource: MissingSubscriptionRegistration 409", "MissingSubscriptionRegistration"),
        ("Azure Bot resource in West Europe: SkuNotAvailable 400 for F0", "SkuNotAvailable"),
    ],
)
def test_arms_own_codes_are_arms_even_for_our_resources(explain, question, code):
    assert_none_naming(explain(question), f"Azure Resource Manager ({code})")


def test_azure_devops_by_name_where_none_of_ours_is_named(explain):
    assert_none_naming(explain("Azure DevOps pipeline: TF400813 401 Unauthorized when the agent connects"),
                       "Azure DevOps (Pipelines, Repos)")
    # a bot it deployed is still the bot
    assert_ours(explain("my bot deployed from an Azure DevOps pipeline returns 401 in Web Chat"), ("bot-service", 401, None))


def test_our_own_etag_and_codes_stay_ours(explain):
    # a bot's state store losing an eTag race is the Bot Service's 412; ACS's codes are PascalCase
    assert_ours(explain("bot framework state: 412 Precondition Failed, the eTag does not match"), ("bot-service", 412, None))
    assert_ours(explain('ACS chat: {"error": {"code": "Forbidden", "message": "Permission denied"}} 403'),
                ("acs-chat", 403, None))


@pytest.mark.parametrize(
    "question, code",
    [
        ("my teams bot sync job: Authorization_RequestDenied 403",
         "Authorization_RequestDenied"),
        ("reading the group members returns 404 Request_ResourceNotFound", "Request_ResourceNotFound"),
    ],
)
def test_graphs_directory_error_codes(explain, question, code):
    assert_none_naming(explain(question), GRAPH_CODE.format(code))


def test_a_service_bus_key_without_its_claim(explain):
    assert_none_naming(explain("my function logs: Unauthorized access. 'Listen' claim(s) are required to perform this operation. 401"),
                       "Azure Service Bus / Event Hubs (a key without the claim it needs)")


def test_a_bots_own_connector_error_stays_the_bots(explain):
    # a bot of an app template failing at the connector is still the Bot Service's
    decision = explain('SendPreview catches exception Forbidden with { "code": "BotNotInConversationRoster" }')
    assert decision.foreign_product is None
    assert decision.matches[0].entry.source == "bot-service"
