"""One question both directions of the wire ask: is this value plain JSON?

msrest walks every value node by node to (de)serialise it; a tree made only of
what json.loads produces (dicts with str keys, lists, str, int, float, bool,
None) needs no walk at all. The activity reader and the reply serialiser both
take that shortcut, and must agree on what qualifies.
"""

from __future__ import annotations

import math


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
