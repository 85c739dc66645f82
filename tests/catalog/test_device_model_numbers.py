"""A device's model number is no error code.

"Huawei P9 Lite / Nexus 7", "Lumia 950", "Xperia 10", "Lenovo 300e": the number after a
device line's name is its model, not an error, as the number after "Android" or "Chrome" is a
version (lexicon.toml [units] before). Read as a code, "Nexus 7" became call-end subcode 7
and answered a question about a lobby the documents never mention.
"""

import pytest

from tests.support.matching import targets


@pytest.mark.parametrize(
    "question",
    [
        "guest on a Nexus 7 tablet drops right after joining",
        "ACS calling on a Lumia 950 has no audio",
        "the web chat widget freezes on Xperia 10 phones",
        "students on Lenovo 300e chromebooks can't join, others can",
    ],
)
def test_a_device_models_number_is_read_as_no_code(question):
    assert targets(question) == []


def test_a_code_beside_a_device_is_still_read():
    assert targets("Nexus 5 gets 403 when joining") == [("any", 403)]
