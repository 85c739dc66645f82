"""SIGTERM while turns wait on a slow channel: the server drains for a bounded time, says so, and exits.

Without a drain deadline a stop (a deploy, a scale-in) waited for the channel's
own timeout, 30 s per stuck reply. The deadline is BOT_SHUTDOWN_DRAIN_SECONDS
(10 s unless set); these tests set 1 s to stay quick.
"""

from __future__ import annotations

import signal
import threading
import time

import pytest
import requests

from bot.config import BotConfig
from tests.support.bot_server import activity, conversation_id, post
from tests.support.misbehaving_channel import MisbehavingChannel


@pytest.fixture
def channel(request):
    c = MisbehavingChannel(getattr(request, "param", "ok")).start()
    yield c
    c.stop()


@pytest.mark.parametrize("channel", ["stall"], indirect=True)
def test_sigterm_with_a_turn_stuck_on_a_stalled_channel_exits_after_the_drain_deadline(start_bot, channel):
    bot = start_bot({"BOT_SHUTDOWN_DRAIN_SECONDS": "1"})  # replies themselves may take 30 s
    outcome: dict = {}

    def stuck_turn():
        try:
            outcome["status"] = post(bot, activity(channel, "what is 404", conversation_id())).status_code
        except requests.RequestException as exc:
            outcome["error"] = type(exc).__name__

    turn = threading.Thread(target=stuck_turn)
    turn.start()
    channel.wait_arrived(1)  # the reply is out, the channel sits on it

    asked = time.monotonic()
    bot.proc.send_signal(signal.SIGTERM)
    assert bot.proc.wait(15) == 0
    took = time.monotonic() - asked
    turn.join(10)

    assert took < 10, f"took {took:.1f}s to stop"  # far below the 30 s reply timeout it used to wait for
    log = bot.log()
    assert "1 turns in flight get up to 1s to finish" in log
    assert "1 turns still running at the 1s deadline were cut off" in log
    assert outcome  # the caller was not left hanging either


def test_sigterm_with_nothing_in_flight_exits_at_once_and_says_so(start_bot, sink):
    bot = start_bot()
    assert post(bot, activity(sink, "what is 404", conversation_id())).status_code == 200
    bot.proc.send_signal(signal.SIGTERM)
    assert bot.proc.wait(10) == 0
    assert "every turn in flight finished" in bot.log()


def test_the_drain_deadline_is_ten_seconds_unless_configured():
    assert BotConfig.from_env({}).shutdown_drain_seconds == 10.0
    assert BotConfig.from_env({"BOT_SHUTDOWN_DRAIN_SECONDS": "2.5"}).shutdown_drain_seconds == 2.5
