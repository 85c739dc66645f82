"""What the user, the operator and the Emulator see when a turn fails.

The user gets a short apology with the correlation id (so a support ticket can
quote it), the operator gets the traceback on the log line carrying the same
id, and the Emulator gets the usual "TurnError" trace activity (the adapter
drops trace activities on every other channel).

If even the apology cannot be posted (the serviceUrl is unreachable), the turn
outcome records it, and the HTTP handler answers 502 instead of pretending the
reply went out.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

import aiohttp
import requests
from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes
from msrest.exceptions import ClientRequestError, HttpOperationError

from .problems import correlation_id
from .turn_outcome import current_outcome

log = logging.getLogger("bot.turn")

SORRY = "Sorry, something went wrong on my side while answering. Please try again. (reference: {cid})"


# msrest wraps transport failures in ClientRequestError; the connector raises
# ErrorResponseException (an HttpOperationError) when the channel answers with
# an error status; aiohttp/requests errors may surface unwrapped.
_DELIVERY_ERRORS = (ClientRequestError, HttpOperationError, aiohttp.ClientError, requests.RequestException)


def _is_delivery_error(error: BaseException) -> bool:
    return isinstance(error, _DELIVERY_ERRORS)


async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
    cid = correlation_id.get()
    outcome = current_outcome.get()
    if _is_delivery_error(error):
        log.warning("reply could not be delivered: %s: %s", type(error).__name__, str(error)[:300])
        if outcome is not None:
            outcome.delivery_error = type(error).__name__
        return
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
        if outcome is not None:
            outcome.delivery_error = type(send_error).__name__
