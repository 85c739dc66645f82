"""Reply models the SDK copies and serialises cheaply: same JSON, same behaviour, less CPU.

The conversation builds its replies from these instead of the plain
botbuilder.schema models. They lean on how the SDK copies outgoing activities
(TurnContext.send_activities deep-copies them) and how msrest serialises
subclasses, which is why they live behind the fence.
"""

from __future__ import annotations

from botbuilder.schema import Activity, Attachment, SuggestedActions

from .reply_serialiser import SerialisedOnce


class SharedOnDeepCopy:
    """A deep copy of this object is a copy of its top level only: its parts are shared.

    TurnContext.send_activities deep-copies every outgoing activity before it
    stamps the conversation reference on the copy, so that a caller's object
    is never changed. For a reply carrying Adaptive Cards that copy walked
    every nested dict of every card, attachment and CardAction, and cost more
    CPU than matching the question. Replies here are built fresh for one send
    and never touched afterwards, and the SDK only assigns attributes on the
    copy (ids, addresses, type, input hint), so a top-level copy keeps the
    caller's object unchanged just the same. Subclasses of a model serialise
    exactly like that model (msrest treats them as it).
    """

    def __deepcopy__(self, memo):
        clone = object.__new__(type(self))  # what copy.copy does for a plain object, without its reduce protocol
        clone.__dict__.update(self.__dict__)
        memo[id(self)] = clone
        return clone


class CardAttachment(SharedOnDeepCopy, SerialisedOnce, Attachment):
    """An Attachment whose card is shared, not copied, when the SDK deep-copies the reply.

    Built once per answer and reused for every reply with that answer, so it
    must not be changed after it is built (its JSON is kept, see SerialisedOnce).
    """


class ExampleSuggestions(SerialisedOnce, SuggestedActions):
    """The example questions as suggested actions: built once, shared by every reply that offers them."""


class ReplyActivity(SharedOnDeepCopy, Activity):
    """A reply built for one send, whose parts the SDK's defensive deep copy may share."""

    @classmethod
    def new(cls, **fields) -> "ReplyActivity":
        """ReplyActivity(**fields), built without the 42-keyword constructor (one a reply).

        Activity's constructor only stores each keyword (every attribute, None when not
        given, plus an empty additional_properties); this fills the instance's dict the
        same way, in the same order (which is the order of the reply's JSON keys).
        Checked once per process; a constructor that does more is called as it is.
        """
        template = _blank_activity()
        if template is None:
            return cls(**fields)
        reply = cls.__new__(cls)
        state = reply.__dict__
        state.update(template)
        state["additional_properties"] = {}
        for name, value in fields.items():
            if name not in state:  # not an attribute of Activity: the constructor's answer (an error)
                return cls(**fields)
            state[name] = value
        return reply


_BLANK: list = []


def _blank_activity() -> dict | None:
    """The instance dict of Activity() if its constructor only assigns its keywords, else None (worked out once)."""
    if not _BLANK:
        attrs = [a for a in Activity._attribute_map if a != "additional_properties"]
        markers = {a: object() for a in attrs}
        try:
            plain = Activity(**markers).__dict__ == {"additional_properties": {}, **markers}
        except Exception:  # noqa: BLE001 - a constructor that refuses markers is not a plain one
            plain = False
        _BLANK.append(dict(Activity().__dict__) if plain else None)
    return _BLANK[0]
