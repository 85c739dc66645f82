"""A Web Chat page announces the visitor with a `webchat/join` event; the bot greets once.

Direct Line's conversationUpdate for a Web Chat page may list no members (the
local emulator's lists none), so without this event the page would open as an
empty box until the visitor typed something.
"""

from __future__ import annotations

import time

from tests.support.bot_server import activity, adaptive_cards, all_texts, conversation_id, post


def _join(sink, conv: str, name: str = "webchat/join") -> dict:
    return activity(sink, None, conv, type="event", name=name, value={"language": "en-US"})


def test_the_join_event_gets_the_welcome_card_once(bot, sink):
    conv = conversation_id()
    assert post(bot, _join(sink, conv)).status_code == 200
    (reply,) = sink.wait_for(1, conv)
    assert "I know the error codes of" in all_texts(adaptive_cards(reply))
    assert post(bot, _join(sink, conv)).status_code == 200  # the page reloaded in the same conversation
    time.sleep(0.3)
    assert len(sink.for_conversation(conv)) == 1


def test_other_events_are_not_greeted(bot, sink):
    conv = conversation_id()
    assert post(bot, _join(sink, conv, name="webchat/typing-indicator")).status_code == 200
    time.sleep(0.3)
    assert sink.for_conversation(conv) == []
