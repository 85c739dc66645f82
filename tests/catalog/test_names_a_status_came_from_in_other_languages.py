"""A name on no list that a status came from, asked in another language.

"Got a 502 from Traccar" is Traccar's; so is "Przy pobieraniu tokena z Allegro dostaję Too many
requests" (Polish "z", from), "403 Forbidden von Shopware" or "Too many requests desde Tiendanube".
The word for "from" ([subject] from_words_other in catalog/foreign_evidence.toml), a capitalised
name right after it that is none of ours nor everyday words, and a status near it, as a number or
said in words ("Too many requests", "Forbidden"). The answer is 'none', naming it.

Our names after those words stay ours ("401 Unauthorized del Bot Service", "429 du service Direct
Line"): they are known words, no name on no list.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, name",
    [
        ("Bekomme 403 Forbidden von Shopware beim Anlegen der Bestellung", "Shopware"),
        ("Przy logowaniu dostaję Unauthorized z Baselinker, mimo że token jest nowy", "Baselinker"),
        ("Recibo Too many requests desde Tiendanube cuando pido el token", "Tiendanube"),
        ("Ricevo 503 Service Unavailable dal Wooqer da stamattina", "Wooqer"),
    ],
)
def test_a_status_from_a_name_on_no_list_in_another_language(explain, question, name):
    assert_none_naming(explain(question), name)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Erreur 429 du service Direct Line", ("bot-service", 429, None)),
        ("Recibo 401 Unauthorized del Bot Service cuando Teams envía el mensaje", ("bot-service", 401, None)),
    ],
)
def test_our_names_after_the_same_words_stay_ours(explain, question, expected):
    assert_ours(explain(question), expected)
