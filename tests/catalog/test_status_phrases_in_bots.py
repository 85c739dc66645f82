"""A status told in words a server or SDK prints, without its digits.

IIS and HTTP.sys answer a 503 with a page that says "The service is unavailable.";
an embedded Web Chat shows it as it is. Bot Builder's ChatConnector logs
"no security token sent" for a request that came without its 401's credentials.
With a bot named, each is that status's Bot Service row.
"""

import pytest

from tests.support.matching import assert_answers, targets


def test_the_service_is_unavailable_names_503():
    assert targets('the page says "The service is unavailable."') == [("http", 503)]


@pytest.mark.parametrize(
    "question, expected",
    [
        ('embedded webchat iframe sometimes shows "The service is unavailable." instead of the chat', ("bot-service", 503, None)),
        ("bot says the service is temporarily unavailable", ("bot-service", 503, None)),
        ("ERROR: ChatConnector: receive - no security token sent. (only when the bot is @mentioned in a Teams channel)",
         ("bot-service", 401, None)),
    ],
)
def test_a_bots_status_in_words_is_its_row(explain, question, expected):
    assert_answers(explain(question), expected)


def test_chat_connector_is_bot_builders_not_the_chat_sdks(explain):
    assert_answers(explain("ChatConnector 403"), ("bot-service", 403, None))


def test_aspnet_web_apis_not_found_message_names_404():
    assert targets("(None) No HTTP resource was found that matches the request URI 'https://x/y'") == [("http", 404)]
