"""Telemetry for operators: what each turn decided, in the form Azure Monitor reads.

Off unless APPLICATIONINSIGHTS_CONNECTION_STRING is set. Off means off: this
module imports no OpenTelemetry code, the conversation is not wrapped, and a
turn pays for one context-variable read where it reports its decision (the
two `note_*` calls below find no turn to write to and return).

On, `observe_turns` starts Azure Monitor's OpenTelemetry distro once per
process (bot/telemetry/azure_monitor.py) and wraps the conversation so that
every turn becomes a span with metrics (bot/telemetry/turns.py).

The conversation code does not know about spans: it reports what it decided
through `note_decision` and `note_feedback`, which fill the facts of the turn
in progress (a context variable, set by the wrapper for the turn's duration).
Only facts chosen here ever leave the process: the decision's kind, the
answered entry's identity, whether the answer cache served it. Never the
question's text, which is the user's own words and can hold anything.
"""

from __future__ import annotations

import contextvars
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:  # the import costs nothing at run time when telemetry is off
    from catalog import Decision

    from .turns import TurnTelemetry

CONNECTION_STRING_SETTING = "APPLICATIONINSIGHTS_CONNECTION_STRING"


@dataclass
class TurnFacts:
    """What one turn found out, filled in by the conversation while the turn runs."""

    decision: "Decision | None" = None
    answer_cached: bool | None = None
    feedback_helpful: bool | None = None


current_facts: contextvars.ContextVar[TurnFacts | None] = contextvars.ContextVar("bot_turn_facts", default=None)


def note_decision(decision: "Decision", *, cached: bool) -> None:
    """The turn answered a question with this decision (served from the answer cache or not)."""
    facts = current_facts.get()
    if facts is not None:
        facts.decision = decision
        facts.answer_cached = cached


def note_feedback(helpful: bool) -> None:
    """The turn was a click on Helpful (True) or Not helpful (False)."""
    facts = current_facts.get()
    if facts is not None:
        facts.feedback_helpful = helpful


def enabled(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return bool((env.get(CONNECTION_STRING_SETTING) or "").strip())


def observe_turns(bot, env: Mapping[str, str] | None = None, *, telemetry: "TurnTelemetry | None" = None):
    """The conversation to hand to /api/messages: `bot` itself when telemetry is off, else `bot` observed.

    With no `telemetry` given, the environment decides: a connection string
    starts Azure Monitor (once per process) and turns are reported through it.
    Tests pass a TurnTelemetry built on their own in-memory providers.
    Called before the aiohttp Application is built, so that the server
    instrumentation (which swaps in its own Application class) sees it.
    """
    if telemetry is None:
        env = os.environ if env is None else env
        if not enabled(env):
            return bot
        from .azure_monitor import start_azure_monitor
        from .turns import TurnTelemetry

        start_azure_monitor(env[CONNECTION_STRING_SETTING].strip())
        telemetry = TurnTelemetry()
    return telemetry.observe(bot)
