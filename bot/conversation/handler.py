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
from collections import OrderedDict
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

from ..sdk.invokes import AnswersEveryInvoke
from ..sdk.reply_models import CardAttachment, ExampleSuggestions, ReplyActivity
from ..telemetry import note_decision, note_feedback
from .answer_cache import Answer, AnswerCache
from .examples import EXAMPLE_QUESTIONS, HELP_WORDS
from .feedback import FeedbackLog
from ..storage.recorder import TurnRecorder

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
# How many recently greeted conversations a process remembers, to greet once when
# Teams or the Playground announce a new chat with two activities at the same time.
GREETINGS_REMEMBERED = 10_000
THANKS = "Thanks for the feedback, it helps improve the answers."


class ErrorExplainerBot(AnswersEveryInvoke, ActivityHandler):
    """One instance serves all conversations; per-conversation memory lives in ConversationState.

    Invokes go through the SDK's dispatch, made safe by AnswersEveryInvoke (bot/sdk/invokes.py):
    this bot implements none, so each is answered 501 (or 400 when malformed), never with a crash.
    """

    def __init__(
        self,
        catalog: Catalog,
        conversation_state: ConversationState,
        feedback: FeedbackLog,
        *,
        typing_threshold_chars: int = 600,
        examples: Iterable[str] = EXAMPLE_QUESTIONS,
        answers: AnswerCache | None = None,
        records: "TurnRecorder | None" = None,
    ):
        self.catalog = catalog
        self._state = conversation_state
        self._last_source = conversation_state.create_property("last_source")
        self._greeted = conversation_state.create_property("greeted")
        self._feedback = feedback
        self._typing_threshold = typing_threshold_chars
        self._examples = tuple(examples)
        self._suggestions = ExampleSuggestions(
            actions=[CardAction(type=ActionTypes.im_back, title=q, value=q) for q in self._examples]
        ) if self._examples else None
        self.answers = answers if answers is not None else AnswerCache(0)
        self._greetings: OrderedDict[str, None] = OrderedDict()  # conversations greeted by this process
        self.records = records  # feedback clicks and unanswered questions (bot/storage/recorder.py)

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
        # The whole message is read (a log's error is often on its last line); the
        # body limit bounds it, the catalog owns the question's length limit, and
        # the cards echo only the start of it.
        if len(text) >= self._typing_threshold:
            await turn_context.send_activity(Activity(type=ActivityTypes.typing))
        context = await self._last_source.get(turn_context, None)
        key = (text, context)
        answer = self.answers.get(key)
        cached = answer is not None
        if answer is None:
            decision = self.catalog.explain(text, context=context)
            answer = _answer_of(decision, cards.cards_for(decision, self.catalog.sources, self._examples))
            self.answers.put(key, answer)
        note_decision(answer.decision, cached=cached)
        if self.records is not None and answer.decision.status != "answer":
            await self.records.unanswered(turn_context.activity, answer.decision)
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
            note_feedback(bool(submit.helpful))
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
            if self.records is not None:
                await self.records.feedback(
                    activity, source=submit.source, code=submit.code, subcode=submit.subcode,
                    key=submit.key, helpful=bool(submit.helpful), query=submit.query,
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
        note_decision(decision, cached=False)
        await self._send_answer(turn_context, _answer_of(decision, reply))

    # ------------------------------------------------------------ welcome

    async def _greet_once(self, turn_context: TurnContext) -> None:
        """The automatic welcome, once per conversation: Teams (and the Agents Playground)
        announce a new chat with both an installation and a members-added activity."""
        # Both activities usually arrive together, so both turns can load state that
        # says "not greeted yet"; the first turn of this process claims the greeting
        # before its first await, and the saved state covers later turns and restarts.
        conversation = turn_context.activity.conversation
        if conversation is not None and conversation.id:
            if conversation.id in self._greetings:
                return
            self._greetings[conversation.id] = None
            if len(self._greetings) > GREETINGS_REMEMBERED:
                self._greetings.popitem(last=False)
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
