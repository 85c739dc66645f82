"""Other platforms' bots are not ours, however well their status fits a Bot Service row.

A LINE, Slack, Twitch, KakaoTalk, Telegram, Discord or WhatsApp bot that gets a
429, 403 or 401 would otherwise be answered from our Bot Service or ACS rows,
because "bot" and the status are all they share with them. The honest answer is
'none', saying which platform it looks like. The platform may be named by a
bare word, a brand in its own capitals ("LINE"), or in another script.

Slack, Telegram, LINE and Facebook are also channels of Azure Bot Service: a bot
connected to them through the Bot Service is ours. Our names, hosts and
packages say so, and for these platforms so do the words of a Bot Service
bot's channels (Teams, Web Chat, the channel configuration).
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

LINE = "LINE / Viber / Kakao / Signal"
WIDGET = "a website chat widget (tawk.to, Tidio, Crisp, LiveChat, Drift, HubSpot)"


@pytest.mark.parametrize(
    "question, platform",
    [
        # a bare word, and a brand in its own capitals
        ("my LINE bot gets 429 when pushing messages", LINE),
        ("Slack bot returns 403 when posting to channel", "Slack"),
        ("twitch chatbot getting 401 unauthorized", "Twitch"),
        ("WhatsApp bot 401 error", "WhatsApp"),
        ("discord bot 403 Missing Access", "Discord"),
        ("Telegram bot 429 Too Many Requests: retry after 35", "Telegram"),
        # in another language or script, glued to it
        ("LINE公式アカウントのボットで429エラーが出ます", LINE),
        ("KakaoTalk 챗봇 403 에러", LINE),
        ("카카오톡 챗봇이 403 에러를 냅니다", LINE),
        ("el bot de Slack devuelve 403", "Slack"),
        ("o bot do Telegram dá erro 429", "Telegram"),
        ("スラックのボットで401が返る", "Slack"),
        ("บอทไลน์ตอบกลับ 429", LINE),
        ("line機器人 回覆 400 Invalid reply token", LINE),
        ("instagram bot 403 when replying to DMs", "Facebook Messenger / Instagram"),
        # a third-party chat widget
        ("tawk.to chat widget 403 forbidden", WIDGET),
        ("Tidio chat widget returns 403 on our site", WIDGET),
        # ... or one nobody listed, by the shape "<Name> chat widget"
        ("Zoho SalesIQ chat widget returns 403 on our site", "SalesIQ"),
    ],
)
def test_another_platforms_bot_is_none_and_names_the_platform(explain, question, platform):
    assert_none_naming(explain(question), platform)


@pytest.mark.parametrize(
    "question",
    [
        "LINE 42: TypeError in bot.py, my bot returns 500",  # a line number in capitals
        "DIRECT LINE returns 403 for my bot",  # Direct Line in capitals
        "AZURE CLI COMMAND LINE: az bot create returns 401",  # a phrase in capitals
    ],
)
def test_line_in_capitals_that_is_not_the_platform_stays_ours(explain, question):
    assert explain(question).foreign_product is None


@pytest.mark.parametrize(
    "question, expected",
    [
        # the platform is a channel of our Bot Service bot
        ("my bot on the Slack channel in Azure Bot Service returns 401", ("bot-service", 401, None)),
        ("Teams bot and Slack channel both connected to Azure Bot returns 403", ("bot-service", 403, None)),
        ("our Teams bot also runs on Slack; Slack users get 429 from it", ("bot-service", 429, None)),
        ("Web Chat works but the LINE channel of the same bot gets 401", ("bot-service", 401, None)),
        ("Telegram channel configuration saved, but the bot returns 502", ("bot-service", 502, None)),
        ("proactive message to Telegram via https://telegram.botframework.com fails with 403", ("bot-service", 403, None)),
        # ... and our hosts and packages win as for any other product
        ("Slack adapter for botbuilder: POST to my bot returns 500", ("bot-service", 500, None)),
        # our own chat widget is Web Chat
        ("our Web Chat widget returns 403", ("bot-service", 403, None)),
        # the Bot Service document itself speaks of a Facebook page's credentials
        ("my bot on facebook page returns 401 after changing the page password", ("bot-service", 401, None)),
    ],
)
def test_a_channel_of_our_bot_service_stays_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, platform",
    [
        # Discord and a self-hosted chat are no channels of ours: "Teams" or "web chat" does not make them ours
        ("discord bot works, but the same bot in Teams? discord returns 403", "Discord"),
        ("self hosted Chatwoot web chat won't start: 429 (Too Many Requests)", "Chatwoot"),
    ],
)
def test_channel_words_do_not_rescue_platforms_that_are_no_channel_of_ours(explain, question, platform):
    assert_none_naming(explain(question), platform)
