"""Errors of what sits around or beside our products are theirs, though they look like ours.

Another CPaaS vendor's five-digit messaging codes come with that vendor's own wording
("Queue overflow 30001"); Omnichannel's 30001-30016 say something else, so the wording
beside the number decides, not the number. Another calling platform tells a call's end in
fields of its own (hangup_type ByCallee, duration_seconds, reason_code). A tunnel in front
of a bot (a dev tunnel, ngrok) fails on its own address while the bot answers locally: the
tunnel's 502, not the Bot Service's, whose 502 is a channel saying the bot did not answer.
The browser's media API called directly (navigator.mediaDevices) is the browser's. Indexing
one's own documents for a chat over them (Azure AI Search, an embedding model, Document
Intelligence, the samples' prepdocs script) fails in the ingestion, not in the RAG API's
chat request, whose own 413 and 429 stay ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

VENDOR_CODE = "another SMS or messaging provider (its own error code and wording)"
CALL_FIELDS = "another calling platform (its own call result fields)"
TUNNEL = "the tunnel in front of it (a dev tunnel or ngrok)"
BROWSER = "the browser's own media API (navigator.mediaDevices), in a client that is not ours"
INDEXING = "the indexing of documents (a search index, an embedding model)"
DOC_INTELLIGENCE = "Azure AI Document Intelligence (cracking a document for indexing)"


@pytest.mark.parametrize(
    "question",
    [
        "our reminders show 30002 - Account suspended since this morning",
        "Message blocked 30004 for a handful of recipients in the campaign dashboard",
        "what does 30009 missing segment mean for a long text",
        "alerts keep listing 30003 messages filtered, can I ignore them",
    ],
)
def test_a_vendors_five_digit_code_with_its_own_wording_is_theirs(explain, question):
    assert_none_naming(explain(question), VENDOR_CODE)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("error 30004", ("omnichannel-messaging", 30004, None)),
        ("Omnichannel messaging API returns 30001 the provided organization ID isn't valid",
         ("omnichannel-messaging", 30001, None)),
    ],
)
def test_omnichannel_codes_alone_or_in_their_own_words_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "the call status webhook says hangup_by ByCaller though the customer hung up",
        "call log: status=FAILED reason_code=486 duration_seconds=0, who rejected it?",
        "inbound call record has hangup_source ByCallee after 3 seconds",
    ],
)
def test_another_calling_platforms_result_fields_are_theirs(explain, question):
    assert_none_naming(explain(question), CALL_FIELDS)


def test_our_call_end_code_still_answers(explain):
    assert_ours(explain("ACS call ended with code 487 subcode 0"), ("acs-call-end", 487, 0))


@pytest.mark.parametrize(
    "question",
    [
        "my Teams bot behind ngrok: ERR_NGROK_8012 when the tunnel forwards to localhost:3978",
        "bot works on localhost, but browsing the abc123.euw.devtunnels.ms address gives 502 bad gateway",
        "the dev tunnel url returns a 502 for my echo bot while the local port answers",
        "Azure bot through ngrok: failed to complete tunnel connection",
    ],
)
def test_the_tunnel_failing_itself_is_the_tunnels(explain, question):
    assert_none_naming(explain(question), TUNNEL)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Azure Web Chat test says There was an error sending this message to your bot: HTTP status code "
         "BadGateway while debugging through a dev tunnel", ("bot-service", 502, None)),
        ("my bot through ngrok: Teams says it cannot reach the app and ngrok logs 502 for every POST /api/messages",
         ("bot-service", 502, None)),
    ],
)
def test_a_channel_saying_the_bot_did_not_answer_stays_the_bot_services(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "navigator.mediaDevices.getUserMedia rejects with NotAllowedError in our kiosk's video client on iOS",
        "setSinkId is not a function in Firefox, so the speaker picker of our softclient does nothing",
        "enumerateDevices() returns empty labels until permission is granted in my own video client",
    ],
)
def test_the_browsers_media_api_called_directly_is_the_browsers(explain, question):
    assert_none_naming(explain(question), BROWSER)


@pytest.mark.parametrize(
    "question",
    [
        "vectorizing 2,000 markdown files, then Azure Cognitive Search returned 413 because the batch was too large",
        "python prepdocs.py stops at file 40 with HttpResponseError 429",
        "ingestion job: Your requests to text-embedding-ada-002 in West Europe have exceeded the call rate limit",
        "the indexer fails to embed chunks after a few hundred pages, 429 in the logs",
    ],
)
def test_indexing_ones_documents_is_the_ingestions(explain, question):
    assert_none_naming(explain(question), INDEXING)


def test_a_document_too_large_to_crack_is_document_intelligences(explain):
    assert_none_naming(explain('layout model: {"code": "InvalidContentLength", "message": "The input document is too large"}'),
                       DOC_INTELLIGENCE)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our chat with your data app answers: Rate limit is exceeded. Try again in 20 seconds", ("rag-api", 429, None)),
        ("RAG API upload returns 413 payload too large for a 60 MB pdf", ("rag-api", 413, None)),
    ],
)
def test_the_rag_apis_own_chat_and_upload_errors_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)


# An app's short mixed-case name after a preposition ("the errors we see in VEText", "using
# HubSpot") names a product of its own; any product word of ours outweighs it, and a type in
# code ("fails with RestError: ...") is no app's name.
@pytest.mark.parametrize(
    "question, name",
    [
        ("how should we retry the 30010 failures we keep getting in TextPal", "TextPal"),
        ("lots of 30003 errors showing up on TxtPing this week", "TxtPing"),
    ],
)
def test_an_apps_mixed_case_name_is_another_product(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Teams bot with MyStore state keeps returning 412 precondition failed", ("bot-service", 412, None)),
        ("Omnichannel messaging API returns 30003 when called from OrderHub", ("omnichannel-messaging", 30003, None)),
    ],
)
def test_a_mixed_case_name_gives_way_to_our_products(explain, question, expected):
    assert_ours(explain(question), expected)
