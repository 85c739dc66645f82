"""The card for a question that fits several entries: let the user pick.

Candidates are grouped by product because the same number means different
things in different products (a bare "404"), and the product is how people
tell them apart. Groups come in the order of their best candidate, so the
likeliest answer stays on top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from catalog.decision import Decision
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

    groups: dict[str, list] = {}  # insertion order = order of each product's best candidate
    for match in shown:
        groups.setdefault(product_of(match.entry, sources), []).append(match)

    body: list[dict] = [
        paragraph(f"«{user_text(decision.query, QUERY_SHOWN)}» matches several errors — pick one:", weight="Bolder")
    ]
    # fallbackText may be rendered as markdown too, so the query is escaped there as well.
    fallback_lines = [f"«{user_text(decision.query, QUERY_SHOWN)}» matches several errors:"]
    for product, matches in groups.items():
        body.append(heading(plain(product, 100), size="Medium") | {"spacing": "Medium"})
        # Several documents can belong to one product (ACS has six); name the
        # document when that is the only thing telling two buttons apart.
        documents = {m.entry.source for m in matches}
        shown_doc = None
        for match in matches:
            entry = match.entry
            source = sources.get(entry.source)
            if len(documents) > 1 and source and source.document != shown_doc:
                shown_doc = source.document
                body.append(paragraph(plain(source.document, 120), isSubtle=True, size="Small", spacing="Small"))
            body.append({"type": "ActionSet", "spacing": "Small", "actions": [explain_action(entry)]})
            fallback_lines.append(f"- {product}: {button_title(entry, 100)}")
    if left_out > 0:
        body.append(
            paragraph(
                f"…and {left_out} more. Add the product name or the subcode to narrow it down.",
                isSubtle=True,
                spacing="Medium",
            )
        )
    return adaptive_card(body, fallback="\n".join(fallback_lines))
