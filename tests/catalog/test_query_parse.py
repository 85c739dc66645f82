"""How a question is read: which numbers it names, and as what.

Each case is what a person types or pastes, and the targets we must read from
it: ('pair', code, subcode), ('subcode', n), ('code', n), ('http', n) or
('any', n) for a bare number.
"""

import pytest

from catalog.query import parse
from tests.support.matching import targets


@pytest.mark.parametrize(
    "question, expected",
    [
        # words before the number give it its role
        ("what is subcode 3112", [("subcode", 3112)]),
        ("code 0 subcode 7000", [("pair", 0, 7000)]),
        ("subcode 3112 code 410", [("pair", 410, 3112)]),
        ("bot returns 405", [("http", 405)]),
        ("HTTP 429 from direct line", [("http", 429)]),
        ("error 30005", [("any", 30005)]),
        ("sms 4007", [("any", 4007)]),
        ("Subcode #41048", [("subcode", 41048)]),
        ("ParticipantEndSubCode 560408", [("subcode", 560408)]),
        ("DeliveryStatusDetails 4003", [("code", 4003)]),
        # lists keep the role of the word before them
        ("explain subcodes 3100 and 3101", [("subcode", 3100), ("subcode", 3101)]),
        ("subcodes 3100, 3101 or 3111", [("subcode", 3100), ("subcode", 3101), ("subcode", 3111)]),
        # misspelt role words still count
        ("subcde 3101", [("subcode", 3101)]),
        ("subcod 3101", [("subcode", 3101)]),
        ("eror 3112", [("any", 3112)]),
        # other languages around the number
        ("Unterkode 3111 was bedeutet das", [("subcode", 3111)]),
        ("¿qué significa el subcódigo 3112?", [("subcode", 3112)]),
        ("รหัสย่อย 3112 หมายถึงอะไร", [("subcode", 3112)]),
        ("サブコード 3112 の意味は", [("subcode", 3112)]),
        ("ｓｕｂｃｏｄｅ ３１１２", [("subcode", 3112)]),  # full-width
    ],
)
def test_words_around_numbers(question, expected):
    assert targets(question) == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        ('{"code": 410, "subcode": 3112}', [("pair", 410, 3112)]),
        ('{"subCode": 3112, "code": 410}', [("pair", 410, 3112)]),
        ("call.callEndReason = {code: 480, subcode: 10076}", [("pair", 480, 10076)]),
        ("2024-05-01T12:00:00.123Z ERROR call failed code=408 subCode=10057", [("pair", 408, 10057)]),
        ('{"type":"about:blank","title":"Bad Request","status":400,"detail":"x"}', [("http", 400)]),
        ('{"error":{"code":"validation_error","status_code":400}}', [("http", 400)]),
        ("410/3112", [("pair", 410, 3112)]),
        # two objects in one paste stay two pairs
        ('[{"code":410,"subcode":3100},{"code":487,"subcode":10004}]', [("pair", 410, 3100), ("pair", 487, 10004)]),
    ],
)
def test_pasted_payloads_and_logs(question, expected):
    assert targets(question) == expected


def test_string_codes_in_payloads_are_read():
    p = parse('{"error":{"message":"x","code":"upstream_error","status_code":502}}')
    assert p.string_words == ("upstream_error",)


@pytest.mark.parametrize(
    "question",
    [
        "2024-05-01T12:00:00Z",
        "on 01/05/2024 at 10:32:11",
        "May 1, 2024",
        "request 5b0c9a1e-1234-4a5b-9c3d-0123456789ab failed",
        "trace 0x1f3a and id 7c5e9a0b12f4",
        "The message text length is too large. Max 6,000 characters allowed.",
        "it took 30 seconds and 256 kb",
        "botbuilder 4.17.1 on python 3.11",
        "listening on port 3978",
        "call +1 425 555 0100",
        "see https://learn.microsoft.com/azure/bot-service/x?view=azure-bot-service-4.0#429",
        "99.9% of the time",
        "id 123456789012",
        "timeout after 30s",
        "the call lasted 90s",
        "exception at line 503 of bot.py",
        "indirect line 503",
        "my bot took 500s to respond",      # 400-599 with an s, but after a word of time: seconds
        "video froze for 410s",
        "the call drops at 480s every time",
    ],
)
def test_numbers_that_are_not_codes(question):
    assert targets(question) == []


@pytest.mark.parametrize(
    "question, number",
    [
        ("web chat keeps getting 429s", 429),      # a plural of status codes, not 429 seconds
        ("lots of 500s from my bot", 500),
        ("direct line 503", 503),                  # a product's name ending in "line", not line 503 of a file
        ("Direct Line returns 502", 502),
    ],
)
def test_numbers_that_are_codes_though_they_look_like_quantities(question, number):
    assert [t.code or t.number for t in parse(question).targets] == [number]


def test_a_windows_hresult_is_read_as_a_code_no_source_has():
    assert parse("error 0x80070005 access denied").foreign_codes == ("0x80070005",)
    assert parse("trace 0x1f3a").foreign_codes == ()  # a short hex value is an id, not a result code
    assert parse("tid=0x00003f1c request 0x1a2b3c4d").foreign_codes == ()  # no failure bit: ids, not results


def test_codes_survive_noise_around_them():
    log = "[2025-03-04 10:22:31,104] WARN corr=5b0c9a1e-1234-4a5b-9c3d-0123456789ab after 2.5 s code=487 subCode=10004"
    assert targets(log) == [("pair", 487, 10004)]


def test_code_classes():
    assert parse("what does 4xx mean").classes == (4,)
    assert parse("5XX and 6xx").classes == (5, 6)


def test_empty_and_odd_text():
    assert parse("").targets == ()
    assert parse("\x00\u202e\ufeff🤖").targets == ()


def test_values_of_other_keys_are_not_codes():
    assert targets("listing conversations with pageSize=500 fails") == []
    assert targets('{"details": {"top_k": 50}, "status_code": 422}') == [("http", 422)]
    # ... but a role word used as a key still names a code
    assert targets("Error: 404") == [("any", 404)]
