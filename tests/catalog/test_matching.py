"""What the matcher decides for each kind of question.

These read as the product's promises: exact where people paste numbers,
forgiving where they type words, and never claiming an answer it lacks.
"""

import pytest

from tests.support.matching import assert_answers, ident


@pytest.mark.parametrize(
    "question, expected",
    [
        ("what is subcode 3112", ("acs-call-end", 410, 3112)),
        ("subcode 40115", ("acs-calling-sdk", 412, 40115)),
        ('{"code": 403, "subcode": 5830}', ("acs-call-end", 403, 5830)),
        ("code=408 subCode=10057 at 2024-05-01T12:00:00Z", ("acs-call-end", 408, 10057)),
        ("ParticipantEndSubCode 560408", ("acs-pstn", 408, 560408)),
        ("DeliveryStatusDetails 4003", ("acs-sms-delivery", 4003, None)),
        ("error 30011", ("omnichannel-messaging", 30011, None)),
    ],
)
def test_numbers_are_looked_up_exactly(explain, question, expected):
    assert_answers(explain(question), expected)


def test_code_and_subcode_together_beat_either_alone(explain):
    # 7000 alone is both a call-end subcode and a generic Call Automation subcode.
    assert_answers(explain("code 0 subcode 7000"), ("acs-call-end", 0, 7000))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("bot returns 405", ("bot-service", 405, None)),
        ("my bott returns 503", ("bot-service", 503, None)),
        ("Teams says my bot returned 401", ("bot-service", 401, None)),
        ("messaging API returns 404", ("omnichannel-messaging", 404, None)),
        ("sms api returns 404", ("acs-sms-api", 404, None)),
        ("chat sdk 401", ("acs-chat", 401, None)),
        ("rag upload 413", ("rag-api", 413, None)),
        ("call automation 501", ("acs-call-automation", 501, None)),
    ],
)
def test_product_words_pick_between_equal_numbers(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize("question", ["what is 404", "503", "code 401", "subcode 0"])
def test_bare_shared_numbers_are_ambiguous_with_choices_by_product(explain, question):
    d = explain(question)
    assert d.status == "ambiguous"
    assert 2 <= len(d.matches) <= 8
    assert len({m.entry.source for m in d.matches}) >= 2 or len({ident(m) for m in d.matches}) >= 2


@pytest.mark.parametrize("question", ["subcode 3113", "bot returns 418", "error 77777", "what's the weather", "tell me a joke", ""])
def test_unknown_questions_are_never_answered(explain, question):
    assert explain(question).status == "none"


def test_a_missed_number_offers_near_numbers_as_suggestions_only(explain):
    d = explain("subcode 3113")
    assert d.status == "none"
    assert {m.entry.subcode for m in d.matches} >= {3112, 3111}


def test_a_missed_http_status_gets_the_class_meaning(explain):
    d = explain("bot returns 418")
    assert d.status == "none"
    assert d.hint and d.hint.startswith("4xx") and "client error" in d.hint.lower()


@pytest.mark.parametrize(
    "question, expected",
    [
        ("camera is being used by another application", ("acs-calling-sdk", 412, 43000)),
        ("Failed to unmute microphone", ("acs-calling-sdk", 400, 41016)),
        ("video is already started", ("acs-calling-sdk", 400, 41027)),
        ("Transcription Failed", ("acs-call-automation", None, 8578)),
        ("sms destination number opted out", ("acs-sms-delivery", 4007, None)),
    ],
)
def test_words_find_the_entry_that_explains_them(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_named_products_entry_clearly_ahead_answers_on_fewer_shared_words(explain):
    # "rag" names the product; its 415 fits these words far better than any other row.
    assert_answers(explain("rag rejects the file, its content type is not accepted"), ("rag-api", 415, None))


def test_words_alone_do_not_answer_for_an_error_code_of_another_system(explain):
    # A Windows HRESULT: "access denied" must not become the Calling SDK's "permissions denied".
    d = explain("error 0x80070005 access denied")
    assert d.status == "none"
    assert explain("permissions denied by system when starting video").status == "answer"
    # A hex thread id in a pasted log line is not such a code.
    d = explain("2024-05-01 10:00:01 tid=0x00003f1c WARN permissions denied by system when starting video")
    assert_answers(d, ("acs-calling-sdk", 412, 43016))


def test_several_codes_get_one_answer_each(explain):
    d = explain("explain subcodes 3100 and 3101")
    assert d.status == "answer"
    assert [ident(m) for m in d.matches] == [("acs-call-end", 410, 3100), ("acs-call-end", 410, 3101)]


def test_rag_payload_is_answered_by_its_status_and_string_code(explain):
    d = explain('{"error":{"message":"\'question\' is required","code":"validation_error","status_code":400}}')
    assert d.status == "answer"
    assert ident(d.matches[0]) == ("rag-api", 400, None)
    assert any(m.entry.string_code == "validation_error" for m in d.matches)


def test_concepts_are_answered(explain):
    d = explain("what does ExpectedError mean")
    assert d.status == "answer" and "ExpectedError" in d.matches[0].entry.title
    d = explain("what is 4xx")
    assert d.status == "answer" and d.matches[0].entry.kind == "concept"


def test_follow_up_stays_in_the_previous_product(explain):
    first = explain("bot returns 405")
    assert first.context == "bot-service"
    # a bare 404 is ambiguous on its own, but not right after a bot-service answer
    assert explain("what is 404").status == "ambiguous"
    follow = explain("and 404?", context=first.context)
    assert_answers(follow, ("bot-service", 404, None))


def test_explicit_product_words_outweigh_the_follow_up_context(explain):
    d = explain("sms api 404", context="bot-service")
    assert ident(d.matches[0]) == ("acs-sms-api", 404, None)


def test_long_questions_are_cut_and_say_so(explain):
    d = explain("subcode 3112 " + "x" * 300_000)
    assert d.truncated_at is not None
    assert d.status == "answer" and ident(d.matches[0]) == ("acs-call-end", 410, 3112)


def test_words_can_lift_a_code_to_its_subcode_row(explain):
    # 405 alone is "Method not allowed"; with these words it is the 405/8522 row.
    d = explain("Call Automation answerCall 405 missing configuration")
    assert ident(d.matches[0]) == ("acs-call-automation", 405, 8522)
    # ... but words that fit the plain row keep it
    d = explain("call ended 408 call controller timed out")
    assert ident(d.matches[0]) == ("acs-call-end", 408, None)


def test_an_application_code_goes_before_the_http_status_it_maps_to(explain):
    d = explain('HTTP 404 {"errorCode": 30013, "message": "The specified conversation doesn\'t exist."}')
    assert_answers(d, ("omnichannel-messaging", 30013, None))


def test_code_and_subcode_side_by_side_are_read_as_a_pair_when_that_row_exists(explain):
    d = explain("callEndReason 480 10077")
    assert ident(d.matches[0]) == ("acs-call-end", 480, 10077)


def test_numbers_separated_by_commas_are_each_answered(explain):
    d = explain("subcodes 8509,8510")
    assert {ident(m) for m in d.matches} >= {("acs-call-automation", None, 8509), ("acs-call-automation", None, 8510)}


@pytest.mark.parametrize(
    "question, expected",
    [
        ("direct lne 502", ("bot-service", 502, None)),
        ("omni channel api 429", ("omnichannel-messaging", 429, None)),
        ("chta sdk 401", ("acs-chat", 401, None)),
        ("บอทตอบกลับ 405", ("bot-service", 405, None)),
    ],
)
def test_misspelt_split_or_foreign_product_words_still_count(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_product_named_without_that_code_gets_suggestions_not_an_answer(explain):
    d = explain("chat sdk 404")  # the Chat SDK document has no 404
    assert d.status == "none"
    assert d.matches and all(m.entry.source != "acs-chat" for m in d.matches)


@pytest.mark.parametrize("question", ["sms 5003", "DeliveryStatusDetails 5003", "call ended 4007"])
def test_a_slip_in_the_product_named_is_not_answered_from_another_family(explain, question):
    # SMS has 5000-5002, only the call end codes have a 5003; call end has 4097 and 4507,
    # only SMS has a 4007. The other product's number is a suggestion, not the answer.
    d = explain(question)
    assert d.status == "none"
    named = "acs-sms-delivery" if "4007" not in question else "acs-call-end"
    assert any(m.entry.source == named for m in d.matches)  # the product's own near numbers


@pytest.mark.parametrize("question, expected", [
    ("callEndReason subcode 560500", ("acs-pstn", 500, 560500)),  # same family: PSTN codes end calls
    ("my call ended 560480", ("acs-pstn", 480, 560480)),
    ("my bot says subcode 3112", ("acs-call-end", 410, 3112)),  # nothing near 3112 in the Bot Service
])
def test_another_sources_number_answers_when_it_cannot_be_a_slip(explain, question, expected):
    assert_answers(explain(question), expected)


def test_between_two_sources_rows_with_the_same_numbers_the_words_decide(explain):
    # 510403 is in the call end table (spam block) and the PSTN table (missing alternate id).
    spam = explain("510403 spam blocked")
    assert spam.status == "answer" and ident(spam.matches[0]) == ("acs-call-end", 403, 510403)
    bare = explain("510403")
    assert bare.status == "ambiguous"  # nothing tells them apart


@pytest.mark.parametrize("question, expected", [
    ("my bot behind ngrok is getting rate limited", ("bot-service", 429, None)),
    ("we are being throttled by omnichannel", ("omnichannel-messaging", 429, None)),
])
def test_rate_limiting_in_the_users_words_is_a_429(explain, question, expected):
    # The documents say "too many requests"; people say rate limited or throttled (entry aliases).
    assert_answers(explain(question), expected)


def test_a_string_codes_own_words_are_answered_like_the_code(explain):
    # The RAG 'duplicate' payload's message, typed as a question.
    d = explain("File already processed for this index")
    assert d.status == "answer"
    assert ident(d.matches[0]) == ("rag-api", 409, None)
    assert d.matches[1].entry.string_code == "duplicate"
