"""What a question says did NOT happen is no word of its error.

"CreateCallAsync never places the call ... no exception" is not Call Automation's
row titled "Call Exception": the person says there was none. Words after a
negation ("no exception", "without any exception", "no error message", "no crash":
lexicon.toml [negated]) are left out of the text match; said plainly ("throws an
exception"), the same word still counts. Numbers are read as before.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question",
    [
        "Call Automation sample: the outbound call never rings, no exception and nothing in the callback events",
        "call automation: StartRecording silently does nothing, without any exception",
    ],
)
def test_an_exception_that_did_not_happen_is_not_the_call_exception_row(explain, question):
    d = explain(question)
    assert d.status != "answer"
    assert ("acs-call-automation", None, 8518) not in [(m.entry.source, m.entry.code, m.entry.subcode) for m in d.matches]


@pytest.mark.parametrize(
    "question",
    ["call automation: CreateCallAsync throws an exception", "ACS call exception when the callee hangs up"],
)
def test_an_exception_that_happened_still_counts(explain, question):
    assert_answers(explain(question), ("acs-call-automation", None, 8518))


def test_numbers_are_read_whatever_was_negated(explain):
    assert_answers(explain("no exception in the app, but the call ended with 410 subcode 3101"), ("acs-call-end", 410, 3101))
