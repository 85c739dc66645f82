"""Records as blobs in the state's container: `records/<id>.json`, one per activity.

Writing is a conditional create (If-None-Match: *), so the second write of
one activity (a channel's retry, on any instance) is refused by the service
itself and nothing is counted twice. Retention deletes blobs by their
creation time; the report lists the prefix and reads the blobs it needs.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from datetime import datetime

from azure.core.exceptions import AzureError, ResourceExistsError

from .blob_client import blob_service, is_missing_container, translate
from .records import Record, RecordsLost, cutoff

log = logging.getLogger("bot.records")

PREFIX = "records/"
PRUNE_EVERY_SECONDS = 24 * 3600
_READ_AT_ONCE = 16
_WRITE_AT_ONCE = 16


class RecordBlobs:
    def __init__(self, connection_string: str, container: str, retention_days: int = 90, timeout_seconds: float = 5.0):
        self.retention_days = retention_days
        self._timeout = timeout_seconds
        self._service = blob_service(connection_string, timeout_seconds)
        self._container = self._service.get_container_client(container)
        self._container_ready = False
        self._pruned_at: float | None = None
        self._prune_task: asyncio.Task | None = None

    async def add(self, record: Record) -> bool:
        if self._pruned_at is None or time.monotonic() - self._pruned_at > PRUNE_EVERY_SECONDS:
            self._pruned_at = time.monotonic()
            self._prune_task = asyncio.get_running_loop().create_task(self._prune_quietly())
        body = record.to_json_text().encode("utf-8")
        blob = self._container.get_blob_client(f"{PREFIX}{record.id}.json")
        try:
            for attempt in (1, 2):
                try:
                    await self._ensure_container()
                    await asyncio.wait_for(blob.upload_blob(body, overwrite=False), self._timeout * 2)
                    return True
                except ResourceExistsError:
                    return False
                except AzureError as exc:
                    if attempt == 2 or not is_missing_container(exc):
                        raise
                    self._container_ready = False
        except (AzureError, asyncio.TimeoutError, OSError) as exc:
            raise translate(exc, "writing a record") from exc
        return False

    async def add_many(self, records: list[Record]) -> int:
        """Each record its own conditional create, a few at once; how many were new.

        Not one blob per batch: the conditional create of `records/<id>.json` is
        what keeps one record per activity across instances (the service refuses
        the second), and the report reads the same layout. The bot calls this
        from its writer task (records_writer.py), so these round trips are off the turn.
        """
        gate = asyncio.Semaphore(_WRITE_AT_ONCE)

        async def one(record: Record) -> bool:
            async with gate:
                return await self.add(record)

        unique = list({r.id: r for r in records}.values())
        results = await asyncio.gather(*(one(r) for r in unique), return_exceptions=True)
        kept = sum(1 for r in results if r is True)
        faults = [r for r in results if isinstance(r, BaseException)]
        if faults:
            if not kept and len(faults) == len(unique):
                raise faults[0]
            raise RecordsLost(kept, len(faults), faults[0])
        return kept

    async def read(self, since: datetime | None = None) -> list[Record]:
        oldest = cutoff(self.retention_days)
        if since is not None and since > oldest:
            oldest = since
        try:
            names = [
                b.name async for b in self._container.list_blobs(name_starts_with=PREFIX)
                if (b.creation_time or b.last_modified) is None or (b.creation_time or b.last_modified) >= oldest
            ]
        except AzureError as exc:
            if is_missing_container(exc):
                return []
            raise translate(exc, "listing records") from exc
        gate = asyncio.Semaphore(_READ_AT_ONCE)

        async def one(name: str) -> Record | None:
            async with gate:
                try:
                    data = await (await self._container.get_blob_client(name).download_blob()).readall()
                    return Record.from_json(json.loads(data))
                except (ValueError, KeyError, TypeError):
                    return None
                except AzureError as exc:
                    raise translate(exc, "reading a record") from exc

        records = [r for r in await asyncio.gather(*(one(n) for n in names)) if r is not None and r.when >= oldest]
        return sorted(records, key=lambda r: r.time)

    async def prune(self) -> int:
        self._pruned_at = time.monotonic()
        oldest = cutoff(self.retention_days)
        gone = 0
        try:
            async for b in self._container.list_blobs(name_starts_with=PREFIX):
                created = b.creation_time or b.last_modified
                if created is not None and created < oldest:
                    await self._container.delete_blob(b.name)
                    gone += 1
        except AzureError as exc:
            if is_missing_container(exc):
                return gone
            raise translate(exc, "deleting old records") from exc
        if gone:
            log.info("records: %d past the %d-day retention deleted", gone, self.retention_days)
        return gone

    async def close(self) -> None:
        if self._prune_task is not None and not self._prune_task.done():
            self._prune_task.cancel()
        await self._service.close()

    async def _ensure_container(self) -> None:
        if self._container_ready:
            return
        try:
            await asyncio.wait_for(self._container.create_container(), self._timeout * 2)
        except ResourceExistsError:
            pass
        self._container_ready = True

    async def _prune_quietly(self) -> None:
        try:
            await self.prune()
        except Exception as exc:  # noqa: BLE001 - retention runs again tomorrow; a turn never waits on it
            log.warning("records: pruning failed: %s", exc)
