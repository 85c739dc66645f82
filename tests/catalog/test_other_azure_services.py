"""Other Azure and Microsoft services' errors are not ours, though they are Azure's too.

A managed identity that cannot sign in, an ARM deployment that is throttled, a
Speech key for the wrong region, an Event Grid subscription that fails its
handshake: all return 400/401/403/429, which fit our rows by number, and all come
from a service this catalog does not cover. The honest answer is 'none', naming
the service. What decides is which service produced the error:

* an Azure Identity credential failing to sign in ("ManagedIdentityCredential
  authentication failed", CredentialUnavailableError) fails before any service of
  ours is called, so it is not ours even in a question that names our client;
  the ACS Identity service's own errors (CommunicationIdentityClient,
  CommunicationTokenCredential) stay ours;
* a resource provider's path that is not Microsoft.Communication or
  Microsoft.BotService, or an ARM error code, is Azure Resource Manager's;
* the Azure AI services' gateway refusing a key or a regional endpoint is theirs,
  unless the question names our Call Automation (which links to that resource);
* Event Grid, Skype for Business (UCWA), an AI chat app such as Chat Copilot are
  products of their own; ACS's IncomingCall event through Event Grid stays ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

IDENTITY = "Azure Identity (a credential signing in to Microsoft Entra ID)"
AI_SERVICES = "Azure AI services (a Speech, Language or Vision key or regional endpoint)"


@pytest.mark.parametrize(
    "question",
    [
        "DefaultAzureCredential failed to retrieve a token from the included credentials, then the request gives 401",
        "azure.identity._exceptions.CredentialUnavailableError: EnvironmentCredential authentication unavailable. 403",
        "WorkloadIdentityCredential authentication failed: 400 AADSTS70021",
        "ClientSecretCredential.get_token failed: 401 invalid_client",
        "ManagedIdentityCredential: no managed identity endpoint found, 400",
        "IDENTITY_ENDPOINT is set in the container but the token request returns 500",
        # our client named, but the credential failed before it called us
        "CallAutomationClient built with DefaultAzureCredential: ManagedIdentityCredential authentication failed: Status: 400",
    ],
)
def test_a_credential_failing_to_sign_in_is_azure_identitys(explain, question):
    assert_none_naming(explain(question), IDENTITY)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("SmsClient with ManagedIdentityCredential gets 401 Unauthorized from the SMS service", ("acs-sms-api", 401, None)),
        ("CommunicationTokenCredential refresh fails with 401 in the chat client", ("acs-chat", 401, None)),
        ("CommunicationIdentityClient getToken with DefaultAzureCredential returns 403 Forbidden", ("acs-rest", 403, None)),
    ],
)
def test_our_service_answering_a_signed_in_client_is_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, name",
    [
        ("deployment fails: does not have authorization to perform action 'Microsoft.Web/sites/write' 403",
         "Azure Resource Manager (Microsoft.Web)"),
        ("MissingSubscriptionRegistration: The subscription is not registered to use that namespace, 409",
         "Azure Resource Manager (MissingSubscriptionRegistration)"),
        ("ARM: 429 when listing Microsoft.Network/virtualNetworks", "Azure Resource Manager (Microsoft.Network)"),
    ],
)
def test_a_resource_providers_path_or_an_arm_code_is_resource_managers(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question",
    [
        "Translator returns 401: credentials are missing or invalid, Ocp-Apim-Subscription-Key header sent",
        "POST https://westeurope.api.cognitive.microsoft.com/sts/v1.0/issueToken returns 401",
        "Language service: 401 Access denied due to invalid subscription key or wrong API endpoint",
    ],
)
def test_the_ai_services_gateway_refusing_a_key_is_theirs(explain, question):
    assert_none_naming(explain(question), AI_SERVICES)


def test_call_automation_with_its_cognitive_services_key_stays_ours(explain):
    d = explain("call automation recognize fails with 401: cognitive services resource key invalid subscription key")
    assert_ours(d, ("acs-call-automation", 401, None))


@pytest.mark.parametrize(
    "question, name",
    [
        ("Azure Event Grid topic returns 401 on publish", "Azure Event Grid"),
        ("event subscription creation fails: webhook validation handshake failed with 400", "Azure Event Grid"),
        ("Skype for Business Server UCMA application gets 403 when it calls", "Skype for Business / Lync (UCWA, UCMA)"),
        ("Lync 2013 client error 504", "Skype for Business / Lync (UCWA, UCMA)"),
        ("Azure Maps returns 401 with my subscription key",
         "another Azure AI service (Translator, Maps, Document Intelligence, Vision, Content Safety)"),
        ("Form Recognizer returns 429 on analyze",
         "another Azure AI service (Translator, Maps, Document Intelligence, Vision, Content Safety)"),
        ("deployed Semantic Kernel chat app returns 500 on every ask", "Semantic Kernel (an AI orchestration library)"),
    ],
)
def test_other_microsoft_services_by_name(explain, question, name):
    assert_none_naming(explain(question), name)


def test_acs_incoming_call_event_through_event_grid_stays_ours(explain):
    d = explain("my app isn't receiving the IncomingCall event from Event Grid")
    assert d.status == "answer" and d.foreign_product is None
    assert d.matches[0].entry.key == "incomingcall-event-grid"
