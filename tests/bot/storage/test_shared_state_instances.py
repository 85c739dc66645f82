"""Several bot instances sharing one Blob Storage (Azurite): what a user notices when a deployment scales out.

Each test starts real `python -m bot` processes with BOT_STORAGE=blob pointing
at one Azurite, and talks to them over HTTP as a channel would: the turns of
one conversation may land on any instance, in any order, even at once.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.bot_server import ConnectorSink, activity, adaptive_cards, conversation_id, post
from tests.support.azurite import azurite_or_skip
from tests.support.storage_turns import answered_source, ask


@pytest.fixture(scope="module")
def azurite():
    blob = azurite_or_skip()
    yield blob
    blob.remove()


@pytest.fixture
def blob_env(azurite, tmp_path):
    """The environment of a bot instance storing in a container of its own test."""
    return {
        "BOT_STORAGE": "blob",
        "BOT_STORAGE_CONNECTION_STRING": azurite.connection_string,
        "BOT_STORAGE_CONTAINER": "t-" + uuid.uuid4().hex[:12],
        "BOT_DATA_DIR": str(tmp_path),
    }


def test_a_follow_up_on_another_instance_stays_in_the_product(start_bot, sink, blob_env):
    a, b = start_bot(env=blob_env), start_bot(env=blob_env)
    conv = conversation_id()
    assert answered_source(ask(a, sink, "what is subcode 3112", conv)) == "acs-call-end"
    follow_up = ask(b, sink, "and 3101?", conv)
    assert "3101" in json.dumps(adaptive_cards(follow_up))
    assert answered_source(follow_up) == "acs-call-end"


def test_without_shared_storage_the_other_instance_would_not_know(start_bot, sink, tmp_path):
    # The same two turns on two instances with the default (in-process) state: the
    # follow-up has no product, which is why a scaled-out deployment needs blob state.
    a, b = start_bot(env={"BOT_DATA_DIR": str(tmp_path)}), start_bot(env={"BOT_DATA_DIR": str(tmp_path)})
    conv = conversation_id()
    ask(a, sink, "what is subcode 3112", conv)
    assert answered_source(ask(b, sink, "and 500?", conv)) != "acs-call-end"


def test_a_restart_keeps_the_conversation_context(start_bot, sink, blob_env):
    first = start_bot(env=blob_env)
    conv = conversation_id()
    ask(first, sink, "bot returns 405", conv)
    first.stop()
    again = start_bot(env=blob_env)
    assert answered_source(ask(again, sink, "and 500?", conv)) == "bot-service"


def members_added(sink, conv) -> dict:
    return activity(sink, None, conv, type="conversationUpdate", membersAdded=[{"id": "user-1", "name": "User"}])


class SlowConnector(ConnectorSink):
    """A channel that takes 0.3 s to accept each reply, as a busy Bot Connector may.

    A turn reads the conversation's state, replies, then writes the state; a slow
    reply keeps that window open, so two turns of one conversation overlap for sure.
    """

    async def _receive(self, request):
        await asyncio.sleep(0.3)
        return await super()._receive(request)


@pytest.fixture
def slow_sink():
    s = SlowConnector().start()
    yield s
    s.stop()


def test_concurrent_turns_on_two_instances_lose_no_update(start_bot, slow_sink, blob_env):
    # Two turns of one conversation at the same moment, one on each instance: a question
    # on A (it remembers the product) and the user joining on B (it remembers the welcome
    # was sent). Both read the same state and both write it; the blob's ETag lets only one
    # write win, and the other must be replayed onto it, not dropped.
    sink = slow_sink
    a, b = start_bot(env=blob_env), start_bot(env=blob_env)
    convs = [conversation_id() for _ in range(4)]
    turns = [(a, activity(sink, "what is subcode 3112", c)) for c in convs] + [(b, members_added(sink, c)) for c in convs]
    with ThreadPoolExecutor(len(turns)) as pool:
        statuses = list(pool.map(lambda t: post(*t).status_code, turns))
    assert statuses == [200] * len(turns)
    for conv in convs:
        assert len(sink.wait_for(2, conv)) == 2  # the answer and the welcome
        # The product survived: the follow-up is read in it ...
        assert answered_source(ask(b, sink, "and 3101?", conv)) == "acs-call-end"
        # ... and so did the welcome: joining again is not greeted a second time.
        assert post(a, members_added(sink, conv)).status_code == 200
    for conv in convs:
        assert len(sink.settle(conv, quiet=0.5)) == 3
    assert sum(bot.health()["storage"]["conflicts_replayed"] for bot in (a, b)) >= len(convs)


def test_the_blob_store_stopping_costs_the_turn_a_clear_reply_and_a_503_then_recovers(start_bot, sink, tmp_path):
    blob = azurite_or_skip()
    try:
        env = {
            "BOT_STORAGE": "blob",
            "BOT_STORAGE_CONNECTION_STRING": blob.connection_string,
            "BOT_DATA_DIR": str(tmp_path),
            "BOT_STORAGE_TIMEOUT_SECONDS": "2",
        }
        bot = start_bot(env=env)
        conv = conversation_id()
        assert answered_source(ask(bot, sink, "what is subcode 3112", conv)) == "acs-call-end"

        blob.stop()
        resp = post(bot, activity(sink, "and 3101?", conv))
        assert resp.status_code == 503
        assert resp.headers["Content-Type"].startswith("application/problem+json")
        problem = resp.json()
        assert problem["status"] == 503 and problem["correlationId"]
        assert resp.headers["Retry-After"]
        told = sink.wait_for(2, conv)[1]
        assert "can't reach my conversation memory" in told["text"]
        assert problem["correlationId"] in told["text"]

        blob.start()  # the same port, empty
        back = ask(bot, sink, "what is subcode 3112", conv)
        assert answered_source(back) == "acs-call-end"
        assert answered_source(ask(bot, sink, "and 3101?", conv)) == "acs-call-end"
    finally:
        blob.remove()
