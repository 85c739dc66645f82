"""One compact, tappable row per catalog entry: code and title, the short product name under them.

Used wherever the user picks among entries (choice card, near misses, the
summary of several codes). A row is a Container whose ``selectAction`` makes
the whole row the button: unlike an action button, its text wraps, so a long
title is never cut at a narrow width (buttons clip their title on one line).
"""

from __future__ import annotations

from collections.abc import Mapping

from catalog.schema import Entry, Source

from .actions import entry_numbers
from .layout import short_product
from .text import plain


def entry_code(entry: Entry) -> str:
    return entry_numbers(entry) or (entry.string_code or "")


def entry_row(
    entry: Entry,
    sources: Mapping[str, Source],
    *,
    action: dict | None = None,
    detail: str | None = None,
    first: bool = False,
) -> dict:
    """``detail`` replaces the product name under the title (e.g. 'ACS Calling · Client-side problem')."""
    code = entry_code(entry)
    if code and code == entry.string_code and code in entry.title:
        code = ""  # 'validation_error (400 Bad Request)' already starts with it
    under = detail if detail is not None else short_product(entry, sources)
    # One wrapping line, code first in the accent colour (what people scan for, and the
    # sign that the row can be tapped), so rows stay aligned whatever the code's length.
    runs = []
    if code:
        runs.append({"type": "TextRun", "text": plain(code, 40), "weight": "Bolder",
                     "color": "Accent" if action else "Default"})
    runs.append({"type": "TextRun", "text": ("  " if code else "") + plain(entry.title, 120)})
    row: dict = {
        "type": "Container",
        "spacing": "Small",
        "separator": not first,
        "items": [
            {"type": "RichTextBlock", "inlines": runs},
            {"type": "TextBlock", "text": plain(under, 120), "wrap": True, "isSubtle": True, "size": "Small",
             "spacing": "None"},
        ],
    }
    if action is not None:
        row["selectAction"] = action
    return row
