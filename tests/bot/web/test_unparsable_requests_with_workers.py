"""With BOT_WORKERS, requests aiohttp cannot parse are answered as with one process: problem+json.

gunicorn's aiohttp worker builds its own runner unless it is handed one; the
bot hands it ProblemAppRunner (bot/web/workers.py), so a 20 KB header gets the
same 431 problem+json as from a single process (the corpus checks that one).
"""

from __future__ import annotations

import json

import pytest

from tests.support.raw_http import send_raw


@pytest.mark.parametrize(
    "request_bytes, status",
    [
        (b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
         + b"A" * 20480 + b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 431),
        (b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Encoding: br\r\n"
         b"Content-Length: 4\r\nConnection: close\r\n\r\nabcd", 415),
    ],
    ids=["20kb-authorization", "brotli"],
)
def test_workers_answer_unparsable_requests_as_problem_json(start_bot, tmp_path, request_bytes, status):
    server = start_bot(env={"BOT_WORKERS": "2", "BOT_DATA_DIR": str(tmp_path)})
    head, body = send_raw(server.port, request_bytes)
    assert head.split(" ", 2)[1] == str(status), head  # HTTP/1.0 or 1.1: aiohttp answers an unparsed request as 1.0
    assert "application/problem+json" in head.lower()
    assert json.loads(body)["status"] == status
