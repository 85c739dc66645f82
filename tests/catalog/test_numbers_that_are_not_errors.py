"""Numbers in a question that are not an error the asker got must not steer the answer.

Keys a caller pressed ("pressed 6 then #", "keyed 1, 2", "chose menu option 4"), a limit told by
its value ("page size of 400", "pageSize = 180") and a bare number of the success range that is a
name or a count ("agent 230") are no codes. Read as codes they would either pull in a row of that
number (the 400 of the product) or say that nothing failed (a 2xx got), and the words, which name
the row, could not answer.
"""

from pathlib import Path

import pytest

from catalog.lexicon import load_lexicon
from catalog.query import parse
from catalog.statuses_not_had import is_success_got
from tests.support.matching import share_held

QUESTIONS = Path(__file__).with_name("numbers_not_errors_questions.jsonl")


@pytest.mark.parametrize(
    "question",
    [
        "the caller pressed 6 then # and recognize failed",
        "caller keyed 1, 2 and the recognize ended",
        "caller entered 9 8 3 and then nothing",
        "the user picked option 4 from the menu",
        "they typed 7 / 8 on the keypad",
    ],
)
def test_keys_a_caller_pressed_are_not_codes(question):
    assert parse(question).targets == ()


@pytest.mark.parametrize(
    "question",
    [
        "fetching conversations with a page size of 400 gets rejected",
        "our list call with pageSize = 180 fails",
        "max length is 300 and the topic is refused",
        "we set the page size to 500",
    ],
)
def test_a_limit_told_by_its_value_is_not_a_code(question):
    assert parse(question).targets == ()


def test_a_status_after_pressed_keys_is_still_read():
    """Only one or two digits are keys: the 500 after them is the error."""
    assert [t.code or t.number for t in parse("the caller pressed 2 and the call dropped with 500").targets] == [500]


def test_a_page_that_is_a_status_is_still_read():
    """'is' joins a value only to a limit's word: 'the page is 404' names the status."""
    assert [t.number for t in parse("the page is 404 on my bot").targets] == [404]


@pytest.mark.parametrize(
    "question, got",
    [
        ("sms api returns a 202 but nothing arrives", True),
        ("got 200 OK from the send call", True),
        ("calls connect fine (200) but the callee sees Unknown", True),
        ("missing from my 200 responses", True),
        ("agent 230 of our roster sees an error", False),
        ("adding participant 250 fails", False),
        ("a title up to 240 long is refused", False),
    ],
)
def test_a_success_is_got_only_where_written_as_a_status(question, got):
    lex = load_lexicon()
    clean = question.casefold()
    [t] = [t for t in parse(question).targets if (t.code or t.number or 0) >= 200]
    assert is_success_got(clean, t, lex) is got


def test_the_words_answer_beside_a_count_in_the_success_range(explain):
    d = explain("omnichannel: agent 230 of our roster sees message text length too large when replying")
    assert d.status == "answer" and (d.matches[0].entry.source, d.matches[0].entry.code) == ("omnichannel-messaging", 30011)


def test_the_limit_row_answers_a_limit_told_by_its_value(explain):
    d = explain("omnichannel: fetching conversations with a page size of 400 gets rejected, page size for conversations")
    assert d.status == "answer" and d.matches[0].entry.code == 30007


def test_every_question_of_the_kind_is_held(explain):
    held, total = share_held(explain, QUESTIONS)
    assert held == total, f"{held}/{total}"
