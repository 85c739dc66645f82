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


@pytest.mark.parametrize(
    "question, row",
    [
        # a product whose own table has no such row: the ACS REST API's common row answers
        ("ChatThreadClient.listMessages keeps throwing RestError: Request limit exceeded, what now?", ("acs-rest", 429, None)),
        ("PhoneNumbersClient.listPurchasedPhoneNumbers -> RequestFailedException: quota exceeded for this operation",
         ("acs-rest", 429, None)),
        ("ACS chat createChatThread fails: HttpResponseError: The service encountered an internal error, try later",
         ("acs-rest", 500, None)),
    ],
)
def test_a_rest_failure_told_in_its_message_is_the_rest_apis_status(explain, question, row):
    assert_ours(explain(question), row)


@pytest.mark.parametrize(
    "question",
    [
        "my npm publish failed: Request limit exceeded, the registry says to wait",
        "our build server hit an internal error while compiling the docs",
    ],
)
def test_the_same_words_without_our_products_are_no_ones(explain, question):
    assert explain(question).status == "none"
