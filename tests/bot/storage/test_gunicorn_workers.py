"""BOT_WORKERS=2: one address, two gunicorn worker processes (aiohttp's worker class), one shared memory."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.bot_server import conversation_id
from tests.support.azurite import azurite_or_skip
from tests.support.processes import child_pids
from tests.support.storage_turns import answered_source, ask


def test_two_workers_serve_one_address_and_share_the_conversation(start_bot, sink, tmp_path):
    with azurite_or_skip() as blob:
        bot = start_bot(env={**blob.bot_env(), "BOT_WORKERS": "2", "BOT_DATA_DIR": str(tmp_path)})
        assert len(child_pids(bot.proc.pid)) == 2

        # Many conversations at once, so both workers take turns; whichever worker
        # serves the follow-up knows the product the other one answered in.
        def conversation(_):
            conv = conversation_id()
            ask(bot, sink, "what is subcode 3112", conv)
            return answered_source(ask(bot, sink, "and 3101?", conv))

        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(conversation, range(16))) == ["acs-call-end"] * 16


def test_a_stopped_server_stops_its_workers(start_bot, tmp_path):
    bot = start_bot(env={"BOT_WORKERS": "2", "BOT_DATA_DIR": str(tmp_path)})
    workers = child_pids(bot.proc.pid)
    assert len(workers) == 2
    bot.stop()
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


def test_the_gunicorn_entry_point_refuses_an_anonymous_bot_it_cannot_see_the_address_of(monkeypatch):
    # `gunicorn 'bot.web.workers:build()' --bind 0.0.0.0:8000`: HOST says nothing about
    # where gunicorn listens, so without an app id the bot must be told the address is private.
    from bot.config import ConfigError
    from bot.web.workers import build

    for name in ("MicrosoftAppId", "MicrosoftAppPassword", "BOT_ALLOW_ANONYMOUS", "HOST"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigError, match="BOT_ALLOW_ANONYMOUS=1"):
        build()
