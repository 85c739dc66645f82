"""A status the question says it did NOT get ("401 instead of 404", "422 rather than 400") is no
error asked about: the one it gets is. When ACS as a whole is named and several of its services
have that status, the REST API's common row (which holds them all) answers for them.
"""

import pytest

from tests.support.matching import assert_ours, targets


@pytest.mark.parametrize(
    "question, read",
    [
        ("our bot now answers 403 instead of 401 when the app password is wrong", [("any", 403)]),
        ("the RAG API returns 422 rather than 400 for a missing field since the update", [("http", 422)]),
        ("gives a 404 instead of a 403", [("any", 404)]),
        ("returns 500 instead of the status code 400", [("http", 500)]),
        # alone, a status is read whatever the words before it
        ("why 404 instead of the page?", [("any", 404)]),
        ("instead of 404 I get nothing", [("any", 404)]),
    ],
)
def test_the_status_not_given_is_not_read(question, read):
    assert targets(question) == read


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our bot now answers 403 instead of 401 when the app password is wrong, what does the 403 mean?",
         ("bot-service", 403, None)),
        ("the RAG API returns 422 rather than 400 for a missing field since the update", ("rag-api", 422, None)),
        # ACS as a whole: the REST API's common row holds Chat's, SMS's and Call Automation's 401
        ("Azure Communication Services answers 401 instead of 404 when I use a number my resource "
         "doesn't own. Is that expected?", ("acs-rest", 401, None)),
        ("ACS returns 429, what does it mean?", ("acs-rest", 429, None)),
    ],
)
def test_the_status_it_gets_is_answered(explain, question, expected):
    assert_ours(explain(question), expected)


def test_a_product_named_still_picks_its_own_row(explain):
    assert_ours(explain("ACS SMS now gives 401 instead of 404 for a number we don't own"), ("acs-sms-api", 401, None))
