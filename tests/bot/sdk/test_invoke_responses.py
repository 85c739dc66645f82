"""Invoke responses: a handler's body reaches the channel as JSON, and no invoke crashes a turn.

A card's Action.Execute (and every other invoke) waits for its answer in the
HTTP response. With the SDK alone, a handler that answers with a dict crashes
the turn (serializer_helper is handed a dict), the SDK's own refusal of a
malformed card action cannot be serialised (its body holds an Exception), and
signin/tokenExchange calls a method ActivityHandler does not have. These
tests serve the real app with a small handler of the kind the Teams work
adds (AnswersEveryInvoke + ActivityHandler), over HTTP.
"""

from __future__ import annotations

import time

import pytest
from botbuilder.core import ActivityHandler
from botbuilder.schema import AdaptiveCardInvokeResponse

from bot.config import BotConfig
from bot.sdk.invokes import AnswersEveryInvoke, invoke_body
from bot.web.app import ENDPOINT_KEY, create_app
from tests.support.bot_server import activity, conversation_id, post

CARD = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "refreshed"}]}


class CardRefreshingBot(AnswersEveryInvoke, ActivityHandler):
    """Answers Action.Execute with a card, as a dict or as the SDK's model (by the verb)."""

    async def on_adaptive_card_invoke(self, turn_context, invoke_value):
        if invoke_value.action.get("verb") == "as-model":
            return AdaptiveCardInvokeResponse(status_code=200, type="application/vnd.microsoft.card.adaptive", value=CARD)
        return {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": CARD}


@pytest.fixture
def server(serve_app):
    app = create_app(BotConfig())
    app[ENDPOINT_KEY].bot = CardRefreshingBot()
    return serve_app(app)


def execute(sink, verb: str, conv: str, action_type: str = "Action.Execute") -> dict:
    return activity(sink, None, conv, type="invoke", name="adaptiveCard/action", channelId="msteams",
                    value={"action": {"type": action_type, "verb": verb, "data": {}}, "trigger": "manual"})


@pytest.mark.parametrize("verb", ["as-dict", "as-model"])
def test_a_card_action_answered_with_a_body_returns_that_body(server, sink, verb):
    conv = conversation_id()
    resp = post(server, execute(sink, verb, conv))
    assert resp.status_code == 200, resp.text
    assert resp.headers["Content-Type"].startswith("application/json")
    assert resp.json() == {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": CARD}
    time.sleep(0.2)
    assert sink.for_conversation(conv) == [], "an invoke is answered in the response, nothing is posted"


def test_the_sdks_own_refusal_of_a_card_action_is_400_problem_json_in_its_words(server, sink):
    # Only Action.Execute is sent as an invoke; the SDK refuses others with a body holding an Exception.
    conv = conversation_id()
    resp = post(server, execute(sink, "x", conv, action_type="Action.Submit"))
    assert resp.status_code == 400, resp.text
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    assert "Action.Submit" in resp.json()["detail"]


def test_token_exchange_is_501_without_a_crash_or_an_apology(server, sink):
    conv = conversation_id()
    act = activity(sink, None, conv, type="invoke", name="signin/tokenExchange",
                   value={"id": "1", "connectionName": "aad", "token": "x"})
    resp = post(server, act)
    assert resp.status_code == 501, resp.text
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    time.sleep(0.2)
    assert sink.for_conversation(conv) == []


@pytest.mark.parametrize("value", [None, {"action": "x"}, "Action.Execute", [1], {"action": None}])
def test_a_malformed_card_action_is_400_before_the_turn(server, sink, value):
    conv = conversation_id()
    act = activity(sink, None, conv, type="invoke", name="adaptiveCard/action", value=value)
    resp = post(server, act)
    assert resp.status_code == 400, resp.text
    assert resp.json()["type"].endswith("invalid-invoke")
    assert sink.for_conversation(conv) == []


def test_invoke_bodies_become_plain_json():
    error = AdaptiveCardInvokeResponse(status_code=400, type="application/vnd.microsoft.error",
                                       value=Exception("BadRequest", "Missing value property"))
    assert invoke_body(error) == {"statusCode": 400, "type": "application/vnd.microsoft.error",
                                  "value": {"code": "BadRequest", "message": "Missing value property"}}
    assert invoke_body({"a": [1]}) == {"a": [1]}
    assert invoke_body(None) is None
    with pytest.raises(TypeError):
        invoke_body(object())
