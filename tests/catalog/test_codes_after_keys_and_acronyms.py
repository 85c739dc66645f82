"""A code after a product's acronym and a colon, or after a dotted key, is a code.

"Omnichannel messaging API: 30003" is prose: an acronym (API, SDK, SMS) before a colon and a
space is a word of the sentence, not a setting like "pageSize: 50" (whose camelCase says it
is a key). And "error.code:403" is a dotted key and its value, not a file "error.code" and
its line 403: a position's "extension" is never code, error or http.
"""

import pytest

from tests.support.matching import assert_ours, targets


@pytest.mark.parametrize(
    "question, row",
    [
        ("Omnichannel messaging API: 30003", ("omnichannel-messaging", 30003, None)),
        ("ACS SMS: 4007", ("acs-sms-delivery", 4007, None)),
        ("ACS chat: error.code:403 when sending", ("acs-chat", 403, None)),
        ("bot framework bot, response.error:502 from the connector", ("bot-service", 502, None)),
    ],
)
def test_the_code_is_read(explain, question, row):
    assert_ours(explain(question), row)


@pytest.mark.parametrize(
    "question",
    [
        "pageSize: 50 and the list comes back empty",
        "at Object.<anonymous> (/app/src/error.js:403:12)",
        "timeoutMs: 500 in the options",
    ],
)
def test_settings_and_source_positions_are_still_no_codes(question):
    assert targets(question) == []


def test_a_long_capitalised_key_is_still_a_setting():
    # longer words in capitals are constants' names, as in an environment listing
    assert targets("RETRIES_MAX: 500") == []
