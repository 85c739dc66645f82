"""An error told in words, with its product named, is answered by the row it describes.

People often give no code at all: "the bot's state store says pre-condition not met",
"the room expired", "no camera found". The row was already our first suggestion, but
the story around the words kept it under the answer threshold. Each of these rows now
lists what people say for it among its aliases (catalog/data/*.toml), and Web Chat's
connection status ExpiredToken stands for Direct Line's 403 like its TokenExpired code
(catalog/connector_codes.toml). An alias is the row's other name: with the row's product
named it answers; its words never stand in for a number we do not have, and a phrase
every product uses ("token expired") is nobody's alias.
"""

import pytest

from tests.support.matching import assert_answers, ident


@pytest.mark.parametrize(
    "question, expected",
    [
        # the bot's state store refusing a write that lost a race (ETag): 412
        ("bot state write fails: pre-condition not met", ("bot-service", 412, None)),
        ("teams ai bot storage error due to eTag conflict when messages arrive quickly", ("bot-service", 412, None)),
        ("bot v3 throws Inconsistent SaveAsync based on ETag under load", ("bot-service", 412, None)),
        # Web Chat's connection status once Direct Line refused the expired token: 403
        ("web chat connection status ExpiredToken", ("bot-service", 403, None)),
        # joining a Room outside its validity window
        ("ACS rooms: a participant cannot get in because the room expired", ("acs-call-end", 403, 5829)),
        # the calling SDK finding no camera at all
        ("ACS calling: no camera found on the system", ("acs-calling-sdk", 412, 43013)),
        # an SMS blocked because the sending toll-free number was never verified
        ("SMS delivery report says toll-free verification missing", ("acs-sms-delivery", 4010, None)),
    ],
)
def test_a_worded_error_with_its_product_named_is_answered(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_number_we_do_not_have_is_not_answered_by_the_words_beside_it(explain):
    """'bot returns 451 etag conflict': the user named a status we do not have; 412 would be a guess."""
    assert explain("bot returns 451 etag conflict").status == "none"


def test_an_expired_token_in_general_is_not_the_bots_403(explain):
    """Every product has tokens that expire; only Direct Line's own words point at the bot's 403."""
    for question in ("the token expired", "ACS chat token expired", "ACS chat ExpiredToken"):
        d = explain(question)
        assert not (d.status == "answer" and ident(d.matches[0]) == ("bot-service", 403, None)), question


def test_a_call_ending_early_is_not_a_room_outside_its_time(explain):
    """The room aliases speak of the room; 'ends right after it starts' is any call's story."""
    d = explain("ACS call ends right after it starts")
    assert not (d.status == "answer" and ident(d.matches[0]) == ("acs-call-end", 403, 5829))


def test_a_success_sharing_a_word_does_not_make_a_worded_error_a_toss_up(explain):
    """'creates a room ... the room expired': the word 'creates' meets SMS's 201 Created, a
    success, not a rival error. A question about the success itself is still answered by it."""
    assert_answers(explain("ACS: app creates a room valid until noon, joins after it expired fail"),
                   ("acs-call-end", 403, 5829))
    assert_answers(explain("ACS SMS send returns Created but the message never arrives"), ("acs-sms-api", 201, None))
