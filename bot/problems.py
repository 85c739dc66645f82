"""RFC 7807 problem responses and the correlation id that ties them to a log line.

Every error we answer carries the same id in the body, in the `x-correlation-id`
header and in the log line of that request, so a user who pastes an error from
their client lets an operator find the matching server log in one search.
"""

from __future__ import annotations

import contextvars
import itertools
import json
import os
import re

from aiohttp import web

PROBLEM_CONTENT_TYPE = "application/problem+json"
CORRELATION_HEADER = "x-correlation-id"
_TYPE_BASE = "urn:error-explainer:problem:"

# The id of the request being handled; log records and turn errors read it.
correlation_id: contextvars.ContextVar[str] = contextvars.ContextVar("correlation_id", default="-")

# Callers may pass their own id (a gateway's, a test's); anything odd is replaced.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,80}$")


# Unique per process start (random prefix) and per request (counter): as good
# as a uuid4 for finding a log line, without a system call per request.
_PREFIX = os.urandom(6).hex()
_COUNTER = itertools.count(1)


def new_correlation_id(incoming: str | None = None) -> str:
    if incoming and _SAFE_ID.match(incoming):
        return incoming
    return f"{_PREFIX}-{next(_COUNTER):x}"


def problem(
    status: int,
    slug: str,
    title: str,
    detail: str,
    cid: str,
    *,
    headers: dict[str, str] | None = None,
) -> web.Response:
    """An application/problem+json response; `slug` names the kind of problem."""
    body = {
        "type": _TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "correlationId": cid,
    }
    all_headers = {CORRELATION_HEADER: cid}
    if headers:
        all_headers.update(headers)
    return web.Response(
        status=status,
        body=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        content_type=PROBLEM_CONTENT_TYPE,
        charset="utf-8",
        headers=all_headers,
    )


class Problem(Exception):
    """Raised inside a handler to answer with a problem response."""

    def __init__(self, status: int, slug: str, title: str, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.headers = headers

    def response(self, cid: str) -> web.Response:
        return problem(self.status, self.slug, self.title, self.detail, cid, headers=self.headers)
