"""Testing a bot locally and a Web Chat left open: how people tell the Bot Service's 401/403.

In the Bot Framework Emulator, with the bot's app id and password filled in, people
say they "just get an unauthorized error" or "a forbidden response": a status's
name right before "error" or "response" is that status, as it is before
"exception". A Web Chat page left open past the Direct Line token's half hour
stops answering: the Bot Service document puts an expired token under its 401 and
403, and people tell it by the page they left open ("left open over lunch", "sits
open 30+ min"). A duration written "30+ min" is no code.
"""

import pytest

from tests.support.matching import assert_ours, targets


@pytest.mark.parametrize(
    "question, expected",
    [
        ("I just get a forbidden error", [("http", 403)]),
        ("the emulator shows an unauthorized response", [("http", 401)]),
        ("web chat stops after 40+ minutes", []),
        ("more than 10+ users in the chat", []),
    ],
)
def test_status_names_before_error_and_counts_with_a_plus(question, expected):
    assert targets(question) == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # the Emulator with the bot's credentials
        ("testing my echo bot in the Emulator with the app id and password set, every message gives a forbidden error",
         ("bot-service", 403, None)),
        ("Bot Framework Emulator: unauthorized error when I send a message, MicrosoftAppPassword is set",
         ("bot-service", 401, None)),
        ("the bot framework emulator shows an unauthorized response after I filled in the app id",
         ("bot-service", 401, None)),
        # a Web Chat page left open until its token ran out
        ("our webchat goes silent when the browser tab is left open over lunch", ("bot-service", 403, None)),
        ("Web Chat kept open overnight, in the morning no message reaches the bot", ("bot-service", 403, None)),
        ("webchat idle for an hour then the bot stops answering", ("bot-service", 403, None)),
        ("the web chat page sits idle for 40 minutes and then nothing is delivered", ("bot-service", 403, None)),
    ],
)
def test_emulator_credentials_and_an_idle_web_chat_are_the_bot_services(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_status_name_before_error_keeps_the_product_named(explain):
    assert_ours(explain("ACS chat: the thread stays open but sending fails with an unauthorized error"),
                ("acs-chat", 401, None))


@pytest.mark.parametrize(
    "question",
    ["bot on App Service is slow after being idle", "bot idle for an hour then slow first reply"],
)
def test_a_bot_idle_on_its_host_is_no_expired_token(explain, question):
    # only a client's page is "left open" or idle; a bot host's cold start is not a 403
    d = explain(question)
    assert not (d.status == "answer" and d.matches[0].entry.code == 403)
