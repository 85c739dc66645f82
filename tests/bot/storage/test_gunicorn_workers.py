"""BOT_WORKERS=2: one address, two gunicorn worker processes (aiohttp's worker class), one shared memory."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.bot_server import conversation_id
from tests.support.azurite import azurite_or_skip
from tests.support.storage_turns import answered_source, ask


def children(pid: int, expect: int = 2, timeout: float = 20.0) -> list[int]:
    """The server's child processes, once there are `expect` of them (the first may answer before the second is up)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    if not path.exists():
        pytest.skip("this system does not list a process's children in /proc, so the workers cannot be counted")
    deadline = time.monotonic() + timeout
    while True:
        found = [int(p) for p in path.read_text().split()]
        if len(found) >= expect or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_two_workers_serve_one_address_and_share_the_conversation(start_bot, sink, tmp_path):
    blob = azurite_or_skip()
    try:
        bot = start_bot(env={
            "BOT_WORKERS": "2",
            "BOT_STORAGE": "blob",
            "BOT_STORAGE_CONNECTION_STRING": blob.connection_string,
            "BOT_STORAGE_CONTAINER": "t-" + uuid.uuid4().hex[:12],
            "BOT_DATA_DIR": str(tmp_path),
        })
        assert len(children(bot.proc.pid)) == 2

        # Many conversations at once, so both workers take turns; whichever worker
        # serves the follow-up knows the product the other one answered in.
        def conversation(_):
            conv = conversation_id()
            ask(bot, sink, "what is subcode 3112", conv)
            return answered_source(ask(bot, sink, "and 3101?", conv))

        with ThreadPoolExecutor(8) as pool:
            assert list(pool.map(conversation, range(16))) == ["acs-call-end"] * 16
    finally:
        blob.remove()


def test_a_stopped_server_stops_its_workers(start_bot, tmp_path):
    bot = start_bot(env={"BOT_WORKERS": "2", "BOT_DATA_DIR": str(tmp_path)})
    workers = children(bot.proc.pid)
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
