"""AI orchestration libraries and agent frameworks calling the model, as Semantic Kernel.

LangChain, LlamaIndex, Haystack, AutoGen, CrewAI or DSPy raising Azure OpenAI's 429 is
that library's (and the model's) error, not ours: 'none'. Inside a chat over one's
documents, the app the library is built into, the failure is the RAG app's, whose
upstream statuses are the RAG API's rows. The words of such an app are one list
(foreign_products.toml [lists] rag_app), shared by every library built into it.
"""

import pytest

from catalog.foreign_products import load_foreign_products
from catalog.products import words_of
from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        "LangChain AzureChatOpenAI raises RateLimitError: Error code: 429",
        "llama_index VectorStoreIndex build: Azure OpenAI embeddings 429 Too Many Requests",
        "Haystack pipeline with AzureOpenAIGenerator fails with 401 Unauthorized",
        "AutoGen AssistantAgent with Azure OpenAI: 429 Too Many Requests",
        "CrewAI agent calling Azure OpenAI: 404 Resource not found",
        "DSPy with Azure OpenAI: 429 rate limit",
        "Semantic Kernel planner: 429 from Azure OpenAI",
    ],
)
def test_the_library_alone_is_its_own(explain, question):
    assert explain(question).status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our RAG app built with LangChain returns 502 upstream_error when Azure OpenAI throttles", ("rag-api", 502, None)),
        ("chat with your documents app (LlamaIndex + Azure OpenAI) gives 504 Gateway Timeout", ("rag-api", 504, None)),
        ("our RAG service, orchestrated by CrewAI agents on Azure OpenAI, answers 429 Too Many Requests", ("rag-api", 429, None)),
        ("langchain retrieval augmented generation service returns 413 when I upload a 200MB PDF", ("rag-api", 413, None)),
        # (the same question without the library's name was already the RAG API's 504; a hosting
        # platform such as Kubernetes counts only where no product of ours is named)
        ("When deploying our LangChain RAG app on Kubernetes, the pod returns 504 from the ingress after 60 seconds "
         "for long answers.", ("rag-api", 504, None)),
        ("Semantic Kernel chat with our docs app: the chat endpoint gives 503", ("rag-api", 503, None)),
    ],
)
def test_inside_a_chat_over_ones_documents_it_is_the_rag_app(explain, question, expected):
    assert_answers(explain(question), expected)


def test_the_rag_app_words_are_one_list_for_every_library():
    fp = load_foreign_products()
    ours_with = dict(fp.ours_with)
    app_words = dict(fp.app_words)
    rag = ours_with["Semantic Kernel (an AI orchestration library)"]
    assert ours_with["LangChain / LlamaIndex"] == rag
    assert rag <= app_words["OpenAI / Azure OpenAI"]
    assert tuple(words_of("chat with our docs")) in rag  # "your" stands for anyone's
