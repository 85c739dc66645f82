"""Asking the running bot one question and reading its answer cards (for the conversation tests)."""

from __future__ import annotations

from .bot_server import activity, conversation_id, post
from .cards import walk


def ask(bot, sink, text, conv=None, **fields) -> dict:
    """Send one message and return the bot's (single) message reply."""
    conv = conv or conversation_id()
    before = len(sink.for_conversation(conv))
    resp = post(bot, activity(sink, text, conv, **fields))
    assert resp.status_code == 200, resp.text
    return sink.wait_for(before + 1, conv)[before]


def facts(card: dict) -> str:
    """An answer card's one line of facts ('ACS Calling · Code 410 · Subcode 3112'), '' for other cards."""
    lines = [n["text"] for n in walk(card.get("body", [])) if n.get("type") == "TextBlock" and " · Code " in n["text"]]
    return lines[0] if lines else ""


def actions(card: dict) -> list[dict]:
    return [n for n in walk(card) if isinstance(n.get("type"), str) and n["type"].startswith("Action.")]


def submit_data(action: dict) -> dict:
    """What Web Chat posts as activity.value for an Action.Submit ({} for other actions)."""
    data = action.get("data")
    return data if isinstance(data, dict) else {}


def answered_source(card: dict) -> str | None:
    """The source an answer card is about, read from its feedback buttons (None: not an answer)."""
    fb = [a for a in actions(card) if submit_data(a).get("action") == "feedback"]
    return submit_data(fb[0])["source"] if fb else None
