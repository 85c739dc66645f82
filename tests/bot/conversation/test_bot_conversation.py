"""The conversation as a user meets it: questions in, cards out at the connector sink."""

from __future__ import annotations

import json
import time

import pytest

from bot.conversation.examples import EXAMPLE_QUESTIONS
from tests.support.bot_server import activity, adaptive_cards, all_texts, conversation_id, post, validate_card
from tests.support.cards import walk
from tests.support.conversation import actions, answered_source, ask, facts, submit_data


def test_answer_card_has_facts_feedback_and_validates(bot, sink, card_validator):
    reply = ask(bot, sink, "what is subcode 3112")
    cards = adaptive_cards(reply)
    assert len(cards) == 1
    card = cards[0]
    validate_card(card_validator, card)
    assert card["version"] == "1.5"
    assert card.get("fallbackText")
    fs = facts(card)
    assert "3112" in json.dumps(fs)
    assert "410" in json.dumps(fs)
    labels = [a.get("title") for a in actions(card)]
    assert "Helpful" in labels and "Not helpful" in labels


def test_choice_card_offers_one_button_per_candidate(bot, sink, card_validator):
    reply = ask(bot, sink, "what is 404")
    card = adaptive_cards(reply)[0]
    validate_card(card_validator, card)
    explain_buttons = [a for a in actions(card) if submit_data(a).get("action") == "explain"]
    assert len(explain_buttons) >= 2
    sources = {submit_data(a)["source"] for a in explain_buttons}
    assert len(sources) >= 2
    # plain submits (Teams, Web Chat and the Agents Playground all post data as activity.value);
    # a data.msteams object makes the Agents Playground crash on click
    for a in explain_buttons:
        assert "msteams" not in a["data"]


def test_tapping_a_choice_answers_that_entry(bot, sink, card_validator):
    conv = conversation_id()
    card = adaptive_cards(ask(bot, sink, "what is 404", conv))[0]
    button = [a for a in actions(card) if submit_data(a).get("action") == "explain"][1]
    chosen = submit_data(button)
    assert post(bot, activity(sink, None, conv, value=chosen)).status_code == 200
    # The answer takes the choice card's place (the Emulator lets the bot update its message).
    (update,) = sink.wait_for_updates(1, conv)
    answer = adaptive_cards(update["activity"])[0]
    validate_card(card_validator, answer)
    assert "404" in json.dumps(facts(answer))
    # the follow-up now stays in the product that was chosen
    follow = ask(bot, sink, "and 500?", conv)
    assert answered_source(adaptive_cards(follow)[0]) == chosen["source"]


def test_teams_message_back_submit_is_answered(bot, sink):
    """A button of a card sent before buttons became plain: Teams posts msteams.value and msteams.text."""
    conv = conversation_id()
    card = adaptive_cards(ask(bot, sink, "what is 404", conv))[0]
    button = [a for a in actions(card) if submit_data(a).get("action") == "explain"][0]
    payload = submit_data(button)
    # Pressed on a card the bot no longer remembers sending (another conversation): answered anew.
    reply = ask(bot, sink, f"{payload['source']} 404", conversation_id(), value=payload, channelId="msteams")
    assert "404" in json.dumps(facts(adaptive_cards(reply)[0]))


def test_none_card_says_so_and_offers_examples(bot, sink, card_validator):
    reply = ask(bot, sink, "my toaster is on fire")
    card = adaptive_cards(reply)[0]
    validate_card(card_validator, card)
    text = all_texts(card)
    assert any(q in text for q in EXAMPLE_QUESTIONS)
    assert not [a for a in actions(card) if submit_data(a).get("action") == "feedback"]
    assert reply.get("suggestedActions", {}).get("actions")


def test_welcome_card_when_a_user_joins_but_not_for_the_bot(bot, sink, card_validator):
    conv = conversation_id()
    bot_only = activity(sink, None, conv, type="conversationUpdate", membersAdded=[{"id": "bot-1", "name": "Bot"}])
    assert post(bot, bot_only).status_code == 200
    time.sleep(0.3)
    assert sink.for_conversation(conv) == []

    joined = activity(
        sink, None, conv, type="conversationUpdate",
        membersAdded=[{"id": "bot-1", "name": "Bot"}, {"id": "user-1", "name": "User"}],
    )
    assert post(bot, joined).status_code == 200
    reply = sink.wait_for(1, conv)[0]
    card = adaptive_cards(reply)[0]
    validate_card(card_validator, card)
    text = all_texts(card)
    assert "Azure Communication Services" in text
    suggested = [a["value"] for a in reply["suggestedActions"]["actions"]]
    assert suggested == list(EXAMPLE_QUESTIONS)
    time.sleep(0.3)
    assert len(sink.for_conversation(conv)) == 1  # one welcome, not one per member


@pytest.mark.parametrize("greeting", ["help", "hi", "Hello!", "HELP?"])
def test_help_and_greetings_get_the_welcome_card(bot, sink, greeting):
    reply = ask(bot, sink, greeting)
    assert "Azure Communication Services" in all_texts(adaptive_cards(reply))
    assert reply["suggestedActions"]["actions"]


@pytest.mark.parametrize("question", EXAMPLE_QUESTIONS)
def test_every_example_question_gets_an_answer_or_a_choice(bot, sink, question):
    reply = ask(bot, sink, question)
    card = adaptive_cards(reply)[0]
    kinds = {submit_data(a).get("action") for a in actions(card)}
    assert kinds & {"feedback", "explain"}, f"{question!r} got neither an answer nor a choice"


def test_follow_up_stays_in_the_product_of_the_last_answer(bot, sink):
    conv = conversation_id()
    first = adaptive_cards(ask(bot, sink, "what is subcode 3112", conv))[0]
    assert "3112" in json.dumps(facts(first))
    second = adaptive_cards(ask(bot, sink, "and 3101?", conv))[0]
    assert "3101" in json.dumps(facts(second))
    assert answered_source(second) == "acs-call-end"
    # 500 is defined by several products; after a call-end answer it means call-end's 500
    third = adaptive_cards(ask(bot, sink, "and 500?", conv))[0]
    assert answered_source(third) == "acs-call-end"


def test_without_history_the_same_follow_up_is_a_choice(bot, sink):
    card = adaptive_cards(ask(bot, sink, "and 500?"))[0]
    assert len([a for a in actions(card) if submit_data(a).get("action") == "explain"]) >= 2


def test_conversations_do_not_share_context(bot, sink):
    a, b = conversation_id(), conversation_id()
    ask(bot, sink, "bot returns 405", a)
    ask(bot, sink, "what is subcode 3112", b)
    card = adaptive_cards(ask(bot, sink, "and 500?", a))[0]
    assert answered_source(card) == "bot-service"


def test_feedback_is_recorded_and_thanked(bot, sink):
    # On a channel that cannot update a sent message, the thanks comes as a new message
    # (tests/bot/conversation/test_buttons_change_their_card.py: where the card is updated).
    conv = conversation_id()
    card = adaptive_cards(ask(bot, sink, "sms 4007", conv, channelId="telegram"))[0]
    helpful = [a for a in actions(card) if submit_data(a).get("action") == "feedback" and submit_data(a)["helpful"]][0]
    before = bot.health()["feedback"]["helpful"]
    reply = ask(bot, sink, None, conv, value=submit_data(helpful), channelId="telegram")
    assert "thank" in reply["text"].lower()
    assert bot.health()["feedback"]["helpful"] == before + 1


@pytest.mark.parametrize(
    "value",
    [
        {"action": "explain"},
        {"action": "explain", "source": "acs-call-end"},
        {"action": "explain", "source": "no-such-source", "code": 1},
        {"action": "feedback", "source": "acs-sms-delivery", "code": 4007},
        {"action": "launch-missiles"},
        {"msteams": {"value": "{not json"}},
        "just a string",
        [1, 2, 3],
        {},
    ],
)
def test_unusable_submits_get_a_friendly_reply(bot, sink, value):
    reply = ask(bot, sink, None, value=value)
    assert reply["type"] == "message"
    assert reply.get("text")
    assert "sorry, something went wrong" not in reply["text"].lower()


def test_submit_for_an_entry_that_does_not_exist_says_so(bot, sink):
    reply = ask(bot, sink, None, value={"action": "explain", "source": "acs-call-end", "code": 999, "subcode": 99999})
    assert "no longer" in reply["text"].lower() or "type" in reply["text"].lower()


def test_empty_message_gets_a_prompt_with_examples(bot, sink):
    for text in ("", "   \n\t "):
        reply = ask(bot, sink, text)
        assert EXAMPLE_QUESTIONS[0] in reply["text"]
        assert reply["suggestedActions"]["actions"]


def test_the_example_questions_come_again_after_they_were_first_offered(bot, sink):
    # The suggested example questions are built once and shared by every reply that offers them.
    conv = conversation_id()
    for text in ("my toaster is on fire", "", "my toaster is on fire", ""):
        reply = ask(bot, sink, text, conv=conv)
        assert [a["value"] for a in reply["suggestedActions"]["actions"]] == list(EXAMPLE_QUESTIONS), text


def test_message_without_text_field_gets_a_prompt(bot, sink):
    reply = ask(bot, sink, None)
    assert EXAMPLE_QUESTIONS[0] in reply["text"]


@pytest.mark.parametrize(
    "text",
    [
        "what is 404 \u202e\u200b\ufeff",
        "\U0001F4A5 subcode 3112 \U0001F525",
        "\x00\x01 what is 404",
        "ｓｍｓ ４００７",
        "**bold** [link](http://evil) <script>alert(1)</script> 3112",
        "\ud800",  # a lone surrogate, sent as the JSON escape \ud800
    ],
)
def test_odd_unicode_text_is_answered_not_crashed(bot, sink, card_validator, text):
    reply = ask(bot, sink, text)
    cards = adaptive_cards(reply)
    assert cards
    for card in cards:
        validate_card(card_validator, card)
    assert "sorry, something went wrong" not in all_texts(reply).lower()
    # what the user typed is never rendered as a live markdown link
    shown = "\n".join(b["text"] for c in cards for b in _blocks(c) if b.get("type") == "TextBlock")
    assert "[link](http://evil)" not in shown


def _blocks(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            if not isinstance(v, str):
                yield from _blocks(v)
    elif isinstance(node, list):
        for v in node:
            yield from _blocks(v)


def test_an_error_on_the_last_line_of_a_long_log_is_found(bot, sink, card_validator):
    conv = conversation_id()
    story = "".join(f"2026-11-22T03:{i // 60:02d}:{i % 60:02d}Z INFO heartbeat ok, queue depth normal\n" for i in range(300))
    text = story + "2026-11-22T03:05:00Z ERROR call ended with subcode 3112"
    assert len(text) > 15_000
    reply = ask(bot, sink, text, conv)
    cards = adaptive_cards(reply)
    for card in cards:
        validate_card(card_validator, card)
    assert any("3112" in json.dumps(facts(c)) for c in cards)
    assert not any("cut at" in all_texts(c) for c in cards)


def test_long_text_gets_a_typing_indicator_first(bot, sink):
    conv = conversation_id()
    text = "call ended with subcode 3112 " + "x" * 700
    post(bot, activity(sink, text, conv))
    sink.wait_for(1, conv)
    kinds = [a["type"] for a in sink.settle(conv)]
    assert kinds[0] == "typing" and "message" in kinds


def test_short_question_gets_no_typing_indicator(bot, sink):
    conv = conversation_id()
    ask(bot, sink, "sms 4007", conv)
    assert [a["type"] for a in sink.settle(conv)] == ["message"]


def test_pasted_log_with_many_codes_is_answered(bot, sink, card_validator):
    text = "\n".join(f"2026-11-22T03:00:0{i}Z ERROR call ended code 410 subcode {s}" for i, s in enumerate((3112, 3101, 3100)))
    reply = ask(bot, sink, text)
    cards = adaptive_cards(reply)
    assert cards
    for card in cards:
        validate_card(card_validator, card)
    assert len(json.dumps(reply).encode()) < 100 * 1024


def test_installing_the_bot_in_teams_sends_the_welcome(bot, sink):
    conv = conversation_id()
    install = activity(sink, None, conv, type="installationUpdate", action="add", channelId="msteams")
    assert post(bot, install).status_code == 200
    reply = sink.wait_for(1, conv)[0]
    assert "Azure Communication Services" in all_texts(adaptive_cards(reply))
    remove = activity(sink, None, conv, type="installationUpdate", action="remove", channelId="msteams")
    assert post(bot, remove).status_code == 200
    time.sleep(0.3)
    assert len(sink.for_conversation(conv)) == 1


def test_an_app_upgrade_does_not_greet_again(bot, sink):
    conv = conversation_id()
    post(bot, activity(sink, None, conv, type="installationUpdate", action="add-upgrade", channelId="msteams"))
    time.sleep(0.3)
    assert sink.for_conversation(conv) == []


def test_install_and_join_in_one_chat_greet_once_but_help_always_answers(bot, sink):
    conv = conversation_id()
    post(bot, activity(sink, None, conv, type="installationUpdate", action="add", channelId="msteams"))
    post(bot, activity(sink, None, conv, type="conversationUpdate", channelId="msteams",
                       membersAdded=[{"id": "user-1"}]))
    time.sleep(0.3)
    assert len(sink.for_conversation(conv)) == 1
    post(bot, activity(sink, "help", conv, channelId="msteams"))
    assert len(sink.wait_for(2, conv)) == 2


def test_install_and_join_arriving_together_greet_once(bot, sink):
    """Teams and the Agents Playground open a chat with both activities at the same moment."""
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(5):
        conv = conversation_id()
        install = activity(sink, None, conv, type="installationUpdate", action="add", channelId="msteams")
        join = activity(sink, None, conv, type="conversationUpdate", channelId="msteams", membersAdded=[{"id": "user-1"}])
        with ThreadPoolExecutor(2) as pool:
            statuses = [r.status_code for r in pool.map(lambda body: post(bot, body), [install, join])]
        assert statuses == [200, 200]
        assert len(sink.settle(conv)) == 1


def test_teams_channel_mention_of_the_bot_is_not_part_of_the_question(bot, sink):
    mention = {"type": "mention", "text": "<at>Error Explainer</at>", "mentioned": {"id": "bot-1", "name": "Error Explainer"}}
    reply = ask(bot, sink, "<at>Error Explainer</at> help", channelId="msteams", entities=[mention])
    assert "Azure Communication Services" in all_texts(adaptive_cards(reply))  # "help", not a search for the name


def test_malformed_mention_entities_do_not_break_the_turn(bot, sink):
    reply = ask(bot, sink, "<at>(bot</at> sms 4007", channelId="msteams", entities=[{"type": "mention"}, {"type": 5}])
    assert answered_source(adaptive_cards(reply)[0]) == "acs-sms-delivery"


def test_example_button_posted_as_data_is_answered_as_the_question(bot, sink):
    """A client that ignores the imBack convention posts the example button's data as value
    (example buttons of cards sent before the examples moved to suggested actions)."""
    from cards import ask_action

    example = ask_action(EXAMPLE_QUESTIONS[0])
    reply = ask(bot, sink, None, value=submit_data(example))
    card = adaptive_cards(reply)[0]
    assert {submit_data(a).get("action") for a in actions(card)} & {"feedback", "explain"}
