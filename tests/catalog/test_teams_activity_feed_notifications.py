"""Teams activity feed notifications are sent through Microsoft Graph, not by a bot's turn.

A Teams app (often the bot's own app id) that calls sendActivityNotification and gets a
409, 403 or 429 has Graph's error, however the call is worded; a bot that sends an
activity and names a status is still a bot.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "my Teams bot calls sendActivityNotification and gets 403 Forbidden",
        "POST /teamwork/sendActivityNotification returns 409 for our bot",
        "Teams app: sending activity notifications to users gives 429",
        "activity notification to the chat fails with 400, the app and the bot share one app id",
    ],
)
def test_an_activity_feed_notification_is_graphs(explain, question):
    assert_none_naming(explain(question), "Microsoft Graph")


def test_a_bot_sending_an_activity_is_still_the_bot(explain):
    assert_ours(explain("the bot sends an activity and the reply is 403"), ("bot-service", 403, None))
