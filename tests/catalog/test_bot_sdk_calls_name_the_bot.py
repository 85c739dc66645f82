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
        # v3's IDialogContext.PostAsync and the connector's client, around AutoRest's HttpOperationException
        ("await context.PostAsync(msg) throws Microsoft.Rest.HttpOperationException: Operation returned an invalid "
         "status code 'TooManyRequests'", ("bot-service", 429, None)),
        ("ConnectorClient.Conversations.SendToConversationAsync: invalid status code 'BadGateway'", ("bot-service", 502, None)),
        ("MicrosoftAppCredentials: Operation returned an invalid status code 'Unauthorized' when replying",
         ("bot-service", 401, None)),
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


@pytest.mark.parametrize(
    "question",
    [
        "Microsoft.Rest.HttpOperationException: Operation returned an invalid status code 'Forbidden'",  # any AutoRest client
        "HttpClient.PostAsync returns 429 from my API",
        "flutter showDialog(context: context) throws 404 on the image",
    ],
)
def test_generic_calls_do_not_name_the_bot(explain, question):
    d = explain(question)
    assert not (d.status == "answer" and d.matches[0].entry.source == "bot-service"), question
