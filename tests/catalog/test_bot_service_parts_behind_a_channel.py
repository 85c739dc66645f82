"""A bot on a chat platform whose failure is the Bot Service's is ours.

"My Telegram bot gets 429" is Telegram's own bot and its own Bot API: 'none'.
But a bot that a platform reaches through Azure Bot Service has parts the
platform's own bots do not: the bot's (messaging) endpoint the channel posts
to, the Bot Connector it replies through, the v3 bot state service, the local
tunnel it is debugged through (ngrok, which the Bot Service's error page
names), and the words those parts use when the bot fails (the channel's
"Sorry, MyBot is having a problem responding right now", the .NET connector
client's "Operation returned an invalid status code 'BadGateway'"). Named
beside the platform, any of them makes the question the Bot Service's, in any
language. A call straight to the platform's own API (setWebhook, a Bolt app),
the platform calling the bot's own URL (its webhook: a Bot Service bot's platform
calls the Bot Service), or another product named with it (Rasa's Slack
connector) keeps it theirs.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, expected",
    [
        # the endpoint the channel posts to, short and long
        ("telegram bot endpoint returns 401", ("bot-service", 401, None)),
        ("Facebook Messenger bot: the messaging endpoint returns HTTP 503", ("bot-service", 503, None)),
        ("our Facebook bot's endpoint got 409 Conflict from the channel", ("bot-service", 409, None)),
        # debugged locally through the tunnel the Bot Service's page names, in other languages too
        ("LINE bot running locally through ngrok: 404 Not Found", ("bot-service", 404, None)),
        ("mi bot de Telegram con ngrok da error 500", ("bot-service", 500, None)),
        ("bot Slack en local via ngrok : erreur 405", ("bot-service", 405, None)),
        # the connector and the state service, said by their names or glued with hyphens
        ("Slack bot: the Bot Connector answers Forbidden when the bot replies", ("bot-service", 403, None)),
        ("Telegram-Bot: der State Service antwortet mit 412 Precondition Failed", ("bot-service", 412, None)),
        # ... in the other languages people ask in
        ("bot do Telegram: endpoint do bot retorna 500", ("bot-service", 500, None)),
        ("Telegram-Bot: Bot-Endpunkt liefert 502", ("bot-service", 502, None)),
        ("el bot de Slack: el conector responde 500", ("bot-service", 500, None)),
        # a channel listed nowhere as a product (Kik, GroupMe) is the Bot Service's anyway
        ("GroupMe bot endpoint returns 500", ("bot-service", 500, None)),
        # what those parts say when the bot fails, with a status word and no digits
        ("Instagram bot logs: Operation returned an invalid status code 'ServiceUnavailable'", ("bot-service", 503, None)),
        ("Slack users see 'Sorry, HelpBot is having a problem responding right now' and the log says InternalServerError",
         ("bot-service", 500, None)),
    ],
)
def test_a_bot_service_part_beside_the_platform_makes_the_bot_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, platform",
    [
        # the platform's own bot, with nothing of the Bot Service beside it
        ("my Telegram bot 502", "Telegram"),
        # a platform that is no channel of the Bot Service keeps its bot's endpoint
        ("Discord bot endpoint returns 401", "Discord"),
        # its own API, even through the same tunnel
        ("Telegram bot via ngrok: setWebhook says Wrong response from the webhook: 502 Bad Gateway", "Telegram"),
        ("Slack bolt app connector error 403 not_in_channel", "Slack"),
        # the platform calling the bot's own URL (a webhook, Slack's request URL), tunnelled or not: a
        # Bot Service bot's platform calls the Bot Service, only the bot's endpoint is tunnelled
        ("LINE bot webhook via ngrok returns 404", "LINE / Viber / Kakao / Signal"),
        ("Telegram bot webhook through ngrok gets 502", "Telegram"),
        ("Slack bot: request URL via ngrok returns 500", "Slack"),
        ("facebook messenger bot webhook on ngrok 403", "Facebook Messenger / Instagram"),
        # another bot framework's connector for the platform is that framework's
        ("Rasa slack connector returns 500 through ngrok", "Rasa / Botpress"),
        # ... and the platform's connector in an integration tool is the platform's
        ("Logic Apps Telegram connector 401", "Telegram"),
        ("Slack connector for Jira returns 500", "Slack"),
        ("Instagram connector in Zapier: 401", "Facebook Messenger / Instagram"),
        # a library of the platform's own, named without the platform
        ("aiogram bot state lost after restart, 500", "Telegram"),
    ],
)
def test_the_platforms_own_bot_stays_theirs(explain, question, platform):
    assert_none_naming(explain(question), platform)
