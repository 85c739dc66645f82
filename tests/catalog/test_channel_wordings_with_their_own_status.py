"""Direct Line's and the channels' sentences that come with a status of their own.

Direct Line refuses a call for a site that is missing or disabled with 403 and the code
BadArgument ('BadArgument:Site missing or disabled'); a channel that cannot take the bot's
reply says "Sorry, <channel> isn't available right now." with code ServiceError and
statusCode 404. The sentence says more than the code every API uses beside it (BadArgument
is otherwise 400, ServiceError 500), so its status answers (connector_codes.toml [[wordings]]).
The same site sentence with ServiceError gives no status of its own; anyone's apology
("Sorry, this page isn't available right now") is no channel's.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ('{"error": {"code": "BadArgument", "message": "Site missing or disabled"}} from the token generate call',
         ("bot-service", 403, None)),
        ("webchat embed stopped loading today: BadArgument: Site missing or disabled", ("bot-service", 403, None)),
        ('proactive reply gets {"error":{"code":"ServiceError","message":"Sorry, Skype isn\'t available right now."}}',
         ("bot-service", 404, None)),
        ("my bot's replies fail with: Sorry, ContosoHelpBot isn't available right now.", ("bot-service", 404, None)),
    ],
)
def test_the_sentence_gives_its_status(explain, question, expected):
    assert_ours(explain(question), expected)


def test_the_site_sentence_with_service_error_keeps_the_codes_status(explain):
    d = explain('direct line gets {"error": {"code": "ServiceError", "message": "Site missing or disabled"}}')
    assert_ours(d, ("bot-service", 500, None))


@pytest.mark.parametrize(
    "question", ["Sorry, this page isn't available right now", "Sorry, the service isn't available right now, try again later"]
)
def test_anyones_apology_is_no_channels(explain, question):
    assert explain(question).status == "none"
