"""A count of things in a post is no code, and must not stop the words from answering.

"more than 6 camera streams", "only 4 videos show", "fewer than 3 tiles": the number counts
streams, videos or views (lexicon.toml units), or follows "than". Read as an error number
it would be one we do not have, and then no words could answer the question.
"""

import pytest

from catalog.query import parse


@pytest.mark.parametrize(
    "question",
    [
        "createView hangs with more than 9 remote streams",
        "the gallery shows only 4 videos although 7 cameras are on",
        "calling sdk: fewer than 3 tiles render on Safari",
    ],
)
def test_a_count_of_things_is_not_read_as_a_code(question):
    assert parse(question).targets == ()


def test_the_words_beside_a_count_can_answer(explain):
    d = explain("ACS calling sdk: with more than 10 participants the camera is busy error shows for me")
    assert d.status == "answer" and (d.matches[0].entry.code, d.matches[0].entry.subcode) == (412, 43000)


def test_a_code_after_than_in_a_comparison_is_still_read_when_named(explain):
    """'than' only makes a bare number a count; 'status code 503' keeps its role."""
    assert [t.code for t in parse("bot answers more often with status code 503 than before").targets] == [503]
