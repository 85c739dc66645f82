"""The conversation: what the bot says to each kind of activity.

Text questions go to the catalog's matcher and come back as cards; button
presses (activity.value) either answer one exact entry or record feedback;
new members and "help" get the welcome card. The product of the last answer is
kept in ConversationState so that "and 3101?" is read in the same product.

Every reply to one user message is a single activity carrying all its cards,
so a turn costs one outbound HTTP call (and Teams shows the cards together).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Iterable

from botbuilder.core import ActivityHandler, ConversationState, MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    AttachmentLayoutTypes,
    CardAction,
    ActionTypes,
    ChannelAccount,
)

import cards
from catalog import Catalog, Decision, Match

from ..sdk.reply_models import CardAttachment, ExampleSuggestions, ReplyActivity
from .answer_cache import Answer, AnswerCache
from .examples import EXAMPLE_QUESTIONS, HELP_WORDS
from .feedback import FeedbackLog

log = logging.getLogger("bot.conversation")

_HELP_STRIP = re.compile(r"[\s!.,?]+$")
# Teams puts "<at>Error Explainer</at>" into the text when the bot is @mentioned
# in a channel. The SDK's remove_recipient_mention trusts the mention entity's
# shape (a malformed one raises) and uses the name as a regex; this is the
# plain version: drop the markup of every mention.
_MENTION = re.compile(r"<at\b[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)

EMPTY_PROMPT = "Send me an error code or paste the error message, for example “{example}”."
UNREADABLE_SUBMIT = (
    "I couldn't read that button press (it may come from an older card). "
    "Please type the error code you want explained."
)
GONE_ENTRY = "I no longer have that entry in my catalog. Please type the error code again."
THANKS = "Thanks for the feedback, it helps improve the answers."


class ErrorExplainerBot(ActivityHandler):
    """One instance serves all conversations; per-conversation memory lives in ConversationState."""

    def __init__(
        self,
        catalog: Catalog,
        conversation_state: ConversationState,
        feedback: FeedbackLog,
        *,
        max_question_chars: int = 2000,
        typing_threshold_chars: int = 600,
        examples: Iterable[str] = EXAMPLE_QUESTIONS,
        answers: AnswerCache | None = None,
    ):
        self.catalog = catalog
        self._state = conversation_state
        self._last_source = conversation_state.create_property("last_source")
        self._greeted = conversation_state.create_property("greeted")
        self._feedback = feedback
        self._max_chars = max_question_chars
        self._typing_threshold = typing_threshold_chars
        self._examples = tuple(examples)
        self._suggestions = ExampleSuggestions(
            actions=[CardAction(type=ActionTypes.im_back, title=q, value=q) for q in self._examples]
        ) if self._examples else None
        self.answers = answers if answers is not None else AnswerCache(0)

    async def on_turn(self, turn_context: TurnContext):
        await super().on_turn(turn_context)
        # Written only if the turn changed it (bot/sdk/state_fingerprint.py tells, cheaply).
        await self._state.save_changes(turn_context)

    # ------------------------------------------------------------ activities

    async def on_message_activity(self, turn_context: TurnContext):
        activity = turn_context.activity
        if activity.value is not None:
            press = cards.read_button(activity.value)
            if isinstance(press, cards.Submit):
                await self._on_submit(turn_context, press)
                return
            if not (activity.text or "").strip():
                if press is None:
                    await turn_context.send_activity(UNREADABLE_SUBMIT)
                    return
                activity.text = press.question
        text = activity.text or ""
        if "</at>" in text and any(getattr(e, "type", None) == "mention" for e in activity.entities or ()):
            text = _MENTION.sub(" ", text)
        text = text.strip()
        if not text:
            await turn_context.send_activity(self._with_examples(MessageFactory.text(
                EMPTY_PROMPT.format(example=self._examples[0] if self._examples else "what is 404")
            )))
            return
        if _HELP_STRIP.sub("", text.lower()) in HELP_WORDS or text.lower() in HELP_WORDS:
            await self._send_welcome(turn_context)
            return
        await self._answer(turn_context, text)

    async def on_members_added_activity(self, members_added: list[ChannelAccount], turn_context: TurnContext):
        recipient = turn_context.activity.recipient
        bot_id = recipient.id if recipient is not None else None
        if any(m is not None and m.id != bot_id for m in members_added or ()):
            await self._greet_once(turn_context)

    async def on_event(self, turn_context: TurnContext):
        # A Web Chat page sends this event as it connects (deploy/webchat/chat.js, as in
        # Web Chat's own samples), so the visitor is greeted before typing anything.
        if turn_context.activity.name == "webchat/join":
            await self._greet_once(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext):
        # Installing the bot in Teams (personal chat) adds only the bot as a member,
        # so the members-added welcome never fires there; greet on install instead
        # (not on "add-upgrade": an app update should not greet everyone again).
        if turn_context.activity.action == "add":
            await self._greet_once(turn_context)

    # ------------------------------------------------------------ answers

    async def _answer(self, turn_context: TurnContext, text: str) -> None:
        text, cut_at = cut_question(text, self._max_chars)
        if len(text) >= self._typing_threshold:
            await turn_context.send_activity(Activity(type=ActivityTypes.typing))
        context = await self._last_source.get(turn_context, None)
        key = (text, context, cut_at)
        answer = self.answers.get(key)
        if answer is None:
            decision = self.catalog.explain(text, context=context)
            if cut_at is not None and decision.truncated_at is None:
                decision = replace(decision, truncated_at=cut_at)
            answer = _answer_of(decision, cards.cards_for(decision, self.catalog.sources, self._examples))
            self.answers.put(key, answer)
        await self._send_answer(turn_context, answer)

    async def _send_answer(self, turn_context: TurnContext, answer: Answer) -> None:
        decision = answer.decision
        if decision.context:
            await self._last_source.set(turn_context, decision.context)
        reply = _reply_activity(answer.attachments, answer.summary)
        if decision.status == "none":
            self._with_examples(reply)
        await turn_context.send_activity(reply)

    async def _on_submit(self, turn_context: TurnContext, submit: "cards.Submit") -> None:
        if submit.action == "feedback":
            activity = turn_context.activity
            self._feedback.record(
                source=submit.source,
                code=submit.code,
                subcode=submit.subcode,
                key=submit.key,
                helpful=bool(submit.helpful),
                query=submit.query,
                conversation_id=activity.conversation.id if activity.conversation else None,
                channel_id=activity.channel_id,
            )
            await turn_context.send_activity(THANKS)
            return
        entry = submit.entry_in(self.catalog)
        if entry is None:
            await turn_context.send_activity(GONE_ENTRY)
            return
        decision = Decision(
            query=submit.query or entry.label,
            status="answer",
            matches=(Match(entry, 1.0, "chosen"),),
            context=entry.source,
        )
        reply = cards.cards_for(decision, self.catalog.sources, self._examples)
        await self._send_answer(turn_context, _answer_of(decision, reply))

    # ------------------------------------------------------------ welcome

    async def _greet_once(self, turn_context: TurnContext) -> None:
        """The automatic welcome, once per conversation: Teams (and the Agents Playground)
        announce a new chat with both an installation and a members-added activity."""
        if await self._greeted.get(turn_context, False):
            return
        await self._greeted.set(turn_context, True)
        await self._send_welcome(turn_context)

    async def _send_welcome(self, turn_context: TurnContext) -> None:
        card = cards.welcome_card(self.catalog.sources, self._examples)
        summary = cards.fallback_text(card)[: cards.SUMMARY_LIMIT]
        await turn_context.send_activity(self._with_examples(_reply_activity(_attached([card]), summary)))

    def _with_examples(self, activity: Activity) -> Activity:
        if self._suggestions is not None:
            activity.suggested_actions = self._suggestions
        return activity


def cut_question(text: str, limit: int) -> tuple[str, int | None]:
    """The question as the bot reads it, and where it was cut (None if it was not).

    The limit is the server's (BotConfig.max_question_chars); the cut is
    recorded on the Decision, so cards/ puts a notice above the answer.
    """
    if len(text) > limit:
        return text[:limit], limit
    return text, None


def _attached(built: list[dict]) -> tuple[CardAttachment, ...]:
    return tuple(CardAttachment(content_type=cards.ADAPTIVE_CARD_CONTENT_TYPE, content=c) for c in built)


def _answer_of(decision: Decision, reply: cards.CardReply) -> Answer:
    return Answer(decision, _attached(reply.cards), reply.summary)


def _reply_activity(attachments: tuple[CardAttachment, ...], summary: str) -> Activity:
    """One reply carrying the given cards, with the summary notifications show."""
    activity = ReplyActivity(
        type=ActivityTypes.message,
        attachment_layout=AttachmentLayoutTypes.list if len(attachments) > 1 else None,
        attachments=list(attachments),
    )
    if summary:
        activity.summary = summary
    return activity


def cards_activity(reply: cards.CardReply) -> Activity:
    """The activity the bot sends for a CardReply (what a turn sends; tests and benchmarks build it directly)."""
    return _reply_activity(_attached(reply.cards), reply.summary)
