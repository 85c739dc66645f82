"""Buttons carry their payload as plain Action.Submit data, which Teams, Web Chat
and the Agents Playground all post as activity.value, and parse_submit turns
whatever comes back (old Teams-wrapped cards too) into a Submit or None, never an error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cards import Submit, ask_action, explain_action, feedback_actions, parse_submit
from tests.support.cards import CODELESS, FULL, MINIMAL, walk


def posted_value(action: dict) -> object:
    """What Teams, Web Chat and the Agents Playground post as activity.value for a plain Action.Submit."""
    return action["data"]


def has_msteams(action: dict) -> bool:
    return any("msteams" in {k.lower() for k in node} for node in walk(action["data"]))


def old_teams_button_data(payload: dict) -> dict:
    """The data of a button in a card sent before buttons became plain (still clickable in old chats)."""
    wrapper = {"type": "messageBack", "displayText": "label", "text": "question", "value": payload}
    return {**payload, "msteams": wrapper}


@pytest.mark.parametrize("entry", [FULL, MINIMAL, CODELESS], ids=["code+subcode", "code", "key"])
def test_explain_button_round_trips_to_the_same_entry(entry):
    action = explain_action(entry)
    assert action["type"] == "Action.Submit"
    submit = parse_submit(posted_value(action))
    assert submit == Submit("explain", entry.source, entry.code, entry.subcode, entry.key)


def test_a_codeless_entry_without_a_key_is_found_again_by_its_string_code():
    from catalog import Catalog
    from catalog.schema import Entry

    entry = Entry(source="acs-chat", kind="concept", section="s", string_code="Forbidden", title="Forbidden", message="m")
    catalog = Catalog({}, [entry, MINIMAL])
    assert parse_submit(posted_value(explain_action(entry))).entry_in(catalog) == entry


def test_feedback_buttons_round_trip_with_verdict_and_question():
    helpful, not_helpful = feedback_actions(FULL, "what is 410 3112")
    assert (helpful["title"], not_helpful["title"]) == ("Helpful", "Not helpful")
    yes, no = parse_submit(posted_value(helpful)), parse_submit(posted_value(not_helpful))
    assert yes == Submit("feedback", "acs-call-end", 410, 3112, None, True, "what is 410 3112")
    assert no.helpful is False and no.query == "what is 410 3112"


def test_no_button_carries_msteams_which_the_agents_playground_crashes_on():
    # Agents Playground 0.2.28: "Cannot add property msTeams, object is not extensible",
    # and the click sends nothing, for any data holding a non-empty msteams object.
    buttons = [explain_action(FULL), explain_action(CODELESS), *feedback_actions(MINIMAL, "q"), ask_action("q")]
    assert [b["title"] for b in buttons if has_msteams(b)] == []


@pytest.mark.parametrize("deliver", [
    lambda payload: old_teams_button_data(payload),  # a client posting the whole old data
    lambda payload: old_teams_button_data(payload)["msteams"]["value"],  # Teams posting msteams.value
    lambda payload: {"msteams": {"type": "messageBack", "value": json.dumps(payload)}},  # wrapped JSON text
], ids=["old data", "old teams value", "old wrapped json"])
def test_buttons_of_cards_sent_before_the_change_still_work(deliver):
    payload = {"action": "feedback", "helpful": False, "source": "acs-call-end", "code": 410, "subcode": 3112,
               "query": "what is 410 3112"}
    assert parse_submit(deliver(payload)) == Submit("feedback", "acs-call-end", 410, 3112, None, False, "what is 410 3112")


def test_feedback_keeps_only_the_first_200_characters_of_the_question():
    button = feedback_actions(FULL, "x" * 5000)[0]
    assert button["data"]["query"] == "x" * 200
    assert parse_submit(button["data"]).query == "x" * 200


def test_explain_button_title_leads_with_the_numbers_and_is_clipped():
    title = explain_action(FULL)["title"]
    assert title.startswith("410 / 3112 — Call setup failed")
    assert len(title) <= 60 and title.endswith("…")
    assert explain_action(FULL, title="Pick me")["title"] == "Pick me"


def test_payload_leaves_out_fields_the_entry_does_not_have():
    assert explain_action(MINIMAL)["data"] == {"action": "explain", "source": "rag-api", "code": 404}


def test_example_button_sends_the_question_in_web_chat_and_as_value_elsewhere():
    action = ask_action("my bot returns 401")
    assert action["title"] == "my bot returns 401"
    data = posted_value(action)
    # Web Chat 4.18.1 performs data.cardAction when data.__isBotFrameworkCardAction is set:
    # an imBack, i.e. the question sent as a typed message.
    assert data["__isBotFrameworkCardAction"] is True
    assert data["cardAction"] == {"type": "imBack", "value": "my bot returns 401"}
    # Teams and the Playground post data as activity.value; the bot reads type/value there.
    assert (data["type"], data["value"]) == ("imBack", "my bot returns 401")
    assert parse_submit(data) is None  # not mistaken for an explain/feedback press


def test_parse_accepts_a_json_string():
    payload = {"action": "explain", "source": "rag-api", "code": 404}
    assert parse_submit(json.dumps(payload)) == Submit("explain", "rag-api", 404)


def test_parse_accepts_numbers_sent_as_strings():
    value = {"action": "explain", "source": "acs-call-end", "code": "410", "subcode": " 3112 "}
    assert parse_submit(value) == Submit("explain", "acs-call-end", 410, 3112)


def test_parse_accepts_helpful_sent_as_a_string():
    value = {"action": "feedback", "helpful": "false", "source": "rag-api", "code": 404}
    assert parse_submit(value).helpful is False


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "garbage",
        "[1, 2]",
        "{not json",
        {},
        {"action": "explain"},
        {"action": "explain", "source": "acs-call-end"},  # a source, but no entry in it
        {"action": "nope", "source": "rag-api", "code": 404},
        {"action": "feedback", "helpful": "maybe", "source": "rag-api", "code": 404},
        {"action": "feedback", "source": "rag-api", "code": 404},  # no verdict
        {"action": "explain", "source": "rag-api", "code": True},  # a bool is not a code
        {"action": "explain", "source": "rag-api", "code": "four"},
        {"action": "explain", "source": "rag-api", "code": 4.5},
        {"action": "explain", "source": "Not An Id!", "code": 404},
        {"action": "explain", "source": 7, "code": 404},
        {"action": "explain", "source": "rag-api", "key": ""},
        {"action": "explain", "source": "rag-api", "key": "two\nlines"},
        {"action": "explain", "source": "rag-api", "key": "k" * 201},
        {"action": "explain", "source": "rag-api", "key": 7},
        {"action": ["explain"], "source": "rag-api", "code": 404},
        {"msteams": {"value": "nothing here"}},
        [{"action": "explain", "source": "rag-api", "code": 404}],
        404,
        3.5,
        True,
        b"\xff\xfe",
    ],
)
def test_parse_returns_none_for_anything_that_is_not_a_usable_submit(value):
    assert parse_submit(value) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20,
)
near_misses = st.fixed_dictionaries(
    {"action": st.sampled_from(["explain", "feedback", "nope", None, 1])},
    optional={
        "source": st.sampled_from(["rag-api", "acs-call-end", "", None, 5, "X"]) | st.text(max_size=10),
        "code": st.none() | st.booleans() | st.integers() | st.text(max_size=6) | st.floats(),
        "subcode": st.none() | st.integers() | st.text(max_size=6),
        "key": st.none() | st.text(max_size=8) | st.integers(),
        "helpful": st.none() | st.booleans() | st.text(max_size=6),
        "query": st.none() | st.text(max_size=30) | st.integers(),
        "msteams": json_values,
    },
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(json_values, near_misses, near_misses.map(json.dumps), st.binary(max_size=30)))
def test_parse_never_raises_and_what_it_accepts_names_an_entry(value):
    submit = parse_submit(value)
    if submit is not None:
        assert submit.action in ("explain", "feedback")
        assert isinstance(submit.source, str) and submit.source
        assert (submit.code, submit.subcode, submit.key) != (None, None, None)
        for number in (submit.code, submit.subcode):
            assert number is None or (isinstance(number, int) and not isinstance(number, bool))
        if submit.action == "feedback":
            assert isinstance(submit.helpful, bool)
