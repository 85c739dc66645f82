"""An identifier's words name our SDK only where they are written together.

"CallClient", "callClient", "call_client" and "call client" are the Calling SDK's
client; "You missed a call(Client Error)" is a phone's missed-call notice and
"after the call, agent status ..." a contact centre's agent. A bracket, comma or
full stop between the words makes them two words of a sentence, not a name of ours.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        'Zoom shows "You missed a call(Client Error)" when a colleague rings',
        "Genesys Cloud: after the call, agent status stays on 'Not Responding', error 408",
        "Aircall: call > agent unavailable, 'no agent available' error 480 in the webhook",
        "Discord bot: voice call.Client disconnected with code 4006",
        "Vonage Video: the call/client disconnects with error 1006",
    ],
)
def test_words_split_by_a_mark_name_no_sdk_of_ours(explain, question):
    assert explain(question).status == "none"


@pytest.mark.parametrize(
    "question, expected",
    [
        # written together, in any of the ways code and people write them, they still name it
        ("CallAgent 409", ("acs-calling-sdk", 409, 40228)),
        ("call_agent 409", ("acs-calling-sdk", 409, 40228)),
        ("call-agent 409", ("acs-calling-sdk", 409, 40228)),
        ("call agent 409", ("acs-calling-sdk", 409, 40228)),
        ("createDirectLine 403 once the token in sessionStorage has expired", ("bot-service", 403, None)),
        # the words apart do not pull another product's question to the Calling SDK
        ("My Web Chat bot answers 502 when the user asks about their last call; client retries don't help",
         ("bot-service", 502, None)),
        ("RAG API /chat: Client gets 422 when the question field is empty", ("rag-api", 422, None)),
    ],
)
def test_written_together_they_still_name_it(explain, question, expected):
    assert_answers(explain(question), expected)
