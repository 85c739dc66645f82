"""Another vendor's SMS and voice codes and response shapes are not ours, even unnamed.

Omnichannel's 300xx codes are its conversations API's validation errors (an organization ID,
a page size), never a text message that failed; ACS's SMS delivery codes have four digits.
A five-digit 2xxxx/3xxxx code beside SMS words, an SMS answer with its own fields
("error-text"), a hyphenated callback status, a vendor named by an English word in its
capitals, a hang-up sent with a "cause", a failureCode list and a {"code": -1} body belong to
other stacks. Questions naming our products keep their answers.
"""

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "appointment texts bounce with 21610 and a few with 30006",
        "error 30003 on half of our SMS campaign to landlines",
        "bulk sender log: Unknown error - 30410 for several recipients",
        'send-sms returned {"messages": [{"status": "9", "error-text": "Partner quota exceeded"}]}',
        "webhook says message-failed, rejected-unallocated-to-number, code 4720",
        "outbound MMS keeps failing via Bandwidth with 4432",
        "our voice bot sends hang up with cause busy but the caller still hears ringing, expected 486",
        "the dialer API lists failureCodes 480 and 487 for the same attempt, which one is no answer?",
        'login fails: {"code": -1, "message": "Token expired or malformed"} with HTTP 401',
    ],
)
def test_another_vendors_sms_or_voice_shape_is_none(explain, question):
    decision = explain(question)
    assert decision.status == "none", decision
    assert decision.matches == ()


@pytest.mark.parametrize(
    "question, source, code",
    [
        ("Omnichannel API returns 30005 for a conversation", "omnichannel-messaging", 30005),
        ("ACS SMS delivery report shows 4010", "acs-sms-delivery", 4010),
    ],
)
def test_ours_keep_their_answers(explain, question, source, code):
    decision = explain(question)
    assert decision.foreign_product is None, decision
    assert (decision.matches[0].entry.source, decision.matches[0].entry.code) == (source, code)


@pytest.mark.parametrize(
    "question",
    [
        "we send 20000 SMS a day and get 429 Too Many Requests",
        "Bandwidth drops and the web call ends with 0x0",
    ],
)
def test_a_count_or_the_word_bandwidth_names_no_vendor(explain, question):
    """A count of texts is no vendor's code, and "Bandwidth" opening a sentence is the network's."""
    assert explain(question).foreign_product is None
