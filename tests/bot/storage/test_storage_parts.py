"""The storage parts on their own: what a record keeps, what the memory forgets, how a lost race is replayed."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest

from botbuilder.core import MemoryStorage

from bot.config import BotConfig, ConfigError
from bot.storage.bounded_memory import BoundedMemoryStorage
from bot.storage.errors import StateConflict
from bot.storage.records import EntryRef, Record, new_record, now
from bot.storage.records_file import RecordFile
from bot.storage.reload_retry import ReloadOnConflictStorage, replay
from bot.storage.scrub import scrub


def run(coro):
    return asyncio.run(coro)


# ---------------------------------------------------------------- scrubbing


@pytest.mark.parametrize("question, kept, gone", [
    ("jane.doe@contoso.com gets 403 in chat", "<email> gets 403 in chat", "jane.doe"),
    ("call +1 425 555 0100 failed with 487", "call <phone> failed with 487", "555"),
    ("(425) 555-0100 cannot be reached", "<phone> cannot be reached", "0100"),
    ("tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 gets 401", "tenant <guid> gets 401", "72f988bf"),
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig", "Authorization: <token>", "eyJ"),
    ("AccountName=acme;AccountKey=abc+/def==;EndpointSuffix=core.windows.net",
     "AccountName=acme;AccountKey=<secret>;EndpointSuffix=core.windows.net", "abc+/def"),
    ("password: hunter2 and still 401", "password=<secret> and still 401", "hunter2"),
    ("key sk0123456789abcdefghijklmnopqrstuvwxyz rejected", "key <token> rejected", "sk0123"),
])
def test_personal_data_and_secrets_are_replaced_by_their_kind(question, kept, gone):
    assert scrub(question) == kept
    assert gone not in scrub(question)


@pytest.mark.parametrize("question", [
    "call ended with 487 / 0", "what is subcode 560000", "sms 4007", "error 0x80070005 at 2026-11-22T03:00:01Z",
])
def test_error_codes_and_timestamps_stay(question):
    assert scrub(question) == question


# ---------------------------------------------------------------- bounded memory


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_memory_keeps_at_most_the_configured_conversations_least_recent_first_out():
    store = BoundedMemoryStorage(max_items=2, idle_seconds=3600)
    run(store.write({"a": {"p": 1}}))
    run(store.write({"b": {"p": 2}}))
    run(store.read(["a"]))  # a was used more recently than b
    run(store.write({"c": {"p": 3}}))
    assert sorted(run(store.read(["a", "b", "c"]))) == ["a", "c"]


def test_memory_forgets_a_conversation_idle_past_the_limit():
    clock = Clock()
    store = BoundedMemoryStorage(max_items=10, idle_seconds=60, clock=clock)
    run(store.write({"quiet": {"p": 1}, "busy": {"p": 2}}))
    clock.now = 50
    run(store.read(["busy"]))
    clock.now = 70
    assert list(run(store.read(["quiet", "busy"]))) == ["busy"]


def test_memory_answers_writes_as_the_sdks_memory_storage_does():
    """Same stored values, same ETags, same refusals; a conflict in our words (StateConflict)."""
    ours, sdks = BoundedMemoryStorage(), MemoryStorage()
    steps = [
        {"c": {"last_source": "acs-chat", "nested": {"list": [1, 2.5, None, True]}}},
        {"c": {"last_source": "acs-sms", "e_tag": "*"}},
        {"d": {"greeted": True, "big": 2**70, "e_tag": "7"}},  # an int past 64 bits: copied the slow way
    ]
    for change in steps:
        run(ours.write(change))
        run(sdks.write(change))
        assert ours.memory == sdks.memory
    for store in (ours, sdks):
        item = run(store.read(["c"]))["c"]
        run(store.write({"c": dict(item, last_source="acs-calling")}))  # the ETag it read: accepted, a new one set
    assert ours.memory == sdks.memory and ours.memory["c"]["e_tag"] not in (None, "*")
    with pytest.raises(KeyError):
        run(sdks.write({"c": {"e_tag": "stale"}}))
    with pytest.raises(StateConflict):
        run(ours.write({"c": {"e_tag": "stale"}}))
    with pytest.raises(Exception, match="etag missing"):
        run(ours.write({"c": {"e_tag": ""}}))
    change = {"c": {"kept": ["apart"], "e_tag": "*"}}
    run(ours.write(change))
    change["c"]["kept"].append("changed later")  # the store keeps its own copy
    assert run(ours.read(["c"]))["c"]["kept"] == ["apart"]


def test_the_bounds_are_settings():
    config = BotConfig.from_env({"BOT_STATE_MAX_CONVERSATIONS": "500", "BOT_STATE_IDLE_MINUTES": "30"})
    assert (config.storage.max_conversations, config.storage.idle_minutes) == (500, 30)


@pytest.mark.parametrize("env, says", [
    ({"BOT_STORAGE": "cosmos"}, "BOT_STORAGE='cosmos' is not one of memory, blob"),
    ({"BOT_STORAGE": "blob"}, "needs BOT_STORAGE_CONNECTION_STRING"),
    ({"BOT_STORAGE": "blob", "BOT_STORAGE_CONNECTION_STRING": "x", "BOT_STORAGE_CONTAINER": "Bad_Name"}, "is not a container name"),
    ({"BOT_RECORDS_RETENTION_DAYS": "0"}, "out of range"),
    ({"BOT_WORKERS": "many"}, "is not a whole number"),
])
def test_storage_settings_that_cannot_work_are_refused_before_serving(env, says):
    with pytest.raises(ConfigError, match=says.replace("(", r"\(").replace(")", r"\)")):
        BotConfig.from_env(env)


# ---------------------------------------------------------------- a lost race, replayed


def test_replay_keeps_the_other_writers_properties_and_this_turns_changes():
    read = {"last_source": "acs-chat", "greeted": False, "e_tag": "1"}
    mine = {"last_source": "bot-service", "greeted": False, "e_tag": "1"}  # this turn changed the product
    current = {"last_source": "acs-chat", "greeted": True, "e_tag": "2"}  # the other turn greeted
    assert replay(read, mine, current) == {"last_source": "bot-service", "greeted": True, "e_tag": "2"}


def test_replay_without_what_was_read_lets_the_later_turn_win_whole():
    assert replay(None, {"a": 1, "e_tag": "1"}, {"a": 0, "b": 2, "e_tag": "3"}) == {"a": 1, "b": 2, "e_tag": "3"}


class RacingStore(BoundedMemoryStorage):
    """A store whose ETags change on every write, with one write slipped in by 'another instance'."""

    def __init__(self):
        super().__init__()
        self.version = 0
        self.intruder: dict | None = None

    async def read(self, keys):
        return {k: dict(self.memory[k]) for k in keys if k in self.memory}

    async def write(self, changes):
        if self.intruder is not None:
            intruder, self.intruder = self.intruder, None
            await self.write(intruder)
        for key, item in changes.items():
            stored = self.memory.get(key)
            if stored is not None and item.get("e_tag") != stored.get("e_tag"):
                raise StateConflict(key)
            self.version += 1
            self.memory[key] = dict(item, e_tag=str(self.version))


def test_a_write_that_lost_the_race_is_replayed_onto_the_winner():
    inner = RacingStore()
    store = ReloadOnConflictStorage(inner)
    run(store.write({"c": {"greeted": False}}))
    state = run(store.read(["c"]))["c"]
    state["last_source"] = "acs-call-end"  # this turn's change
    inner.intruder = {"c": {"greeted": True, "e_tag": state["e_tag"]}}  # another instance greets meanwhile
    run(store.write({"c": state}))
    final = inner.memory["c"]
    assert (final["greeted"], final["last_source"]) == (True, "acs-call-end")
    assert store.conflicts == 1


# ---------------------------------------------------------------- the local records file


def record(activity_id: str, days_ago: float = 0, question: str = "my toaster is on fire"):
    return new_record(kind="question", decision="none", channel="msteams", conversation="conv-1",
                      activity_id=activity_id, question=question, at=now() - timedelta(days=days_ago))


def test_the_file_keeps_one_record_per_activity_even_across_processes(tmp_path):
    one, other = RecordFile(tmp_path / "records.jsonl"), RecordFile(tmp_path / "records.jsonl")
    assert run(one.add(record("act-1"))) is True
    assert run(other.add(record("act-1"))) is False  # another worker sees the first one's line
    assert run(other.add(record("act-2"))) is True
    assert run(one.add(record("act-2"))) is False
    assert [r.question for r in run(one.read())] == ["my toaster is on fire"] * 2


def test_records_past_the_retention_are_deleted_and_never_reported(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(record(f"old-{i}", days_ago=91).to_json()) + "\n" for i in range(3)))
    store = RecordFile(path, retention_days=90)
    assert run(store.read()) == []
    run(store.add(record("new")))  # the first write of a process prunes
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == [record("new").id]


def test_a_line_broken_by_a_crash_is_skipped(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record("a").to_json()) + "\n" + '{"id": "half' + "\n")
    store = RecordFile(path)
    assert run(store.add(record("b"))) is True
    assert len(run(store.read())) == 2


def test_a_file_replaced_by_another_process_prune_or_deleted_still_gets_the_next_record(tmp_path):
    path = tmp_path / "records.jsonl"
    writer, pruner = RecordFile(path), RecordFile(path, retention_days=90)
    assert run(writer.add(record("a"))) is True  # the writer now holds the file open
    path.write_text(path.read_text() + json.dumps(record("old", days_ago=91).to_json()) + "\n")
    assert run(pruner.prune()) == 1  # the file is replaced by a new one
    assert run(writer.add(record("b"))) is True
    path.unlink()  # an operator clears the records
    assert run(writer.add(record("c"))) is True
    assert run(writer.add(record("c"))) is False  # a retry of the same activity still adds nothing
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == [record("c").id]
    run(writer.close())


def test_a_record_reads_back_as_it_was_written(tmp_path):
    kept = new_record(kind="question", decision="ambiguous", channel="msteams", conversation="conv-1",
                      activity_id="act-1", question="what is 404",
                      entries=(EntryRef("acs-chat", 404), EntryRef("bot-connector", 404, 0), EntryRef("graph", key="k")))
    line = json.dumps(kept.to_json())
    assert json.loads(line)["entries"] == [{"source": "acs-chat", "code": 404},
                                           {"source": "bot-connector", "code": 404, "subcode": 0},
                                           {"source": "graph", "key": "k"}]
    assert Record.from_json(json.loads(line)) == kept


@pytest.mark.parametrize("question, entries", [
    ("what is 404", (EntryRef("acs-chat", 404), EntryRef("graph", key="k"))),
    ("Grüße, \"quoted\" \\ and a tab\t 😀", ()),
])
def test_a_records_text_is_what_json_dumps_writes(question, entries):
    kept = new_record(kind="question", decision="none", channel="webchat", conversation="c", activity_id="a",
                      question=question, entries=entries)
    assert kept.to_json_text() == json.dumps(kept.to_json(), ensure_ascii=False)
