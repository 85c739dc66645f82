"""Does the server hold up over time and under faults? Lost replies, latency, memory, health.

Starts the real server (`python -m bot`) on loopback and a connector sink in
this process, then runs, in order:

  load       10,000 activities, 64 at a time, over 200 conversations: how many
             replies never arrived (or arrived twice), p50/p99 latency
  convs      50,000 activities in 50,000 distinct conversations: the server's
             RSS before and after (conversation state lives in memory)
  urls       20,000 activities from 20,000 distinct serviceUrls (the connector
             client cache holds 256): RSS before and after
  login      a second server with an app id whose login endpoint never answers:
             turns that need the bot's token are sent while /healthz is polled;
             how many health checks were answered, and how fast

Prints numbers; asserts nothing. Usage:
  .venv/bin/python bench/soak.py [--only load,convs,urls,login] [--scale 1.0]
(--scale 0.1 runs a tenth of every count, for a quick look.)
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp
from aiohttp import web

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.bot_server import free_port  # noqa: E402
from tests.support.login_endpoint import LoginEndpoint  # noqa: E402


class Sink:
    """A connector stand-in for any serviceUrl path on its port: counts replies per activity they answer."""

    def __init__(self):
        self.arrived: collections.Counter = collections.Counter()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app = web.Application(client_max_size=8 * 1024 * 1024)
        app.router.add_post("/{prefix:.*}v3/conversations/{conversation}/activities/{activity}", self.receive)
        app.router.add_post("/{prefix:.*}v3/conversations/{conversation}/activities", self.receive)
        self._runner = web.AppRunner(app, access_log=None)

    async def start(self) -> None:
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        await self._runner.cleanup()

    async def receive(self, request: web.Request) -> web.Response:
        body = await request.json()
        if body.get("type") == "message":
            self.arrived[request.match_info.get("activity") or body.get("replyToId")] += 1
        return web.json_response({"id": uuid.uuid4().hex})


def activity(text: str, conversation: str, service_url: str) -> dict:
    return {
        "type": "message", "id": uuid.uuid4().hex, "channelId": "emulator", "serviceUrl": service_url,
        "conversation": {"id": conversation}, "from": {"id": "soak-user", "role": "user"},
        "recipient": {"id": "bot", "role": "bot"}, "text": text, "locale": "en-US",
    }


QUESTIONS = ["what is subcode 3112", "bot returns 405", "sms 4007", "what is 404", "my toaster is on fire"]


class Server:
    def __init__(self, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        full = {k: v for k, v in os.environ.items() if not k.startswith("Microsoft")}
        full.update({"HOST": "127.0.0.1", "PORT": str(self.port), "LOG_LEVEL": "ERROR"})
        full.update(env or {})
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "bot"], cwd=REPO, env=full,
                                     stdout=self.log, stderr=subprocess.STDOUT)

    async def wait_up(self, session: aiohttp.ClientSession) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise RuntimeError("server exited:\n" + self.log.read().decode(errors="replace"))
            try:
                async with session.get(self.url + "/healthz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        raise RuntimeError("server did not come up")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


async def send_all(session, url: str, bodies: list[dict], concurrency: int, headers: dict | None = None):
    """Post every body, `concurrency` at a time; (latencies in s, status counts)."""
    latencies: list[float] = []
    statuses: collections.Counter = collections.Counter()
    queue = collections.deque(bodies)
    hdrs = {"Content-Type": "application/json", **(headers or {})}

    async def worker():
        while queue:
            body = queue.popleft()
            start = time.perf_counter()
            try:
                async with session.post(url + "/api/messages", data=json.dumps(body), headers=hdrs) as r:
                    await r.read()
                    statuses[r.status] += 1
            except aiohttp.ClientError as exc:
                statuses[type(exc).__name__] += 1
            latencies.append(time.perf_counter() - start)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, statuses


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


async def settle(sink: Sink, expected: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while sum(sink.arrived.values()) < expected and time.monotonic() < deadline:
        await asyncio.sleep(0.1)


async def phase_load(session, sink, scale) -> None:
    server = Server()
    await server.wait_up(session)
    n = int(10_000 * scale)
    bodies = [activity(QUESTIONS[i % len(QUESTIONS)], f"load-{i % 200}", sink.url) for i in range(n)]
    sink.arrived.clear()
    start = time.perf_counter()
    latencies, statuses = await send_all(session, server.url, bodies, 64)
    elapsed = time.perf_counter() - start
    await settle(sink, n)
    ids = [b["id"] for b in bodies]
    lost = sum(1 for i in ids if sink.arrived[i] == 0)
    twice = sum(1 for i in ids if sink.arrived[i] > 1)
    print(f"load : {n} activities, 64 concurrent, 200 conversations in {elapsed:.1f}s ({n / elapsed:.0f}/s); "
          f"statuses {dict(statuses)}; replies lost {lost}, duplicated {twice}; "
          f"latency p50 {pct(latencies, 0.5):.1f} ms, p99 {pct(latencies, 0.99):.1f} ms")
    server.stop()


async def phase_memory(session, sink, name: str, n: int, make) -> None:
    server = Server()
    await server.wait_up(session)
    warm = [make(i, warm=True) for i in range(2000)]
    await send_all(session, server.url, warm, 64)
    before = server.rss_mb()
    statuses: collections.Counter = collections.Counter()
    marks: list[str] = []
    start = time.perf_counter()
    quarter = max(1, n // 4)
    for first in range(0, n, quarter):  # RSS after each quarter: growth that levels off is not a leak
        _, part = await send_all(session, server.url, [make(i, warm=False) for i in range(first, min(n, first + quarter))], 64)
        statuses.update(part)
        marks.append(f"{server.rss_mb():.1f}")
    elapsed = time.perf_counter() - start
    await asyncio.sleep(1.0)
    after = server.rss_mb()
    health = await (await session.get(server.url + "/healthz")).json()
    print(f"{name}: {n} activities in {elapsed:.1f}s, statuses {dict(statuses)}; RSS {before:.1f} MB -> "
          f"{' -> '.join(marks)} MB after each quarter ({(after - before) * 1024 * 1024 / n:+.0f} bytes each overall); "
          f"connectors {health['connectors']}")
    server.stop()


async def phase_convs(session, sink, scale) -> None:
    def make(i, warm):
        return activity(QUESTIONS[i % len(QUESTIONS)], f"{'w' if warm else 'c'}-{i}-{uuid.uuid4().hex[:8]}", sink.url)

    await phase_memory(session, sink, "convs", int(50_000 * scale), make)


async def phase_urls(session, sink, scale) -> None:
    def make(i, warm):
        prefix = "w" if warm else "u"
        return activity(QUESTIONS[i % len(QUESTIONS)], f"url-conv-{i % 200}", f"{sink.url}/{prefix}{i}/")

    await phase_memory(session, sink, "urls ", int(20_000 * scale), make)


async def phase_login(session, sink, scale) -> None:
    login = LoginEndpoint(mode="hang").start()
    try:
        timeout = 2.0
        server = Server({**login.bot_env(), "BOT_TOKEN_TIMEOUT_SECONDS": str(timeout)})
        await server.wait_up(session)
        n = max(20, int(200 * scale))
        bodies = [activity("what is 404", f"login-{i}", sink.url) for i in range(n)]
        headers = {"Authorization": "Bearer " + login.channel_token(sink.url)}
        health_times: list[float] = []
        health_failed = 0
        stop = asyncio.Event()

        async def poll_health():
            nonlocal health_failed
            while not stop.is_set():
                start = time.perf_counter()
                try:
                    async with session.get(server.url + "/healthz", timeout=aiohttp.ClientTimeout(total=2)) as r:
                        await r.read()
                        ok = r.status == 200
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    ok = False
                health_times.append(time.perf_counter() - start)
                health_failed += not ok
                await asyncio.sleep(0.1)

        poller = asyncio.create_task(poll_health())
        start = time.perf_counter()
        latencies, statuses = await send_all(session, server.url, bodies, 16, headers)
        elapsed = time.perf_counter() - start
        stop.set()
        await poller
        print(f"login: {n} turns needing a token from a login endpoint that never answers (deadline {timeout:g}s), "
              f"16 at a time, in {elapsed:.1f}s; statuses {dict(statuses)}, turn p50 {pct(latencies, 0.5):.0f} ms; "
              f"health answered {len(health_times) - health_failed}/{len(health_times)}, "
              f"p50 {pct(health_times, 0.5):.1f} ms, max {max(health_times) * 1000:.1f} ms")
        server.stop()
    finally:
        login.stop()


PHASES = {"load": phase_load, "convs": phase_convs, "urls": phase_urls, "login": phase_login}


async def main_async(args) -> None:
    sink = Sink()
    await sink.start()
    connector = aiohttp.TCPConnector(limit=128)
    async with aiohttp.ClientSession(connector=connector) as session:
        for name in args.only.split(","):
            await PHASES[name.strip()](session, sink, args.scale)
    await sink.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="load,convs,urls,login")
    parser.add_argument("--scale", type=float, default=1.0)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
