"""A turn's reply takes the fast path (bot/sdk/reply_transport.py), never msrest's generic pipeline.

If an upgrade of the SDK or msrest, or a change in how bot/sdk/ wires the
connector client, made replies fall back to msrest's pipeline, every other
test would still pass: the reply would arrive, only several times slower.
This test is what notices. The second test proves the first can fail: with
the fast operations taken out, the same turn goes through the pipeline and the
spy sees it.

Driven in process (aiohttp's test client); the reply goes to the connector sink.
"""

from __future__ import annotations

import asyncio

import pytest
from aiohttp.test_utils import TestClient, TestServer
from msrest.pipeline.async_abc import AsyncPipeline

from bot.config import BotConfig
from bot.sdk import reply_transport
from bot.web.app import create_app
from tests.support.bot_server import activity, conversation_id


@pytest.fixture
def msrest_pipeline_runs(monkeypatch) -> list[str]:
    """The URLs of every request that went through msrest's (async) pipeline during the test."""
    runs: list[str] = []
    original = AsyncPipeline.run

    async def spy(self, request, **kwargs):
        runs.append(request.url)  # a msrest ClientRequest
        return await original(self, request, **kwargs)

    monkeypatch.setattr(AsyncPipeline, "run", spy)
    return runs


def _one_turn(sink, text: str) -> list[dict]:
    """Post one message to a freshly built app; the replies the channel received."""
    conv = conversation_id()

    async def run() -> int:
        async with TestClient(TestServer(create_app(BotConfig()))) as client:
            resp = await client.post("/api/messages", json=activity(sink, text, conv))
            return resp.status

    assert asyncio.run(run()) == 200
    return sink.wait_for(1, conv)


def test_a_turns_reply_does_not_go_through_msrests_pipeline(sink, msrest_pipeline_runs):
    (reply,) = _one_turn(sink, "what is subcode 3112")
    assert reply["attachments"], "the answer arrived with its card"
    assert msrest_pipeline_runs == []


def test_with_the_fast_operations_taken_out_the_pipeline_is_seen(sink, msrest_pipeline_runs, monkeypatch):
    monkeypatch.setattr(reply_transport, "DirectConversationsOperations",
                        lambda client, *_: client.conversations)
    (reply,) = _one_turn(sink, "what is subcode 3112")
    assert reply["attachments"]
    assert any("/v3/conversations/" in url for url in msrest_pipeline_runs), msrest_pipeline_runs
