"""A small card for things the user should know that are not an answer.

The text is treated as plain text and escaped, because notices often quote
what the user sent.
"""

from __future__ import annotations

from .layout import adaptive_card
from .text import user_text

NOTICE_LIMIT = 1000

# tone -> container style; all are Adaptive Cards 1.2 styles Teams renders.
_TONES = {"info": "default", "warning": "warning", "error": "attention", "good": "good"}


def notice_card(text: str, *, tone: str = "warning") -> dict:
    style = _TONES.get(tone, _TONES["warning"])
    body = [
        {
            "type": "Container",
            "style": style,
            "items": [{"type": "TextBlock", "text": user_text(text, NOTICE_LIMIT) or "…", "wrap": True}],
        }
    ]
    return adaptive_card(body, fallback=user_text(text, NOTICE_LIMIT) or "Notice")
