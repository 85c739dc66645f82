"""Reading Teams invokes and writing their answers, as plain JSON.

An invoke is answered in the HTTP response to it, so a malformed one is the
sender's fault and gets a 400 (bot/web turns it into problem+json), while a
well-formed one always gets its answer with status 200, even when the answer
is "I couldn't read that button".

* ``adaptiveCard/action`` (Universal Actions: an Action.Execute press). Its value is
  ``{"action": {"type": "Action.Execute", "verb": ..., "data": {...}}, "trigger": ...}``;
  it is answered with the card that replaces the pressed one
  (``application/vnd.microsoft.card.adaptive``) or a message Teams shows in its
  place (``application/vnd.microsoft.activity.message``).
* ``composeExtension/query`` (a search-based message extension). Its value is
  ``{"commandId": ..., "parameters": [{"name": ..., "value": ...}], "queryOptions": {...}}``;
  it is answered with ``{"composeExtension": {...}}`` (bot/conversation/message_extension.py).
"""

from __future__ import annotations

from dataclasses import dataclass

CARD_ACTION = "adaptiveCard/action"
SEARCH_QUERY = "composeExtension/query"
SEARCH_COMMAND = "searchErrors"  # as declared in deploy/teams/manifest.json
SEARCH_PARAMETER = "query"
QUERY_LIMIT = 500  # a pasted log line, not a log


class MalformedInvoke(ValueError):
    """The invoke's value is not what its name promises; the message says what is wrong (one line)."""


@dataclass(frozen=True)
class CardPress:
    """An Action.Execute press: its verb and the data the button carried (the verb added when missing)."""

    verb: str
    data: dict


@dataclass(frozen=True)
class SearchQuery:
    """What the user typed into the message extension ('' on the first open: initialRun)."""

    text: str
    initial_run: bool = False


def read_card_press(value: object) -> CardPress:
    if not isinstance(value, dict):
        raise MalformedInvoke(f"{CARD_ACTION} needs a value object, got {_kind(value)}")
    action = value.get("action")
    if not isinstance(action, dict):
        raise MalformedInvoke(f"{CARD_ACTION} needs value.action as an object, got {_kind(action)}")
    if action.get("type") != "Action.Execute":
        raise MalformedInvoke(f"{CARD_ACTION} carries an Action.Execute, not {str(action.get('type'))[:40]!r}")
    verb = action.get("verb")
    if not isinstance(verb, str) or not verb.strip():
        raise MalformedInvoke(f"{CARD_ACTION} needs value.action.verb as a non-empty string")
    data = action.get("data")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise MalformedInvoke(f"{CARD_ACTION} needs value.action.data as an object, got {_kind(data)}")
    return CardPress(verb.strip(), {"action": verb.strip(), **data} if "action" not in data else data)


def read_search(value: object) -> SearchQuery:
    if not isinstance(value, dict):
        raise MalformedInvoke(f"{SEARCH_QUERY} needs a value object, got {_kind(value)}")
    command = value.get("commandId")
    if not isinstance(command, str):
        raise MalformedInvoke(f"{SEARCH_QUERY} needs value.commandId as a string")
    if command != SEARCH_COMMAND:
        raise MalformedInvoke(f"this bot has no message-extension command {command[:60]!r}; it has {SEARCH_COMMAND!r}")
    parameters = value.get("parameters", [])
    if parameters is None:
        parameters = []
    if not isinstance(parameters, list) or not all(isinstance(p, dict) for p in parameters):
        raise MalformedInvoke(f"{SEARCH_QUERY} needs value.parameters as a list of objects")
    text = ""
    initial_run = False
    for parameter in parameters:
        name, given = parameter.get("name"), parameter.get("value")
        if name == "initialRun":
            initial_run = str(given).strip().lower() == "true"
        elif name == SEARCH_PARAMETER:
            if given is not None and not isinstance(given, (str, int)):
                raise MalformedInvoke(f"parameter {SEARCH_PARAMETER!r} must be text, got {_kind(given)}")
            text = "" if given is None else str(given)
    return SearchQuery(text.strip()[:QUERY_LIMIT], initial_run)


def _kind(value: object) -> str:
    return "nothing" if value is None else f"a JSON {type(value).__name__}".replace("dict", "object").replace(
        "str", "string").replace("NoneType", "null")


# ---------------------------------------------------------------- answers


def card_answer(card: dict) -> dict:
    """The pressed card is replaced by ``card``."""
    return {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": card}


def message_answer(text: str) -> dict:
    """Teams shows ``text`` briefly where the card is; the card stays as it was."""
    return {"statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": text}


def error_answer(detail: str) -> dict:
    """The Universal Actions error shape; sent with HTTP 400, bot/web turns it into problem+json."""
    return {"statusCode": 400, "type": "application/vnd.microsoft.error", "value": {"code": "BadRequest", "message": detail}}
