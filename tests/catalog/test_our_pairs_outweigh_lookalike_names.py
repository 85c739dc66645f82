"""A code and subcode of one of our rows, named together, are ours.

"AcmeError" looks like another product's name, and on its own it makes a question
someone else's. But "code 410 subcode 3112" is a pair from our own tables, not a
coincidence of numbers: a name that only looks foreign does not outweigh it.
A product named by its name (Twilio, LiveKit...) still does.
"""

from tests.support.matching import assert_answers, assert_none_naming


def test_a_pair_of_ours_outweighs_a_name_that_only_looks_foreign(explain):
    assert_answers(explain("AAAError code 410 subcode 3112"), ("acs-call-end", 410, 3112))


def test_without_the_pair_the_lookalike_name_still_counts(explain):
    assert explain("AcmeChatError: request failed with 403").status == "none"


def test_a_product_named_by_its_name_still_outweighs_the_pair(explain):
    assert_none_naming(explain("Twilio Voice: code 410 subcode 3112 after the call dropped"), "Twilio")
