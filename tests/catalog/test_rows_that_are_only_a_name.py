"""A row that says no more than its name is claimed by words only in its own product.

Call Automation's generic subcodes are a name and nothing else ("8561 Invalid Join Meeting
ID", "8518 Call Exception"). Asked about in words with another product of ours named, the
Calling SDK's "CallAgent.join ... Can't join call because invalid teams meeting link", they
share a few words with the question and nothing of its meaning: the client SDK's exception is
not a server API's subcode, and the documents define no such client error, so it is 'none'
(the row may still be suggested). Named in Call Automation, or with no product named, the
name finds its row.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "CallAgent.join on iOS: Can't join call because invalid teams meeting link",
        "web calling sdk: callAgent.join fails with \"invalid join meeting link\" for a teams.live.com meeting",
        "We use the ACS calling SDK on iOS and join Teams meetings as anonymous users. When the meeting is locked by "
        "the organizer the join just fails without any useful message. What is the error for \"meeting locked\"?",
    ],
)
def test_another_products_question_is_not_claimed_by_a_bare_name(explain, question):
    decision = explain(question)
    assert decision.status == "none"


@pytest.mark.parametrize(
    "question",
    [
        "Call Automation: Invalid Join Meeting ID when I connect to the Teams meeting",
        "Invalid Join Meeting ID",
    ],
)
def test_the_name_in_its_product_or_alone_finds_its_row(explain, question):
    assert_ours(explain(question), ("acs-call-automation", None, 8561))


def test_a_call_end_row_is_a_definition_not_a_bare_name(explain):
    # call-end rows are a code, a subcode and what they mean: named in words they still answer
    question = ("Our Android app uses the ACS calling SDK to join a Teams meeting as a guest. When the host ends the "
                "meeting for everyone, our call goes to Disconnected and we want to tell the user. Which end reason "
                "is \"meeting ended by organizer\"?")
    assert_ours(explain(question), ("acs-call-end", 0, 4097))
