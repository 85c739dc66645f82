"""From the bot's events to records: what the conversation calls, and why it can never fail a turn.

The conversation hands over the activity and what it decided; this module
picks the fields a record keeps (bot/storage/records.py) and queues it for
the writer (bot/storage/records_writer.py), which stores it off the turn. A
record is worth less than the user's answer: building it is plain Python, and
whatever goes wrong while storing it is logged and counted by the writer; the
user never hears of it.
"""

from __future__ import annotations

import logging

from .records import EntryRef, Record, new_record
from .records_writer import RecordWriter

log = logging.getLogger("bot.records")

MAX_ENTRIES = 5  # the candidates a record names: the report needs the nearest few
KEPT_DECISIONS = 1024  # decisions whose entries are kept (see TurnRecorder._entries_of)


class TurnRecorder:
    def __init__(self, writer: RecordWriter):
        self.writer = writer
        self._entries: dict[int, tuple[object, tuple[EntryRef, ...]]] = {}  # id(decision) -> (decision, entries)

    def feedback(self, activity, *, source: str, code: int | None, subcode: int | None,
                       key: str | None, helpful: bool, query: str | None) -> None:
        """A Helpful / Not helpful click on an answer card."""
        self._keep(new_record(
            kind="feedback",
            decision="helpful" if helpful else "not_helpful",
            channel=activity.channel_id,
            conversation=_conversation_id(activity),
            activity_id=activity.id,
            question=query,
            entries=(EntryRef(source, code, subcode, key),),
        ))

    def unanswered(self, activity, decision) -> None:
        """A question answered with "none" (nothing found) or "ambiguous" (a choice offered)."""
        if decision.status not in ("none", "ambiguous"):
            return
        self._keep(new_record(
            kind="question",
            decision=decision.status,
            channel=activity.channel_id,
            conversation=_conversation_id(activity),
            activity_id=activity.id,
            question=decision.query,
            entries=self._entries_of(decision),
        ))

    def _entries_of(self, decision) -> tuple[EntryRef, ...]:
        """The entries a record of `decision` names; kept for the last decisions seen.

        The answer cache hands back the same Decision object for a repeated question,
        so a repeated unanswered question finds its entries here, already built.
        """
        kept = self._entries.get(id(decision))
        if kept is not None and kept[0] is decision:  # the decision is held, so its id is not reused
            return kept[1]
        entries = tuple(
            EntryRef(m.entry.source, m.entry.code, m.entry.subcode, m.entry.key) for m in decision.matches[:MAX_ENTRIES]
        )
        self._entries[id(decision)] = (decision, entries)
        if len(self._entries) > KEPT_DECISIONS:
            self._entries.pop(next(iter(self._entries)))
        return entries

    def summary(self) -> dict:
        return self.writer.summary()

    def start(self) -> None:
        """Start writing (in the process that serves: the app's on_startup)."""
        self.writer.start()

    async def close(self) -> None:
        """Write what is queued and close the store (the app's on_cleanup, after the drain)."""
        await self.writer.close()

    def _keep(self, record: Record) -> None:
        try:
            self.writer.put(record)
        except Exception as exc:  # noqa: BLE001 - see the module's docstring
            log.warning("a %s record could not be queued: %s", record.kind, exc)


def _conversation_id(activity) -> str | None:
    return activity.conversation.id if activity.conversation is not None else None
