"""A message reported without quotation marks, after "saying" or "with the message", is the error.

"... then the play prompt request fails saying the call is not established": the action that
failed (play a prompt) is the story, what it said is the error (8501 Call Not Established, not
8511 Play Prompt Failed). In a long post, the words after "saying", "stating", "complaining that"
or "with the message" count as a quoted message does (posts.error_text).
"""

import pytest

from catalog.posts import error_text

HOLD_PROMPT = (
    "Our Java service on ACS Call Automation plays a hold prompt when a transfer to the agent queue falls "
    "through. The transfer failure event arrives, then the play prompt request fails{said} the call is not "
    "established. Shouldn't the connection still be up after a failed transfer, and how do we keep the caller "
    "on the line?"
)


def test_what_the_request_said_picks_the_row_not_the_action_that_failed(explain):
    d = explain(HOLD_PROMPT.format(said=" saying"))
    assert d.status == "answer"
    assert (d.matches[0].entry.source, d.matches[0].entry.subcode) == ("acs-call-automation", 8501)


def test_without_the_saying_the_rows_own_saying_still_decides(explain):
    # the same post with the message only run on: "the call is not established" is how people
    # tell 8501 with Call Automation named (its said_in_product), so the row is still the answer
    d = explain(HOLD_PROMPT.format(said=","))
    assert d.status == "answer"
    assert (d.matches[0].entry.source, d.matches[0].entry.subcode) == ("acs-call-automation", 8501)


@pytest.mark.parametrize(
    "question, subcode",
    [
        ("Our contact centre app uses Call Automation to answer calls from our ACS number. Everything works in the "
         "test tenant, but in production the answer request is rejected with the message call source identity "
         "invalid. The webhook is on the same subscription as before, so what changed?", 7507),
        ("We moved our ACS Call Automation app to a new App Service last week and kept the same code. Since then "
         "every recording start errors with the message insufficient application permissions, although nothing "
         "else changed in the deployment. What could that be?", 7504),
    ],
)
def test_a_message_after_with_the_message_is_offered_first(explain, question, subcode):
    # the same message is listed under its status and as a generic subcode: both are offered
    d = explain(question)
    assert d.status in ("answer", "ambiguous")
    assert d.matches[0].entry.subcode == subcode


@pytest.mark.parametrize(
    "post, message",
    [
        ("x" * 200 + ". Then the upload fails saying that the file is too large for the index.",
         "the file is too large for the index"),
        ("x" * 200 + ". The recognize request errors with the message initial silence timeout reached; we retried.",
         "initial silence timeout reached"),
        # the report word in capitals, opening a sentence or a shouted log line
        ("x" * 200 + ". Saying the recording cannot start in this call state, the request fails.",
         "the recording cannot start in this call state, the request fails"),
        ("x" * 200 + ". ERROR WITH MESSAGE PARTICIPANT NOT FOUND IN THE CALL",
         "PARTICIPANT NOT FOUND IN THE CALL"),
    ],
)
def test_the_words_after_saying_are_read_as_the_quoted_error(post, message):
    assert error_text(post) == message


def test_a_short_question_is_read_whole(explain):
    assert error_text("play fails saying the call is not established") is None
