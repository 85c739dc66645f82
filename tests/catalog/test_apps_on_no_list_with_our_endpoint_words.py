"""An app nobody has listed, whose endpoint is named in our words.

"chat endpoint" and "upload endpoint" are the RAG API's phrases, but right after a name on no list
they are that app's own endpoint: "Gramps Web chat endpoint started returning 429s from the OpenAI
API" is that genealogy app's chat feature failing, not our RAG API. What the app called (the OpenAI
API, Azure OpenAI: a product listed in catalog/foreign_products.toml) is no word of ours beside it
either. The answer is 'none', naming the app ([subject] name_parts in foreign_evidence.toml).

Our own RAG app keeps its rows: "our RAG chat endpoint", "Contoso RAG chat endpoint" name the RAG
app before the endpoint, and a bare "chat endpoint" is ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, name",
    [
        ("Khoj chat endpoint gives 429 when Azure OpenAI throttles", "Khoj"),
        ("Paperless-AI chat endpoint answers 502 from the Ollama upstream", "Paperless-AI"),
        ("Mealie chat endpoint returns 500 after the upgrade", "Mealie"),
        ("Hoarder upload endpoint returns 413 for big screenshots", "Hoarder"),
    ],
)
def test_an_apps_endpoint_named_in_our_words_is_that_apps(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Chat endpoint returns 429 after ten questions", ("rag-api", 429, None)),
        ("Contoso RAG chat endpoint returns 429 from the OpenAI API", ("rag-api", 429, None)),
        ("our RAG upload endpoint gives 413 for a big pdf", ("rag-api", 413, None)),
    ],
)
def test_our_rag_apps_endpoints_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)
