"""What card buttons carry, and turning what comes back into a ``Submit``.

Every button is a plain Action.Submit whose ``data`` is the payload itself,
with no ``msteams`` object. Teams, Web Chat and the Microsoft 365 Agents
Playground all post a plain submit's ``data`` as ``activity.value`` (Teams
with no text), so one shape works everywhere. The Teams-only
``data.msteams`` wrapper (``messageBack`` / ``imBack``) is deliberately not
used: the Agents Playground (0.2.28), the documented local client that renders
cards the way Teams does, throws "Cannot add property msTeams, object is not
extensible" on clicking any button whose data holds a non-empty ``msteams``
(messageBack with or without value or text, imBack, even ``msTeams``) and
sends nothing. Payload fields that are None are left out (a missing field and
a null mean the same thing to ``parse_submit``), which keeps the button small.

Example-question buttons should behave as if the user had typed the question.
Their data is ``{"__isBotFrameworkCardAction": true, "cardAction": {"type":
"imBack", "value": question}, "type": "imBack", "value": question}``. Web Chat
(4.18.1) sees the marker and performs ``data.cardAction``, so the question is
sent as a typed message (the convention it uses for its own hero-card buttons;
without ``cardAction`` it throws "Cannot read properties of undefined (reading
'type')" and sends nothing). Teams and the Playground post the data as
``activity.value``, and the bot reads the top-level ``type``/``value`` as the
typed question.

``parse_submit`` still accepts the old ``data.msteams.value`` shape, because
cards sent before this change stay in conversations and can still be clicked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

from catalog.schema import Entry

from .text import plain

QUERY_LIMIT = 200  # characters of the question kept in a feedback payload
BUTTON_TITLE_LIMIT = 60

_SOURCE_RE = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
KEY_LIMIT = 200
_DIGITS_RE = re.compile(r"^-?\d{1,10}$")
_MAX_JSON_CHARS = 20_000  # a real submit is a few hundred characters


# ---------------------------------------------------------------- labels


def entry_numbers(entry: Entry) -> str:
    """The entry's numbers as a person writes them: '410 / 3112', 'subcode 3112', ''."""
    if entry.code is not None and entry.subcode is not None:
        return f"{entry.code} / {entry.subcode}"
    if entry.code is not None:
        return str(entry.code)
    if entry.subcode is not None:
        return f"subcode {entry.subcode}"
    return ""


def button_title(entry: Entry, limit: int = BUTTON_TITLE_LIMIT) -> str:
    """'410 / 3112 — Call setup failed…': number first, because that is what people scan for."""
    number = entry_numbers(entry) or (entry.string_code or "")
    title = f"{number} — {entry.title}" if number else entry.title
    return plain(title, limit)


# ---------------------------------------------------------------- building


def _identity(entry: Entry) -> dict:
    """source/code/subcode/key: enough for Catalog.get to find the entry again.

    A codeless entry is identified by its key, or, lacking one, by its string
    code or title (Entry.identity), so that value travels as "key".
    """
    out: dict = {"source": entry.source}
    for name in ("code", "subcode"):
        value = getattr(entry, name)
        if value is not None:
            out[name] = value
    if entry.code is None and entry.subcode is None:
        out["key"] = entry.identity[1]
    elif entry.key is not None:
        out["key"] = entry.key
    return out


# How a channel wants card buttons that talk to the bot: "submit" (Action.Submit,
# everywhere) or "execute" (Action.Execute, Teams' Universal Actions, whose verb is
# the payload's action). Every builder takes it as ``style`` and passes it here.
ActionStyle = Literal["submit", "execute"]


def bot_action(title: str, payload: dict, style: ActionStyle = "submit") -> dict:
    """A button whose press reaches the bot with ``payload``, in the channel's style.

    An Action.Execute carries the same button as an Action.Submit in its
    ``fallback``: a Teams client without Universal Actions (and any host that
    does not know Action.Execute) shows that instead, and its press arrives as
    an ordinary message whose value is the same payload.
    """
    submit = {"type": "Action.Submit", "title": title, "data": dict(payload)}
    if style == "execute":
        return {"type": "Action.Execute", "title": title, "verb": str(payload.get("action", "")), "data": dict(payload),
                "fallback": submit}
    return submit


def explain_action(entry: Entry, title: str | None = None, style: ActionStyle = "submit") -> dict:
    """A button that asks the bot to answer exactly this entry."""
    label = plain(title, BUTTON_TITLE_LIMIT) if title else button_title(entry)
    payload = {"action": "explain", **_identity(entry)}
    return bot_action(label, payload, style)


def feedback_actions(entry: Entry, query: str, style: ActionStyle = "submit") -> list[dict]:
    """'Helpful' / 'Not helpful' buttons that report on this answer to this question."""
    query = query[:QUERY_LIMIT] if isinstance(query, str) else ""
    buttons = []
    for helpful, label in ((True, "Helpful"), (False, "Not helpful")):
        payload = {"action": "feedback", "helpful": helpful, **_identity(entry), "query": query}
        buttons.append(bot_action(label, payload, style))
    return buttons


def ask_action(question: str) -> dict:
    """A button that sends ``question`` as if the user had typed it (example questions)."""
    question = plain(question, 200)
    return {
        "type": "Action.Submit",
        "title": plain(question, BUTTON_TITLE_LIMIT),
        "data": {
            "__isBotFrameworkCardAction": True,
            "cardAction": {"type": "imBack", "value": question},
            "type": "imBack",
            "value": question,
        },
    }


# ---------------------------------------------------------------- parsing


@dataclass(frozen=True)
class Submit:
    """A button press the bot can act on, already checked field by field."""

    action: Literal["explain", "feedback"]
    source: str
    code: int | None = None
    subcode: int | None = None
    key: str | None = None
    helpful: bool | None = None
    query: str | None = None

    def entry_in(self, catalog) -> Entry | None:
        """The catalog entry this submit names, or None if the catalog has no such entry."""
        return catalog.get(self.source, self.code, self.subcode, self.key)


class _Unusable(Exception):
    pass


def _as_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):  # bool is an int subclass; True is not code 1
        raise _Unusable
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _DIGITS_RE.match(value.strip()):
        return int(value.strip())
    raise _Unusable


def _as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise _Unusable


def _as_source(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _SOURCE_RE.match(value):
        return value
    raise _Unusable


def _as_key(value: object) -> str | None:
    """Keys are slugs today, but a codeless entry without one is named by its string code or title."""
    if value is None:
        return None
    if isinstance(value, str) and 0 < len(value) <= KEY_LIMIT and value == plain(value, KEY_LIMIT):
        return value
    raise _Unusable


def _unwrap(value: object, depth: int = 0) -> dict | None:
    """Find the payload dict in whatever arrived: a dict, JSON text, or the msteams wrapper older cards used."""
    if depth > 2:
        return None
    if isinstance(value, (str, bytes)):
        if len(value) > _MAX_JSON_CHARS:
            return None
        try:
            value = json.loads(value)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return None
    if not isinstance(value, dict):
        return None
    if "action" in value:
        return value
    msteams = value.get("msteams")
    if isinstance(msteams, dict) and "value" in msteams:
        return _unwrap(msteams["value"], depth + 1)
    return None


def parse_submit(value: object) -> Submit | None:
    """The Submit in ``activity.value``, or None when it is not one we can use. Never raises."""
    try:
        payload = _unwrap(value)
        if payload is None:
            return None
        action = payload.get("action")
        if action not in ("explain", "feedback"):
            return None
        source = _as_source(payload.get("source"))
        if source is None:
            return None
        code = _as_int(payload.get("code"))
        subcode = _as_int(payload.get("subcode"))
        key = _as_key(payload.get("key"))
        if code is None and subcode is None and key is None:
            return None  # names a source, not an entry
        helpful = None
        query = None
        if action == "feedback":
            helpful = _as_bool(payload.get("helpful"))
            raw_query = payload.get("query")
            query = raw_query[:QUERY_LIMIT] if isinstance(raw_query, str) else None
        return Submit(action, source, code, subcode, key, helpful, query)
    except _Unusable:
        return None
    except Exception:  # noqa: BLE001 - a button press must never crash the turn
        return None
