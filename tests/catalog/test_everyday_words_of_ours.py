"""A word of ours that is also an industry's word gives way to another product named beside it.

"Omnichannel" is Dynamics 365's messaging product and every contact centre's brochure word:
NICE's "Digital First Omnichannel" API, Zendesk's omnichannel routing. Beside another
product's name it is that product's word ([ours] everyday in foreign_products.toml); alone,
or with our other names, it is ours.
"""

import pytest

from tests.support.matching import assert_none_naming, assert_ours

CONTACT_CENTRES = "Genesys / Five9 / Zendesk / Intercom / Salesforce"


@pytest.mark.parametrize(
    "question",
    [
        "Zendesk omnichannel routing API returns 429 Too Many Requests",
        "NICE CXone Digital First Omnichannel: POST /dfo/3.0/channels/{id}/messages gives 401",
        "the Digital First Omnichannel API rejects my attachment payload with 400",
    ],
)
def test_omnichannel_beside_another_contact_centre_is_theirs(explain, question):
    assert_none_naming(explain(question), CONTACT_CENTRES)


def test_omnichannel_alone_is_ours(explain):
    assert_ours(explain("Omnichannel messaging API returns 400 for the conversation"), ("omnichannel-messaging", 400, None))


def test_our_strong_names_still_win_beside_a_contact_centre(explain):
    # a migration story naming ours by a name that is no everyday word
    decision = explain("moving from Zendesk to Azure Communication Services chat: 403 on send")
    assert decision.foreign_product is None
