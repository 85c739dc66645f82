"""An SDK failure message quoted for an action no row is about is not some other row's.

The Calling SDK writes its failures as "Failed to <action>, <reason>", and our rows are
titled that way ("Failed to start video, no device selected"). A question that quotes
"Failed to create local video stream, ..." shares "video" and "stream" with many of them,
but fails at another action: none of them is its explanation. A row whose action is the
one quoted still answers, however its reason is worded.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        "Uncaught (in promise) CallingCommunicationError: Failed to set video effects, the effect is not supported",
        "ACS calling on Safari: Error: Failed to attach local video stream, the element was removed",
    ],
)
def test_a_failure_at_an_action_no_row_is_about_is_none(explain, question):
    assert explain(question).status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("CallingCommunicationError: Failed to start video, no device selected", ("acs-calling-sdk", 412, 43019)),
        ("acs calling error Failed to hold the call, invalid state", ("acs-calling-sdk", 500, 41033)),
        # the action written as the SDK's method names it
        ("calling sdk: Failed to create call agent, call agent for this ACS Id already exists",
         ("acs-calling-sdk", 409, 40228)),
    ],
)
def test_a_failure_at_an_action_a_row_is_about_still_answers(explain, question, expected):
    assert_answers(explain(question), expected)
