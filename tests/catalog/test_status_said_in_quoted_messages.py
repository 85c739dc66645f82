"""A quoted message that says something "is forbidden" or "are unauthorized" names that status.

A status's plain name counts as the status only where it is set apart: a status word before
it, quotes right around it, its own capital. Inside a quoted message, the name said of
something ("Sorry, MyBot is forbidden for us to talk to.") is the status the message
reports; the same words outside quotes are only a sentence.
"""

import pytest

from tests.support.matching import assert_answers, targets


@pytest.mark.parametrize(
    "question, expected",
    [
        ('our bot on Slack shows "This bot is forbidden from replying here" for every message',
         ("bot-service", 403, None)),
        ("ACS chat: sendMessage rejects with \u201cthe user is unauthorized for this thread\u201d",
         ("acs-chat", 401, None)),
    ],
)
def test_a_quoted_message_saying_the_status_names_it(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "the bot is gone from the channel after a redeploy",
        "my bot is forbidden to post in that team",
    ],
)
def test_the_same_words_outside_quotes_are_only_a_sentence(question):
    assert targets(question) == []


def test_a_status_word_in_quotes_not_said_of_something_stays_a_word():
    assert targets('the card says "no forbidden words, please"') == []
