"""Reading a whole reply for the storage and records tests (tests.support.conversation reads one card)."""

from __future__ import annotations

from .bot_server import adaptive_cards
from .conversation import actions, answered_source as card_source, ask, submit_data

__all__ = ["answered_source", "ask", "feedback_buttons"]


def answered_source(reply: dict) -> str | None:
    """The source the reply answered from (its first card's feedback buttons); None: not an answer."""
    cards = adaptive_cards(reply)
    return card_source(cards[0]) if cards else None


def feedback_buttons(reply: dict) -> list[dict]:
    """The data of the Helpful / Not helpful buttons of the reply's first card."""
    cards = adaptive_cards(reply)
    return [submit_data(a) for a in actions(cards[0]) if submit_data(a).get("action") == "feedback"] if cards else []
