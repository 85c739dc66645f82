"""RFC 7807 problem responses (application/problem+json), each carrying the correlation id.

Every error we answer carries the request's id (bot/correlation.py) in the body, in the `x-correlation-id`
header and in the log line of that request, so a user who pastes an error from
their client lets an operator find the matching server log in one search.
"""

from __future__ import annotations

import json

from aiohttp import web

from ..correlation import CORRELATION_HEADER

PROBLEM_CONTENT_TYPE = "application/problem+json"
_TYPE_BASE = "urn:error-explainer:problem:"


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
