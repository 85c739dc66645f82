"""The preview of one entry in a Teams message-extension result list.

Teams shows a list of previews under the compose box while the user types;
each preview is a thumbnail card (title, one line under it), and choosing one
inserts the entry's full answer card into the chat. The preview says what
people scan for: the code and the product first, the title under them.
"""

from __future__ import annotations

from collections.abc import Mapping

from catalog.schema import Entry, Source

from .layout import short_product
from .rows import entry_code
from .text import plain

THUMBNAIL_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.thumbnail"


def entry_preview(entry: Entry, sources: Mapping[str, Source]) -> dict:
    """A thumbnail card for ``entry``: '410 / 3112 · ACS Calling' over the entry's title.

    The title line is short (code and product: what people scan the list for),
    because list previews give it one line (the Agents Playground draws a longer
    one over the text below it); the entry's title goes underneath.
    """
    code = entry_code(entry)
    product = short_product(entry, sources)
    title = f"{code} · {product}" if code and code not in entry.title else product
    return {"title": plain(title, 60), "text": plain(entry.title, 100)}


def note_preview(title: str, text: str = "") -> dict:
    """A preview that is not an entry (nothing found, an example question)."""
    out = {"title": plain(title, 80)}
    if text:
        out["text"] = plain(text, 120)
    return out
