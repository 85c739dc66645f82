"""Other Microsoft services' clients and models are not ours, even in Microsoft's words.

The Teams client's push-notification service (Trouter), a model deployed on Azure
AI Foundry and its limits ("Request body too large for model"), an AI assistant's
own client ("Sorry, your request failed. Please try again. Request id: ..."), the
Speech SDK opening its websocket (hr=8E2..., SPXERR_, "WebSocket upgrade failed
with an authentication error") and Microsoft Graph asked of by its operations'
names ("Graph get chat", "Graph list chats") answer 'none', naming the service.
Our names keep a question ours (ACS's CallClient logging Trouter, the RAG API
calling a model, Direct Line Speech), and Graph in a bot's story ("installed the
bot via Graph, then sendActivity 403") is the bot's.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, name",
    [
        ("Teams desktop log: Trouter connection lost, 403 on re-register",
         "the Teams client's push-notification service (Trouter)"),
        ("Llama 3 70B serverless deployment returns 429 too many requests",
         "a model on Azure AI Foundry (DeepSeek, Llama, Mistral, Phi)"),
        ("Mistral Large on Foundry: 400 Request body too large for model. Max size: 8192 tokens",
         "a model on Azure AI Foundry (DeepSeek, Llama, Mistral, Phi)"),
        ("Sorry, your request failed. Please try again. Reason: Request Failed: 429",
         "an AI assistant's own client (GitHub Copilot Chat, Microsoft 365 Copilot)"),
        ("speech recognizer on android: WebSocket upgrade failed with an authentication error (401)", "Azure AI Speech"),
        ("SPXERR_CONNECTION_FAILURE when starting continuous recognition, status 403",
         "Azure AI Speech (its SDK opening the speech websocket)"),
        ("Graph list channel messages gives 403 although the app has ChannelMessage.Read.All", "Microsoft Graph"),
    ],
)
def test_another_microsoft_service_is_named(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our RAG API chat endpoint returns 429 from the deepseek deployment", ("rag-api", 429, None)),
        ("sendActivity Forbidden BotDisabledByAdmin from Copilot", ("bot-service", 403, None)),
        ("Direct Line Speech: WebSocket upgrade failed with an authentication error (401)", ("bot-service", 401, None)),
        ("installed the bot via Graph, then sendActivity fails 403 BotNotInConversationRoster", ("bot-service", 403, None)),
        ("the graph call to create the team works, but the bot's proactive message returns 403", ("bot-service", 403, None)),
    ],
)
def test_our_names_and_our_bots_story_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)


def test_our_calling_sdk_logging_trouter_is_not_the_teams_client(explain):
    assert explain("azure:ACS:error [CallClient][Trouter] registration failed with status 401").foreign_product is None


@pytest.mark.parametrize(
    "question, name",
    [
        ("Azure Web PubSub negotiate returns 401", "Azure Web PubSub"),
        ("APIM: 401 Access denied due to missing subscription key. Make sure to include subscription key",
         "Azure API Management"),
        ("Front Door 503: Our services aren't available right now", "Azure Front Door / Application Gateway"),
        ("Azure Monitor action group SMS not received, 429", "Azure Monitor (alerts and action groups)"),
        ("Teams meeting recording failed, Microsoft Stream error 403",
         "Microsoft Teams itself (meetings, recordings in Stream, call quality)"),
        ("Call quality dashboard shows 403 for the teams meeting",
         "Microsoft Teams itself (meetings, recordings in Stream, call quality)"),
        ("Teams desktop: error code caa70007 when signing in", "Microsoft Teams' or Office's own sign-in (a CAA error code)"),
        ("Outlook add-in: Graph token request fails with 401", "an Office add-in (Office.js)"),
    ],
)
def test_other_azure_and_microsoft_365_services_are_named(explain, question, name):
    assert_none_naming(explain(question), name)


def test_a_bot_behind_a_front_door_is_still_the_bot(explain):
    assert_ours(explain("my bot behind Azure Front Door returns 502 to Teams"), ("bot-service", 502, None))
