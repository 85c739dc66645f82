"""Near-twin rows: the words that differ decide.

The Calling SDK has a row for CallAgent and one for TeamsCallAgent, worded alike.
A question that says "Teams" is about the second; one that does not, the first.
"""

import pytest

from catalog import load_catalog


@pytest.fixture(scope="module")
def explain():
    return load_catalog().explain


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
    d = explain(question)
    assert d.status == "answer"
    assert (d.matches[0].entry.source, d.matches[0].entry.code, d.matches[0].entry.subcode) == ("acs-calling-sdk", 409, subcode)


def test_twins_with_the_same_words_stay_ambiguous(explain):
    # Every product's 404 is titled "Not Found": nothing in the words tells them apart.
    assert explain("what is 404").status == "ambiguous"
