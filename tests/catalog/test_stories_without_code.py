"""Our errors told only as a story, without the code.

A person who sees one of our errors happen often posts what they saw, not a number:
"the laptop has no webcam and starting video throws", "the caller says nothing and the
recognize fails", "our security team regenerated the secret and the bot went quiet". The
documents word the same rows their own way ("no video devices found", "Initial Silence
Timeout Reached", "Microsoft Application ID or Password are not correct"). Three things
bridge the two, all data:

- a row's ``said_in_product`` sayings (catalog/data/*.toml): how people tell its event,
  counted only where the question names the row's product;
- lexicon.toml [said_plainly]: the everyday word for a catalog word ("webcam" for "camera",
  "secret" for "password"), which a row holding the catalog's word holds too (built into
  the index once: nothing is added per question);
- lexicon.toml [said_between]: determiners that may stand between a saying's words or be
  left out ("pick the speaker" is "pick speaker"), and a saying's word is matched with the
  consonant English doubles before an ending ("stopped ringing" for "stop ringing").

A story about one of our products whose problem no row covers stays 'none': the sayings
are the rows' events, never the product's name alone.

stories_without_code_questions.jsonl beside this file holds the questions this work was
done from; stories_without_code_questions_set_aside.jsonl was written at the same time and
scored once at the end. Both run here with a floor.
"""

import json
from pathlib import Path

import pytest

from catalog import load_catalog
from tests.support.matching import assert_answers, ident, share_held

HERE = Path(__file__).parent
WORKED_FROM = HERE / "stories_without_code_questions.jsonl"
SET_ASIDE = HERE / "stories_without_code_questions_set_aside.jsonl"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Azure Bot: after our security team regenerated the secret in Entra, Teams shows nothing from the bot",
         ("bot-service", 401, None)),
        ("Direct Line: our bot answers too slowly and Direct Line says the bot didn't acknowledge", ("bot-service", 502, None)),
        ("Omnichannel messaging API: I sent an activity with no text and no attachments", ("omnichannel-messaging", 30016, None)),
        ("RAG API: our nightly job uploads the same document twice and the second upload fails", ("rag-api", 409, None)),
        ("RAG API rejects an .exe upload: unsupported file type", ("rag-api", 415, None)),
        ("Calling SDK: the remote user switched off their camera just as we built the view", ("acs-calling-sdk", 404, 43202)),
        ("Call Automation: the menu plays, the caller says nothing and the recognize fails", ("acs-call-automation", None, 8510)),
        ("ACS PSTN call ends right away: the line was busy", ("acs-pstn", 486, 60486)),
        ("ACS chat: a user removed from the thread tries to post", ("acs-chat", 403, None)),
        ("ACS SMS to a toll-free number fails, toll-free verification was never done", ("acs-sms-delivery", 4010, None)),
    ],
)
def test_a_story_in_the_products_words_is_its_row(explain, question, expected):
    assert_answers(explain(question), expected)


def test_an_everyday_word_counts_as_the_catalogs_word():
    # "webcam" is held by every row that says "camera"; built into the index, not read per question
    index = load_catalog().matcher.text
    camera_rows = {i for i, words in enumerate(index.entry_tokens) if "camera" in words}
    assert camera_rows and all("webcam" in index.entry_tokens[i] for i in camera_rows)


def test_a_story_told_with_the_everyday_word_finds_the_row(explain):
    assert_answers(explain("ACS web calling: the laptop has no webcam and starting video throws"), ("acs-calling-sdk", 412, 43013))


def test_a_determiner_between_a_sayings_words_changes_nothing(explain):
    # the saying is "pick speaker"; "pick the speaker" says the same
    assert_answers(explain("Calling SDK on iPhone: letting the user pick the speaker fails"), ("acs-calling-sdk", 405, 40606))


def test_a_sayings_word_is_read_with_its_doubled_consonant(explain):
    # the saying is "stopped ringing", matched as the stems "stop ring": "stopped" doubles the p
    assert_answers(explain("Calling SDK: accepting the incoming call fails because it stopped ringing"),
                   ("acs-calling-sdk", 400, 41006))


@pytest.mark.parametrize(
    "question",
    [
        "ACS calling: users hear each other with a delay",
        "Azure Bot: how do I change the bot's avatar picture",
        "Omnichannel: the chat widget shows the wrong agent name",
        "RAG API: the answers come back in English though we asked in French",
        "ACS SMS: the message arrives with broken emoji",
    ],
)
def test_a_story_of_ours_that_no_row_covers_stays_none(explain, question):
    assert explain(question).status == "none"


def test_a_saying_needs_its_product_named(explain):
    # "the line was busy" is the PSTN row's saying; another vendor's busy line is theirs
    assert explain("Vonage call: the line was busy").status == "none"


def test_the_stories_worked_from_keep_theirshare_held(explain):
    # 79 questions (22 near-misses): main 49.4%, after this work 82.3%
    held, total = share_held(explain, WORKED_FROM)
    assert held / total >= 0.8, f"{held}/{total}"


def test_the_set_aside_stories_keep_theirshare_held(explain):
    # 39 questions (10 near-misses) written with the above, not worked from: main 48.7%, scored once at the end 87.2%
    held, total = share_held(explain, SET_ASIDE)
    assert held / total >= 0.85, f"{held}/{total}"


def test_every_near_miss_story_stays_none(explain):
    # the near-misses that hold today: a saying added later must not start answering them
    for path in (WORKED_FROM, SET_ASIDE):
        for line in path.read_text(encoding="utf-8").splitlines():
            x = json.loads(line)
            if x["expect"] == "none" and x["q"] not in _KNOWN_NEAR_MISS_ANSWERED:
                assert explain(x["q"]).status == "none", x["q"]


# near-misses the matcher answers today (left as they are, see the report): our product named,
# and words of a row ("download ... file", "phone number") that are not its event
_KNOWN_NEAR_MISS_ANSWERED = {
    "ACS call recording: the downloaded recording file is empty",
    "Our ACS phone number shows as Unknown caller on the recipient's phone",
}


@pytest.mark.parametrize(
    "question, expected",
    [
        # the saying is "removed from the chat thread"; "ACS" stands inside it as an adjective
        ("The admin removed her from the ACS chat thread yet her posts keep going out and get refused", ("acs-chat", 403, None)),
        ("Bob was removed from the ACS chat thread but his client keeps sending", ("acs-chat", 403, None)),
    ],
)
def test_the_products_short_name_inside_a_saying_changes_nothing(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "ACS call on a tablet: the network drops for a moment in the tunnel and the call ends, it never reconnects",
        "Our ACS call ends for the user whenever the hotel wifi drops for a second",
    ],
)
def test_a_call_that_ends_when_the_network_drops_for_a_moment_is_the_network_drop(explain, question):
    d = explain(question)
    assert d.status == "answer", d
    assert ident(d.matches[0]) == ("acs-call-end", 496, 7)


@pytest.mark.parametrize(
    "question",
    [
        "ACS SMS delivery fails: our phone numbers are stored without the plus",
        "Texts from our ACS SMS app bounce because the phone numbers we keep have no + prefix, written without the plus",
    ],
)
def test_phone_numbers_beside_sms_are_the_sms_numbers_not_a_pstn_call(explain, question):
    assert_answers(explain(question), ("acs-sms-delivery", 4002, None))
