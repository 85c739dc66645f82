"""A failure quoted as the action it failed at is matched on that action, however it is worded.

The Calling SDK's rows say "Failed to <action>, <reason>"; a row that fails at another action
is not the one quoted, however many words they share (test_quoted_failure_of_another_action.py).
Other SDKs and apps word the same thing "Error starting live streaming: ...", "Error while
creating the view" or "Can't join call because ...": those name the action too. So "Error
starting live streaming: maximum number of live streams already live" is not 43220 ("Failed
to create view, maximum number of active RemoteVideoStream views already reached"): the
documents define no live-streaming limit. The same action worded so still finds its row.

And a zero on its own ("already live (0) null", "queue length (0)") is a count or an empty
value, not the call-end code 0: our zeros are named as a code or subcode, or beside their
pair ("603 0", "0/0").
"""

import pytest

from tests.support.matching import assert_ours, ident


@pytest.mark.parametrize(
    "question",
    [
        "Error starting the broadcast: maximum number of active streams already reached",
        "Error starting live streaming: maximum number of live streams already live",
    ],
)
def test_a_limit_of_another_action_is_not_the_view_limit(explain, question):
    decision = explain(question)
    assert decision.status == "none"


@pytest.mark.parametrize(
    "question, row",
    [
        ("Error creating view: maximum number of active RemoteVideoStream views already reached", ("acs-calling-sdk", 400, 43220)),
        ("Error starting video: video device is being used by another process", ("acs-calling-sdk", 412, 43000)),
    ],
)
def test_the_same_action_worded_so_finds_its_row(explain, question, row):
    assert_ours(explain(question), row)


def test_a_zero_on_its_own_is_no_code(explain):
    decision = explain("queue length (0) null after the bot restarts")
    assert decision.status == "none"
    assert not any(ident(m)[0] == "acs-call-end" for m in decision.matches)


def test_a_zero_named_or_paired_is_still_read(explain):
    assert_ours(explain("ACS call ended 603 0"), ("acs-call-end", 603, 0))
    decision = explain("ACS call ended with subcode 0")
    assert decision.status in ("answer", "ambiguous")
    assert all(ident(m)[2] == 0 for m in decision.matches)
