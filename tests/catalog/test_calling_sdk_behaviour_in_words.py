"""A Calling SDK behaviour told in words, with the SDK's class names.

"A second CallAgent for the same user" is the row "Failed to create CallAgent,
an instance already exists for this identity" (409/40228), told the way a
developer meets it; the iOS SDK spells its classes with a prefix (ACSCallAgent,
ACSTeamsCallAgent), which is read as the class it prefixes. The Teams twin of
the row (40230) answers where the question says TeamsCallAgent.
"""

import pytest

from catalog.textindex import tokens
from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Android calling SDK: asking for a second CallAgent for the same user throws", ("acs-calling-sdk", 409, 40228)),
        ("swift: creating an ACSCallAgent for a user whose previous ACSCallAgent is still alive crashes the app",
         ("acs-calling-sdk", 409, 40228)),
        ("windows calling sdk: the previous CallAgent is still alive and the new one fails for that identity",
         ("acs-calling-sdk", 409, 40228)),
        ("web calling: a second TeamsCallAgent for the same Teams user fails", ("acs-calling-sdk", 409, 40230)),
        ("ACSTeamsCallAgent: a second one for the same user throws in the iOS app", ("acs-calling-sdk", 409, 40230)),
    ],
)
def test_a_second_call_agent_for_one_user_is_the_already_exists_row(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_prefixed_class_name_gives_its_words():
    assert {"call", "agent"} <= set(tokens("ACSCallAgent"))
    assert {"http", "error"} <= set(tokens("HTTPError"))
