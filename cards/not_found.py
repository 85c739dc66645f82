"""The card for a question nothing in the catalog answers.

It says so first and plainly. A general hint ("4xx = client error") and
near misses are offered after that, each labelled as what it is, so that a
suggestion is never mistaken for the answer. Near misses are rows whose text
wraps (see rows.py), so they stay readable at any width.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from catalog.decision import Decision
from catalog.schema import Source

from .actions import ActionStyle, button_title, explain_action
from .layout import adaptive_card, examples_list, paragraph, short_product, source_map
from .rows import entry_row
from .text import plain, user_text
from .welcome import family_names

MAX_SUGGESTIONS = 5
QUERY_SHOWN = 80


def not_found_card(
    decision: Decision,
    sources: Mapping[str, Source] | Iterable[Source] | None,
    examples: Iterable[str] | None = (),
    *,
    style: ActionStyle = "submit",
) -> dict:
    sources = source_map(sources)
    body: list[dict] = [paragraph(f"Nothing in the catalog matches «{user_text(decision.query, QUERY_SHOWN)}».",
                                  weight="Bolder")]
    fallback = [f"Nothing in the catalog matches «{plain(decision.query, QUERY_SHOWN)}»."]
    # The matcher names a product outside the catalog the question is about (e.g. "Twilio");
    # read with a default so Decisions from before that field still render.
    foreign = getattr(decision, "foreign_product", None)
    if foreign:
        covered = ", ".join(family_names(sources.values())) or "a few products"
        line = f"That looks like a {plain(foreign, 60)} error. I explain the errors of {covered}."
        body.append(paragraph(line, spacing="Small"))
        fallback.append(line)
    if decision.hint:
        hint = plain(decision.hint, 300)
        body.append(
            {
                "type": "Container",
                "style": "emphasis",
                "spacing": "Small",
                "items": [
                    paragraph("General meaning, not a specific answer", weight="Bolder", size="Small"),
                    paragraph(hint, spacing="None"),
                ],
            }
        )
        fallback.append(f"General meaning (not a specific answer): {hint}")

    suggestions = decision.matches[:MAX_SUGGESTIONS]
    if suggestions:
        body.append(paragraph("Close to what you asked, but not a match:", weight="Bolder", size="Small",
                              spacing="Medium"))
        for i, match in enumerate(suggestions):
            body.append(entry_row(match.entry, sources, action=explain_action(match.entry, style=style), first=i == 0))
            fallback.append(f"Did you mean: {short_product(match.entry, sources)}: {button_title(match.entry, 100)}")

    # Written out, not buttons: the bot sends the examples with this card as suggested
    # actions, and Web Chat would show each twice (see welcome.py).
    asks = examples_list(examples)
    if asks:
        tries = "Questions I can answer look like " + ", ".join(f"“{q}”" for q in asks) + "."
        body.append(paragraph(tries, isSubtle=True, spacing="Medium"))
        fallback.append(tries)
    else:
        body.append(paragraph("Try an error code and subcode, e.g. “410 3112”, or add the product name.", spacing="Medium"))
    return adaptive_card(body, fallback="\n".join(fallback))


