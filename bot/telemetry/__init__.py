"""Telemetry for operators: what each turn decided, in the form Azure Monitor reads.

Off unless APPLICATIONINSIGHTS_CONNECTION_STRING is set. Off means off: this
module imports no OpenTelemetry code, the conversation is not wrapped, and a
turn pays for one context-variable read where it reports its decision (the
two `note_*` calls below find no turn to write to and return).

On, `observe_turns` prepares Azure Monitor's OpenTelemetry distro (checks the
connection string, instruments the aiohttp server) and wraps the conversation
so that every turn becomes a span with metrics (bot/telemetry/turns.py); the
app's on_startup hook `start_exporting` starts the distro in each process that
serves, gunicorn's workers included (bot/telemetry/azure_monitor.py says why).

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
    prepares Azure Monitor (ValueError if it is not usable) and turns are
    reported through it once `start_exporting` has run.
    Tests pass a TurnTelemetry built on their own in-memory providers.
    Called before the aiohttp Application is built, so that the server
    instrumentation (which swaps in its own Application class) sees it.
    """
    if telemetry is None:
        env = os.environ if env is None else env
        if not enabled(env):
            return bot
        from .azure_monitor import prepare_azure_monitor
        from .turns import TurnTelemetry

        prepare_azure_monitor(env[CONNECTION_STRING_SETTING].strip())
        telemetry = TurnTelemetry()
    return telemetry.observe(bot)


async def start_exporting(_app: object = None) -> None:
    """The app's on_startup hook: start Azure Monitor in the process that serves, if `observe_turns` prepared it.

    Not where the app is built: gunicorn builds it once and forks its workers,
    and the distro's own threads (Live Metrics among them) would stay behind in
    the master, which serves nothing. Each worker starts its own here.
    """
    from .azure_monitor import start_azure_monitor  # no OpenTelemetry import unless it was prepared

    start_azure_monitor()
