"""Replies posted without msrest's pipeline are the requests msrest would have posted.

bot/sdk/reply_transport.py sends the two operations a turn uses (reply to an
activity, send to a conversation) straight on aiohttp. Each test sends the same
reply through the SDK's stock ConnectorClient (msrest, `requests`) and through
a tuned one, to the same local connector sink, and compares what arrived: the
path (with the ids quoted as msrest quotes them), the headers a channel reads,
and the JSON body; and the results and errors the SDK's callers get back.
"""

from __future__ import annotations

import asyncio
import uuid

import aiohttp
import pytest
from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ResourceResponse
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from botframework.connector.models import ErrorResponseException
from msrest.exceptions import ClientRequestError, ValidationError

import cards
from bot.web.app import create_app
from bot.config import BotConfig
from bot.sdk.connector_cache import tune_connector
from bot.conversation.handler import cards_activity
from catalog import load_catalog
from tests.support.bot_server import activity, conversation_id, free_port, post

# Headers a channel acts on; the transports' own (Host, Content-Length, Accept-Encoding...) may differ.
COMPARED_HEADERS = ("Accept", "Content-Type", "x-ms-conversation-id", "User-Agent", "Authorization")


class FixedTokenCredentials(MicrosoftAppCredentials):
    """App credentials whose token comes from here instead of Azure AD (there is none in a test)."""

    def get_access_token(self, force_refresh: bool = False) -> str:
        return "token-for-tests"


def _reply(conversation_id: str, reply_to_id: str | None) -> Activity:
    catalog = load_catalog()
    reply = cards_activity(cards.cards_for(catalog.explain("what is subcode 3112"), catalog.sources, ["what is 404"]))
    incoming = Activity().deserialize({
        "type": "message", "id": reply_to_id, "channelId": "msteams", "serviceUrl": "http://unused",
        "conversation": {"id": conversation_id}, "from": {"id": "u-1"}, "recipient": {"id": "b-1"},
    })
    return TurnContext.apply_conversation_reference(reply, TurnContext.get_conversation_reference(incoming))


def _clients(base_url: str, credentials, session: aiohttp.ClientSession) -> tuple[ConnectorClient, ConnectorClient]:
    stock = ConnectorClient(credentials, base_url=base_url)
    tuned = tune_connector(ConnectorClient(credentials, base_url=base_url), session,
                           aiohttp.ClientTimeout(total=10))
    return stock, tuned


def _send_both(base_url: str, credentials, send) -> list:
    """Run send(client) with the stock client, then the tuned one; their results (or exceptions)."""

    async def run():
        async with aiohttp.ClientSession() as session:
            results = []
            for client in _clients(base_url, credentials, session):
                try:
                    results.append(await send(client))
                except Exception as exc:  # noqa: BLE001 - compared below
                    results.append(exc)
            return results

    return asyncio.run(run())


def _last_two(sink, conversation_id: str) -> tuple[dict, dict]:
    """What the stock client and then the tuned one posted in this (fresh) conversation."""
    got = [r for r in sink.replies if r["conversation"] == conversation_id]
    assert len(got) == 2, got
    return got[0], got[1]


def _same_request(stock: dict, tuned: dict) -> None:
    assert tuned["path"] == stock["path"]
    for name in COMPARED_HEADERS:
        assert tuned["headers"].get(name) == stock["headers"].get(name), name
    assert tuned["activity"] == stock["activity"]


# Ids as channels send them (Teams thread ids, emails) and ones that need quoting. (Non-ASCII ids
# are left out: the stock transport cannot even send them, the x-ms-conversation-id header must be Latin-1.)
CONVERSATION_IDS = [
    "a:1Hk2-bot-conversation",
    "19:meeting_abc@thread.v2;messageid=1692345678901",
    "with space/and slash?and#hash",
    "100%25-literal-percent",
]


@pytest.mark.parametrize("conversation_id", CONVERSATION_IDS)
@pytest.mark.parametrize("credentials", [MicrosoftAppCredentials.empty(), FixedTokenCredentials("app-id", "secret")],
                         ids=["anonymous", "app-id"])
def test_a_reply_to_an_activity_is_the_request_msrest_sends(sink, conversation_id, credentials):
    conversation_id += "-" + uuid.uuid4().hex[:6]  # the sink lives for the whole session
    reply = _reply(conversation_id, reply_to_id="in/1:x y")
    results = _send_both(sink.url, credentials,
                         lambda c: c.conversations.reply_to_activity(conversation_id, "in/1:x y", reply))
    stock, tuned = _last_two(sink, conversation_id)
    _same_request(stock, tuned)
    assert tuned["reply_to"] == "in/1:x y" and tuned["conversation"] == conversation_id
    assert tuned["headers"]["x-ms-conversation-id"] == conversation_id
    if credentials.microsoft_app_id:
        assert tuned["headers"]["Authorization"] == "Bearer token-for-tests"
    else:
        assert "Authorization" not in tuned["headers"]
    assert all(isinstance(r, ResourceResponse) and r.id for r in results), results


def test_a_message_to_a_conversation_is_the_request_msrest_sends(sink):
    conversation_id = "19:proactive@thread.skype-" + uuid.uuid4().hex[:6]
    reply = _reply(conversation_id, reply_to_id=None)
    results = _send_both(sink.url + "/", MicrosoftAppCredentials.empty(),
                         lambda c: c.conversations.send_to_conversation(conversation_id, reply))
    stock, tuned = _last_two(sink, conversation_id)
    _same_request(stock, tuned)
    assert tuned["reply_to"] is None
    assert all(isinstance(r, ResourceResponse) and r.id for r in results), results


def test_a_service_url_with_a_path_keeps_it(serve_app, sink):
    # Channels such as Teams give service URLs with a path (https://smba.trafficmanager.net/emea/).
    seen: list[str] = []

    async def receive(request: web.Request) -> web.Response:
        seen.append(request.raw_path)
        return web.json_response({"id": "1"})

    app = web.Application()
    app.router.add_post("/{tail:.*}", receive)
    server = serve_app(app)
    reply = _reply("c-1", "a-1")
    _send_both(server.url + "/emea/", MicrosoftAppCredentials.empty(),
               lambda c: c.conversations.reply_to_activity("c-1", "a-1", reply))
    assert seen == ["/emea/v3/conversations/c-1/activities/a-1"] * 2


def test_a_refused_reply_raises_the_sdks_error_with_the_channels_message(sink):
    sink.fail_with = 403
    try:
        results = _send_both(sink.url, MicrosoftAppCredentials.empty(),
                             lambda c: c.conversations.reply_to_activity("c-403", "a-1", _reply("c-403", "a-1")))
    finally:
        sink.fail_with = None
    assert all(isinstance(r, ErrorResponseException) for r in results), results
    stock, tuned = results
    assert str(tuned) == str(stock) and "failing on purpose" in str(tuned)
    assert tuned.response.status == 403


def test_an_unreachable_channel_raises_a_client_request_error():
    async def run():
        async with aiohttp.ClientSession() as session:
            _, tuned = _clients(f"http://127.0.0.1:{free_port()}", MicrosoftAppCredentials.empty(), session)
            with pytest.raises(ClientRequestError):
                await tuned.conversations.reply_to_activity("c-1", "a-1", _reply("c-1", "a-1"))

    asyncio.run(run())


@pytest.mark.parametrize("answer", ["empty", "text"])
def test_a_channel_that_answers_without_a_resource_response_still_counts_as_delivered(sink, answer):
    # The Emulator and offline Direct Line answer 200 with no body or plain text.
    sink.answer = answer
    try:
        async def run():
            async with aiohttp.ClientSession() as session:
                _, tuned = _clients(sink.url, MicrosoftAppCredentials.empty(), session)
                return await tuned.conversations.reply_to_activity("c-ok", "a-1", _reply("c-ok", "a-1"))

        assert asyncio.run(run()) is None
    finally:
        sink.answer = "json"
    assert len([r for r in sink.replies if r["conversation"] == "c-ok"]) >= 1


@pytest.mark.parametrize("conversation_id", [".", ".."])
def test_dot_segment_ids_take_msrests_own_path(sink, conversation_id):
    # urljoin resolves "." and ".." in msrest's URL; the direct path leaves such ids to msrest itself.
    reply = _reply(conversation_id, "a-1")
    results = _send_both(sink.url, MicrosoftAppCredentials.empty(),
                         lambda c: c.conversations.reply_to_activity(conversation_id, "a-1", reply))
    assert [type(r) for r in results][0] is type(results[1])


# ---------------------------------------------------------------- channels that misbehave


def test_a_refused_reply_with_a_latin1_error_page_is_a_502_not_a_crashed_turn(serve_app):
    # A gateway in front of the channel refuses the card with its own (non-UTF-8) error page.
    received: list[dict] = []

    async def receive(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.Response(status=413, body="Requête trop grande".encode("latin-1"), content_type="text/html")

    channel_app = web.Application()
    channel_app.router.add_post("/{tail:.*}", receive)
    channel = serve_app(channel_app)
    bot = serve_app(create_app(BotConfig()))
    resp = post(bot, activity(None, "what is subcode 3112", conversation_id(), serviceUrl=channel.url))
    assert resp.status_code == 502, resp.text
    assert resp.json()["type"].endswith("reply-not-delivered")
    assert len(received) == 1  # the card only: no apology sent after it, the turn did not crash


class ReadsThenHangsUp:
    """A channel on raw sockets that reads each reply in full and closes the connection without answering.

    From the bot's side this looks just like a kept-alive connection the channel
    closed while it sat idle (the request fails with "server disconnected"), but
    here the channel has the reply: sending it again would post it twice.
    """

    def __init__(self):
        self.connections = 0
        self.requests: list[bytes] = []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        head = await reader.readuntil(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length:"))
        self.requests.append(await reader.readexactly(length))
        writer.close()


def test_a_reply_the_channel_read_before_hanging_up_is_never_sent_again():
    channel = ReadsThenHangsUp()

    async def run():
        server = await asyncio.start_server(channel.handle, "127.0.0.1", channel.port)
        try:
            async with aiohttp.ClientSession() as session:
                _, tuned = _clients(channel.url, MicrosoftAppCredentials.empty(), session)
                with pytest.raises(ClientRequestError, match="ServerDisconnectedError"):
                    await tuned.conversations.reply_to_activity("c-1", "a-1", _reply("c-1", "a-1"))
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(run())
    assert len(channel.requests) == 1  # the channel got the reply once; the turn reports it undelivered


def test_replies_go_through_the_proxy_named_in_the_environment(start_bot, serve_app):
    # Behind a corporate proxy the stock SDK (requests) honours HTTP(S)_PROXY; so do we.
    seen: list[str] = []

    async def proxy(request: web.Request) -> web.Response:
        seen.append(str(request.url))  # a proxy is sent the absolute URL
        return web.json_response({"id": "via-proxy"})

    proxy_app = web.Application()
    proxy_app.router.add_route("*", "/{tail:.*}", proxy)
    proxy_server = serve_app(proxy_app)
    bot = start_bot(env={"HTTP_PROXY": proxy_server.url})
    conv = conversation_id()
    resp = post(bot, activity(None, "sms 4007", conv, serviceUrl="http://channel.example.invalid/"))
    assert resp.status_code == 200, resp.text
    assert len(seen) == 1 and seen[0].startswith(f"http://channel.example.invalid/v3/conversations/{conv}/activities/")


def test_a_reply_to_no_activity_is_refused_as_the_sdk_refuses_it():
    async def run():
        async with aiohttp.ClientSession() as session:
            results = []
            for client in _clients(f"http://127.0.0.1:{free_port()}", MicrosoftAppCredentials.empty(), session):
                with pytest.raises(ValidationError) as caught:
                    await client.conversations.reply_to_activity("c-1", None, _reply("c-1", None))
                results.append(str(caught.value))
            return results

    stock, tuned = asyncio.run(run())
    assert tuned == stock
