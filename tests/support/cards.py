"""Entries, sources and decisions the card tests build on.

Built from catalog.schema / catalog.decision directly, so the card tests say
exactly which fields they depend on and do not move when the data files do.
Imported as tests.support.cards by tests/cards/ and the conversation tests.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from catalog.decision import Decision, Match
from catalog.schema import Entry, Link, Source

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CARD_SCHEMA = SHARED / "schemas" / "adaptive-card-1.5.json"

HOSTILE_QUERY = "**bold** [x](http://evil) <script> # head `code` > quote | ~strike~"

ACS_CALL_END = Source(
    id="acs-call-end",
    product="Azure Communication Services",
    short_name="ACS Calling",
    document="Calling end call codes and subcodes",
    seed="003",
    url="https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/troubleshooting-codes",
)
ACS_CALLING_SDK = Source(
    id="acs-calling-sdk",
    product="Azure Communication Services",
    short_name="ACS Calling SDK",
    document="Calling SDK client error codes and subcodes",
    seed="003",
)
BOT_SERVICE = Source(id="bot-service", product="Azure Bot Service", document="Bot is returning errors", seed="000")
RAG_API = Source(id="rag-api", product="RAG API", document="Error Handling & Error Codes", seed="002")

SOURCES = {s.id: s for s in (ACS_CALL_END, ACS_CALLING_SDK, BOT_SERVICE, RAG_API)}

FULL = Entry(
    source="acs-call-end",
    section="Call end codes",
    code=410,
    subcode=3112,
    string_code="MediaConnectivityFailed",
    http_status=503,
    title="Call setup failed because media could not connect",
    message="The call ended because the media path between the participants could not be set up.",
    category="UnxpectedClientError",  # the documents' misspelling, normalised by the schema
    advice="Check the network first.\n- Open UDP 3478-3481\n- Allow the TURN relays\nThen retry the call.",
    retry="Yes, after fixing connectivity",
    links=(Link(title="Network requirements", url="https://learn.microsoft.com/azure/communication-services/concepts/network-requirements"),),
)
MINIMAL = Entry(source="rag-api", section="Standard HTTP Status Codes", code=404, title="Not Found", message="Resource or route does not exist.")
WITH_NOTE = Entry(
    source="bot-service",
    section="Errors",
    code=409,
    title="Conflict",
    message="The bot sent two replies to the same activity at once.",
    note="The document lists 409 twice with different causes; this is the first one.",
)
CODELESS = Entry(
    source="acs-call-end",
    kind="concept",
    key="expected-error",
    section="Result categories",
    title="ExpectedError",
    message="An error the SDK expects in normal operation, such as the callee declining.",
)
SDK_404 = Entry(source="acs-calling-sdk", section="codes", code=404, subcode=3250, title="Callee not found", message="The callee does not exist.")
BOT_404 = Entry(source="bot-service", section="Errors", code=404, title="Not Found", message="The bot endpoint was not found.")
CALL_END_404 = Entry(source="acs-call-end", section="codes", code=404, subcode=4507, title="Participant not found", message="Gone.")

EXAMPLES = ["what is subcode 3112", "my bot returns 401", "RAG API 429"]


def answer(entry: Entry = FULL, query: str = "what is 410 3112", **kw) -> Decision:
    return Decision(query=query, status="answer", matches=(Match(entry, 0.97, "code and subcode"),), **kw)


def ambiguous(query: str = "404") -> Decision:
    """A bare 404: best candidate from RAG API, then ACS (two documents), then Bot Service."""
    order = [MINIMAL, SDK_404, BOT_404, CALL_END_404]
    return Decision(query=query, status="ambiguous", matches=tuple(Match(e, 0.9 - i * 0.1) for i, e in enumerate(order)))


def nothing(query: str = "error 999999", *, hint: str | None = None, suggestions=()) -> Decision:
    return Decision(query=query, status="none", hint=hint, matches=tuple(Match(e, 0.3) for e in suggestions))


def without_msteams(card: dict) -> dict:
    """The card as the Adaptive Card schema sees it: `msteams` is a Teams-only top-level key."""
    card = copy.deepcopy(card)
    card.pop("msteams", None)
    return card


def card_validator():
    """A Draft-06 validator for the vendored 1.5 schema, or None when ../shared is absent."""
    if not CARD_SCHEMA.is_file():
        return None
    from jsonschema import Draft6Validator

    return Draft6Validator(json.loads(CARD_SCHEMA.read_text(encoding="utf-8")))


def schema_errors(validator, card: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(without_msteams(card))]


def walk(node):
    """Every dict in a card, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def text_blocks(card: dict) -> list[str]:
    return [n["text"] for n in walk(card.get("body", [])) if n.get("type") == "TextBlock"]


def submit_actions(card: dict) -> list[dict]:
    return [n for n in walk(card) if n.get("type") == "Action.Submit"]
