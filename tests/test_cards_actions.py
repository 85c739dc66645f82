"""Buttons carry their payload so both Teams and Web Chat deliver it, and
parse_submit turns whatever comes back into a Submit or None, never an error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cards import Submit, ask_action, explain_action, feedback_actions, parse_submit
from conftest_cards import CODELESS, FULL, MINIMAL


def web_chat_value(action: dict) -> object:
    """What Web Chat posts as activity.value for an Action.Submit: its data object."""
    return action["data"]


def teams_value(action: dict) -> object:
    """What Teams posts as activity.value for a messageBack: data.msteams.value."""
    assert action["data"]["msteams"]["type"] == "messageBack"
    return action["data"]["msteams"]["value"]


@pytest.mark.parametrize("deliver", [web_chat_value, teams_value], ids=["web chat", "teams"])
@pytest.mark.parametrize("entry", [FULL, MINIMAL, CODELESS], ids=["code+subcode", "code", "key"])
def test_explain_button_round_trips_to_the_same_entry(deliver, entry):
    submit = parse_submit(deliver(explain_action(entry)))
    assert submit == Submit("explain", entry.source, entry.code, entry.subcode, entry.key)


def test_a_codeless_entry_without_a_key_is_found_again_by_its_string_code():
    from catalog import Catalog
    from catalog.schema import Entry

    entry = Entry(source="acs-chat", kind="concept", section="s", string_code="Forbidden", title="Forbidden", message="m")
    catalog = Catalog({}, [entry, MINIMAL])
    for value in (explain_action(entry)["data"], explain_action(entry)["data"]["msteams"]["value"]):
        assert parse_submit(value).entry_in(catalog) == entry


@pytest.mark.parametrize("deliver", [web_chat_value, teams_value], ids=["web chat", "teams"])
def test_feedback_buttons_round_trip_with_verdict_and_question(deliver):
    helpful, not_helpful = feedback_actions(FULL, "what is 410 3112")
    assert (helpful["title"], not_helpful["title"]) == ("Helpful", "Not helpful")
    yes, no = parse_submit(deliver(helpful)), parse_submit(deliver(not_helpful))
    assert yes == Submit("feedback", "acs-call-end", 410, 3112, None, True, "what is 410 3112")
    assert no.helpful is False and no.query == "what is 410 3112"


def test_feedback_keeps_only_the_first_200_characters_of_the_question():
    button = feedback_actions(FULL, "x" * 5000)[0]
    assert button["data"]["query"] == "x" * 200
    assert parse_submit(button["data"]).query == "x" * 200


def test_teams_message_back_shows_a_label_and_sends_a_readable_question():
    teams = explain_action(FULL)["data"]["msteams"]
    assert teams["displayText"] == explain_action(FULL)["title"]
    assert teams["text"] == "acs-call-end 410 3112"
    assert explain_action(CODELESS)["data"]["msteams"]["text"] == "acs-call-end expected-error"


def test_explain_button_title_leads_with_the_numbers_and_is_clipped():
    title = explain_action(FULL)["title"]
    assert title.startswith("410 / 3112 — Call setup failed")
    assert len(title) <= 60 and title.endswith("…")
    assert explain_action(FULL, title="Pick me")["title"] == "Pick me"


def test_payload_leaves_out_fields_the_entry_does_not_have():
    data = explain_action(MINIMAL)["data"]
    assert {k for k in data if k != "msteams"} == {"action", "source", "code"}


def test_example_button_sends_the_question_as_typed_text_in_both_clients():
    data = ask_action("my bot returns 401")["data"]
    assert data["msteams"] == {"type": "imBack", "value": "my bot returns 401"}
    assert (data["__isBotFrameworkCardAction"], data["type"], data["value"]) == (True, "imBack", "my bot returns 401")


def test_parse_accepts_a_json_string_and_a_wrapped_teams_value():
    payload = {"action": "explain", "source": "rag-api", "code": 404}
    assert parse_submit(json.dumps(payload)) == Submit("explain", "rag-api", 404)
    assert parse_submit({"msteams": {"type": "messageBack", "value": payload}}) == Submit("explain", "rag-api", 404)


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
