"""The one boundary where other libraries' errors about a request get our names.

aiohttp reports a request it could not read with its own exception types,
raised in two places: while parsing the request line and headers (before any
handler runs; aiohttp would answer text/plain) and while a handler reads the
body (the exception reaches the middleware). Both places ask `translate` what
the error means, so each foreign type is named once, here:

* a Problem: the request itself is at fault (4xx, answered as problem+json);
* ClientGone: the client closed the connection before its request was read;
  nobody is left to answer, and it is the client's doing (an INFO line);
* None: not a request error we know; the caller treats it as our fault (500).

Like httpx mapping its transports' exceptions onto its own hierarchy, nothing
else in bot/ catches an aiohttp parsing error or a reset connection by name.
"""

from __future__ import annotations

import aiohttp
from aiohttp import http_exceptions

from .problems import Problem


class ClientGone(Exception):
    """The client closed the connection before sending its whole request."""


def translate(exc: BaseException) -> Problem | ClientGone | None:
    """Our meaning of a foreign error raised while reading a request (see the module docstring)."""
    if isinstance(exc, ConnectionResetError) and not isinstance(exc, aiohttp.ClientError):
        # aiohttp's server: the peer went away while its body was awaited. (aiohttp's client raises
        # a ConnectionResetError subclass too, for a channel that drops a reply: not the client's doing.)
        return ClientGone(str(exc) or type(exc).__name__)
    if isinstance(exc, http_exceptions.LineTooLong):
        # The request line or one header is over aiohttp's limit (8190 bytes):
        # both are "the part before the body is too large" to a client.
        limit = exc.args[1] if len(exc.args) > 1 else "8190"
        return Problem(431, "request-header-fields-too-large", "Request header fields too large",
                       f"a header (or the request line) is too large; the limit is {limit} bytes each")
    if isinstance(exc, http_exceptions.ContentEncodingError):
        # Raised while parsing headers: a coding aiohttp would decode but cannot (br, zstd without
        # their libraries). The app reads bodies undecoded (bot/web/request_body.py), so this is
        # only reached by servers built without that setting; the meaning is the same.
        return Problem(415, "unsupported-content-encoding", "Unsupported content encoding",
                       "the request's Content-Encoding is not accepted; send the body as is, gzip or deflate",
                       headers={"Accept-Encoding": "gzip, deflate"})
    if isinstance(exc, http_exceptions.PayloadEncodingError):  # bad chunked framing, body shorter than declared
        return Problem(400, "malformed-body", "Malformed body", f"the request body is not framed correctly: {_say(exc)}")
    if isinstance(exc, http_exceptions.BadHttpMessage):  # bad request line, header syntax, framing headers
        if "too many headers" in _say(exc).lower():
            return Problem(431, "request-header-fields-too-large", "Request header fields too large",
                           "the request has too many header fields")
        return Problem(400, "malformed-request", "Malformed request", f"the request is not valid HTTP/1.1: {_say(exc)}")
    return None


def _say(exc: BaseException) -> str:
    """aiohttp's message, on one line and short (it may quote the offending bytes)."""
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())[:200]
