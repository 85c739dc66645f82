"""Every kind of card as a visitor of the chat page sees it, at 400 and 800 px.

The page runs exactly as `make demo` serves it (deploy/scripts/demo.py: the
bot, the local Direct Line emulator, the page greeting the visitor on open),
in headless Chromium at a portal widget's width (400 px) and a tab's (800 px).
For each card the driver measures the rendered elements: no text may be cut
off (a box narrower or lower than its text, with or without an ellipsis) and
nothing may stick out of the card or the window. Each card is photographed on
its own under artifacts/e2e/cards/webchat-<width>/ for a person to look at.
"""

from __future__ import annotations

import shutil
import sys

import pytest

from catalog import load_catalog
from catalog.decision import Decision
from tests.support.e2e import ARTIFACTS, REPO, NodeServer, drive, ensure_e2e_tools, squash

SEND_BOX = '[data-id="webchat-sendbox-input"]'
WELCOME = "I know the error codes of"
# One message naming two problems, each twice (an HTTP status and the payload's code for it).
# The matcher tells when the conversation's product decided (Decision.context_decided) and
# offers the other products' rows (Decision.others): the card says so, and one tap on another
# product answers for it. Without those fields (an older matcher) there is nothing to tap.
CONTEXT_STEPS = (
    [{"click": "Azure Bot Service", "waitFor": "Azure Bot Service · Code 404", "shot": "other-product"}]
    if "others" in Decision.__dataclass_fields__ else []
)
RAG_PAYLOAD = (
    '{"error": {"code": "upstream_error", "status_code": 502}} then '
    '{"error": {"code": "validation_error", "status_code": 400}}'
)


@pytest.fixture(scope="module")
def demo_page():
    ensure_e2e_tools()
    demo = NodeServer(
        [sys.executable, str(REPO / "deploy/scripts/demo.py"), "--port", "0"],
        ready=r"open (http://\S+) in a browser", name="make-demo", cwd=REPO,
    ).start(timeout=90)
    yield demo.match.group(1)
    demo.stop()


def _no_problems(report: dict) -> dict[str, list[str]]:
    """Every measured card's problems, keyed by its screenshot (empty: all readable)."""
    found = {}
    measured = list(report.get("loaded", {}).get("measured", []))
    for step in report["steps"]:
        measured += step.get("measured", [])
    for card in measured:
        if card["problems"]:
            found[card["screenshot"]] = card["problems"]
    return found


@pytest.mark.parametrize("width", [400, 800])
def test_every_card_kind_reads_whole_at_this_width(demo_page, width):
    catalog = load_catalog()
    answer = catalog.explain("what is subcode 3112").matches[0].entry
    chosen = next(m.entry for m in catalog.explain("what is 404").matches if m.entry.source == "acs-call-end")
    shots = ARTIFACTS / "cards" / f"webchat-{width}"
    shutil.rmtree(shots, ignore_errors=True)  # only this run's pictures
    report = drive(
        f"webchat-{width}", demo_page, SEND_BOX,
        [
            {"say": "what is 404", "waitFor": "Which", "shot": "choice"},
            {"click": chosen.title, "waitFor": "Helpful?", "shot": "chosen"},
            {"say": "what is subcode 3112", "waitFor": answer.title, "shot": "answer"},
            # The last answer's product decides a bare 404 now; the card says so.
            {"say": "what is 404", "waitFor": "Helpful?", "shot": "context"},
            *CONTEXT_STEPS,
            {"say": "code 418", "waitFor": "Nothing in the catalog", "shot": "not-found"},
            {"say": RAG_PAYLOAD, "waitFor": "Your message names 2 errors", "shot": "several-codes"},
        ],
        wait_on_load=WELCOME, viewport={"width": width, "height": 1100}, measure=True,
        artifacts=shots,
    )
    # The page greeted the visitor before anything was typed, once.
    assert [WELCOME in squash(c) for c in report["loaded"]["cards"]] == [True], report["loaded"]["cards"]
    assert _no_problems(report) == {}
    assert report["pageErrors"] == [], report["pageErrors"]

    choice_card = squash(report["steps"][0]["cards"][-1])
    assert "ACS Calling" in choice_card and chosen.title in choice_card, choice_card
    assert chosen.title in squash(report["steps"][1]["cards"][-1])
    answer_card = squash(report["steps"][2]["cards"][-1])
    assert answer_card.count(answer.title) == 1, "the title is shown once"
    assert "Code 410 · Subcode 3112" in answer_card, answer_card
    if CONTEXT_STEPS:
        assert "Assuming ACS Calling, from your last question" in squash(report["steps"][3]["cards"][-1])
    several = [squash(c) for c in report["steps"][-1]["cards"]]
    assert len(several) == 3, "one summary and one card per problem, not per code"
    assert "Act on validation_error first, a client-side problem" in several[0], several[0]
