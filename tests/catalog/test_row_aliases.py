"""A row's aliases in the catalog are its other names; with its product named, they answer.

A long post about a Teams notification bot that worries about "throttling errors"
names no number, and its story outweighs the one word that matters. The catalog
already lists "throttling", "rate limit" and the like as the 429 row's other names;
when the question names the product and uses one of them, that row is the answer.
Without a product named, or where the product named has no such row, the words
are left to the usual text matching.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Teams notification bot for 50,000 users: worried about throttling errors past the global azure bot limit. how to back off?",
         ("bot-service", 429, None)),
        ("stress testing our Teams bot: when the bot is throttled users see the error message", ("bot-service", 429, None)),
        ("bot framework state: The data is changed when two messages arrive together", ("bot-service", 412, None)),
    ],
)
def test_an_alias_in_the_product_named_is_that_rows_answer(explain, question, expected):
    assert_answers(explain(question), expected)


def test_an_alias_without_a_product_named_is_not_claimed_for_one(explain):
    d = explain("we keep getting throttled, what should we do")
    assert not (d.status == "answer" and d.matches[0].why == "alias")


def test_a_number_we_do_not_have_is_not_answered_by_an_alias(explain):
    """'bot returns 451 when throttling': the user named a status; 429 would be a guess."""
    assert explain("bot returns 451 when throttling").status == "none"
