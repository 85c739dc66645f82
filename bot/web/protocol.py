"""Requests aiohttp cannot parse: answered as problem+json, logged in one line.

A request whose line or headers aiohttp refuses (a 20 KB Authorization header,
200 headers, bad chunked framing, Content-Length together with
Transfer-Encoding, a NUL in a header, a method with odd characters) never
reaches the app or its middleware: aiohttp's connection handler answers it
itself, text/plain, and logs an ERROR with a traceback for what is the
client's mistake. `ProblemAppRunner` serves an app with a connection handler
that answers those in our words instead: the status and problem chosen by
bot/web/foreign_errors.py, a correlation id, one WARNING line.

aiohttp offers no setting for this, so the runner hands out the server's
connection handlers as `ProblemRequestHandler`, a subclass that only
overrides `handle_error` (aiohttp's own hook for this answer). aiohttp's
version is pinned (pyproject.toml); tests/bot/web/test_hostile_requests.py
fails if the hook stops being used.
"""

from __future__ import annotations

import logging

from aiohttp import web

from ..correlation import CORRELATION_HEADER, new_correlation_id
from .foreign_errors import translate
from .problems import Problem

log = logging.getLogger("bot.http")


class ProblemRequestHandler(web.RequestHandler):
    """aiohttp's connection handler, answering unparsable requests with problem+json."""

    __slots__ = ()  # the same layout as aiohttp's handler, so a handler it built can become one

    def handle_error(self, request, status: int = 500, exc: BaseException | None = None, message: str | None = None):
        if status >= 500:
            # Not a parse error: something failed outside our middleware. aiohttp's own answer
            # logs the traceback; ours says the same in problem+json.
            log.error("unhandled error outside the app from %s", request.remote, exc_info=exc)
            meaning = Problem(500, "internal-error", "Internal error",
                              "the server failed while handling this request; quote the correlation id")
        else:
            meaning = translate(exc) if exc is not None else None
            if not isinstance(meaning, Problem):
                meaning = Problem(status, "malformed-request", "Malformed request",
                                  f"the request is not valid HTTP/1.1: {' '.join(str(message or '').split())[:200]}")
        if request.writer.output_size > 0:  # part of a response is out already: only closing is left
            raise ConnectionError("a response was already started; the connection is closed instead")
        cid = new_correlation_id(None)
        if meaning.status < 500:
            log.warning("unparsable request from %s -> %d %s [%s]", request.remote, meaning.status, meaning.slug, cid)
        response = meaning.response(cid)
        response.headers[CORRELATION_HEADER] = cid
        response.force_close()  # the rest of what the client sent cannot be trusted to be framed right
        return response


class _ProblemProtocols:
    """The protocol factory a site listens with: aiohttp's own, with each handler it builds made a ProblemRequestHandler."""

    def __init__(self, server: web.Server):
        self._server = server

    def __call__(self) -> ProblemRequestHandler:
        handler = self._server()
        handler.__class__ = ProblemRequestHandler
        return handler

    def __getattr__(self, name: str):
        # Everything else is the server's own (gunicorn's worker reads requests_count, sites read connections).
        return getattr(self._server, name)


class ProblemAppRunner(web.AppRunner):
    """web.AppRunner whose sites hand out ProblemRequestHandlers (use it as aiohttp's own)."""

    @property
    def server(self):
        server = super().server
        return None if server is None else _ProblemProtocols(server)
