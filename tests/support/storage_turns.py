"""Turns for the storage and records tests: ask a running bot, read which product it answered in."""

from __future__ import annotations

from .bot_server import activity, adaptive_cards, post


def ask(bot, sink, text, conv, **fields) -> dict:
    """Send one message (or button press, value=...) and return the bot's message reply."""
    before = len(sink.for_conversation(conv))
    resp = post(bot, activity(sink, text, conv, **fields))
    assert resp.status_code == 200, resp.text
    return sink.wait_for(before + 1, conv)[before]


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def feedback_buttons(reply: dict) -> list[dict]:
    """The data of the Helpful / Not helpful buttons of the reply's first answer card."""
    for card in adaptive_cards(reply):
        found = [n["data"] for n in _walk(card) if isinstance(n.get("data"), dict) and n["data"].get("action") == "feedback"]
        if found:
            return found
    return []


def answered_source(reply: dict) -> str | None:
    """The source the reply answered from (read from its feedback buttons); None: not an answer."""
    buttons = feedback_buttons(reply)
    return buttons[0]["source"] if buttons else None
