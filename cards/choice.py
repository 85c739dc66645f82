"""The card for a question that fits several entries: let the user pick.

Candidates are grouped by product because the same number means different
things in different products (a bare "404"), and the product is how people
tell them apart. Groups come in the order of their best candidate, so the
likeliest answer stays on top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from catalog.decision import Decision, Match
from catalog.schema import Source

from .actions import button_title, explain_action
from .layout import adaptive_card, heading, paragraph, product_of, source_map
from .text import plain, user_text

MAX_CANDIDATES = 8
QUERY_SHOWN = 80


def choice_card(decision: Decision, sources: Mapping[str, Source] | Iterable[Source] | None) -> dict:
    sources = source_map(sources)
    shown = decision.matches[:MAX_CANDIDATES]
    left_out = len(decision.matches) - len(shown)

    # product -> source -> candidates; insertion order keeps each group where
    # its best candidate ranked, and candidates best first inside it.
    groups: dict[str, dict[str, list[Match]]] = {}
    for match in shown:
        product = product_of(match.entry, sources)
        groups.setdefault(product, {}).setdefault(match.entry.source, []).append(match)

    # fallbackText may be rendered as markdown too, so the query is escaped there as well.
    query = user_text(decision.query, QUERY_SHOWN)
    body: list[dict] = [paragraph(f"«{query}» matches several errors — pick one:", weight="Bolder")]
    fallback_lines = [f"«{query}» matches several errors:"]
    for product, by_source in groups.items():
        body.append(heading(plain(product, 100), size="Medium") | {"spacing": "Medium"})
        for source_id, matches in by_source.items():
            source = sources.get(source_id)
            # Several documents can belong to one product; name the document
            # when that is the only thing telling two buttons apart.
            if len(by_source) > 1:
                document = source.document if source else source_id
                body.append(paragraph(plain(document, 120), isSubtle=True, size="Small", spacing="Small"))
            for match in matches:
                body.append({"type": "ActionSet", "spacing": "Small", "actions": [explain_action(match.entry)]})
                fallback_lines.append(f"- {product}: {button_title(match.entry, 100)}")
    if left_out > 0:
        body.append(
            paragraph(
                f"…and {left_out} more. Add the product name or the subcode to narrow it down.",
                isSubtle=True,
                spacing="Medium",
            )
        )
    return adaptive_card(body, fallback="\n".join(fallback_lines))
