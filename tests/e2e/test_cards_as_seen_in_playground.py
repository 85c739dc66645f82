"""Every kind of card as the Microsoft 365 Agents Playground renders it (the way Teams does).

The Playground sends what Teams sends (channelId msteams) and renders cards
with Teams' look, so this is where a Teams user's view is checked on this
machine. As in the Web Chat test, each card is measured (no text cut off,
nothing sticking out) and photographed under artifacts/e2e/cards/playground-<width>/.
"""

from __future__ import annotations

import shutil

import pytest

from catalog import load_catalog
from catalog.decision import Decision
from tests.support.e2e import ARTIFACTS, drive, PLAYGROUND_SEND_BOX, squash, WELCOME

# The matcher tells when the conversation's product decided (Decision.context_decided) and
# offers the other products' rows (Decision.others): the card says so, and one tap on another
# product answers for it. Without those fields (an older matcher) there is nothing to tap.
CONTEXT_STEPS = (
    [{"click": "Azure Bot Service", "waitFor": "Azure Bot Service · Code 404", "shot": "other-product", "inPlace": True}]
    if "others" in Decision.__dataclass_fields__ else []
)
RAG_PAYLOAD = (
    '{"error": {"code": "upstream_error", "status_code": 502}} then '
    '{"error": {"code": "validation_error", "status_code": 400}}'
)




# One width: below about 1100 px the Playground's own log panel covers the chat.
@pytest.mark.parametrize("width", [1280])
def test_every_card_kind_reads_whole_in_the_playground(playground, width):
    catalog = load_catalog()
    answer = catalog.explain("what is subcode 3112").matches[0].entry
    chosen = next(m.entry for m in catalog.explain("what is 404").matches if m.entry.source == "acs-call-end")
    shots = ARTIFACTS / "cards" / f"playground-{width}"
    shutil.rmtree(shots, ignore_errors=True)
    report = drive(
        f"playground-{width}", playground, PLAYGROUND_SEND_BOX,
        [
            {"say": "what is 404", "waitFor": "Which", "shot": "choice"},
            {"click": chosen.title, "waitFor": "Helpful?", "shot": "chosen", "inPlace": True},  # Action.Execute
            {"say": "what is subcode 3112", "waitFor": answer.title, "shot": "answer"},
            {"say": "what is 404", "waitFor": "Helpful?", "shot": "context"},
            *CONTEXT_STEPS,
            {"say": "code 418", "waitFor": "Nothing in the catalog", "shot": "not-found"},
            {"say": RAG_PAYLOAD, "waitFor": "Your message names 2 errors", "shot": "several-codes"},
        ],
        wait_on_load=WELCOME, viewport={"width": width, "height": 1100}, measure=True, artifacts=shots,
    )
    problems = {}
    for card in report["loaded"]["measured"] + [c for s in report["steps"] for c in s["measured"]]:
        if card["problems"]:
            problems[card["screenshot"]] = card["problems"]
    assert problems == {}
    assert report["pageErrors"] == [], report["pageErrors"]
    assert chosen.title in squash(report["steps"][1]["cards"][-1])
    assert "Code 410 · Subcode 3112" in squash(report["steps"][2]["cards"][-1])
    if CONTEXT_STEPS:
        assert "Assuming ACS Calling, from your last question" in squash(report["steps"][3]["cards"][-1])

