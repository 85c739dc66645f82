"""The ACS identity service named in two words is the ACS REST API's.

Creating users and issuing their tokens is the Communication Services identity
API; its errors are the common REST error codes. "ACS identity" names it as
"communication identity" does, so a 401 from it is not left between SMS, Call
Automation and the REST API, which all share the word ACS.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question, expected",
    [
        ("java acs identity client createUserAndToken gets 401", ("acs-rest", 401, None)),
        ("ACS identity: issuing a VoIP token for an existing user returns 403", ("acs-rest", 403, None)),
    ],
)
def test_acs_identity_is_the_rest_api(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        # the identity API's client or one of its operations names it as well
        ("ACS createUser → 'Internal Server Error' since this morning", ("acs-rest", 500, None)),
        ("CommunicationIdentityClient.revokeTokens returns 404 for a user I just made", ("acs-rest", 404, None)),
        ("azure communication createUserAndToken throws Too Many Requests in our load test", ("acs-rest", 429, None)),
    ],
)
def test_the_identity_clients_operations_name_the_rest_api(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_user_deleted_elsewhere_is_no_ones(explain):
    assert explain("firebase auth deleteUser returns 500 sometimes").status == "none"
