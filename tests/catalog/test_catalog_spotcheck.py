"""Spot checks: selected entries read exactly as the documents say.

Each test pins the text a user would see on a card for one entry, picked where
transcription is easiest to get wrong: rows split across lines, numbers the
document misprints, the misspelt category, columns that are easy to shift.
"""

from __future__ import annotations

import pytest

from catalog import Catalog, Category, Entry

ACS_URL = "https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/troubleshooting-codes"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_pstn_60486_is_kept_as_printed_with_a_note(catalog):
    e = catalog.get("acs-pstn", 486, 60486)
    assert e.title == "The called number was busy"
    assert e.note == "The document prints 60486; 560486 is most likely meant (see the call-end table)."
    assert e.advice == "- For direct routing calls, check your SBC logs and settings and timeouts configuration."
    assert catalog.get("acs-pstn", 486, 560486) is None


def test_pstn_560487_keeps_code_497_with_a_note(catalog):
    e = catalog.get("acs-pstn", 497, 560487)
    assert e.message == "- The caller terminated the call request.\n- Request terminated with normal call clearing."
    assert e.advice == "Retry the call."
    assert "487 is most likely meant" in e.note
    assert catalog.get("acs-pstn", 487, 560487) is None


def test_misspelt_category_is_stored_as_the_real_one(catalog):
    e = catalog.get("acs-call-end", 410, 3100)
    assert e.category is Category.UNEXPECTED_CLIENT_ERROR
    assert e.message == (
        "Call setup failed due to unexpected network problem on the client, check the client's network and retry."
    )
    assert e.advice == "Check network configuration, make sure it follows Azure Communication Calling network requirements."
    # Data copied verbatim from the document still loads with the right value.
    copied = Entry(source="acs-call-end", section="s", code=410, subcode=3101, title="t", message="m",
                   category="UnxpectedClientError")
    assert copied.category is Category.UNEXPECTED_CLIENT_ERROR


def test_rag_429_retry_and_merged_troubleshooting(catalog):
    e = catalog.get("rag-api", 429)
    assert (e.title, e.http_status, e.retry) == ("Too Many Requests", 429, "Yes, with backoff")
    assert e.message == "Rate-limited by upstream or API"
    assert e.advice == "- Transient or capacity issues. Implement retries with exponential backoff."
    assert catalog.get("rag-api", 400).retry == "No, fix request"
    assert catalog.get("rag-api", 409).note == "Upload endpoints commonly use 400, 401, 409, 500."


def test_rag_string_code_from_the_upstream_example(catalog):
    (e,) = catalog.by_string_code["rate_limit_exceeded"]
    assert (e.source, e.code, e.subcode, e.http_status) == ("rag-api", None, None, 429)
    assert "Requests to the embeddings endpoint are rate limited" in e.message


def test_omnichannel_30011_carries_its_http_code(catalog):
    e = catalog.get("omnichannel-messaging", 30011)
    assert e.http_status == 400
    assert e.message == "The message text length is too large. Max 6,000 characters allowed."
    assert e.title == "The message text length is too large"
    assert catalog.get("omnichannel-messaging", 30013).http_status == 404
    assert catalog.get("omnichannel-messaging", 30015).http_status == 500


def test_calling_sdk_row_with_helpful_links(catalog):
    e = catalog.get("acs-calling-sdk", 400, 41027)
    assert e.title == "Failed to start video, video is already started"
    assert e.message == "Failed to start video, video is already started."
    assert e.category is Category.EXPECTED_ERROR
    assert e.advice == (
        "Helpful links:\n- Place a call with video camera\n- Start and stop sending local video while on a call"
    )
    assert e.links[0].url == ACS_URL


def test_calling_sdk_code_only_row_list_becomes_one_entry_per_code(catalog):
    for code in (490, 491, 496, 497, 498):
        e = catalog.get("acs-calling-sdk", code)
        assert (e.message, e.advice) == ("Local endpoint network issues.", "Check your network.")
    end = catalog.get("acs-call-end", 497)
    assert end.advice == "Check network configuration, make sure it follows Azure Communication Calling network requirements."


def test_call_automation_most_common_row_split_into_title_message_advice(catalog):
    e = catalog.get("acs-call-automation", 400, 8501)
    assert e.title == "Action Not Supported Call Not Established"
    assert "activated while the call was not active" in e.message
    assert e.advice.startswith("Ensure that new call actions aren't initiated after the call has been disconnected.")


def test_call_automation_generic_subcode_has_no_code(catalog):
    e = catalog.get("acs-call-automation", None, 8509)
    assert e.title == "Max Silence Timeout Reached"
    assert "Max Silence Timeout Reached" in e.message
    concept = catalog.get("acs-call-automation", key="class-2xx")
    assert concept.message.startswith(
        "A 2xx code represents a successful response. The subcode for successful responses will be 0."
    )


def test_result_category_concept(catalog):
    e = catalog.get("acs-calling-sdk", key="category-expectederror")
    assert e.kind == "concept" and "ExpectedError" in e.title
    assert e.message.startswith(
        "For client errors, if the resultCategories property is ExpectedError, the error is expected from the SDK's perspective."
    )


def test_sms_delivery_4007(catalog):
    e = catalog.get("acs-sms-delivery", 4007)
    assert e.message == "The Destination/To number opted out of receiving messages from you."
    assert e.advice == "Mark the Destination/To number as opted out so that no further message attempts are made to the number."
    assert e.category is None and e.http_status is None


def test_bot_service_403_and_429(catalog):
    forbidden = catalog.get("bot-service", 403)
    assert forbidden.http_status == 403
    assert forbidden.message == "HTTP 403 indicates that the credentials are received but are not allowed for the current operation."
    assert forbidden.advice == catalog.get("bot-service", 401).advice
    assert "- The client, such as Web Chat, is using an expired token" in forbidden.advice.splitlines()
    too_many = catalog.get("bot-service", 429)
    assert too_many.retry == "honor Retry-After"
    assert [link.title for link in too_many.links] == ["HTTP 429 Error", "Rate limiting"]
    assert catalog.get("bot-service", 503).retry == "often transient"


def test_chat_rest_and_sms_api_rows(catalog):
    assert catalog.get("acs-chat", 429).advice == (
        "Ensure that your client-side application handles this scenario in a user-friendly manner. "
        "If the error persists, file a support request."
    )
    rest = catalog.get("acs-rest", 422)
    assert (rest.title, rest.http_status, rest.message) == (
        "Unprocessable Entity", 422, "The body of the request couldn't be validated.")
    sms = catalog.get("acs-sms-api", 500)
    assert (sms.title, sms.message) == ("Internal server error", "No authentication was found or unknown error occurred")


def test_pstn_troubleshooting_tip(catalog):
    e = catalog.get("acs-troubleshooting", key="pstn-sourcecallerid")
    assert e.kind == "tip" and e.code is None and e.subcode is None
    assert e.title == "Actions on PSTN endpoints aren't working"
    assert "you need to set the SourceCallerId in the action request" in e.message
