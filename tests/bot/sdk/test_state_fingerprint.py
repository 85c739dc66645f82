"""The conversation's memory saves what a turn changed, and only that, as the SDK's ConversationState does."""

from __future__ import annotations

import asyncio
import copy
from dataclasses import dataclass

import pytest
from botbuilder.core import ConversationState, MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

from bot.sdk.state_fingerprint import FingerprintedConversationState
from tests.support.bot_server import CountingStorage


class CopyingStorage(CountingStorage):
    """Hands out copies, as Blob or Cosmos DB storage does: only what is saved survives the turn."""

    async def read(self, keys):
        return copy.deepcopy(await super().read(keys))


@dataclass
class Progress:
    step: int = 0
    _retries: int = 0


def _turn(conversation: str = "c-1") -> TurnContext:
    return TurnContext(TestAdapter(), Activity(
        type="message", channel_id="test", text="hi",
        conversation=ConversationAccount(id=conversation), from_property=ChannelAccount(id="u"),
        recipient=ChannelAccount(id="b"),
    ))


async def _one_turn(state, change=None, conversation="c-1"):
    """Load, let `change` touch the state, save_changes(); what the property holds afterwards."""
    turn = _turn(conversation)
    prop = state.create_property("p")
    value = await prop.get(turn, lambda: None)
    if change is not None:
        await change(prop, turn, value)
    await state.save_changes(turn)
    return value


async def _set(prop, turn, _value, new):
    await prop.set(turn, new)


async def _mutate(_prop, _turn, value):
    value.add("x")  # in place: only a hash of the whole state can see this


@pytest.mark.parametrize("state_class", [ConversationState, FingerprintedConversationState])
def test_a_turn_that_changes_nothing_writes_nothing_and_a_change_is_written(state_class):
    storage = CountingStorage()
    state = state_class(storage)

    async def run():
        await _one_turn(state, lambda p, t, v: _set(p, t, v, "acs-call-end"))  # a new conversation: written
        first = storage.writes
        await _one_turn(state)                                                   # read only: nothing written
        unchanged = storage.writes
        await _one_turn(state, lambda p, t, v: _set(p, t, v, "acs-call-end"))  # the same value again: nothing
        same_again = storage.writes
        await _one_turn(state, lambda p, t, v: _set(p, t, v, "acs-sms-api"))   # a new value: written
        return first, unchanged, same_again, storage.writes, await _one_turn(state)

    assert asyncio.run(run()) == (1, 1, 1, 2, "acs-sms-api")


@pytest.mark.parametrize("state_class", [ConversationState, FingerprintedConversationState])
def test_state_that_is_not_json_is_still_checked_for_changes(state_class):
    # A set is not JSON: the check falls back to jsonpickle's, so a change made in place is still saved.
    storage = CountingStorage()
    state = state_class(storage)

    async def run():
        await _one_turn(state, lambda p, t, v: _set(p, t, v, set()))
        before = storage.writes
        await _one_turn(state)
        untouched = storage.writes
        await _one_turn(state, _mutate)
        return before, untouched, storage.writes, await _one_turn(state)

    assert asyncio.run(run()) == (1, 1, 2, {"x"})


def test_conversations_keep_their_own_state():
    state = FingerprintedConversationState(MemoryStorage())

    async def run():
        await _one_turn(state, lambda p, t, v: _set(p, t, v, "a"), conversation="one")
        await _one_turn(state, lambda p, t, v: _set(p, t, v, "b"), conversation="two")
        return await _one_turn(state, conversation="one"), await _one_turn(state, conversation="two")

    assert asyncio.run(run()) == ("a", "b")


async def _bump_retries(_prop, _turn, value):
    value._retries += 1


async def _to_nan(prop, turn, _value):
    await prop.set(turn, float("nan"))


async def _to_tuple(prop, turn, _value):
    await prop.set(turn, (1, 2))


@pytest.mark.parametrize("state_class", [ConversationState, FingerprintedConversationState])
@pytest.mark.parametrize("first, change, then", [
    (Progress, _bump_retries, lambda v: v._retries == 1),                 # a field JSON would leave out
    (lambda: None, _to_nan, lambda v: v != v),                           # NaN, which JSON writes as null
    (lambda: [1, 2], _to_tuple, lambda v: v == (1, 2) and type(v) is tuple),  # JSON writes a tuple as a list
])
def test_changes_plain_json_cannot_show_are_saved_too(state_class, first, change, then):
    state = state_class(CopyingStorage())

    async def run():
        await _one_turn(state, lambda p, t, v: _set(p, t, v, first()))
        await _one_turn(state, change)
        return await _one_turn(state)

    assert then(asyncio.run(run()))
