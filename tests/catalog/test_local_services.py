"""A local address with nothing of ours around it is someone's own service.

"403 Client Error: Forbidden for url: http://127.0.0.1:8181/AutomationFX/api/..."
names no product of ours: the 403 is that local service's, and the answer is
'none' saying where it came from. A bot on localhost (/api/messages, "bot",
the Emulator) is still ours.
"""

import pytest

from tests.support.matching import assert_answers, assert_none_naming


def test_a_local_service_named_by_its_address_only_is_not_ours(explain):
    d = explain("requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: "
                "http://127.0.0.1:8181/AutomationFX/api/oData/Phones?%24top=1")
    assert_none_naming(d, "the service at 127.0.0.1")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Request to 'http://localhost:1234/api/messages' failed: [500] Internal Server Error", ("bot-service", 500, None)),
        ("my bot at http://127.0.0.1:3978 returns 401", ("bot-service", 401, None)),
    ],
)
def test_a_local_bot_is_still_ours(explain, question, expected):
    assert_answers(explain(question), expected)
