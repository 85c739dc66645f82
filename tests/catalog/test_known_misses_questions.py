"""The kinds the last round found and left, asked again in new words, kept with a floor.

known_misses_questions.jsonl holds questions written for six kinds (an identifier's
words split by a mark, "ACS" with a Calling SDK method, a status name inside a row's
title, orchestration libraries on Azure OpenAI, other vendors' SMS opt-outs and
five-digit codes, codes glued to their word), each line tagged with its kind; the
matcher was worked from them. The set-aside file holds a third more of the same
kinds, written at the same time and scored once after the work. Their figures then:
main 62.2% and 73.5%; after the work 95.9% (71/74) and 91.2% (31/34).
"""

from pathlib import Path

import pytest

from tests.support.matching import question_lines, share_held

HERE = Path(__file__).parent
WORKED = HERE / "known_misses_questions.jsonl"
SET_ASIDE = HERE / "known_misses_questions_set_aside.jsonl"


@pytest.mark.parametrize("path, floor", [(WORKED, 0.94), (SET_ASIDE, 0.88)], ids=["worked from", "set aside"])
def test_the_kinds_keep_their_figure(explain, path, floor):
    held, total = share_held(explain, path)
    assert held / total >= floor, f"{held}/{total}"


def test_every_none_of_another_vendor_stays_none(explain):
    # An answer where the honest reply is 'none' is the costly mistake: none of these may slip.
    wrong = [x["q"] for path in (WORKED, SET_ASIDE) for x in question_lines(path)
             if x["expect"] == "none" and explain(x["q"]).status != "none"]
    assert wrong == []
