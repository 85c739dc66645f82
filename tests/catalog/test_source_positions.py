"""A source position ("line 503 of bot.py") says where an error happened, not which error it was.

People paste where their code failed along with, or instead of, the error. The
number is already not read as a status (the parser drops it); but the words
around it still are: "line" and the "bot" of "bot.py" match Bot Service's 502
("the Direct Line service ... contact the bot") well enough to be answered,
so `explain-error "line 503 of bot.py"` explains a Bad Gateway nobody asked about.

Expected: a question that is only a source position names no error, so it is
not answered (the bot asks for the error instead); with an error next to it, the
error is answered, as if the position were not there.
"""

import pytest

from tests.support.matching import assert_answers, targets

ONLY_A_SOURCE_POSITION = [
    "line 503 of bot.py",
    "bot.py line 503",
    "line 503 in bot.py",
    "error at line 503 of bot.py",
]


@pytest.mark.xfail(
    strict=True,
    reason="catalog/ (matcher3): the words of a source position ('line', the file name's 'bot') still match "
           "Bot Service 502; catalog/query.py should blank 'line N of FILE.ext' / 'FILE.ext line N' as noise, "
           "as it blanks 'file.js:175:24'",
)
@pytest.mark.parametrize("question", ONLY_A_SOURCE_POSITION)
def test_a_source_position_alone_is_not_answered(explain, question):
    assert targets(question) == []  # the line number is not read as a status (true today)
    decision = explain(question)
    assert decision.status != "answer", [m.entry.title for m in decision.matches[:1]]


@pytest.mark.parametrize(
    "question, expected",
    [
        ("my bot returns 401 at line 503 of bot.py", ("bot-service", 401, None)),
        ("line 503 of bot.py: 401 Unauthorized", ("bot-service", 401, None)),
    ],
)
def test_the_error_next_to_a_source_position_is_the_one_answered(explain, question, expected):
    assert_answers(explain(question), expected)
