"""A status's name inside a row's own title is that row, not the status.

"User gateway timeout" is the title of PSTN's 408/500001, and "Transfer Operation
Conflict" a Call Automation subcode's; read as the statuses their names hold
(504 Gateway Timeout, 409 Conflict) they were answered with other products' 504s
and 409s. A question that quotes such a title, nearly as written, asks about that
row. Written in digits, a status is still read ("User gateway timeout 504").
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ("PSTN outbound call ended with 'User gateway timeout', what does that mean?", ("acs-pstn", 408, 500001)),
        ("what is User gateway timeout", ("acs-pstn", 408, 500001)),
        ("ParticipantEndSubCode says User Gateway Timeout for our SBC calls", ("acs-pstn", 408, 500001)),
        ("transfer fails: Transfer Operation Conflict", ("acs-call-automation", None, 8607)),
        ("StartRecording callback: Recording Operation Conflict", ("acs-call-automation", None, 8571)),
        ("call automation says Pause Resume Method Not Allowed", ("acs-call-automation", None, 8573)),
        ("direct routing: Resource SIP trunk configuration not found", ("acs-pstn", 403, 511532)),
        ("Call Automation AddParticipant fails: Unauthorized Teams Interop Scenario", ("acs-call-automation", None, 7604)),
    ],
)
def test_a_quoted_title_is_its_row(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question, expected",
    [
        # the status name on its own, or in digits beside the title, is still the status
        ("Call Automation returns Conflict", ("acs-call-automation", 409, None)),
        ("call automation: Unauthorized", ("acs-call-automation", 401, None)),
        ("the RAG chat endpoint says Gateway Timeout", ("rag-api", 504, None)),
    ],
)
def test_the_status_name_alone_is_still_the_status(explain, question, expected):
    assert_answers(explain(question), expected)


def test_a_status_in_digits_beside_the_title_is_still_read(explain):
    d = explain("User gateway timeout 504")
    assert d.status in ("answer", "ambiguous")
    assert any(m.entry.code == 504 for m in d.matches)
