"""An action towards a phone number that asks about the caller id is the SourceCallerId tip.

Call Automation's CreateCall, Transfer, AddParticipant and Redirect to a phone number need
the SourceCallerId (once AlternateCallerId, now sourceCallerIdNumber in some SDKs) set to a
number of the resource. People ask it as "which caller id", with one of our calling products
named; another vendor's caller id, or a call end's own numbers, stay what they are.
"""

import pytest

from tests.support.matching import assert_answers

TIP = "pstn-sourcecallerid"


@pytest.mark.parametrize(
    "question",
    [
        "ACS call automation AddParticipant to a mobile number never rings; which caller id am I supposed to set?",
        "redirecting an incoming ACS call to a phone number does nothing. is sourceCallerIdNumber required?",
        "CreateCall to a PSTN number through call automation: do I need an alternate caller id?",
    ],
)
def test_an_action_to_a_phone_number_asking_about_the_caller_id_is_the_tip(explain, question):
    d = explain(question)
    assert d.status == "answer", d
    assert (d.matches[0].entry.source, d.matches[0].entry.key) == ("acs-troubleshooting", TIP)


def test_another_vendors_caller_id_is_not_the_tip(explain):
    assert explain("Twilio outbound call: how do I set the caller id on the dial verb?").status == "none"


def test_a_caller_id_question_naming_no_product_of_ours_is_not_the_tip(explain):
    d = explain("my phone shows no caller id for incoming calls")
    assert not (d.status == "answer" and d.matches[0].entry.key == TIP)


def test_a_call_ends_own_numbers_still_decide(explain):
    assert_answers(explain("ACS PSTN call ended 403 subcode 510403, is it the caller id?"), ("acs-pstn", 403, 510403))
