"""The loaded catalog and its lookup indexes.

Indexes are built once at load time so that every question is answered with
dictionary look-ups; nothing on the per-question path scans the whole catalog
for a number.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from pathlib import Path
from typing import Iterable

from .loader import load_entries
from .schema import Entry, Source


class Catalog:
    def __init__(self, sources: dict[str, Source], entries: Iterable[Entry]):
        self.sources: dict[str, Source] = dict(sources)
        self.entries: tuple[Entry, ...] = tuple(entries)
        by_code: dict[int, list[Entry]] = defaultdict(list)
        by_reported: dict[int, list[Entry]] = defaultdict(list)  # Entry.reported_as
        by_subcode: dict[int, list[Entry]] = defaultdict(list)
        by_pair: dict[tuple[int | None, int | None], list[Entry]] = defaultdict(list)
        by_string: dict[str, list[Entry]] = defaultdict(list)
        by_source: dict[str, list[Entry]] = defaultdict(list)
        self.by_identity: dict[tuple, Entry] = {}
        for e in self.entries:
            if e.code is not None:
                by_code[e.code].append(e)
            for status in e.reported_as:
                by_reported[status].append(e)
            if e.subcode is not None:
                by_subcode[e.subcode].append(e)
            if e.code is not None or e.subcode is not None:
                by_pair[(e.code, e.subcode)].append(e)
            if e.string_code:
                by_string[e.string_code.lower()].append(e)
            by_source[e.source].append(e)
            self.by_identity[e.identity] = e
        freeze = lambda d: {k: tuple(v) for k, v in d.items()}  # noqa: E731
        self.by_code = freeze(by_code)
        self.by_reported = freeze(by_reported)
        self.by_subcode = freeze(by_subcode)
        self.by_pair = freeze(by_pair)
        self.by_string_code = freeze(by_string)
        self.by_source = freeze(by_source)

    @classmethod
    def load(cls, paths: Iterable[Path] | None = None) -> "Catalog":
        sources, entries = load_entries(paths)
        return cls(sources, entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, source: str, code: int | None = None, subcode: int | None = None, key: str | None = None) -> Entry | None:
        """The entry with this identity, or None."""
        if code is None and subcode is None:
            return self.by_identity.get((source, key))
        return self.by_identity.get((source, code, subcode))

    @cached_property
    def matcher(self):
        from .match import Matcher

        return Matcher(self)

    def explain(self, question: str, context: str | None = None):
        """Answer one question: see catalog.match for how."""
        return self.matcher.explain(question, context=context)
