"""What the user, the operator and the Emulator see when a turn fails.

The user gets a short apology with the correlation id (so a support ticket can
quote it), the operator gets the traceback on the log line carrying the same
id, and the Emulator gets the usual "TurnError" trace activity (the adapter
drops trace activities on every other channel).

When a reply (the answer, or even the apology) cannot be posted (the
serviceUrl is unreachable), ReplyNotDelivered is raised out of the turn: the
SDK passes what on_turn_error raises up through CloudAdapter.process_activity,
and the HTTP handler answers 502 instead of pretending the reply went out.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes

from ..correlation import correlation_id
from ..sdk.delivery_errors import is_delivery_error

log = logging.getLogger("bot.turn")

SORRY = "Sorry, something went wrong on my side while answering. Please try again. (reference: {cid})"


class ReplyNotDelivered(Exception):
    """The turn ran, but its reply could not be posted to the channel; `kind` names the transport's error."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
    cid = correlation_id.get()
    if is_delivery_error(error):
        log.warning("reply could not be delivered: %s: %s", type(error).__name__, str(error)[:300])
        raise ReplyNotDelivered(type(error).__name__) from error
    log.error("turn failed: %s", error, exc_info=error)
    try:
        await turn_context.send_activity(SORRY.format(cid=cid))
        await turn_context.send_activity(
            Activity(
                label="TurnError",
                name="on_turn_error Trace",
                timestamp=datetime.now(timezone.utc),
                type=ActivityTypes.trace,
                value=f"{type(error).__name__}: {error}",
                value_type="https://www.botframework.com/schemas/error",
            )
        )
    except Exception as send_error:  # noqa: BLE001 - nothing else can be done for this user
        log.warning("could not tell the user about the failed turn: %s", type(send_error).__name__)
        raise ReplyNotDelivered(type(send_error).__name__) from send_error
