"""POST /api/messages: from raw HTTP request to a Bot Framework turn.

The SDK's CloudAdapter.process answers malformed JSON with 500, a missing
Content-Type with 404 (KeyError), and crashes on deliveryMode "expectReplies"
(CloudAdapterBase hands an already serialised dict to serializer_helper). This
handler does the HTTP part itself and calls the SDK (through
bot/sdk/adapter.py) only for what it does well: authentication and running the
turn. Errors of those steps arrive as our own exception types and are
translated into problem responses here, in one place.

Order of checks, each answered with problem+json: method (405), content type
(415), content coding (415), size (413, without reading or inflating past the
limit), JSON (400), the activity's required fields (400), authentication
(401/503). Only then does the bot run.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from aiohttp import web
from botbuilder.schema import Activity, DeliveryModes

from .. import json_codec
from ..conversation.turn_errors import ReplyNotDelivered
from ..sdk.adapter import BotFrameworkAdapter, NotAuthenticated, error_message, invoke_body, invoke_problem, read_activity
from .problems import Problem
from .request_body import read_body

log = logging.getLogger("bot.messages")

_JSON_TYPES = {"application/json"}


@dataclass
class MessagesEndpoint:
    adapter: BotFrameworkAdapter
    bot: object  # an ActivityHandler (anything with on_turn)
    max_body_bytes: int
    # activities: turns run; in_flight: turns running now; cut_off: turns cancelled by a shutdown's drain deadline
    stats: dict = field(default_factory=lambda: {"activities": 0, "in_flight": 0, "cut_off": 0})

    async def handle(self, request: web.Request) -> web.Response:
        if request.method != "POST":
            raise Problem(
                405, "method-not-allowed", "Method not allowed",
                f"{request.method} is not supported here; send activities with POST",
                headers={"Allow": "POST"},
            )
        _check_content_type(request)
        body = await read_body(request, self.max_body_bytes)
        activity = _parse_activity(body)
        if activity.type == "invoke":
            malformed = invoke_problem(activity)
            if malformed is not None:
                raise _bad(malformed, "invalid-invoke", "Invalid invoke")

        try:
            auth_result = await self.adapter.authenticate(activity, request.headers.get("Authorization", ""))
        except NotAuthenticated as refused:
            raise _not_authenticated(refused) from None

        self.stats["in_flight"] += 1
        try:
            invoke_response = await self.adapter.run_turn(auth_result, activity, self.bot.on_turn)
        except asyncio.CancelledError:
            self.stats["cut_off"] += 1
            raise
        except ReplyNotDelivered as failed:
            self.stats["activities"] += 1
            raise Problem(
                502, "reply-not-delivered", "Reply not delivered",
                "the bot answered but its reply could not be posted to the activity's serviceUrl "
                f"({failed.kind})",
            ) from None
        finally:
            self.stats["in_flight"] -= 1
        self.stats["activities"] += 1

        if invoke_response is None:
            return web.Response(status=200)
        body_out = invoke_body(invoke_response.body)
        status = int(invoke_response.status or 200)
        if status >= 400:
            # An invoke the bot refused (400) or does not implement (501): problem+json like every error,
            # in the handler's words when its body has some.
            if status == 501:
                raise Problem(501, "invoke-not-implemented", "Invoke not implemented",
                              f"this bot does not handle the invoke {str(activity.name)[:100]!r}")
            raise Problem(status, "invoke-failed", "Invoke refused",
                          error_message(body_out) or f"the invoke {str(activity.name)[:100]!r} was refused")
        if body_out is None:
            return web.Response(status=status)
        return web.json_response(body_out, status=status, dumps=_dumps)


def _dumps(obj) -> str:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from the question: only escaped it is valid UTF-8
        text = json.dumps(obj, separators=(",", ":"))
    return text


def _check_content_type(request: web.Request) -> None:
    raw = request.headers.get("Content-Type")
    if not raw:
        raise Problem(415, "unsupported-media-type", "Unsupported media type",
                      "the request has no Content-Type; send the activity as application/json")
    if request.content_type.lower() not in _JSON_TYPES:
        raise Problem(415, "unsupported-media-type", "Unsupported media type",
                      f"Content-Type {request.content_type!r} is not accepted; send the activity as application/json")


def _not_authenticated(refused: NotAuthenticated) -> Problem:
    if refused.unavailable:
        return Problem(503, "auth-unavailable", "Authentication unavailable", refused.detail, headers={"Retry-After": "30"})
    return Problem(401, "unauthorized", "Unauthorized", refused.detail, headers={"WWW-Authenticate": "Bearer"})


def _bad(detail: str, slug: str = "invalid-activity", title: str = "Invalid activity") -> Problem:
    return Problem(400, slug, title, detail)


def _too_deep() -> Problem:
    return _bad("the request body's JSON is nested too deeply", "malformed-json", "Malformed JSON")


# What cannot go into a reply's URL path: control characters, and surrogates (in a str
# read from JSON they can only be lone ones, which UTF-8 cannot encode).
_UNSENDABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")


def _unsendable(text: str) -> bool:
    """True when `text` cannot go into a reply's URL path (one regex search: this runs on every activity)."""
    return _UNSENDABLE.search(text) is not None


def _parse_activity(body: bytes) -> Activity:
    if not body:
        raise _bad("the request body is empty; expected an activity as a JSON object", "malformed-json", "Malformed JSON")
    try:
        data = json_codec.loads(body)
    except UnicodeDecodeError:
        raise _bad("the request body is not UTF-8 text", "malformed-json", "Malformed JSON") from None
    except ValueError as exc:
        raise _bad(f"the request body is not valid JSON: {exc}", "malformed-json", "Malformed JSON") from None
    except RecursionError:  # json.loads gives up past ~1000 levels of nesting
        raise _too_deep() from None
    if not isinstance(data, dict):
        raise _bad(f"expected an activity (a JSON object), got a JSON {type(data).__name__}")

    missing = []
    if not isinstance(data.get("type"), str) or not data["type"].strip():
        missing.append("type")
    if not isinstance(data.get("channelId"), str) or not data["channelId"]:
        missing.append("channelId")
    conversation = data.get("conversation")
    if not isinstance(conversation, dict) or not isinstance(conversation.get("id"), str) or not conversation["id"]:
        missing.append("conversation.id")
    service_url = data.get("serviceUrl")
    expect_replies = data.get("deliveryMode") == DeliveryModes.expect_replies
    if not isinstance(service_url, str) or not service_url:
        if not expect_replies:
            missing.append("serviceUrl")
    else:
        parts = urlsplit(service_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise _bad(f"serviceUrl {service_url[:200]!r} is not an http(s) URL")
    if missing:
        raise _bad("the activity is missing required fields: " + ", ".join(missing))
    for name in ("from", "recipient"):
        if data.get(name) is not None and not isinstance(data[name], dict):
            raise _bad(f"'{name}' must be an object with an id")
    if _unsendable(conversation["id"]):
        raise _bad("conversation.id contains control characters or unpaired surrogates")
    # The activity's id goes into the reply's URL path too, and both are kept in records.
    for name in ("id", "channelId"):
        if isinstance(data.get(name), str) and _unsendable(data[name]):
            raise _bad(f"{name} contains control characters or unpaired surrogates")
    for name in ("text", "locale", "id", "replyToId", "name"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise _bad(f"'{name}' must be a string")
    if data.get("attachments") is not None and not isinstance(data["attachments"], list):
        raise _bad("'attachments' must be a list")
    if data.get("membersAdded") is not None and not (
        isinstance(data["membersAdded"], list) and all(isinstance(m, dict) for m in data["membersAdded"])
    ):
        raise _bad("'membersAdded' must be a list of objects")

    try:
        activity = read_activity(data)
    except RecursionError:  # orjson reads up to 1024 levels; walking them goes past Python's limit
        raise _too_deep() from None
    except Exception as exc:  # msrest DeserializationError and friends
        raise _bad(f"the activity could not be read: {str(exc)[:200]}") from None
    return activity
