"""The card for a question nothing in the catalog answers.

It says so first and plainly. A general hint ("4xx = client error") and
near misses are offered after that, each labelled as what it is, so that a
suggestion is never mistaken for the answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from catalog.decision import Decision
from catalog.schema import Source

from .actions import ask_action, explain_action
from .layout import adaptive_card, examples_list, paragraph, product_of, source_map
from .text import plain, user_text

MAX_SUGGESTIONS = 5
QUERY_SHOWN = 80


def none_card(
    decision: Decision,
    sources: Mapping[str, Source] | Iterable[Source] | None,
    examples: Iterable[str] | None = (),
) -> dict:
    sources = source_map(sources)
    # fallbackText may be rendered as markdown too, so the query is escaped there as well.
    nothing = f"Nothing in the catalog matches «{user_text(decision.query, QUERY_SHOWN)}»."
    body: list[dict] = [paragraph(nothing, weight="Bolder", size="Medium")]
    fallback = [nothing]
    if decision.hint:
        hint = plain(decision.hint, 300)
        body.append(
            {
                "type": "Container",
                "style": "emphasis",
                "items": [
                    paragraph("General meaning — not a specific answer", weight="Bolder", size="Small"),
                    paragraph(hint, spacing="Small"),
                ],
            }
        )
        fallback.append(f"General meaning (not a specific answer): {hint}")

    suggestions = decision.matches[:MAX_SUGGESTIONS]
    if suggestions:
        body.append(paragraph("Did you mean…?", weight="Bolder", spacing="Medium"))
        body.append(paragraph("Close to what you asked, but not a match:", isSubtle=True, size="Small", spacing="None"))
        last_product = None
        for match in suggestions:
            product = product_of(match.entry, sources)
            action = explain_action(match.entry)
            if product != last_product:  # the product once for a run of suggestions from it
                body.append(paragraph(plain(product, 80), isSubtle=True, size="Small", spacing="Small"))
                last_product = product
            body.append({"type": "ActionSet", "spacing": "None", "actions": [action]})
            fallback.append(f"Did you mean: {product}: {action['title']}")

    asks = examples_list(examples)
    if asks:
        body.append(paragraph("Questions I can answer look like:", weight="Bolder", spacing="Medium"))
        body.append({"type": "ActionSet", "actions": [ask_action(q) for q in asks]})
        fallback.append("Try: " + " / ".join(asks))
    else:
        body.append(paragraph("Try an error code and subcode, e.g. “410 3112”, or add the product name.", spacing="Medium"))
    return adaptive_card(body, fallback="\n".join(fallback))
