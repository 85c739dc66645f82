"""The SDK's TurnContext with a cheaper way of addressing replies: same activities sent, less CPU per turn.

`TurnContext.send_activities` addresses each reply by building a
ConversationReference model from the incoming activity (msrest's model
constructor, three copies), applying it to a deep copy of the reply, and then
runs the send through `_emit`, which copies the (empty) list of send handlers
and nests two coroutines to call none of them. That is a few per cent of the
server's CPU per activity for a bot that sends one reply a turn.

`AddressingTurnContext.send_activities` does the same assignments directly:
the reply's channel, locale, service URL and conversation come from the
incoming activity, its from and recipient are copies of the incoming
recipient and sender, it replies to the incoming activity's id where the SDK
would (not on conversationUpdate, Direct Line or Web Chat), its type defaults
to message and its input hint to acceptingInput, its id is cleared, and the
turn counts as responded once a non-trace activity is sent. When anything
could observe the difference (a send handler is registered, or the channel
wants the replies in the HTTP response: deliveryMode expectReplies) the SDK's
own method runs. tests/bot/sdk/test_turn_context.py compares the two.
"""

from __future__ import annotations

from copy import copy, deepcopy
from typing import List

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, DeliveryModes, ResourceResponse
from botframework.connector import Channels

# Incoming activities whose replies carry no replyToId (TurnContext.get_conversation_reference).
_NO_REPLY_TO_CHANNELS = frozenset({Channels.direct_line.value, Channels.webchat.value})


def _copy(obj):
    """copy.copy, calling the class's own __copy__ directly when it has one (the accounts read from the wire do)."""
    copier = getattr(type(obj), "__copy__", None)
    return copier(obj) if copier is not None else copy(obj)


def _deepcopy(obj):
    """copy.deepcopy, calling the class's own __deepcopy__ directly when it has one (the bot's replies do)."""
    copier = getattr(type(obj), "__deepcopy__", None)
    return copier(obj, {}) if copier is not None else deepcopy(obj)


class AddressingTurnContext(TurnContext):
    """A TurnContext whose replies are addressed without the SDK's ConversationReference round trip."""

    async def send_activities(self, activities: List[Activity]) -> List[ResourceResponse]:
        incoming = self.activity
        if self._on_send_activities or incoming.delivery_mode == DeliveryModes.expect_replies:
            return await super().send_activities(activities)
        reply_to = (
            incoming.id
            if incoming.type != ActivityTypes.conversation_update and incoming.channel_id not in _NO_REPLY_TO_CHANNELS
            else None
        )
        # One copy of each per call, shared by its activities, as the SDK's reference is.
        bot, user, conversation = _copy(incoming.recipient), _copy(incoming.from_property), _copy(incoming.conversation)
        output = []
        sent_non_trace_activity = False
        for activity in activities:
            reply = _deepcopy(activity)
            reply.channel_id = incoming.channel_id
            reply.locale = incoming.locale
            reply.service_url = incoming.service_url
            reply.conversation = conversation
            reply.from_property = bot
            reply.recipient = user
            if reply_to:
                reply.reply_to_id = reply_to
            if not getattr(reply, "type", None):
                reply.type = ActivityTypes.message
            if reply.type != ActivityTypes.trace:
                sent_non_trace_activity = True
            if not reply.input_hint:
                reply.input_hint = "acceptingInput"
            reply.id = None
            output.append(reply)
        responses = await self.adapter.send_activities(self, output)
        if sent_non_trace_activity:
            self.responded = True
        return responses
