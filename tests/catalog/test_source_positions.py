"""A source position ("line 503 of bot.py") says where an error happened, not which error it was.

People paste where their code failed along with, or instead of, the error: in
their own words or in the notation of their stack trace. None of it is the
error. Its number is no code, and its words are no evidence either: "line" is a
word of Direct Line's rows and the "bot" of "bot.py" names the Bot Service, so
once `explain-error "line 503 of bot.py"` explained a Bad Gateway nobody asked about.

A question that is only a source position names no error, so it is not answered
(the bot asks for the error instead); one that adds only a product word ("my bot
fails at line 503 of bot.py") is not answered either. With an error next to the
position, the error is answered as if the position were not there, except that a
file or package named in it may still say whose error a number is.
"""

import pytest

from catalog.query import parse, source_positions
from tests.support.matching import assert_answers, targets

ONLY_A_SOURCE_POSITION = [
    # in people's words
    "line 503 of bot.py",
    "bot.py line 503",
    "line 503 in bot.py",
    "error at line 503 of bot.py",
    "at line 503",
    "on line 503, column 7 of bot.py",
    # in the notations of stack traces and compilers
    'File "bot.py", line 503, in on_message_activity',  # Python
    r"at Bot.OnTurnAsync() in C:\src\Bot.cs:line 503",  # .NET
    r"C:\src\Bot.cs(503,12)",  # .NET compiler
    "at com.example.Bot.onTurn(Bot.java:503)",  # Java
    "at Object.<anonymous> (/app/bot.js:503:12)",  # JS
    "bot.py:503",
]


@pytest.mark.parametrize("question", ONLY_A_SOURCE_POSITION)
def test_a_source_position_alone_is_not_answered(explain, question):
    assert targets(question) == []  # the line number is not read as a status
    decision = explain(question)
    assert decision.status == "none", [m.entry.title for m in decision.matches[:1]]


@pytest.mark.parametrize(
    "question",
    [
        "my bot fails at line 503 of bot.py",
        "teams bot error in app.py line 88",
        "my bot crashes in line 42 of index.js",
    ],
)
def test_a_source_position_and_a_product_word_are_not_an_answer(explain, question):
    """All the question says of the error is where it happened; the bot asks for the error."""
    assert explain(question).status != "answer"


@pytest.mark.parametrize(
    "question",
    ["line 503 of bot.py", "bot.py line 503", 'File "bot.py", line 503, in on_turn', "(Bot.java:503)"],
)
def test_the_words_of_a_source_position_are_not_the_questions_words(question):
    assert "bot" not in parse(question).words
    assert "line" not in parse(question).words


@pytest.mark.parametrize(
    "question, expected",
    [
        ("my bot returns 401 at line 503 of bot.py", ("bot-service", 401, None)),
        ("line 503 of bot.py: 401 Unauthorized", ("bot-service", 401, None)),
        # "direct line" is a product, and the number after it its status
        ("direct line 503", ("bot-service", 503, None)),
        ("at line 12 of app.js the Direct Line returns 403", ("bot-service", 403, None)),
    ],
)
def test_the_error_next_to_a_source_position_is_the_one_answered(explain, question, expected):
    assert_answers(explain(question), expected)


def test_direct_line_followed_by_a_number_is_no_source_position():
    assert source_positions("Direct Line 503") == []
    assert source_positions("direct   line 503") == []


@pytest.mark.parametrize(
    "question",
    ["what is subcode 3112", "bot returns 405", "camera is being used by another application", "tell me a joke"],
)
@pytest.mark.parametrize(
    "position",
    [" at line 12 of main.py", " (main.py:12:3)", '\n  File "main.py", line 12, in run', r" in C:\src\Main.cs:line 12"],
)
def test_a_source_position_changes_no_decision(explain, question, position):
    alone, with_position = explain(question), explain(question + position)
    assert with_position.status == alone.status
    assert [m.entry.identity for m in with_position.matches] == [m.entry.identity for m in alone.matches]


@pytest.mark.parametrize(
    "question, expected",
    [
        ("my handler does res.send(500) and the bot shows nothing", [("any", 500)]),  # a call, not Bot.cs(503,12)
        ("at line 5 of bot.py I get error 403", [("any", 403)]),
    ],
)
def test_numbers_next_to_a_position_are_still_read(question, expected):
    assert targets(question) == expected
