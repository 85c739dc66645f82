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
