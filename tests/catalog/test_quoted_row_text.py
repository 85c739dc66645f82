"""The row whose own title or message the question quotes is the answer.

People paste what they saw, whole or cut, in quotes or not, and tell a story around it:
"Recording Operation Conflict when I start recording twice". The story may use another
row's saying ("start recording twice" is 8559's), or a number typed from memory may be
another row's ("4001: Message is rejected due to invalid Destination/To number format"
is 4002's message). The document's own wording of one row outweighs both. A number's row
stays when its own text holds every word quoted, and a message pasted after a number
that is nothing of that row, nor of any row, is someone else's text: none.

quoted_row_text_questions.jsonl holds questions of this kind across the five documents,
worked from; the set-aside file holds a third more, scored once after the work. Their
figures on main: 75.7% (53/70) and 85.3% (29/34); after the work 92.9% (65/70) and 100%
(34/34). The worked file's misses are messages of no row written without a code of ours
("Message delayed by the recipient's mailbox" in a delivery report) and an example message
of three words ("'question' is required"), left for the words' matching.
"""

from pathlib import Path

import pytest

from tests.support.matching import assert_answers, ident, share_held

HERE = Path(__file__).parent
WORKED = HERE / "quoted_row_text_questions.jsonl"
SET_ASIDE = HERE / "quoted_row_text_questions_set_aside.jsonl"


@pytest.mark.parametrize(
    "question, expected",
    [
        # a whole title, with a story that fits another row (the PlayAudio tip, a hold)
        ("Play Prompt Failed although my wav is mono 16 kHz", ("acs-call-automation", None, 8511)),
        ("Keep Alive Timeout Reached on a long call", ("acs-call-automation", None, 8537)),
        ("Retarget Conversation Creation Failed when I redirect the call", ("acs-call-automation", None, 8549)),
        # a title holding "bot", asked about a Teams bot: the title is Call Automation's
        ("my Teams bot logs 'Incoming Call Not Acknowledged By Bot' on every call", ("acs-call-automation", None, 8586)),
        # a message's opening, cut where the question's quote stops
        ("Failed to obtain permission for microphone and/or camera usage", ("acs-calling-sdk", 400, 40613)),
        # written "is not" where the row says "isn't"
        ("The specified channel configuration is not linked to a workstream", ("omnichannel-messaging", 30014, None)),
    ],
)
def test_a_quoted_title_or_message_is_its_row(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, quoted, typed",
    [
        ("43014: Failed to start video, unsupported stream", ("acs-calling-sdk", 412, 43017), ("acs-calling-sdk", 412, 43014)),
        ("30012: The page size for conversations must either be null or between 1 and 250",
         ("omnichannel-messaging", 30007, None), ("omnichannel-messaging", 30012, None)),
        ("4010 Message failed to deliver due to unknown error/failure", ("acs-sms-delivery", 9999, None), ("acs-sms-delivery", 4010, None)),
    ],
)
def test_the_quoted_message_outweighs_the_number_typed_beside_it(explain, question, quoted, typed):
    # the row whose message it is first; the number's own row stays beside it, for the user to compare
    d = explain(question)
    assert d.status == "answer"
    assert [ident(m) for m in d.matches] == [quoted, typed]


def test_a_number_that_only_opens_rows_gives_way_to_the_title(explain):
    # "400" is every product's status, and only the code of Call Automation's 400/xxxx rows;
    # the generic subcode quoted has no code a number could contradict: it is the answer alone
    d = explain("Retarget Conversation Creation Failed, 400")
    assert [ident(m) for m in d.matches] == [("acs-call-automation", None, 8549)]


def test_a_number_whose_row_holds_every_word_quoted_stays(explain):
    # "Call not found" is the call end 404's own title, and every word of it is in 8522's row
    assert_answers(explain("Error 8522 'Call not found' after the caller hung up"), ("acs-call-automation", 404, 8522))


def test_an_event_name_is_no_quote_of_the_title_inside_it(explain):
    # MediaStreamingFailed is an event's name; 8603 is titled "Media Streaming Failed"
    assert_answers(explain("MediaStreamingFailed with subcode 8604"), ("acs-call-automation", None, 8604))


def test_an_opening_that_runs_on_into_other_words_is_no_quote(explain):
    # 4000, 4001 and 4002 all open "Message is rejected due to invalid ..."
    assert explain("SMS: Message is rejected due to invalid routing").status != "answer"


def test_another_products_name_inside_our_quoted_title_stays_ours(explain):
    assert_answers(explain("RecognizeFailed on the callback: Cognitive Services Speech Recognition Error"),
                   ("acs-call-automation", None, 8570))


@pytest.mark.parametrize(
    "question",
    [
        "40104: the license key you entered has expired",
        "payment gateway returned 5001: card issuer declined the transaction",
    ],
)
def test_a_message_of_no_row_after_our_number_is_none(explain, question):
    d = explain(question)
    assert d.status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("5002: does that mean the carrier has no delivery reports?", ("acs-sms-delivery", 5002, None)),  # a guess, not a message
        ("SMS delivery report 4007: recipient replied STOP", ("acs-sms-delivery", 4007, None)),  # a story too short to be one
    ],
)
def test_a_guess_or_a_story_after_the_number_keeps_it(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize("path, floor", [(WORKED, 0.92), (SET_ASIDE, 0.94)], ids=["worked from", "set aside"])
def test_the_kind_keeps_its_figure(explain, path, floor):
    held, total = share_held(explain, path)
    assert held / total >= floor, f"{held}/{total}"



def test_the_part_after_the_comma_pasted_alone_is_a_quote_too(explain):
    # 40228 and 40230 differ only in the agent's kind; the code typed is 40228's
    d = explain("code 40228: an instance of TeamsCallAgent associated with this identity already exists")
    assert ident(d.matches[0]) == ("acs-calling-sdk", 409, 40230)


def test_a_row_that_is_only_its_name_is_quoted_only_in_its_own_product(explain):
    # "Invalid Join URL" is a Call Automation subcode's whole row; asked of the Calling SDK it is a story
    assert ident(explain("call automation: Invalid Join URL").matches[0]) == ("acs-call-automation", None, 8527)
    d = explain("calling sdk: Invalid Join URL when joining teams meeting")
    assert not (d.status == "answer" and ident(d.matches[0]) == ("acs-call-automation", None, 8527))


def test_an_article_added_or_left_out_keeps_the_quote(explain):
    d = explain("43019: Failed to start the video, no video devices found")
    assert ident(d.matches[0]) == ("acs-calling-sdk", 412, 43013)
