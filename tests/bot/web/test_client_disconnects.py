"""A client that goes away in the middle of sending its request.

That is the client's doing, not the server's: the operator should see one
INFO line saying so, not an ERROR with a traceback and not a `-> 500` line
for a response nobody could receive.
"""

from __future__ import annotations

import socket
import time

from tests.support.bot_server import activity, conversation_id


def _hang_up_mid_body(port: int, declared: int, sent: bytes, chunked: bool = False) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {declared}"
        s.sendall(f"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n{framing}\r\n\r\n".encode())
        s.sendall(sent)
        time.sleep(0.2)  # the server is now waiting for the rest of the body
    # closed here, without the rest


def _log_after(server, since: int, needle: str = "disconnect", wait: float = 5.0) -> str:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        new = server.log()[since:]
        if needle in new.lower():
            time.sleep(0.3)  # anything logged right after it, too
            return server.log()[since:]
        time.sleep(0.05)
    return server.log()[since:]


def test_a_client_hanging_up_mid_body_is_one_info_line(start_bot, sink):
    server = start_bot()
    since = len(server.log())
    _hang_up_mid_body(server.port, 10_000, b'{"type": "message", "text": "what is')
    log = _log_after(server, since)
    lines = [ln for ln in log.splitlines() if ln.strip()]
    assert len(lines) == 1, log
    assert " INFO " in lines[0] and "disconnect" in lines[0].lower(), log
    assert "Traceback" not in log and "-> 500" not in log and "ERROR" not in log


def test_a_client_hanging_up_mid_chunked_body_is_one_info_line(start_bot, sink):
    server = start_bot()
    since = len(server.log())
    _hang_up_mid_body(server.port, 0, b"400\r\n" + b"x" * 100, chunked=True)
    log = _log_after(server, since)
    lines = [ln for ln in log.splitlines() if ln.strip()]
    assert len(lines) == 1, log
    assert " INFO " in lines[0] and "disconnect" in lines[0].lower(), log
    assert "Traceback" not in log and "-> 500" not in log


def test_the_server_answers_normally_after_clients_hang_up(start_bot, sink):
    import requests

    server = start_bot()
    for _ in range(5):
        _hang_up_mid_body(server.port, 5_000, b"{")
    conv = conversation_id()
    resp = requests.post(server.url + "/api/messages", json=activity(sink, "what is 404", conv), timeout=10)
    assert resp.status_code == 200
    assert sink.wait_for(1, conv)
