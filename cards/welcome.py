"""The first card a user sees: what the bot does and what it knows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from catalog.schema import Source

from .actions import ask_action
from .layout import adaptive_card, examples_list, heading, paragraph, source_map
from .text import plain


def welcome_card(sources: Mapping[str, Source] | Iterable[Source] | None, examples: Iterable[str] | None = ()) -> dict:
    products: list[str] = []
    for source in source_map(sources).values():
        if source.product not in products:
            products.append(source.product)
    body: list[dict] = [
        heading("Error Explainer"),
        paragraph(
            "Send me an error code, a code and subcode, or paste a log line, and I'll tell you what it means "
            "and what to do about it — straight from the product documentation."
        ),
    ]
    fallback = ["Error Explainer: send me an error code, a code and subcode, or a log line."]
    if products:
        body.append(paragraph("I know the error codes of:", weight="Bolder", spacing="Medium"))
        body.append(paragraph("\r".join(f"- {plain(p, 100)}" for p in products), spacing="Small"))
        fallback.append("Products: " + ", ".join(products))
    asks = examples_list(examples)
    if asks:
        body.append(paragraph("Try one of these:", weight="Bolder", spacing="Medium"))
        body.append({"type": "ActionSet", "actions": [ask_action(q) for q in asks]})
        fallback.append("Try: " + " / ".join(asks))
    return adaptive_card(body, fallback="\n".join(fallback))
