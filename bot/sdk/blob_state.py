"""Conversation state in Azure Blob Storage: the SDK's own BlobStorage, with three things it lacks.

botbuilder-azure's BlobStorage (4.17.1, the release of our SDK) reads and
writes one JSON blob per conversation and checks ETags on update. What it
does not do, and this subclass adds:

* Errors that are errors. The SDK's read treats any HTTP error as "this
  conversation has no state yet"; here only 404 does, and the rest fail the
  turn with StorageUnavailable (a clear reply and a 503), as a timeout does.

* Bounded waiting. It builds its Blob client with the storage library's
  defaults: a 15 s first back-off, three retries, no connect timeout. A
  stopped store would hold a turn for a minute. Here the client gives up
  after one quick retry and `timeout_seconds`, so the user hears back.
  (The client lives in a private attribute of BlobStorage; this module is
  the only place that touches it.)
* Create only if absent. A conversation's first write carries no ETag and the
  SDK then overwrites whatever is there, so two instances starting one
  conversation would lose one turn's state. Here a first write is a
  conditional create (If-None-Match: *) and fails as a conflict instead.
* Our errors. Azure's exceptions are translated (bot/storage/blob_client.py):
  a lost conditional write is StateConflict (bot/storage/reload_retry.py
  replays it), anything else the store does wrong is StorageUnavailable.
* One HTTP call per read or write, without a BlobClient and a stream
  downloader per call (bot/sdk/blob_calls.py says why): the SDK's per-call
  objects cost more CPU than the rest of a turn. The calls go through the
  pipeline of the container client BlobStorage holds.

The blob names, contents and ETag conditions are the SDK's, so state written
by either reads back in both.
"""

from __future__ import annotations

import asyncio
from typing import Dict, List

from azure.core.exceptions import AzureError
from botbuilder.azure import BlobStorage, BlobStorageSettings
from jsonpickle.unpickler import Unpickler

from ..json_codec import loads
from ..storage.blob_client import blob_service, is_missing_container, translate
from .blob_calls import BlobCalls

# Every tag jsonpickle writes into a value it cannot keep as plain JSON starts with "py/".
_JSONPICKLE_TAG = b'"py/'


class BlobStateStorage(BlobStorage):
    def __init__(self, connection_string: str, container: str, timeout_seconds: float = 5.0):
        super().__init__(BlobStorageSettings(container_name=container, connection_string=connection_string))
        self._timeout = timeout_seconds
        self._service = blob_service(connection_string, timeout_seconds)
        self._container = self._service.get_container_client(container)
        self._BlobStorage__container_client = self._container  # see the module's docstring
        self._calls = BlobCalls(self._container)

    async def read(self, keys: List[str]) -> Dict[str, object]:
        try:
            return await asyncio.wait_for(self._read(keys), self._timeout * 2)
        except (AzureError, asyncio.TimeoutError, OSError) as exc:
            raise translate(exc, "reading conversation state") from exc

    async def _read(self, keys: List[str]) -> Dict[str, object]:
        # BlobStorage.read, except that only "not found" means "no state yet": the SDK's
        # read also drops every other HTTP error (a 503 from a busy account, a 403), and
        # the turn would then go on as if the conversation were new. A missing container
        # is "not found" too, so a read need not create it first: the first write does.
        if not keys:
            raise ValueError("Keys are required when reading")
        items: Dict[str, object] = {}
        for key in keys:
            found = await self._calls.get(key)
            if found is not None:
                items[key] = _store_item(*found)
        return items

    async def write(self, changes: Dict[str, object]):
        try:
            for key, item in (changes or {}).items():
                try:
                    await asyncio.wait_for(self._write_one(key, item), self._timeout * 2)
                except AzureError as exc:
                    if not is_missing_container(exc):
                        raise
                    # The container went away (deleted, or an emulator restarted empty):
                    # BlobStorage creates it once per process, so ask it to create it again.
                    self._BlobStorage__initialized = False
                    await asyncio.wait_for(self._write_one(key, item), self._timeout * 2)
        except (AzureError, asyncio.TimeoutError, OSError) as exc:
            raise translate(exc, "saving conversation state") from exc

    async def _write_one(self, key: str, item: object) -> None:
        # BlobStorage.write's rules: an ETag to match, or "*" to overwrite; without
        # one, a conditional create (see the module's docstring) instead of an overwrite.
        await self._initialize()
        etag = _etag_of(item)
        data = self._store_item_to_str(item).encode("utf-8")
        if etag is None:
            await self._calls.put(key, data, if_absent=True)
        else:
            await self._calls.put(key, data, if_match=None if etag == "*" else etag)

    async def delete(self, keys: List[str]):
        try:
            await asyncio.wait_for(super().delete(keys), self._timeout * 2)
        except (AzureError, asyncio.TimeoutError, OSError) as exc:
            raise translate(exc, "deleting conversation state") from exc

    async def close(self) -> None:
        await self._service.close()


def _store_item(data: bytes, etag: str) -> object:
    """BlobStorage._blob_to_store_item for a blob already read: its JSON, its ETag, jsonpickle's objects."""
    item = loads(data)
    item["e_tag"] = etag
    if _JSONPICKLE_TAG not in data:
        return item  # plain JSON: jsonpickle's restore would return the same dict, walking it in Python
    return Unpickler().restore(item)


def _etag_of(item: object) -> str | None:
    etag = item.get("e_tag") if isinstance(item, dict) else getattr(item, "e_tag", None)
    return etag or None
