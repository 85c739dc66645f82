"""Other SMS providers' delivery failures and contact centres' agent APIs are not ours.

An SMS provider's delivery failure names no product, but its wording does: a
five-digit code with a carrier's or handset's words ("30006 Landline or
Unreachable Carrier"), "Blocked due to STOP message", "existing block rule".
ACS's delivery codes have four digits and put it otherwise ("Message blocked by
Destination carrier", "opted out of receiving messages"), so those stay ours.
A contact centre's agent or outbound-contact API (Amazon Connect Streams'
agent.connect(), its Contact Control Panel, createOutboundContact) is a contact
centre's, not a call of ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

CARRIER = "another SMS or messaging provider (a carrier delivery error)"
CONTACT_CENTRE = "a contact centre's agent or outbound-contact API (Amazon Connect Streams, Genesys, Five9)"


@pytest.mark.parametrize(
    "question",
    [
        "bulk campaign report: 30005 Unknown destination handset for a third of the numbers",
        "our appointment reminders bounce with 30008 and the log says unreachable carrier",
        "outbound SMS rejected 40300 blocked due to STOP message from this recipient",
        "the API answers 400 Attempt to send to unsubscribed recipient",
        "marketing texts fail: Message price exceeds max price",
        "delivery webhook shows 30007 Carrier violation for every message to one network",
    ],
)
def test_another_providers_delivery_wording_is_theirs(explain, question):
    assert_none_naming(explain(question), CARRIER)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS SMS: delivery report 4005 message blocked by destination carrier", ("acs-sms-delivery", 4005, None)),
        ("our Azure Communication Services texts to a landline fail with 4003", ("acs-sms-delivery", 4003, None)),
        ("sms to a landline: delivery status 4006", ("acs-sms-delivery", 4006, None)),
    ],
)
def test_our_four_digit_delivery_codes_with_carrier_words_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "Amazon Connect Streams: agent.connect() fails with AccessDenied",
        "CCP softphone: connect.agent( callback never fires, 403 from the contact control panel",
        "outbound contact list upload returns 409 Conflict",
    ],
)
def test_a_contact_centres_agent_api_is_theirs(explain, question):
    assert_none_naming(explain(question), CONTACT_CENTRE)


def test_our_outbound_call_to_a_contact_stays_ours(explain):
    assert_ours(explain("ACS Call Automation outbound call to a contact fails with 403"), ("acs-call-automation", 403, None))


@pytest.mark.parametrize(
    "question",
    [
        "The 'To' number +15551234567 is not a valid phone number, error 21211",
        "SMS provider returns 21408 Permission to send an SMS has not been enabled for the region",
        "SMS not delivered, DLR says Non White-listed Destination",
        "the carrier response says Illegal Sender Address - rejected, 1 of 3 messages",
    ],
)
def test_other_providers_number_and_receipt_wordings_are_theirs(explain, question):
    assert_none_naming(explain(question), CARRIER)


def test_a_to_number_said_in_lower_case_stays_ours(explain):
    assert_ours(explain("sms send fails 400: the 'to' number is not valid"), ("acs-sms-api", 400, None))


def test_intercoms_error_list_body_is_intercoms(explain):
    assert_none_naming(
        explain('replying to the conversation gives 401 {"type":"error.list","errors":[{"code":"token_not_found"}]}'),
        "Intercom (an error.list body)")
