"""Our code, quoted with its own message, stays ours when a word of it is another product's name.

Call Automation's 7509 is "Hmac Validation Error"; HMAC is also how Azure App Configuration
signs requests, so "HMAC" alone points there (foreign_products.toml). A Call Automation
question that quotes `{"error": {"code": "7509", "message": "HMAC-SHA256 validation failed"}}`
names our row by its code (a four-digit code, as a string in JSON) and by its title's word;
that is no coincidence of numbers. A product name our row does not use, or its host or
package, still says the question is theirs.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ('callAutomationClient.answerCall rejects: {"error": {"code": "7509", "message": "HMAC validation failed"}}',
         ("acs-call-automation", None, 7509)),
        ("call automation recognize fails, subcode 7509, hmac signature mismatch on the callback",
         ("acs-call-automation", None, 7509)),
    ],
)
def test_our_code_with_its_own_words_is_ours(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "App Configuration HMAC auth fails: code 7509",  # no product of ours named
        "twilio call recording failed, error code 8522",  # a name our row does not use
        "App Configuration call recording code 7509",  # nothing of the row's own words
    ],
)
def test_another_products_name_still_wins_otherwise(explain, question):
    assert explain(question).status == "none"
