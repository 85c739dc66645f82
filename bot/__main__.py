"""`python -m bot` (and `make run`): serve the bot on HOST:PORT (127.0.0.1:3978 by default).

Configuration problems end the process with one line on stderr and exit
status 2, before anything listens.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sys

from aiohttp import web

from catalog import CatalogError

from .config import BotConfig, ConfigError
from .logging_setup import configure_logging


def _event_loop() -> asyncio.AbstractEventLoop:
    """uvloop where it is installed (Linux, macOS), else asyncio's own loop.

    The server spends about a sixth of its CPU in the event loop itself (socket
    reads and writes, scheduling callbacks); uvloop does that part in C:
    8% less CPU per activity in bench/server.py. Nothing else changes: aiohttp
    and the SDK run on either loop.
    """
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def main(argv: list[str] | None = None) -> int:
    try:
        config = BotConfig.from_env()
    except ConfigError as exc:
        print(f"error-explainer: {exc}", file=sys.stderr)
        return 2
    configure_logging(config.log_level)
    from .app import create_app  # after logging, so start-up messages are formatted

    try:
        app = create_app(config)
    except CatalogError as exc:
        print(f"error-explainer: the catalog does not load: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a setting the SDK or the Direct Line route rejects
        print(f"error-explainer: {exc}", file=sys.stderr)
        return 2
    # Everything built so far (the catalog, the matcher's indexes, the SDK's modules)
    # lives as long as the process. Freezing it keeps the garbage collector's full
    # passes from walking it again and again: about 80,000 objects, a 20+ ms pause
    # each time, which showed as the p99 latency under load (bench/server.py).
    # A turn allocates a few thousand short-lived objects (models, dicts, futures)
    # that reference counting frees; collecting the young generation every 20,000
    # allocations instead of 700 stops walking them mid-turn (-4% CPU per turn).
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    log = logging.getLogger("bot")
    auth = "anonymous (no MicrosoftAppId)" if config.anonymous else f"app id {config.app_id}"
    log.info("listening on http://%s:%d/api/messages, %s", config.host, config.port, auth)
    try:
        web.run_app(app, host=config.host, port=config.port, access_log=None, print=None, loop=_event_loop())
    except OSError as exc:
        print(f"error-explainer: cannot listen on {config.host}:{config.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
