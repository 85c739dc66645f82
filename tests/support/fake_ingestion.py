"""A fake Azure Monitor ingestion service, for tests that run the bot with telemetry on.

Serve ``FakeIngestion().app`` with the ``serve_app`` fixture and put its URL in the
connection string (``connection_string(url)``): the Azure Monitor exporter then
posts its telemetry (/v2.1/track) and the Live Metrics pings here, and is answered
as the real service answers. ``items`` holds every telemetry item received,
``bodies`` every request body (decompressed), for "did anything leak" checks.

Each item also remembers which process posted it (``sent_by``, from
tests/support/processes.py), so tests of several worker processes can tell the
workers' telemetry apart; without /proc the sender is None.
"""

from __future__ import annotations

import gzip
import json
import threading
import uuid

from aiohttp import web

from .processes import sender_pid


def connection_string(url: str) -> str:
    """An Application Insights connection string sending everything to the fake at `url`."""
    return f"InstrumentationKey={uuid.uuid4()};IngestionEndpoint={url}/;LiveEndpoint={url}/"


# The exporter's settings for a test: every trace kept (the distro's default sampler,
# at most 5 traces a second, starts low and may drop the first turns after a start), and
# nothing sent to the internet (no SDK usage reports to Microsoft, no Azure VM metadata probe).
QUIET_EXPORTER_ENV = {
    "OTEL_TRACES_SAMPLER": "always_on",
    "APPLICATIONINSIGHTS_STATSBEAT_DISABLED_ALL": "true",
    "OTEL_EXPERIMENTAL_RESOURCE_DETECTORS": "azure_app_service",
}


class FakeIngestion:
    """Records every telemetry item posted to it; answers as the ingestion service does."""

    def __init__(self):
        self.bodies: list[bytes] = []
        self.items: list[dict] = []
        self.senders: list[int | None] = []  # the pid that posted items[i]
        self.posts: list[tuple[str, int | None]] = []  # (path, pid) of every post, Live Metrics pings included
        self._lock = threading.Lock()
        self.app = web.Application(client_max_size=64 * 1024 * 1024)
        self.app.router.add_route("POST", "/{path:.*}", self._receive)

    async def _receive(self, request: web.Request) -> web.Response:
        sender = sender_pid(request)
        body = await request.read()
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        parsed = json.loads(body) if body else None
        with self._lock:
            self.bodies.append(body)
            self.posts.append((request.path, sender))
            if request.path.rstrip("/").endswith("/v2.1/track") and isinstance(parsed, list):
                self.items.extend(parsed)
                self.senders.extend([sender] * len(parsed))
        count = len(parsed) if isinstance(parsed, list) else 0
        return web.json_response({"itemsReceived": count, "itemsAccepted": count, "errors": []})

    def of(self, base_type: str) -> list[dict]:
        """The items of one kind (RequestData, RemoteDependencyData, MetricData...), as baseData plus
        their tags, and ``sent_by``: the pid of the process that posted them (None where unknown)."""
        return [
            i["data"]["baseData"] | {"tags": i.get("tags", {}), "sent_by": pid}
            for i, pid in zip(self.items, self.senders)
            if i["data"]["baseType"] == base_type
        ]

    def metric(self, name: str) -> list[tuple[dict, float]]:
        return [(m["properties"], point["value"]) for m in self.of("MetricData") for point in m["metrics"] if point["name"] == name]

    def live_metrics_pingers(self) -> set[int | None]:
        """The processes that have announced themselves to Live Metrics (QuickPulse pings)."""
        with self._lock:
            return {pid for path, pid in self.posts if "QuickPulseService.svc/ping" in path}
