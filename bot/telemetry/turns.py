"""A span and metrics per turn, from the facts the conversation noted (bot/telemetry/__init__.py).

Imported only when telemetry is on: it needs OpenTelemetry's API. Spans and
instruments come from the providers it is given, or OpenTelemetry's global
ones (which Azure Monitor's distro sets), so the same code runs in production
and against the in-memory exporters of the tests.

Every attribute is a value this code chose or the catalog defined (channel id,
activity type, decision kind, entry source/code/subcode/key, cache hit, time).
Nothing the user typed is read here; the exception of a failed turn is named
by its type only, since exception messages may quote the question.

Attribute values that come from the wire (channel id, activity type) are cut
to a short length: they become metric dimensions, and a metric's dimensions
must stay a small set.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from . import TurnFacts, current_facts

log = logging.getLogger("bot.telemetry")

SPAN_NAME = "bot.turn"
SCOPE = "error_explainer.bot"

CHANNEL = "bot.channel"
ACTIVITY_TYPE = "bot.activity.type"
DECISION = "bot.decision"
SOURCE = "bot.answer.source"
CODE = "bot.answer.code"
SUBCODE = "bot.answer.subcode"
KEY = "bot.answer.key"
ANSWERS = "bot.answer.count"
CANDIDATES = "bot.candidate.count"
CACHE_HIT = "bot.answer_cache.hit"
TRUNCATED = "bot.question.truncated"
FEEDBACK = "bot.feedback"
LATENCY_MS = "bot.turn.latency_ms"
ERROR_TYPE = "error.type"

_MAX_WIRE_VALUE = 64


def _wire(value: object) -> str:
    """A channel id or activity type as a short dimension value."""
    return str(value)[:_MAX_WIRE_VALUE] if value else "unknown"


def decision_attributes(facts: TurnFacts) -> dict[str, Any]:
    """The span attributes of what a question turn decided; {} for turns that decided nothing."""
    decision = facts.decision
    if decision is None:
        return {}
    attrs: dict[str, Any] = {DECISION: decision.status, CACHE_HIT: bool(facts.answer_cached)}
    if decision.truncated_at is not None:
        attrs[TRUNCATED] = True
    if decision.status == "answer" and decision.matches:
        entry = decision.matches[0].entry
        attrs[SOURCE] = entry.source
        if entry.code is not None:
            attrs[CODE] = entry.code
        if entry.subcode is not None:
            attrs[SUBCODE] = entry.subcode
        if entry.key:
            attrs[KEY] = entry.key
        attrs[ANSWERS] = len(decision.matches)
    elif decision.status == "ambiguous":
        attrs[CANDIDATES] = len(decision.matches)
    return attrs


class TurnTelemetry:
    """Spans and metrics of turns, from explicit providers or OpenTelemetry's global ones."""

    def __init__(self, tracer_provider: trace.TracerProvider | None = None,
                 meter_provider: metrics.MeterProvider | None = None):
        self.tracer = trace.get_tracer(SCOPE, tracer_provider=tracer_provider)
        meter = metrics.get_meter(SCOPE, meter_provider=meter_provider)
        self.turns = meter.create_counter("bot.turns", unit="{turn}", description="Activities the bot handled")
        self.decisions = meter.create_counter(
            "bot.decisions", unit="{decision}", description="Questions answered, by decision: answer, ambiguous, none")
        self.feedback = meter.create_counter(
            "bot.feedback", unit="{click}", description="Helpful / Not helpful clicks on answer cards")

    def observe(self, bot) -> "ObservedBot":
        return ObservedBot(bot, self)

    async def run_turn(self, on_turn, turn_context) -> None:
        activity = turn_context.activity
        channel = _wire(activity.channel_id)
        activity_type = _wire(activity.type)
        facts = TurnFacts()
        token = current_facts.set(facts)
        started = time.perf_counter()
        with self.tracer.start_as_current_span(
            SPAN_NAME, kind=SpanKind.INTERNAL, attributes={CHANNEL: channel, ACTIVITY_TYPE: activity_type},
            record_exception=False, set_status_on_exception=False,
        ) as span:
            error = None
            try:
                await on_turn(turn_context)
            except BaseException as exc:
                error = type(exc).__name__
                raise
            finally:
                current_facts.reset(token)
                try:
                    self._report(span, facts, channel, activity_type, (time.perf_counter() - started) * 1000, error)
                except Exception:  # telemetry must never cost the user their answer
                    log.warning("telemetry: could not report a turn", exc_info=True)

    def _report(self, span, facts: TurnFacts, channel: str, activity_type: str, elapsed_ms: float,
                error: str | None) -> None:
        attrs = decision_attributes(facts)
        if facts.feedback_helpful is not None:
            attrs[FEEDBACK] = "helpful" if facts.feedback_helpful else "not_helpful"
        attrs[LATENCY_MS] = round(elapsed_ms, 3)
        if error is not None:
            attrs[ERROR_TYPE] = error
            span.set_status(Status(StatusCode.ERROR, error))
        span.set_attributes(attrs)
        self._count(channel, activity_type, attrs)

    def _count(self, channel: str, activity_type: str, attrs: dict[str, Any]) -> None:
        """The counters. Time per turn is on the span, and per request in the server
        instrumentation's http.server.duration histogram; a turn-duration histogram here
        would repeat them for ~7 us a turn."""
        self.turns.add(1, {CHANNEL: channel, ACTIVITY_TYPE: activity_type})
        decided = attrs.get(DECISION)
        if decided is not None:
            self.decisions.add(1, {DECISION: decided, CHANNEL: channel})
        verdict = attrs.get(FEEDBACK)
        if verdict is not None:
            self.feedback.add(1, {FEEDBACK: verdict, CHANNEL: channel})


class ObservedBot:
    """The conversation with each turn observed; everything else is the conversation's own."""

    def __init__(self, bot, telemetry: TurnTelemetry):
        self.bot = bot
        self.telemetry = telemetry

    async def on_turn(self, turn_context) -> None:
        await self.telemetry.run_turn(self.bot.on_turn, turn_context)

    def __getattr__(self, name: str):
        return getattr(self.bot, name)
