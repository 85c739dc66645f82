"""A success got, and nothing happened: the play action's 202 with a prompt nobody hears.

"playAudio returns 202 but the caller hears nothing" names a status, but a success: nothing
failed that a table of errors could explain, so no failure's row answers it (match.py keeps
the words strict after a success). A tip explains how an action is set up, and the play
action's tip is exactly about a prompt that plays nothing: its words still answer beside a
success got. The audio is often told only by its numbers and channels ("an mp3 44.1kHz
stereo", "a 48 kHz wav"): those are the tip's words too (acs-troubleshooting.toml).
"""

import pytest

from tests.support.matching import assert_answers


def _tip(decision) -> str | None:
    return decision.matches[0].entry.key if decision.status == "answer" and decision.matches else None


@pytest.mark.parametrize(
    "question",
    [
        "call automation play returns 202 but silence; file is a 48 kHz stereo wav",
        "Call Automation play returns HTTP 202, nothing is heard; the wav is 8 kHz stereo",
        "Call Automation play action: the m4a prompt is accepted but callers hear silence",
        "playMedia to all participants: nothing plays, my prompt is 22050 Hz",
    ],
)
def test_a_prompt_told_by_its_format_after_a_success_is_the_play_tip(explain, question):
    assert _tip(explain(question)) == "playaudio-wav"


def test_a_success_got_claims_no_failures_row(explain):
    """The 202 opens no door for an error's row told in words: only a tip explains a success."""
    d = explain("chat sdk sendMessage returns 201 but the other user never sees it")
    assert d.status == "none"


def test_stereo_alone_is_no_prompt(explain):
    d = explain("ACS call: the other side hears me in stereo?")
    assert _tip(d) != "playaudio-wav"
