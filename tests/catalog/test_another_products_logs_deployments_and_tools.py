"""Another product's own log line, deployment error, dev tool or rate-limit sentence.

The number in such a question is that product's: an Asterisk module's log line ("WARNING[24324]
format_wav.c: ... 7"), Azure Resource Manager's deployment codes ("ResourceCreationFailed",
"InvalidTemplate": ARM answered, whichever resource of ours the template made), the local tunnel
program that never starts ("the ngrok command prompt shows unauthorized"), another service's rate
limit in its own sentence ("A rate-limit has been reached, you may retry this request in 30
seconds"). The answer is 'none', naming it. The shapes are data (catalog/foreign_evidence.toml).

A bot's own refusal seen through the tunnel ("through ngrok Teams shows 401") stays the bot's.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

ASTERISK = "Asterisk (a log line of one of its modules)"
TUNNEL = "the tunnel in front of it (a dev tunnel or ngrok)"
RATE = "another service's rate limit (told in its own sentence)"


@pytest.mark.parametrize(
    "question, name",
    [
        # a PBX's log line: level, thread id, C module
        ("NOTICE[3301][C-0000001f] chan_sip.c: Call from 'trunk' rejected because extension not found 404", ASTERISK),
        ("VERBOSE[887] app_dial.c: Nobody picked up in 30000 ms, cause 19", ASTERISK),
        # ARM's deployment codes, whatever resource the template makes
        ('az deployment of the chat bot: {"code": "InvalidTemplate", "message": "template validation failed"}',
         "Azure Resource Manager (InvalidTemplate)"),
        ("Bicep: ResourceDeploymentFailure, provisioning state Failed for the communication resource",
         "Azure Resource Manager (ResourceDeploymentFailure)"),
        # the tunnel program itself failing to start
        ("dev tunnel never starts in Visual Studio, so Teams can't reach my bot", TUNNEL),
        ("the ngrok console says authtoken invalid and nothing forwards to the emulator", TUNNEL),
        # another service's rate limit in its own sentence
        ("Error: You are being rate limited. at postReply (worker.js:3:911)", RATE),
        ("the ticket sync logs 'rate limit was reached, retry the request in 15 seconds'", RATE),
    ],
)
def test_another_products_line_says_whose_the_number_is(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("my bot works in the emulator but through the ngrok url Teams shows 401 unauthorized", ("bot-service", 401, None)),
        ("Azure Bot behind ngrok: Unauthorized when Teams posts to /api/messages", ("bot-service", 401, None)),
    ],
)
def test_a_bots_refusal_seen_through_the_tunnel_stays_the_bots(explain, question, expected):
    assert_ours(explain(question), expected)
