"""The bot in Microsoft 365 Agents Playground, driven in headless Chromium like a person would.

The Playground renders cards the way Teams does and sends what Teams sends
(channelId msteams, its own /_connector serviceUrl), so this is the closest to
Teams that runs on this machine. Each test gets a fresh Playground (a fresh
conversation: follow-up state from one test must not steer the next) against
one bot started for the module. Screenshots land in artifacts/e2e/.
"""

from __future__ import annotations

from bot.conversation.turn_errors import SORRY
from catalog import load_catalog
from tests.support.e2e import drive, PLAYGROUND_SEND_BOX, squash, WELCOME





def _only(question: str):
    decision = load_catalog().explain(question)
    assert decision.status == "answer", f"the catalog should answer {question!r} outright: {decision}"
    return decision.matches[0].entry


def test_answer_card_renders_title_facts_and_advice(playground):
    entry = _only("what is subcode 3112")
    report = drive(
        "playground-answer", playground, PLAYGROUND_SEND_BOX,
        [{"say": "what is subcode 3112", "waitFor": entry.title, "shot": "answer-3112"}],
        wait_on_load=WELCOME,
    )
    assert any(WELCOME in squash(c) for c in report["loaded"]["cards"]), "no welcome card when the chat opened"
    card = squash(report["steps"][0]["cards"][-1])
    assert entry.title in card
    assert "Code 410 · Subcode 3112" in card, card
    assert squash(entry.advice).removesuffix(" here.") in card, card
    assert report["pageErrors"] == [], report["pageErrors"]
    assert_no_turn_errors(report)


def test_choosing_from_an_ambiguous_question_renders_that_answer(playground):
    decision = load_catalog().explain("what is 404")
    assert decision.status == "ambiguous" and len(decision.matches) > 1
    chosen = next(m.entry for m in decision.matches if m.entry.source == "acs-call-end")
    label = chosen.title  # the whole row is the button
    report = drive(
        "playground-choice", playground, PLAYGROUND_SEND_BOX,
        [
            {"say": "what is 404", "waitFor": label, "shot": "choices-404"},
            # Teams' Universal Actions: the choice card itself becomes the answer.
            {"click": label, "waitFor": "Helpful?", "shot": "chosen-404", "inPlace": True},
        ],
        wait_on_load=WELCOME,
    )
    choices = squash(report["steps"][0]["cards"][-1])
    for match in decision.matches:
        assert match.entry.title in choices, f"{match.entry.title!r} missing from {choices!r}"
    answer = squash(report["steps"][1]["cards"][0])
    assert chosen.title in answer and "Code 404" in answer, answer
    assert "Which «404» do you mean?" not in report["finalText"]  # the old rows cannot be pressed again
    assert report["pageErrors"] == [], report["pageErrors"]
    assert_no_turn_errors(report)


def assert_no_turn_errors(report: dict) -> None:
    """The bot's turn-error apology is plain text beside the cards; a card test alone would miss it."""
    apology = SORRY.split("(")[0].strip()
    assert apology not in report.get("finalText", ""), (
        "the bot apologised for a failed turn on the page (see its log for the reference):\n"
        + report.get("finalText", "")[-1500:]
    )


def test_the_welcome_writes_out_example_questions(playground):
    """The examples are written on the welcome and offered as suggested actions (Web Chat shows
    those under the transcript; the Playground 0.2.28 shows none, so here they are text)."""
    report = drive("playground-welcome", playground, PLAYGROUND_SEND_BOX, [], wait_on_load=WELCOME)
    welcome = squash(report["loaded"]["cards"][0])
    assert "Try: “what is subcode 3112”" in welcome, welcome
