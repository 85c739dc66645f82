"""JSON on the wire: whatever bot.json_codec reads or writes, the json module would read or write the same.

A client must not be able to tell which parser read its activity: same values,
same types, same error messages.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import json_codec


def _same(a, b) -> bool:
    """Equal with types: 1 is not 1.0, NaN equals NaN, -0.0 is not 0.0."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


_leaf = st.one_of(
    st.none(), st.booleans(),
    st.integers(), st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.text(alphabet=st.characters(codec="utf-8")),
    st.text(alphabet=st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010, exclude_categories=())),  # surrogates
)
_values = st.recursive(_leaf, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                     st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                       max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(value=_values, ascii_only=st.booleans())
def test_any_json_text_reads_as_json_loads_reads_it(value, ascii_only):
    body = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    try:
        expected = json.loads(body)
    except ValueError as exc:  # a lone surrogate written raw is not UTF-8: both must refuse it
        with pytest.raises(type(exc)):
            json_codec.loads(body)
        return
    assert _same(json_codec.loads(body), expected)


@pytest.mark.parametrize("body", [
    b'{"id": 18446744073709551616}',          # past 64 bits: orjson would give a float
    b'{"id": -9223372036854775809}',
    b'{"n": NaN, "i": Infinity}',              # not JSON, but json reads it
    b'{"big": 1e400}',
    b'{"text": "\\ud800"}',                   # an escaped lone surrogate
    b'\xef\xbb\xbf{"type": "message"}',        # a UTF-8 byte order mark
    '{"type": "message"}'.encode("utf-16"),
])
def test_edge_values_read_as_json_loads_reads_them(body):
    assert _same(json_codec.loads(body), json.loads(body))


@pytest.mark.parametrize("body", [b'{"type": "message", ', b"[1,]", b'{"a": 1} x', b"", b"\xff"])
def test_errors_are_json_loads_errors_with_its_words(body):
    with pytest.raises(ValueError) as ours:
        json_codec.loads(body)
    with pytest.raises(ValueError) as theirs:
        json.loads(body)
    assert type(ours.value) is type(theirs.value) and str(ours.value) == str(theirs.value)


def test_what_is_written_reads_back_as_what_json_dumps_writes():
    # The reply body: compact UTF-8 (the Content-Type says charset=utf-8), including values orjson refuses.
    body = {"text": "ünïcødé “quotes” 😀", "n": 10**30, "f": 1.5, "nested": [{"a": None}], "lone": "\ud800"}
    written = json_codec.dumps(body)
    assert isinstance(written, bytes)
    written.decode("utf-8")  # valid UTF-8, even with the lone surrogate (escaped)
    assert _same(json.loads(written), json.loads(json.dumps(body)))
