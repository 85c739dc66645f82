"""A store that cannot be reached costs that turn only: a clear reply to the user, a 503 to the channel.

The turn's state cannot be loaded (or saved), so the bot does not know the
conversation's product and must not guess. The user is told in plain words
that the bot cannot answer right now and to try again; the HTTP answer is a
problem+json 503 with Retry-After, so the channel and the operator's logs see
a failed turn, not a success. The next turn tries the store again: nothing is
cached as broken, so the bot recovers by itself when the store is back.
"""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from botbuilder.core import TurnContext

from ..correlation import correlation_id
from ..web.problems import Problem
from .errors import StorageUnavailable

log = logging.getLogger("bot.storage")

UNAVAILABLE = (
    "I can't reach my conversation memory right now, so I can't answer reliably. "
    "Please send your question again in a minute. (reference: {cid})"
)
RETRY_AFTER_SECONDS = 5

TurnErrorHandler = Callable[[TurnContext, Exception], Awaitable[None]]


def storage_fault_aware(on_turn_error: TurnErrorHandler) -> TurnErrorHandler:
    """`on_turn_error`, except that StorageUnavailable is answered as above (it raises the 503 Problem)."""

    async def handle(turn_context: TurnContext, error: Exception) -> None:
        if not isinstance(error, StorageUnavailable):
            await on_turn_error(turn_context, error)
            return
        cid = correlation_id.get()
        log.warning("turn failed, the store is unavailable: %s", error)
        try:
            await turn_context.send_activity(UNAVAILABLE.format(cid=cid))
        except Exception as send_error:  # noqa: BLE001 - the 503 below still tells the channel
            log.warning("could not tell the user the store is unavailable: %s", type(send_error).__name__)
        raise Problem(
            503, "storage-unavailable", "Storage unavailable",
            f"the conversation state store could not be used for this turn: {error}",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    return handle
