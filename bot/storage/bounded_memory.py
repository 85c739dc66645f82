"""The default conversation state: in this process, bounded in count and in idle time.

The SDK's MemoryStorage keeps every conversation it ever saw for as long as
the process lives: a public bot's memory then grows with its traffic. This is
that storage (same read/write/ETag behaviour, it is a subclass), with the
least recently used conversation dropped past `max_items` and any conversation
not touched for `idle_seconds` forgotten. A forgotten conversation loses only
its follow-up context ("and 3101?" is then read without a product).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable, Dict, List

from botbuilder.core import MemoryStorage, StoreItem

from .errors import StateConflict


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
        self._forget_idle()
        try:
            await super().write(changes)
        except KeyError as exc:  # MemoryStorage's way of saying "ETag conflict"
            raise StateConflict(str(exc)) from None
        for key in changes or ():
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
