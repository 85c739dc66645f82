"""Call Automation's tips answer questions asked in other languages, as they answer English ones.

"Transfer and AddParticipant to a phone number don't work" is the tip on actions towards phone
numbers; a German, Italian or French question says the same with its own word for a phone
("Telefonnummer", "numero di telefono", "numéro de téléphone": lexicon.toml [said_plainly]) and
with its own small words, which are stopwords as "to" and "and" are (a question's every other word
dilutes how well it fits its row).
"""

import pytest


def _tip(decision) -> str | None:
    return decision.matches[0].entry.key if decision.status == "answer" and decision.matches else None


@pytest.mark.parametrize(
    "question",
    [
        "ACS Call Automation: AddParticipant mit einer Telefonnummer schlägt bei uns immer fehl, muss ich noch etwas angeben?",
        "Call Automation: RedirectCall auf eine Telefonnummer geht bei mir nicht, CreateCall zu ACS-Nutzern schon",
        "ACS Call Automation: Transfer e AddParticipant verso un numero di telefono non funzionano, verso utenti ACS sì",
        "Call Automation : AddParticipant vers un numéro de téléphone échoue, vers des utilisateurs ACS ça marche",
        "Transfer and AddParticipant to a phone number don't work for us, calls to ACS users do",
    ],
)
def test_actions_towards_a_phone_number_in_any_language_are_the_caller_id_tip(explain, question):
    d = explain(question)
    assert d.foreign_product is None
    assert _tip(d) == "pstn-sourcecallerid", d
