"""What an operator sees of each turn: one span, a few counters, and never what the user typed.

The bot runs in this process (fixture `serve_app`) with its conversation observed
through OpenTelemetry's in-memory span exporter and metric reader, exactly as
Azure Monitor's distro would observe it through the global providers. Turns are
real: HTTP in, the matcher, cards out to the connector sink (fixture `sink`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from types import SimpleNamespace

import pytest
import requests
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from bot.web.app import ENDPOINT_KEY, create_app
from bot.config import BotConfig
from bot.telemetry import observe_turns
from bot.telemetry.turns import TurnTelemetry
from catalog import load_catalog

# A question with a word no catalog, card or attribute would ever contain.
SECRET = "quokka" + uuid.uuid4().hex[:8]
ANSWERED = f"what is subcode 3112, asks {SECRET}"


@pytest.fixture
def telemetry():
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    meter_provider = MeterProvider(metric_readers=[reader])
    yield SimpleNamespace(spans=spans, reader=reader, turns=TurnTelemetry(tracer_provider, meter_provider))
    tracer_provider.shutdown()
    meter_provider.shutdown()


def _observed_server(serve_app, telemetry, catalog=None):
    app = create_app(BotConfig(), catalog=catalog)
    endpoint = app[ENDPOINT_KEY]
    endpoint.bot = observe_turns(endpoint.bot, telemetry=telemetry.turns)
    return serve_app(app)


@pytest.fixture
def server(serve_app, telemetry, monkeypatch):
    monkeypatch.delenv("APPLICATIONINSIGHTS_CONNECTION_STRING", raising=False)  # only the in-memory providers
    return _observed_server(serve_app, telemetry)


def send(server, sink, conversation, text=None, **fields):
    """Post one activity and wait for the bot's reply; the turn's span has ended by then."""
    body = {
        "type": "message", "id": uuid.uuid4().hex, "channelId": "webchat", "serviceUrl": sink.url,
        "conversation": {"id": conversation}, "from": {"id": "user-1"}, "recipient": {"id": "bot-1"},
    }
    if text is not None:
        body["text"] = text
    body.update(fields)
    before = len(sink.for_conversation(conversation))
    updated = len(sink.updates_for(conversation))
    response = requests.post(server.url + "/api/messages", json=body, timeout=30)
    assert response.status_code == 200, response.text
    # A button press may update the pressed card in place instead of sending a new message.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if len(sink.for_conversation(conversation)) > before:
            return sink.for_conversation(conversation)[before]
        if len(sink.updates_for(conversation)) > updated:
            return sink.updates_for(conversation)[updated]["activity"]
        time.sleep(0.02)
    raise AssertionError(f"no reply and no update in {conversation}")


def turn_spans(telemetry) -> list[dict]:
    return [dict(s.attributes) for s in telemetry.spans.get_finished_spans() if s.name == "bot.turn"]


def counts(telemetry, name: str) -> dict[tuple, int]:
    """Sum of a counter's data points, keyed by their sorted attributes."""
    out: dict[tuple, int] = {}
    data = telemetry.reader.get_metrics_data()
    for rm in data.resource_metrics if data else ():
        for sm in rm.scope_metrics:
            for metric in sm.metrics:
                if metric.name == name:
                    for point in metric.data.data_points:
                        out[tuple(sorted(point.attributes.items()))] = point.value
    return out


def submit_of(reply: dict, action: str, **match) -> dict:
    """The data of the first Action.Submit of `action` in the reply's cards."""
    def walk(node):
        if isinstance(node, dict):
            yield node
            for v in node.values():
                yield from walk(v)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v)
    for node in walk(reply.get("attachments") or []):
        data = node.get("data") if node.get("type") == "Action.Submit" else None
        if isinstance(data, dict) and data.get("action") == action and all(data.get(k) == v for k, v in match.items()):
            return data
    raise AssertionError(f"no {action} button in {reply}")


def test_an_answered_question_is_one_span_naming_the_entry(server, sink, telemetry):
    send(server, sink, "conv-answer", ANSWERED)
    (span,) = turn_spans(telemetry)
    assert span["bot.channel"] == "webchat" and span["bot.activity.type"] == "message"
    assert span["bot.decision"] == "answer"
    assert (span["bot.answer.source"], span["bot.answer.code"], span["bot.answer.subcode"]) == ("acs-call-end", 410, 3112)
    assert span["bot.answer_cache.hit"] is False
    assert span["bot.turn.latency_ms"] > 0


def test_the_same_question_again_is_a_cache_hit(server, sink, telemetry):
    send(server, sink, "conv-cache-1", "what is subcode 3112")
    send(server, sink, "conv-cache-2", "what is subcode 3112")
    assert [s["bot.answer_cache.hit"] for s in turn_spans(telemetry)] == [False, True]


def test_ambiguous_and_none_decisions_name_no_entry(server, sink, telemetry):
    send(server, sink, "conv-ambiguous", "what is 404")
    send(server, sink, "conv-none", "my toaster is on fire")
    ambiguous, none = turn_spans(telemetry)
    assert ambiguous["bot.decision"] == "ambiguous" and ambiguous["bot.candidate.count"] >= 2
    assert none["bot.decision"] == "none"
    for span in (ambiguous, none):
        assert "bot.answer.source" not in span and "bot.answer.code" not in span


def test_tapping_a_choice_is_an_answer_for_the_chosen_entry(server, sink, telemetry):
    choice = send(server, sink, "conv-choice", "what is 404")
    chosen = submit_of(choice, "explain")
    send(server, sink, "conv-choice", None, value=chosen)
    tapped = turn_spans(telemetry)[-1]
    assert tapped["bot.decision"] == "answer"
    assert (tapped["bot.answer.source"], tapped["bot.answer.code"]) == (chosen["source"], chosen["code"])


def test_turns_without_a_question_have_a_span_but_no_decision(server, sink, telemetry):
    send(server, sink, "conv-join", None, type="conversationUpdate",
         membersAdded=[{"id": "user-1"}], recipient={"id": "bot-1"})
    send(server, sink, "conv-join", "help")
    joined, helped = turn_spans(telemetry)
    assert joined["bot.activity.type"] == "conversationUpdate" and "bot.decision" not in joined
    assert helped["bot.activity.type"] == "message" and "bot.decision" not in helped


def test_metrics_count_turns_decisions_and_feedback(server, sink, telemetry):
    answer = send(server, sink, "conv-metrics", "sms 4007")
    send(server, sink, "conv-metrics", "what is 404")
    send(server, sink, "conv-metrics", "my toaster is on fire")
    send(server, sink, "conv-metrics", None, value=submit_of(answer, "feedback", helpful=True))
    # Another user: one user's second verdict on the same answer is not counted again.
    send(server, sink, "conv-metrics", None, value=submit_of(answer, "feedback", helpful=False), **{"from": {"id": "user-2"}})

    turns = counts(telemetry, "bot.turns")
    assert turns == {(("bot.activity.type", "message"), ("bot.channel", "webchat")): 5}
    decisions = {dict(k)["bot.decision"]: v for k, v in counts(telemetry, "bot.decisions").items()}
    assert decisions == {"answer": 1, "ambiguous": 1, "none": 1}
    feedback = {dict(k)["bot.feedback"]: v for k, v in counts(telemetry, "bot.feedback").items()}
    assert feedback == {"helpful": 1, "not_helpful": 1}
    feedback_spans = [s["bot.feedback"] for s in turn_spans(telemetry) if "bot.feedback" in s]
    assert feedback_spans == ["helpful", "not_helpful"]


def test_the_question_text_is_in_no_span_and_no_metric(server, sink, telemetry):
    """Answered, ambiguous, none, cut short, and a feedback click that carries the question back."""
    long_one = f"{SECRET} " + "x" * 3000
    answer = send(server, sink, "conv-private", ANSWERED)
    send(server, sink, "conv-private", f"404 {SECRET}")
    send(server, sink, "conv-private", f"{SECRET} toaster on fire")
    send(server, sink, "conv-private", long_one)
    feedback = submit_of(answer, "feedback", helpful=False)
    assert SECRET in json.dumps(feedback), "the feedback button should carry the question, or this test proves less"
    send(server, sink, "conv-private", None, value=feedback)

    exported = []
    for span in telemetry.spans.get_finished_spans():
        exported.append(span.to_json())
    exported.append(telemetry.reader.get_metrics_data().to_json())
    everything = "\n".join(exported)
    assert len(turn_spans(telemetry)) == 5
    assert SECRET not in everything
    assert "toaster" not in everything and "subcode 3112" not in everything


class FailingCatalog:
    """The real catalog, except that reading a question fails with a message quoting it."""

    def __init__(self):
        self._catalog = load_catalog()

    def __getattr__(self, name):
        return getattr(self._catalog, name)

    def __len__(self):
        return len(self._catalog)

    def explain(self, text, context=None):
        raise RuntimeError(f"cannot read {text!r}")


def test_a_failed_turn_is_an_error_span_named_by_exception_type_only(serve_app, sink, telemetry):
    server = _observed_server(serve_app, telemetry, catalog=FailingCatalog())
    reply = send(server, sink, "conv-fail", ANSWERED)
    assert reply["type"] == "message"  # the user still hears that something went wrong
    (span,) = [s for s in telemetry.spans.get_finished_spans() if s.name == "bot.turn"]
    assert span.status.status_code is StatusCode.ERROR
    assert span.attributes["error.type"] == "RuntimeError"
    assert SECRET not in span.to_json()


def test_without_a_connection_string_nothing_is_observed_or_imported():
    """Telemetry off costs nothing at start-up (the app built, its telemetry start hook run):
    no OpenTelemetry or Azure Monitor module is loaded."""
    sentinel = object()
    assert observe_turns(sentinel, env={}) is sentinel
    assert observe_turns(sentinel, env={"APPLICATIONINSIGHTS_CONNECTION_STRING": "  "}) is sentinel
    probe = ("import asyncio, sys; from bot.web.app import create_app; from bot.config import BotConfig; "
             "from bot.telemetry import start_exporting; asyncio.run(start_exporting(create_app(BotConfig()))); "
             "print(sorted({'.'.join(m.split('.')[:2]) for m in sys.modules if m.startswith(('opentelemetry', 'azure.monitor'))}))")
    env = {"PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_fault_in_telemetry_costs_no_answer(server, sink, telemetry):
    class Broken:
        def add(self, *args, **kwargs):
            raise RuntimeError("the meter is broken")

    telemetry.turns.turns = Broken()
    reply = send(server, sink, "conv-broken-meter", "what is subcode 3112")
    assert reply["type"] == "message" and reply.get("attachments"), reply
