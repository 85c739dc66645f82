"""Reading a request's body: its size limit and its content coding, in one place.

aiohttp is told not to decode bodies (`auto_decompress=False`, see
bot/web/app.py): left to itself it decodes gzip and deflate, refuses `br` and
`zstd` with a text/plain 400 before any handler runs when their libraries are
missing, decodes them when they are present, and reports a corrupt stream as
an exception our handler would have to know by its aiohttp name. Here the
codings a Bot Framework channel may use (identity, gzip, deflate) are decoded
with zlib, never past the limit, and everything else is answered in our own
words: an unknown coding 415 (with Accept-Encoding, RFC 7694), a corrupt
stream 400, a body over the limit 413 (after decoding: a small gzip body can
inflate to gigabytes).

A client that goes away before its body is complete is not refused here: the
read raises, and bot/web/foreign_errors.py names that for the middleware.
"""

from __future__ import annotations

import zlib

from aiohttp import web

from .problems import Problem

# zlib's window bits: 16 + 15 reads a gzip member, 15 a zlib stream, -15 a raw deflate stream
# (HTTP's "deflate" is the zlib format, but some clients send it raw; both are read).
_GZIP = 16 + zlib.MAX_WBITS
_ZLIB = zlib.MAX_WBITS
_RAW_DEFLATE = -zlib.MAX_WBITS
ACCEPTED_CODINGS = ("gzip", "deflate")
_READ_CHUNK = 64 * 1024


async def read_body(request: web.Request, limit: int) -> bytes:
    """The decoded body, refused (Problem) as soon as it is known to be over `limit` bytes."""
    coding = _coding(request)
    if request.content_length is not None and request.content_length > limit:
        raise too_big(limit)
    raw = await _read_raw(request, limit)
    if coding == "identity":
        return raw
    return _decode(raw, coding, limit)


def _coding(request: web.Request) -> str:
    raw = request.headers.get("Content-Encoding")
    if not raw:  # what nearly every request sends: nothing to parse
        return "identity"
    codings = [c.strip().lower() for c in raw.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return "identity"
    if len(codings) == 1 and codings[0] in ACCEPTED_CODINGS:
        return codings[0]
    if len(codings) == 1 and codings[0] == "x-gzip":  # RFC 9110: the same as gzip
        return "gzip"
    raise Problem(
        415, "unsupported-content-encoding", "Unsupported content encoding",
        f"Content-Encoding {raw[:100]!r} is not accepted; send the body as is, gzip or deflate",
        headers={"Accept-Encoding": ", ".join(ACCEPTED_CODINGS)},
    )


async def _read_raw(request: web.Request, limit: int) -> bytes:
    """The body as sent, no further than one byte past the limit (a compressed body is never larger than what it decodes to, bar a few header bytes)."""
    if request.content_length is not None:
        content = request.content
        if content.is_eof():
            # The whole body came with the request's head (an activity nearly always does): taken in one
            # call, where request.read() waits on the stream chunk by chunk until it sees the end.
            return content.read_nowait()
        return await request.read()  # the length is known and allowed: aiohttp reads exactly that
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await request.content.read(limit + 1 - size)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_big(limit)


def _decode(raw: bytes, coding: str, limit: int) -> bytes:
    """Inflate at most limit + 1 bytes; a stream that is corrupt or cut short is a 400.

    A gzip body may be several members one after the other (RFC 1952); each is inflated in turn.
    """
    bits = _GZIP if coding == "gzip" else (_ZLIB if raw[:1] == b"\x78" else _RAW_DEFLATE)
    out = bytearray()
    rest = raw
    while True:
        inflater = zlib.decompressobj(bits)
        try:
            out += inflater.decompress(rest, limit + 1 - len(out))
        except zlib.error as exc:
            raise _undecodable(coding, str(exc)) from None
        if len(out) > limit or inflater.unconsumed_tail:
            raise too_big(limit)
        if not inflater.eof:
            raise _undecodable(coding, "the stream ends before its end marker")
        rest = inflater.unused_data
        if not rest:
            return bytes(out)
        if coding != "gzip":
            raise _undecodable(coding, "there are bytes after the end of the stream")


def _undecodable(coding: str, why: str) -> Problem:
    return Problem(400, "undecodable-body", "Undecodable body",
                   f"the body is not valid {coding} ({why})")


def too_big(limit: int) -> Problem:
    return Problem(413, "payload-too-large", "Payload too large", f"the request body is over the limit of {limit} bytes")
