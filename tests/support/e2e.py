"""What the browser tests share: installing their tools, starting Node servers, driving Chromium.

The browser tests run real clients (Microsoft 365 Agents Playground, our Web Chat
page over offline-directline) in Debian's Chromium. Their tools come from the
project's own script (deploy/scripts/install-e2e-deps.sh: apt chromium, npm ci
in deploy/e2e), run once per session from the ``e2e_tools`` fixture. When that
script cannot install them (not root, no registry), the tests are skipped with a
loud reason; with E2E_REQUIRED=1 they fail instead, for CI that must run them.
"""

from __future__ import annotations

import asyncio
import functools
import http.server
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from aiohttp import web

from .bot_server import AppServer, free_port

REPO = Path(__file__).resolve().parents[2]
E2E_DIR = REPO / "deploy" / "e2e"
INSTALL_SCRIPT = REPO / "deploy" / "scripts" / "install-e2e-deps.sh"
ARTIFACTS = REPO / "artifacts" / "e2e"
BIN = E2E_DIR / "node_modules" / ".bin"

_install_result: tuple[bool, str] | None = None


def ensure_e2e_tools() -> None:
    """Install chromium + deploy/e2e/node_modules once per session, or skip/fail loudly."""
    global _install_result
    if _install_result is None:
        started = time.monotonic()
        try:
            proc = subprocess.run(
                ["bash", str(INSTALL_SCRIPT)], cwd=REPO, capture_output=True, text=True, timeout=900
            )
            ok = proc.returncode == 0
            output = (proc.stderr + proc.stdout).strip()
        except (OSError, subprocess.TimeoutExpired) as exc:
            ok, output = False, f"{type(exc).__name__}: {exc}"
        if ok and output:
            print(f"\n[e2e] tools installed in {time.monotonic() - started:.0f}s\n{output}", file=sys.stderr)
        _install_result = (ok, output)
    ok, output = _install_result
    if ok:
        return
    reason = (
        "BROWSER TESTS NOT RUN - deploy/scripts/install-e2e-deps.sh could not install chromium/npm tools: "
        + (output.splitlines()[-1] if output else "no output")
    )
    # Loud: a skipped browser test must be noticed, not read as a pass.
    print("\n" + "!" * 78 + "\n" + reason + "\n" + "!" * 78, file=sys.stderr)
    if os.environ.get("E2E_REQUIRED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


class NodeServer:
    """A Node CLI server (Playground, offline-directline) whose readiness is a line on its output."""

    def __init__(self, argv: list[str], ready: str, env: dict[str, str] | None = None, name: str = "node",
                 cwd: Path | None = None):
        self.argv = argv
        self.cwd = cwd or E2E_DIR
        self.ready = re.compile(ready)
        self.env = {**os.environ, **(env or {})}
        self.name = name
        self.proc: subprocess.Popen | None = None
        self.lines: list[str] = []
        self.match: re.Match | None = None
        self._seen = threading.Event()

    def start(self, timeout: float = 30.0) -> "NodeServer":
        self.proc = subprocess.Popen(
            self.argv, cwd=self.cwd, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True,  # own process group: stop() ends its children too
        )
        threading.Thread(target=self._read, name=f"{self.name}-output", daemon=True).start()
        if not self._seen.wait(timeout):
            self.stop()
            raise RuntimeError(f"{self.name} did not print {self.ready.pattern!r} within {timeout}s:\n{self.output()}")
        return self

    def _read(self) -> None:
        assert self.proc and self.proc.stdout
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            if self.match is None:
                m = self.ready.search(line)
                if m:
                    self.match = m
                    self._seen.set()

    def output(self) -> str:
        return "\n".join(self.lines[-80:])

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


def drive(name: str, url: str, input_selector: str | None, steps: list[dict], *,
          wait_on_load: str | None = None, read: str | None = None, timeout_ms: int = 25000,
          viewport: dict | None = None, measure: bool = False, artifacts: Path | None = None) -> dict:
    """Run deploy/e2e/drive.js on one scenario; returns its report (cards per step, screenshots).

    Fails the test with the driver's own account (which step, what was on the
    page, page errors, the failure screenshot) when a step did not happen.
    """
    artifacts = artifacts or ARTIFACTS
    artifacts.mkdir(parents=True, exist_ok=True)
    scenario = {
        "url": url, "name": name, "artifacts": str(artifacts), "input": input_selector,
        "steps": steps, "timeoutMs": timeout_ms, "measure": measure,
    }
    if viewport:
        scenario["viewport"] = viewport
    if wait_on_load:
        scenario["waitOnLoad"] = wait_on_load
    if read:
        scenario["read"] = read
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(scenario, f)
    try:
        proc = subprocess.run(
            ["node", str(E2E_DIR / "drive.js"), f.name], cwd=E2E_DIR, capture_output=True, text=True,
            timeout=timeout_ms / 1000 * (len(steps) + 3) + 30,
        )
    finally:
        os.unlink(f.name)
    try:
        report = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        pytest.fail(f"drive.js crashed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    if proc.returncode != 0 or report.get("error"):
        pytest.fail(
            f"{name}: {report.get('error')}\n"
            f"page errors: {report.get('pageErrors')}\nconsole errors: {report.get('console')}\n"
            f"last cards on the page: {json.dumps(report.get('lastCards'), ensure_ascii=False)[:2000]}\n"
            f"screenshot: {report.get('failureScreenshot')}\n{proc.stderr[-2000:]}"
        )
    return report


def squash(text: str) -> str:
    """Card text with runs of whitespace (line breaks between FactSet cells) made one space."""
    return re.sub(r"\s+", " ", text).strip()


class FakeDirectLineTokenService:
    """A stand-in for Direct Line's POST /v3/directline/tokens/generate on 127.0.0.1.

    The real service is on the internet; this one is a real HTTP server on
    loopback that answers the way the documentation shows, and records what the
    bot sent it (so a test can check the secret went here and nowhere else).
    ``mode``: "ok", an HTTP status (int) to fail with, "slow" (never answers in
    time), "not-json", or "no-token".
    """

    PATH = "/v3/directline/tokens/generate"

    def __init__(self) -> None:
        self.mode: object = "ok"
        self.requests: list[dict] = []
        self.issued: list[str] = []
        app = web.Application()
        app.router.add_post(self.PATH, self._generate)
        self._server = AppServer(app, name="fake-directline")
        self.port = self._server.port
        self.url = f"{self._server.url}{self.PATH}"

    async def _generate(self, request):
        body = await request.text()
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = body
        self.requests.append({"authorization": request.headers.get("Authorization"), "body": parsed})
        if self.mode == "slow":
            await asyncio.sleep(3)  # longer than any timeout the tests give the bot
        if isinstance(self.mode, int):
            return web.json_response({"error": {"code": "BadArgument", "message": "nope"}}, status=self.mode)
        if self.mode == "not-json":
            return web.Response(text="<html>gateway</html>", content_type="text/html")
        if self.mode == "no-token":
            return web.json_response({"conversationId": "c1", "expires_in": 3600})
        token = "fake-dl-token." + secrets.token_hex(8)
        self.issued.append(token)
        return web.json_response({"conversationId": "conv-" + secrets.token_hex(4), "token": token, "expires_in": 3600})

    def start(self) -> "FakeDirectLineTokenService":
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()


class StaticSite:
    """Serves one directory on 127.0.0.1 (what a support portal's web server does for the chat page)."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, name="static-site", daemon=True)

    def start(self) -> "StaticSite":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep pytest output readable
        pass


# The Agents Playground's message box (a Lexical editor) and a line of the welcome card it shows first.
PLAYGROUND_SEND_BOX = '[contenteditable="true"][role="textbox"]'
WELCOME = "I know the error codes of"
