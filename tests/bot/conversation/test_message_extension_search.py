"""Teams' message extension: looking an error up from the compose box (composeExtension/query).

The user types into the search box of command ``searchErrors``; Teams sends what
they typed and shows the bot's answer as a list: one preview per entry, and the
entry's full answer card, which is what Teams inserts into the chat when one
is picked. All over HTTP against the real server.
"""

from __future__ import annotations

import json

import pytest

from tests.support.bot_server import activity, all_texts, conversation_id, post, validate_card
from tests.support.conversation import ask

ADAPTIVE = "application/vnd.microsoft.card.adaptive"
THUMBNAIL = "application/vnd.microsoft.card.thumbnail"


def search(bot, sink, text: str | None, *, command: str = "searchErrors", initial_run: bool = False):
    parameters = [{"name": "initialRun", "value": "true"}] if initial_run else []
    if text is not None:
        parameters.append({"name": "query", "value": text})
    value = {"commandId": command, "parameters": parameters, "queryOptions": {"skip": 0, "count": 25}}
    return post(bot, activity(sink, None, type="invoke", name="composeExtension/query", value=value, channelId="msteams"))


def results(response) -> list[dict]:
    """The result list Teams shows: each {"preview": {...}, "card": {...}}."""
    assert response.status_code == 200, response.text
    extension = response.json()["composeExtension"]
    assert extension["type"] == "result" and extension["attachmentLayout"] == "list"
    out = []
    for attachment in extension["attachments"]:
        assert attachment["contentType"] == ADAPTIVE and attachment["preview"]["contentType"] == THUMBNAIL
        out.append({"preview": attachment["preview"]["content"], "card": attachment["content"]})
    return out


def feedback_data(card: dict) -> dict:
    """The entry an inserted answer card is about, read from its feedback button."""
    text = json.dumps(card)
    for node in _walk(card):
        if node.get("type") == "Action.Execute" and node.get("verb") == "feedback":
            return node["data"]
    raise AssertionError(f"no feedback button on {text[:300]}")


def _walk(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def test_a_subcode_finds_its_entry_with_preview_and_answer_card(bot, sink, card_validator):
    (found,) = results(search(bot, sink, "3112"))
    assert found["preview"]["title"] == "410 / 3112 · ACS Calling"
    assert found["preview"]["text"].startswith("Call setup failed")
    validate_card(card_validator, found["card"])
    assert feedback_data(found["card"])["subcode"] == 3112
    assert "What to do" in all_texts(found["card"])


def test_a_product_and_a_code(bot, sink):
    (found,) = results(search(bot, sink, "sms 4007"))
    assert found["preview"]["title"] == "4007 · ACS SMS delivery"
    assert (feedback_data(found["card"])["source"], feedback_data(found["card"])["code"]) == ("acs-sms-delivery", 4007)


def test_a_pasted_log_line(bot, sink):
    line = "2026-05-03T10:22:01Z ERROR CallEnded: code=410 subCode=3112 reason=network configuration"
    found = results(search(bot, sink, line))
    assert feedback_data(found[0]["card"])["subcode"] == 3112


def test_an_ambiguous_code_lists_the_candidates_one_per_product(bot, sink, card_validator):
    found = results(search(bot, sink, "404"))
    assert len(found) >= 3
    sources = [feedback_data(f["card"])["source"] for f in found]
    assert len(set(sources)) == len(sources)  # one entry per product, the user picks
    assert all(f["preview"]["title"].startswith("404") for f in found)
    for f in found:
        validate_card(card_validator, f["card"])


def test_nothing_found_says_so_first_then_the_suggestions(bot, sink, card_validator):
    first, *suggestions = results(search(bot, sink, "bot returns 499"))
    assert first["preview"]["title"] == "Nothing found for “bot returns 499”"
    assert "Nothing in the catalog matches" in all_texts(first["card"])
    validate_card(card_validator, first["card"])
    assert suggestions and all(s["preview"]["text"].startswith("Suggestion: ") for s in suggestions)


def test_nothing_at_all_is_still_a_result_saying_so(bot, sink):
    (only,) = results(search(bot, sink, "my toaster is on fire"))
    assert only["preview"]["title"].startswith("Nothing found")


@pytest.mark.parametrize("text, initial_run", [(None, True), ("", False), ("   ", False)])
def test_an_empty_box_lists_the_example_questions_answers(bot, sink, text, initial_run):
    found = results(search(bot, sink, text, initial_run=initial_run))
    assert 2 <= len(found) <= 8
    assert any(f["preview"]["text"].startswith("Try “sms 4007”: ") for f in found)


@pytest.mark.parametrize(
    "value, says",
    [
        (7, "value object"),
        ("3112", "value object"),
        ({"parameters": [{"name": "query", "value": "3112"}]}, "commandId"),
        ({"commandId": "search", "parameters": [{"name": "query", "value": "3112"}]}, "no message-extension command"),
        ({"commandId": "searchErrors", "parameters": {"query": "3112"}}, "parameters"),
        ({"commandId": "searchErrors", "parameters": ["3112"]}, "parameters"),
        ({"commandId": "searchErrors", "parameters": [{"name": "query", "value": {"a": 1}}]}, "must be text"),
    ],
)
def test_malformed_queries_are_400_problems(bot, sink, value, says):
    response = post(bot, activity(sink, None, type="invoke", name="composeExtension/query", value=value,
                                  channelId="msteams"))
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert says in response.json()["detail"]


def test_a_query_without_value_is_a_400_problem(bot, sink):
    response = post(bot, activity(sink, None, type="invoke", name="composeExtension/query", channelId="msteams"))
    assert response.status_code == 400 and "value object" in response.json()["detail"]


def test_a_press_on_an_inserted_card_is_answered_like_any_teams_card(bot, sink):
    (found,) = results(search(bot, sink, "sms 4007"))
    button = next(n for n in _walk(found["card"]) if n.get("type") == "Action.Execute" and n["verb"] == "feedback")
    value = {"action": {"type": "Action.Execute", "verb": "feedback", "data": button["data"]}, "trigger": "manual"}
    response = post(bot, activity(sink, None, type="invoke", name="adaptiveCard/action", value=value,
                                  channelId="msteams", replyToId="inserted-1"))
    assert response.status_code == 200 and "marked this answer as" in all_texts(response.json()["value"])


def test_a_result_card_sent_into_the_bots_own_chat_is_not_taken_for_a_question(bot, sink):
    """Picked in the bot's 1:1 chat, the card is sent to the bot, its text only a placeholder for the card."""
    (found,) = results(search(bot, sink, "sms 4007"))
    conv = conversation_id()
    placeholder = ('<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">'
                   '<span itemprop="title">Error Explainer</span></span>')
    shared = activity(sink, placeholder, conv, channelId="msteams",
                      attachments=[{"contentType": ADAPTIVE, "content": found["card"]}])
    assert post(bot, shared).status_code == 200
    ask(bot, sink, "sms 4007", conv, channelId="msteams")  # a real question afterwards is answered...
    replies = sink.settle(conv)
    assert len(replies) == 1 and "Nothing in the catalog" not in all_texts(replies)  # ...and nothing else was
