"""Cards stay under Teams' message size, always carry a plain-text fallback,
and show what a user typed as text, never as markdown or a link."""

from __future__ import annotations

import json

import pytest

from cards import answer_card, cards_for, choice_card, fallback_text, not_found_card, notice_card, welcome_card
from catalog.decision import Decision, Match
from catalog.schema import Entry
from tests.support.cards import (
    EXAMPLES,
    FULL,
    HOSTILE_QUERY,
    SOURCES,
    ambiguous,
    answer,
    card_validator,
    nothing,
    schema_errors,
    submit_actions,
    text_blocks,
)

TEAMS_LIMIT = 28_000  # bytes; Teams rejects bigger messages
HUGE_QUERY = ("410 3112 **why** " * 7000)[:100_000]

HUGE_ENTRY = Entry(
    source="acs-call-end",
    section="s" * 5000,
    code=410,
    subcode=3112,
    string_code="S" * 5000,
    title="T" * 120,
    message="Long message. " * 8000,
    advice="\n".join(f"- step {i} " + "x" * 200 for i in range(500)),
    retry="r" * 5000,
    note="n" * 50_000,
)


def wire_size(card: dict) -> int:
    return len(json.dumps(card, ensure_ascii=False).encode("utf-8"))


def huge_cards() -> dict[str, dict]:
    many = Decision(query=HUGE_QUERY, status="ambiguous", matches=tuple(Match(HUGE_ENTRY, 0.5) for _ in range(50)))
    return {
        "answer": answer_card(Match(HUGE_ENTRY, 1.0), query=HUGE_QUERY, source=SOURCES["acs-call-end"]),
        "choice": choice_card(many, SOURCES),
        "none": not_found_card(nothing(HUGE_QUERY, hint="h" * 10_000, suggestions=[HUGE_ENTRY] * 30), SOURCES, [HUGE_QUERY] * 5),
        "welcome": welcome_card(SOURCES, [HUGE_QUERY] * 5),
        "notice": notice_card(HUGE_QUERY),
    }


HUGE = huge_cards()


@pytest.mark.parametrize("kind", sorted(HUGE))
def test_cards_fit_in_a_teams_message_even_with_huge_input(kind):
    card = HUGE[kind]
    assert wire_size(card) < TEAMS_LIMIT
    assert len(json.dumps(card, ensure_ascii=True)) < TEAMS_LIMIT  # also when every non-ASCII char is escaped


@pytest.mark.parametrize("kind", sorted(HUGE))
def test_clipped_cards_are_still_valid(kind):
    validator = card_validator()
    if validator is None:
        pytest.skip("../shared/schemas is absent, cannot validate cards")
    assert schema_errors(validator, HUGE[kind]) == []


def test_a_clipped_answer_says_it_was_clipped_and_keeps_its_heading():
    card = HUGE["answer"]
    texts = text_blocks(card)
    assert texts[0] == "T" * 120
    assert any(t.endswith("…") for t in texts)


def test_a_huge_query_is_clipped_in_the_feedback_payload():
    helpful = [a for a in submit_actions(HUGE["answer"]) if a.get("title") == "Helpful"][0]
    assert len(helpful["data"]["query"]) == 200


def test_every_card_has_a_non_empty_plain_text_fallback():
    cards = [
        *huge_cards().values(),
        *cards_for(answer(), SOURCES, EXAMPLES).cards,
        *cards_for(ambiguous(), SOURCES, EXAMPLES).cards,
        *cards_for(nothing(""), {}, []).cards,
        welcome_card({}, []),
        notice_card(""),
    ]
    for card in cards:
        assert isinstance(card["fallbackText"], str) and card["fallbackText"].strip()
        assert fallback_text(card).strip()


def test_fallback_text_gives_the_query_back_as_typed_without_escapes():
    """Text fallbacks are shown as plain text (notifications, clients without cards): no backslashes,
    no invisible characters, while the card itself shows the query escaped."""
    query = "**failed** [x](http://evil) at 2024-05-03T10:22"
    card = not_found_card(nothing(query), SOURCES, EXAMPLES)
    assert card["fallbackText"].startswith(f"Nothing in the catalog matches «{query}».")
    assert "\\" not in card["fallbackText"] and "\u200b" not in card["fallbackText"]
    assert fallback_text(card) == card["fallbackText"]
    assert r"\[x\]\(http" in text_blocks(card)[0]


def test_fallback_text_of_an_answer_carries_the_meaning():
    text = fallback_text(cards_for(answer(), SOURCES, EXAMPLES).cards[0])
    assert FULL.title in text and FULL.message in text and "410" in text


def test_fallback_text_without_fallbacktext_is_built_from_the_text_blocks():
    card = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Hello"}]}
    assert fallback_text(card) == "Hello"
    assert fallback_text({}) == ""


# ---------------------------------------------------------------- user text


def shown_query_texts(card: dict) -> list[str]:
    return [t for t in text_blocks(card) if "bold" in t]


@pytest.mark.parametrize(
    "card",
    [
        choice_card(ambiguous(HOSTILE_QUERY), SOURCES),
        not_found_card(nothing(HOSTILE_QUERY), SOURCES, EXAMPLES),
        notice_card(f"I could not read «{HOSTILE_QUERY}»."),
    ],
    ids=["choice", "none", "notice"],
)
def test_user_text_is_shown_escaped_not_as_markdown_or_a_link(card):
    (text,) = shown_query_texts(card)
    assert r"\*\*bold\*\*" in text
    assert r"\[x\]\(http" in text
    assert r"\<script\>" in text
    assert r"\# head" in text and r"\`code\`" in text and r"\> quote" in text and r"\~strike\~" in text
    assert "**bold**" not in text.replace(r"\*", "")  # no unescaped emphasis left
    assert "http://" not in text  # a linkifier finds nothing to turn into a link


@pytest.mark.parametrize(
    "query",
    ["see evil.com now", "www.evil.com", "mail me@evil.com", "line one\nline two\r\n# heading", "1. list"],
)
def test_links_newlines_and_list_starts_in_user_text_are_neutralised(query):
    (text,) = [t for t in text_blocks(not_found_card(nothing(query), SOURCES, EXAMPLES)) if "Nothing in the catalog" in t]
    assert "evil.com" not in text and "@evil" not in text
    assert "\n" not in text and "\r" not in text
    assert "«1. list" not in text


def test_user_text_is_clipped_where_it_is_shown():
    (text,) = [t for t in text_blocks(choice_card(ambiguous("q" * 5000), SOURCES)) if t.startswith("Which")]
    assert "q" * 80 not in text and "…" in text


def test_all_cards_of_one_reply_fit_in_one_teams_message():
    """The bot sends every card of a reply in one activity, so their total must fit."""
    decision = Decision(
        query=HUGE_QUERY,
        status="answer",
        matches=tuple(Match(HUGE_ENTRY, 1.0) for _ in range(9)),
        truncated_at=4000,
    )
    cards = cards_for(decision, SOURCES, EXAMPLES).cards
    assert len(cards) == 8  # the cut notice, the summary, five answers, the "and the others" notice
    assert sum(wire_size(c) for c in cards) < TEAMS_LIMIT
    assert [c["body"][0]["text"] for c in cards[2:7]] == ["T" * 120] * 5  # every answer keeps its heading
