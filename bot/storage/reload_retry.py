"""Two instances answering one conversation at once: the later write is replayed, never lost.

Blob Storage checks ETags: a turn that read version 1 of a conversation's
state cannot overwrite version 2 written meanwhile by another instance (or
another worker); the write fails with a conflict. Failing the turn would drop
the user's answer context; overwriting would drop the other turn's. So this
wrapper remembers what each turn read, and on a conflict it reloads the item,
replays onto it only what this turn changed (its properties set or removed),
and writes again under the fresh ETag. A property both turns set ends with
this (the later) turn's value; every other property keeps the other turn's.

It is a Storage itself, so ConversationState uses it as the SDK intends.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import random
from collections import OrderedDict
from typing import Dict, List

import orjson
from botbuilder.core import Storage, StoreItem

from ..json_codec import is_plain_json
from .errors import StateConflict

log = logging.getLogger("bot.storage")

ETAG = "e_tag"


class ReloadOnConflictStorage(Storage):
    def __init__(self, inner: Storage, attempts: int = 8, remembered: int = 4096):
        self.inner = inner
        self.attempts = attempts
        self._remembered = remembered
        self._as_read: OrderedDict[tuple[str, str | None], dict] = OrderedDict()
        self.conflicts = 0  # conflicts resolved by replaying, for /healthz and the tests

    async def read(self, keys: List[str]) -> Dict[str, object]:
        items = await self.inner.read(keys)
        for key, item in items.items():
            if isinstance(item, dict):
                self._remember(key, item)
        return items

    async def write(self, changes: Dict[str, StoreItem]):
        for key, item in (changes or {}).items():
            await self._write_one(key, item)

    async def delete(self, keys: List[str]):
        await self.inner.delete(keys)

    async def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            await close()

    # ------------------------------------------------------------------

    def _remember(self, key: str, item: dict) -> None:
        # What was read, as it was: the turn changes the item in place. Plain JSON (every state
        # this bot keeps) is kept as its orjson encoding, a C call where a deep copy walks it in Python.
        remembered = (key, item.get(ETAG))
        self._as_read[remembered] = _snapshot(item)
        self._as_read.move_to_end(remembered)
        while len(self._as_read) > self._remembered:
            self._as_read.popitem(last=False)

    async def _write_one(self, key: str, item: object) -> None:
        if not isinstance(item, dict):  # a StoreItem object: nothing to merge by property
            await self.inner.write({key: item})
            return
        read_etag = item.get(ETAG)
        as_read = self._as_read.pop((key, read_etag), None) if read_etag is not None else None
        if type(as_read) is bytes:
            as_read = orjson.loads(as_read)
        base = as_read if as_read is not None else ({} if read_etag is None else None)
        for attempt in range(self.attempts):
            try:
                await self.inner.write({key: item})
                return
            except StateConflict:
                if attempt + 1 == self.attempts:
                    raise
            self.conflicts += 1
            current = (await self.inner.read([key])).get(key)
            item = replay(base, item, current if isinstance(current, dict) else None)
            log.info("state of %s changed by another writer; replaying this turn's changes (attempt %d)", key, attempt + 2)
            await asyncio.sleep(random.uniform(0, 0.01 * (attempt + 1)))


def _snapshot(item: dict) -> bytes | dict:
    """A copy of `item` that later changes to it do not reach: its JSON when it is plain JSON, else a deep copy."""
    if is_plain_json(item, finite=True):
        try:
            return orjson.dumps(item)
        except TypeError:  # an int past 64 bits
            pass
    return copy.deepcopy(item)


def replay(base: dict | None, mine: dict, current: dict | None) -> dict:
    """`current` with the properties that `mine` changed relative to `base` (what this turn read).

    Without `base` (what was read is no longer remembered) every property of
    `mine` counts as changed: the later turn wins, nothing crashes.
    """
    merged = {k: v for k, v in (current or {}).items()}
    for name, value in mine.items():
        if name == ETAG:
            continue
        if base is None or name not in base or base[name] != value:
            merged[name] = copy.deepcopy(value)
    if base is not None:
        for name in base:
            if name != ETAG and name not in mine:
                merged.pop(name, None)
    merged.pop(ETAG, None)
    if current is not None and current.get(ETAG) is not None:
        merged[ETAG] = current[ETAG]
    return merged
