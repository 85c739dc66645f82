"""A bot built around a model is still a Bot Service bot on our channels; Teams' own phone calls are not ACS's.

A bot whose brain is Azure OpenAI, named with our bots' channel words (Teams, Web Chat, the
channel), is a Bot Service bot and a status its channel shows is the Bot Service's
(foreign_products.toml [[built_on]] bot_on_our_channels); a call straight to the model's own
library stays the model's. "Teams Phone" beside the words of calling phone numbers (Direct
Routing, PSTN, an SBC) is Teams' own phone system, not ACS's PSTN rows, unless ACS is named.
"""

import pytest

from tests.support.matching import assert_answers


@pytest.mark.parametrize(
    "question, expected",
    [
        ("our OpenAI chatbot in Web Chat shows 403 after we rotated the app password", ("bot-service", 403, None)),
        ("deployed the GPT-4o bot we built on Azure OpenAI to Microsoft Teams and the Teams channel reports 401",
         ("bot-service", 401, None)),
    ],
)
def test_a_bot_built_on_a_model_on_our_channels_is_a_bot_service_bot(explain, question, expected):
    assert_answers(explain(question), expected)


@pytest.mark.parametrize(
    "question",
    [
        "my Azure OpenAI chatbot gives 401",  # no channel of ours: the model's own key
        "our Teams bot calls Azure OpenAI and gets openai.RateLimitError 429",  # the model's own library
        "our Teams bot says 401 because the Azure OpenAI API key expired",  # the model's own key named as wrong
    ],
)
def test_the_model_alone_or_its_own_library_stays_the_models(explain, question):
    d = explain(question)
    assert d.status == "none" and d.foreign_product == "OpenAI / Azure OpenAI", d


@pytest.mark.parametrize(
    "question",
    [
        "Teams Phone gives 404 when dialing out through our SBC",
        "in Teams Phone the outbound PSTN call to one country fails with 503, others connect",
    ],
)
def test_teams_phone_with_its_calling_words_is_teams_own(explain, question):
    d = explain(question)
    assert d.status == "none", d
    assert d.foreign_product.startswith("Microsoft Teams Phone"), d


def test_teams_phone_beside_acs_stays_ours(explain):
    assert_answers(explain("ACS direct routing: Teams Phone users can't be reached, call ends 403"),
                   ("acs-pstn", 403, 510403))


def test_a_bot_in_the_teams_phone_app_is_a_bot(explain):
    assert_answers(explain("my bot in the Teams phone app returns 401"), ("bot-service", 401, None))
