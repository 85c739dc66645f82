"""A status glued to its role word by a hyphen is still that status.

Tools and people write "error-404", "HTTP-500", "code-3112": the hyphen joins the number to
the word that says what it is. A number glued to any other word is part of a name
("sha-256", "gpt-4", "win-10"), and a hyphen after a space or a digit is a minus or a
range, so only a role word before the hyphen makes the number a code.
"""

import pytest

from catalog.query import parse
from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    ("text", "number"),
    [("the web chat shows error-403 when it starts", 403), ("HTTP-502 from the bot's endpoint", 502), ("code-3112 at call end", 3112)],
)
def test_a_role_word_and_a_hyphen_name_the_number(text, number):
    assert number in {t.code or t.number or t.subcode for t in parse(text).targets}


@pytest.mark.parametrize(
    "text",
    ["hashing with sha-256 before the upload", "our gpt-4 deployment", "upgraded to win-10", "temperatures of -404", "pages 10-404"],
)
def test_a_number_glued_to_another_word_is_no_code(text):
    assert not parse(text).targets


def test_the_bot_emulator_with_error_dash_404_is_the_bots_404(explain):
    d = explain("Bot Framework Emulator: sending hi to my python echo bot returns error-404 every time")
    assert_ours(d, ("bot-service", 404, None))
