"""A version after a verb is the version someone moved to, not another product's name.

"Zulip 8.2.1" or "upgrading acmechat to 3.4" name a product of someone else by its
version. "reverting to 4.20.0" or "we stepped down to 4.14.2" name nothing: the word
before the version is a verb (an -ing or -ed form) or a word of direction, and the
question stays about the product it names.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours


@pytest.mark.parametrize(
    "question, expected",
    [
        ("my bot returns 401 since the upgrade, reverting to 4.20.0 makes it work again", ("bot-service", 401, None)),
        ("the bot gets 502 on every message since we stepped down to 4.14.2", ("bot-service", 502, None)),
        ("ACS chat thread returns 403 after we moved up to 1.5.0, downgrading to 1.4.0 helps", ("acs-chat", 403, None)),
        ("call automation gives 8565 since updating 1.2.0; rolling forward to 1.3.0 did not help",
         ("acs-call-automation", None, 8565)),
        ("the rag api returns 429 since we migrated from 2.1 to 2.3; having stayed on 2.1 it never did",
         ("rag-api", 429, None)),
    ],
)
def test_a_version_after_a_verb_names_no_product(explain, question, expected):
    assert_ours(explain(question), expected)


@pytest.mark.parametrize(
    "question, name",
    [
        ("upgrading zulip to 8.2 broke the bot, it gets 403", "zulip"),
        ("Acmechat 3.2.1 returns 403 to my chat", "Acmechat"),
    ],
)
def test_a_name_before_its_version_is_still_another_product(explain, question, name):
    assert_none_naming(explain(question), name)
