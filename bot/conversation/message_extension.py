"""The search-based message extension: look an error up from the compose box.

Teams sends what the user types (command ``searchErrors``, parameter ``query``)
as a composeExtension/query invoke and shows the answer as a list under the
compose box: a short preview per entry, and the entry's full answer card,
which Teams inserts into the chat or channel when the user picks it. The
question goes through the same matcher as a chat message, so ambiguous and
none read as they do in chat: the candidates, or a "nothing found" entry
followed by the catalog's suggestions. An empty box (and the first open,
initialRun) lists the answers to the example questions.
"""

from __future__ import annotations

from collections.abc import Iterable

import cards
from cards.search_preview import THUMBNAIL_CARD_CONTENT_TYPE, entry_preview, note_preview
from catalog import Catalog, Match

from .invokes import SearchQuery

MAX_RESULTS = 8  # a list under the compose box; each result carries a full card


def _result(attachments: list[dict]) -> dict:
    return {"composeExtension": {"type": "result", "attachmentLayout": "list", "attachments": attachments}}


def _attachment(card: dict, preview: dict) -> dict:
    return {
        "contentType": cards.ADAPTIVE_CARD_CONTENT_TYPE,
        "content": card,
        "preview": {"contentType": THUMBNAIL_CARD_CONTENT_TYPE, "content": preview},
    }


def _entry_attachment(catalog: Catalog, match: Match, query: str, note: str | None = None) -> dict:
    # Cards inserted by a message extension are sent by the bot on the user's behalf,
    # so Universal Actions on them reach the bot: feedback works in place there too.
    card = cards.answer_card(match, query=query, sources=catalog.sources, style="execute")
    preview = entry_preview(match.entry, catalog.sources)
    if note:
        preview["text"] = f"{note}: {preview['text']}"
    return _attachment(card, preview)


def search(catalog: Catalog, query: SearchQuery, examples: Iterable[str]) -> dict:
    """The composeExtension answer to one search."""
    if not query.text:
        attachments = []
        for question in examples:
            decision = catalog.explain(question)
            if decision.matches:
                attachments.append(_entry_attachment(catalog, decision.matches[0], question, f"Try “{question}”"))
        return _result(attachments[:MAX_RESULTS])
    decision = catalog.explain(query.text)
    if decision.status in ("answer", "ambiguous") and decision.matches:
        return _result([_entry_attachment(catalog, m, query.text) for m in decision.matches[:MAX_RESULTS]])
    # Nothing matches: say so first (its card is the chat's nothing-found card), then the suggestions.
    not_found = cards.cards_for(decision, catalog.sources, examples, style="execute").cards[-1]
    hint = decision.hint or "Try a code (3112), a product and a code (sms 4007) or paste the error line."
    attachments = [_attachment(not_found, note_preview(f"Nothing found for “{query.text[:60]}”", hint))]
    attachments += [_entry_attachment(catalog, m, query.text, "Suggestion") for m in decision.matches[: MAX_RESULTS - 1]]
    return _result(attachments)
