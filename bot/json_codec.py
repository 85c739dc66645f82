"""JSON on the wire, both directions: the codec, and the test for values that need no msrest walk.

`loads`/`dumps`: orjson's speed where it gives the standard library's answer, the standard library elsewhere.

Every activity is parsed once and every reply encoded once; the json module
does each in Python-driven C at several times orjson's cost. The two differ
only at the edges, and there the standard library decides, so what a client
sees (values, error messages) is what json gives:
- integers past 64 bits: orjson reads them as floats, silently, so a body
  with a run of 19+ digits anywhere goes to json.loads;
- what orjson refuses (NaN, 1e400, lone surrogates, a UTF-8 BOM, UTF-16,
  nesting past 1024 levels, and every syntax error, whose message json words):
  json.loads reads it or raises its own error;
- what orjson cannot write (an int past 64 bits, a str subclass it rejects):
  json.dumps writes it.
"""

from __future__ import annotations

import json
import math

import orjson

# A run of 19 digits, found as: every digit made "0", everything else " ", then a
# substring search. Both steps are single C passes, ten times faster than a regex
# (which cost more than the json module's whole parse).
_DIGITS_AS_ZERO = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_RUN = b"0" * 19


def loads(body: bytes):
    """json.loads(body), from orjson where the answer is the same. Raises what json.loads raises."""
    if _LONG_RUN not in body.translate(_DIGITS_AS_ZERO):
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            pass
    return json.loads(body)


def dumps(value) -> bytes:
    """Compact UTF-8 JSON of value."""
    try:
        return orjson.dumps(value)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value).encode()


# msrest walks every value node by node to (de)serialise it; a tree made only of
# what json.loads produces (dicts with str keys, lists, str, int, float, bool,
# None) needs no walk at all. The activity reader and the reply serialiser
# (bot/sdk/) both take that shortcut, and must agree on what qualifies.

def is_plain_json(value, finite: bool = False) -> bool:
    """True for a tree of values json.loads produces (and json.dumps writes back unchanged).

    finite=True also refuses NaN and the infinities, which orjson writes as null.
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True
    if kind is float:
        return not finite or math.isfinite(value)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str or not is_plain_json(item, finite):
                return False
        return True
    if kind is list:
        for item in value:
            if not is_plain_json(item, finite):
                return False
        return True
    return False
