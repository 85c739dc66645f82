"""Reading an incoming activity (parsed JSON) into the SDK's Activity model, cheaply.

`Activity().deserialize(data)` is msrest's generic Deserializer: for every
attribute of every model it copies the attribute description, runs two key
extractors, dispatches on the type name and walks `object` fields (channelData,
value) node by node to copy them. For one ordinary message that is about
0.09 ms of CPU, the largest SDK cost left on the way in.

`read_activity` does the same job for the shapes channels actually send: a
plan per model (attribute, JSON key, type) computed once, then strings, bools
and plain-JSON `object` fields taken as they are, nested models built the same
way, and every other type (timestamps, ints, dict-typed fields) converted by
msrest's own `deserialize_data`. Models are created exactly as msrest creates
them (every attribute passed, None when absent; unknown keys into
`additional_properties`). Anything the plan does not expect (a wrong type, a
model field that is not an object) is handed to msrest whole, so the result,
or the error, is always msrest's; tests/test_bot_activity_reader.py compares
the two on generated activities.
"""

from __future__ import annotations

from enum import Enum

from botbuilder.schema import Activity, ChannelAccount, ConversationAccount
from msrest.serialization import Deserializer, Model

from ..json_codec import is_plain_json

_DEPENDENCIES = Activity._infer_class_models()
_MSREST = Deserializer(_DEPENDENCIES)


class _CopiedCheaply:
    """A schema model read from the wire whose copy.copy is one dict copy.

    The SDK copies the incoming activity's from, recipient and conversation on
    every send (TurnContext.get_conversation_reference); copy.copy of an msrest
    model goes through __reduce_ex__ and copyreg (about 1.8 µs each). This does
    what that path does (a new instance with the same attributes) directly.
    It compares equal to the plain model with the same attributes, both ways
    (msrest's own __eq__ wants the exact class).
    """

    _plain: type

    def __copy__(self):
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        return clone

    def __eq__(self, other):
        return isinstance(other, self._plain) and self.__dict__ == other.__dict__

    __hash__ = None


class ChannelAccountRead(_CopiedCheaply, ChannelAccount):
    """A ChannelAccount (from, recipient, members) as read from an incoming activity."""

    _plain = ChannelAccount


class ConversationAccountRead(_CopiedCheaply, ConversationAccount):
    """A ConversationAccount as read from an incoming activity."""

    _plain = ConversationAccount


# The models the SDK copies on every send, read as their cheaply copied kind.
_READ_AS = {ChannelAccount: ChannelAccountRead, ConversationAccount: ConversationAccountRead}


class _Fallback(Exception):
    """Something only msrest should decide."""


class _Plan:
    """How one model class is read: its attributes, their JSON keys and types, the keys it knows."""

    __slots__ = ("cls", "fields", "by_key", "absent", "plain_init")

    def __init__(self, cls: type[Model]):
        # Only models msrest reads by plain key look-up qualify: no flattened keys,
        # no polymorphism, no read-only or constant attributes, no declared
        # additional_properties. (All Bot Framework schema models are like that;
        # the check keeps a future SDK from silently changing the meaning.)
        if getattr(cls, "_subtype_map", None) or getattr(cls, "_validation", None):
            raise _Fallback
        fields = []
        for attr, desc in cls._attribute_map.items():
            key = desc["key"]
            if attr == "additional_properties" or "." in key or not key:
                raise _Fallback
            fields.append((attr, key, desc["type"]))
        self.cls = cls
        self.fields = tuple(fields)
        self.by_key = {key: (attr, data_type) for attr, key, data_type in fields}
        self.absent = {attr: None for attr, _, _ in fields}  # every attribute, as msrest passes them
        self.plain_init = _init_only_assigns(cls, [attr for attr, _, _ in fields])


def _init_only_assigns(cls: type[Model], attrs: list[str]) -> bool:
    """True when cls(**kwargs) just stores each keyword as an attribute (plus additional_properties).

    Every schema model's __init__ is like that (msrest's Model.__init__ and the
    generated subclass both assign, nothing else), so its instance dict can be
    filled directly, without two Python-level passes over 40 keywords. Checked
    here per class with distinct markers, so a model that computes anything
    keeps its constructor.
    """
    markers = {attr: object() for attr in attrs}
    try:
        obj = cls(**markers)
    except Exception:  # noqa: BLE001 - a constructor that refuses markers is not a plain one
        return False
    return obj.__dict__ == {"additional_properties": {}, **markers}


_PLANS: dict[type, _Plan | None] = {}


def _plan(cls: type[Model]) -> _Plan:
    plan = _PLANS.get(cls, False)
    if plan is False:
        try:
            plan = _Plan(cls)
        except _Fallback:
            plan = None
        _PLANS[cls] = plan
    if plan is None:
        raise _Fallback
    return plan


def _model(cls: type[Model], data) -> Model:
    if type(data) is not dict:
        raise _Fallback
    plan = _plan(cls)
    # A message carries a dozen of the Activity's 42 keys: walk the ones present.
    kwargs = plan.absent.copy()
    unknown = None
    for key, raw in data.items():
        field = plan.by_key.get(key)
        if field is None:
            if unknown is None:
                unknown = {}
            unknown[key] = raw
        elif type(raw) is str and field[1] == "str":  # most of an activity's fields: taken as they are (_value's first case)
            kwargs[field[0]] = raw
        elif raw is not None:
            kwargs[field[0]] = _value(raw, field[1])
    if plan.plain_init:
        obj = cls.__new__(cls)
        obj.__dict__.update(kwargs, additional_properties={})
    else:
        obj = cls(**kwargs)
    if unknown is not None:
        obj.additional_properties = unknown
    return obj


def _value(raw, data_type: str):
    kind = type(raw)
    if data_type == "str":
        return raw if kind is str else _MSREST.deserialize_data(raw, data_type)
    if data_type == "object":
        return raw if is_plain_json(raw) else _MSREST.deserialize_data(raw, data_type)
    if data_type == "bool" and kind is bool:
        return raw
    if data_type[0] == "[":
        if kind is not list:
            raise _Fallback
        inner = data_type[1:-1]
        return [None if item is None else _value(item, inner) for item in raw]
    target = _DEPENDENCIES.get(data_type)
    if target is not None:
        if isinstance(target, type) and issubclass(target, Model):
            return _model(_READ_AS.get(target, target), raw)
        if isinstance(target, type) and issubclass(target, Enum):
            return _MSREST.deserialize_data(raw, data_type)
        raise _Fallback
    # Scalars msrest converts (iso-8601, int, float...) and dict-typed fields: msrest itself.
    return _MSREST.deserialize_data(raw, data_type)


def read_activity(data: dict) -> Activity:
    """The Activity msrest would build from `data` (raises what msrest raises when it cannot)."""
    try:
        return _model(Activity, data)
    except Exception:  # noqa: BLE001 - unexpected shape or a conversion error: msrest's answer, whatever it is
        return Activity().deserialize(data)
