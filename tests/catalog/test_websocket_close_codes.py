"""A WebSocket's close code is the socket's, not one of our four-digit codes.

RFC 6455 numbers a closed socket 1000-1015, and applications close theirs with 4000-4999:
"the websocket closes with code 4001" fits the SMS delivery code 4001 by its digits only.
A number told as a close code ("close code", "closed with code", "closes (code: ...)") is
not read as a code, and like an HRESULT it is a kind of code none of our tables has, so
only an unmistakable text match may answer. The same digits named as ours stay ours.
"""

import pytest

from tests.support.matching import assert_ours, targets


@pytest.mark.parametrize(
    "question",
    [
        "the websocket closes with code 4001 right after connecting",
        "socket.io: connection closed, close code 4008, reason empty",
        "our streaming client gets onclose fired; closed with status 1011 after 30 seconds",
        "the realtime endpoint is closing (code: 4000) every few minutes",
    ],
)
def test_a_close_code_is_no_code_of_ours(explain, question):
    assert targets(question) == []
    decision = explain(question)
    assert decision.status == "none"
    assert decision.matches == () or all(m.entry.code not in (4000, 4001, 4008) for m in decision.matches)


def test_the_same_digits_named_as_an_sms_delivery_code_stay_ours(explain):
    assert_ours(explain("ACS SMS delivery report says 4001"), ("acs-sms-delivery", 4001, None))
