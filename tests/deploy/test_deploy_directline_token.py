"""POST /api/directline/token on the real server, against a Direct Line token service on loopback.

The bot runs as `python -m bot` with a Direct Line secret; the token service is
a real HTTP server on 127.0.0.1 standing in for directline.botframework.com
(which is on the internet). What a portal operator would notice: a token comes
back and the secret never does; failures are problem+json with a correlation id
that is also in the log; only the listed portal origins may fetch tokens.
"""

from __future__ import annotations

import pytest
import requests

from tests.support.bot_server import BotProcess, free_port
from tests.support.e2e import FakeDirectLineTokenService

SECRET = "dl-secret-for-tests-0123456789"
PORTAL = "https://support.example.com"


@pytest.fixture(scope="module")
def fake_dl():
    service = FakeDirectLineTokenService().start()
    yield service
    service.stop()


@pytest.fixture(scope="module")
def token_bot(fake_dl):
    bot = BotProcess(env={
        "DirectLineSecret": SECRET,
        "DirectLineTokenEndpoint": fake_dl.url,
        "DirectLineAllowedOrigins": PORTAL + ", https://other.example.com:8443",
        "DirectLineTokenTimeoutSeconds": "1",
    }).start()
    yield bot
    bot.stop()


@pytest.fixture(autouse=True)
def _reset(fake_dl):
    fake_dl.mode = "ok"
    fake_dl.requests.clear()
    yield


def post(bot, **kwargs) -> requests.Response:
    return requests.post(bot.url + "/api/directline/token", timeout=10, **kwargs)


def assert_problem(response: requests.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert body["correlationId"] == response.headers["x-correlation-id"]
    return body


def test_exchanges_the_secret_for_a_token_and_never_returns_the_secret(token_bot, fake_dl):
    response = post(token_bot)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token"] == fake_dl.issued[-1]
    assert body["expiresIn"] == 3600 and body["conversationId"].startswith("conv-")
    assert body["userId"].startswith("dl_")
    assert response.headers["Cache-Control"] == "no-store"
    assert SECRET not in response.text and SECRET not in str(response.headers)
    # The secret went to the token service, bound to a user id the bot chose.
    (sent,) = fake_dl.requests
    assert sent["authorization"] == f"Bearer {SECRET}"
    assert sent["body"]["user"] == {"id": body["userId"]}
    assert sent["body"]["trustedOrigins"] == ["https://other.example.com:8443", PORTAL]


def test_each_visitor_gets_a_different_user_and_token(token_bot):
    a, b = post(token_bot).json(), post(token_bot).json()
    assert a["userId"] != b["userId"] and a["token"] != b["token"]


def test_a_listed_portal_origin_gets_cors_headers_and_a_preflight(token_bot):
    pre = requests.options(token_bot.url + "/api/directline/token", timeout=10, headers={
        "Origin": PORTAL, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 204
    assert pre.headers["Access-Control-Allow-Origin"] == PORTAL
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    response = post(token_bot, headers={"Origin": PORTAL})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == PORTAL


def test_an_unlisted_origin_gets_no_token_and_costs_no_exchange(token_bot, fake_dl):
    response = post(token_bot, headers={"Origin": "https://evil.example.net"})
    assert_problem(response, 403)
    assert "Access-Control-Allow-Origin" not in response.headers
    assert fake_dl.requests == []
    pre = requests.options(token_bot.url + "/api/directline/token", timeout=10,
                           headers={"Origin": "https://evil.example.net", "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 403


def test_a_page_served_by_the_bot_itself_may_fetch(token_bot):
    response = post(token_bot, headers={"Origin": token_bot.url})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "mode, status, says",
    [
        (403, 502, "check DirectLineSecret"),
        (500, 502, "HTTP 500"),
        ("not-json", 502, "not JSON"),
        ("no-token", 502, "without a token"),
        ("slow", 504, "did not answer within 1s"),
    ],
)
def test_token_service_failures_are_problems_with_a_correlation_id(token_bot, fake_dl, mode, status, says):
    fake_dl.mode = mode
    response = post(token_bot, headers={"Origin": PORTAL})
    body = assert_problem(response, status)
    assert says in body["detail"]
    assert SECRET not in response.text
    assert response.headers["Access-Control-Allow-Origin"] == PORTAL  # so the page can show the reference
    assert body["correlationId"] in token_bot.log()


def test_unreachable_token_service_is_a_502():
    dead = free_port()  # nothing listens there
    bot = BotProcess(env={"DirectLineSecret": SECRET,
                          "DirectLineTokenEndpoint": f"http://127.0.0.1:{dead}/v3/directline/tokens/generate"}).start()
    try:
        body = assert_problem(post(bot), 502)
        assert "could not be reached" in body["detail"]
        assert SECRET not in bot.log()
    finally:
        bot.stop()


def test_other_methods_are_405(token_bot):
    response = requests.get(token_bot.url + "/api/directline/token", timeout=10)
    assert_problem(response, 405)


def test_without_a_secret_there_is_no_token_route():
    bot = BotProcess().start()
    try:
        assert_problem(post(bot), 404)
    finally:
        bot.stop()


def test_the_secret_is_not_in_the_log(token_bot):
    post(token_bot)
    assert SECRET not in token_bot.log()
