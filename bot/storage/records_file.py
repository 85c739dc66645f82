"""Records in one JSON-lines file under the data directory: the default, no service needed.

Several processes may append to the file at once (gunicorn workers, the bot
and a pruning run), so every change happens under an exclusive flock, and
each process first reads what the others appended since its last look: that
is how a retried activity is recognised even when another worker recorded it.
Pruning (records past the retention) rewrites the file and replaces it
atomically; the other processes notice the new file and read it again.

Only the ids of the last day's records are kept in memory for that check
(RETRY_WINDOW): channels retry an activity within minutes, and the ids of
90 days of records would otherwise grow a busy bot's memory without end.

The bot appends a batch at a time (what queued up in about a second, see
records_writer.py): one lock, one stat and one write(2) per batch, in a thread
off the event loop. The file stays open between appends (its path is checked
on each one, so a replaced or deleted file is opened again).
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import logging
import os
import time
from datetime import datetime, timedelta
from pathlib import Path

from .records import Record, cutoff, now

log = logging.getLogger("bot.records")

PRUNE_EVERY_SECONDS = 24 * 3600
RETRY_WINDOW = timedelta(hours=24)  # a retried activity older than this may be recorded again
FORGET_EVERY_SECONDS = 3600


class RecordFile:
    def __init__(self, path: Path, retention_days: int = 90):
        self.path = Path(path)
        self.retention_days = retention_days
        self._seen: dict[str, datetime] = {}  # id -> when, for records within RETRY_WINDOW
        self._forgot_at = time.monotonic()
        self._file_id: tuple[int, int] | None = None  # (device, inode) of the file _seen was read from
        self._offset = 0
        self._pruned_at: float | None = None
        self._append = None  # the file, open for appending (see _locked_file)
        self._append_id: tuple[int, int] | None = None  # its (device, inode)

    async def add(self, record: Record) -> bool:
        """Append the record, unless a record with its id is already in the file (a retried activity)."""
        return await self.add_many([record]) == 1

    async def add_many(self, records: list[Record]) -> int:
        """Append those of `records` not in the file yet, with one lock and one write; how many.

        The bot's writer (records_writer.py) hands over what queued up in a
        second, so the lock, the stat and the write are paid once per batch, in
        a thread: waiting for another process's lock, a slow disk or the first
        read of a large file (the day's prune, the ids already kept) never
        holds up the event loop, and one hand-over per batch costs little.
        Only the writer calls this, one batch at a time.
        """
        return await asyncio.to_thread(self._add_many, records)

    def _add_many(self, records: list[Record]) -> int:
        if self._pruned_at is None or time.monotonic() - self._pruned_at > PRUNE_EVERY_SECONDS:
            self._prune()
        if time.monotonic() - self._forgot_at > FORGET_EVERY_SECONDS:
            self._forget_old()
        lines, whens = {}, {}
        for record in records:
            if record.id not in lines:
                lines[record.id] = record.to_json_text() + "\n"
                whens[record.id] = record.when
        f, st = self._locked_file()
        try:
            self._catch_up(f, st)
            fresh = [rid for rid in lines if rid not in self._seen]
            if not fresh:
                return 0
            data = "".join(lines[rid] for rid in fresh).encode("utf-8")
            written = f.write(data)  # unbuffered and O_APPEND: at the end, nearly always all of it at once
            while written < len(data):
                written += f.write(data[written:])
            self._seen.update((rid, whens[rid]) for rid in fresh)
            self._offset = st.st_size + len(data)  # appended under the lock: nobody wrote in between
            return len(fresh)
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)

    def _locked_file(self):
        """The file for appending, open (it stays open between records) and locked exclusively.

        Kept open, the file costs one stat of its path per record instead of a
        mkdir, an open and a close. The stat, taken once the lock is held, tells
        whether the path still names the open file: when a prune (of this
        process or another) replaced it, or someone deleted it, it is opened
        again, so a record never goes into a file nobody will read.
        """
        while True:
            f = self._append
            if f is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Unbuffered: a record is one write(2), with no flush or seek around it.
                f = self._append = open(self.path, "ab+", buffering=0)
                mine = os.fstat(f.fileno())
                self._append_id = (mine.st_dev, mine.st_ino)
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                on_disk = os.stat(self.path)
            except FileNotFoundError:
                on_disk = None
            if on_disk is not None and (on_disk.st_dev, on_disk.st_ino) == self._append_id:
                return f, on_disk
            fcntl.flock(f, fcntl.LOCK_UN)
            f.close()
            self._append = None

    async def read(self, since: datetime | None = None) -> list[Record]:
        if not self.path.exists():
            return []
        oldest = cutoff(self.retention_days)
        if since is not None and since > oldest:
            oldest = since
        with open(self.path, "rb") as f:
            fcntl.flock(f, fcntl.LOCK_SH)
            try:
                lines = f.read().splitlines()
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)
        records = {}
        for record in _parse(lines):
            if record.when >= oldest:
                records.setdefault(record.id, record)
        return sorted(records.values(), key=lambda r: r.time)

    async def prune(self) -> int:
        return await asyncio.to_thread(self._prune)

    def _prune(self) -> int:
        self._pruned_at = time.monotonic()
        if not self.path.exists():
            return 0
        oldest = cutoff(self.retention_days)
        with open(self.path, "rb+") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                lines = f.read().splitlines()
                kept = [line for line, record in zip(lines, _parse(lines, keep_broken=True)) if record is None or record.when >= oldest]
                gone = len(lines) - len(kept)
                if gone:
                    tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
                    tmp.write_bytes(b"".join(line + b"\n" for line in kept))
                    os.replace(tmp, self.path)  # other processes see a new inode and read it again
                    log.info("records: %d past the %d-day retention deleted", gone, self.retention_days)
                return gone
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    async def close(self) -> None:
        if self._append is not None:
            self._append.close()
            self._append = None

    @property
    def remembered_ids(self) -> int:
        """How many record ids this process holds to recognise a retry (those within RETRY_WINDOW)."""
        return len(self._seen)

    def _forget_old(self) -> None:
        """Drop the ids of records older than RETRY_WINDOW (checked about hourly)."""
        self._forgot_at = time.monotonic()
        horizon = now() - RETRY_WINDOW
        self._seen = {rid: when for rid, when in self._seen.items() if when >= horizon}

    def _catch_up(self, f, st: os.stat_result) -> None:
        """Read the ids appended since this process last looked (by any process); `st` is the locked file's stat."""
        if (st.st_dev, st.st_ino) != self._file_id or st.st_size < self._offset:
            self._file_id, self._offset = (st.st_dev, st.st_ino), 0
            self._seen.clear()
        if st.st_size == self._offset:
            return
        f.seek(self._offset)
        chunk = f.read()
        end = chunk.rfind(b"\n") + 1  # a line still being written elsewhere is read next time
        horizon = now() - RETRY_WINDOW
        for record in _parse(chunk[:end].splitlines()):
            when = record.when
            if when >= horizon:
                self._seen[record.id] = when
        self._offset += end
        f.seek(0, os.SEEK_END)


def _parse(lines: list[bytes], keep_broken: bool = False):
    """Records from JSON lines; a broken line (a crash mid-write) is skipped, or yielded as None."""
    for line in lines:
        try:
            yield Record.from_json(json.loads(line))
        except (ValueError, KeyError, TypeError):
            if keep_broken and line.strip():
                yield None
