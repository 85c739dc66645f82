"""Two rows people reach by describing them, not by their numbers.

The Calling SDK refuses one more remote video view once the most it renders are active
(400/43220); people say "too many remote views" and never the subcode. A bot whose state
store refuses a write because another turn changed it first is the Bot Service's 412, told
in the store's own words: Azure Blob Storage's "The condition specified using HTTP
conditional header(s) is not met", Cosmos DB's "One of the specified pre-condition is not
met". Each means that row only with its product named: every store has conditional writes.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "ACS web calling: rendering a grid of 12 participants, new VideoStreamRenderer views fail when too many remote video views are open",
        "azure communication calling sdk on android: what's the maximum number of remote views I can render at once? the next one errors",
        "Teams interop call with the ACS calling SDK, hit the remote view limit after the 10th camera",
    ],
)
def test_too_many_remote_views_is_the_view_limit(explain, question):
    assert_ours(explain(question), ("acs-calling-sdk", 400, 43220))


@pytest.mark.parametrize(
    "question",
    [
        "my Bot Framework bot saves conversation state to blob storage and two quick messages give ConditionNotMet: The condition specified using HTTP conditional header(s) is not met.",
        "bot state in Cosmos DB: 'One of the specified pre-condition is not met' when users double-click a card button",
        "our Teams bot (botbuilder-python) throws precondition is not met on state save when two users post at once",
    ],
)
def test_a_state_store_refusing_a_conditional_write_is_the_bots_412(explain, question):
    assert_ours(explain(question), ("bot-service", 412, None))


def test_a_store_refusing_a_conditional_write_without_a_bot_is_not_ours(explain):
    d = explain("uploading to blob storage with If-Match: The condition specified using HTTP conditional header(s) is not met")
    assert d.status == "none"
