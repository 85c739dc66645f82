"""A status's plain name right after what a refusal called the request names that status.

"every message gets rejected as unauthorized", "the call is refused as forbidden": the
words after "rejected as" are what the service answered, so a single status word there
counts as the status, as it does before "exception" (lexicon.toml [status_named] after).
Anything else after those words ("rejected as unsuitable", "flagged as spam") is no status.
"""

import pytest

from catalog.query import parse
from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("our Teams bot in a new App Service: since the move every incoming activity is refused as unauthorized by the adapter",
         ("bot-service", 401, None)),
        ("Direct Line conversation start gets rejected as forbidden after I regenerated the secret", ("bot-service", 403, None)),
        ("ACS chat: adding a participant is denied as forbidden", ("acs-chat", 403, None)),
    ],
)
def test_a_status_word_after_a_refusal_is_the_status(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize("text", ["the new employee is rejected as unsuitable", "the unauthorized user was removed"])
def test_other_words_after_a_refusal_are_no_status(text):
    assert not parse(text).targets
