"""Every kind of card is a valid Adaptive Card 1.5 that Teams can render.

Validated against the vendored schema (../shared/schemas/adaptive-card-1.5.json,
Draft-06). The schema cannot say what Teams refuses, so a second check keeps
out the elements Teams does not render.
"""

from __future__ import annotations

import pytest

from cards import answer_card, cards_for, choice_card, not_found_card, notice_card, welcome_card
from catalog.decision import Match
from tests.support.cards import (
    CODELESS,
    EXAMPLES,
    FULL,
    HOSTILE_QUERY,
    MINIMAL,
    SDK_404,
    SOURCES,
    WITH_NOTE,
    ambiguous,
    card_validator,
    nothing,
    schema_errors,
    walk,
)

VALIDATOR = card_validator()
needs_schema = pytest.mark.skipif(VALIDATOR is None, reason="../shared/schemas is absent, cannot validate cards")

# Elements and actions that exist in 1.5 but that Teams does not render (or we must not use).
NOT_FOR_TEAMS = {"Action.Execute", "Media", "MediaSource", "Input.Text", "Input.Number", "Input.Date", "Input.Time"}


def every_kind() -> dict[str, dict]:
    return {
        "answer, all facts": answer_card(Match(FULL, 0.97), query="410 3112", source=SOURCES[FULL.source]),
        "answer, minimal facts": answer_card(Match(MINIMAL, 0.9), query="rag 404"),
        "answer, note": answer_card(Match(WITH_NOTE, 0.9), query="bot 409", source=SOURCES[WITH_NOTE.source]),
        "answer, codeless": answer_card(Match(CODELESS, 0.9), query="ExpectedError", source=SOURCES[CODELESS.source]),
        "choice": choice_card(ambiguous(HOSTILE_QUERY), SOURCES),
        "none, hint and suggestions": not_found_card(
            nothing(HOSTILE_QUERY, hint="4xx = client error", suggestions=(SDK_404, MINIMAL)), SOURCES, EXAMPLES
        ),
        "none, nothing": not_found_card(nothing(""), {}, []),
        "welcome": welcome_card(SOURCES, EXAMPLES),
        "notice": notice_card("Your message was cut at 4,000 characters; I answered the first part."),
        "notice, error tone": notice_card(HOSTILE_QUERY, tone="error"),
    }


KINDS = every_kind()


@needs_schema
def test_the_schema_check_catches_a_broken_card():
    broken = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock"}], "bogus": 1}
    assert schema_errors(VALIDATOR, broken)


@needs_schema
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_of_card_validates_against_the_1_5_schema(kind):
    assert schema_errors(VALIDATOR, KINDS[kind]) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_cards_declare_1_5_and_use_nothing_teams_cannot_render(kind):
    card = KINDS[kind]
    assert card["type"] == "AdaptiveCard"
    assert card["version"] == "1.5"
    assert card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    assert "refresh" not in card and "authentication" not in card
    used = {node.get("type") for node in walk(card)}
    assert not used & NOT_FOR_TEAMS


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_button_data_holds_msteams_which_the_agents_playground_cannot_click(kind):
    # Agents Playground 0.2.28 throws "Cannot add property msTeams, object is not
    # extensible" for any Action.Submit whose data holds a non-empty msteams object.
    buttons = [n for n in walk(KINDS[kind]) if n.get("type") == "Action.Submit"]
    assert [b["title"] for b in buttons if any("msteams" in {k.lower() for k in n} for n in walk(b["data"]))] == []


def test_answer_cards_are_full_width_in_teams():
    assert KINDS["answer, all facts"]["msteams"] == {"width": "Full"}


def _real_catalog():
    from catalog import CatalogError, load_catalog
    from catalog.loader import DATA_DIR

    if not any(DATA_DIR.glob("*.toml")):
        pytest.skip(f"no catalog data files in {DATA_DIR} yet")
    try:
        return load_catalog()
    except CatalogError as exc:  # a broken data file is the data tests' failure to report, not ours
        pytest.skip(f"catalog does not load: {exc}")


@needs_schema
def test_cards_for_every_entry_of_the_real_catalog_validate():
    catalog = _real_catalog()
    failures = []
    for entry in catalog.entries:
        card = answer_card(Match(entry, 1.0), query=entry.title, source=catalog.sources.get(entry.source))
        errors = schema_errors(VALIDATOR, card)
        if errors:
            failures.append((entry.identity, errors[:3]))
    assert failures == []
    assert len(catalog.entries) > 0


@needs_schema
def test_welcome_and_choice_cards_over_the_real_catalog_validate():
    catalog = _real_catalog()
    from catalog.decision import Decision

    everything = Decision(query="anything", status="ambiguous", matches=tuple(Match(e, 0.5) for e in catalog.entries))
    for card in [welcome_card(catalog.sources, EXAMPLES), *cards_for(everything, catalog.sources, EXAMPLES).cards]:
        assert schema_errors(VALIDATOR, card) == []


@needs_schema
def test_cards_for_the_labelled_questions_validate_and_fit():
    """End to end over the real matcher: every card the bot would send for the dev questions."""
    import json as _json

    from cards.layout import card_bytes
    from tests.support.cards import SHARED

    catalog = _real_catalog()
    questions_file = SHARED / "eval" / "dev.jsonl"
    if not questions_file.is_file():
        pytest.skip("../shared/eval/dev.jsonl is absent")
    questions = [_json.loads(line)["q"] for line in questions_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    statuses = set()
    for question in questions:
        decision = catalog.explain(question)
        statuses.add(decision.status)
        for card in cards_for(decision, catalog.sources, EXAMPLES).cards:
            assert schema_errors(VALIDATOR, card) == [], question
            assert card_bytes(card) < 28_000, question
    assert statuses == {"answer", "ambiguous", "none"}  # all three card kinds were exercised
