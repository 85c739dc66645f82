"""An error told in a product's own words, without a number, is answered by its row.

Real posts rarely give the status: Web Chat "can't refresh the token", Direct Line says
"Invalid token or secret", a bot's onTurnError says "Conversation not found", the Calling
SDK's camera "is in use by another app". Each row lists what people say for it
(catalog/data/*.toml: `aliases` are the row's other names, `said_in_product` the phrases
that mean the row only where its product is named, since every product has tokens,
conversations and cameras). Phrases are matched on their words' stems, so "tokens expire"
meets "token expired" and "refreshing the token fails" meets "token refresh".

Teams and ACS identifiers ("28:<bot id>", "19:abc@thread.v2", "8:acs:...") open with a
number and a colon; that number is the identifier's kind, never a code, and must not stop
the words from answering.
"""

import pytest

from tests.support.matching import assert_answers, ident


@pytest.mark.parametrize(
    "question, expected",
    [
        # Direct Line's token, told by what Web Chat and the token calls say: 403
        ("our webchat page idles overnight and then refreshing the token fails, the chat stays offline",
         ("bot-service", 403, None)),
        ("direct line POST /tokens/generate answers: secret or token is invalid", ("bot-service", 403, None)),
        ("directline token has expired, how do I renew it", ("bot-service", 403, None)),
        ("Direct Line GET /activities: 'Token not valid for this conversation'", ("bot-service", 403, None)),
        # state written by two turns at once: 412
        ("bot framework: etag doesn't match when saving user state", ("bot-service", 412, None)),
        ("Teams bot: write conflict on conversation state when two users type at once", ("bot-service", 412, None)),
        # the RAG API's upstream model out of its limits: 429
        ("rag api chat endpoint says quota exceeded for the deployment", ("rag-api", 429, None)),
        ("our RAG chat answers: Error: Rate limit is exceeded. Try again in 30 seconds.", ("rag-api", 429, None)),
        # a RAG app named by what it does: a chat over one's own documents
        ("the chat-with-your-data app says Rate limit is exceeded. Try again in 5 seconds", ("rag-api", 429, None)),
        # a conversation the bot's connector does not know: 404
        ("bot framework proactive reply: the adapter throws conversation does not exist", ("bot-service", 404, None)),
        ("Teams bot continueConversation keeps failing, Conversation not found for the stored reference",
         ("bot-service", 404, None)),
        # the camera held by another application: the Calling SDK's 43000
        ("ACS calling web: turning video on while Zoom has the webcam says the camera is busy",
         ("acs-calling-sdk", 412, 43000)),
        ("callAgent startVideo rejects with SourceUnavailableError on a laptop", ("acs-calling-sdk", 412, 43000)),
        ("calling sdk: device is in use by OBS, what is the code for that?", ("acs-calling-sdk", 412, 43000)),
    ],
)
def test_an_error_told_in_its_products_words_is_answered(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "OAuth token refresh fails in my mobile app",  # tokens are everyone's
        "the conversation does not exist, says the chatgpt wrapper",  # conversations are everyone's
        "my webcam is in use by another program, how do I free it",  # cameras are everyone's
        "the token expired",
        "ACS chat token expired",  # another product's token
        "our database reports a write conflict on the orders table",
        # another product of ours named far more strongly than a slip of the bot's words
        "Omnichannel chat SDK: getConversationDetails says Conversation not found",
    ],
)
def test_without_the_product_these_words_are_nobodys_row(explain, question):
    d = explain(question)
    assert not (d.status == "answer" and ident(d.matches[0]) in {
        ("bot-service", 403, None), ("bot-service", 404, None), ("acs-calling-sdk", 412, 43000)}), question


@pytest.mark.parametrize(
    "question, expected",
    [
        ('bot storage write of "msteams/28:abc/conversations/19:xyz@thread.v2" failed on an eTag conflict',
         ("bot-service", 412, None)),
        ("Teams bot: sending to 29:1f2e... fails, Conversation not found", ("bot-service", 404, None)),
    ],
)
def test_an_identifiers_kind_number_is_no_code(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_status_beside_an_identifier_is_still_read(explain):
    assert_answers(explain("ACS chat: adding 8:acs:1234_abcd to the thread returns 403"), ("acs-chat", 403, None))
