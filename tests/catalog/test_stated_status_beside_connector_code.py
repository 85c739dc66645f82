"""A status the question states wins over the one a connector code stands for.

BadArgument comes with a 400, for which the Bot Service document has no row; a
reply that failed with `404 {"code": "BadArgument", "message": "...Unknown
conversation"}` is about that 404. The Bot Connector's own REST paths
(/v3/conversations, /v3/directline) name the Bot Service as a host would.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        'POST /v3/conversations/abc/activities returns 404 {"code": "BadArgument", "message": "Unknown conversation"}',
        'Direct Line returns 404 {"code": "BadArgument", "message": "Unknown conversation"}',
        'python skype bot over the REST API: replying to https://skype.botframework.com/v3/conversations/.../activities '
        'returns 404 {"code": "BadArgument", "message": "doesn\'t match a known conversation"}',
    ],
)
def test_the_stated_404_beside_badargument_is_the_bot_services_404(explain, question):
    assert_answers(explain(question), ("bot-service", 404, None))


def test_a_stated_status_the_document_has_no_row_for_is_not_replaced_by_the_codes(explain):
    # BotNotInConversationRoster stands for 403, but the question says 400: no row says 400.
    assert explain("bot reply 400 BotNotInConversationRoster").status == "none"


def test_the_bot_connectors_paths_name_the_bot_service(explain):
    assert_answers(explain("POST https://example.net/v3/directline/conversations 403"), ("bot-service", 403, None))
