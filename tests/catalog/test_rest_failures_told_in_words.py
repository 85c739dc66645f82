"""A failed REST call of ours that says, in words, that something cannot be found is a 404.

"PhoneNumbersClient ... RestError: Input phoneNumber ... cannot be found." carries no
number; its message is how the service words a 404, and the REST failure makes the ACS
REST API's status rows the ones to answer from (schema: Source.statuses_for). Only with
an ACS product or the REST API named: someone else's "cannot be found" stays theirs.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "ChatThreadClient.getProperties throws RestError: The thread 19:abc@thread.v2 could not be found",
        "CommunicationIdentityClient.getToken: RequestFailedException: Identity cannot be found",
        "SmsClient send: RequestFailedException: The sender number does not exist on this resource",
    ],
)
def test_a_rest_failure_saying_not_found_is_the_rest_apis_404(explain, question):
    assert_ours(explain(question), ("acs-rest", 404, None))


def test_not_found_in_words_without_our_products_is_not_the_rest_api(explain):
    d = explain("the printer driver cannot be found after the update")
    assert d.status == "none"
