"""A SIP answer from a library or a box of one's own is not one of our call ends.

Our call-end and PSTN rows carry SIP codes (480, 486, 603), so a softphone library's
"480 Temporarily Unavailable" fits them by its number. What says whose call it was is
the rest of the question: a SIP or VoIP library named for it ("pyVoIP", "sipgo",
"SIPSorcery"; our documents write SIP only as a word of its own), the model of the
PBX or desk phone that answered ("from our UCM6208", "on my SPA504G"), or a dialer's
report in capitals ("NO ANSWER", "USER BUSY"). Those are 'none', saying what they look
like. Azure Communication Services named, or one of our code/subcode pairs, keeps it ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

OWN_PHONES = "a phone, dialer, PBX or SIP server of another vendor"
CAUSES = "a phone network or another SIP stack (a Q.850 release cause)"


@pytest.mark.parametrize(
    "question",
    [
        "the SIPSorcery sample answers 603 Decline when I call it from a mobile",
        "goVoIP dialer library: every second INVITE gets 486",
        "calls to the front desk fail with 480 Temporarily Unavailable from the UCM6208",
        "REGISTER is answered 403 Forbidden from our SPA122 adapter",
        "480 Temporarily Unavailable from our Panasonic KX-NS700 when the extension is busy",
        "transfer to extension 201 gets 487 Request Terminated on my Grandstream GXP2170",
    ],
)
def test_a_sip_library_or_a_device_model_is_a_phone_system_of_ones_own(explain, question):
    decision = explain(question)
    if "Grandstream" in question:  # the maker is a name we know: it names the reply
        assert_none_naming(decision, "Asterisk / FreeSWITCH / Kamailio")
    else:
        assert_none_naming(decision, OWN_PHONES)


@pytest.mark.parametrize(
    "question",
    [
        "the dialer report says 486 / USER BUSY for most of the campaign numbers",
        "outbound call result NO ANSWER with SIP 480, is the number wrong?",
    ],
)
def test_a_dialers_result_in_capitals_is_a_release_cause(explain, question):
    assert_none_naming(explain(question), CAUSES)


def test_our_pair_beside_a_device_model_stays_ours(explain):
    assert_ours(explain("Azure Communication Services call ended with code 480 subcode 10037 from my UCM6302"),
                ("acs-call-end", 480, 10037))


def test_a_sip_status_told_as_a_word_of_its_own_is_no_library(explain):
    # "SIP 480" written apart is how our documents say it too
    decision = explain("ACS call ended with SIP 480 subcode 10077")
    assert_ours(decision, ("acs-call-end", 480, 10077))
