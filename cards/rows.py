"""One compact, tappable row per catalog entry: code, title, short product name.

Used wherever the user picks among entries (choice card, near misses, the
summary of several codes). A row is a ColumnSet whose ``selectAction`` makes
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
    text_column = {
        "type": "Column",
        "width": "stretch",
        "verticalContentAlignment": "Center",
        "items": [
            {"type": "TextBlock", "text": plain(entry.title, 120), "wrap": True},
            {"type": "TextBlock", "text": plain(under, 120), "wrap": True, "isSubtle": True, "size": "Small",
             "spacing": "None"},
        ],
    }
    columns = []
    if code:
        columns.append({
            "type": "Column",
            "width": "auto",
            "items": [{"type": "TextBlock", "text": plain(code, 40), "weight": "Bolder", "wrap": True,
                       "color": "Accent" if action else "Default"}],
        })
    columns.append(text_column)
    row: dict = {"type": "ColumnSet", "columns": columns, "spacing": "Small", "separator": not first}
    if action is not None:
        row["selectAction"] = action
    return row
