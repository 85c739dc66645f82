"""Serialising replies without msrest's generic walk: same JSON, a tenth of the CPU.

JsonNativeSerializer replaces the connector client's msrest Serializer
(installed by bot/sdk/connector_cache.py:tune_connector); SerialisedOnce marks
models whose JSON is worked out once and kept (the cached answers' cards).
Depends on msrest's private model layout (_attribute_map, _serialize), hence
behind the fence and pinned in pyproject.toml.
"""

from __future__ import annotations

from enum import Enum

import orjson
from msrest import Serializer
from msrest.serialization import Model

from .. import json_codec
from ..json_codec import is_plain_json


class SerialisedOnce:
    """A model that never changes once built, so its JSON is worked out on its first send only.

    The bot keeps the card attachments of answers it has given (bot/conversation/answer_cache.py)
    and sends the same objects again; JsonNativeSerializer keeps their JSON on
    them and reuses it, instead of walking a few kilobytes of card each time.
    Only for objects nothing assigns to after they are built.
    """

    def __deepcopy__(self, memo):
        # Never changed once built, so its deep copy is itself, as a str's is. (The SDK
        # deep-copies every outgoing activity; the kept JSON, an orjson.Fragment, cannot be copied.)
        return self

    def __getstate__(self):
        """Pickled (or copied) without the kept JSON: that is worked out again on the next send."""
        state = dict(self.__dict__)
        state.pop("_wire", None)
        state.pop("_wire_json", None)
        return state


_AS_IS = (str, int, bool, float)

# Per model class: attribute -> (JSON key, type), from its _attribute_map, read once.
_FIELDS: dict[type, dict[str, tuple[str, str]]] = {}


class _Fallback(Exception):
    """Something msrest should handle itself."""


class JsonNativeSerializer(Serializer):
    """msrest's Serializer with two fast paths that produce the same JSON.

    1. `object`-typed fields that already hold plain JSON. An Adaptive Card is a
       few kilobytes of nested dicts in Attachment.content; msrest walks it node
       by node (serialize_object / serialize_basic / serialize_unicode), which
       cost more CPU than everything else in a turn. For a tree of plain JSON
       values that walk returns an equal tree, so the tree itself is returned.
    2. Request bodies that are models (the reply Activity). msrest's `body()`
       first rebuilds the model from itself ("just in case this is a dict"),
       validates it (no Bot Framework schema model declares any constraint, so
       this only walks) and then serialises attribute by attribute with generic
       dispatch: about 0.3 ms per reply. `_dump_model` writes the same keys and
       values directly from the models' attribute maps: about 0.03 ms.

    Anything unexpected (a dict where a model belongs, dict-typed fields, a value
    of the wrong type) takes msrest's own full path instead, so the output is
    always what msrest would produce; tests/test_bot_connectors.py checks that
    against the stock Serializer on generated activities.
    """

    def serialize_object(self, attr, **kwargs):
        kind = type(attr)
        if kind in _AS_IS:  # msrest's serialize_basic returns these very values
            return attr
        if kind in (dict, list) and is_plain_json(attr):
            return attr
        return super().serialize_object(attr, **kwargs)

    def body(self, data, data_type, **kwargs):
        if isinstance(data, Model) and not kwargs and isinstance(data, self.dependencies.get(data_type, ())):
            try:
                return self._dump_model(data)
            except _Fallback:
                pass
        return super().body(data, data_type, **kwargs)

    def body_json(self, data, data_type) -> bytes:
        """body(), written as UTF-8 JSON: the request body of a reply sent directly.

        The JSON of each SerialisedOnce part (an answer's cards) is written on its
        first send and spliced into later ones (orjson.Fragment), where writing a
        card again cost about as much as all the rest of the reply.
        """
        if isinstance(data, Model) and isinstance(data, self.dependencies.get(data_type, ())):
            try:
                return orjson.dumps(self._dump_model(data, spliced=True))
            except (_Fallback, TypeError):  # TypeError: a value only the standard library writes
                pass
        return json_codec.dumps(self.body(data, data_type))

    def _dump_model(self, obj: Model, spliced: bool = False):
        if isinstance(obj, SerialisedOnce):
            kept = obj.__dict__
            wire = kept.get("_wire")
            if wire is None:
                wire = kept["_wire"] = self._dump_fields(obj)
            if not spliced:
                return wire
            fragment = kept.get("_wire_json")
            if fragment is None:
                fragment = kept["_wire_json"] = orjson.Fragment(json_codec.dumps(wire))
            return fragment
        return self._dump_fields(obj, spliced)

    def _dump_fields(self, obj: Model, spliced: bool = False) -> dict:
        fields = _FIELDS.get(type(obj))
        if fields is None:
            fields = _FIELDS[type(obj)] = {a: (d["key"], d["type"]) for a, d in obj._attribute_map.items()}
        out = {}
        values = obj.__dict__
        if fields.keys() <= values.keys():
            # Every attribute is on the instance (models set them all in __init__): walk
            # the instance, which skips the unset ones at C speed (a reply sets 10 of 42).
            for attr, value in values.items():
                if value is not None:
                    field = fields.get(attr)
                    if field is not None:
                        # A str in a str field is written as it is (_dump's first case), without the call:
                        # most of a reply's fields and all of its accounts' are that.
                        if type(value) is str and field[1] == "str":
                            out[field[0]] = value
                        else:
                            out[field[0]] = self._dump(value, field[1], spliced)
            return out
        for attr, (key, data_type) in fields.items():
            value = getattr(obj, attr, None)
            if value is not None:
                out[key] = self._dump(value, data_type, spliced)
        return out

    def _dump(self, value, data_type: str, spliced: bool = False):
        kind = type(value)
        if data_type == "str":
            if kind is str:
                return value
            if isinstance(value, Enum) and type(value.value) is str:
                return value.value
            raise _Fallback
        if data_type == "object":
            return self.serialize_object(value)
        if data_type[0] == "[":
            if kind is not list:
                raise _Fallback
            inner = data_type[1:-1]
            return [None if item is None else self._dump(item, inner, spliced) for item in value]
        model = self.dependencies.get(data_type)
        if model is not None:
            if isinstance(model, type) and issubclass(model, Model):
                if not isinstance(value, model):
                    raise _Fallback
                return self._dump_model(value, spliced)
            raise _Fallback  # an enum-typed field: let msrest decide
        if (data_type == "bool" and kind is bool) or (data_type == "int" and kind is int):
            return value
        if data_type[0] == "{":
            raise _Fallback
        return self.serialize_data(value, data_type)  # scalars: iso-8601, float, bytearray...
