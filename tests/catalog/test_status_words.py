"""Statuses named without digits: reason phrases, .NET and Java/JS names, JSON values.

"failed with status code Unauthorized" and `{"Code": "Forbidden"}` name a status as
surely as 401 and 403 do. The names come from Python's http.HTTPStatus (the
registry), with the other spellings in use kept as lexicon data, never a list
written for these tests.
"""

from http import HTTPStatus

import pytest

from tests.support.matching import assert_answers, targets


@pytest.mark.parametrize(
    "question, expected",
    [
        ("HTTP status code Forbidden", [("http", 403)]),
        ("the call failed with status code Unauthorized", [("http", 401)]),
        ("Precondition Failed", [("http", 412)]),
        ("precondition failed when saving state", [("http", 412)]),
        ("MethodNotAllowed", [("http", 405)]),  # .NET HttpStatusCode member
        ("NotFound", [("http", 404)]),
        ("GatewayTimeout", [("http", 504)]),
        ("TooManyRequests", [("http", 429)]),
        ("HttpStatusCode.ServiceUnavailable", [("http", 503)]),
        ("METHOD_NOT_ALLOWED", [("http", 405)]),  # Java/JS constants
        ("TOO_MANY_REQUESTS", [("http", 429)]),
        ('{"Code": "Forbidden"}', [("http", 403)]),  # a JSON value
        ("Status: 400 (Bad Request)", [("http", 400)]),  # the phrase confirms the number: one target
        ("401 Unauthorized", [("any", 401)]),
        ("Request Entity Too Large", [("http", 413)]),  # the registry's name ...
        ("Payload Too Large", [("http", 413)]),  # ... and another spelling of it
        ("Not Found", [("http", 404)]),
        ("internal server error on every request", [("http", 500)]),
    ],
)
def test_a_status_name_is_read_as_that_status(question, expected):
    assert targets(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "camera not found",  # a message's own words, not the status
        "there is a conflict in my configuration",  # one plain word needs a status word, key or quotes
        "access forbidden by policy",
        "the NotFoundException is thrown",  # part of a longer name
        "Gone fishing",
        "error: unauthorized_client",  # an OAuth error name, not 401
        "invalid_request_error",
    ],
)
def test_ordinary_words_are_not_statuses(question):
    assert targets(question) == []


def test_every_4xx_and_5xx_name_in_the_registry_is_read():
    for status in HTTPStatus:
        if 400 <= status.value <= 599:
            assert targets(f"status {status.phrase}") == [("http", status.value)], status
            assert targets(status.name) == [("http", status.value)], status  # TOO_MANY_REQUESTS


@pytest.mark.parametrize(
    "question, expected",
    [
        ("HTTP status code Forbidden from my bot", ("bot-service", 403, None)),
        ("Direct Line call failed with status code Unauthorized", ("bot-service", 401, None)),
        ("bot says MethodNotAllowed", ("bot-service", 405, None)),
        ('rag api: {"Code": "Forbidden"}', ("rag-api", 403, None)),
        ("SMS API response Status: 400 (Bad Request)", ("acs-sms-api", 400, None)),
        ("TOO_MANY_REQUESTS from the chat thread client", ("acs-chat", 429, None)),
        ("GatewayTimeout from the RAG API", ("rag-api", 504, None)),
    ],
)
def test_a_status_name_answers_like_its_number(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_status_name_alone_is_as_ambiguous_as_its_number(explain):
    assert explain("NotFound").status == explain("404").status == "ambiguous"
