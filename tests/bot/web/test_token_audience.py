"""A token must be issued for this bot: its audience is the bot's app id.

The SDK checks the audience of channel tokens and skill calls, but an
Emulator-issuer token that is not a skill call (its audience is the Bot
Framework service, or absent) passed with only its app id checked, and the
turn then failed with a 500. Whoever holds such a token for another service
must get 401 and no reply.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import jwt
import pytest

from tests.support.bot_server import activity, conversation_id, post
from tests.support.signing_keys import APP_ID, EMULATOR_ISSUER, KeyServer


@pytest.fixture
def keys():
    k = KeyServer()
    yield k
    k.close()


def emulator_token(keys: KeyServer, **claims) -> str:
    now = datetime.now(timezone.utc)
    base = {"iss": EMULATOR_ISSUER, "ver": "1.0", "appid": APP_ID, "aud": APP_ID,
            "nbf": now - timedelta(minutes=1), "exp": now + timedelta(minutes=30)}
    base.update(claims)
    return jwt.encode({k: v for k, v in base.items() if v is not None}, keys.key, algorithm="RS256",
                      headers={"kid": "test-key"})


@pytest.mark.parametrize("audience", ["https://api.botframework.com", None])
def test_an_emulator_token_for_another_audience_is_401_and_nothing_is_posted(start_bot, keys, sink, audience):
    server = start_bot(keys.env)
    conv = conversation_id()
    token = emulator_token(keys, aud=audience)
    resp = post(server, activity(sink, "what is 404", conv, channelId="emulator"),
                headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 401, resp.text
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    time.sleep(0.3)
    assert sink.for_conversation(conv) == []
    assert "audience" in server.log()


def test_the_same_emulator_token_for_this_bot_is_answered(start_bot, keys, sink):
    server = start_bot(keys.env)
    act = activity(sink, "what is subcode 3112", conversation_id(), channelId="emulator", deliveryMode="expectReplies")
    resp = post(server, act, headers={"Authorization": f"Bearer {emulator_token(keys)}"})
    assert resp.status_code == 200, resp.text
    assert "3112" in str(resp.json()["activities"][0]["attachments"])


def test_a_token_without_expiry_is_401(start_bot, keys, sink):
    server = start_bot(keys.env)
    conv = conversation_id()
    resp = post(server, activity(sink, "what is 404", conv, channelId="emulator"),
                headers={"Authorization": f"Bearer {emulator_token(keys, exp=None)}"})
    assert resp.status_code == 401, resp.text
