"""Knowing, before the conversation's state is fetched, that the last product cannot change the answer.

The bot keeps each conversation's last product in shared storage, and fetching it
is a billed storage call on every turn. A question that names a product, a paste,
or another product's error is decided the same whatever came before, and its
decision says so (context_matters is False): the bot then answers without
fetching anything. A bare follow-up says it may depend on the last product.
"""

import pytest

from catalog import load_catalog

SOURCES = sorted(load_catalog().sources)


@pytest.mark.parametrize("question", [
    "bot returns 405",                                   # names a product
    "sms 4007",
    "sms 99999",                                         # names a product that has no such code
    "AuthenticationFailed when sending chat message",    # a product's words, nothing found
    "twilio error 30003",                                # another product's error
    'System.Exception: {"code": 404}\n   at Foo.Bar()',  # a paste
    "2026-11-22 03:00:01 ERROR call ended code=487 subCode=0 correlationId=abc",
])
def test_a_question_no_last_product_can_change_says_so_and_means_it(explain, question):
    alone = explain(question)
    assert alone.context_matters is False
    for source in SOURCES:
        assert explain(question, context=source) == alone, source


@pytest.mark.parametrize("question", ["and 3101?", "what is 404", "and 500?"])
def test_a_bare_follow_up_says_the_last_product_may_decide_it(explain, question):
    assert explain(question).context_matters is True
    assert any(explain(question, context=s) != explain(question) for s in SOURCES)
