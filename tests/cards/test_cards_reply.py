"""The two calls the bot makes into cards/: one reply per decision, one reader for every button press."""

from __future__ import annotations

import pytest

from cards import SUMMARY_LIMIT, Ask, Submit, ask_action, cards_for, explain_action, fallback_text, read_button
from tests.support.cards import EXAMPLES, FULL, SOURCES, answer, nothing


def test_a_reply_carries_its_cards_and_the_first_cards_text_as_summary():
    reply = cards_for(answer(), SOURCES, EXAMPLES)
    assert reply.cards
    assert reply.summary == fallback_text(reply.cards[0])[:SUMMARY_LIMIT]
    assert "3112" in reply.summary  # what a notification shows names the answer


def test_a_summary_is_never_longer_than_a_notification_shows():
    reply = cards_for(nothing("x" * 5000), SOURCES, EXAMPLES)
    assert 0 < len(reply.summary) <= SUMMARY_LIMIT


def test_a_pressed_explain_button_reads_back_as_its_submit():
    press = read_button(explain_action(FULL)["data"])
    assert isinstance(press, Submit) and (press.action, press.code, press.subcode) == ("explain", 410, 3112)


def test_an_example_button_posted_as_data_reads_back_as_its_question():
    assert read_button(ask_action("  what is subcode 3112  ")["data"]) == Ask("what is subcode 3112")


@pytest.mark.parametrize("value", [None, "", {}, {"type": "imBack", "value": "   "}, {"type": "imBack", "value": 7},
                                   {"action": "explain"}, "not json", ["a"], {"msteams": {"value": "{"}}])
def test_anything_else_is_unusable_and_never_raises(value):
    assert read_button(value) is None
