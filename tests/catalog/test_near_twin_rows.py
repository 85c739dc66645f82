"""Near-twin rows: the words that differ decide.

The Calling SDK has a row for CallAgent and one for TeamsCallAgent, worded alike.
A question that says "Teams" is about the second; one that does not, the first.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, subcode",
    [
        ("call agent for this ACS Id already exists", 40228),
        ("call agent for this Teams Id already exists", 40230),
        ("Failed to create CallAgent, an instance already exists for this identity", 40228),
        ("Failed to create TeamsCallAgent, an instance already exists", 40230),
        ("409 teams call agent already exists", 40230),
    ],
)
def test_the_words_that_differ_pick_the_row(explain, question, subcode):
    assert_answers(explain(question), ("acs-calling-sdk", 409, subcode))


def test_twins_with_the_same_words_stay_ambiguous(explain):
    # Every product's 404 is titled "Not Found": nothing in the words tells them apart.
    assert explain("what is 404").status == "ambiguous"
