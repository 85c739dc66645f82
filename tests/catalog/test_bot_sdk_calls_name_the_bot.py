"""The Bot Framework SDK's calls, as written in code, name the Bot Service.

A post quotes the call that failed rather than the product: `turnContext.deleteActivity`,
`ReplyToActivityAsync`, `GetConversationMembersAsync`, "Get Conversations". Identifiers
are read as their words, and the SDK's turn and the connector's operations are among the
Bot Service's product words (bot-service.toml signals). Named that way, the bot's row of
the status answers; a status the Bot Service document does not have stays unanswered
rather than borrowed from another product.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ("turnContext.deleteActivity(id) rejects with 404", ("bot-service", 404, None)),
        ("ReplyToActivityAsync throws Operation returned an invalid status code 'Forbidden'", ("bot-service", 403, None)),
        ("GetConversationMembersAsync returned MethodNotAllowed", ("bot-service", 405, None)),
        ("continueConversation with the saved conversation reference: 401", ("bot-service", 401, None)),
    ],
)
def test_a_bot_sdk_call_names_the_bot(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "CreateConversationAsync throws Operation returned an invalid status code 'NotImplemented'",
        "updateActivity in a skill returns 501",
    ],
)
def test_a_status_the_bot_document_lacks_is_not_borrowed(explain, question):
    assert explain(question).status == "none"
