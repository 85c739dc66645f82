"""Answers already worked out, kept for the next person who asks the same thing.

The catalog does not change while the server runs, so what the bot answers to
a question is a function of the question's text and the conversation's last
product alone. Support desks ask the same few codes all day ("subcode 3112",
"bot returns 405"); matching the question and building its cards is most of
the CPU of a turn, and for a repeated question this turns it into one lookup.

Bounded in both directions: at most `max_entries` answers, least recently used
out first, and only questions up to `max_question_chars` long are kept, since
long pastes are one-offs and their cards are the largest.

The cached cards are shared between replies and their JSON is worked out once
(bot/sdk/reply_serialiser.py SerialisedOnce); nothing downstream changes them (the SDK
copies a reply's top level only, see bot/sdk/reply_models.py), and the tests check
that an answer served twice is the same JSON both times.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from catalog import Decision

AnswerKey = tuple[str, str | None, str]  # (question, context product, button style of the channel)


class Answer(NamedTuple):
    decision: Decision
    attachments: tuple  # the cards, as the CardAttachments the reply carries (bot/conversation/handler.py)
    summary: str  # the reply's notification text
    # The presses its one card offers ('feedback:…', 'explain:…'; empty for several cards), noted with
    # the sent message's id so a press updates that card. Worked out once per answer, here: each key
    # comes from the card action's own data (handler.button_keys), 15-130 µs per reply when done per turn.
    buttons: tuple[str, ...] = ()


class AnswerCache:
    def __init__(self, max_entries: int = 1024, max_question_chars: int = 300):
        self.max_entries = max_entries
        self.max_question_chars = max_question_chars
        self._answers: OrderedDict[AnswerKey, Answer] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: AnswerKey) -> Answer | None:
        answer = self._answers.get(key)
        if answer is None:
            self.misses += 1
            return None
        self._answers.move_to_end(key)
        self.hits += 1
        return answer

    def put(self, key: AnswerKey, answer: Answer) -> None:
        if self.max_entries <= 0 or len(key[0]) > self.max_question_chars:
            return
        self._answers[key] = answer
        self._answers.move_to_end(key)
        while len(self._answers) > self.max_entries:
            self._answers.popitem(last=False)

    def summary(self) -> dict:
        return {"entries": len(self._answers), "hits": self.hits, "misses": self.misses}
