"""Another phone system's call failures are not ours, though they carry SIP codes.

Our PSTN and call-end rows carry SIP codes (403, 480, 486, 603), so any call that
failed somewhere fits one of them by its number. What says whose call it was is
the rest of the question: a Q.850 release cause ("Q.850;cause=18", "hangup_cause=31")
is how a carrier or a SIP stack explains a hang-up, call barring is the network's,
and a dialer, softphone, desk phone, PBX or SIP server is someone's own phone system.
Those questions are 'none', saying what they look like. A question that names
Azure Communication Services, or gives one of our code/subcode pairs or subcodes, stays ours:
the ACS call-end reason and subcode are what our rows explain.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

Q850 = "a phone network or another SIP stack (a Q.850 release cause)"
BARRING = "a phone network or handset (call barring on the line)"
OWN_PHONES = "a phone, dialer, PBX or SIP server of another vendor"


@pytest.mark.parametrize(
    "question",
    [
        "the carrier sends back 486 with release cause 17 on every second attempt",
        "hangup_cause=31 after 404 Not Found on the INVITE, what is wrong",
        "Q.850 cause 34 no circuit available on outbound calls",
        "inbound leg drops with 480, Reason header: Q.850 ;cause=19 ;text=\"no answer\"",
        # the causes by their names, and a SIP server's own variables for them
        "call disconnected with reason USER_BUSY (17) on the Android app",
        "the app shows 480 and the server log says NO_USER_RESPONSE",
        "DIALSTATUS is CHANUNAVAIL when the extension calls out",
    ],
)
def test_a_q850_release_cause_is_a_carriers_or_a_sip_stacks(explain, question):
    assert_none_naming(explain(question), Q850)


def test_call_barring_is_the_networks(explain):
    assert_none_naming(explain("international calls are barred says the network, the app shows 403"), BARRING)


@pytest.mark.parametrize(
    "question",
    [
        "my softphone gets 403 Forbidden when it registers",
        "the auto dialer reports 503 for half the numbers in the campaign",
        "our IP-PBX answers 488 Not Acceptable Here when a mobile calls in",
        "SIP server replies 401 Unauthorized to REGISTER even with the right password",
        "desk phones show 408 Request Timeout when they dial out",
        "VoIP provider returns 404 for every outbound number",
    ],
)
def test_a_phone_system_of_ones_own_is_not_ours(explain, question):
    assert_none_naming(explain(question), OWN_PHONES)


@pytest.mark.parametrize(
    "question, name",
    [
        ("the Yealink phone shows 486 busy here", "Asterisk / FreeSWITCH / Kamailio"),
        ("outbound calls from our 3CX end with 480", "Asterisk / FreeSWITCH / Kamailio"),
        ("JsSIP in the browser gets 603 Decline from the far end", "a SIP trunk or softphone (Call2Teams, Zoiper, PJSIP)"),
        ("SignalWire LaML bin returns 500 when the call connects",
         "a cloud telephony provider (SignalWire, Somleng, Exotel, 8x8, Aircall)"),
        ("our Exotel number gives 503 on incoming calls",
         "a cloud telephony provider (SignalWire, Somleng, Exotel, 8x8, Aircall)"),
        ("TeXML app hangs up with 487 right after the greeting", "Telnyx"),
        ("NCCO connect action to a SIP endpoint fails with 404", "Vonage (Nexmo, OpenTok)"),
        ("Hikvision camera on our GB28181 platform: INVITE gets 488", "a GB28181 video-surveillance platform (WVP, ZLMediaKit)"),
        ("Operator Connect number shows 403 when called",
         "Microsoft Teams Phone (Direct Routing, Calling Plans, Operator Connect)"),
        ("a Teams Phone user with a calling plan can't receive PSTN calls, caller hears 480",
         "Microsoft Teams Phone (Direct Routing, Calling Plans, Operator Connect)"),
    ],
)
def test_other_phone_systems_by_name_or_by_their_call_markup(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        # our name in the question: the ACS call-end reason and subcode are ours to explain
        ("ACS PSTN call ended 603 with Q.850 cause 21 in the logs, subcode 560603", ("acs-call-end", 603, 0)),
        ("my ACS outbound PSTN call to a softphone ends 480 subcode 560480", ("acs-pstn", 480, 560480)),
        # a code and subcode pair of our tables, whatever phone it rang
        ("call ended with code 403 subcode 510403 on our PBX", ("acs-call-end", 403, 510403)),
        ("direct routing: our SBC receives 403 subcode 510403", ("acs-pstn", 403, 510403)),
        # ... or one of our subcodes alone
        ("ParticipantEndSubCode 560480 and the SBC says Q.850 cause 18", ("acs-pstn", 480, 560480)),
        ("our PBX logs subcode 560486 on every transferred call", ("acs-call-end", 486, 560486)),
    ],
)
def test_ours_stay_ours_beside_a_phone_system(explain, question, expected):
    assert_ours(explain(question), expected)


def test_teams_on_a_phone_is_not_teams_phone(explain):
    assert_ours(explain("my bot doesn't answer in the Teams phone app, the bot returns 401"), ("bot-service", 401, None))
