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
    Attachment,
    CardAction,
    ActionTypes,
    ChannelAccount,
    SuggestedActions,
)

import cards
from catalog import Catalog, Decision, Match

from .answer_cache import Answer, AnswerCache
from .connectors import SerialisedOnce
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
        # Written only if the turn changed it (bot/conversation_state.py tells, cheaply).
        await self._state.save_changes(turn_context)

    # ------------------------------------------------------------ activities

    async def on_message_activity(self, turn_context: TurnContext):
        activity = turn_context.activity
        if activity.value is not None:
            submit = cards.parse_submit(activity.value)
            if submit is not None:
                await self._on_submit(turn_context, submit)
                return
            if not (activity.text or "").strip():
                typed = _example_question(activity.value)
                if typed is None:
                    await turn_context.send_activity(UNREADABLE_SUBMIT)
                    return
                activity.text = typed
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
        cut_at = None
        if len(text) > self._max_chars:
            cut_at = self._max_chars
            text = text[: self._max_chars]
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
        reply = _cards_activity(answer.attachments, answer.summary)
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
        built = cards.cards_for(decision, self.catalog.sources, self._examples)
        await self._send_answer(turn_context, _answer_of(decision, built))

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
        await turn_context.send_activity(self._with_examples(_cards_activity([card])))

    def _with_examples(self, activity: Activity) -> Activity:
        if self._suggestions is not None:
            activity.suggested_actions = self._suggestions
        return activity


def _example_question(value: object) -> str | None:
    """The question of an example-question button that a client posted as data instead of as text.

    Web Chat turns these buttons into a typed message (its cardAction imBack);
    Teams and the Agents Playground post the button's data as activity.value,
    since our buttons carry no msteams wrapper (see cards/actions.py).
    """
    if isinstance(value, dict) and value.get("type") == "imBack" and isinstance(value.get("value"), str):
        question = value["value"].strip()
        return question[:500] or None
    return None


class _SharedOnDeepCopy:
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


class CardAttachment(_SharedOnDeepCopy, SerialisedOnce, Attachment):
    """An Attachment whose card is shared, not copied, when the SDK deep-copies the reply.

    Built once per answer and reused for every reply with that answer, so it
    must not be changed after it is built (its JSON is kept, see SerialisedOnce).
    """


class ExampleSuggestions(SerialisedOnce, SuggestedActions):
    """The example questions as suggested actions: built once, shared by every reply that offers them."""


class ReplyActivity(_SharedOnDeepCopy, Activity):
    """A reply built for one send, whose parts the SDK's defensive deep copy may share."""


def _answer_of(decision: Decision, built: list[dict]) -> Answer:
    attachments = tuple(CardAttachment(content_type=cards.ADAPTIVE_CARD_CONTENT_TYPE, content=c) for c in built)
    return Answer(decision, attachments, _summary(built))


def _summary(built: list[dict]) -> str:
    """Shown in notifications and by clients that cannot render cards."""
    return (cards.fallback_text(built[0]) if built else "")[:200]


def _cards_activity(built: "list[dict] | tuple[CardAttachment, ...]", summary: str | None = None) -> Activity:
    """One reply carrying the given cards (dicts, or the CardAttachments of an Answer)."""
    attachments = [a if isinstance(a, CardAttachment) else
                   CardAttachment(content_type=cards.ADAPTIVE_CARD_CONTENT_TYPE, content=a) for a in built]
    activity = ReplyActivity(
        type=ActivityTypes.message,
        attachment_layout=AttachmentLayoutTypes.list if len(attachments) > 1 else None,
        attachments=attachments,
    )
    if summary is None:
        summary = _summary([a.content for a in attachments])
    if summary:
        activity.summary = summary
    return activity
