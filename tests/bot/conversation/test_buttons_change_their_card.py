"""A button press changes the card it was pressed on, so the old buttons cannot be pressed again.

In Teams the buttons are Action.Execute (Universal Actions): the press arrives as an
adaptiveCard/action invoke and the bot answers it, in the HTTP response, with the
card that replaces the pressed one. Web Chat and the Emulator get Action.Submit,
and the bot updates the message it sent (PUT to the connector, here the local sink).
A feedback verdict is counted once per message, entry and user.
"""

from __future__ import annotations

import pytest

from tests.support.bot_server import adaptive_cards, all_texts, conversation_id, post, activity, validate_card
from tests.support.cards import walk
from tests.support.conversation import actions, ask, facts, submit_data

ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def teams_ask(bot, sink, text, conv):
    """A question in Teams: the reply's first card."""
    return adaptive_cards(ask(bot, sink, text, conv, channelId="msteams"))[0]


def press(bot, sink, conv, button: dict, *, card_message: str = "msg-1", user: str = "user-1"):
    """Press an Action.Execute button as Teams does: an adaptiveCard/action invoke, replyToId = the card's message."""
    value = {"action": {"type": "Action.Execute", "verb": button["verb"], "data": button["data"]}, "trigger": "manual"}
    body = activity(sink, None, conv, type="invoke", name="adaptiveCard/action", value=value, channelId="msteams",
                    replyToId=card_message, from_={"id": user, "name": "User"})
    return post(bot, body)


def executes(card: dict, verb: str) -> list[dict]:
    return [n for n in walk(card) if n.get("type") == "Action.Execute" and n["verb"] == verb]


def feedback_buttons(card: dict) -> list[dict]:
    return [a for a in actions(card) if submit_data(a).get("action") == "feedback"]


# ---------------------------------------------------------------- Teams: Action.Execute


def test_in_teams_buttons_are_universal_actions_with_a_submit_fallback(bot, sink, card_validator):
    card = teams_ask(bot, sink, "sms 4007", conversation_id())
    validate_card(card_validator, card)
    helpful, not_helpful = executes(card, "feedback")
    assert helpful["data"]["helpful"] is True and not_helpful["data"]["helpful"] is False
    assert helpful["fallback"]["type"] == "Action.Submit" and helpful["fallback"]["data"] == helpful["data"]


def test_elsewhere_buttons_stay_action_submit(bot, sink):
    card = adaptive_cards(ask(bot, sink, "sms 4007", conversation_id(), channelId="webchat"))[0]
    assert not [n for n in walk(card) if n.get("type") == "Action.Execute"]
    assert len(feedback_buttons(card)) == 2


def test_teams_feedback_press_replaces_the_buttons_with_the_verdict_and_counts_once(bot, sink, card_validator):
    conv = conversation_id()
    card = teams_ask(bot, sink, "sms 4007", conv)
    helpful = executes(card, "feedback")[0]
    before = bot.health()["feedback"]["helpful"]

    first = press(bot, sink, conv, helpful, card_message="card-4007")
    assert first.status_code == 200, first.text
    answer = first.json()
    assert answer["statusCode"] == 200 and answer["type"] == ADAPTIVE
    updated = answer["value"]
    validate_card(card_validator, updated)
    assert facts(card) and facts(updated) == facts(card)  # the same answer...
    assert not executes(updated, "feedback") and not feedback_buttons(updated)  # ...without its feedback buttons
    assert "marked this answer as helpful" in all_texts(updated)
    assert bot.health()["feedback"]["helpful"] == before + 1

    # The same press again (a second device still showing the old card, a retry): not counted again.
    again = press(bot, sink, conv, helpful, card_message="card-4007")
    assert again.status_code == 200 and again.json()["value"] == updated
    assert bot.health()["feedback"]["helpful"] == before + 1
    # Pressing "Not helpful" on that same card afterwards does not change the first verdict.
    other = press(bot, sink, conv, executes(card, "feedback")[1], card_message="card-4007")
    assert "marked this answer as helpful" in all_texts(other.json()["value"])
    assert bot.health()["feedback"]["helpful"] == before + 1


def test_teams_feedback_from_another_user_or_on_another_message_counts(bot, sink):
    conv = conversation_id()
    helpful = executes(teams_ask(bot, sink, "what is subcode 3112", conv), "feedback")[0]
    before = bot.health()["feedback"]["helpful"]
    press(bot, sink, conv, helpful, card_message="m1", user="alice")
    press(bot, sink, conv, helpful, card_message="m1", user="bob")
    press(bot, sink, conv, helpful, card_message="m2", user="alice")
    press(bot, sink, conv, helpful, card_message="m1", user="alice")  # alice again on m1: a repeat
    assert bot.health()["feedback"]["helpful"] == before + 3


def test_teams_choice_press_replaces_the_choice_card_with_the_answer(bot, sink, card_validator):
    conv = conversation_id()
    choice = teams_ask(bot, sink, "what is 404", conv)
    rows = executes(choice, "explain")
    assert len(rows) >= 2
    chosen = rows[1]
    response = press(bot, sink, conv, chosen, card_message="choice-404")
    assert response.status_code == 200, response.text
    answer = response.json()["value"]
    validate_card(card_validator, answer)
    assert chosen["data"]["source"] in str(feedback_buttons(answer)[0]["data"])
    assert not [r for r in executes(answer, "explain") if r["data"] in [x["data"] for x in rows]]  # old rows gone
    assert len(executes(answer, "feedback")) == 2  # the answer's own feedback, in place again
    # The conversation now continues in the chosen product.
    follow_up = teams_ask(bot, sink, "and 500?", conv)
    assert executes(follow_up, "feedback")[0]["data"]["source"] == chosen["data"]["source"]


def test_teams_press_with_unusable_data_gets_a_message_not_an_error(bot, sink):
    conv = conversation_id()
    for data in ({"source": "acs-call-end"}, {"source": "acs-call-end", "code": 999, "subcode": 99999}):
        response = press(bot, sink, conv, {"verb": "explain", "data": data})
        assert response.status_code == 200, response.text
        answer = response.json()
        assert answer["type"] == "application/vnd.microsoft.activity.message" and answer["value"]


@pytest.mark.parametrize(
    "value",
    [
        None,
        "Action.Execute",
        [1, 2],
        {"action": None},
        {"action": "x"},
        {"action": {"type": "Action.Submit", "data": {"action": "explain"}}},
        {"action": {"type": "Action.Execute", "data": {}}},
        {"action": {"type": "Action.Execute", "verb": "feedback", "data": "helpful"}},
    ],
)
def test_malformed_card_action_invokes_are_400_problems(bot, sink, value):
    body = activity(sink, None, type="invoke", name="adaptiveCard/action", channelId="msteams")
    if value is not None:
        body["value"] = value
    response = post(bot, body)
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 400 and "adaptiveCard/action" in problem["detail"]
    assert problem["correlationId"] == response.headers["x-correlation-id"]


# ---------------------------------------------------------------- Web Chat / Emulator: Submit, updated in place


@pytest.mark.parametrize("channel", ["webchat", "emulator", "directline"])
def test_submit_feedback_updates_the_card_in_place(bot, sink, channel):
    conv = conversation_id()
    reply = ask(bot, sink, "bot returns 405", conv, channelId=channel)
    helpful = feedback_buttons(adaptive_cards(reply)[0])[1]  # "No"
    before = bot.health()["feedback"]["not_helpful"]
    sent = len(sink.for_conversation(conv))

    # Web Chat posts the Submit's data as the value of a message, with no replyToId.
    response = post(bot, activity(sink, None, conv, value=submit_data(helpful), channelId=channel))
    assert response.status_code == 200
    (update,) = sink.wait_for_updates(1, conv)
    card = adaptive_cards(update["activity"])[0]
    assert "marked this answer as not helpful" in all_texts(card)
    assert not feedback_buttons(card)
    assert update["activity"]["id"] == update["updated_id"]
    assert sink.settle(conv)[sent:] == []  # no extra "thanks" message: the card says it
    assert bot.health()["feedback"]["not_helpful"] == before + 1


def test_submit_choice_press_replaces_the_choice_message(bot, sink):
    conv = conversation_id()
    choice = adaptive_cards(ask(bot, sink, "what is 404", conv, channelId="webchat"))[0]
    row = [a for a in actions(choice) if submit_data(a).get("action") == "explain"][0]
    sent = len(sink.for_conversation(conv))
    post(bot, activity(sink, None, conv, value=submit_data(row), channelId="webchat"))
    (update,) = sink.wait_for_updates(1, conv)
    answer = adaptive_cards(update["activity"])[0]
    assert feedback_buttons(answer)[0]["data"]["source"] == row["data"]["source"]
    assert sink.settle(conv)[sent:] == []

    # The answer now in that message gets its own feedback updated in place as well.
    post(bot, activity(sink, None, conv, value=submit_data(feedback_buttons(answer)[0]), channelId="webchat"))
    updates = sink.wait_for_updates(2, conv)
    assert updates[1]["updated_id"] == update["updated_id"]
    assert "marked this answer as helpful" in all_texts(updates[1]["activity"])


def test_a_press_on_a_message_the_bot_did_not_note_is_answered_with_a_new_message(bot, sink):
    conv = conversation_id()
    choice = adaptive_cards(ask(bot, sink, "what is 404", conv, channelId="webchat"))[0]
    row = [a for a in actions(choice) if submit_data(a).get("action") == "explain"][0]
    # The message the bot remembers is not the one pressed on (replyToId names another, say one of
    # several cards in a message): replacing it would lose the rest, so the answer comes anew.
    reply = ask(bot, sink, None, conv, value=submit_data(row), channelId="webchat", replyToId="someone-elses")
    assert feedback_buttons(adaptive_cards(reply)[0])
    assert sink.updates_for(conv) == []


# ---------------------------------------------------------------- other invokes


@pytest.mark.parametrize(
    "name, value",
    [("signin/tokenExchange", {"id": "x", "connectionName": "aad", "token": "eyJ"}),
     ("signin/verifyState", {"state": "123456"}),
     ("task/fetch", {"data": {}}),
     ("composeExtension/selectItem", {"a": 1})],
)
def test_invokes_this_bot_does_not_offer_are_501_without_a_crashed_turn(bot, sink, name, value):
    conv = conversation_id()
    response = post(bot, activity(sink, None, conv, type="invoke", name=name, value=value, channelId="msteams"))
    assert response.status_code == 501, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert sink.settle(conv) == []  # no apology for a failed turn was posted


def test_an_invoke_without_a_name_is_a_400_problem(bot, sink):
    response = post(bot, activity(sink, None, type="invoke", value={"a": 1}, channelId="msteams"))
    assert response.status_code == 400 and "needs a name" in response.json()["detail"]
