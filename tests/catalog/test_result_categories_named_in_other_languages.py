"""A Calling SDK result category named by its identifier is that category's row, in any language.

resultCategories ("ExpectedError", "UnexpectedClientError", "UnexpectedServerError") come with a
call's end reason; people paste the property and its value into a question in their own language.
The identifier is the row's alias, and the property's name (resultCategories) or the word for a
category in the question's language names the Calling SDK; a code beside that word still decides.
"""

import pytest


def _key(decision) -> str | None:
    return decision.matches[0].entry.key if decision.status == "answer" and decision.matches else None


@pytest.mark.parametrize(
    "question, key",
    [
        ('im callEndReason steht resultCategories: ["UnexpectedServerError"], was heißt das?',
         "category-unexpectedservererror"),
        ("callEndReason の resultCategories が ExpectedError になっています", "category-expectederror"),
        ("la llamada termina con la categoría UnexpectedServerError, ¿es grave?", "category-unexpectedservererror"),
        ('dans callEndReason je vois resultCategories ["UnexpectedClientError"], c\'est quoi ?',
         "category-unexpectedclienterror"),
        ('in callEndReason I get resultCategories: ["ExpectedError"], is my app at fault?', "category-expectederror"),
        # the word for a class of error in the question's language, beside the identifier
        ("Anruf endet mit Kategorie UnexpectedClientError – ist das schlimm?", "category-unexpectedclienterror"),
        ("l'appel se termine avec la catégorie ExpectedError, est-ce normal ?", "category-expectederror"),
        ("通话结束，类别是 UnexpectedServerError，要联系支持吗", "category-unexpectedservererror"),
    ],
)
def test_a_result_category_named_is_its_row(explain, question, key):
    d = explain(question)
    assert d.foreign_product is None
    assert _key(d) == key, d


def test_a_code_beside_the_word_category_still_decides(explain):
    d = explain("SMS delivery report: categoria errore 4001")
    assert d.status == "answer" and (d.matches[0].entry.source, d.matches[0].entry.code) == ("acs-sms-delivery", 4001)
