"""The conversation: what the bot says to each kind of activity.

Text questions go to the catalog's matcher and come back as cards; button
presses (activity.value) either answer one exact entry or record feedback;
new members and "help" get the welcome card. The product of the last answer is
kept in ConversationState so that "and 3101?" is read in the same product.

Button presses change the card they were pressed on, so old buttons cannot be
pressed again: in Teams the buttons are Action.Execute and the invoke is
answered with the new card (bot/conversation/invokes.py); on channels with
Action.Submit that can update a sent message (Direct Line, the Emulator) the
bot replaces the message in place, finding it by the buttons it remembers
sending (bot/conversation/sent_cards.py). A feedback press is counted
once per message, entry and user (``feedback_given``), however often it comes.
Teams' message extension (composeExtension/query) searches the same catalog
(bot/conversation/message_extension.py).

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

from cards.in_place import with_verdict

from ..sdk.card_updates import can_update, replace_message
from ..sdk.invokes import invoke_response
from ..sdk.reply_models import CardAttachment, ExampleSuggestions, ReplyActivity
from ..telemetry import note_decision, note_feedback
from . import invokes
from .answer_cache import Answer, AnswerCache
from .examples import EXAMPLE_QUESTIONS, HELP_WORDS
from .feedback import FeedbackLog
from .message_extension import search
from .sent_cards import SentCards
from ..storage.recorder import TurnRecorder

log = logging.getLogger("bot.conversation")

_HELP_STRIP = re.compile(r"[\s!.,?]+$")
# Teams puts "<at>Error Explainer</at>" into the text when the bot is @mentioned
# in a channel. The SDK's remove_recipient_mention trusts the mention entity's
# shape (a malformed one raises) and uses the name as a regex; this is the
# plain version: drop the markup of every mention.
_MENTION = re.compile(r"<at\b[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)
# A card picked in a message extension and sent into the chat with the bot arrives as a
# message whose text is only a placeholder for the card (Teams and the Agents Playground:
# <span class="inline-compose-card" itemtype="http://schema.skype.com/InputExtension">…</span>).
_INSERTED_CARD = re.compile(r"<span\b[^>]*InputExtension[^>]*>.*?</span>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")

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
ALREADY_COUNTED = "Your feedback on this answer was already recorded; thanks."

# Teams renders Universal Actions (Action.Execute); every other channel gets Action.Submit
# (Web Chat 4.18 and the Emulator ignore Action.Execute).
EXECUTE_CHANNELS = frozenset({"msteams"})
# How many feedback verdicts a conversation remembers (for counting each once).
REMEMBERED_VERDICTS = 200


class ErrorExplainerBot(ActivityHandler):
    """One instance serves all conversations; per-conversation memory lives in ConversationState.

    Invokes are answered by ``on_invoke_activity`` itself (Teams' card actions and message-extension
    searches; 501 for the rest, 400 when malformed), never by the SDK's dispatch.
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
        self._sent = SentCards()
        self._verdicts = conversation_state.create_property("feedback_given")
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
        if activity.attachments and "InputExtension" in text and not _TAGS.sub("", _INSERTED_CARD.sub("", text)).strip():
            return  # the user shared one of our answer cards (message extension) with us: nothing was asked
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
        style = style_for(turn_context.activity.channel_id)
        # Decided without the conversation's last product first: most questions name a
        # product (or are pastes), and then no context can change the answer, so the
        # conversation's state is not fetched for it. With Blob state that is a storage
        # call fewer per such turn; the state is loaded only to remember a new product.
        answer = self.answers.get((text, None, style))
        cached = answer is not None
        decision = answer.decision if cached else self.catalog.explain(text)
        context = await self._last_source.get(turn_context, None) if decision.context_matters else None
        if context is not None:
            answer, cached = self._decided(text, context, style)
        elif answer is None:
            answer = self._answer_for(decision, style)
            self.answers.put((text, None, style), answer)
        note_decision(answer.decision, cached=cached)
        if self.records is not None and answer.decision.status != "answer":
            self.records.unanswered(turn_context.activity, answer.decision)
        await self._send_answer(turn_context, answer)

    def _decided(self, text: str, context: str | None, style: "cards.ActionStyle") -> tuple[Answer, bool]:
        """(the answer to `text` in `context`, whether it came from the answer cache)."""
        key = (text, context, style)
        answer = self.answers.get(key)
        if answer is not None:
            return answer, True
        answer = self._answer_for(self.catalog.explain(text, context=context), style)
        self.answers.put(key, answer)
        return answer, False

    def _answer_for(self, decision: Decision, style: "cards.ActionStyle") -> Answer:
        return _answer_of(decision, cards.cards_for(decision, self.catalog.sources, self._examples, style=style))

    async def _send_answer(self, turn_context: TurnContext, answer: Answer) -> None:
        decision = answer.decision
        if decision.context:
            await self._last_source.set(turn_context, decision.context)
        reply = _reply_activity(answer.attachments, answer.summary)
        if decision.status == "none":
            self._with_examples(reply)
        sent = await turn_context.send_activity(reply)
        if len(answer.attachments) == 1 and sent is not None and sent.id and can_update(turn_context.activity.channel_id):
            self._remember(turn_context, sent.id, answer.buttons)

    def _remember(self, turn_context: TurnContext, message_id: str, keys: Iterable[str]) -> None:
        """Note which message carries which buttons, so a press on them can update it in place."""
        conversation = turn_context.activity.conversation
        if conversation is not None and conversation.id:
            self._sent.remember(conversation.id, message_id, keys)

    def _message_with(self, turn_context: TurnContext, key: str) -> str | None:
        """The id of the message to update for a press of the button ``key``, or None (send a new one)."""
        if not can_update(turn_context.activity.channel_id):
            return None
        conversation = turn_context.activity.conversation
        found = self._sent.message_with(conversation.id, key) if conversation is not None else None
        reply_to = turn_context.activity.reply_to_id
        if reply_to and found != reply_to:
            return None  # pressed on a message we did not note (several cards in one): leave it be
        return found

    async def _record_feedback(
        self, turn_context: TurnContext, submit: "cards.Submit", message_id: str | None
    ) -> tuple[bool, bool]:
        """(counted, verdict): the verdict is recorded unless this user already gave one on this
        message's answer, in which case the first verdict stands and nothing is counted."""
        activity = turn_context.activity
        user = activity.from_property.id if activity.from_property is not None else ""
        verdict_key = "|".join((message_id or "", user or "", _entry_key(submit)))
        given = dict(await self._verdicts.get(turn_context, None) or {})
        if verdict_key in given:
            return False, bool(given[verdict_key])
        given[verdict_key] = bool(submit.helpful)
        while len(given) > REMEMBERED_VERDICTS:
            given.pop(next(iter(given)))
        await self._verdicts.set(turn_context, given)
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
            self.records.feedback(
                activity, source=submit.source, code=submit.code, subcode=submit.subcode,
                key=submit.key, helpful=bool(submit.helpful), query=submit.query,
            )
        return True, bool(submit.helpful)

    def _answer_card(self, entry, query: str, style: "cards.ActionStyle") -> dict:
        return cards.answer_card(Match(entry, 1.0, "chosen"), query=query, sources=self.catalog.sources, style=style)

    async def _on_submit(self, turn_context: TurnContext, submit: "cards.Submit") -> None:
        """An Action.Submit press: update the pressed card where possible, else answer with a new message."""
        if submit.action == "feedback":
            message_id = self._message_with(turn_context, "feedback:" + _entry_key(submit))
            counted, verdict = await self._record_feedback(
                turn_context, submit, message_id or turn_context.activity.reply_to_id)
            entry = submit.entry_in(self.catalog)
            if message_id and entry is not None:
                card = with_verdict(self._answer_card(entry, submit.query or entry.label, "submit"), verdict)
                if await replace_message(turn_context, message_id, [card], cards.fallback_text(card)[:200]):
                    return
            await turn_context.send_activity(THANKS if counted else ALREADY_COUNTED)
            return
        entry = submit.entry_in(self.catalog)
        if entry is None:
            await turn_context.send_activity(GONE_ENTRY)
            return
        decision = _chosen(entry, submit.query)
        note_decision(decision, cached=False)
        message_id = self._message_with(turn_context, "explain:" + _entry_key(submit))
        if message_id:
            card = self._answer_card(entry, decision.query, "submit")
            if await replace_message(turn_context, message_id, [card], cards.fallback_text(card)[:200]):
                await self._last_source.set(turn_context, entry.source)
                self._remember(turn_context, message_id, ["feedback:" + _entry_key_of(entry)])
                return
        style = style_for(turn_context.activity.channel_id)
        reply = cards.cards_for(decision, self.catalog.sources, self._examples, style=style)
        await self._send_answer(turn_context, _answer_of(decision, reply))

    # ------------------------------------------------------------ invokes

    async def on_invoke_activity(self, turn_context: TurnContext):
        """Teams' invokes, answered in the HTTP response; any other invoke is 501 (not implemented).

        The SDK's own dispatch is not used: it reads the value into msrest models,
        serialises plain-JSON answers with a helper that fails on them, and for
        signin/tokenExchange calls a method ActivityHandler does not have (4.17.1),
        which crashed the turn. This bot has no sign-in, task modules or other invokes.
        """
        name = turn_context.activity.name
        try:
            if name == invokes.CARD_ACTION:
                press = invokes.read_card_press(turn_context.activity.value)
                return invoke_response(await self._on_card_press(turn_context, press))
            if name == invokes.SEARCH_QUERY:
                query = invokes.read_search(turn_context.activity.value)
                return invoke_response(search(self.catalog, query, self._examples))
            if not isinstance(name, str) or not name.strip():
                raise invokes.MalformedInvoke("an invoke needs a name saying what it invokes")
        except invokes.MalformedInvoke as bad:
            return invoke_response(invokes.error_answer(str(bad)), 400)
        return invoke_response(None, 501)

    async def _on_card_press(self, turn_context: TurnContext, press: invokes.CardPress) -> dict:
        """An Action.Execute press, answered with the card that replaces the pressed one."""
        submit = cards.read_button(press.data)
        if not isinstance(submit, cards.Submit) or submit.action != press.verb:
            return invokes.message_answer(UNREADABLE_SUBMIT)
        entry = submit.entry_in(self.catalog)
        if entry is None:
            return invokes.message_answer(GONE_ENTRY)
        query = submit.query or entry.label
        if submit.action == "feedback":
            _, verdict = await self._record_feedback(turn_context, submit, turn_context.activity.reply_to_id)
            return invokes.card_answer(with_verdict(self._answer_card(entry, query, "execute"), verdict))
        note_decision(_chosen(entry, submit.query), cached=False)
        await self._last_source.set(turn_context, entry.source)
        return invokes.card_answer(self._answer_card(entry, query, "execute"))

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


def style_for(channel_id: str | None) -> "cards.ActionStyle":
    """How this channel's card buttons reach the bot: Action.Execute in Teams, Action.Submit elsewhere."""
    return "execute" if (channel_id or "").lower() in EXECUTE_CHANNELS else "submit"


def _chosen(entry, query: str | None) -> Decision:
    """The decision a press on an entry's button stands for: that entry, chosen."""
    return Decision(query=query or entry.label, status="answer", matches=(Match(entry, 1.0, "chosen"),),
                    context=entry.source)


def _entry_key(submit: "cards.Submit") -> str:
    return f"{submit.source}/{submit.code}/{submit.subcode}/{submit.key}"


def _entry_key_of(entry) -> str:
    """The key a press on this entry's buttons has (see cards.actions: code/subcode, else key)."""
    press = cards.parse_submit(cards.explain_action(entry)["data"])
    return _entry_key(press) if press is not None else entry.source


def button_keys(decision: Decision) -> list[str]:
    """The presses a single-card reply to ``decision`` offers: 'feedback:…' on an answer, 'explain:…' on rows."""
    if decision.status == "answer" and len(decision.matches) == 1:
        keys = ["feedback:" + _entry_key_of(decision.matches[0].entry)]
        keys += ["explain:" + _entry_key_of(m.entry) for m in getattr(decision, "others", ()) or ()]
        return keys
    if decision.status in ("ambiguous", "none"):
        return ["explain:" + _entry_key_of(m.entry) for m in decision.matches]
    return []


def _attached(built: list[dict]) -> tuple[CardAttachment, ...]:
    return tuple(CardAttachment(content_type=cards.ADAPTIVE_CARD_CONTENT_TYPE, content=c) for c in built)


def _answer_of(decision: Decision, reply: cards.CardReply) -> Answer:
    attachments = _attached(reply.cards)
    return Answer(decision, attachments, reply.summary, tuple(button_keys(decision)) if len(attachments) == 1 else ())


def _reply_activity(attachments: tuple[CardAttachment, ...], summary: str) -> Activity:
    """One reply carrying the given cards, with the summary notifications show."""
    activity = ReplyActivity.new(
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
