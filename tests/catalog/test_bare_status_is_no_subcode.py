"""A bare HTTP status is not a guess at a subcode the words do not support.

The Calling SDK has 403 only as the code of 403/43001 (permission to use the camera
was not granted). "callAgent.join ... the POST answers 403" is about joining, not the
camera: that row is offered, not claimed as the answer. Where the words do fit a
code/subcode row ("403 when starting video, camera permission"), it answers as before.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        "callAgent.join() to our group call fails in the web calling sample, the conversation POST answers 403",
        "ACS calling SDK: CallClient getting 403 as soon as we try to join the rooms meeting",
    ],
)
def test_a_bare_status_the_words_do_not_tie_to_a_subcode_is_offered_not_answered(explain, question):
    d = explain(question)
    assert d.status == "none"
    assert (d.matches[0].entry.source, d.matches[0].entry.code) == ("acs-calling-sdk", 403)  # offered


@pytest.mark.parametrize(
    "question, expected",
    [
        ("calling sdk 403 when starting video: camera permission was not granted", ("acs-calling-sdk", 403, 43001)),
        ("calling sdk 408 render stream timeout when the remote starts screen share", ("acs-calling-sdk", 408, 43203)),
    ],
)
def test_a_bare_status_with_the_rows_own_words_still_answers_it(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        # the code repeated alone, beside the pair, asks nothing new
        'Call end reason: code: 487, subcode: 99999 ... "ResultCode": 487, "ResultValue": "Failure"',
        "call ended with code 403 subcode 424242; the log's resultCode is 403 too",
    ],
)
def test_a_subcode_we_do_not_have_is_not_answered_by_another_subcode_of_its_code(explain, question):
    d = explain(question)
    assert d.status == "none", d


def test_a_code_with_a_row_of_its_own_still_answers_from_that_row(explain):
    # 410 has a plain row in the call end table: it explains the code, not a subcode
    assert_answers(explain("call ended with code 410 subcode 424242; the log's resultCode is 410 too"),
                   ("acs-call-end", 410, None))


def test_a_subcode_we_have_beside_its_code_repeated_still_answers(explain):
    assert_answers(explain('{"code": 410, "subcode": 3112, "resultCode": 410}'), ("acs-call-end", 410, 3112))
