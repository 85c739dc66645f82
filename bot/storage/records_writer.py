"""Records leave the turn through a queue: a writer task stores them in batches.

A record is worth less than the user's answer, and storing it cost the turn
about four system calls (a file lock among them) or a round trip to Blob
Storage: measurable on every unanswered question (docs/performance.md). So a
turn only puts its record in this queue (a dict insert, no system call), and
one task per server process writes what has queued up every `flush_seconds`,
or sooner when a batch has grown large, with one call of the store per batch
(RecordStore.add_many: one locked append for the file).

What this promises, and what it gives up:

* One record per activity still: a retry of an activity whose record is still
  queued (or being written) is recognised here; later retries by the store, as
  before (the file's ids, the blob's conditional create).
* The queue is bounded. A store slower than the traffic, for longer than the
  queue holds, loses the newest records, never a turn: they are counted
  (`dropped`) and one WARNING per flush says how many.
* A store fault costs the records of that batch, counted (`failed`) and logged
  once per spell of faults (WARNING when it starts, INFO when writing works again).
* Records are written when the server stops (close(), from the app's cleanup,
  after the drain), so a deploy or a SIGTERM loses nothing queued; a crash or a
  SIGKILL loses at most what queued since the last flush.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from .records import Record, RecordsLost, RecordStore

log = logging.getLogger("bot.records")

FLUSH_AT = 500  # queued records that wake the writer before its interval is up


class RecordWriter:
    def __init__(self, store: RecordStore, flush_seconds: float = 1.0, max_queued: int = 10_000):
        self.store = store
        self.flush_seconds = flush_seconds
        self.max_queued = max_queued
        self.written = 0  # records the store kept
        self.failed = 0  # records a store fault lost
        self.dropped = 0  # records refused because the queue was full
        self._queue: dict[str, Record] = {}  # by id: a retry still queued finds its first
        self._writing: dict[str, Record] = {}  # the batch being written (a retry meanwhile finds it here)
        self._dropped_unreported = 0
        self._failing = False  # in a spell of store faults (logged when it starts and when it ends)
        self._lost_in_spell = 0
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task | None = None
        self._closed = False
        self._flushing = asyncio.Lock()

    # ------------------------------------------------------------ the turn's side

    def put(self, record: Record) -> None:
        """Queue `record` for the writer: no I/O, never blocks, never raises."""
        if record.id in self._queue or record.id in self._writing:
            return  # the same activity again (a channel's retry): its record is on its way
        if len(self._queue) >= self.max_queued:
            self.dropped += 1
            self._dropped_unreported += 1
            return
        self._queue[record.id] = record
        if len(self._queue) >= FLUSH_AT and self._wake is not None:
            self._wake.set()

    @property
    def queued(self) -> int:
        return len(self._queue)

    # ------------------------------------------------------------ the server's side

    def start(self) -> None:
        """Start the writer task on the running loop (the app's on_startup: in each process that serves)."""
        if self._task is None or self._task.done():
            self._closed = False
            self._wake = asyncio.Event()
            self._task = asyncio.get_running_loop().create_task(self._run(), name="records-writer")

    async def close(self) -> None:
        """Stop the writer, write everything queued, close the store (the app's on_cleanup, after the drain)."""
        self._closed = True
        if self._task is not None:
            self._wake.set()
            await asyncio.gather(self._task, return_exceptions=True)  # _run does not raise; cancelled, it is done
            self._task = None
        await self.flush()
        if self.written or self.failed or self.dropped:
            log.info("records: %d written, %d lost to store faults, %d dropped (queue full) in this process",
                     self.written, self.failed, self.dropped)
        try:
            await self.store.close()
        except Exception as exc:  # noqa: BLE001 - the server's other clean-ups still run
            log.warning("records: the store did not close cleanly: %s", exc)

    async def flush(self) -> None:
        """Write what is queued now, in one batch; a fault is counted and logged, never raised."""
        async with self._flushing:
            self._report_drops()
            if not self._queue:
                return
            batch, self._queue = self._queue, {}
            self._writing = batch
            try:
                await self._write(batch.values())
            finally:
                self._writing = {}

    async def _run(self) -> None:
        while not self._closed:
            try:
                await asyncio.wait_for(self._wake.wait(), self.flush_seconds)
            except asyncio.TimeoutError:
                pass
            self._wake.clear()
            if self._closed:
                return  # close() writes the rest
            await self.flush()

    async def _write(self, batch: Iterable[Record]) -> None:
        records = list(batch)
        try:
            kept = await self.store.add_many(records)
        except RecordsLost as exc:
            self.written += exc.kept
            self._fault(exc.lost, exc.cause)
            return
        except Exception as exc:  # noqa: BLE001 - see the module's docstring
            self._fault(len(records), exc)
            return
        self.written += kept
        if self._failing:
            log.info("records: written again (%d lost while the store failed)", self._lost_in_spell)
            self._failing, self._lost_in_spell = False, 0

    def _fault(self, lost: int, exc: BaseException) -> None:
        self.failed += lost
        self._lost_in_spell += lost
        if not self._failing:
            self._failing = True
            log.warning("records: %d could not be written (%s); the next are tried, this is logged again "
                        "when writing works", lost, exc)

    def _report_drops(self) -> None:
        if self._dropped_unreported:
            log.warning("records: %d dropped, the queue of %d was full (the store is slower than the traffic)",
                        self._dropped_unreported, self.max_queued)
            self._dropped_unreported = 0

    def summary(self) -> dict:
        return {"written": self.written, "failed": self.failed, "dropped": self.dropped, "queued": self.queued}
