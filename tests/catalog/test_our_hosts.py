"""Which web addresses are ours is written down once (foreign_evidence.toml [neutral]).

The product names (foreign_products.py) and the evidence of other products
(foreign_evidence.py) both read that one list, so a host added there counts
everywhere: an address of ours never makes a question someone else's, and a
link to an issue or a question page is not the service that returned the error.
"""

import pytest

from catalog.foreign_evidence import known_hosts, load_foreign_evidence
from catalog.foreign_products import load_foreign_products


def test_both_readers_share_the_one_list():
    ours, neutral = known_hosts()
    assert set(load_foreign_products().known_hosts) == set(ours) | set(neutral)
    assert "communication.azure.com" in ours and "github.com" in neutral


@pytest.mark.parametrize(
    "question",
    [
        "POST https://example.com/api/chat returns 403",  # a placeholder address of the docs, not a vendor
        "see https://github.com/foo/bar/issues/1: returns 429",  # a page about the error
        "POST https://mybot.devtunnels.ms/api/messages returns 401",
    ],
)
def test_a_known_address_is_not_the_service_of_another_product(explain, question):
    assert explain(question).foreign_product is None


def test_an_unknown_address_is_another_service(explain):
    d = explain("POST https://api.acmechat.io/v1/send returns 429")
    assert d.status == "none" and d.foreign_product == "api.acmechat.io"
