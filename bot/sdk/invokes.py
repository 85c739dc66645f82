"""Invoke activities: every one gets an invoke response, none crashes a turn.

An invoke (a card's Action.Execute, a sign-in step, a message-extension query)
is a request that waits for its answer in the HTTP response. The SDK 4.17.1
gets three things wrong on the way, each fixed here, behind the fence:

* ActivityHandler.on_invoke_activity calls `on_teams_signin_token_exchange`
  for "signin/tokenExchange", a method only TeamsActivityHandler has: the turn
  crashes (AttributeError) and the user gets an apology for a request they
  never made. `AnswersEveryInvoke` supplies it (501: no sign-in here).
* It reads `adaptiveCard/action` values assuming their shape ({"action": "x"}
  raises AttributeError inside the turn). `invoke_problem` checks the shape
  of the invokes the SDK reads before the turn starts, so the web layer
  answers a malformed one with 400.
* A handler's invoke body goes through `serializer_helper`, which fails on a
  dict (AttributeError; botbuilder-integration-aiohttp's CloudAdapter.process
  answers 500 to every invoke with a body for that reason) and on the SDK's
  own error bodies (an Exception as value: SerializationError).
  `invoke_body` turns any body, dict or model, into plain JSON, and
  `AnswersEveryInvoke` routes the SDK's own body handling through it.

For handlers that answer invokes (Teams): return `invoke_response(body,
status)` with a dict or a schema model as body; the web layer sends it as JSON.
"""

from __future__ import annotations

from http import HTTPStatus

from botbuilder.core import InvokeResponse, serializer_helper
from botbuilder.core.activity_handler import _InvokeResponseException
from botbuilder.schema import Activity
from msrest.serialization import Model

_PLAIN = (dict, list, str, int, float, bool)


def invoke_body(body):
    """An invoke response body as plain JSON (None stays None): dicts as they are, models serialised."""
    if body is None or isinstance(body, _PLAIN):
        return body
    if isinstance(body, BaseException):
        return _error(body)
    if isinstance(body, Model):
        value = getattr(body, "value", None)
        if isinstance(value, BaseException):  # the SDK's own error bodies carry an Exception(code, message)
            plain = serializer_helper(type(body)(**{**_fields(body), "value": None})) or {}
            plain["value"] = _error(value)
            return plain
        return serializer_helper(body)
    raise TypeError(f"an invoke response body must be JSON or a schema model, not {type(body).__name__}")


def invoke_response(body=None, status: int = 200) -> InvokeResponse:
    """An InvokeResponse whose body is already plain JSON (what the web layer sends)."""
    return InvokeResponse(status=int(status), body=invoke_body(body))


def _fields(model: Model) -> dict:
    return {attr: getattr(model, attr, None) for attr in model._attribute_map}


def _error(exc: BaseException) -> dict:
    """Bot Framework's Error shape {code, message} from Exception(code, message) or any exception."""
    args = [str(a) for a in exc.args]
    if len(args) >= 2:
        return {"code": args[0], "message": args[1]}
    return {"code": type(exc).__name__, "message": args[0] if args else ""}


def error_message(body) -> str | None:
    """The message of an invoke's error body ({value: {message}} or {message}), if it has one."""
    if isinstance(body, dict):
        value = body.get("value")
        for node in (value, body):
            if isinstance(node, dict) and isinstance(node.get("message"), str):
                return node["message"][:300]
    return None


# What the SDK's ActivityHandler reads from these invokes' values (the others it does not look into).
_CARD_ACTION = "adaptiveCard/action"
_OBJECT_VALUE = {_CARD_ACTION, "signin/tokenExchange", "signin/verifyState"}


def invoke_problem(activity: Activity) -> str | None:
    """Why an invoke cannot be handed to the SDK (a 400), or None when it can.

    Only invokes whose value the SDK reads are checked; an invoke name nobody
    handles is well-formed and gets 501 from the turn.
    """
    name = activity.name
    if not isinstance(name, str) or not name.strip():
        return "an invoke activity needs a name (a non-empty string)"
    if name not in _OBJECT_VALUE:
        return None
    value = activity.value
    if not isinstance(value, dict):
        return f"the invoke '{name}' needs a value that is an object"
    if name == _CARD_ACTION:
        action = value.get("action")
        if not isinstance(action, dict) or not isinstance(action.get("type"), str):
            return "the invoke 'adaptiveCard/action' needs value.action, an object with a string 'type'"
    return None


class AnswersEveryInvoke:
    """Mixin for an ActivityHandler (put it first): the SDK's invoke dispatch without its crashes."""

    @staticmethod
    def _create_invoke_response(body: object = None) -> InvokeResponse:
        # The SDK's version hands `body` to serializer_helper, which fails on a dict.
        return invoke_response(body)

    async def on_teams_signin_token_exchange(self, turn_context) -> None:  # noqa: ARG002 - the SDK's hook
        # ActivityHandler calls this for signin/tokenExchange but only TeamsActivityHandler defines it.
        raise _InvokeResponseException(HTTPStatus.NOT_IMPLEMENTED)
