"""A pass of the question reader is skipped only where it could find nothing.

catalog/query.py tests cheap things first (a substring, or a pattern that opens with a
literal) before running a pass whose pattern opens with \\b or a lookbehind, which the
regex engine must try at every position of a 20 KB paste. A gate that let a match slip
by would change what a question is read as, silently. So each gate is held here to
"every text its pass matches passes the gate", for anything Hypothesis makes the pass
match, and the shipped questions are read the same with the gates as without them.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import query
from catalog.lexicon import load_lexicon
from catalog.pattern_words import needed_characters

# (the pass, a test that must hold for every text it finds something in); parse runs both
# on the folded question, so the texts below are in lower case
LEXICON = load_lexicon()
GATES = {
    "status lines": (query._status_line(LEXICON), lambda t: query._status_line_gate(LEXICON).search(t)),
    "IIS substatuses": (query._IIS_STATUS, lambda t: query._IIS_GATE.search(t)),
    "code/subcode with a slash": (query._SLASH_PAIR, lambda t: "/" in t and query._SLASH_PAIR_GATE.search(t)),
    "keys and values": (query._KEY_VALUE, lambda t: any(c in t for c in query._KEY_VALUE_SEPARATORS)),
    "classes of codes": (query._CLASS, lambda t: "xx" in t),
    "foreign codes": (query._FOREIGN_CODE, lambda t: any(w in t for w in query._FOREIGN_CODE_WORDS)),
}


def _without_first_letter_lookahead(pattern):
    """The same pattern for Hypothesis to write texts from: it cannot satisfy a look-ahead at the
    words' first letters (the status-line pass opens with one to skip most places fast), and every
    text the rest matches is asserted below to match the pass itself."""
    return re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern, count=1))


@pytest.mark.parametrize("name", GATES)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_text_a_pass_finds_something_in_passes_its_gate(name, data):
    pattern, gate = GATES[name]
    text = data.draw(st.from_regex(_without_first_letter_lookahead(pattern)))
    assert pattern.search(text)
    assert gate(text), (name, text)


@pytest.mark.parametrize(
    "name, text",
    [
        ("status lines", "http/1.1 403 forbidden"),
        ("status lines", "gives http500"),
        ("status lines", "http_404_not_found"),
        ("status lines", "the log says error403 on every send"),
        ("status lines", "subcode3112 after the call ended"),
        ("status lines", "sip/2.0 480 temporarily unavailable"),
        ("IIS substatuses", "http error 504.0"),
        ("code/subcode with a slash", "410/3112"),
        ("code/subcode with a slash", "0 / 0"),
        ("keys and values", '"subcode": 3112'),
        ("keys and values", "code=408"),
        ("keys and values", "main: code:->400"),
        ("classes of codes", "any 4xx"),
        ("foreign codes", "0x80070005"),
        ("foreign codes", "aadsts700016"),
        ("foreign codes", "the socket closed with code 4003"),
    ],
)
def test_the_notations_each_pass_reads_open_its_gate(name, text):
    pattern, gate = GATES[name]
    assert pattern.search(text) and gate(text)


@pytest.mark.parametrize(
    "name, text",
    [
        ("status lines", "https://example.net/v2/items failed"),  # an address is no status line
        ("IIS substatuses", "chrome 115 on android 10, build 20240001"),
        ("code/subcode with a slash", "get /api/items?page=3&top=100"),
        ("classes of codes", "a plain question"),
    ],
)
def test_a_paste_without_the_notation_skips_the_pass(name, text):
    pattern, gate = GATES[name]
    assert not gate(text) and not pattern.search(text)


def test_a_paste_with_every_notation_is_read_for_each_of_them():
    # Every gate opens on one question, and each pass still reads its part of it.
    q = 'HTTP/1.1 403 at 10:00, {"code": 410, "subcode": 3112} 410/3112 504.0 4xx 0x80070005'
    parsed = query.parse(q)
    assert [(t.code, t.subcode) for t in parsed.targets if t.role == "pair"] == [(410, 3112)]
    assert 403 in [t.code for t in parsed.targets] and 504 in [t.code for t in parsed.targets]
    assert parsed.classes == (4,)
    assert parsed.foreign_codes == ("0x80070005",)


@pytest.mark.parametrize(
    "pattern, chars",
    [
        (r"\.[a-z]{1,5}:\d", (".", ":")),
        (r"-[0-9a-f]{4}-[0-9a-f]{4}-", ("-",)),
        (r"[^\w.:+-](?:4|8|19|28|29):", (":",)),
        (r"(?:jan|feb)[a-z]*\s+\d", ()),  # inside a choice: not needed by every match
        (r"(?:x\.)?y", ("y",)),
    ],
)
def test_the_characters_a_pattern_cannot_match_without(pattern, chars):
    assert needed_characters(re.compile(pattern)) == chars


@pytest.mark.parametrize("kind", [k for k, (_, chars, _) in enumerate(query._NOISE_TESTS) if chars])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_noise_test_is_searched_wherever_its_characters_allow(kind, data):
    # query._noise searches a kind's test only where the characters it needs are all there
    _, chars, test = query._NOISE_TESTS[kind]
    text = data.draw(st.from_regex(test))
    assert all(c in "\n" + text for c in chars), text
