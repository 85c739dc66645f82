"""A pattern runs only when the question holds a word it cannot match without.

The shapes of other products' errors (foreign_evidence.toml [[shapes]]) are some seventy
regular expressions. Each is read once for the literal words every match of it contains
(catalog/pattern_words.py), and is tried only on questions that hold one of them. That
must never change what is found: these tests hold the words to "every match contains
one", for the patterns as shipped and for anything Hypothesis makes them match.
"""

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import load_catalog
from catalog import foreign_evidence, query
from catalog.pattern_words import any_of, lower_text, may_match, prefilter, required_words

QUESTIONS = sorted((Path(__file__).resolve().parents[1] / "questions").glob("*.jsonl"))


@pytest.mark.parametrize(
    "pattern, words",
    [
        (r"(?i)\b(?:outgoing |incoming )?calls? (?:is |are )?barred\b", ("barred",)),
        (r"(?i)(?<![\w-])(?:soft ?phones?|(?:predictive )?dialers?)(?![\w-])", ("dialer", "phone")),
        (r"\bSPXERR_[A-Z_]+\b", ("spxerr_",)),  # case-sensitive: looked for in lower case all the same
        (r"\b(?:dev ?tunnels?|devtunnel|ngrok)\b", ("ngrok", "tunnel")),  # "tunnel" decides for "devtunnel"
        (r"(?:hangup_)?cause\s*=\s*\d+", ("cause",)),  # an optional part is not needed
    ],
)
def test_the_words_a_pattern_cannot_match_without(pattern, words):
    assert required_words(pattern) == words


@pytest.mark.parametrize("pattern", [r"\d{5}", r"\(#\d+\) [A-Z]", r"(?:ok|no) \d+", r"\w+@\w+\.\w+"])
def test_a_pattern_without_a_telling_word_always_runs(pattern):
    # digits and classes only, or words too short to tell anything ("ok" is in every other text)
    assert required_words(pattern) is None


def test_letters_that_ignore_case_matches_to_ascii_are_written_as_ascii():
    # (?i) matches 'k' to the Kelvin sign and 's' to the long s: the lowered question must
    # hold the ASCII letter there, or a pattern that matches would be skipped.
    any_letter = re.compile("(?i)[a-z]")
    odd = [chr(c) for c in range(0x80, sys.maxunicode + 1) if any_letter.fullmatch(chr(c))]
    assert odd, "Python's (?i) matches no letter outside ASCII to an ASCII one any more"
    for c in odd:
        low = lower_text(f"x{c}x")
        assert low.isascii() and len(low) == 3 and re.fullmatch(f"(?i){low[1]}", c), c


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet="abc.(", min_size=1, max_size=4), max_size=8), text=st.text(alphabet="abc.( ", max_size=12))
def test_any_of_finds_something_exactly_when_one_of_the_strings_is_in_the_text(words, text):
    # one search standing for "any(w in text for w in words)", special characters and all
    assert (any_of(words).search(text) is not None) == any(w in text for w in words)


def test_any_of_nothing_finds_nothing():
    assert any_of([]).search("anything at all") is None


def _shape_patterns():
    return [(shape.name, p.pattern) for shape in load_catalog().matcher.evidence.shapes for p in shape.patterns]


@pytest.mark.parametrize("name, pattern", _shape_patterns())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_text_a_shape_matches_holds_one_of_its_words(name, pattern, data):
    words = required_words(pattern)
    if words is None:
        return
    text = data.draw(st.from_regex(pattern))
    assert any(w in lower_text(text) for w in words), (name, text)


def test_the_shapes_find_the_same_with_and_without_the_words_in_every_question_set():
    evidence = load_catalog().matcher.evidence
    questions = [json.loads(line)["q"] for path in QUESTIONS for line in path.open(encoding="utf-8") if line.strip()]
    if not questions:
        pytest.skip("no question sets in tests/questions")
    for q in questions + [q.upper() for q in questions]:
        everything = {}
        for shape in evidence.shapes:
            hit = shape.find(q) if shape.kind not in everything else None  # every pattern run
            if hit is not None:
                everything[shape.kind] = hit
        gated = {}
        evidence._find_shapes(q, gated)
        assert {k: (e.name, e.span) for k, e in gated.items()} == everything, q


def _gated_patterns():
    """The matcher's other patterns built from data that run behind prefilter's words."""
    m = load_catalog().matcher
    out = [("component errors", m.components.errors)]
    if m.rest_failure is not None:
        out.append(("REST failures", m.rest_failure))
    if m.negated is not None:
        out.append(("negated", m.negated))
    return out


@pytest.mark.parametrize("name, pattern", _gated_patterns())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_text_the_matchers_gated_patterns_match_passes_their_gate(name, pattern, data):
    gate = prefilter(pattern)
    assert gate is not None, f"{name}: no word to gate on, so it runs on every question"
    text = data.draw(st.from_regex(pattern))
    assert may_match(gate, text), (name, text)


@pytest.mark.parametrize("kind", [k for k, (test, _) in enumerate(query._NOISE_KINDS) if test is not None])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_kind_of_noise_is_looked_for_whenever_its_test_allows(kind, data):
    # query._noise only scans a text for the kinds whose cheap test finds something in it:
    # a test must find something in every text the kind's pattern matches
    test, pattern = query._NOISE_KINDS[kind]
    text = data.draw(st.from_regex(re.compile(pattern, re.VERBOSE)))
    assert test in text if not test.startswith("re:") else re.search(test[3:], "\n" + text), text


@pytest.mark.parametrize(
    "pattern, needed",
    [
        # foreign_evidence.py searches each of these only where the characters are there
        (foreign_evidence._PACKAGE_DIR, ("/\\",)),
        (foreign_evidence._SCOPE, ("@",)),
        (foreign_evidence._PACKAGE_VERSION, ("-", ".")),
        (foreign_evidence._ENV_KEY, ("_",)),
        (foreign_evidence._VENDOR_CODE, ("_",)),
        (foreign_evidence._NAME_VERSION, (".",)),
        (foreign_evidence._CASED_NAME, ("ABCDEFGHIJKLMNOPQRSTUVWXYZ",)),
    ],
    ids=["package dir", "scope", "package version", "env key", "vendor code", "name version", "cased name"],
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_the_evidence_patterns_are_skipped_only_without_a_character_they_need(pattern, needed, data):
    # each entry of `needed` is a set of characters, one of which every match holds
    text = data.draw(st.from_regex(pattern))
    for chars in needed:
        assert any(c in text for c in chars), text
    if needed == ("ABCDEFGHIJKLMNOPQRSTUVWXYZ",):
        assert not text.islower(), text
