"""The card envelope every builder shares, and the size guarantee.

Teams refuses a message over about 28 KB, and a catalog entry or a pasted
question can be far longer than that. Rather than trusting every builder to
clip every field just right, each card passes through ``finish``, which clips
the longest texts until the whole card fits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from catalog.schema import Entry, Source

from .text import clip, plain

SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"  # the highest version Teams renders

# Measured as json.dumps with ASCII escapes and default separators, which is
# never smaller than what the Bot Framework SDK puts on the wire; the margin
# under 28 KB leaves room for the activity envelope around the card.
MAX_CARD_BYTES = 24 * 1024
FALLBACK_LIMIT = 1500


def card_bytes(card: dict) -> int:
    return len(json.dumps(card, ensure_ascii=True))


def adaptive_card(
    body: list[dict],
    actions: Iterable[dict] = (),
    *,
    fallback: str,
    full_width: bool = False,
) -> dict:
    """Wrap body and actions into a 1.5 card that is guaranteed to fit in a Teams message."""
    card: dict = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA_URL,
        "version": VERSION,
        "fallbackText": clip(fallback.strip(), FALLBACK_LIMIT) or "Error Explainer",
        "body": body,
    }
    actions = list(actions)
    if actions:
        card["actions"] = actions
    if full_width:
        card["msteams"] = {"width": "Full"}
    return fit(card)


def _text_slots(node: object, slots: list[tuple[dict, str]]) -> None:
    """Every long-text place in the card body: TextBlock text and fact values."""
    if isinstance(node, dict):
        # Headings are short by construction (titles are at most 120 characters)
        # and say what the card is about, so they are never clipped to fit.
        if node.get("type") == "TextBlock" and isinstance(node.get("text"), str) and node.get("style") != "heading":
            slots.append((node, "text"))
        if "title" in node and "value" in node and isinstance(node.get("value"), str) and "type" not in node:
            slots.append((node, "value"))  # a Fact
        for key, value in node.items():
            if key != "data":
                _text_slots(value, slots)
    elif isinstance(node, list):
        for item in node:
            _text_slots(item, slots)


def fit(card: dict, limit: int = MAX_CARD_BYTES) -> dict:
    """Halve the longest text in the card until the serialised card is under ``limit``.

    Longest first means the short texts that carry the answer's identity
    (heading, facts) are the last to be cut.
    """
    while card_bytes(card) >= limit:
        slots: list[tuple[dict, str]] = []
        if isinstance(card.get("fallbackText"), str):
            slots.append((card, "fallbackText"))
        _text_slots(card.get("body", []), slots)
        if not slots:
            break
        node, key = max(slots, key=lambda s: len(s[0][s[1]]))
        text = node[key]
        if len(text) <= 16:
            break  # nothing long is left; the rest is bounded by the builders
        node[key] = clip(text, len(text) // 2)
    return card


def fit_all(cards: list[dict], limit: int = MAX_CARD_BYTES) -> list[dict]:
    """Shrink the biggest cards until all of them together are under ``limit``."""
    while cards:
        sizes = [card_bytes(c) for c in cards]
        excess = sum(sizes) - limit + 1
        if excess <= 0:
            break
        biggest = max(range(len(cards)), key=sizes.__getitem__)
        fit(cards[biggest], max(sizes[biggest] - excess, sizes[biggest] * 3 // 4))
        if card_bytes(cards[biggest]) >= sizes[biggest]:
            break  # nothing left to clip
    return cards


def source_map(sources: Mapping[str, Source] | Iterable[Source] | None) -> dict[str, Source]:
    """Accept catalog.sources (a dict by id) or any iterable of Source."""
    if sources is None:
        return {}
    if isinstance(sources, Mapping):
        return dict(sources)
    return {s.id: s for s in sources}


def short_product(entry_or_source: Entry | str, sources: Mapping[str, Source]) -> str:
    """The product's short name (``[source] short_name`` in the data), for rows and fact lines."""
    source_id = entry_or_source if isinstance(entry_or_source, str) else entry_or_source.source
    source = sources.get(source_id)
    if source is None:
        return source_id
    return source.short_name or source.product


def heading(text: str, *, size: str = "Large") -> dict:
    return {"type": "TextBlock", "text": text, "style": "heading", "size": size, "weight": "Bolder", "wrap": True}


def paragraph(text: str, **extra: object) -> dict:
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def examples_list(examples: Iterable[str] | None, limit: int = 3) -> list[str]:
    """The first few usable example questions, one line each."""
    out: list[str] = []
    for example in examples or ():
        if isinstance(example, str) and example.strip():
            out.append(plain(example, 200))
        if len(out) == limit:
            break
    return out
