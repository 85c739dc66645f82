"""When answering fails inside a turn: a friendly message with a reference, a log line, a trace in the Emulator.

The real catalog does not fail on demand, so these tests serve the real app with
a catalog whose matcher raises (everything else is the real server over HTTP).
"""

from __future__ import annotations

import logging

from bot.web.app import create_app
from bot.config import BotConfig
from catalog import Catalog, load_catalog
from tests.support.bot_server import activity, adaptive_cards, conversation_id, post


class FailingCatalog(Catalog):
    """The shipped catalog, except that answering a question raises."""

    def explain(self, question, context=None):
        raise RuntimeError("matcher exploded")


def failing_app():
    real = load_catalog()
    return create_app(BotConfig(), catalog=FailingCatalog(real.sources, real.entries))


def test_failed_turn_apologises_with_the_correlation_id_and_traces_in_the_emulator(serve_app, sink, caplog):
    server = serve_app(failing_app())
    conv = conversation_id()
    with caplog.at_level(logging.ERROR, logger="bot.turn"):
        resp = post(server, activity(sink, "what is 404", conv))
    assert resp.status_code == 200
    cid = resp.headers["x-correlation-id"]
    replies = sink.settle(conv)
    messages = [r for r in replies if r["type"] == "message"]
    traces = [r for r in replies if r["type"] == "trace"]
    assert len(messages) == 1 and "went wrong" in messages[0]["text"] and cid in messages[0]["text"]
    assert traces and traces[0]["label"] == "TurnError" and "matcher exploded" in traces[0]["value"]
    assert any("matcher exploded" in r.getMessage() or (r.exc_info and "matcher exploded" in str(r.exc_info[1]))
               for r in caplog.records)


def test_trace_is_only_for_the_emulator(serve_app, sink):
    server = serve_app(failing_app())
    conv = conversation_id()
    post(server, activity(sink, "what is 404", conv, channelId="msteams"))
    kinds = [r["type"] for r in sink.settle(conv)]
    assert kinds == ["message"]


def test_other_turns_still_work_when_one_kind_fails(serve_app, sink):
    """The welcome card does not need the matcher: a broken matcher does not take help down."""
    server = serve_app(failing_app())
    conv = conversation_id()
    post(server, activity(sink, "help", conv))
    reply = sink.wait_for(1, conv)[0]
    assert adaptive_cards(reply)
