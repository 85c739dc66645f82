"""An error printed by a tool or service around our products is that component's.

A bot is published by Composer (a zip deploy to App Service), runs behind IIS,
asks LUIS or another language service what the user meant, keeps its state in
Cosmos DB, and a Teams app is registered through the Developer Portal. Their
errors are quoted in posts about bots, beside our names, and their statuses fit
our rows; the honest answer is 'none', naming the component. A tool that is
merely mentioned decides nothing: the bot's own 401 after a Composer publish is
still the Bot Service's. Signs kept in catalog/component_errors.toml.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

COMPOSER = "Bot Framework Composer publishing (App Service deploy)"
KUDU = "the App Service deployment (Kudu, zip deploy)"
IIS = "IIS / App Service (the site failed to start)"
LANGUAGE = "LUIS / Azure AI Language (the bot's language service)"
AI_KEY = "Azure AI services (a Speech, Language or Vision key or regional endpoint)"
PORTAL = "the Teams Developer Portal (app registration API)"
COSMOS = "Azure Cosmos DB"
CONVERSATION_API = "another platform's conversation API (not the Bot Service)"


@pytest.mark.parametrize(
    "question, name",
    [
        # the tool's own error code decides, even beside our own names
        ("Bot Framework Composer 2.1.2: publishing to Azure stops at DEPLOY_ZIP_ERROR 409", COMPOSER),
        # ... and one of its steps failing, next to its name
        ("publishing the bot from composer failed with status 401 after I changed the subscription", COMPOSER),
        ("az webapp deployment source config-zip fails with 409 Conflict for my bot", KUDU),
        # the site in front of the bot never started
        ("browsing my bot's /api/messages shows HTTP Error 500.30 - ASP.NET Core app failed to start", IIS),
        ("teams bot is silent and the log says Container didn't respond to HTTP pings on port: 3978", IIS),
        ("direct line answers 502 and the bot's site says iisnode encountered an error when processing the request",
         IIS),
        # a language service's keys are its own
        ("the QnA Maker knowledge base in my Teams bot answers 401, I copied the endpoint key from the portal",
         LANGUAGE),
        ("my emulator bot gives 403 Forbidden on every utterance since I rotated the LUIS prediction key", LANGUAGE),
        ("bf luis:build fails with 401 in the pipeline", LANGUAGE),
        ("qnamaker knowledge base publish fails with 403", LANGUAGE),
        ("bot framework bot: Access denied due to invalid subscription key or wrong API endpoint (401)", AI_KEY),
        # registering a Teams app is not a turn of the bot
        ("teamsfx provision failed: Request failed with status code 401", PORTAL),
        ("Teams Toolkit import gives DeveloperPortalAPIFailed 400 for my bot app", PORTAL),
        ("teams toolkit local debug: DeveloperPortalAPIFailedSystemError 500 while registering the bot", PORTAL),
        ("echo bot: HTTP Error 500.0 - ANCM In-Process Handler Load Failure", IIS),
        # the bot's state store throttled
        ("bot state save: Response status code does not indicate success: TooManyRequests (429); Substatus: 3200",
         COSMOS),
        ("Teams bot: Request rate is large. More Request Units may be needed, so no changes were made (429)",
         COSMOS),
        # another platform's conversation API, shaped like ours
        ("POST /v1/conversations/CH8a2f/messages returns 409 Conflict: participant already exists", CONVERSATION_API),
        ("proactive message via /api/v2/conversations/messages/inbound/open returns 403", CONVERSATION_API),
        ("my bot posts to https://api.example-cx.com/api/v2/conversations/c9/messages and gets 409", CONVERSATION_API),
        ("POST /v2/apps/5f3a/conversations/c1/messages returns 409", CONVERSATION_API),
        ("bot state read: Resource Not Found. Learn more: https://aka.ms/cosmosdb-tsg-not-found (404)", COSMOS),
    ],
)
def test_the_component_that_printed_the_error_decides(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        # the tool merely named: the error is the bot's
        ("after publishing from Composer my Teams bot answers 401 Unauthorized", ("bot-service", 401, None)),
        ("my LUIS bot in web chat gets 502 from direct line", ("bot-service", 502, None)),
        ("my LUIS bot's messaging endpoint returns 405", ("bot-service", 405, None)),
        ("my LUIS bot: publish to azure worked, but Teams says 401", ("bot-service", 401, None)),
        ("bot in the west europe region uses LUIS; Teams returns 401", ("bot-service", 401, None)),
        ("registered the bot in the Developer Portal, Teams says 403 BotNotInConversationRoster",
         ("bot-service", 403, None)),
        # our own conversation APIs keep their rows
        ("POST /v3/conversations/a:1x/activities returns 409 Conflict", ("bot-service", 409, None)),
        ("https://directline.botframework.com/v3/directline/conversations returns 429", ("bot-service", 429, None)),
    ],
)
def test_a_tool_merely_named_decides_nothing(explain, question, expected):
    assert_ours(explain(question), expected)
