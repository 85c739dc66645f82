"""When one message names several errors: which problems they are, and which to act on first.

A pasted log or error payload often names one problem twice: an HTTP status
and the payload's own code for it (502 and ``upstream_error``). Such a status
is folded into the specific entry of the same source whose ``http_status`` it
is, so one problem gets one card. The problems are then ordered by whose side
they are on (category.Kind.rank: fixable-now first), keeping the message's
order among equals, and the summary card names the first one to act on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from catalog.decision import Match
from catalog.schema import Source

from .category import CLIENT, SERVER, UNKNOWN, kind_of
from .layout import adaptive_card, paragraph, short_product
from .rows import entry_code, entry_row
from .text import plain

MAX_ROWS = 8


def _is_bare_status(match: Match) -> bool:
    e = match.entry
    return e.code is not None and e.subcode is None and not e.string_code


def problems(matches: Sequence[Match]) -> list[Match]:
    """The matches minus HTTP statuses another match of the same source explains, in the order to act on them."""
    explained = {(m.entry.source, m.entry.http_status) for m in matches
                 if m.entry.http_status is not None and m.entry.code is None}
    kept = [m for m in matches if not (_is_bare_status(m) and (m.entry.source, m.entry.code) in explained)]
    return sorted(kept, key=lambda m: kind_of(m.entry).rank)  # sorted() is stable


def _detail(match: Match, sources: Mapping[str, Source]) -> str:
    parts = [short_product(match.entry, sources)]
    if match.entry.http_status is not None and match.entry.http_status != match.entry.code:
        parts.append(f"HTTP {match.entry.http_status}")
    kind = kind_of(match.entry)
    if kind is not UNKNOWN:
        parts.append(kind.words)
    return " · ".join(parts)


def summary_card(ordered: Sequence[Match], sources: Mapping[str, Source]) -> dict:
    first = ordered[0].entry
    name = entry_code(first) or first.title
    kind = kind_of(first)
    why = f", a {kind.words.lower()}" if kind in (CLIENT, SERVER) else ""
    head = f"Your message names {len(ordered)} errors. Act on {plain(name, 60)} first{why}."
    body: list[dict] = [paragraph(head, weight="Bolder")]
    lines = [head]
    for i, match in enumerate(ordered[:MAX_ROWS]):
        detail = _detail(match, sources)
        body.append(entry_row(match.entry, sources, detail=detail, first=i == 0))
        lines.append(f"{i + 1}. {entry_code(match.entry) or '-'} {match.entry.title} ({detail})")
    if len(ordered) > MAX_ROWS:
        body.append(paragraph(f"…and {len(ordered) - MAX_ROWS} more.", isSubtle=True, size="Small"))
    return adaptive_card(body, fallback="\n".join(lines), full_width=True)
