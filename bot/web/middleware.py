"""The middleware stack, built in one place: what every request goes through, in order.

Today one layer, `answer_problems`: it gives every request a correlation id,
turns every error (ours, the router's, a foreign one named in
bot/web/foreign_errors.py, an unexpected exception) into an
application/problem+json response, and logs one line per request. Requests
aiohttp cannot parse never reach it: bot/web/protocol.py answers those. A new
cross-cutting concern (compression, rate limits, timeouts) is added to
`MIDDLEWARES`, nowhere else, so its position in the stack is visible at a glance.
"""

from __future__ import annotations

import logging
import time

from aiohttp import web

from ..correlation import CORRELATION_HEADER, correlation_id, new_correlation_id
from .foreign_errors import ClientGone, translate
from .problems import Problem, problem

log = logging.getLogger("bot.http")


@web.middleware
async def answer_problems(request: web.Request, handler):
    """Give every request a correlation id, answer every error as problem+json, log one line."""
    cid = new_correlation_id(request.headers.get(CORRELATION_HEADER))
    token = correlation_id.set(cid)
    started = time.perf_counter()
    try:
        try:
            response = await handler(request)
        except Problem as p:
            response = p.response(cid)
        except web.HTTPException as exc:  # the router's 404/405, aiohttp's own 413
            if exc.status < 400:
                raise
            headers = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else None
            response = problem(exc.status, exc.reason.lower().replace(" ", "-"), exc.reason,
                               f"{request.method} {request.path}: {exc.reason.lower()}", cid, headers=headers)
        except Exception as exc:
            meaning = translate(exc)
            if isinstance(meaning, ClientGone):
                # The client's doing, and nobody is left to answer: one line, no traceback, no status.
                log.info("%s %s: client disconnected before sending the whole request (%s)",
                         request.method, request.path, meaning)
                return web.Response(status=400)
            if meaning is None:
                log.exception("unhandled error in %s %s", request.method, request.path)
                meaning = Problem(500, "internal-error", "Internal error",
                                  "the server failed while handling this request; quote the correlation id")
            response = meaning.response(cid)
        response.headers[CORRELATION_HEADER] = cid
        elapsed_ms = (time.perf_counter() - started) * 1000
        if response.status >= 400:
            log.warning("%s %s -> %d %.1fms", request.method, request.path, response.status, elapsed_ms)
        elif log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s -> %d %.1fms", request.method, request.path, response.status, elapsed_ms)
        return response
    finally:
        correlation_id.reset(token)


# Outermost first (aiohttp runs the list in this order).
MIDDLEWARES = (answer_problems,)
