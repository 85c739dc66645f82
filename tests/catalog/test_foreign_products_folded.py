"""foreign_products.toml keeps each product's data in one place.

The loader joins [[products]] blocks of one name, so a product written twice still answers
right; but a word added to the second block is easy to miss when the first is read, and a
word listed under two products goes to whichever is listed first, silently. These keep the
file as one block per product, and every word and mark with one product.
"""

import tomllib
from collections import Counter

from catalog.foreign_products import FOREIGN_PATH
from catalog.lexicon import fold
from catalog.products import words_of


def _products():
    with open(FOREIGN_PATH, "rb") as fh:
        return tomllib.load(fh)["products"]


def test_each_product_is_written_in_one_block():
    repeated = [name for name, n in Counter(p["name"] for p in _products()).items() if n > 1]
    assert repeated == []


# Meta's Graph API host serves Messenger and the WhatsApp Cloud API alike: the one mark left
# shared on purpose (the product listed first, WhatsApp, is the one it names alone).
SHARED_ON_PURPOSE = {("mark", "graph.facebook.com")}


def test_no_word_or_mark_belongs_to_two_products():
    owners: dict[tuple, set[str]] = {}
    for p in _products():
        for w in p["words"]:
            owners.setdefault(("word", tuple(words_of(w))), set()).add(p["name"])
        for m in p.get("marks", ()):
            owners.setdefault(("mark", fold(m)), set()).add(p["name"])
    shared = {key: sorted(names) for key, names in owners.items() if len(names) > 1 and key not in SHARED_ON_PURPOSE}
    assert shared == {}


def test_ably_is_the_realtime_channels_product():
    from catalog import load_catalog

    decision = load_catalog().explain("ably websocket 4000 error on channel attach")
    assert decision.to_json()["foreign_product"] == "Pusher / Ably (hosted realtime channels)"
