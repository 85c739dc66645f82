"""Our rows asked about the way a user meets them: a symptom, a status told in words, another language.

People rarely quote the code. They say what they saw ("the call will not go on hold",
"nobody picked up"), what the other side did ("the customer texted STOP"), or they ask in
their own language. Each row keeps such sayings as data (``said_in_product`` in
catalog/data/*.toml): they count only where the question names the row's product, so
another vendor's "call on hold" stays theirs.

Kinds covered here:
- a symptom phrase of one row (Calling SDK hold/resume/mute, a call that never reconnected,
  a callee who never picked up, a call answered on another device);
- the more specific saying wins inside one product: "throttled ... monthly limit" is the
  monthly-limit subcode, not the 429 whose own saying is "throttled";
- an entry that says something "isn't valid" / "isn't reachable" is asked about as
  "invalid" / "unreachable" (lexicon.toml [said_negated], read when the index is built);
- a number after a size parameter ("pageSize 400") is a value, not a code;
- German, French and Spanish sayings of a few rows people meet most;
- (left open: "ACS" alone with an SDK method, "ACS call.hold() fails", does not name the Calling SDK).

rows_told_as_symptoms.jsonl (beside this file) holds 247 such questions, written for this test (not from threads), one or more per row
across every source; every line not marked "open" must keep its answer.
"""

from pathlib import Path

import pytest

from catalog.query import parse
from tests.support.matching import assert_ours, holds, ident, question_lines, share_held

QUESTIONS = Path(__file__).with_name("rows_told_as_symptoms.jsonl")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS web calling: putting the call on hold fails", ("acs-calling-sdk", 500, 41033)),
        ("Azure Communication Services calling: the user stays muted after the unmute button",
         ("acs-calling-sdk", 400, 41016)),
        ("ACS web calling: select a speaker fails on Safari", ("acs-calling-sdk", 405, 40606)),
        ("ACS call: we lost media connectivity halfway and the participant was removed", ("acs-call-end", 410, 301005)),
        ("ACS call ended when the laptop's wifi went down and it couldn't reconnect", ("acs-call-end", 496, 7)),
        ("ACS call: the callee never picked up and it got cancelled on timeout", ("acs-call-end", 487, 10004)),
        ("ACS call end reason when nobody answered", ("acs-call-end", 487, 10004)),
        ("ACS incoming call stopped ringing on my desktop because I picked up on another device",
         ("acs-call-end", 487, 10003)),
        ("ACS SMS delivery failed: invalid sender number", ("acs-sms-delivery", 4001, None)),
        ("ACS SMS: the recipient number format is wrong, invalid recipient number", ("acs-sms-delivery", 4002, None)),
        ("RAG API: the LLM timed out upstream", ("rag-api", 504, None)),
        ("Call Automation: playing a prompt before the call is established fails", ("acs-call-automation", 400, 8501)),
        ("Call Automation: startRecording after the call has already ended", ("acs-call-automation", 400, 8528)),
        ("ACS PSTN: outbound call blocked, we set no alternate caller id", ("acs-pstn", 403, 510403)),
    ],
)
def test_a_symptom_in_the_users_words_is_its_row(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Call Automation: our outbound calls get throttled, the monthly call limit was hit",
         ("acs-call-automation", None, 8529)),
        ("call automation throttling: too many concurrent calls at once", ("acs-call-automation", None, 8530)),
    ],
)
def test_the_more_specific_saying_wins_inside_one_product(explain, question, expected):
    assert_ours(explain(question), expected)


def test_the_general_saying_alone_keeps_its_row(explain):
    assert_ours(explain("Call Automation: requests are being throttled"), ("acs-call-automation", 429, None))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Omnichannel messaging: invalid organization ID", ("omnichannel-messaging", 30001, None)),
        ("omnichannel API says my conversation ID is invalid", ("omnichannel-messaging", 30005, None)),
        ("ACS SMS delivery report: the destination number is unreachable", ("acs-sms-delivery", 4006, None)),
    ],
)
def test_what_an_entry_says_is_not_valid_is_asked_as_invalid(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize("question", [
    "Omnichannel: listing conversations with page size 300 fails",
    "omnichannel getConversations pageSize=400 rejected",
])
def test_a_size_parameters_value_is_no_code(explain, question):
    assert parse(question).targets == ()
    assert_ours(explain(question), ("omnichannel-messaging", 30007, None))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS Videoanruf: die Kamera ist belegt", ("acs-calling-sdk", 412, 43000)),
        ("ACS Calling SDK : impossible de démarrer, la caméra est utilisée par Teams", ("acs-calling-sdk", 412, 43000)),
        ("SMS ACS: el cliente respondió STOP y ya no recibe", ("acs-sms-delivery", 4007, None)),
        ("Omnichannel API: die Nachricht ist zu lang", ("omnichannel-messaging", 30011, None)),
    ],
)
def test_a_symptom_asked_in_another_language(explain, question, expected):
    assert_ours(explain(question), expected)


def test_one_products_saying_does_not_take_anothers_question(explain):
    # Call Automation keeps "the call is not established" for 8501; a screen share that will not
    # start before the call is connected is the Calling SDK's own row
    assert_ours(explain("ACS: screen sharing won't start because the call isn't connected yet"),
                ("acs-calling-sdk", 412, 41071))


def test_a_symptom_of_ours_without_our_product_named_claims_nothing(explain):
    # said_in_product counts only beside the product: another vendor's hold button is not ours
    decision = explain("Twilio Voice: putting the call on hold fails")
    assert decision.status == "none"


def _lines():
    if not QUESTIONS.exists():
        return []
    return question_lines(QUESTIONS)


@pytest.mark.parametrize("line", [x for x in _lines() if not x.get("open")], ids=lambda x: x["q"][:60])
def test_every_row_question_keeps_its_answer(explain, line):
    decision = explain(line["q"])
    assert holds(decision, line["expect"]), (line["expect"], decision.status, [ident(m) for m in decision.matches[:3]])


SET_ASIDE = Path(__file__).with_name("rows_told_as_symptoms_set_aside.jsonl")


def test_the_set_aside_row_questions_keep_their_figure(explain):
    # 42 questions of the same kinds, written after the work above and scored once then
    # (main 57.1%, this branch 66.7%); not worked from, so it says how far the kinds reach.
    held, total = share_held(explain, SET_ASIDE)
    assert held / total >= 0.66, f"{held}/{total}"
