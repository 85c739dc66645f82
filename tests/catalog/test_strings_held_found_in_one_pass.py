"""Which of many strings a question holds is found in one pass (pattern_words.held).

foreign_evidence.ForeignEvidence decides which of its shapes to run from the needed words a
question holds, and foreign_products.ForeignProducts names the product of the marks (hosts,
packages) a question holds. Both find them with one search for any of them, resumed after
each place one is found, instead of a substring test of each of some hundreds: these tests
hold that to "exactly the strings the text holds".
"""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from catalog import load_catalog
from catalog.foreign_products import load_foreign_products
from catalog.pattern_words import any_of, begun_by, held, lower_text

QUESTIONS = sorted((Path(__file__).resolve().parents[1] / "questions").glob("*.jsonl"))


def evidence():
    return load_catalog().matcher.evidence


def naive(ev, low):
    return {w for w in ev._needed_words if w in low}


def test_words_inside_other_words_and_side_by_side_are_all_found():
    ev = evidence()
    needed = sorted(ev._needed_words, key=len, reverse=True)
    longest = needed[0]
    text = " ".join(needed[:40]) + " " + longest + longest[:-1]
    assert ev._present_words(lower_text(text)) == naive(ev, lower_text(text))


def test_a_text_with_none_of_them_holds_none():
    ev = evidence()
    text = "zzzz 1234 qqqq"
    assert naive(ev, text) == set() and ev._present_words(text) == set()


def test_every_shipped_question_holds_the_same_words_found_either_way():
    ev = evidence()
    for path in QUESTIONS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                low = lower_text(json.loads(line)["q"])
                assert ev._present_words(low) == naive(ev, low), low


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(sorted(load_catalog().matcher.evidence._needed_words)),
                          st.text(max_size=6)), max_size=12))
def test_any_text_made_of_needed_words_and_others(parts):
    ev = evidence()
    low = lower_text("".join(parts))
    assert ev._present_words(low) == naive(ev, low)


def test_strings_inside_each_other_are_all_held():
    words = ["code", "codes", "de", "od", "x"]
    assert held(any_of(words), begun_by(words), "a codes b") == {"code", "codes", "od", "de"}
    assert held(any_of(words), begun_by(words), "") == set()


def test_every_shipped_question_names_the_same_marks_found_either_way():
    foreign = load_foreign_products()
    marks = [m for m, _ in foreign.marks]
    for path in QUESTIONS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = lower_text(json.loads(line)["q"])
                assert held(foreign._any_mark, foreign._marks_begun, text) == {m for m in marks if m in text}
