"""An app built on a bot has errors of its own, which are not the Bot Service's.

Company Communicator-style Teams apps send through a bot, so a 403 "The bot is
not part of the conversation roster" in them is the Bot Service's. But they also
read the directory through Microsoft Graph with their own identity, queue their
work in Service Bus and run a backend of their own (an author API, data and
preparation functions). Those parts fail in their own words, which the five
documents do not define: Graph's Authorization_IdentityNotFound, Service Bus's
"'Send' claim(s) are required", the app's own error page and API. The honest
answer is 'none', saying which part it looks like, not the Bot Service's 401/500.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

GRAPH = "Microsoft Graph / Entra ID (the app's directory rights)"
GRAPH_CODE = "Microsoft Graph (OneDrive, SharePoint, Outlook, the directory: its error code '{}')"
SERVICE_BUS = "Azure Service Bus / Event Hubs (a key without the claim it needs)"
BACKEND = "the app's own backend (e.g. Company Communicator's)"


@pytest.mark.parametrize(
    "question, part",
    [
        # the app's identity refused by the directory, beside a bot's words and a status
        ("Teams bot: reading the team's members through Graph fails, Code: Authorization_RequestDenied "
         "Message: Insufficient privileges to complete the operation.", GRAPH),
        ("my bot's proactive welcome job: 401 Authorization_IdentityNotFound when it looks up users",
         GRAPH_CODE.format("Authorization_IdentityNotFound")),
        ("az ad app create for my Azure Bot: Insufficient privileges to complete the operation", GRAPH),
        # a queue right missing from the app's connection string
        ("notification bot in Teams, Azure Function log: Unauthorized access. 'Listen' claim(s) are required "
         "to perform this operation. 401", SERVICE_BUS),
        # the app's own error page and its own backend's parts
        ("Company Communicator: opening the author app shows 'Ooops! An unexpected error seems to have occurred.'", BACKEND),
        ("Company Communicator: GET api/draftNotifications returns 500 Internal Server Error", BACKEND),
        ("Company Communicator PrepareToSend function throws 500", BACKEND),
    ],
)
def test_the_apps_own_parts_failing_are_none(explain, question, part):
    assert_none_naming(explain(question), part)


@pytest.mark.parametrize(
    "question, expected",
    [
        # what the app sends through its bot is still the bot's
        ("Company Communicator: users who never installed the app get 403 Forbidden when we send", ("bot-service", 403, None)),
        ("Company Communicator: the send function logs Operation returned an invalid status code 'Unauthorized'",
         ("bot-service", 401, None)),
        ("Company Communicator: the bot is not part of the conversation roster 403 for 20 users", ("bot-service", 403, None)),
    ],
)
def test_what_the_app_sends_through_its_bot_stays_the_bot_services(explain, question, expected):
    assert_ours(explain(question), expected)
