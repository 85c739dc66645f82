"""What happened during one turn that the HTTP layer needs to know afterwards.

The SDK's turn pipeline reports errors only to `on_turn_error`; the HTTP
handler sets a TurnOutcome in a context variable before the turn and reads it
after, so a reply that could not be delivered becomes a 502 instead of a
silent 200.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass


@dataclass
class TurnOutcome:
    delivery_error: str | None = None  # why a reply could not be posted, if one could not


current_outcome: contextvars.ContextVar[TurnOutcome | None] = contextvars.ContextVar("turn_outcome", default=None)
