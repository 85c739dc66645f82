"""Bot Framework connector and Direct Line errors named by their code, without a status.

A Teams bot's proactive message fails with {"error": {"code":
"BotNotInConversationRoster", ...}}, and the post often leaves out the 403 it
came with. Each connector code comes with one HTTP status (catalog/connector_codes.toml,
with the documents it was taken from), and that status finds the Bot Service
row an expert would give. The connector's own codes name the Bot Service as a
product word does; codes every API uses (BadArgument, TokenExpired) give the
status only. The Bot Service document has no 400 or 413 row: a code that stands
for one of them is answered 'none' rather than from another product's 400.
"""

import pytest

from catalog.connector_codes import load_connector_codes
from tests.support.matching import assert_answers

BOT = "bot-service"


@pytest.mark.parametrize(
    "question, status",
    [
        ('{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}', 403),
        ("ConversationBlockedByUser when sending proactive message", 403),
        ("<BotDisabledByAdmin>The tenant admin disabled this bot, errorCode 209, errorSubCode 1", 403),
        ("BotNotRegistered from the Teams connector", 401),
        ('{"error":{"code":"TokenExpired","message":"Token expired"}} from Direct Line', 403),
        ("Bot framework: Operation returned an invalid status code 'NotFound' ConversationNotFound", 404),
        ('updateActivity fails: {"error":{"code":"ConversationNotFound","message":"Conversation not found."}} for this conversationId', 404),
        ("my teams bot gets Throttled code when broadcasting", 429),
        ('{"error":{"code":"Throttled","message":"Too many requests"}} from smba.trafficmanager.net', 429),
        ("Teams bot SendActivityAsync throws ErrorResponseException ServiceError", 500),
        ('directline says {"error":{"code":"BotError","message":"Failed to send activity: bot returned an error"}}', 502),
        ('"message":"POST to mybot timed out after 15s","type":"Microsoft.Bot.Schema.BotTimeoutException"', 502),
        # the error's own code outweighs the products the story around it names
        ("continueConversationAsync fails with Forbidden: BotNotInConversationRoster, our ACS calling bot also uses the chat thread", 403),
        # the message alone stands for its code, however it is spelt
        ("Error: The bot isn't part of the conversation roster. when sending to the stored reference", 403),
        ("user blocked the conversation with the bot", 403),
        ("Quando acesso o author, eu recebo o erro: The tenant admin disabled this bot", 403),
    ],
)
def test_a_connector_code_is_answered_as_its_status(explain, question, status):
    assert_answers(explain(question), (BOT, status, None))


@pytest.mark.parametrize(
    "question",
    [
        # 413 and 400: the Bot Service document has no such rows; the RAG API's 413 or ACS's 400 are not the answer
        '{"error":{"code":"MessageSizeTooBig","message":"Message size too large."}} from my Teams bot',
        "teams bot proactive message fails: BadArgument Unknown activity type",
        "Teams bot reply fails with code BadSyntax",
    ],
)
def test_a_code_whose_status_the_bot_service_document_lacks_is_none(explain, question):
    assert explain(question).status == "none"


def test_a_status_that_is_direct_lines_own_choice_holds_only_for_our_bots(explain):
    """Direct Line answers an expired token with 403; ACS says 401 for it: the code alone is no 403 there."""
    assert_answers(explain('Direct Line: {"error":{"code":"TokenExpired","message":"Token expired"}}'), (BOT, 403, None))
    d = explain('ACS chat token: {"error":{"code":"TokenExpired","message":"Token expired"}}')
    assert not (d.status == "answer" and d.matches[0].entry.code == 403)


def test_a_status_the_question_gives_wins_over_the_codes_own(explain):
    """'<BotError> ... status code InternalServerError': the post says which status it was."""
    d = explain("Teams message extension: \"<BotError>Agent returned unsuccessful status code InternalServerError\"")
    assert_answers(d, (BOT, 500, None))


@pytest.mark.parametrize(
    "question",
    [
        "the request was throttled",  # an ordinary word, not the code
        "BadArgumentException in my parser",  # part of someone else's identifier
    ],
)
def test_words_that_only_look_like_codes_are_not_read_as_codes(question):
    assert load_connector_codes().find(question) == []


def test_every_code_has_its_status_and_source_in_the_data():
    import tomllib
    from catalog.connector_codes import CODES_PATH

    raw = tomllib.loads(CODES_PATH.read_text(encoding="utf-8"))
    for code in raw["codes"]:
        assert 400 <= code["status"] <= 599, code
        assert code["source"] in ("teams", "directline", "directlinejs", "schema", "seed-000"), code
