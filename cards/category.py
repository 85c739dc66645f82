"""The result category of an entry, in words a person uses and a colour that means something.

The documents' own names (``ExpectedError``, ``UnexpectedClientError``) are
jargon; a reader wants to know whose side the problem is on. Entries without
a category but with an HTTP or SIP status in 400-599 are placed by that
status class, which is what those numbers mean by definition.

The order of ``Kind`` is also the order in which to act on several errors:
a client-side problem is something the reader can fix now, a service-side
one is retried or reported, expected outcomes and successes need nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog.schema import Category, Entry


@dataclass(frozen=True)
class Kind:
    rank: int  # lower: act on it sooner
    words: str
    # An Adaptive Card colour for a dot before the words: the host maps it to its light or
    # dark theme. The words stay in the text colour, since coloured words (Teams' yellow
    # "Warning" on white) are hard to read, while a coloured dot is easy to see.
    color: str


CLIENT = Kind(0, "Client-side problem", "Warning")
SERVER = Kind(1, "Service-side problem", "Attention")
EXPECTED = Kind(2, "Expected outcome", "Accent")
SUCCESS = Kind(3, "Not an error", "Good")
UNKNOWN = Kind(4, "", "Default")

_BY_CATEGORY = {
    Category.UNEXPECTED_CLIENT_ERROR: CLIENT,
    Category.UNEXPECTED_SERVER_ERROR: SERVER,
    Category.EXPECTED_ERROR: EXPECTED,
    Category.SUCCESS: SUCCESS,
}


def kind_of(entry: Entry) -> Kind:
    if entry.category is not None:
        return _BY_CATEGORY.get(entry.category, UNKNOWN)
    status = entry.http_status if entry.http_status is not None else entry.code
    if status is not None and 400 <= status < 500:
        return CLIENT
    if status is not None and 500 <= status < 600:
        return SERVER
    return UNKNOWN
