"""Call Automation's troubleshooting tips answer questions told in words, naming Call Automation only.

The tips (an http callback refused, a caller id for calls to phone numbers, which audio the play
action takes) are written for Call Automation's calls and their PSTN legs; people name Call
Automation or its client, never "the troubleshooting tips". The tips are named with the product
they are written for (Source.tips_for, match._with_tips), and each tip carries the words people use for its point
(acs-troubleshooting.toml said_in_product). Codes still decide where a question names one.
"""

import pytest

from tests.support.matching import assert_answers, assert_ours


def _tip(decision) -> str | None:
    return decision.matches[0].entry.key if decision.status == "answer" and decision.matches else None


@pytest.mark.parametrize(
    "question, tip",
    [
        # the callback's scheme: plain HTTP where HTTPS is required
        ("CallAutomationClient.createCall with a callback on http://localhost:8080/events is refused, "
         "does the callback url need https?", "callbackuri-https"),
        ("answer_call fails right away when my callback URL is plain http on port 80, python callautomation",
         "callbackuri-https"),
        ('Call Automation: "The field CallbackUri is invalid" with callbackUri http://my-dev-box:5000/api/callbacks',
         "callbackuri-https"),
        # a caller id for actions on phone numbers
        ("transfer_call_to_participant to a PSTN target fails in azure-communication-callautomation unless a "
         "source caller id is set", "pstn-sourcecallerid"),
        ("redirecting the incoming call to +14255550123 with CallAutomation does nothing, do I need a caller id?",
         "pstn-sourcecallerid"),
        ("Call Automation: Anruf an Telefonnummer schlägt fehl, brauche ich eine caller id?", "pstn-sourcecallerid"),
        # which audio the play action takes
        ("Call Automation play to all: nothing is heard with my mp3 prompt, which audio format does it take?",
         "playaudio-wav"),
        ("ACS call automation PlayAudio is silent with an 8 kHz stereo wav, what format is needed?", "playaudio-wav"),
    ],
)
def test_a_tip_answers_its_point_told_in_words(explain, question, tip):
    d = explain(question)
    assert d.foreign_product is None
    assert _tip(d) == tip, d


@pytest.mark.parametrize(
    "question, expected",
    [
        # a number named still decides: no tip stands in for a code
        ("Call Automation: call to a PSTN number ends with 408, what does it mean?", ("acs-call-automation", 408, None)),
        ("ACS call to a phone number ends with code 480, no answer from the callee", ("acs-pstn", 480, 560480)),
    ],
)
def test_codes_still_decide_beside_the_tips_words(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_tips_own_words_name_it_as_before(explain):
    assert_answers(explain("my app isn't receiving the IncomingCall event from Event Grid"),
                   ("acs-troubleshooting", None, None))


def test_an_http_trigger_is_no_http_callback(explain):
    # an HTTP-triggered function runs the code; it says nothing of the callback's scheme
    d = explain("running call automation on http trigger azure function, createCall never rings")
    assert _tip(d) != "callbackuri-https"
