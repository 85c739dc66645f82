"""Sending an SMS that the service refuses, told in words, is the SMS API's 401.

The SMS API's 401 says the authentication provided "doesn't allow for sending an SMS": sending
from a number the resource does not own is such a refusal. People name the API by its action
("sending an SMS", with an article) and the refusal in their words ("an auth error", "not
authorized to send"); another vendor's SMS stays theirs.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "what does ACS answer when I send an SMS from a phone number my resource doesn't own? I'd expect an auth error",
        "sending an SMS from our toll-free number fails, the SMS API says the authentication error is on our side",
        "we are sending sms from a number we bought in another resource, getting an auth error",
        "I sent an SMS with the ACS SDK but it says not authorized to send",
    ],
)
def test_a_refused_send_told_in_words_is_the_sms_apis_401(explain, question):
    assert_ours(explain(question), ("acs-sms-api", 401, None))


def test_another_vendors_sms_refusal_stays_theirs(explain):
    assert_none_naming(explain("Twilio: sending an SMS fails with an authentication error"), "Twilio")
