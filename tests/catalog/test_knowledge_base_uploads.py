"""An upload to a "knowledge base" is an AI chat app's, not the RAG API's.

Dify, FastGPT, MaxKB, RAGFlow and Coze call the documents one uploads a knowledge base
(知识库, ナレッジベース); the RAG API's documents speak of uploads to an index. A 413 on a
knowledge base upload, with none of our products named, is 'none'; the RAG API named
keeps it ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

KB = "an AI chat app's knowledge base (Dify, FastGPT, MaxKB, RAGFlow, Coze)"


@pytest.mark.parametrize(
    "question",
    [
        "uploading a 30MB PDF to the knowledge base fails with 413 Payload Too Large",
        "ナレッジベースにファイルをアップロードすると 413 エラーになります",
        "知识库导入文档时报错 Request failed with status code 500",
        "subir archivos a la base de conocimiento da error 413",
    ],
)
def test_a_knowledge_base_upload_is_an_ai_chat_apps(explain, question):
    assert_none_naming(explain(question), KB)


def test_the_rag_api_named_stays_ours(explain):
    assert_ours(explain("RAG API upload to the knowledge base returns 413"), ("rag-api", 413, None))
