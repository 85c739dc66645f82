"""A conversation-state store that counts the calls the bot makes on it: what Blob Storage bills per turn.

    store = CountedStore(state_storage(settings))   # any botbuilder Storage: Blob on Azurite, memory
    app = create_app(config, storage=store)          # the bot keeps its conversation state through it
    store.reads, store.writes                        # calls so far (one call may carry several keys)

The store is closed with the app (its aiohttp session lives on the app's loop).
"""

from __future__ import annotations

from botbuilder.core import Storage


class CountedStore(Storage):
    def __init__(self, inner: Storage):
        self.inner = inner
        self.reads = 0
        self.writes = 0

    async def read(self, keys):
        self.reads += 1
        return await self.inner.read(keys)

    async def write(self, changes):
        self.writes += 1
        await self.inner.write(changes)

    async def delete(self, keys):
        await self.inner.delete(keys)

    async def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close is not None:
            await close()

    def counts(self) -> tuple[int, int]:
        """(reads, writes) so far."""
        return self.reads, self.writes
