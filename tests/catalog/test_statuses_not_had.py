"""Statuses a question names without having got them.

"It answered 201, I was expecting a 404" names a 404 nobody got: the documents explain
errors that happen, not why one did not, so the honest answer is none. So is a status
said not to have come ("no 429 anywhere") and a choice the asker's own component makes
("should our gateway return 502 or 504?"). A status that was got, beside one that was
only expected, is still answered; so is an expected one asked about when no success was
reported ("should that be a 422? we get 500").
"""

import pytest

from catalog.query import parse
from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        # the error expected beside the success got
        "POST to the Omnichannel messaging API with an unknown channel id answers 202, I was expecting 400",
        "deleting an ACS chat message twice gives 204 both times, shouldn't the second one be a 404?",
        "our RAG API accepts an upload with Content-Type text/x-foo and returns 201, I thought that was 415",
        "Direct Line still answers 200 for a conversation I ended yesterday; docs made me think ended ones return 404",
        "SmsClient.send to a landline comes back 202 Accepted, expected a 400 Bad request straight away",
        "Call Automation hangUp on a call that already ended answers 204, it is supposed to come back with 8522",
        # said not to have come
        "Web Chat freezes after a while, there is no 502 and no 503 in the network tab, just silence",
        "CallAgent creation hangs forever: no 408, nothing in the console",
        # the asker's own component choosing what to send
        "our bot proxy times out waiting for the bot, should we send 502 or 504 back to Direct Line?",
        "for our SIP trunk in front of ACS direct routing, is it better to answer 480 or 486 when nobody is free?",
        # ... or asked outright, with the status the component sends today in the story before
        "our softphone sends 480 when the user declines an ACS call. which status code should a decline send?",
    ],
)
def test_a_status_not_got_is_no_error_to_explain(explain, question):
    assert explain(question).status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        # got, beside the success that was only hoped for
        ("expected 200 OK but Direct Line gives me 403", ("bot-service", 403, None)),
        ("Expected: 201, Received: 401 from the SMS API", ("acs-sms-api", 401, None)),
        # a test's assertion that says what it got first: chai's "expected <actual> to equal <wanted>"
        ("rag api upload test: AssertionError: expected 413 to equal 201", ("rag-api", 413, None)),
        # the expected status is the question when no success was reported
        ("chat sdk gives me 500 when the token is missing, shouldn't that be a 401?", ("acs-chat", 401, None)),
        # named once as got: the 429 is had, whatever else is said of it
        ("my bot has no 429 handling, so when Direct Line returns 429 it crashes", ("bot-service", 429, None)),
    ],
)
def test_a_status_got_is_still_answered(explain, question, expected):
    assert_answers(explain(question), expected)


def test_what_is_left_out_is_said_in_the_parse():
    p = parse("sendMessage still succeeds with 201, shouldn't the Chat SDK throw 403?")
    assert p.targets == ()
    assert p.not_had == (201, 403)


def test_a_number_after_no_dot_is_still_a_number():
    # "no." is a role word ("error no. 4003"), not a negation
    assert [t.number or t.code for t in parse("sms error no. 4003").targets] == [4003]


@pytest.mark.parametrize(
    "question",
    [
        # the two ends of a table name a list, not two codes
        "the call end docs list subcodes 10003 through 10078, is there a newer list with the ones above?",
        "which SMS delivery codes between 4000 to 4010 count as permanent failures for our retry policy docs?",
        # a success reported, and words that tell no failure
        "Direct Line answers 200 OK to every post but the bot's reply shows up twice in Web Chat",
        # a count of what a campaign sent
        "we sent 4002 texts through ACS last night; can I get one CSV of their delivery reports?",
    ],
)
def test_numbers_that_name_no_error_got(explain, question):
    assert explain(question).status == "none"


def test_two_statuses_a_story_went_between_stay_statuses():
    assert sorted(t.number or t.code for t in parse("direct line went from 403 to 401 overnight").targets) == [401, 403]


@pytest.mark.parametrize(
    "question",
    [
        "our RAG API took a 2 GB upload with 200; I thought it should return 413 Payload Too Large. is the limit documented?",
        "sent a 40 MB file to the RAG API upload endpoint, it came back 200 OK although I expected 413 Content Too Large",
    ],
)
def test_a_status_expected_by_another_of_its_names_is_no_quote_of_the_row_titled_so(explain, question):
    """"Payload Too Large" is 413's name (lexicon.toml [status_words]) as much as Python's "Request Entity
    Too Large" is: the RAG API's 413 row titled by it is no row's own words quoted, so the status
    expected beside the 200 got stays a status not had."""
    assert explain(question).status == "none"


def test_a_status_got_by_another_of_its_names_is_still_its_row(explain):
    assert_answers(explain("RAG API upload fails with Payload Too Large"), ("rag-api", 413, None))
