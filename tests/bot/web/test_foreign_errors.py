"""What each foreign error raised while reading a request means to a client (bot/web/foreign_errors.py).

The corpus (test_hostile_requests.py) shows these answers over real sockets; this
table says which aiohttp type leads to which answer, so a new aiohttp version that
renames or re-parents one shows up here by name.
"""

from __future__ import annotations

import aiohttp
import pytest
from aiohttp import http_exceptions

from bot.web.foreign_errors import ClientGone, translate
from bot.web.problems import Problem


@pytest.mark.parametrize(
    "error, status",
    [
        (http_exceptions.LineTooLong(b"Bearer AAAA", 8190), 431),
        (http_exceptions.BadHttpMessage("Too many headers received"), 431),
        (http_exceptions.ContentEncodingError("Can not decode content-encoding: brotli (br)"), 415),
        (http_exceptions.TransferEncodingError("Not enough data for satisfy transfer length header."), 400),
        (http_exceptions.ContentLengthError("Not enough data for satisfy content length header."), 400),
        (http_exceptions.BadHttpMethod("PO(ST"), 400),
        (http_exceptions.InvalidHeader(b"X-Evil"), 400),
    ],
)
def test_a_request_aiohttp_cannot_read_is_a_4xx_problem(error, status):
    meaning = translate(error)
    assert isinstance(meaning, Problem) and meaning.status == status
    assert meaning.detail


def test_a_client_that_went_away_is_client_gone():
    assert isinstance(translate(ConnectionResetError("Connection lost")), ClientGone)


@pytest.mark.parametrize("error", [
    aiohttp.ClientConnectionResetError("a channel dropped our reply"),  # a ConnectionResetError, but not the client's
    RuntimeError("a bug of ours"),
    KeyError("x"),
])
def test_anything_else_is_left_to_the_caller_as_our_fault(error):
    assert translate(error) is None
