"""Connector clients the cache lets go are freed at once, by reference counting alone.

The server freezes everything built at start-up out of the garbage collector's
reach and runs the collector rarely (bot/web/process.py), so memory that only
the cyclic collector could free stays taken. msrest and requests build cycles
into every ConnectorClient (serialiser tables of bound methods, a ConfigParser,
requests sessions): a bot shown a new serviceUrl for every activity grew by
about 5.6 KB each, for good. bench/soak.py measures the server's RSS over
20,000 serviceUrls; this test checks the cause directly.
"""

from __future__ import annotations

import asyncio
import gc
import weakref

import aiohttp
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials

from bot.sdk.connector_cache import ConnectorCache


def test_evicted_clients_leave_nothing_for_the_garbage_collector():
    async def churn() -> list[weakref.ref]:
        cache = ConnectorCache(max_size=4)
        evicted = []
        async with aiohttp.ClientSession() as session:
            cache.session = session
            for i in range(60):
                async def build(i=i):
                    return ConnectorClient(MicrosoftAppCredentials("app-id", "secret"), base_url=f"https://channel-{i}.test/")
                evicted.append(weakref.ref(await cache.get((f"https://channel-{i}.test/", None, "app-id"), build)))
        return evicted[:-4]

    gc.collect()
    gc.disable()
    try:
        evicted = asyncio.run(churn())
        left_for_the_collector = gc.collect()
    finally:
        gc.enable()
    assert all(ref() is None for ref in evicted)
    # Fewer than one object per evicted client (the 56 evicted here used to leave about 6,000).
    assert left_for_the_collector < len(evicted), left_for_the_collector
