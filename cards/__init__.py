"""Adaptive Card builders: one module per kind of card.

``cards_for`` turns the matcher's Decision into the cards the bot sends and
the reply's summary (``CardReply``), so the bot calls this package once per
answer; it wraps each card in an attachment with ``ADAPTIVE_CARD_CONTENT_TYPE``
and shows the summary where a client cannot show cards. The cards of one
``cards_for`` call together stay under one Teams message's size, so they can
go out in a single activity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from catalog.decision import Decision
from catalog.schema import Source

from .actions import ActionStyle, Submit, ask_action, explain_action, feedback_actions, parse_submit
from .answer import answer_card
from .choice import choice_card
from .layout import fit_all, source_map
from .not_found import not_found_card
from .notice import notice_card
from .summary import problems, summary_card
from .text import unescape_markdown
from .welcome import welcome_card

ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"

# A pasted log can name dozens of codes; a wall of cards helps nobody and
# Teams caps the size of one message, so the rest are named in a notice.
MAX_ANSWER_CARDS = 5

# A reply's summary shows in notifications and chat lists, which cut it anyway.
SUMMARY_LIMIT = 200

__all__ = [
    "ADAPTIVE_CARD_CONTENT_TYPE",
    "Ask",
    "CardReply",
    "MAX_ANSWER_CARDS",
    "ActionStyle",
    "Submit",
    "answer_card",
    "ask_action",
    "cards_for",
    "choice_card",
    "explain_action",
    "fallback_text",
    "feedback_actions",
    "not_found_card",
    "notice_card",
    "parse_submit",
    "read_button",
    "summary_card",
    "welcome_card",
]


@dataclass(frozen=True)
class CardReply:
    """The cards that answer one decision, in the order to send them, and their plain-text summary."""

    cards: list[dict]
    summary: str  # fallback text of the first card: for notifications and clients without cards


def cards_for(
    decision: Decision,
    catalog_sources: Mapping[str, Source] | Iterable[Source] | None,
    examples: Iterable[str] | None = (),
    *,
    style: ActionStyle = "submit",
) -> CardReply:
    """The reply to one decision: its cards and their summary.

    ``style``: how buttons reach the bot on this channel (cards.actions.ActionStyle).
    """
    built = _cards(decision, catalog_sources, examples, style)
    return CardReply(built, (fallback_text(built[0]) if built else "")[:SUMMARY_LIMIT])


def _cards(
    decision: Decision,
    catalog_sources: Mapping[str, Source] | Iterable[Source] | None,
    examples: Iterable[str] | None,
    style: ActionStyle,
) -> list[dict]:
    sources = source_map(catalog_sources)
    cards: list[dict] = []
    if decision.truncated_at is not None:
        cards.append(
            notice_card(
                f"Your message was cut at {decision.truncated_at:,} characters; I answered the first part."
            )
        )
    if decision.status == "answer" and decision.matches:
        ordered = problems(decision.matches)
        if len(ordered) > 1:
            cards.append(summary_card(ordered, sources))
        shown = ordered[:MAX_ANSWER_CARDS]
        # Fields the matcher adds for follow-up questions; read with defaults so older Decisions still render.
        context_decided = getattr(decision, "context_decided", None)
        others = getattr(decision, "others", ()) if len(shown) == 1 else ()
        for match in shown:
            cards.append(answer_card(match, query=decision.query, sources=sources, context_decided=context_decided,
                                     others=others, style=style))
        left_out = ordered[MAX_ANSWER_CARDS:]
        if left_out:
            names = ", ".join(m.entry.label for m in left_out[:20])
            more = f" and {len(left_out) - 20} more" if len(left_out) > 20 else ""
            cards.append(
                notice_card(
                    f"Your message names {len(ordered)} codes; I explained the first "
                    f"{len(shown)}. Ask about the others one at a time: {names}{more}.",
                    tone="info",
                )
            )
    elif decision.status == "ambiguous" and decision.matches:
        cards.append(choice_card(decision, sources, style=style))
    else:
        cards.append(not_found_card(decision, sources, examples, style=style))
    # The bot sends all cards of a reply in one activity, so they share one message's size.
    # A lone card already fits: every builder ends in layout.adaptive_card, which fits it
    # to the same limit, so measuring it again would only serialise it a second time.
    return fit_all(cards) if len(cards) > 1 else cards


def _texts(node: object, out: list[str]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "TextBlock" and isinstance(node.get("text"), str):
            out.append(node["text"])
        for key, value in node.items():
            if key not in ("data", "msteams"):
                _texts(value, out)
    elif isinstance(node, list):
        for item in node:
            _texts(item, out)


def fallback_text(card: dict) -> str:
    """A plain-text version of the card, for notifications and clients that cannot show it.

    Inside the card, user text is escaped because fallbackText may be rendered
    as markdown; here the escapes are undone, since a notification shows
    text as it is.
    """
    if isinstance(card, dict):
        text = card.get("fallbackText")
        if isinstance(text, str) and text.strip():
            return unescape_markdown(text)
        parts: list[str] = []
        _texts(card.get("body", []), parts)
        if parts:
            return unescape_markdown("\n".join(parts))
    return ""


@dataclass(frozen=True)
class Ask:
    """An example-question button posted as data (Teams, the Agents Playground): answer it as if typed."""

    question: str


def read_button(value: object) -> Submit | Ask | None:
    """What a button press (``activity.value``) asks for, or None when it is unusable. Never raises.

    The one reader of every payload our buttons carry: a ``Submit``
    (explain/feedback, see ``parse_submit``) or the question of an
    ``ask_action`` button, which Web Chat sends as typed text but Teams and
    the Agents Playground post as data.
    """
    submit = parse_submit(value)
    if submit is not None:
        return submit
    if isinstance(value, dict) and value.get("type") == "imBack" and isinstance(value.get("value"), str):
        question = value["value"].strip()[:500]
        if question:
            return Ask(question)
    return None
