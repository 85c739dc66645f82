"""Another vendor's API known by its own terms, though the question names no product.

A contact centre's REST path ("/api/v2/webmessaging/..."), a Google client library's error class
("DetailedApiRequestError", "GaxiosError"), a video SDK's meeting object ("meeting.self.
mediaPermissions ... COULD_NOT_START") or a database's throttling diagnostics ("SubStatusCode",
"RetryAfterInMs", "RUBudgetExceeded") say whose the status is, whatever everyday words ("messages",
"chatbot", "too many requests") the question shares with ours. The answer is 'none', naming it.
The words are data (catalog/foreign_products.toml); none of them is in our five documents.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

GENESYS = "Genesys / Five9 / Zendesk / Intercom / Salesforce"
GOOGLE = "Google Cloud (a Google API client library's error)"
MEETING_SDK = "a video or voice AI platform (Dyte, ZEGOCLOUD, Tencent TRTC, Vapi, Retell)"
COSMOS = "Azure Cosmos DB"


@pytest.mark.parametrize(
    "question, name",
    [
        # a contact centre's REST paths, told without its name
        ("GET /api/v2/routing/queues/abc/members gives 403 for the supervisor account", GENESYS),
        ("our widget polls /api/v2/webmessaging/deployments and gets 404 since Monday", GENESYS),
        ("/api/v2/analytics/conversations/details/query answers 429, what is the limit?", GENESYS),
        # a Google API client library's error class
        ("DetailedApiRequestError(status: 404, message: Requested entity was not found.) from the flutter app", GOOGLE),
        ("GaxiosError: Request failed with status code 401 in the node chatbot", GOOGLE),
        ("googleapiclient.errors.HttpError: <HttpError 429 when requesting ... returned Quota exceeded>", GOOGLE),
        # a video SDK's meeting object and its media state
        ("meeting.self.mediaPermissions.audio is COULD_NOT_START on Firefox", MEETING_SDK),
        ("meeting.participants.joined.toArray() is empty and the room returns 401", MEETING_SDK),
        # a database's throttling diagnostics
        ("store call failed: StatusCode 429, RetryAfterInMs 512, what limit is that?", COSMOS),
        ("RUBudgetExceeded on every write during the nightly import", COSMOS),
    ],
)
def test_another_vendors_own_terms_make_the_question_theirs(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        # ours named: the everyday words shared with those vendors keep answering from our rows
        ("Direct Line POST /v3/directline/conversations/abc/activities returns 429", ("bot-service", 429, None)),
        ("ACS chat thread: sending a message gives 429 too many requests", ("acs-chat", 429, None)),
    ],
)
def test_our_own_paths_and_products_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)
