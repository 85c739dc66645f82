"""cards.text.one_line (run on every text that goes into a card, several times per reply) stays
exactly the per-character definition it replaced for speed: control characters, line and
paragraph separators and all whitespace become single spaces, bidi overrides disappear."""

from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cards.text import one_line

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def reference(text: str) -> str:
    """The original definition, character by character."""
    text = _BIDI_CONTROLS.sub("", text)
    text = "".join(
        " " if (unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch.isspace()) else ch for ch in text
    )
    return " ".join(text.split())


def test_every_code_point_is_treated_as_the_definition_says():
    differ = [
        hex(cp) for cp in range(sys.maxunicode + 1)
        if one_line(f"a{chr(cp)}b") != reference(f"a{chr(cp)}b")
    ]
    assert differ == []


def test_what_a_user_sees():
    assert one_line("  Error\r\n\t403:\x00 access\u2028denied\x85 \u202eok  ") == "Error 403: access denied ok"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=80)
       | st.text(alphabet=st.sampled_from("ab \t\n\r\x00\x1f\x7f\x85\x9f\u00a0\u2028\u2029\u202a\u202e\u200e\u3000\ufeff"),
                 max_size=40))
def test_any_text_collapses_like_the_definition(text):
    assert one_line(text) == reference(text)
