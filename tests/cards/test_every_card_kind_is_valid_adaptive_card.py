"""Every kind of card, in both button styles, against the vendored Adaptive Cards 1.5 schema.

The kinds the redesign added (summary of several codes, the assumed-product
line with one-tap other products, Action.Execute buttons) are built from the
real catalog here, so a field Teams would reject shows up as a schema error.
"""

from __future__ import annotations

import pytest

from cards import answer_card, cards_for, welcome_card
from catalog import load_catalog
from catalog.decision import Match
from tests.support.cards import card_validator, schema_errors

QUESTIONS = {
    "answer": "what is subcode 3112",
    "choice": "what is 404",
    "nothing found": "code 418",
    "several codes": '{"error": {"code": "upstream_error", "status_code": 502}} and 410 3112',
}


@pytest.fixture(scope="module")
def validator():
    found = card_validator()
    if found is None:
        pytest.skip("../shared/schemas/adaptive-card-1.5.json is absent")
    return found


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize("style", ["submit", "execute"])
@pytest.mark.parametrize("kind", QUESTIONS)
def test_each_kind_of_reply_is_valid(validator, catalog, kind, style):
    built = cards_for(catalog.explain(QUESTIONS[kind]), catalog.sources, ["what is subcode 3112"], style=style).cards
    assert built
    for card in built:
        assert schema_errors(validator, card) == []


def test_the_welcome_and_every_entry_with_an_assumed_product_are_valid(validator, catalog):
    assert schema_errors(validator, welcome_card(catalog.sources, ["what is subcode 3112"])) == []
    other = Match(catalog.entries[0], 0.9)
    for entry in catalog.entries:
        card = answer_card(Match(entry, 1), query="q", sources=catalog.sources, context_decided=entry.source,
                           others=(other,), style="execute")
        assert schema_errors(validator, card) == [], entry.identity
