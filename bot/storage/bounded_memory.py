"""The default conversation state: in this process, bounded in count and in idle time.

The SDK's MemoryStorage keeps every conversation it ever saw for as long as
the process lives: a public bot's memory then grows with its traffic. This is
that storage (same read/write/ETag behaviour, it is a subclass), with the
least recently used conversation dropped past `max_items` and any conversation
not touched for `idle_seconds` forgotten. A forgotten conversation loses only
its follow-up context ("and 3101?" is then read without a product).
"""

from __future__ import annotations

import copy
import time
from collections import OrderedDict
from typing import Callable, Dict, List

import orjson
from botbuilder.core import MemoryStorage, StoreItem

from ..json_codec import is_plain_json
from .errors import StateConflict


def _copy(item):
    """A deep copy of a stored item: through its JSON when it is plain JSON (equal, and several times cheaper)."""
    if is_plain_json(item, finite=True):
        try:
            return orjson.loads(orjson.dumps(item))
        except TypeError:  # an int past 64 bits
            pass
    return copy.deepcopy(item)


class BoundedMemoryStorage(MemoryStorage):
    def __init__(self, max_items: int = 10_000, idle_seconds: float = 86_400, clock: Callable[[], float] = time.monotonic):
        super().__init__(OrderedDict())
        self.max_items = max_items
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._touched: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self.memory)

    async def read(self, keys: List[str]):
        self._forget_idle()
        items = await super().read(keys)
        for key in items:
            self._touch(key)
        return items

    async def write(self, changes: Dict[str, StoreItem]):
        """MemoryStorage.write (same ETag rules, same errors) with one copy of each item instead of two.

        The SDK deep-copies an item, sets its ETag on the copy, and stores a deep
        copy of that copy. The first copy is already the store's own, so it is
        stored as it is; a state of plain JSON (every state this bot keeps) is
        copied through its orjson encoding, a C call where deepcopy walks it in Python.
        """
        if changes is None:
            raise Exception("Changes are required when writing")  # the SDK's words
        if not changes:
            return
        self._forget_idle()
        for key, change in changes.items():
            new_state = _copy(change)
            old_state_etag = None
            if key in self.memory:
                old_state = self.memory[key]
                if isinstance(old_state, dict):
                    old_state_etag = old_state.get("e_tag", None)
                elif hasattr(old_state, "e_tag"):
                    old_state_etag = old_state.e_tag
            if isinstance(new_state, dict):
                new_value_etag = new_state.get("e_tag", None)
            else:
                new_value_etag = getattr(new_state, "e_tag", None)
            if new_value_etag == "":
                raise Exception("memory_storage.write(): etag missing")  # the SDK's words
            if old_state_etag is not None and new_value_etag is not None and new_value_etag not in ("*", old_state_etag):
                raise StateConflict(str(KeyError(
                    "Etag conflict.\nOriginal: %s\r\nCurrent: %s" % (new_value_etag, old_state_etag))))
            if old_state_etag:  # no ETag before, none now (the SDK follows C# here)
                if isinstance(new_state, dict):
                    new_state["e_tag"] = str(self._e_tag)
                else:
                    new_state.e_tag = str(self._e_tag)
            self._e_tag += 1
            self.memory[key] = new_state
            self._touch(key)
        while len(self.memory) > self.max_items:
            oldest, _ = self.memory.popitem(last=False)
            self._touched.pop(oldest, None)

    async def delete(self, keys: List[str]):
        await super().delete(keys)
        for key in keys:
            self._touched.pop(key, None)

    def _touch(self, key: str) -> None:
        self.memory.move_to_end(key)
        self._touched[key] = self._clock()

    def _forget_idle(self) -> None:
        # The OrderedDict is in order of last use, so the idle ones are at its front.
        limit = self._clock() - self.idle_seconds
        while self.memory:
            oldest = next(iter(self.memory))
            if self._touched.get(oldest, limit) > limit:
                return
            del self.memory[oldest]
            self._touched.pop(oldest, None)
