"""Questions asked the way a reader of the documentation asks them.

Someone who followed a quickstart, a how-to or a changelog writes in that page's words:
the SDK's method and event names ("RecognizeFailed", "CallTransferFailed", "startVideo
twice", "TransferCallToParticipant"), the scenario the page describes ("the Communication
Services resource isn't connected to Azure AI services yet", "a user who never opened the
app"), and rarely a code. Real threads paste the code; these readers tell the event. What
bridges the two is data:

- a row's ``story_words`` (catalog/data/*.toml): the events it reaches people by and the
  roles it is about, read as the row's own words for the text match but never matched as
  an alias (one event, many rows). An event's name counts as one word: its parts ("call",
  "failed") are every row's and would only move the other rows' weights;
- a row's ``said_in_product``: how the scenario is told (an action done twice, a method
  that throws, an answer outside the choices), counted where the product is named;
- the product's signals: its method names ("transfer call to participant", "start media
  streaming") and, for call end's Rooms rows, a Rooms call.

Documented behaviour that no table covers (how to localise a composite, how long a token
lives) stays 'none'. And a foreign product whose name is an everyday word of the languages
people ask in ("agora" is Portuguese and Spanish for "now") is that product only in its
own capital.

documentation_scenarios_questions.jsonl beside this file holds the questions this work was
done from; documentation_scenarios_questions_set_aside.jsonl was written at the same time
and scored once at the end. Both run here with a floor. Before this work they scored 67.2%
(45/67) and 72.7% (24/33); after it 95.5% (64/67) and 75.8% (25/33): the sayings written for
the rows worked from generalise less than the rules (event names, how-to, titles copied).
"""

from pathlib import Path

import pytest

from catalog import load_catalog
from tests.support.matching import assert_answers, assert_none_naming, share_held

HERE = Path(__file__).parent
WORKED_FROM = HERE / "documentation_scenarios_questions.jsonl"
SET_ASIDE = HERE / "documentation_scenarios_questions_set_aside.jsonl"


@pytest.mark.parametrize(
    "question, expected",
    [
        # an event's name beside the scenario the how-to describes
        ("Call Automation: PlayFailed as soon as the audio file sits in a private container of our storage account",
         ("acs-call-automation", None, 8536)),
        ("call automation - hit CallTransferFailed because a second transfer was sent while another transfer is in progress",
         ("acs-call-automation", None, 8607)),
        ("callautomation transcription with a custom speech model set: TranscriptionFailed straight after it starts",
         ("acs-call-automation", None, 8605)),
        # a method of ours named as the how-to writes it names the product
        ("we call TransferCallToParticipant again while the transfer is already running and it is refused",
         ("acs-call-automation", None, 8607)),
        ("startMediaStreaming: the socket address we configured is ws:// instead of wss",
         ("acs-call-automation", None, 8581)),
        ("Call Automation recognize: the caller answered with something that is none of the choices",
         ("acs-call-automation", None, 8547)),
    ],
)
def test_an_event_or_method_name_with_its_scenario_finds_the_row(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("calling sdk: stopVideo twice in a row throws on the second call", ("acs-calling-sdk", 400, 41030)),
        ("acs calling: the renderer gets disposed twice when the tile unmounts", ("acs-calling-sdk", 400, 43210)),
        ("ACS web calling in React StrictMode: createCallAgent twice for the same user", ("acs-calling-sdk", 409, 40228)),
        ("calling sdk call.hold throws for a group call", ("acs-calling-sdk", 500, 41033)),
        ("acs calling: unmute fails after the call was reconnected", ("acs-calling-sdk", 400, 41016)),
    ],
)
def test_an_action_done_twice_or_a_method_that_throws_is_told_as_its_row(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("joined a rooms call with an identity that is not on the room's participant list, call ends right away",
         ("acs-call-end", 403, 5828)),
        ("moved someone from attendee to presenter in the middle of the room call and they were dropped",
         ("acs-call-end", 0, 5317)),
        ("the callee has never logged in to our app, what does the call end with?", ("acs-call-end", 480, 10037)),
    ],
)
def test_a_rooms_or_call_end_scenario_finds_its_row(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_status_beside_a_rows_title_copied_from_the_page_is_that_row(explain):
    # the reader copied the row's title; its twin ("... Call Not Established") is quoted less fully
    assert_answers(explain("our IVR keeps sending play requests after the caller left; each gets a 400 saying "
                           "Action Not Supported Call Terminated in the logs and we wonder if we leak handlers"),
                   ("acs-call-automation", 400, 8528))


def test_a_status_page_quoting_its_reason_phrase_picks_no_products_row(explain):
    # a server's own page quotes the status's reason phrase, which titles every product's plain row
    assert explain("<html><head><title>413 Request Entity Too Large</title></head></html>").status != "answer"


def test_an_event_name_is_no_alias_of_its_rows():
    # Many rows share one event: naming it picks none of them by itself.
    catalog = load_catalog()
    rows = [e for e in catalog.entries if "RecognizeFailed" in e.story_words]
    assert len(rows) > 3
    assert all("RecognizeFailed" not in (*e.aliases, *e.said_in_product) for e in rows)
    assert catalog.matcher.explain("Call Automation RecognizeFailed").status != "answer"


@pytest.mark.parametrize(
    "question",
    [
        "how do I translate the CallComposite labels into Spanish?",
        "Identity quickstart: what is the longest lifetime I can give a token?",
        "Rooms: which role can share the screen?",
        "Web Chat: can I change the font of the send box?",
    ],
)
def test_documented_behaviour_no_table_covers_stays_none(explain, question):
    assert explain(question).status == "none"


@pytest.mark.parametrize(
    "question",
    [
        "RAG API: where can I find the request_id and trace_id of a call?",
        "omnichannel messaging: where do I read the correlation id header to give to Microsoft support?",
    ],
)
def test_a_how_to_question_may_still_be_explained_by_a_concept(explain, question):
    # the rows that say how things are (a concept, a tip) answer a how-to question; an error row never does
    decision = explain(question)
    assert decision.status == "answer"
    assert decision.matches[0].entry.kind == "concept"


def test_a_how_to_question_with_a_word_of_trouble_is_about_an_error(explain):
    assert_answers(explain("how do I stop startVideo from failing when Teams already has the camera in use?"),
                   ("acs-calling-sdk", 412, 43000))


@pytest.mark.parametrize(
    "question",
    [
        "e agora o relatório de entrega do SMS diz que o número optou por não receber",
        "y agora el informe de entrega del SMS dice que el número respondió stop",
    ],
)
def test_agora_as_the_word_for_now_is_no_product(explain, question):
    assert_answers(explain(question), ("acs-sms-delivery", 4007, None))


@pytest.mark.parametrize("question", ["Agora: joinChannel fails with error 17", "agora rtc sdk error 110 on join"])
def test_agora_written_as_its_name_is_still_agora(explain, question):
    assert_none_naming(explain(question), "Agora")


@pytest.mark.parametrize(
    "question",
    [
        "Call Automation DTMF recognize: the caller typed 4 and 7, then waited too long between digits and RecognizeFailed came back",
        "Call Automation: caller pressed 3, 4 and then paused too long between keys; recognize failed with inter digit timeout",
    ],
)
def test_the_keys_a_caller_pressed_are_no_codes(explain, question):
    # "7" after "typed 4 and" is a key of the menu, not the call end's subcode 7
    assert_answers(explain(question), ("acs-call-automation", None, 8532))


def test_a_listed_number_after_a_code_word_is_still_a_code(explain):
    assert_answers(explain("ACS call ended with code 496 and subcode 7"), ("acs-call-end", 496, 7))


@pytest.mark.parametrize(
    "question, expected",
    [
        # the event's name alone names Call Automation; the callee's answer is told in words
        ("Call Automation: we transfer the caller to a nurse, she tapped Decline and we got CallTransferFailed",
         ("acs-call-automation", None, 8538)),
        ("AddParticipantFailed after the supervisor declined the call on his phone", ("acs-call-automation", None, 8538)),
        ("CallTransferFailed: the target was already in another call", ("acs-call-automation", None, 8539)),
    ],
)
def test_a_call_automation_event_names_its_product_and_the_callees_answer_its_result(explain, question, expected):
    assert_answers(explain(question), expected)


def test_the_questions_worked_from_keep_their_share_held(explain):
    held, total = share_held(explain, WORKED_FROM)
    assert held / total >= 0.93, f"{held}/{total}"


def test_the_set_aside_questions_keep_their_share_held(explain):
    held, total = share_held(explain, SET_ASIDE)
    assert held / total >= 0.75, f"{held}/{total}"
