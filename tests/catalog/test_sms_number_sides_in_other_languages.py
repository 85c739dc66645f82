"""Which side's number was malformed, told in another language: sender 4001, recipient 4002.

The SMS delivery table tells the From and the To numbers' bad formats apart. People asking in
Korean, Spanish, French or German name the side in their words ("수신 번호", "número del
destinatario", "numéro de l'expéditeur", "Empfängernummer"); with SMS named those pick the row
(acs-sms-delivery.toml sayings). Another messaging product's recipient stays its own.
"""

import pytest

from tests.support.matching import assert_answers, assert_none_naming


@pytest.mark.parametrize(
    "question, expected",
    [
        ("ACS SMS: el formato del número del destinatario es inválido y el mensaje fue rechazado",
         ("acs-sms-delivery", 4002, None)),
        ("ACS SMS : le numéro de l'expéditeur n'a pas le bon format, message rejeté",
         ("acs-sms-delivery", 4001, None)),
        ("SMS über ACS abgelehnt, Empfängernummer hat falsches Format", ("acs-sms-delivery", 4002, None)),
    ],
)
def test_the_side_named_in_another_language_picks_the_row(explain, question, expected):
    assert_answers(explain(question), expected)


def test_another_messengers_recipient_stays_theirs(explain):
    assert_none_naming(explain("WhatsApp: número del destinatario inválido"), "WhatsApp")
