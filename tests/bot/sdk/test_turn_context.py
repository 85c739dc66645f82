"""Replies addressed by AddressingTurnContext are the ones the SDK's TurnContext addresses.

bot/sdk/turn_context.py sets the reply's addressing fields directly instead of
going through a ConversationReference; here both contexts send the same
replies to a recording adapter, for the kinds of incoming activity whose
addressing differs (a message, Direct Line and Web Chat without replyToId, a
conversationUpdate, a trace), and what reaches the adapter must be the same.
"""

from __future__ import annotations

import asyncio

import pytest
from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import Activity, ResourceResponse

from bot.sdk.activity_reader import read_activity
from bot.sdk.turn_context import AddressingTurnContext


class RecordingAdapter(BotAdapter):
    def __init__(self):
        super().__init__()
        self.sent: list[Activity] = []

    async def send_activities(self, context, activities):
        self.sent.extend(activities)
        return [ResourceResponse(id=str(i)) for i, _ in enumerate(activities)]

    async def update_activity(self, context, activity):
        raise NotImplementedError

    async def delete_activity(self, context, reference):
        raise NotImplementedError


def incoming(**fields) -> Activity:
    data = {
        "type": "message", "id": "in-1", "channelId": "emulator", "serviceUrl": "http://127.0.0.1:9/",
        "conversation": {"id": "conv-1", "name": "a chat"}, "locale": "en-US", "text": "what is 404",
        "from": {"id": "user-1", "name": "User", "role": "user"},
        "recipient": {"id": "bot-1", "name": "Bot", "role": "bot"},
    }
    data.update(fields)
    return read_activity(data)


def replies() -> list[Activity]:
    return [
        Activity(type="message", text="first"),
        Activity(text="no type given", input_hint="expectingInput"),
        Activity(type="trace", name="a trace", id="caller-set"),
    ]


async def sent_by(context_class, activity: Activity, outgoing: list[Activity]):
    adapter = RecordingAdapter()
    context = context_class(adapter, activity)
    responses = await context.send_activities(outgoing)
    return [a.serialize() for a in adapter.sent], [r.id for r in responses], context.responded


@pytest.mark.parametrize("fields", [
    {},
    {"channelId": "directline"},
    {"channelId": "webchat"},
    {"type": "conversationUpdate"},
    {"locale": None, "id": None},
], ids=["message", "directline", "webchat", "conversation-update", "no-locale-no-id"])
def test_replies_are_addressed_as_the_sdk_addresses_them(fields):
    ours = asyncio.run(sent_by(AddressingTurnContext, incoming(**fields), replies()))
    assert ours == asyncio.run(sent_by(TurnContext, incoming(**fields), replies()))
    assert ours[0][0]["recipient"]["id"] == "user-1" and ours[0][0]["from"]["id"] == "bot-1"  # not vacuous


def test_the_replies_given_are_not_changed_and_a_trace_alone_is_no_response():
    outgoing = [Activity(type="trace", name="only a trace")]
    before = outgoing[0].serialize()
    sent, _, responded = asyncio.run(sent_by(AddressingTurnContext, incoming(), outgoing))
    assert outgoing[0].serialize() == before
    assert sent[0]["replyToId"] == "in-1" and sent[0]["recipient"]["id"] == "user-1"
    assert responded is False


def test_a_send_handler_still_sees_every_reply():
    adapter = RecordingAdapter()
    context = AddressingTurnContext(adapter, incoming())
    seen = []

    async def handler(ctx, activities, next_send):
        seen.extend(a.text for a in activities)
        return await next_send()

    context.on_send_activities(handler)
    asyncio.run(context.send_activity("hello"))
    assert seen == ["hello"] and [a.text for a in adapter.sent] == ["hello"]


def test_replies_the_channel_expects_in_the_response_are_buffered_not_sent():
    adapter = RecordingAdapter()
    context = AddressingTurnContext(adapter, incoming(deliveryMode="expectReplies"))
    asyncio.run(context.send_activity("hello"))
    assert adapter.sent == [] and [a.text for a in context.buffered_reply_activities] == ["hello"]


def test_the_accounts_in_a_reply_are_copies_not_the_incoming_ones():
    activity = incoming()
    adapter = RecordingAdapter()
    asyncio.run(AddressingTurnContext(adapter, activity).send_activity("hello"))
    reply = adapter.sent[0]
    assert reply.recipient == activity.from_property and reply.recipient is not activity.from_property
    assert reply.from_property == activity.recipient and reply.from_property is not activity.recipient
    assert reply.conversation == activity.conversation and reply.conversation is not activity.conversation
