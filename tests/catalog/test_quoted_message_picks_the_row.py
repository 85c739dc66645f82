"""Among the rows that share a code, the one whose message the question quotes.

The Calling SDK, PSTN and call end tables all have 408 rows. "Failed to createView,
reason=Failed to render stream, timeout, code=408" quotes the Calling SDK's
rendering timeout (408/43203): VideoStreamRenderer.createView names the Calling
SDK, and the message words pick its row. "iPhone" is a device, not a misspelt
"phone": it does not make the question a PSTN one.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ("iphone safari, when the other side starts screen sharing: Failed to createView, "
         "reason=Failed to render stream, timeout, code=408", ("acs-calling-sdk", 408, 43203)),
        ("Failed to render video stream, rendering timed out, code=408", ("acs-calling-sdk", 408, 43203)),
        ("User gateway timeout code 408", ("acs-pstn", 408, 500001)),
    ],
)
def test_the_row_whose_message_is_quoted_wins(explain, question, expected):
    assert_answers(explain(question), expected)


def test_iphone_is_not_a_misspelt_phone(explain):
    from catalog import load_catalog
    from catalog.products import words_of

    hits = load_catalog().matcher.signals.detect(words_of("on my iphone the call drops"))
    assert "acs-pstn" not in hits.strength
