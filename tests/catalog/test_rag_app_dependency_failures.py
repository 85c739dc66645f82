"""A RAG app's dependencies failing, reported through the app, are the RAG API's errors.

The RAG API's document says so itself: a 429 is "rate-limited by upstream or API", upstream
issues surface as 502/503/504, and its upstream object names the service that failed
("azure_openai", "ai_search"). So a question that puts the failure inside a chat over one's
documents (a RAG chat, the RAG demo, a document Q&A backend) is answered from the RAG API's rows,
even when the paste is the model library's own exception (openai.NotFoundError,
Microsoft.SemanticKernel.HttpOperationException). The same exception from one's own script, with
no such app around it, is the model's: 'none', naming it.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

OPENAI = "OpenAI / Azure OpenAI"
SEMANTIC_KERNEL = "Semantic Kernel (an AI orchestration library)"


@pytest.mark.parametrize(
    "question, expected",
    [
        # the model library's own exception, inside a RAG app
        ("openai.NotFoundError: Error code: 404 - The API deployment for this resource does not exist. "
         "(this is in our RAG chat backend)", ("rag-api", 404, None)),
        ("our retrieval augmented generation service logs openai.APIConnectionError when users ask questions, "
         "UI shows 502", ("rag-api", 502, None)),
        ("chat over documents prototype: every question ends in openai.RateLimitError, 429", ("rag-api", 429, None)),
        # a library apps are built with, inside a document Q&A app
        ("our docs Q&A bot built with Semantic Kernel: Microsoft.SemanticKernel.HttpOperationException: "
         "Status: 401 (Unauthorized)", ("rag-api", 401, None)),
        # the model's host in the paste is no call of one's own code to it
        ("Our RAG app: the embeddings request to https://contoso-ai.openai.azure.com/openai/deployments/ada/embeddings "
         "answers 401", ("rag-api", 401, None)),
    ],
)
def test_a_dependency_failing_inside_a_rag_app_is_the_rag_apis(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, product",
    [
        ("openai.RateLimitError: Error code: 429 from my own notebook, no app around it", OPENAI),
        ("openai.AuthenticationError 401 in a script that summarises emails", OPENAI),
        ("Semantic Kernel planner throws HttpOperationException 429 in my console app", SEMANTIC_KERNEL),
        # another service calling the model itself stays its own, even for a RAG app
        ("Our RAG app: the AI Search indexer calls Azure OpenAI through an embedding skill and fails with 429", OPENAI),
    ],
)
def test_the_model_called_directly_stays_its_own(explain, question, product):
    assert_none_naming(explain(question), product)


@pytest.mark.parametrize(
    "question",
    [
        # "OpenAI." ending a sentence is no openai.* namespace
        'We built a chat with your data page on Azure OpenAI. Since Friday every answer is "429 too many requests".',
        # a chat over anyone's documents: your, our, my, the, or nobody's
        'We host a chat over our documents on Azure OpenAI. Since Friday every answer is "429 too many requests".',
        "my chat over the documents says 429 too many requests after three questions",
    ],
)
def test_a_chat_over_ones_documents_is_a_rag_app_whoever_owns_them(explain, question):
    assert_ours(explain(question), ("rag-api", 429, None))


@pytest.mark.parametrize(
    "question, expected",
    [
        # a dependency that did not answer in time is the document's upstream timeout
        ("RAG-Demo: Suchdienst antwortet nicht, Connection to mysearch.search.windows.net timed out (read timeout=60)",
         ("rag-api", 504, None)),
        ("the document Q&A backend times out talking to the vector store after 30 s", ("rag-api", 504, None)),
        # ... and what does not exist is its 404 ("Resource or route does not exist")
        ("chat over docs app: index 'products' does not exist, what do I check?", ("rag-api", 404, None)),
    ],
)
def test_a_dependency_told_in_words_reaches_the_rag_apis_row(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, first, then",
    [
        ("our RAG chat answers 500 to every question; the log has Status: 503 (Service Unavailable) from the "
         "embeddings call", ("rag-api", 503, None), ("rag-api", 500, None)),
        ("RAG upload returns 500, and the trace shows 413 from the ingestion step",
         ("rag-api", 413, None), ("rag-api", 500, None)),
        ("bot returns 500 and the log shows 403 from the connector", ("bot-service", 403, None), ("bot-service", 500, None)),
    ],
)
def test_the_status_that_says_why_comes_before_a_500(explain, question, first, then):
    d = explain(question)
    assert_ours(d, first)
    assert [(m.entry.source, m.entry.code, m.entry.subcode) for m in d.matches] == [first, then]


def test_a_reason_phrase_inside_a_dependencys_message_does_not_outrank_the_apps_500(explain):
    # the 401 is the search client's wording of its own failure; the app answered 500
    d = explain("the RAG sample's log: azure.core.exceptions.ClientAuthenticationError: Operation returned an "
                "invalid status 'Unauthorized' and then POST /chat 500")
    assert_ours(d, ("rag-api", 500, None))


@pytest.mark.parametrize(
    "question, expected",
    [
        # indexing one's documents, put inside the RAG app: the app's own ingestion (its upload rows,
        # its upstream's limits); named alone it is the indexing tools' (test_errors_of_what_surrounds_ours)
        ("ingesting docs for the RAG chat: AI Search returns 403 Forbidden while indexing", ("rag-api", 403, None)),
        ("the RAG demo logs openai.error.RateLimitError: Requests to the Embeddings_Create Operation under Azure "
         "OpenAI API version 2023-05-15 have exceeded call rate limit", ("rag-api", 429, None)),
        ("prepdocs.py fails with 429 from the embeddings deployment for our RAG chat", ("rag-api", 429, None)),
    ],
)
def test_indexing_inside_the_rag_app_is_the_apps_own_step(explain, question, expected):
    assert_ours(explain(question), expected)


def test_indexing_named_alone_stays_the_indexing_tools(explain):
    assert_none_naming(explain("python prepdocs.py stops at file 40 with HttpResponseError 429"),
                       "the indexing of documents (a search index, an embedding model)")
