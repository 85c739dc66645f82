"""An error identifier of another stack says whose error it is, whatever product word is beside it.

Google's and gRPC's canonical status names (UNAVAILABLE's siblings RESOURCE_EXHAUSTED,
PERMISSION_DENIED, ...), a vendor's own error key in capitals and OpenAI's error types are
never how our products report a failure: ours give an HTTP status and their own lower-case
codes (the RAG API's rate_limit_exceeded, upstream_error). "Omnichannel" and "RAG API" are
every contact centre's and every retrieval service's words, so beside such an identifier the
honest answer is 'none'. Our own codes keep answering.
"""

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "omnichannel messaging API gave 403 PERMISSION_DENIED for our routing call",
        "RAG API said Deadline_Exceeded (504) while indexing the handbook",
        "our contact-centre API: 400 INVALID_ARGUMENT on the conversation create",
        "ingest job: KB_2041 CHUNK_ALREADY_EXISTS 409",
        'Omnichannel gateway answered {"errorKey": "TENANT_QUOTA_EXCEEDED", "message": "quota"} with 429',
        "retrieval API error code MONTHLY_TOKENS_EXCEEDED, status 429",
        "bot registration update fails: 409 Conflict, code ResourceExhausted",
        "creating the chat channel answers 409 with inner code AlreadyExists",
    ],
)
def test_a_status_name_or_key_of_another_stack_is_none(explain, question):
    decision = explain(question)
    assert decision.status == "none", decision
    assert decision.matches == ()


def test_an_openai_error_type_from_a_gateway_is_none(explain):
    decision = explain("our LLM proxy replies 401 authentication_error although the key works with curl")
    assert decision.status == "none", decision


@pytest.mark.parametrize(
    "question, source, code",
    [
        ("RAG API returns 429 rate_limit_exceeded on every chat call", "rag-api", 429),
        ("RAG API 502 upstream_error from Azure OpenAI", "rag-api", 502),
        ("Omnichannel API returns 429 Too Many Requests", "omnichannel-messaging", 429),
    ],
)
def test_our_own_codes_stay_ours(explain, question, source, code):
    decision = explain(question)
    assert decision.status in ("answer", "ambiguous"), decision
    assert decision.foreign_product is None
    assert (decision.matches[0].entry.source, decision.matches[0].entry.code) == (source, code)
