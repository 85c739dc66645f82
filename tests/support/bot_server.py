"""Helpers for tests that drive the real bot over HTTP (their fixtures are in tests/conftest.py).

What is here, for any test module to import (`from .bot_server import ...`):

* ``free_port()`` - a TCP port on 127.0.0.1 nobody is listening on (never 3978).
* ``ConnectorSink`` / fixture ``sink`` - a tiny Bot Connector stand-in: an aiohttp
  server in a background thread that accepts the bot's replies
  (POST /v3/conversations/{id}/activities[/{activityId}]) and records them.
  Point a test activity's ``serviceUrl`` at ``sink.url``; then
  ``sink.wait_for(n, conversation=...)`` returns the replies in arrival order.
  ``sink.fail_with = 503`` makes it answer with an error status instead;
  ``sink.answer = "empty"`` (200, no body) or ``"text"`` (200 text/plain) mimics
  channels that do not return a ResourceResponse. Updates of a sent message
  (PUT /v3/conversations/{id}/activities/{activityId}) are kept apart:
  ``sink.wait_for_updates(n, conversation)`` returns them (with ``"updated_id"``).
* ``BotProcess`` / fixture ``start_bot`` - starts ``python -m bot`` (or the ``command``
  given to BotProcess, e.g. gunicorn's, with ``{port}`` filled in) as a subprocess
  on a free port with the environment you give (``start_bot(env={...})``), waits
  for /healthz, and stops it at the end of the test. Fixture ``bot`` is one
  shared anonymous server for the whole session (fast; use a fresh
  ``conversation_id()`` per test so state does not leak between tests).
* ``AppServer`` / fixture ``serve_app`` - runs an aiohttp Application you built (e.g.
  ``bot.web.app.create_app(config, catalog=...)``) in a background thread on a free port:
  ``url = serve_app(app)``; stopped after the test. For tests that need a custom object
  inside the app (a catalog that fails on purpose); everything else uses the real process.
* ``activity(sink, text=..., **fields)`` - a minimal valid message activity, as
  the Emulator sends it; ``post(bot, activity, ...)`` posts it and returns the
  ``requests.Response``.
* ``adaptive_cards(reply)`` - the Adaptive Card dicts attached to one reply;
  ``card_validator`` fixture - a Draft-06 validator for the official Adaptive
  Card 1.5 schema (skips the test when ../shared is absent), use
  ``validate_card(card_validator, card)`` (it strips the Teams-only ``msteams``).

Everything started here is stopped here; nothing listens on a fixed port.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests
from aiohttp import web
from botbuilder.core import MemoryStorage

from . import cards as card_support
from .processes import stop_process

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CARD_SCHEMA = card_support.CARD_SCHEMA
ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def free_port() -> int:
    """A port on 127.0.0.1 that is free right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def conversation_id() -> str:
    return "conv-" + uuid.uuid4().hex[:12]


# ---------------------------------------------------------------- an app in a thread


class AppServer:
    """An aiohttp Application served from a background thread; `.url` like BotProcess."""

    def __init__(self, app: web.Application, name: str = "app-server"):
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._runner = web.AppRunner(app, access_log=None)
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)

    async def _start(self) -> None:
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def start(self) -> "AppServer":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(30)
        return self

    def health(self) -> dict:
        return requests.get(self.url + "/healthz", timeout=5).json()

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


# ---------------------------------------------------------------- connector sink


class ConnectorSink:
    """Receives the bot's outgoing activities the way the Bot Connector service would."""

    def __init__(self) -> None:
        self.replies: list[dict] = []  # {"conversation", "reply_to", "activity", "headers", "path"}
        self.updates: list[dict] = []  # {"conversation", "updated_id", "activity"}
        self.fail_with: int | None = None
        self.answer: str = "json"  # "json" (a ResourceResponse), "empty", "text"
        self._cond = threading.Condition()
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_post("/v3/conversations/{conversation}/activities", self._receive)
        app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._receive)
        app.router.add_put("/v3/conversations/{conversation}/activities/{activity}", self._update)
        self._server = AppServer(app, name="connector-sink")
        self.port = self._server.port
        self.url = self._server.url

    async def _receive(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.fail_with:
            return web.json_response({"error": {"code": "Sink", "message": "failing on purpose"}}, status=self.fail_with)
        record = {
            "conversation": request.match_info["conversation"],
            "reply_to": request.match_info.get("activity"),
            "activity": body,
            "headers": dict(request.headers),
            "path": request.raw_path,
        }
        with self._cond:
            self.replies.append(record)
            self._cond.notify_all()
        if self.answer == "empty":
            return web.Response(status=200)
        if self.answer == "text":
            return web.Response(status=200, text="OK")
        return web.json_response({"id": uuid.uuid4().hex})

    async def _update(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.fail_with:
            return web.json_response({"error": {"code": "Sink", "message": "failing on purpose"}}, status=self.fail_with)
        with self._cond:
            self.updates.append({"conversation": request.match_info["conversation"],
                                 "updated_id": request.match_info["activity"], "activity": body})
            self._cond.notify_all()
        return web.json_response({"id": request.match_info["activity"]})

    def wait_for_updates(self, n: int, conversation: str, timeout: float = 10.0) -> list[dict]:
        """The first n message updates in this conversation ({"updated_id", "activity"}); fails after timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                got = [u for u in self.updates if u["conversation"] == conversation]
                if len(got) >= n:
                    return got[:n]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {n} updates in {conversation}, got {len(got)}: {got}")
                self._cond.wait(left)

    def updates_for(self, conversation: str) -> list[dict]:
        with self._cond:
            return [u for u in self.updates if u["conversation"] == conversation]

    def start(self) -> "ConnectorSink":
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def for_conversation(self, conversation: str) -> list[dict]:
        with self._cond:
            return [r["activity"] for r in self.replies if r["conversation"] == conversation]

    def wait_for(self, n: int, conversation: str, timeout: float = 10.0, kind: str | None = "message") -> list[dict]:
        """The first n replies of `kind` (None: any type) in this conversation; fails after timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                got = [
                    r["activity"]
                    for r in self.replies
                    if r["conversation"] == conversation and (kind is None or r["activity"].get("type") == kind)
                ]
                if len(got) >= n:
                    return got[:n]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {n} {kind or ''} replies in {conversation}, got {len(got)}: {got}")
                self._cond.wait(left)

    def settle(self, conversation: str, quiet: float = 0.3) -> list[dict]:
        """All replies in the conversation once none has arrived for `quiet` seconds."""
        last = -1
        while True:
            now = len(self.for_conversation(conversation))
            if now == last:
                return self.for_conversation(conversation)
            last = now
            time.sleep(quiet)


# ---------------------------------------------------------------- the bot as a process


class BotProcess:
    """`python -m bot` on a free port; `.url` is http://127.0.0.1:PORT."""

    def __init__(self, env: dict[str, str] | None = None, host: str = "127.0.0.1", command: list[str] | None = None):
        self.port = free_port()
        self.command = [part.format(port=self.port) for part in command or [sys.executable, "-m", "bot"]]
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("Microsoft") and k not in ("HOST", "PORT", "BOT_ALLOW_ANONYMOUS", "DirectLineSecret")
            and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")  # replies go to loopback sinks
        }
        self.env.update({"HOST": host, "PORT": str(self.port), "PYTHONUNBUFFERED": "1"})
        # Records (feedback, unanswered questions) go to a folder of this process's own,
        # not to the clone's var/, unless a test names one.
        self._data_dir = None
        if "BOT_DATA_DIR" not in (env or {}):
            import tempfile

            self._data_dir = tempfile.mkdtemp(prefix="bot-data-")
            self.env["BOT_DATA_DIR"] = self._data_dir
        self.env.update(env or {})
        self.proc: subprocess.Popen | None = None
        self._log_path = None

    def start(self, timeout: float = 30.0) -> "BotProcess":
        import tempfile

        self._log = tempfile.NamedTemporaryFile("w+", prefix="bot-", suffix=".log", delete=False)
        self._log_path = self._log.name
        self.proc = subprocess.Popen(
            self.command, cwd=REPO, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"bot exited with {self.proc.returncode}:\n{self.log()}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"bot did not answer /healthz within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        if not self._log_path:
            return ""
        return Path(self._log_path).read_text(errors="replace")

    def health(self) -> dict:
        return requests.get(self.url + "/healthz", timeout=5).json()

    def stop(self) -> None:
        stop_process(self.proc)
        if self._log_path:
            self._log.close()
            os.unlink(self._log_path)
            self._log_path = None
        if self._data_dir:
            import shutil

            shutil.rmtree(self._data_dir, ignore_errors=True)
            self._data_dir = None


# ---------------------------------------------------------------- activities


class CountingStorage(MemoryStorage):
    """MemoryStorage that counts writes (what a Cosmos DB or Blob storage would bill)."""

    def __init__(self):
        super().__init__()
        self.writes = 0

    async def write(self, changes):
        self.writes += 1
        await super().write(changes)


def activity(sink: ConnectorSink | None, text: str | None = None, conversation: str | None = None, **fields) -> dict:
    """A message activity as the Emulator would send it; fields override (use from_ for 'from')."""
    act = {
        "type": "message",
        "id": uuid.uuid4().hex,
        "channelId": "emulator",
        "serviceUrl": sink.url if sink is not None else "http://127.0.0.1:9",
        "conversation": {"id": conversation or conversation_id()},
        "from": {"id": "user-1", "name": "User", "role": "user"},
        "recipient": {"id": "bot-1", "name": "Error Explainer", "role": "bot"},
        "timestamp": "2026-11-22T03:00:00.000Z",
        "locale": "en-US",
    }
    if text is not None:
        act["text"] = text
    if "from_" in fields:
        fields["from"] = fields.pop("from_")
    act.update(fields)
    return act


def post(bot: "BotProcess | AppServer", body, *, headers: dict | None = None, raw: bytes | None = None, timeout: float = 30.0):
    """POST an activity (dict, serialised as JSON) or raw bytes to /api/messages."""
    hdrs = {"Content-Type": "application/json"}
    hdrs.update(headers or {})
    data = raw if raw is not None else json.dumps(body).encode()
    return requests.post(bot.url + "/api/messages", data=data, headers=hdrs, timeout=timeout)


def adaptive_cards(reply: dict) -> list[dict]:
    return [a["content"] for a in reply.get("attachments") or [] if a.get("contentType") == ADAPTIVE]


def all_texts(node) -> str:
    """Every string anywhere in a card (or reply), joined: for 'does the user see X' checks."""
    out: list[str] = []

    def walk(n):
        if isinstance(n, str):
            out.append(n)
        elif isinstance(n, dict):
            for v in n.values():
                walk(v)
        elif isinstance(n, list):
            for v in n:
                walk(v)

    walk(node)
    return "\n".join(out)


def validate_card(validator, card: dict) -> None:
    """Raise if `card` is not a valid Adaptive Card 1.5 (Teams' `msteams` property stripped first)."""
    errors = card_support.schema_errors(validator, card)
    assert not errors, "; ".join(errors[:5])
