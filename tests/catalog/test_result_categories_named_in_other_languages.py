"""A Calling SDK result category named by its identifier is that category's row, in any language.

resultCategories ("ExpectedError", "UnexpectedClientError", "UnexpectedServerError") come with a
call's end reason; people paste the property and its value into a question in their own language.
The identifier is the row's alias, and the property's name (resultCategories) names the Calling SDK.
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
    ],
)
def test_a_result_category_named_is_its_row(explain, question, key):
    d = explain(question)
    assert d.foreign_product is None
    assert _key(d) == key, d
