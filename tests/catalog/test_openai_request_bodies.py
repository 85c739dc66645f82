"""OpenAI's API refusing a request parameter is OpenAI's error, even with no product named.

Its bodies name the parameter by its path in the request ("Invalid 'messages[2].content'")
and say what was expected; their 400 fits every 400 row we have, so without this the
answer would be a list of our Bad Requests. Our RAG API's own validation errors stay ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

OPENAI_BODY = "OpenAI's API or one compatible with it (a request parameter it refused)"


@pytest.mark.parametrize(
    "question",
    [
        '{"error": {"message": "Invalid \'messages[2].content\': string too long. Expected a string with maximum '
        'length 1048576, but got a string with length 2000000 instead.", "type": "invalid_request_error", '
        '"param": "messages[2].content", "code": "string_above_max_length"}}',
        "BadRequestError: Error code: 400 - {'error': {'message': \"Invalid 'tools[0].function.name': string does "
        "not match pattern.\", 'code': 'invalid_value'}}",
        'HTTP 400 {"error": {"message": "Invalid \'response_format.json_schema\': missing name", "code": null}}',
    ],
)
def test_openai_refusing_a_parameter_is_none(explain, question):
    assert_none_naming(explain(question), OPENAI_BODY)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our rag api chat endpoint returns 400 with validation_error, field question missing", ("rag-api", 400, None)),
        ('RAG API upload: {"error": {"code": "validation_error", "message": "Invalid \'file\': expected pdf"}}',
         ("rag-api", 400, None)),
    ],
)
def test_our_rag_apis_validation_errors_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)
