"""Words whose last consonant doubles before an ending meet their plain form.

'transferring' is 'transfer', 'stopped' is 'stop': a question told in those words
matches the rows that use the plain word ("Transfer" in a title). Consonants English
does not double this way keep their pair ('calling', 'passed').
"""

import pytest

from catalog.textindex import stem


@pytest.mark.parametrize(
    "inflected, plain",
    [("transferring", "transfer"), ("transferred", "transfers"), ("stopped", "stop"), ("dropping", "drop"),
     ("embedded", "embed"), ("planned", "plan"), ("calling", "call"), ("passed", "pass")],
)
def test_an_inflected_word_meets_its_plain_form(inflected, plain):
    assert stem(inflected) == stem(plain)


def test_a_transfer_told_with_ing_finds_the_row_about_transfers(explain):
    # "Transfer Operation Conflict" (8607), told without its number
    d = explain("call automation: transferring while another transferring operation is still running gives a conflict")
    assert d.status == "answer" and (d.matches[0].entry.source, d.matches[0].entry.subcode) == ("acs-call-automation", 8607)
