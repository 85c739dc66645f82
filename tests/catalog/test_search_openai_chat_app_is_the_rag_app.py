"""A chat app named by the two services it is made of is a RAG app.

"The search + OpenAI chat app", "our search-openai demo": people name the chat
over their documents by its parts, not as a RAG app. Inside such an app the
model's own exception (openai.RateLimitError) is the app's upstream failing, the
RAG API's status; a script or a bot calling the model itself stays OpenAI's.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

OPENAI = "OpenAI / Azure OpenAI"


@pytest.mark.parametrize(
    "question",
    [
        "our azure-search-openai-demo deployment: every question fails, log shows openai.RateLimitError 429",
        "the search + openai chat app we deployed: backend says openai.RateLimitError 429",
    ],
)
def test_the_models_throttling_inside_the_app_is_its_429(explain, question):
    assert_ours(explain(question), ("rag-api", 429, None))


@pytest.mark.parametrize(
    "question",
    [
        "our Teams bot with AI Search: openai.RateLimitError 429 when calling Azure OpenAI",
        "my python script gets openai.RateLimitError 429",
    ],
)
def test_the_model_called_outside_such_an_app_stays_openais(explain, question):
    assert_none_naming(explain(question), OPENAI)
