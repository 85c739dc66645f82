"""Teams-native interactions in the Microsoft 365 Agents Playground, in headless Chromium.

The Playground sends what Teams sends: Action.Execute presses as adaptiveCard/action
invokes (the card is replaced by the one the bot answers with) and message-extension
searches as composeExtension/query invokes (the result list under the compose box;
a picked result is inserted into the compose box and sent into the chat).
Screenshots land in artifacts/e2e/teams/.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile

import pytest

from tests.support.e2e import ARTIFACTS, drive, E2E_DIR, PLAYGROUND_SEND_BOX, squash, WELCOME

SHOTS = ARTIFACTS / "teams"




def search_in_playground(name: str, url: str, searches: list[dict], timeout_ms: int = 25000) -> dict:
    """Run deploy/e2e/drive-message-extension.js; fails the test with the driver's account when a step did not happen."""
    scenario = {"url": url, "name": name, "artifacts": str(SHOTS), "command": "searchErrors", "parameter": "query",
                "waitOnLoad": WELCOME, "timeoutMs": timeout_ms, "searches": searches}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(scenario, f)
    try:
        proc = subprocess.run(["node", str(E2E_DIR / "drive-message-extension.js"), f.name], cwd=E2E_DIR,
                              capture_output=True, text=True, timeout=timeout_ms / 1000 * (2 * len(searches) + 3) + 30)
    finally:
        os.unlink(f.name)
    try:
        report = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        pytest.fail(f"drive-message-extension.js crashed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    if report.get("error"):
        pytest.fail(f"{name}: {report['error']}\nscreenshot: {report.get('failureScreenshot')}\n{proc.stderr[-2000:]}")
    return report


def test_feedback_press_turns_the_buttons_into_the_verdict(playground):
    report = drive(
        "playground-feedback", playground, PLAYGROUND_SEND_BOX,
        [
            {"say": "sms 4007", "waitFor": "Helpful?", "shot": "answer"},
            {"click": "Yes", "waitFor": "marked this answer as helpful", "shot": "verdict", "inPlace": True},
        ],
        wait_on_load=WELCOME, artifacts=SHOTS,
    )
    card = squash(report["steps"][1]["cards"][0])
    assert "The Destination/To number opted out" in card  # the same answer...
    assert "Helpful?" not in card  # ...whose buttons are gone
    assert report["pageErrors"] == [], report["pageErrors"]


def test_search_lists_entries_and_a_picked_one_is_sent_into_the_chat(playground):
    report = search_in_playground("playground-search", playground, [
        {"query": "3112", "waitFor": "410 / 3112 · ACS Calling"},
        {"query": "404", "waitFor": "404 · ACS Calling"},
        {"query": "bot returns 499", "waitFor": "Nothing found"},
        {"query": "sms 4007", "waitFor": "4007 · ACS SMS delivery", "pick": "4007 · ACS SMS delivery",
         "sentWaitFor": "The Destination/To number opted out"},
    ])
    code_3112, ambiguous, nothing, sms = report["searches"]
    assert "Call setup failed" in code_3112["list"]
    assert ambiguous["list"].count("404 · ") >= 3, ambiguous["list"]  # the candidates, one per product
    assert "Suggestion:" in nothing["list"]
    assert "ACS SMS delivery · Code 4007" in sms["inserted"]
    after = sms["cardsAfterSend"]
    sent = [i for i, c in enumerate(after) if "The Destination/To number opted out" in c]
    assert len(sent) == 1  # in the chat now, no longer in the compose box
    # Sent to the bot's own chat, the shared card is not read as a question.
    assert not [c for c in after[sent[0]:] if "Nothing in the catalog matches" in c], after[sent[0]:]
    assert report["pageErrors"] == [], report["pageErrors"]
