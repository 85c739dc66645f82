"""The bot's own token for posting replies: a login endpoint that fails costs only the turns that need it.

A bot with an app id signs every reply with a token from its login endpoint
(MSAL, through the SDK's credentials). These tests run a real login endpoint on
loopback (tests/support/login_endpoint.py, a private cloud as the SDK's
settings describe one) and the real server pointed at it.
"""

from __future__ import annotations

import signal
import threading
import time

import pytest
import requests

from tests.support.bot_server import activity, conversation_id, post
from tests.support.login_endpoint import LoginEndpoint


@pytest.fixture
def login(request):
    endpoint = LoginEndpoint(**getattr(request, "param", {})).start()
    yield endpoint
    endpoint.stop()


def _signed(login: LoginEndpoint, sink) -> dict:
    return {"Authorization": "Bearer " + login.channel_token(sink.url)}


@pytest.mark.parametrize("login", [{"mode": "hang"}], indirect=True)
def test_a_login_endpoint_that_never_answers_fails_only_the_turns_that_need_a_token(start_bot, sink, login):
    bot = start_bot({**login.bot_env(), "BOT_TOKEN_TIMEOUT_SECONDS": "2"})
    conv = conversation_id()
    outcome: dict = {}

    def needs_a_token():
        outcome["response"] = post(bot, activity(sink, "what is 404", conv), headers=_signed(login, sink), timeout=30)

    turn = threading.Thread(target=needs_a_token)
    turn.start()
    while login.login_requests == 0:
        time.sleep(0.05)
    assert turn.is_alive()  # the bot is now waiting for its token

    # Meanwhile the server answers everything that needs no token.
    assert requests.get(bot.url + "/healthz", timeout=1).status_code == 200
    expect_replies = activity(sink, "what is 404", conversation_id(), deliveryMode="expectReplies")
    answered = post(bot, expect_replies, headers=_signed(login, sink), timeout=1)
    assert answered.status_code == 200 and answered.json()["activities"], answered.text

    # The turn that needed the token fails after the deadline, with a problem, and nothing is posted.
    turn.join(30)
    failed = outcome["response"]
    assert failed.status_code == 502
    assert failed.headers["Content-Type"].startswith("application/problem+json")
    assert "TokenUnavailable" in failed.json()["detail"]
    assert sink.for_conversation(conv) == []

    # And the process still stops on SIGTERM while MSAL hangs in its thread.
    bot.proc.send_signal(signal.SIGTERM)
    assert bot.proc.wait(15) == 0


def test_the_token_is_fetched_once_and_signs_every_reply(start_bot, sink, login):
    bot = start_bot(login.bot_env())
    conv = conversation_id()
    for text in ("what is 404", "sms 4007", "bot returns 405"):
        assert post(bot, activity(sink, text, conv), headers=_signed(login, sink)).status_code == 200
    sink.wait_for(3, conv)
    headers = [r["headers"].get("Authorization") for r in sink.replies if r["conversation"] == conv]
    assert headers == ["Bearer " + login.tokens[0]] * 3
    assert login.token_requests == 1


TOKEN_KEPT = "got the bot's token for replies"


def _wait_until(condition, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout:g}s for {what}"
        time.sleep(0.02)


@pytest.mark.parametrize("login", [{"lifetime": 20}], indirect=True)
def test_a_token_close_to_expiry_is_renewed_in_the_background(start_bot, sink, login):
    # A 20-second token is renewed once half of it is gone and used until 90% of it is
    # gone. A turn in between still uses the old one and does not wait for the renewal,
    # even while the login endpoint sits on it; the first turn after it gets the new one.
    bot = start_bot(login.bot_env())
    conv = conversation_id()
    assert post(bot, activity(sink, "what is 404", conv), headers=_signed(login, sink)).status_code == 200
    sink.wait_for(1, conv)
    half_life_over = time.monotonic() + 10  # the bot kept the token before its reply arrived
    login.hold()

    # The bot's clock is what this is about: wait until its token is past half its life.
    time.sleep(max(0.0, half_life_over - time.monotonic()) + 0.2)
    assert time.monotonic() < login.issued_at[0] + 18, "too slow to reach the renewal window; the run proves nothing"
    assert post(bot, activity(sink, "sms 4007", conv), headers=_signed(login, sink)).status_code == 200
    sink.wait_for(2, conv)
    login.wait_for_token_requests(2)  # that turn started the renewal; the login endpoint holds it
    assert bot.log().count(TOKEN_KEPT) == 1

    login.release()
    _wait_until(lambda: bot.log().count(TOKEN_KEPT) == 2, "the bot to keep the renewed token")
    assert post(bot, activity(sink, "bot returns 405", conv), headers=_signed(login, sink)).status_code == 200
    sink.wait_for(3, conv)
    used = [r["headers"]["Authorization"] for r in sink.replies if r["conversation"] == conv]
    assert used == ["Bearer " + login.tokens[0]] * 2 + ["Bearer " + login.tokens[1]]
    assert login.token_requests == 2


@pytest.mark.parametrize("login", [{"mode": "error"}], indirect=True)
def test_a_login_endpoint_that_refuses_the_bot_is_a_502_naming_the_cause(start_bot, sink, login):
    bot = start_bot(login.bot_env())
    conv = conversation_id()
    resp = post(bot, activity(sink, "what is 404", conv), headers=_signed(login, sink))
    assert resp.status_code == 502 and resp.headers["Content-Type"].startswith("application/problem+json")
    assert "invalid_client" in bot.log()
    assert sink.for_conversation(conv) == []
    assert bot.health()["status"] == "ok"
