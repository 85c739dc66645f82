"""Properties that hold for every question, not just the ones we thought of."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog import load_catalog

CATALOG = load_catalog()
PAIRS = sorted({(e.code, e.subcode) for e in CATALOG.entries if e.code is not None and e.subcode is not None})
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FORMATS = [
    "code {c} subcode {s}",
    "subcode {s} code {c}",
    '{{"code": {c}, "subcode": {s}}}',
    '{{"subCode": {s}, "code": {c}}}',
    "call.callEndReason = {{code: {c}, subcode: {s}}}",
    "2025-03-04T10:22:31Z WARN callEnded code={c} subCode={s} corr=5b0c9a1e-1234-4a5b-9c3d-0123456789ab",
    "ParticipantEndReason {c} ParticipantEndSubCode {s}",
]
# Surrounding words: letters and spaces only, so they cannot name other numbers.
words = st.text(alphabet=st.characters(categories=("Ll", "Lu", "Zs")), max_size=40)


@SLOW
@given(st.text(max_size=2000))
def test_any_text_gets_a_decision(text):
    d = CATALOG.explain(text)
    assert d.status in ("answer", "ambiguous", "none")
    json.dumps(d.to_json())


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=2_000), st.integers(min_value=1, max_value=100_000))
def test_long_text_up_to_100kb_gets_a_decision(chunk, size):
    # Hypothesis cannot draw 100 KB at once; a drawn chunk repeated gets there.
    text = (chunk * (size // len(chunk) + 1))[:size]
    assert CATALOG.explain(text).status in ("answer", "ambiguous", "none")


@SLOW
@given(st.text(max_size=300))
def test_the_same_question_always_gets_the_same_answer(text):
    assert CATALOG.explain(text).to_json() == CATALOG.explain(text).to_json()


@SLOW
@given(st.sampled_from(PAIRS), st.sampled_from(FORMATS), words, words)
def test_an_exact_code_and_subcode_pair_finds_its_entry(pair, fmt, before, after):
    code, sub = pair
    question = f"{before} {fmt.format(c=code, s=sub)} {after}"
    d = CATALOG.explain(question)
    assert d.status in ("answer", "ambiguous"), question
    found = {(m.entry.code, m.entry.subcode) for m in d.matches}
    assert (code, sub) in found, question
