"""Fixtures of the browser tests: one bot per test module, and a Microsoft 365 Agents Playground on it."""

from __future__ import annotations

import pytest

from tests.support.bot_server import BotProcess, free_port
from tests.support.e2e import BIN, NodeServer, ensure_e2e_tools


@pytest.fixture(scope="module")
def e2e_bot():
    ensure_e2e_tools()
    bot = BotProcess().start()
    yield bot
    bot.stop()


@pytest.fixture
def playground(e2e_bot, tmp_path):
    # The Playground silently falls back to a random port when its port is taken,
    # so the port it really uses is read from its "Listening on" line.
    server = NodeServer(
        [str(BIN / "agentsplayground"), "-e", f"{e2e_bot.url}/api/messages", "-c", "msteams",
         "-p", str(free_port()), "--disable-telemetry"],
        ready=r"Listening on (\d+)",
        env={"TEAMSAPPTESTER_BROWSER": "none"},
        name="agentsplayground",
        cwd=tmp_path,  # it writes devTools/ logs where it runs
    ).start()
    yield f"http://127.0.0.1:{server.match.group(1)}/"
    server.stop()
