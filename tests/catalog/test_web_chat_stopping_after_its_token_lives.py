"""A Web Chat that stops after half an hour: the Direct Line token it was given has expired.

A Direct Line token lives thirty minutes. People rarely see the 403 itself; they tell the time
it took ("after about 30 minutes the chat session stops responding", "stops answering after half
an hour"). The stop is said with the time (bot-service.toml, the 403's sayings): a token that
"doesn't expire after 30 minutes" asks about no failure, and another product's token is its own.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        "our Web Chat embed stops answering after half an hour, the page fetches a Direct Line token on load",
        "bot in webchat: after 30 minutes the session dies, the token came from our backend",
        "the bot's web chat control disconnects 30 minutes later every time, how do I renew it?",
    ],
)
def test_a_web_chat_that_stops_after_half_an_hour_is_the_expired_token(explain, question):
    assert_answers(explain(question), ("bot-service", 403, None))


def test_a_token_that_does_not_expire_is_no_failure(explain):
    d = explain("my Direct Line token still works and does not expire after 30 minutes, why?")
    assert not (d.status == "answer" and d.matches[0].entry.code == 403)


def test_another_products_token_after_half_an_hour_is_not_the_bots(explain):
    d = explain("ACS chat thread: the user token stops working after 30 minutes")
    assert all(m.entry.source != "bot-service" for m in d.matches[:1]) or d.status != "answer"
