"""Running a built app in this process: the event loop and the garbage collector's settings.

Process-wide choices belong to the process that serves, not to the app factory
(tests build many apps in one process), so `python -m bot` and the benchmark's
"ours-echo" server both come through here. Measured in bench/server.py.
"""

from __future__ import annotations

import asyncio
import gc

from aiohttp import web

from .protocol import ProblemAppRunner


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


def serve(app: web.Application, host: str, port: int, *, shutdown_timeout: float = 60.0) -> None:
    """Serve until SIGINT/SIGTERM; raises OSError when the address cannot be bound.

    What web.run_app does (signals end the loop, in-flight requests get
    `shutdown_timeout` seconds, then the app is cleaned up), but with
    ProblemAppRunner, which run_app cannot be given: it answers requests that
    aiohttp cannot parse as problem+json (bot/web/protocol.py).
    """
    settle_memory()
    loop = event_loop()
    asyncio.set_event_loop(loop)
    runner = ProblemAppRunner(app, access_log=None, handle_signals=True, shutdown_timeout=shutdown_timeout)
    try:
        loop.run_until_complete(_start(runner, host, port))
        loop.run_forever()
    except (web.GracefulExit, KeyboardInterrupt):
        pass
    finally:
        loop.run_until_complete(runner.cleanup())
        _cancel_leftover_tasks(loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
        asyncio.set_event_loop(None)


async def _start(runner: web.AppRunner, host: str, port: int) -> None:
    await runner.setup()
    await web.TCPSite(runner, host, port).start()


def _cancel_leftover_tasks(loop: asyncio.AbstractEventLoop) -> None:
    tasks = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
