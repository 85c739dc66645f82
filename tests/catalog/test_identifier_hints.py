"""Product names inside identifiers and across scripts written without spaces.

People paste code and stack traces: BotFrameworkAdapter, ChatThreadClient,
CallAutomationClient name their product inside one word. "RAGチャット" glues a
Latin name to Japanese. And "Teams chat", "Teams bot" and "Web Chat" are the
Bot Service's channels, not the Communication Services Chat SDK.
"""

import pytest

from catalog.products import words_of
from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "text, words",
    [
        ("BotFrameworkAdapter", ["bot", "framework", "adapter"]),
        ("TeamsActivityHandler", ["teams", "activity", "handler"]),
        ("ChatThreadClient", ["chat", "thread", "client"]),
        ("SMSClient", ["sms", "client"]),
        ("RAGチャット", ["rag", "チャット"]),
        ("iPhone", ["iphone"]),  # a brand's spelling is not an identifier of words
        ("ＢＯＴ", ["bot"]),  # full width folds as before
    ],
)
def test_identifiers_and_glued_scripts_are_read_as_their_words(text, words):
    assert words_of(text) == words


@pytest.mark.parametrize(
    "question, expected",
    [
        ("BotFrameworkAdapter 401 error", ("bot-service", 401, None)),
        ("TeamsActivityHandler returns 403", ("bot-service", 403, None)),
        ("Microsoft App ID is wrong and I get 401", ("bot-service", 401, None)),
        ("ChatThreadClient 403", ("acs-chat", 403, None)),
        ("SmsClient 401", ("acs-sms-api", 401, None)),
        ("CallAutomationClient 8501", ("acs-call-automation", 400, 8501)),
        ("CallAgent 409", ("acs-calling-sdk", 409, 40228)),
        ("RAGチャット 429", ("rag-api", 429, None)),
        ("Teams chat 403", ("bot-service", 403, None)),
        ("Teams bot 429", ("bot-service", 429, None)),
        ("Web Chat 404", ("bot-service", 404, None)),
        ("ACS chat thread 429", ("acs-chat", 429, None)),  # a product's name, not "thread 429" (a thread id)
    ],
)
def test_a_product_named_inside_an_identifier_decides(explain, question, expected):
    assert_answers(explain(question), expected)


def test_chat_alone_offers_the_chat_sdk_without_claiming_it(explain):
    # "chat" says what kind of product, not whose (tests/catalog/test_weak_product_words.py).
    d = explain("chat 403")
    assert d.status == "none"
    assert (d.matches[0].entry.source, d.matches[0].entry.code) == ("acs-chat", 403)


def test_a_product_named_more_than_the_only_one_with_the_status_makes_it_a_near_miss(explain):
    # Only the SMS API has a 200 row; the Calling SDK is what the paste names.
    d = explain("azure:ACS:error [CallClient] Allocation request failed, content-type unexpected, status code 200")
    assert d.status == "none"


def test_callingserver_the_call_automation_sdks_old_name_names_it(explain):
    assert_answers(explain("CallingServerClient AnswerCallAsync returns 401"), ("acs-call-automation", 401, None))
