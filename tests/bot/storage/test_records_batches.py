"""Records leave the turn through a queue and reach the store in batches (bot/storage/records_writer.py).

What an operator relies on: a record is in the file within the flush interval
and when the server stops (SIGTERM included), one record per activity however
often a channel retries it, a full queue or a failing store costs records
(counted, logged once) and never a turn.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import time
from pathlib import Path

import pytest

from bot.config import BotConfig
from bot.storage.recorder import TurnRecorder
from bot.storage.records import new_record
from bot.storage.records_file import RecordFile
from bot.storage.records_writer import RecordWriter
from tests.support.bot_server import conversation_id
from tests.support.storage_turns import ask


def record(activity_id: str, question: str = "my toaster is on fire"):
    return new_record(kind="question", decision="none", channel="msteams", conversation="conv-1",
                      activity_id=activity_id, question=question)


def ids_in(path: Path) -> list[str]:
    """The ids of the complete lines: the writer's thread may be half-way through a batch's write."""
    if not path.exists():
        return []
    return [json.loads(line)["id"] for line in path.read_text().split("\n")[:-1]]


class CountingFile(RecordFile):
    """The file store, counting the batches it is handed."""

    batches = 0

    async def add_many(self, records):
        self.batches += 1
        return await super().add_many(records)


class BrokenStore:
    """A store that fails until it is mended (a full disk, a storage account that is down)."""

    def __init__(self, path: Path):
        self.broken = True
        self.file = RecordFile(path)

    async def add_many(self, records):
        if self.broken:
            raise OSError(28, "No space left on device")
        return await self.file.add_many(records)

    async def close(self):
        await self.file.close()
        if self.broken:
            raise OSError(5, "Input/output error")


# ---------------------------------------------------------------- batches, in process


def test_records_queued_by_turns_are_in_the_file_within_the_flush_interval_in_one_append(tmp_path):
    path = tmp_path / "records.jsonl"
    store = CountingFile(path)

    async def scenario():
        writer = RecordWriter(store, flush_seconds=0.2)
        writer.start()
        for i in range(3):
            writer.put(record(f"act-{i}"))
        assert ids_in(path) == []  # queued: the turn wrote nothing
        deadline = time.monotonic() + 5
        while len(ids_in(path)) < 3 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert ids_in(path) == [record(f"act-{i}").id for i in range(3)]
        assert store.batches == 1
        assert writer.summary() == {"written": 3, "failed": 0, "dropped": 0, "queued": 0}
        await writer.close()

    asyncio.run(scenario())


def test_a_retried_activity_gives_one_record_in_one_batch_across_batches_and_across_a_restart(tmp_path):
    path = tmp_path / "records.jsonl"

    async def scenario():
        writer = RecordWriter(RecordFile(path))
        writer.put(record("act-1"))
        writer.put(record("act-1"))  # the retry arrives while the first is still queued
        assert writer.queued == 1
        await writer.flush()
        writer.put(record("act-1"))  # and once it is written
        writer.put(record("act-2"))
        await writer.flush()
        await writer.close()
        restarted = RecordWriter(RecordFile(path))  # the next process
        restarted.put(record("act-2"))
        await restarted.close()
        return writer.written, restarted.written

    assert asyncio.run(scenario()) == (2, 0)
    assert ids_in(path) == [record("act-1").id, record("act-2").id]


def test_a_full_queue_drops_the_newest_records_counts_them_and_warns_once(tmp_path, caplog):
    path = tmp_path / "records.jsonl"

    async def scenario():
        writer = RecordWriter(RecordFile(path), max_queued=3)
        for i in range(5):
            writer.put(record(f"act-{i}"))  # never blocks, never raises
        assert writer.summary()["dropped"] == 2 and writer.queued == 3
        with caplog.at_level(logging.WARNING, logger="bot.records"):
            await writer.flush()
            writer.put(record("act-5"))
            await writer.flush()  # nothing dropped since: nothing more to say
        await writer.close()

    asyncio.run(scenario())
    assert ids_in(path) == [record(f"act-{i}").id for i in (0, 1, 2, 5)]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "2 dropped" in warnings[0]


def test_a_store_fault_costs_that_batch_only_logged_once_and_writing_resumes(tmp_path, caplog):
    path = tmp_path / "records.jsonl"
    store = BrokenStore(path)

    async def scenario():
        writer = RecordWriter(store)
        with caplog.at_level(logging.INFO, logger="bot.records"):
            for batch in range(3):
                writer.put(record(f"lost-{batch}"))
                await writer.flush()
            store.broken = False
            writer.put(record("kept"))
            await writer.flush()
        await writer.close()
        return writer.summary()

    assert asyncio.run(scenario()) == {"written": 1, "failed": 3, "dropped": 0, "queued": 0}
    assert ids_in(path) == [record("kept").id]
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.records"]
    assert [level for level, _ in said] == ["WARNING", "INFO"]
    assert "No space left" in said[0][1] and "3 lost" in said[1][1]


# ---------------------------------------------------------------- the server


def test_a_failing_records_store_never_costs_a_turn(serve_app, sink, tmp_path, caplog):
    from bot.web.app import create_app

    store = BrokenStore(tmp_path / "records.jsonl")
    recorder = TurnRecorder(RecordWriter(store, flush_seconds=0.05))
    server = serve_app(create_app(BotConfig(), records=recorder))
    with caplog.at_level(logging.WARNING, logger="bot.records"):
        for i in range(4):
            reply = ask(server, sink, f"my toaster shows error E-{i}", conversation_id())
            assert "E-" in json.dumps(reply)  # the nothing-found answer, every time
            time.sleep(0.1)  # a flush (and its fault) between the questions
    records = server.health()["records"]
    assert records["failed"] == 4 and records["written"] == 0
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1


def test_a_store_that_fails_to_close_does_not_stop_the_server_from_stopping(tmp_path, caplog):
    async def scenario():
        writer = RecordWriter(BrokenStore(tmp_path / "records.jsonl"))
        writer.put(record("lost"))
        await writer.close()  # the flush fails, then the close: both logged, neither raised
        return writer.summary()

    with caplog.at_level(logging.WARNING, logger="bot.records"):
        assert asyncio.run(scenario())["failed"] == 1
    assert [r.getMessage() for r in caplog.records][-1].startswith("records: the store did not close cleanly")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigterm_writes_the_queued_records_before_the_process_exits(start_bot, sink, tmp_path, workers):
    path = tmp_path / "records.jsonl"
    bot = start_bot(env={"BOT_DATA_DIR": str(tmp_path), "BOT_RECORDS_FLUSH_SECONDS": "60", "BOT_WORKERS": workers})
    for i in range(6):
        ask(bot, sink, f"my toaster shows error E-{i}", conversation_id())
    assert ids_in(path) == []  # a minute to the next flush: all six are still queued
    bot.proc.send_signal(signal.SIGTERM)
    assert bot.proc.wait(30) == 0
    assert len(ids_in(path)) == 6


# ---------------------------------------------------------------- memory of ids


def test_only_the_last_days_record_ids_are_held_to_recognise_retries(tmp_path):
    """Channels retry within minutes: a process holds the ids of the last day's records, not 90 days' of them."""
    from dataclasses import replace
    from datetime import timedelta

    from bot.storage.records import now
    from bot.storage.records_file import RETRY_WINDOW

    path = tmp_path / "records.jsonl"
    old_time = (now() - RETRY_WINDOW - timedelta(hours=1)).isoformat(timespec="seconds")
    old = [replace(record(f"old-{i}"), time=old_time) for i in range(50)]

    async def scenario():
        first = RecordFile(path)
        assert await first.add_many(old + [record("recent")]) == 51
        restarted = RecordFile(path)  # the next process reads the file to recognise retries
        assert await restarted.add_many([record("recent"), record("new")]) == 1  # "recent" is a retry
        assert restarted.remembered_ids == 2  # recent and new; the old ones are in the file, not in memory
        assert len(await restarted.read()) == 52  # and still reported

    asyncio.run(scenario())
