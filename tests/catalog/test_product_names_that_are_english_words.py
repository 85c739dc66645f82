"""A product whose name is an English word is that product in its capitals.

"Pinpoint" is Amazon's SMS service and a verb ("I can't pinpoint why"). Written with its
capital in a sentence ("opted out (Pinpoint)", "via Pinpoint"), or in one of its own
phrases ("pinpoint sms voice", "pinpoint project"), it names Amazon's service, and an
opt-out there is not ACS's 4007. The verb, and ACS named, leave the question ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

AWS = "Amazon Web Services (SNS, Pinpoint, Connect, Chime)"


@pytest.mark.parametrize(
    "question",
    [
        "sms to a number that opted out via Pinpoint",
        "StatusMessage: Destination phone number opted out (Pinpoint), what now?",
        "our pinpoint project returns opted out for half the list",
        "pinpoint sms voice v2 send_text_message: 400 opted out",
    ],
)
def test_pinpoint_by_its_capital_or_its_phrases(explain, question):
    assert_none_naming(explain(question), AWS)


def test_the_verb_and_our_name_leave_it_ours(explain):
    assert_ours(explain("Pinpoint the reason: ACS sms 4007 opted out"), ("acs-sms-delivery", 4007, None))
