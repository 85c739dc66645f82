"""Outbound clients are reused across turns, and the user-token client is only built when used."""

from __future__ import annotations

import asyncio

from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botframework.connector.auth import ClaimsIdentity, UserTokenClient

from bot.config import BotConfig
from bot.sdk.settings import SdkSettings
from bot.sdk.connector_cache import LazyUserTokenClient, ReusingBotFrameworkAuthentication
from tests.support.bot_server import activity, conversation_id, post


def test_one_connector_client_serves_many_turns(bot, sink):
    # "localhost" instead of 127.0.0.1: a service URL this bot has not seen yet
    service_url = sink.url.replace("127.0.0.1", "localhost")
    built_before = bot.health()["connectors"]["built"]
    conv = conversation_id()
    for question in ("sms 4007", "what is 404", "bot returns 405", "what is subcode 3112", "help"):
        assert post(bot, activity(sink, question, conv, serviceUrl=service_url)).status_code == 200
    assert len(sink.wait_for(5, conv)) == 5
    assert bot.health()["connectors"]["built"] == built_before + 1


def test_each_service_url_gets_its_own_client(bot, sink):
    before = bot.health()["connectors"]["built"]
    conv = conversation_id()
    # Other loopback addresses: distinct service URLs; nothing listens there, so delivery fails (502).
    for host in ("127.0.0.2", "127.0.0.3"):
        url = sink.url.replace("127.0.0.1", host)
        assert post(bot, activity(sink, "sms 4007", conv, serviceUrl=url)).status_code == 502
    assert bot.health()["connectors"]["built"] == before + 2


def test_user_token_client_is_built_on_first_use_only():
    auth = ReusingBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication(SdkSettings(BotConfig())))

    async def run():
        client = await auth.create_user_token_client(ClaimsIdentity({}, True))
        assert isinstance(client, UserTokenClient) and isinstance(client, LazyUserTokenClient)
        assert not client.built
        real = await client._get()
        assert client.built and type(real).__name__ == "_UserTokenClientImpl"
        assert await client._get() is real

    asyncio.run(run())


def test_one_user_token_client_per_app_id():
    auth = ReusingBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication(SdkSettings(BotConfig())))

    async def run():
        anonymous = [await auth.create_user_token_client(ClaimsIdentity({}, True)) for _ in range(3)]
        skill_a = await auth.create_user_token_client(ClaimsIdentity({"aud": "app-a"}, True))
        skill_b = await auth.create_user_token_client(ClaimsIdentity({"appid": "app-b"}, True))
        assert anonymous[0] is anonymous[1] is anonymous[2]
        assert len({id(anonymous[0]), id(skill_a), id(skill_b)}) == 3
        assert (await skill_b._get())._app_id == "app-b"

    asyncio.run(run())


# ---------------------------------------------------------------- same JSON as msrest, faster

import copy as _copy  # noqa: E402
import datetime as _dt  # noqa: E402
import json as _json  # noqa: E402
import pickle  # noqa: E402

from botbuilder.core import TurnContext  # noqa: E402
from botbuilder.schema import Activity, ActivityTypes, CardAction, SuggestedActions  # noqa: E402
from botframework.connector.aio import ConnectorClient  # noqa: E402
from botframework.connector.auth import MicrosoftAppCredentials  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from msrest import Serializer  # noqa: E402

import cards  # noqa: E402
from bot.sdk.reply_serialiser import JsonNativeSerializer  # noqa: E402
from bot.conversation.handler import cards_activity
from bot.sdk.reply_models import ExampleSuggestions  # noqa: E402
from catalog import load_catalog  # noqa: E402

_DEPS = ConnectorClient(MicrosoftAppCredentials.empty(), base_url="http://x")._serialize.dependencies
FAST = JsonNativeSerializer(_DEPS)
STOCK = Serializer(_DEPS)


def same_json(activity: Activity) -> None:
    stock = _json.dumps(STOCK.body(activity, "Activity"), sort_keys=True)
    assert _json.dumps(FAST.body(activity, "Activity"), sort_keys=True) == stock
    # The bytes a direct reply sends, twice: the second time with the cards' kept JSON spliced in.
    for _ in range(2):
        assert _json.dumps(_json.loads(FAST.body_json(activity, "Activity")), sort_keys=True) == stock


def reply_to(incoming: dict, outgoing: Activity) -> Activity:
    """What TurnContext.send_activity makes of a reply before the connector serialises it."""
    ref = TurnContext.get_conversation_reference(Activity().deserialize(incoming))
    return TurnContext.apply_conversation_reference(outgoing, ref)


INCOMING = {
    "type": "message", "id": "in-1", "channelId": "msteams", "serviceUrl": "https://smba.example/teams/",
    "conversation": {"id": "c-1", "tenantId": "t", "conversationType": "personal"},
    "from": {"id": "u-1", "name": "User", "aadObjectId": "a"}, "recipient": {"id": "b-1", "name": "Bot"},
    "locale": "en-US", "text": "x",
}


def test_every_kind_of_reply_serialises_exactly_like_msrest():
    catalog = load_catalog()
    for question in ("what is subcode 3112", "what is 404", "my toaster is on fire", "sms 4007 " + "x" * 3000):
        decision = catalog.explain(question[:2000])
        reply = cards_activity(cards.cards_for(decision, catalog.sources, ["what is 404"]))
        reply.suggested_actions = SuggestedActions(actions=[CardAction(type="imBack", title="q", value="q")])
        same_json(reply_to(INCOMING, reply))
    same_json(reply_to(INCOMING, Activity(type=ActivityTypes.typing)))
    same_json(reply_to(INCOMING, Activity(type=ActivityTypes.trace, label="TurnError", value="boom",
                                          timestamp=_dt.datetime.now(_dt.timezone.utc))))


def test_a_part_kept_as_json_can_still_be_deep_copied_copied_and_pickled():
    # The example questions are built once and ride on many replies, some of them plain
    # activities the SDK deep-copies before sending: after a first send keeps their JSON,
    # the next reply carrying them must still go out.
    examples = ExampleSuggestions(actions=[CardAction(type="imBack", title="what is 404", value="what is 404")])
    first = Activity(type="message", text="x", suggested_actions=examples)
    sent = FAST.body_json(first, "Activity")
    again = _copy.deepcopy(Activity(type="message", text="x", suggested_actions=examples))
    assert again.suggested_actions is examples
    assert FAST.body_json(again, "Activity") == sent
    for clone in (_copy.copy(examples), pickle.loads(pickle.dumps(examples))):
        assert "_wire_json" not in vars(clone)
        assert STOCK.body(clone, "SuggestedActions") == STOCK.body(examples, "SuggestedActions")


def test_a_reply_with_a_value_orjson_cannot_write_still_serialises_like_msrest():
    catalog = load_catalog()
    reply = cards_activity(cards.cards_for(catalog.explain("what is 404"), catalog.sources, []))
    reply.channel_data = {"ticket": 10**30}  # past 64 bits: only the standard library writes it
    same_json(reply_to(INCOMING, reply))


_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                  st.text(max_size=20))
_any = st.recursive(_leaf, lambda kids: st.one_of(st.lists(kids, max_size=3),
                                                  st.dictionaries(st.text(max_size=8), kids, max_size=3)),
                    max_leaves=10)
_FIELDS = ["text", "speak", "inputHint", "summary", "attachments", "entities", "channelData", "value",
           "suggestedActions", "membersAdded", "timestamp", "localTimezone", "historyDisclosed", "listenFor",
           "textHighlights", "semanticAction", "relatesTo", "importance", "deliveryMode", "attachmentLayout"]


@settings(max_examples=200, deadline=None)
@given(extra=st.dictionaries(st.sampled_from(_FIELDS), _any, max_size=5))
def test_arbitrary_activities_serialise_exactly_like_msrest(extra):
    data = dict(INCOMING, **extra)
    try:
        activity = Activity().deserialize(data)
    except Exception:  # not an activity msrest can read; nothing to compare
        return
    try:
        stock = _json.dumps(STOCK.body(activity, "Activity"), sort_keys=True)
    except Exception:
        return  # msrest cannot serialise it either
    assert _json.dumps(FAST.body(activity, "Activity"), sort_keys=True) == stock
    assert _json.dumps(_json.loads(FAST.body_json(activity, "Activity")), sort_keys=True) == stock


# ---------------------------------------------------------------- the SDK's copy of a reply


from botbuilder.core.adapters import TestAdapter  # noqa: E402

from bot.sdk.reply_models import ReplyActivity  # noqa: E402


def test_a_sent_reply_leaves_the_callers_activity_unchanged_and_matches_a_deep_copy():
    catalog = load_catalog()
    reply = cards_activity(cards.cards_for(catalog.explain("what is 404"), catalog.sources, ["what is 404"]))
    reply.suggested_actions = SuggestedActions(actions=[CardAction(type="imBack", title="q", value="q")])
    assert isinstance(reply, ReplyActivity)
    before = STOCK.body(reply, "Activity")
    # What the stock SDK would have sent: a real deep copy of a plain Activity with the same content.
    plain = Activity().deserialize(_copy.deepcopy(before))

    adapter = TestAdapter()
    incoming = Activity().deserialize(INCOMING)
    context = TurnContext(adapter, incoming)
    asyncio.run(context.send_activity(reply))
    asyncio.run(TurnContext(adapter, incoming).send_activity(plain))
    sent_ours, sent_plain = adapter.activity_buffer

    assert sent_ours is not reply
    assert STOCK.body(reply, "Activity") == before  # the SDK stamped the copy, not our object
    assert reply.conversation is None and reply.reply_to_id is None and reply.input_hint is None
    assert sent_ours.conversation.id == "c-1" and sent_ours.reply_to_id == "in-1"
    assert _json.dumps(FAST.body(sent_ours, "Activity"), sort_keys=True) == _json.dumps(
        STOCK.body(sent_plain, "Activity"), sort_keys=True)
