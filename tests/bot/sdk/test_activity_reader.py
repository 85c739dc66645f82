"""The fast incoming-activity reader builds exactly the Activity msrest builds (or fails where msrest fails)."""

from __future__ import annotations

import json

from botbuilder.schema import Activity, Attachment, ChannelAccount, ConversationAccount
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.sdk.activity_reader import read_activity


def msrest_outcome(data):
    try:
        return "ok", Activity().deserialize(data)
    except Exception as exc:  # noqa: BLE001
        return "error", type(exc)


def reader_outcome(data):
    try:
        return "ok", read_activity(data)
    except Exception as exc:  # noqa: BLE001
        return "error", type(exc)


def assert_same(data) -> None:
    # A JSON round trip first: the server only ever reads what json.loads produced.
    data = json.loads(json.dumps(data))
    ours, stock = reader_outcome(data), msrest_outcome(data)
    assert ours[0] == stock[0], (ours, stock)
    if ours[0] == "ok":
        assert type(ours[1]) is Activity
        # Model.__eq__ compares every attribute (nested models too) and additional_properties.
        assert ours[1] == stock[1]
        assert ours[1].serialize() == stock[1].serialize()
    else:
        assert ours[1] is stock[1]


TEAMS_MESSAGE = {
    "type": "message", "id": "1700000000000", "timestamp": "2026-11-22T03:00:00.1234567Z",
    "localTimestamp": "2026-11-22T04:00:00.123+01:00", "localTimezone": "Europe/Berlin",
    "serviceUrl": "https://smba.trafficmanager.net/emea/", "channelId": "msteams",
    "from": {"id": "29:1abc", "name": "Ada", "aadObjectId": "a-1", "role": "user"},
    "conversation": {"conversationType": "personal", "tenantId": "t-1", "id": "a:1xyz", "isGroup": False},
    "recipient": {"id": "28:bot", "name": "Error Explainer"},
    "textFormat": "plain", "locale": "en-GB", "text": "<at>Error Explainer</at> what is 404",
    "attachments": [{"contentType": "text/html", "content": "<div>what is 404</div>"}],
    "entities": [{"type": "mention", "text": "<at>Error Explainer</at>",
                  "mentioned": {"id": "28:bot", "name": "Error Explainer"}},
                 {"locale": "en-GB", "country": "GB", "platform": "Web", "timezone": "Europe/Berlin", "type": "clientInfo"}],
    "channelData": {"tenant": {"id": "t-1"}, "source": {"name": "message"}, "legacy": [1, 2.5, None, True]},
    "value": {"action": "explain", "source": "acs-calling", "code": 487, "subcode": 0},
    "membersAdded": [{"id": "u-2"}, None], "historyDisclosed": True, "importance": "high",
    "suggestedActions": {"to": ["u"], "actions": [{"type": "imBack", "title": "t", "value": {"x": 1}}]},
    "replyToId": "r", "deliveryMode": "expectReplies", "unknownTopLevel": {"kept": True},
}


def test_a_full_teams_message_reads_the_same_and_carries_the_values():
    assert_same(TEAMS_MESSAGE)
    activity = read_activity(json.loads(json.dumps(TEAMS_MESSAGE)))
    assert isinstance(activity.from_property, ChannelAccount) and activity.from_property.aad_object_id == "a-1"
    assert isinstance(activity.conversation, ConversationAccount) and activity.conversation.conversation_type == "personal"
    # The SDK's schema spells the key "tenantID"; Teams' "tenantId" is kept as an additional property, as msrest does.
    assert activity.conversation.additional_properties == {"tenantId": "t-1"}
    assert isinstance(activity.attachments[0], Attachment) and activity.attachments[0].content_type == "text/html"
    assert activity.timestamp.year == 2026 and activity.timestamp.tzinfo is not None
    assert activity.value["code"] == 487 and activity.members_added[1] is None
    assert activity.additional_properties == {"unknownTopLevel": {"kept": True}}


def test_odd_but_readable_values_are_converted_as_msrest_converts_them():
    for odd in ({"text": 5}, {"name": 1.5}, {"historyDisclosed": "true"}, {"historyDisclosed": 0},
                {"timestamp": 1700000000}, {"from": {"id": 7, "extra": "x"}}, {"entities": {"a": {"type": "b"}}},
                {"attachments": [{"contentType": None, "content": [1, {"a": "b"}]}], "expiration": "bad"},
                {"conversation": "not an object"}, {"membersAdded": "u-1"}, {"timestamp": "yesterday"}):
        assert_same(dict(TEAMS_MESSAGE, **odd))


_leaf = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**6, max_value=10**6),
                  st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
                  st.sampled_from(["2026-11-22T03:00:00Z", "2026-11-22T03:00:00.5+02:00", "true", "1"]))
_json = st.recursive(_leaf, lambda kids: st.one_of(st.lists(kids, max_size=3),
                                                   st.dictionaries(st.text(max_size=8), kids, max_size=3)),
                     max_leaves=12)
_account = st.fixed_dictionaries({}, optional={"id": _leaf, "name": _leaf, "role": _leaf, "aadObjectId": _leaf,
                                               "properties": _json, "other": _json})
_conversation = st.fixed_dictionaries({}, optional={"id": _leaf, "isGroup": _leaf, "tenantId": _leaf,
                                                    "conversationType": _leaf, "properties": _json})
_attachment = st.fixed_dictionaries({}, optional={"contentType": _leaf, "content": _json, "contentUrl": _leaf,
                                                  "name": _leaf, "thumbnailUrl": _leaf})
_card_action = st.fixed_dictionaries({}, optional={"type": _leaf, "title": _leaf, "value": _json,
                                                   "channelData": _json, "imageAltText": _leaf})
_FIELDS = {
    "type": _leaf, "id": _leaf, "timestamp": _leaf, "localTimestamp": _leaf, "text": _leaf, "locale": _leaf,
    "from": st.one_of(_account, _json), "recipient": _account, "conversation": st.one_of(_conversation, _json),
    "attachments": st.one_of(st.lists(st.one_of(_attachment, st.none()), max_size=3), _json),
    "entities": st.one_of(st.lists(_json, max_size=3), _json),
    "membersAdded": st.lists(st.one_of(_account, st.none()), max_size=3),
    "membersRemoved": _json, "reactionsAdded": st.lists(st.fixed_dictionaries({"type": _leaf}), max_size=2),
    "suggestedActions": st.one_of(st.fixed_dictionaries({}, optional={"to": st.lists(_leaf, max_size=2),
                                                                        "actions": st.lists(_card_action, max_size=2)}), _json),
    "channelData": _json, "value": _json, "historyDisclosed": _leaf, "code": _leaf, "expiration": _leaf,
    "relatesTo": st.one_of(st.fixed_dictionaries({}, optional={"activityId": _leaf, "user": _account,
                                                                "conversation": _conversation, "bot": _account}), _json),
    "semanticAction": _json, "textHighlights": _json, "listenFor": _json, "deliveryMode": _leaf,
    "valueType": _leaf, "name": _leaf, "callerId": _leaf, "notAField": _json, "": _json,
}
_activity = st.fixed_dictionaries({}, optional=_FIELDS)


@settings(max_examples=500, deadline=None)
@given(data=_activity)
def test_generated_activities_read_exactly_like_msrest(data):
    assert_same(data)


@settings(max_examples=200, deadline=None)
@given(base=st.sampled_from([TEAMS_MESSAGE]), extra=st.dictionaries(st.sampled_from(sorted(_FIELDS)), _json, max_size=4))
def test_teams_messages_with_arbitrary_fields_read_exactly_like_msrest(base, extra):
    assert_same(dict(base, **extra))


def test_channel_messages_are_read_without_msrest(monkeypatch):
    # The reader exists for speed: the shapes channels send must not take msrest's path.
    def refuse(*_args, **_kwargs):
        raise AssertionError("msrest's Deserializer was used")

    monkeypatch.setattr(Activity, "deserialize", refuse)
    teams = {
        "type": "message", "id": "1", "timestamp": "2026-11-22T05:00:00.123Z", "channelId": "msteams",
        "serviceUrl": "https://smba.trafficmanager.net/emea/", "text": "<at>Error Explainer</at> 3112",
        "from": {"id": "29:1", "name": "Ada", "aadObjectId": "a-1"},
        "conversation": {"id": "a:1", "conversationType": "personal", "tenantId": "t-1"},
        "recipient": {"id": "28:bot", "name": "Error Explainer"},
        "entities": [{"type": "mention", "text": "<at>Error Explainer</at>", "mentioned": {"id": "28:bot"}}],
        "channelData": {"tenant": {"id": "t-1"}}, "locale": "en-US", "localTimezone": "Europe/Berlin",
        "value": {"action": "explain", "source": "acs-call-end", "code": 0, "subcode": 3112},
    }
    activity = read_activity(teams)
    assert activity.from_property.aad_object_id == "a-1" and activity.conversation.conversation_type == "personal"
    assert activity.value["subcode"] == 3112 and activity.entities[0].type == "mention"


# ---------------------------------------------------------------- the parts the SDK copies on every send

import copy as _copy  # noqa: E402
import pickle  # noqa: E402

import jsonpickle  # noqa: E402
from botbuilder.core import TurnContext  # noqa: E402


def test_the_parts_the_sdk_copies_copy_equal_compare_and_pickle_like_the_plain_models():
    data = {"type": "message", "id": "in-1", "channelId": "msteams", "serviceUrl": "https://smba.example/",
            "conversation": {"id": "c-1", "tenantId": "t-1", "conversationType": "personal"},
            "from": {"id": "u-1", "name": "User", "aadObjectId": "a-1"}, "recipient": {"id": "b-1", "name": "Bot"}}
    ours, stock = read_activity(data), Activity().deserialize(data)
    for mine, plain in ((ours.from_property, stock.from_property), (ours.recipient, stock.recipient),
                        (ours.conversation, stock.conversation)):
        clone = _copy.copy(mine)
        assert clone is not mine and clone.__dict__ is not mine.__dict__
        assert clone == mine == plain and plain == mine  # equal both ways, as two plain models are
        assert not (mine != plain) and not (plain != mine)
        assert pickle.loads(pickle.dumps(mine)) == plain
        assert jsonpickle.decode(jsonpickle.encode(mine)) == plain  # how ConversationState hashes odd state
        assert mine.serialize() == plain.serialize()
        changed = _copy.copy(mine)
        changed.name = "someone else"
        assert changed != plain and mine == plain  # a copy is the SDK's own to change
    reference = TurnContext.get_conversation_reference(ours)
    assert reference.serialize() == TurnContext.get_conversation_reference(stock).serialize()
