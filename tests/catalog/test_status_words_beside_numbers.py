"""Where a status is said both in digits and in words, each says what it can.

Call Automation lists subcode 8522 twice, under 404 (a resource such as a call or a
participant not found) and under 405 (missing configuration). A message that says "not
found" beside the subcode says which: the reason phrase of one of the two statuses is
the word that differs.

A reason phrase beside a different status in digits ("'Bot: service unavailable' / HTTP 502
Bad Gateway") is often only the product's wording of the failure; the digits are the
status the error came with, so their row comes first.
"""

import pytest

from tests.support.matching import assert_answers, ident


@pytest.mark.parametrize(
    "question, expected",
    [
        ("AddParticipantAsync throws: Code: 8522 Message: Participant not found", ("acs-call-automation", 404, 8522)),
        ('call automation transfer failed {"code": 8522, "message": "Resource Not Found"}',
         ("acs-call-automation", 404, 8522)),
        ("answerCall rejected with subcode 8522, Method Not Allowed until the media config is set",
         ("acs-call-automation", 405, 8522)),
    ],
)
def test_the_status_said_in_words_picks_between_a_subcodes_two_rows(explain, question, expected):
    assert_answers(explain(question), expected)


def test_without_words_for_either_status_the_subcode_stays_open(explain):
    assert explain("call automation subcode 8522").status == "ambiguous"


@pytest.mark.parametrize(
    "question, first",
    [
        ("direct line: webchat shows 'Service Unavailable' but the network tab has HTTP 502", ("bot-service", 502, None)),
        ("ACS chat send fails 'Too Many Requests' and the response status is 503", ("acs-chat", 503, None)),
    ],
)
def test_a_status_in_digits_comes_before_a_different_one_in_words(explain, question, first):
    d = explain(question)
    assert d.status == "answer", d
    assert ident(d.matches[0]) == first


def test_unauthenticated_is_another_name_of_401(explain):
    """{"message": "Unauthenticated"} is how many APIs name the 401 (and gRPC its status 16)."""
    d = explain('Teams bot reply to smba.trafficmanager.net: {"error": {"code": "BadArgument", "message": "Unauthenticated"}}')
    assert d.status == "answer" and ident(d.matches[0]) == ("bot-service", 401, None)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Teams bot proactive message: we get an unauthorized exception", ("bot-service", 401, None)),
        ("the bot throws a forbidden exception when it replies in a channel", ("bot-service", 403, None)),
    ],
)
def test_a_status_named_as_an_exception_is_that_status(explain, question, expected):
    """'an unauthorized exception': the exception is named for its status, even in plain words."""
    assert_answers(explain(question), expected)


def test_a_message_of_several_words_before_exception_stays_a_message(explain):
    """'camera not found exception' is the Calling SDK's own message, not a 404."""
    d = explain("ACS calling: camera not found exception on join")
    assert d.status == "answer" and ident(d.matches[0]) == ("acs-calling-sdk", 412, 43013)
