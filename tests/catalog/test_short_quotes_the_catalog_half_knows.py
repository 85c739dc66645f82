"""A long post whose quoted error is a short phrase the catalog only half knows is not claimed by it.

In a long post the quoted text is what is read as the error. When that quote is a few words
and one of them is a word the catalog never uses ("is there an end reason for 'rejected from
lobby'?"), the row that shares the other word ("Failed to reject the incoming call") explains
half of it at best: the product named may not lift it to an answer; only a row that fits the
quote well on its own words (TEXT_ANSWER) still answers.
"""

from tests.support.matching import assert_ours


def test_a_half_known_quote_is_not_claimed_by_the_product_named(explain):
    question = ("Our web app uses the ACS calling SDK for Teams meetings. When the organizer refuses a guest at the "
                "door, the guest's call just disappears and there is no event we can use. Is there a documented end "
                "reason for \"rejected by bouncer\"?")
    decision = explain(question)
    assert decision.status == "none"


def test_a_quote_the_catalog_knows_still_answers(explain):
    question = ("We built a web page with the ACS calling SDK and a camera preview. On some laptops the preview never "
                "starts and the console shows a message about the device. The SDK error says \"video device is being "
                "used by another process\" and nothing else. What does that mean?")
    assert_ours(explain(question), ("acs-calling-sdk", 412, 43000))
