"""Fixtures shared by every test folder; the helpers they use live in tests/support/.

* ``sink`` (session) - a Bot Connector stand-in that records the bot's replies
  (tests.support.bot_server.ConnectorSink).
* ``bot`` (session) - one anonymous ``python -m bot`` for the whole run; use a
  fresh ``conversation_id()`` per test.
* ``start_bot`` - ``start_bot(env={...})`` starts a bot process with that
  environment, stopped after the test.
* ``serve_app`` - ``serve_app(app)`` serves an aiohttp Application built in the
  test on a free port (for a custom object inside the app), stopped after the test.
* ``card_validator`` (session) - the Adaptive Card 1.5 schema validator; skips
  when ../shared is absent.

Test modules import helpers explicitly (``from tests.support.bot_server import
activity, post``), never from this file.
"""

from __future__ import annotations

import pytest
from aiohttp import web

from tests.support import cards as card_support
from tests.support.bot_server import CARD_SCHEMA, AppServer, BotProcess, ConnectorSink


@pytest.fixture(scope="session")
def sink():
    s = ConnectorSink().start()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def bot():
    """One anonymous bot for the session; use a fresh conversation_id() per test."""
    p = BotProcess().start()
    yield p
    p.stop()


@pytest.fixture
def start_bot():
    """start_bot(env={...}) -> a started BotProcess, stopped after the test."""
    started: list[BotProcess] = []

    def _start(env: dict[str, str] | None = None, host: str = "127.0.0.1") -> BotProcess:
        p = BotProcess(env, host)
        started.append(p)
        return p.start()

    yield _start
    for p in started:
        p.stop()


@pytest.fixture
def serve_app():
    started: list[AppServer] = []

    def _serve(app: web.Application) -> AppServer:
        server = AppServer(app).start()
        started.append(server)
        return server

    yield _serve
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def card_validator():
    validator = card_support.card_validator()
    if validator is None:
        pytest.skip(f"the Adaptive Card schema is not at {CARD_SCHEMA} (../shared is absent)")
    return validator
