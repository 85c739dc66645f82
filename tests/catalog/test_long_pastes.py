"""Long posts and pastes: the whole message is read, and its error lines count most.

The bot used to cut a message at 2,000 characters, so a log whose error is on its
last line found nothing. The matcher reads the whole message up to the bot's body
limit. In a forum-style post, what it quotes as the error outweighs the story.
"""

import random

import pytest

from catalog.match import MAX_QUESTION_CHARS
from tests.support.matching import assert_answers, ident


def log(lines: int, last: str, seed: int = 5) -> str:
    rng = random.Random(seed)
    out = [
        f"2024-06-{1 + i % 28:02d}T08:{i % 60:02d}:{(3 * i) % 60:02d}.{i % 1000:03d}Z INFO [w{i % 4}] "
        f"id={rng.getrandbits(64):016x} took {rng.randint(2, 900)} ms, {rng.randint(1, 400)} users, "
        f"Chrome {100 + i % 20} on Android {8 + i % 6}, build {20240000 + i}, at worker.js:{i}:{i % 80}"
        for i in range(lines)
    ]
    return "\n".join(out + [last])


def test_a_20_kb_log_with_the_error_on_its_last_line_is_answered(explain):
    paste = log(150, 'ERROR CallAutomation failed: {"code": 400, "subcode": 8523, "message": "criteria is empty"}')
    assert len(paste) > 20_000
    d = explain(paste)
    assert d.status == "answer"
    assert [ident(m) for m in d.matches] == [("acs-call-automation", 400, 8523)]
    assert d.truncated_at is None  # read whole


def test_a_log_of_only_noise_is_none(explain):
    assert explain(log(150, "INFO shutting down")).status == "none"


def test_the_whole_body_is_read_and_only_beyond_it_is_cut(explain):
    assert MAX_QUESTION_CHARS >= 256 * 1024
    d = explain("x " * 60_000 + "subcode 3112")  # 120 KB, the code at the end
    assert d.status == "answer" and ident(d.matches[0]) == ("acs-call-end", 410, 3112)
    assert d.truncated_at is None


STORY = (
    "Hi everyone, hoping someone can point me in the right direction, I have been going around in "
    "circles for two days now. We are building an internal helpdesk web app for our support team and "
    "the plan is that agents place calls to customers straight from the browser. Everything worked in "
    "our dev tenant last month, and my colleague swears nothing changed apart from a couple of package "
    "upgrades and the new login page. {error} Our manager wants a fix before the demo on Friday, so any "
    "pointer is much appreciated. Thanks in advance!"
)


@pytest.mark.parametrize(
    "error, expected",
    [
        ('Now when an agent opens a second tab the console shows: "Failed to create CallAgent, an instance of '
         'CallAgent associated with this identity already exists." and nothing works until a reload.',
         ("acs-calling-sdk", 409, 40228)),
        ('Some reminders to patients come back with "The recipient has opted out of receiving messages" '
         "although they never replied STOP.", ("acs-sms-delivery", 4007, None)),
        ("Then the browser logs Error: Failed to start video, permission wasn't granted to use selected "
         "video device, every single time.", ("acs-calling-sdk", 403, 43001)),
    ],
)
def test_in_a_long_post_the_error_outweighs_the_story(explain, error, expected):
    assert_answers(explain(STORY.format(error=error)), expected)


def test_stack_frames_do_not_dilute_the_error_even_on_one_line(explain):
    paste = ("CallError: CallClient.createCallAgent: Failed to create call agent, call agent for this ACS Id "
             "already exists     at Le (callComposite.js:2)     at ke.<anonymous> (callComposite.js:2)     "
             "at Generator.throw (<anonymous>)")
    assert_answers(explain(paste), ("acs-calling-sdk", 409, 40228))
