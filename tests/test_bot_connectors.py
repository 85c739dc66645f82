"""Outbound clients are reused across turns, and the user-token client is only built when used."""

from __future__ import annotations

import asyncio

from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botframework.connector.auth import ClaimsIdentity, UserTokenClient

from bot.config import BotConfig
from bot.connectors import LazyUserTokenClient, ReusingBotFrameworkAuthentication
from conftest import activity, conversation_id, post


def test_one_connector_client_serves_many_turns(bot, sink):
    # "localhost" instead of 127.0.0.1: a service URL this bot has not seen yet
    service_url = sink.url.replace("127.0.0.1", "localhost")
    built_before = bot.health()["connectors"]["built"]
    conv = conversation_id()
    for question in ("sms 4007", "what is 404", "bot returns 405", "what is subcode 3112", "help"):
        assert post(bot, activity(sink, question, conv, serviceUrl=service_url)).status_code == 200
    assert len(sink.wait_for(5, conv)) == 5
    assert bot.health()["connectors"]["built"] == built_before + 1


def test_each_service_url_gets_its_own_client(bot, sink):
    before = bot.health()["connectors"]["built"]
    conv = conversation_id()
    # Other loopback addresses: distinct service URLs; nothing listens there, so delivery fails (502).
    for host in ("127.0.0.2", "127.0.0.3"):
        url = sink.url.replace("127.0.0.1", host)
        assert post(bot, activity(sink, "sms 4007", conv, serviceUrl=url)).status_code == 502
    assert bot.health()["connectors"]["built"] == before + 2


def test_user_token_client_is_built_on_first_use_only():
    auth = ReusingBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication(BotConfig()))

    async def run():
        client = await auth.create_user_token_client(ClaimsIdentity({}, True))
        assert isinstance(client, UserTokenClient) and isinstance(client, LazyUserTokenClient)
        assert not client.built
        real = await client._get()
        assert client.built and type(real).__name__ == "_UserTokenClientImpl"
        assert await client._get() is real

    asyncio.run(run())
