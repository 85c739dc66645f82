"""A JSON error body whose "error" is a sentence is another service's, even beside our names.

Django REST framework answers {"error": "..."} or {"detail": "..."}, Flask's JSON
handlers {"error": "415 Unsupported Media Type: ..."}, many chat and health APIs
{"error": "Access credentials were not supplied."}. None of our products does: the
Bot Connector, Direct Line, ACS and the RAG API put an object under "error"
({"error": {"code": ..., "message": ...}}, the RAG API's "Error payload schema"),
Omnichannel a problem+json body. So a sentence there says who produced the error,
whatever product words are around it ("chat endpoint" is the RAG API's phrase).
A code ("invalid_grant") or a reason phrase ("Internal Server Error", as Spring
Boot's body says it for a Java bot's own endpoint) is no sentence.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

NAME = "another web service (its error body is a sentence of its own, not one of our products' error objects)"


@pytest.mark.parametrize(
    "question",
    [
        'our chat backend returns {"error": "Authentication credentials were not provided."} 403',
        "messages endpoint of the support widget: 429 {'error': 'You have sent too many requests, slow down.'}",
        'chat endpoint answers 400 {"error": "The field conversation_id must not be empty."}',
    ],
)
def test_a_sentence_under_error_is_another_services_body(explain, question):
    assert_none_naming(explain(question), NAME)


@pytest.mark.parametrize(
    "question, expected",
    [
        ('java bot: POST /api/messages returns {"timestamp":"2024-01-01","status":500,"error":"Internal Server Error",'
         '"path":"/api/messages"}', ("bot-service", 500, None)),
        ('token call answers {"error":"invalid_grant","error_description":"AADSTS70000: bad grant"} for my bot 401',
         ("bot-service", 401, None)),
        ('RAG API upload returns 409 {"error": {"code": "duplicate", "message": "File already processed"}}',
         ("rag-api", 409, None)),
    ],
)
def test_our_error_objects_codes_and_reason_phrases_are_no_such_sign(explain, question, expected):
    assert_ours(explain(question), expected)
