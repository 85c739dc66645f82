"""Records of what users told the bot without saying it to a person: feedback clicks and unanswered questions.

One record per activity (a Helpful / Not helpful click, or a question the bot
answered with "none" or "ambiguous"): when, which channel, which conversation
(hashed: the report needs "same conversation", never "whose"), the decision,
the catalog entries involved, and the question with personal data and secrets
scrubbed (bot/storage/scrub.py). The record's id is derived from the channel,
conversation and activity id, so a channel's retry of the same activity (Teams
retries when a reply is slow) finds its record already there and adds nothing.

Two stores with one interface: a local JSON-lines file (the default, see
records_file.py) and blobs in the state's container (records_blob.py). The
bot hands its records to them in batches, off the turn (records_writer.py).
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal, Protocol

from .scrub import scrub

Kind = Literal["feedback", "question"]
# feedback: helpful / not_helpful; question: none / ambiguous
DecisionKind = Literal["helpful", "not_helpful", "none", "ambiguous"]

MAX_QUESTION_CHARS = 500  # a record keeps the start of a long paste; the report needs no more

# Questions repeat (that is why the bot keeps an answer cache), and scrubbing one runs nine
# regular expressions over it: the last scrubbed questions are remembered, as the answer cache
# remembers them (in this process's memory only, never written unscrubbed).
_scrubbed = functools.lru_cache(maxsize=1024)(scrub)


@dataclass(frozen=True)
class EntryRef:
    """A catalog entry as records name it (the identity the cards' buttons carry)."""

    source: str
    code: int | None = None
    subcode: int | None = None
    key: str | None = None

    def to_json(self) -> dict:
        """Its fields, those that are None left out."""
        out = {"source": self.source}
        if self.code is not None:
            out["code"] = self.code
        if self.subcode is not None:
            out["subcode"] = self.subcode
        if self.key is not None:
            out["key"] = self.key
        return out


@dataclass(frozen=True)
class Record:
    id: str
    time: str  # ISO 8601, UTC
    kind: Kind
    decision: DecisionKind
    channel: str
    conversation: str  # a hash of the conversation id
    question: str  # scrubbed
    entries: tuple[EntryRef, ...] = field(default=())

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.time)

    def to_json_text(self) -> str:
        """json.dumps(self.to_json(), ensure_ascii=False), character for character, cheaper.

        The entries are the same few for every record of a repeated question: their
        JSON is remembered (see _entries_text) and spliced after the other fields, written as
        json.dumps writes them (", " and ": " separators).
        """
        head = _ENCODER.encode({
            "id": self.id, "time": self.time, "kind": self.kind, "decision": self.decision,
            "channel": self.channel, "conversation": self.conversation, "question": self.question,
        })
        return head[:-1] + ', "entries": ' + _entries_text(self.entries) + "}"

    def to_json(self) -> dict:
        # Spelled out rather than dataclasses.asdict, which deep-copies every field: a record is
        # written on every unanswered question, and asdict was most of its cost.
        return {
            "id": self.id, "time": self.time, "kind": self.kind, "decision": self.decision,
            "channel": self.channel, "conversation": self.conversation, "question": self.question,
            "entries": [e.to_json() for e in self.entries],
        }

    @classmethod
    def from_json(cls, data: dict) -> "Record":
        entries = tuple(
            EntryRef(e["source"], e.get("code"), e.get("subcode"), e.get("key"))
            for e in data.get("entries") or () if isinstance(e, dict) and isinstance(e.get("source"), str)
        )
        return cls(
            id=str(data["id"]), time=str(data["time"]), kind=data["kind"], decision=data["decision"],
            channel=str(data.get("channel") or ""), conversation=str(data.get("conversation") or ""),
            question=str(data.get("question") or ""), entries=entries,
        )


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False) builds one per call


_ENTRIES_KEPT = 1024
_entries_texts: dict[int, tuple[tuple, str]] = {}  # id(entries) -> (entries, their JSON)


def _entries_text(entries: tuple[EntryRef, ...]) -> str:
    """The JSON of a record's entries; kept for the last tuples seen (TurnRecorder reuses one per decision).

    Looked up by identity, not by value: hashing five dataclasses cost as much as writing them.
    """
    kept = _entries_texts.get(id(entries))
    if kept is not None and kept[0] is entries:  # the tuple is held, so its id is not reused
        return kept[1]
    text = _ENCODER.encode([e.to_json() for e in entries])
    _entries_texts[id(entries)] = (entries, text)
    if len(_entries_texts) > _ENTRIES_KEPT:
        _entries_texts.pop(next(iter(_entries_texts)))
    return text


def now() -> datetime:
    return datetime.now(timezone.utc)


def _time_text(at: datetime | None) -> str:
    """`at` (default: now) as a record writes it: ISO 8601 in UTC, to the second."""
    if at is not None:
        return at.astimezone(timezone.utc).isoformat(timespec="seconds")
    second = int(time.time())
    if second != _last_second[0]:  # the text changes once a second: worked out once a second
        _last_second[:] = [second, datetime.fromtimestamp(second, timezone.utc).isoformat(timespec="seconds")]
    return _last_second[1]


_last_second: list = [None, ""]


def record_id(channel: str | None, conversation: str | None, activity_id: str | None) -> str:
    """Stable for one activity (a retry maps to the same record); random when the activity has no id."""
    if not activity_id:
        return uuid.uuid4().hex
    return hashlib.sha256(f"{channel}\n{conversation}\n{activity_id}".encode()).hexdigest()[:32]


@functools.lru_cache(maxsize=1024)  # a conversation's records come in a row
def conversation_hash(conversation: str | None) -> str:
    return hashlib.sha256(f"conversation\n{conversation or ''}".encode()).hexdigest()[:16]


def new_record(
    *,
    kind: Kind,
    decision: DecisionKind,
    channel: str | None,
    conversation: str | None,
    activity_id: str | None,
    question: str | None,
    entries: tuple[EntryRef, ...] = (),
    at: datetime | None = None,
) -> Record:
    return Record(
        id=record_id(channel, conversation, activity_id),
        time=_time_text(at),
        kind=kind,
        decision=decision,
        channel=channel or "",
        conversation=conversation_hash(conversation),
        question=_scrubbed((question or "")[:MAX_QUESTION_CHARS]),
        entries=entries,
    )


def cutoff(retention_days: int, at: datetime | None = None) -> datetime:
    return (at or now()) - timedelta(days=retention_days)


class RecordsLost(Exception):
    """A batch the store kept only part of: `kept` went in, `lost` did not, because of `cause`."""

    def __init__(self, kept: int, lost: int, cause: BaseException):
        super().__init__(f"{lost} records not written: {cause}")
        self.kept, self.lost, self.cause = kept, lost, cause


class RecordStore(Protocol):
    async def add(self, record: Record) -> bool:
        """Keep the record; False when a record with its id is already kept."""

    async def add_many(self, records: list[Record]) -> int:
        """Keep those of `records` whose id is not kept yet, in as few writes as the store allows; how many.

        Raises RecordsLost when a fault lost only some of them, any other error when it lost all.
        """

    async def read(self, since: datetime | None = None) -> list[Record]:
        """The kept records (within retention) from `since` on, oldest first."""

    async def prune(self) -> int:
        """Delete the records past the retention; how many went."""

    async def close(self) -> None: ...
