"""A status written glued to the word HTTP is that status.

People type "gives HTTP500" or paste a framework's constant (HTTP_404_NOT_FOUND);
the number reader saw a name there and read no number at all, so a question that
named its product and its status was answered 'none'. Glued to HTTP (with or
without an underscore) a three-digit number is the HTTP status; HTTP/2 and
longer runs of digits are not.
"""

import pytest

from tests.support.matching import assert_ours, targets


@pytest.mark.parametrize(
    "question, expected",
    [
        ("the RAG chat endpoint returns HTTP500", [("http", 500)]),
        ("my bot returns HTTP403 on every message", [("http", 403)]),
        ("Direct Line answers http_404", [("http", 404)]),
        ("HTTP_429_TOO_MANY_REQUESTS from the upload endpoint", [("http", 429)]),
    ],
)
def test_the_glued_number_is_read_as_the_status(question, expected):
    assert targets(question) == expected


@pytest.mark.parametrize("question", ["my bot upgraded to http2 yesterday", "http5000 is a port, not a status"])
def test_no_status_where_the_digits_are_no_status(question):
    assert not any(role == "http" for role, _ in targets(question))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("the RAG chat endpoint returns HTTP500", ("rag-api", 500, None)),
        ("my Teams bot gets HTTP403 when it replies", ("bot-service", 403, None)),
    ],
)
def test_a_glued_status_answers_like_a_spaced_one(explain, question, expected):
    assert_ours(explain(question), expected)
