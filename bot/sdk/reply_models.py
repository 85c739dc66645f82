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
