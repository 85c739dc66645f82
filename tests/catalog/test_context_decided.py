"""Saying when the conversation's context decided, and offering the other products.

After an answer about the Bot Service, a bare "404" is answered as the Bot
Service's 404: the decision says so (context_decided) and carries the other
products' 404 rows (others), so the reply can show its assumption and let the
user switch in one tap. A question that names a product, or a paste, is never
steered by context.
"""

import pytest

from tests.support.matching import ident


def test_context_that_decides_is_said_and_the_others_are_offered(explain):
    d = explain("and 404?", context="bot-service")
    assert d.status == "answer" and ident(d.matches[0]) == ("bot-service", 404, None)
    assert d.context_decided == "bot-service"
    others = {ident(m) for m in d.others}
    assert ("acs-rest", 404, None) in others and ("rag-api", 404, None) in others
    assert all(m.entry.source != "bot-service" for m in d.others)


def test_without_context_the_same_question_stays_ambiguous(explain):
    d = explain("and 404?")
    assert d.status == "ambiguous"
    assert d.context_decided is None and d.others == ()


@pytest.mark.parametrize(
    "question",
    [
        "subcode 3112",  # one row only: context had nothing to decide
        "sms api 404",  # names its product
        "acs rest 404",
    ],
)
def test_context_is_not_claimed_where_it_did_not_decide(explain, question):
    d = explain(question, context="bot-service")
    assert d.status == "answer"
    assert d.context_decided is None and d.others == ()


def test_a_question_naming_a_product_is_not_steered(explain):
    d = explain("sms api 404", context="bot-service")
    assert ident(d.matches[0]) == ("acs-sms-api", 404, None)


@pytest.mark.parametrize(
    "paste",
    [
        '{"status": 404}',
        "2024-05-01T10:00:00Z GET /v2/items status=404 elapsed=12",  # (/v3/conversations would name the Bot Service)
        "ERROR\nstatus 404",
    ],
)
def test_a_paste_is_never_steered_by_context(explain, paste):
    with_context, alone = explain(paste, context="bot-service"), explain(paste)
    assert with_context.status == alone.status == "ambiguous"
    assert [ident(m) for m in with_context.matches] == [ident(m) for m in alone.matches]
    assert with_context.context_decided is None


def test_an_unknown_context_is_ignored(explain):
    d = explain("404", context="no-such-source")
    assert d.status == "ambiguous" and d.context_decided is None
