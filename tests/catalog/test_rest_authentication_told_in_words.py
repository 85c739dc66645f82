"""An ACS REST call the service would not authenticate, told in words, is the REST API's 401.

ACS REST calls are signed with HMAC-SHA256 over the x-ms-date and x-ms-content-sha256
headers; a request signed wrongly is refused as unauthenticated, and people say so rather
than quote the 401: "fails authentication", "could not be authenticated", "signature does
not match". Every API authenticates, so the words mean the 401 only with an ACS service
named (the x-ms-content-sha256 header alone is no ACS service: another API signs the same way); another product's HMAC (Azure
App Configuration signs the same way, Slack signs its requests) stays theirs.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "calling the ACS SMS REST endpoint from PowerShell with my own HMAC signing, every call fails authentication",
        "Communication Services chat REST API: our signature does not match even though x-ms-date is set",
        "my python script signs requests with x-ms-content-sha256 and x-ms-date for the communication identity token endpoint, but the request could not be authenticated",
    ],
)
def test_a_rest_request_not_authenticated_is_the_rest_apis_401(explain, question):
    assert_ours(explain(question), ("acs-rest", 401, None))


@pytest.mark.parametrize(
    "question",
    [
        "Azure App Configuration REST API with HMAC: request fails authentication, x-ms-content-sha256 header computed from the body",
        "Slack request HMAC signature mismatch",
        "the login page says authentication failed after I changed my password",
    ],
)
def test_another_products_authentication_in_words_is_not_ours(explain, question):
    assert explain(question).status == "none"


def test_a_service_of_ours_named_with_its_own_401_keeps_it(explain):
    d = explain("ACS sms endpoint 401 Unauthorized, the x-ms-content-sha256 header is set")
    assert_ours(d, ("acs-sms-api", 401, None))
