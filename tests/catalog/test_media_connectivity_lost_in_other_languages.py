"""A participant removed for lost media connectivity, told in another language, is 410/301005.

The call end table tells apart media that never connected (301004) from media lost during the
call (301005). Asked in Spanish, German, Portuguese or Polish, the loss is said in those words
("pérdida de conectividad multimedia", "Medienverbindung verloren"); with ACS named they are
301005's sayings (acs-call-end.toml). Another meeting product's lost media stays its own.
"""

import pytest

from tests.support.matching import assert_ours


@pytest.mark.parametrize(
    "question",
    [
        "Llamada ACS: el participante fue eliminado por pérdida de conectividad multimedia",
        "ACS-Anruf: Teilnehmer wurde entfernt, Medienverbindung verloren",
        "Chamada ACS encerrada: o participante perdeu a conexão de mídia",
    ],
)
def test_media_lost_said_in_another_language_is_301005(explain, question):
    assert_ours(explain(question), ("acs-call-end", 410, 301005))


def test_another_meeting_products_lost_media_is_not_ours(explain):
    d = explain("Teams-Besprechung: Medienverbindung verloren")
    assert d.status != "answer"
