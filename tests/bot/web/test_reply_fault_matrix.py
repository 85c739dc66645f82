"""Every way a channel can fail a reply, against the real server: what the caller gets, what the channel got.

One bot process (reply deadline BOT_REPLY_TIMEOUT_SECONDS=2, so the stalled
channel costs two seconds, not thirty) posts its reply to a connector that
misbehaves in one way per row (tests/support/misbehaving_channel.py). For each
row: the status of the incoming request (a failed reply is a 502
problem+json naming the transport's error, never a 500), how many times the
reply reached the channel (never twice: a reply the channel may have read is
not sent again), and that the server is still healthy and answers the next
normal activity.

  channel               incoming   read by channel   why
  closed port           502        0                 connection refused, retried, then given up
  500                   502        1                 the channel refused it; not re-sent
  429 + Retry-After: 1  200        2 (accepted 1)    sent again once the channel allowed
  stalls (40 s)         502        1                 the reply deadline passed; not re-sent
  reset on accept       502        0                 nothing was read
  reset after reading   502        1                 it may have been acted on: not re-sent
  close without answer  502        1                 the case that used to arrive twice
"""

from __future__ import annotations

import threading
import time

import pytest

from tests.support.bot_server import BotProcess, activity, conversation_id, free_port, post
from tests.support.misbehaving_channel import MisbehavingChannel

MATRIX = [
    # behaviour, incoming status, replies read by the channel, replies it accepted
    ("closed-port", 502, 0, 0),
    ("error-500", 502, 1, 0),
    ("throttle-429", 200, 2, 1),
    ("stall", 502, 1, 0),
    ("reset-on-accept", 502, 0, 0),
    ("reset-after-read", 502, 1, 0),
    ("close-without-answer", 502, 1, 0),
]


@pytest.fixture(scope="module")
def bot():
    process = BotProcess({"BOT_REPLY_TIMEOUT_SECONDS": "2"}).start()
    yield process
    process.stop()


@pytest.mark.parametrize(("behaviour", "status", "read", "accepted"), MATRIX, ids=[row[0] for row in MATRIX])
def test_a_misbehaving_channel_costs_that_turn_only(bot, sink, behaviour, status, read, accepted):
    channel = None if behaviour == "closed-port" else MisbehavingChannel(behaviour).start()
    service_url = channel.url if channel else f"http://127.0.0.1:{free_port()}"
    try:
        resp = post(bot, activity(None, "what is 404", conversation_id(), serviceUrl=service_url), timeout=20)
        assert resp.status_code == status, resp.text
        if status != 200:
            assert resp.headers["Content-Type"].startswith("application/problem+json")
            problem = resp.json()
            assert problem["status"] == status and problem["correlationId"]
        time.sleep(0.3)  # anything sent late would have arrived by now
        if channel:
            assert (channel.arrived, channel.accepted) == (read, accepted)
    finally:
        if channel:
            channel.stop()

    assert bot.health()["status"] == "ok"
    conv = conversation_id()
    assert post(bot, activity(sink, "what is 404", conv)).status_code == 200
    assert len(sink.wait_for(1, conv)) == 1


def test_a_channel_whose_port_opens_a_moment_late_gets_the_reply_once(bot):
    # The first connection attempt is refused (nothing listens yet): nothing was
    # sent, so the reply is tried again and delivered.
    channel = MisbehavingChannel("ok")
    opener = threading.Timer(0.1, channel.start)
    try:
        opener.start()
        resp = post(bot, activity(None, "what is 404", conversation_id(), serviceUrl=channel.url), timeout=20)
        assert resp.status_code == 200, resp.text
        assert (channel.arrived, channel.accepted) == (1, 1)
    finally:
        opener.join()
        channel.stop()
