#!/usr/bin/env python3
"""`make demo`: the support-portal chat page talking to this machine's bot, one command.

What it starts, all on 127.0.0.1, and stops again on Ctrl-C:
- the bot (`python -m bot`, anonymous, on a free port), given a Direct Line secret
  that only works here;
- offline-directline (deploy/e2e/offline-directline.js), the local Direct Line 3.0
  emulator that carries Web Chat's messages to the bot and back;
- a web server for the page as `make webchat` assembles it (deploy/webchat), with a
  config.js pointing at the two above; it also answers the bot's token request the
  way Direct Line's token service would, so the page takes the same path as on a
  real portal (page -> bot's token route -> "Direct Line" -> token).
Then it prints the address to open. The page greets the visitor on open.

Usage: python deploy/scripts/demo.py [--port N]   (N=0: any free port; default 8000
or $DEMO_PORT). Needs deploy/e2e/node_modules (make e2e-deps).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT / "deploy" / "e2e"
TOKEN_PATH = "/v3/directline/tokens/generate"
SECRET = "demo-" + secrets.token_hex(8)  # only this machine's stand-in token service accepts it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _PageAndTokens(http.server.SimpleHTTPRequestHandler):
    """The page's files, plus Direct Line's token route as the bot calls it (loopback only)."""

    def do_POST(self):  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(min(length, 65536))
        if self.path != TOKEN_PATH or self.headers.get("Authorization") != f"Bearer {SECRET}":
            self.send_error(403)
            return
        body = json.dumps({"conversationId": "demo-" + secrets.token_hex(4),
                           "token": "demo-token." + secrets.token_hex(8), "expires_in": 3600}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - keep the demo's output to what matters
        pass


def _wait_for(url: str, proc: subprocess.Popen, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"demo: {what} exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError as exc:
            if getattr(exc, "code", None):  # an HTTP error status: it is listening
                return
            time.sleep(0.2)
    raise SystemExit(f"demo: {what} did not answer at {url} within {timeout:.0f}s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("DEMO_PORT", "8000")),
                        help="port of the page (0: any free port)")
    args = parser.parse_args(argv)
    if not (E2E / "node_modules" / "offline-directline").is_dir():
        print("demo: deploy/e2e/node_modules is missing; run `make e2e-deps` first", file=sys.stderr)
        return 2

    site = Path(tempfile.mkdtemp(prefix="error-explainer-demo-"))
    subprocess.run(["bash", str(ROOT / "deploy/scripts/build-webchat.sh"), str(site)], check=True,
                   stdout=subprocess.DEVNULL)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port),
                                                 functools.partial(_PageAndTokens, directory=str(site)))
    except OSError as exc:
        shutil.rmtree(site, ignore_errors=True)
        print(f"demo: port {args.port} is taken ({exc.strerror}); try `make demo DEMO_PORT=0`", file=sys.stderr)
        return 2
    page = f"http://127.0.0.1:{server.server_address[1]}"
    bot_port, dl_port = free_port(), free_port()
    bot_url = f"http://127.0.0.1:{bot_port}"
    (site / "config.js").write_text(
        "// Written by deploy/scripts/demo.py for this machine only.\n"
        "window.ERROR_EXPLAINER_CHAT = {\n"
        "  botName: 'Error Explainer',\n"
        f"  tokenUrl: '{bot_url}/api/directline/token',\n"
        f"  directLineDomain: 'http://127.0.0.1:{dl_port}/directline',\n"
        "  webSocket: false,\n"  # offline-directline polls
        "};\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("Microsoft")}
    env.update({
        "HOST": "127.0.0.1", "PORT": str(bot_port), "PYTHONUNBUFFERED": "1",
        "DirectLineSecret": SECRET, "DirectLineTokenEndpoint": page + TOKEN_PATH,
        "DirectLineAllowedOrigins": page,
    })
    children: list[subprocess.Popen] = []

    def stop(*_):
        for child in reversed(children):
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)

    signal.signal(signal.SIGTERM, lambda *_: (stop(), sys.exit(0)))
    threading.Thread(target=server.serve_forever, name="demo-page", daemon=True).start()
    try:
        children.append(subprocess.Popen([sys.executable, "-m", "bot"], cwd=ROOT, env=env))
        _wait_for(f"{bot_url}/healthz", children[-1], "the bot")
        children.append(subprocess.Popen(
            ["node", str(E2E / "offline-directline.js"), str(dl_port), f"{bot_url}/api/messages"],
            cwd=E2E, stdout=subprocess.DEVNULL))
        _wait_for(f"http://127.0.0.1:{dl_port}/directline/conversations", children[-1], "offline-directline")
        print(f"\nError Explainer demo: open {page}/ in a browser (Ctrl-C stops it).\n", flush=True)
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        print("demo: a part of the demo stopped; stopping the rest", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
