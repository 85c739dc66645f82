"""A client's one-line status with the number in brackets is that client's.

"Connection error (603)", "Registration error (403)", "Network error (408)": a generic
label and a SIP or HTTP status in brackets is how a calling widget or a softphone shows
a failed call or sign-in. None of our SDKs words an error so (the Calling SDK says what
failed, "Failed to ...", a call end gives a code and a subcode), so without one of our
names the question is 'none'. Named in one of our products, our rows answer.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

CLIENT = "another calling widget or softphone (its own 'Connection error (NNN)' status line)"


@pytest.mark.parametrize(
    "question",
    [
        "Widget shows: Call ended - Network error (408)",
        "the click-to-call button says Registration error (403) every morning",
        "Call could not be placed. Signaling error (488)",
        "after an hour idle the panel shows Transport error (503)",
    ],
)
def test_a_clients_status_line_is_not_ours(explain, question):
    assert_none_naming(explain(question), CLIENT)


def test_the_same_line_in_our_calling_sdk_is_ours(explain):
    assert_ours(explain("Connection error (603) in the Azure Communication Services calling SDK"),
                ("acs-calling-sdk", 603, None))


def test_a_status_in_brackets_without_such_a_label_is_read_as_before(explain):
    # a bot's status in brackets is no client's status line
    assert_ours(explain("my bot framework bot returns an error (502) to Web Chat"), ("bot-service", 502, None))
