"""GET /healthz: is the server up, and what is it serving (for probes and operators)."""

from __future__ import annotations

from importlib import metadata
from typing import Callable

from aiohttp import web


def _version() -> str:
    try:
        return metadata.version("error-explainer")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def health_handler(report: Callable[[], dict]):
    """A handler answering {"status": "ok", "version": ..., **report()}."""
    version = _version()  # read from the installed metadata once, not on every health probe

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "version": version, **report()})

    return healthz
