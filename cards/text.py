"""Making text safe and short before it goes into a card.

TextBlock text is markdown in Teams and Web Chat, so a question typed by a
user could otherwise turn into bold text, a heading, or a clickable link that
looks as if the bot sent it. Everything a user typed passes through
``user_text``; catalog text is ours and only gets clipped.
"""

from __future__ import annotations

import re

ELLIPSIS = "…"

# Characters that start or end markdown constructs in the renderers Teams and
# Web Chat use (CommonMark-like). '<' is added to the brief's list because it
# opens autolinks (<http://…>) and HTML.
_MARKDOWN_SPECIALS = frozenset("\\*_[]()#`>-+|~<")

# Invisible, so the text reads the same, but it breaks the patterns that
# auto-linkers (markdown-it's linkify in Web Chat, Teams' own) look for.
_LINK_BREAK = "\u200b"

# Bidirectional overrides can make text display in a different order than it
# was typed; nobody needs them in an error-code question.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, marked with an ellipsis when cut."""
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    if limit == 1:
        return ELLIPSIS
    return text[: limit - 1].rstrip() + ELLIPSIS


# Control characters (Unicode category Cc, fixed by the stability policy to U+0000-U+001F and
# U+007F-U+009F) and the line and paragraph separators (Zl, Zp). Whitespace needs no pattern:
# str.split() below already splits on every character str.isspace() accepts.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """Collapse newlines, tabs and other control characters into single spaces.

    Two regex passes and a split instead of a per-character category look-up: this
    runs on every text of every card (a tenth of the time; tests/test_bot_one_line.py
    checks it against the per-character definition on every code point).
    """
    return " ".join(_BREAKS.sub(" ", _BIDI_CONTROLS.sub("", text)).split())


def escape_markdown(text: str) -> str:
    """Backslash-escape markdown specials and break anything a linkifier would turn into a link."""
    out = "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in text)
    # A leading "1." would start an ordered list.
    out = re.sub(r"^(\d+)\.", r"\1\\.", out)
    # "http://x", "www.x.com", "x.com", "a@b" are all linkified somewhere.
    out = out.replace("://", ":/" + _LINK_BREAK + "/")
    out = re.sub(r"(?<=\w)([.@:])(?=\w)", r"\1" + _LINK_BREAK, out)
    return out


_ESCAPED = re.compile(r"\\([\\*_\[\]()#`>\-+|~<.])")


def unescape_markdown(text: str) -> str:
    """Undo ``escape_markdown``: the text as typed, for plain-text places such as notifications."""
    return _ESCAPED.sub(r"\1", text.replace(_LINK_BREAK, ""))


def user_text(text: object, limit: int = 120) -> str:
    """Text a user typed, made safe to show inside card markdown: one line, clipped, escaped."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return escape_markdown(clip(one_line(text), limit))


def plain(text: object, limit: int) -> str:
    """Text for plain-text places (fallbackText, button titles): one line and clipped, not escaped."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    return clip(one_line(text), limit)
