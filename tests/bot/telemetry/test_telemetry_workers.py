"""BOT_WORKERS=2 with telemetry on: every worker's turns reach Azure Monitor.

gunicorn builds the app once in its master and forks the workers from it, so
whatever telemetry machinery the master started is inherited by processes that
did not start it. This runs the real thing: two workers, a fake ingestion
service (tests/support/fake_ingestion.py) that notes which process posted each
item, and a Bot Connector stand-in that notes which worker sent each reply; the
turns are sent until both workers have answered some, the server is stopped
with SIGTERM as App Service stops it, and then every turn must be in the
ingested telemetry, from the worker that answered it. Live Metrics (a thread of
the distro's own) must hear from every worker too.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from aiohttp import web

from tests.support.fake_ingestion import QUIET_EXPORTER_ENV, FakeIngestion, connection_string
from tests.support.processes import child_pids, sender_pid

SECRET = "numbat" + uuid.uuid4().hex[:8]


class RepliesByWorker:
    """A Bot Connector stand-in that counts, per process, the replies it was sent."""

    def __init__(self):
        self.by_pid: Counter = Counter()
        self._lock = threading.Lock()
        self.app = web.Application()
        self.app.router.add_post("/v3/conversations/{conversation}/activities", self._receive)
        self.app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", self._receive)

    async def _receive(self, request: web.Request) -> web.Response:
        pid = sender_pid(request)
        await request.read()
        with self._lock:
            self.by_pid[pid] += 1
        return web.json_response({"id": uuid.uuid4().hex})


def question(service_url: str) -> dict:
    return {
        "type": "message", "id": uuid.uuid4().hex, "channelId": "webchat", "serviceUrl": service_url,
        "conversation": {"id": "conv-" + uuid.uuid4().hex[:8]}, "from": {"id": "user-1"},
        "recipient": {"id": "bot-1"}, "text": f"what is subcode 3112 ({SECRET})",
    }


def test_each_worker_sends_the_spans_of_the_turns_it_served(start_bot, serve_app):
    fake, replies = FakeIngestion(), RepliesByWorker()
    ingestion, connector = serve_app(fake.app), serve_app(replies.app)
    bot = start_bot(env={
        "BOT_WORKERS": "2",
        "APPLICATIONINSIGHTS_CONNECTION_STRING": connection_string(ingestion.url),
    } | QUIET_EXPORTER_ENV)
    workers = child_pids(bot.proc.pid)
    assert len(workers) == 2, bot.log()

    # Concurrent turns, a fresh connection each, until both workers have answered some.
    sent = 0
    with ThreadPoolExecutor(8) as pool:
        for _ in range(10):
            statuses = list(pool.map(
                lambda _: requests.post(bot.url + "/api/messages", json=question(connector.url), timeout=30).status_code,
                range(16)))
            assert statuses == [200] * 16, bot.log()
            sent += 16
            if set(replies.by_pid) == set(workers):
                break
    if None in replies.by_pid:
        pytest.skip("this system does not show which process holds a socket, so the workers' requests cannot be told apart")
    assert set(replies.by_pid) == set(workers), f"one worker served every turn: {replies.by_pid}"
    assert sum(replies.by_pid.values()) == sent

    # Live Metrics lists every serving process, each pinging from its own thread;
    # the master, which serves nothing, has nothing to show there.
    deadline = time.monotonic() + 20
    while not set(workers) <= fake.live_metrics_pingers() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert fake.live_metrics_pingers() == set(workers), f"pings from {fake.live_metrics_pingers()}, workers {workers}"

    bot.proc.terminate()  # SIGTERM, as App Service stops an instance
    assert bot.proc.wait(30) == 0, bot.log()

    turns = [d for d in fake.of("RemoteDependencyData") if d["name"] == "bot.turn"]
    assert Counter(t["sent_by"] for t in turns) == replies.by_pid, bot.log()
    assert all(t["properties"]["bot.decision"] == "answer" for t in turns)
    # and nothing the users typed left either process
    assert fake.bodies and not [b for b in fake.bodies if SECRET.encode() in b]
