"""The first card a user sees: what the bot does, what it knows, one tap to try it.

Short on purpose (it is the first thing in an empty chat). The example
questions are written out, not buttons: the bot sends them with the welcome as
suggested actions, and Web Chat would otherwise show every example twice (in
the card and under it). The products are
listed by short name; several products of one family (the short names share
their first word, e.g. "ACS …") become one line under the family's full name,
so the family's name is written once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from catalog.schema import Source

from .layout import adaptive_card, examples_list, heading, paragraph, source_map
from .text import plain


def _common_words(names: list[str]) -> str:
    words = names[0].split()
    for name in names[1:]:
        other = name.split()
        n = 0
        while n < min(len(words), len(other)) and words[n] == other[n]:
            n += 1
        words = words[:n]
    return " ".join(words)


def _families(sources: Iterable[Source]) -> list[list[Source]]:
    groups: dict[str, list[Source]] = {}
    for source in sources:
        short = source.short_name or source.product
        groups.setdefault(short.split()[0], []).append(source)
    return list(groups.values())


def family_names(sources: Iterable[Source]) -> list[str]:
    """'Azure Communication Services', 'Azure Bot Service', …: what the catalog covers, in a few words."""
    names = []
    for members in _families(sources):
        shorts = list(dict.fromkeys(s.short_name or s.product for s in members))
        names.append(shorts[0] if len(shorts) == 1 else _common_words([s.product for s in members]) or shorts[0])
    return names


def product_lines(sources: Iterable[Source]) -> list[str]:
    """'Azure Communication Services: Calling, Chat, SMS', 'Azure Bot Service', … in catalog order."""
    lines: list[str] = []
    for members in _families(sources):
        shorts: list[str] = []
        for s in members:
            if (s.short_name or s.product) not in shorts:
                shorts.append(s.short_name or s.product)
        if len(shorts) == 1:
            lines.append(shorts[0])
            continue
        family = _common_words([s.product for s in members]) or shorts[0].split()[0]
        prefix = shorts[0].split()[0] + " "
        parts = [name[len(prefix):] if name.startswith(prefix) else name for name in shorts]
        lines.append(f"{family}: {', '.join(parts)}")
    return lines


def welcome_card(sources: Mapping[str, Source] | Iterable[Source] | None, examples: Iterable[str] | None = ()) -> dict:
    body: list[dict] = [
        heading("Error Explainer", size="Medium"),
        paragraph("Send an error code, a code and subcode, or a log line. I'll say what it means and what to do, "
                  "from the product documentation.", spacing="Small"),
    ]
    fallback = ["Error Explainer: send an error code, a code and subcode, or a log line."]
    lines = product_lines(source_map(sources).values())
    if lines:
        body.append(paragraph("I know the error codes of", weight="Bolder", size="Small", spacing="Medium"))
        body.append(paragraph("\r".join(f"- {plain(line, 200)}" for line in lines), spacing="Small"))
        fallback.append("I know the error codes of: " + "; ".join(lines))
    asks = examples_list(examples)
    if asks:
        tries = "Try: " + ", ".join(f"“{q}”" for q in asks)
        body.append(paragraph(tries, isSubtle=True, spacing="Medium"))
        fallback.append(tries)
    return adaptive_card(body, fallback="\n".join(fallback))
