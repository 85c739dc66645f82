"""Replacing a message the bot sent, on channels that let a bot update its activities.

Teams, Direct Line (Web Chat) and the Emulator accept
PUT /v3/conversations/{id}/activities/{activityId}; the SDK sends it through
TurnContext.update_activity (msrest's generic pipeline: an update is rare, so
the fast path in reply_transport.py is not worth having for it). A channel that
refuses or cannot be reached costs the in-place update only: the caller is told
(False) and answers with a new message instead.
"""

from __future__ import annotations

import logging

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment

from .delivery_errors import is_delivery_error

log = logging.getLogger("bot.sdk.updates")

# Channels whose connector implements the update operation.
UPDATING_CHANNELS = frozenset({"msteams", "directline", "webchat", "emulator"})


def can_update(channel_id: str | None) -> bool:
    return (channel_id or "").lower() in UPDATING_CHANNELS


async def replace_message(turn_context: TurnContext, activity_id: str, cards: list[dict], summary: str = "") -> bool:
    """Replace the bot's message ``activity_id`` with one carrying ``cards``; False when the channel said no."""
    if turn_context.activity.delivery_mode == "expectReplies":
        return False  # replies travel in the HTTP answer: there is no sent message to replace
    update = Activity(
        id=activity_id,
        type=ActivityTypes.message,
        attachments=[Attachment(content_type="application/vnd.microsoft.card.adaptive", content=c) for c in cards],
        summary=summary or None,
    )
    try:
        await turn_context.update_activity(update)
    except Exception as error:  # noqa: BLE001 - translated here, at the fence
        if not is_delivery_error(error):
            raise
        log.info("could not update activity %s in place: %s: %s", activity_id[:80], type(error).__name__,
                 str(error)[:200])
        return False
    return True
