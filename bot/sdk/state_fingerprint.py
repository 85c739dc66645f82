"""ConversationState whose change check costs a JSON encoding instead of a jsonpickle walk, loaded once a turn.

botbuilder's BotState wraps the state it loads in a CachedBotState, which
hashes it at once with jsonpickle's Pickler (a recursive Python walk) so that
save_changes can tell whether the turn changed anything, and hashes it again
when saving. Every message turn here loads and saves the conversation's state
(the last answer's product), and most change nothing: two jsonpickle walks a
turn cost about 2% of the server's CPU per activity.

The state of this bot (and of most bots) is plain JSON: dicts with string
keys, lists, strings, integers, finite floats, booleans, None. For such a
tree the orjson encoding is a fingerprint as exact as jsonpickle's (equal
trees, equal bytes; any change, a change of bytes) and costs a C call.
Anything else (tuples, sets, dataclasses, model objects, NaN, integers past
64 bits), whose JSON would blur differences jsonpickle keeps, gets
jsonpickle's hash, so the change check answers as the SDK's does. Storage,
keys, loading and saving are the SDK's own.
"""

from __future__ import annotations

import orjson
from botbuilder.core import ConversationState, TurnContext
from botbuilder.core.bot_state import CachedBotState

from ..json_codec import is_plain_json


class JsonHashedState(CachedBotState):
    """A CachedBotState fingerprinted by its JSON (jsonpickle's hash where JSON cannot say)."""

    def compute_hash(self, obj: object):
        # Keys in insertion order, as jsonpickle keeps them; bytes never equal
        # jsonpickle's str, so a state that stops or starts being plain JSON counts as changed.
        if is_plain_json(obj, finite=True):
            try:
                return orjson.dumps(obj)
            except TypeError:  # an int past 64 bits
                pass
        return super().compute_hash(obj)


class FingerprintedConversationState(ConversationState):
    """The SDK's ConversationState, loading its state into a JsonHashedState."""

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        # BotState.load, with the cached state's class swapped, and loaded once a turn: the
        # SDK's loads again while the state is empty, so a new conversation's turn read its
        # (missing) state once per property it touched, a store call each with Blob state.
        cached_state = self.get_cached_state(turn_context)
        storage_key = self.get_storage_key(turn_context)
        if force or cached_state is None:
            items = await self._storage.read([storage_key])
            turn_context.turn_state[self._context_service_key] = JsonHashedState(items.get(storage_key))
