"""Running a built app in this process: the event loop and the garbage collector's settings.

Process-wide choices belong to the process that serves, not to the app factory
(tests build many apps in one process), so `python -m bot` and the benchmark's
"ours-echo" server both come through here. Measured in bench/server.py.
"""

from __future__ import annotations

import asyncio
import gc

from aiohttp import web


def event_loop() -> asyncio.AbstractEventLoop:
    """uvloop where it is installed (Linux, macOS), else asyncio's own loop.

    The server spends about a sixth of its CPU in the event loop itself (socket
    reads and writes, scheduling callbacks); uvloop does that part in C:
    8% less CPU per activity. Nothing else changes: aiohttp and the SDK run on
    either loop.
    """
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def settle_memory() -> None:
    """Keep the garbage collector off what lives as long as the process.

    Everything built before serving (the catalog, the matcher's indexes, the
    SDK's modules: about 80,000 objects) is never garbage. Freezing it keeps
    the collector's full passes from walking it again and again, a 20+ ms pause
    each time, which showed as the p99 latency under load (35 -> 14 ms). A turn
    allocates a few thousand short-lived objects (models, dicts, futures) that
    reference counting frees; collecting the young generation every 20,000
    allocations instead of 700 stops walking them mid-turn (-4% CPU per turn).
    """
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def serve(app: web.Application, host: str, port: int) -> None:
    """Serve until interrupted; raises OSError when the address cannot be bound."""
    settle_memory()
    web.run_app(app, host=host, port=port, access_log=None, print=None, loop=event_loop())
