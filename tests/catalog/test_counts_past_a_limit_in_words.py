"""A count past a limit, told as "more than N things", is "too many" of them.

The Calling SDK refuses one more remote video view once the most it renders are active
(400/43220); its other names in the catalog say "too many remote video streams", "too many
camera streams". People tell the count instead: "once there are more than 6 camera streams
only 6 videos show". "More than <number>" reads as "too many" when the catalog's other
names for a row are looked up (in the product named); the number itself is a count, never a code.
"""

import pytest

from tests.support.matching import assert_ours

VIEW_LIMIT = ("acs-calling-sdk", 400, 43220)


@pytest.mark.parametrize(
    "question",
    [
        "ACS web calling: with more than 9 video streams in the grid the next VideoStreamRenderer never renders",
        "azure communication calling android: createView fails on the next one, too many remote cameras?",
        "@azure/communication-calling: more than 4 camera streams and the new views stay blank",
    ],
)
def test_more_than_n_streams_is_the_view_limit(explain, question):
    assert_ours(explain(question), VIEW_LIMIT)


def test_the_count_is_no_code(explain):
    # "more than 9" names no row numbered 9, with or without a product named
    decision = explain("with more than 9 video streams the next one never renders")
    assert all(9 not in (m.entry.code, m.entry.subcode) for m in decision.matches)
