"""A chat platform that is a channel of our bots, or a model our RAG API runs on, is a part of ours
when the question speaks of it as one; called through its own API or library it is its own product.

Telegram, Slack, LINE and Facebook Messenger are channels of Azure Bot Service. "My bot on
Facebook Messenger" or "the same bot fails on Slack and works on Telegram" is a Bot Service bot
put on those platforms; "my Telegram bot ... getUpdates" is a bot built on Telegram's own API.
Azure OpenAI is the model behind the RAG API: a chat app over search or one's own data is a
RAG app, while openai.RateLimitError or "Requests to the ... Operation under Azure OpenAI API
version" is Azure OpenAI called directly.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

FACEBOOK = "Facebook Messenger / Instagram"
OPENAI = "OpenAI / Azure OpenAI"


@pytest.mark.parametrize(
    "question, expected",
    [
        # the bot is put on the platform
        ("my bot on Telegram started answering 401 to everyone after we rotated the password", ("bot-service", 401, None)),
        ("our bot via the Slack channel gets 502 Bad Gateway since the weekend", ("bot-service", 502, None)),
        ("published the bot on fb messenger last month, since Monday every reply is a 500", ("bot-service", 500, None)),
        ("customers talking to our chatbot through Facebook Messenger see 429 too many requests", ("bot-service", 429, None)),
        # ... or the platform is a channel the bot has
        ("added the Telegram channel to my bot, now every message gets 401", ("bot-service", 401, None)),
        ("my bot's Slack channel returns 502 since yesterday", ("bot-service", 502, None)),
        ("the LINE channel of our bot answers 403", ("bot-service", 403, None)),
        # ... or is on several chat platforms at once
        ("the bot works on Telegram but on Slack every message gets 403", ("bot-service", 403, None)),
        ("Facebook Messenger users of our bot get 503, Telegram users are fine", ("bot-service", 503, None)),
        # ... counting the Bot Service's channels that are no product of their own (Kik, Skype)
        ("our bot gets 429 on Kik and Telegram", ("bot-service", 429, None)),
    ],
)
def test_a_bot_put_on_a_channel_platform_is_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, platform",
    [
        # the platform's own bot, not one put on it
        ("Telegram bot 403 when the user has stopped it", "Telegram"),
        ("my slack bot returns 401 on every slash command", "Slack"),
        # a bot put into one of the platform's own channels
        ("added my bot to a Telegram channel, sending fails with 403", "Telegram"),
        ("posting to the Slack channel from my bot fails with 403", "Slack"),
        # put on it, but built on its own API or library
        ("my bot on Telegram logs 409 Conflict: terminated by other getUpdates request", "Telegram"),
        ("bot on telegram written with aiogram gets 429 when broadcasting", "Telegram"),
        ("my bot on Telegram: 409 Conflict: terminated by other long poll or webhook", "Telegram"),
        ("our bot on Slack posts with chat.postMessage and gets 403", "Slack"),
        ("bot on FB Messenger: POST graph.facebook.com/me/messages returns 400", FACEBOOK),
        ("our bot on LINE: the Messaging API returns 400 for the push", "LINE / Viber / Kakao / Signal"),
        # two platforms, both through their own libraries
        ("same bot on Telegram (telegraf) and Slack (Bolt) gets 429", "Telegram"),
    ],
)
def test_a_bot_of_the_platforms_own_api_stays_theirs(explain, question, platform):
    assert_none_naming(explain(question), platform)


def test_another_product_named_beside_a_channel_platform_is_still_that_product(explain):
    # Telegram gives way as the bot's channel; the bot itself is built on another platform.
    assert_none_naming(explain("my Rasa bot on Telegram and Slack returns 500"), "Rasa / Botpress")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our azure ai search + azure openai chat returns 429 too many requests to everyone", ("rag-api", 429, None)),
        ("the cognitive search and Azure OpenAI app we deployed answers 401 since the key rotation", ("rag-api", 401, None)),
        ("Azure OpenAI on your data chat: every question gets 500 Internal Server Error", ("rag-api", 500, None)),
        # a chat app of one's own on the model: what it answers is the app's
        ("our Azure OpenAI chat app answers every question with: Rate limit is exceeded. Try again in 20 seconds.",
         ("rag-api", 429, None)),
        # the RAG app saying its own call to the model failed: the RAG API's upstream failure
        # (tests/catalog/test_rag_app_dependency_failures.py)
        ("our RAG app says: An error occurred when calling Azure OpenAI: Server responded with status 503",
         ("rag-api", 503, None)),
    ],
)
def test_a_chat_over_search_on_azure_openai_is_the_rag_api(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "openai.RateLimitError: Error code: 429 with azure openai in our cognitive search indexer",
        "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-06-01 have exceeded "
        "token rate limit, we use it with AI Search",
        "azure openai returns 429 when I send many prompts",  # no search, no data of one's own
        "chatgpt app shows 429 all day",
        "AzureOpenAI embeddings in our AI Search indexer skill fail with 429",  # the search service's own call
        "azure openai chat app: openai.RateLimitError 429",
    ],
)
def test_azure_openai_called_directly_stays_theirs(explain, question):
    assert_none_naming(explain(question), OPENAI)
