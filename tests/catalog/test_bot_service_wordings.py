"""What the Bot Service, its channels and a bot's web server print in words.

"POST to EchoBot timed out after 15s" is the channel page's line for Direct
Line's 502; "Invalid token or secret" is Direct Line's 403; Restify's
{"code":"ResourceNotFound","message":"/ does not exist"} is a bot site asked for
a path it has no route for, the Bot Service's 404 for a wrong endpoint. Each
sentence names the Bot Service, and, where it always comes with one, its status
(catalog/connector_codes.toml, [[wordings]]). A post about a bot that quotes two
statuses gets both, in the Bot Service.
"""

import pytest

from catalog.connector_codes import load_connector_codes
from tests.support.matching import assert_ours, ident


@pytest.mark.parametrize(
    "question, expected",
    [
        ("the channels page lists POST to contoso-helpdesk-bot timed out after 15s", ("bot-service", 502, None)),
        ("users see nothing, issues say: POST to Echo Bot timed out after 15s", ("bot-service", 502, None)),
        ('token refresh gives {"error":{"code":"BadArgument","message":"Invalid token or secret"}}',
         ("bot-service", 403, None)),
        ("embedding the iframe: 401 Missing token or secret", ("bot-service", 401, None)),
        ('my node sample on App Service answers {"code":"ResourceNotFound","message":"/api/messages does not exist"}',
         ("bot-service", 404, None)),
        ('browsing the endpoint: {"code":"MethodNotAllowed","message":"GET is not allowed"}', ("bot-service", 405, None)),
        ('every call to the token endpoint: HTTP 403 {"message": "BadArgument:Site missing or disabled"}',
         ("bot-service", 403, None)),
        ("python sample in a container: Exception: Unauthorized Access. Request is not authorized",
         ("bot-service", 401, None)),
        ("Error: Unauthorized. Invalid AppId passed on token: 0000-1111", ("bot-service", 401, None)),
    ],
)
def test_a_wording_names_the_bot_service_and_its_status(explain, question, expected):
    assert_ours(explain(question), expected)


def test_two_statuses_of_one_bot_post_are_both_answered(explain):
    d = explain("deployed sample 16: /api/messages gives 405 (Upgrade to WebSocket is required) "
                "and the portal test gives 401")
    assert d.status == "answer"
    assert {ident(m) for m in d.matches} == {("bot-service", 405, None), ("bot-service", 401, None)}


@pytest.mark.parametrize(
    "question",
    [
        # Azure Resource Manager's ResourceNotFound is not a path the bot's server lacks
        "(ResourceNotFound) The Resource 'Microsoft.BotService/botServices/x' under resource group 'rg' was not found",
        # a call that timed out is not a POST to a bot
        "the outbound call timed out after 15s",
    ],
)
def test_look_alike_sentences_are_not_the_wordings(question):
    assert load_connector_codes().find(question) == []
