"""A follow-up question is read twice only when the conversation's product could have decided it.

To say "Assuming Calling, from your last question" the matcher compares its
answer with the one it gives without that context. A question that names a
product (or a code of one) is never steered by context, so that second reading
would only repeat the first: it is skipped. The answers are the same either way.
"""

import pytest


@pytest.fixture
def readings(explain, monkeypatch):
    matcher = explain.__self__.matcher  # the catalog behind the fixture
    count = []
    original = matcher._explain

    def counted(*args, **kwargs):
        count.append(args[1])
        return original(*args, **kwargs)

    monkeypatch.setattr(matcher, "_explain", counted)
    return count


def test_a_question_naming_its_product_is_read_once(explain, readings):
    d = explain("bot service 404", context="bot-service")
    assert (d.status, d.matches[0].entry.source, d.context_decided) == ("answer", "bot-service", None)
    assert readings == ["bot-service"]


def test_a_bare_code_that_context_decides_is_read_again_without_it(explain, readings):
    d = explain("404", context="bot-service")
    assert (d.status, d.matches[0].entry.source, d.context_decided) == ("answer", "bot-service", "bot-service")
    assert readings == ["bot-service", None]
