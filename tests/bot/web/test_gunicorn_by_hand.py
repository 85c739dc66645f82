"""gunicorn started by hand, as docs/operations.md documents it, answers like `python -m bot`.

The command an operator types (App Service's Python image starts apps this way):

    gunicorn 'bot.web.workers:build()' --preload --worker-class aiohttp.GunicornWebWorker --workers 2 --bind ...

Requests aiohttp cannot parse (a 20 KB header, a NUL in a header) get our
application/problem+json, not aiohttp's text/plain: build() hands gunicorn's
aiohttp worker a ProblemAppRunner (bot/web/workers.py). The other answers are
the app's own and are covered against `python -m bot` elsewhere.
"""

from __future__ import annotations

import json
import signal
import sys

import pytest

from tests.support.bot_server import BotProcess, activity, conversation_id, post
from tests.support.processes import child_pids
from tests.support.raw_http import send_raw


def _gunicorn_command(worker_class: str) -> list[str]:
    return [sys.executable, "-m", "gunicorn", "bot.web.workers:build()", "--preload",
            "--worker-class", worker_class, "--workers", "2", "--bind", "127.0.0.1:{port}"]


@pytest.fixture(params=["aiohttp.GunicornWebWorker", "aiohttp.GunicornUVLoopWebWorker"])
def gunicorn_bot(request, tmp_path):
    if request.param.endswith("UVLoopWebWorker"):
        pytest.importorskip("uvloop", reason="uvloop is not installed here (the other worker class is tested)")
    # HOME: gunicorn 24+ keeps a control socket under ~/.gunicorn; each server here gets its own.
    env = {"BOT_ALLOW_ANONYMOUS": "1", "BOT_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    bot = BotProcess(env=env, command=_gunicorn_command(request.param)).start()
    yield bot
    bot.stop()


HUGE_HEADER = (b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
               + b"A" * 20480 + b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
NUL_IN_HEADER = (b"POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Evil: a\x00b\r\n"
                 b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")


@pytest.mark.parametrize("request_bytes, status", [(HUGE_HEADER, 431), (NUL_IN_HEADER, 400)],
                         ids=["20kb-authorization", "nul-in-a-header"])
def test_gunicorn_by_hand_answers_unparsable_requests_as_problem_json(gunicorn_bot, request_bytes, status):
    head, body = send_raw(gunicorn_bot.port, request_bytes)
    assert head.split(" ", 2)[1] == str(status), head
    assert "content-type: application/problem+json" in head.lower(), head
    problem = json.loads(body)
    assert problem["status"] == status and problem["correlationId"]


def test_gunicorn_by_hand_serves_questions_from_two_workers_and_stops_on_sigterm(gunicorn_bot, sink):
    assert len(child_pids(gunicorn_bot.proc.pid)) == 2
    answered = post(gunicorn_bot, activity(sink, "what is 404", conversation_id(), deliveryMode="expectReplies"))
    assert answered.status_code == 200 and answered.json()["activities"], answered.text
    gunicorn_bot.proc.send_signal(signal.SIGTERM)
    assert gunicorn_bot.proc.wait(30) == 0, gunicorn_bot.log()
