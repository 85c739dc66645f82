"""Another vendor's SMS opt-out, and its five-digit delivery codes, are not our SMS rows.

ACS's delivery report says 4007 for a number that opted out; AWS (SNS, Pinpoint,
End User Messaging), Twilio (21610), Vonage, MessageBird or Sinch tell the same
event for their own SMS. "Our notify service on AWS" sends through Amazon: AWS
counts only alone where it hosts a bot, but it sells SMS too, so beside SMS words
and none of our names it is the product (foreign_products.toml sells). And a
five-digit code told as undeliverable, undelivered or blocked is another provider's
(Twilio's 30xxx family), even unnamed: ACS's delivery codes have four digits, and
Omnichannel's 30001-30016 never mean a message that did not arrive.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        "AWS SNS: SMS not delivered, the phone number is opted out",
        "AWS End User Messaging: destination phone number has opted out, what do I do?",
        "we text customers from our AWS-hosted alerting app and one replied STOP; now every SMS to them fails",
        "Twilio 21610 Attempt to send to unsubscribed recipient",
        "Vonage SMS: the customer replied STOP and now the message status is rejected",
        "MessageBird: contact unsubscribed, SMS not sent",
        "Telnyx 40300 Blocked due to STOP message",
        "text message undelivered, code 30006",
        "30003 undeliverable when texting Canada",
        "texts blocked, error 30007",
        "our SMS campaign: messages filtered, 30007",
    ],
)
def test_another_vendors_opt_out_or_code_is_none(explain, question):
    assert explain(question).status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS SMS delivery report 4007, the number opted out", ("acs-sms-delivery", 4007, None)),
        # our name beside the platform: ours, wherever it is hosted
        ("ACS SMS from our service on AWS: delivery report 4007 opted out", ("acs-sms-delivery", 4007, None)),
        ("Omnichannel messaging API returned error 30004", ("omnichannel-messaging", 30004, None)),
        ("my bot on AWS Lambda returns 401 in Teams", ("bot-service", 401, None)),
        # a camera blocked beside a Calling SDK subcode is no SMS
        ("camera blocked in the browser, 43001", ("acs-calling-sdk", 403, 43001)),
    ],
)
def test_ours_stays_ours(explain, question, expected):
    assert_answers(explain(question), expected)
