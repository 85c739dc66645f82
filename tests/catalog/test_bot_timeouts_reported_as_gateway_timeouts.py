"""A bot that did not answer in time, reported as a gateway timeout, is Direct Line's 502.

The Bot Service document says Direct Line answers 502 when the bot "did not acknowledge the
request in time"; Direct Line waits 15 seconds. People meet the same event as 504: the test
chat says "There was an error sending this message to your bot: HTTP status code
GatewayTimeout", a client behind a gateway sees 504. The 502 row lists 504 as a status it
is reported as (Entry.reported_as), in the Bot Service only: another product's own 504 row
stays its own, and another channel's timeout (Slack's, Teams' "Unable to reach app") is not
Direct Line's (Entry.reported_not_with).
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "Direct Line: posting an activity returns 504 when my bot calls a slow database first",
        "our web chat page shows: There was an error sending this message to your bot: HTTP status code GatewayTimeout (the bot waits on an API for 20s)",
        "the bot framework test in web chat gives GatewayTimeout whenever the dialog loads the CRM record",
    ],
)
def test_the_bot_answering_too_late_reported_as_504_is_the_502(explain, question):
    assert_ours(explain(question), ("bot-service", 502, None))


def test_another_products_own_504_stays_its_own(explain):
    assert_ours(explain("the RAG API returns 504 on long questions"), ("rag-api", 504, None))


@pytest.mark.parametrize(
    "question",
    [
        "Slack channel of my bot: There was an error sending this message to your bot: HTTP status code GatewayTimeout",
        "Teams shows Unable to reach app and the bot logs 504 GatewayTimeout after 15 seconds",
    ],
)
def test_another_channels_timeout_is_not_direct_lines_502(explain, question):
    d = explain(question)
    assert not (d.status == "answer" and d.matches[0].entry.identity == ("bot-service", 502, None))


def test_a_bare_504_names_no_product(explain):
    assert explain("504 gateway timeout").status != "answer"
