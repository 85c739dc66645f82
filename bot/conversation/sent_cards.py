"""Which message carries which buttons, per conversation, to update a card in place after a press.

Web Chat and the Emulator post an Action.Submit press as a new message with no
replyToId, so the bot must itself know which of its messages holds the
pressed button. Keeping that in ConversationState would write the state store
after every answer (billed per write on Cosmos DB or Blob Storage, and the
bot otherwise writes only when the conversation's product changes), so it is
kept in this process's memory, bounded: a press the process does not know
(after a restart, on another instance, on a long-forgotten card) is answered
with a new message, as before in-place updates existed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

MAX_CONVERSATIONS = 20_000
MAX_KEYS_PER_CONVERSATION = 30


class SentCards:
    def __init__(self, max_conversations: int = MAX_CONVERSATIONS, max_keys: int = MAX_KEYS_PER_CONVERSATION):
        self._by_conversation: OrderedDict[str, OrderedDict[str, str]] = OrderedDict()
        self._max_conversations = max_conversations
        self._max_keys = max_keys
        self._lock = threading.Lock()

    def remember(self, conversation: str, message_id: str, keys: Iterable[str]) -> None:
        """Note that ``message_id`` now carries the buttons ``keys`` ('feedback:…', 'explain:…')."""
        with self._lock:
            known = self._by_conversation.pop(conversation, None) or OrderedDict()
            self._by_conversation[conversation] = known
            for key in keys:
                known.pop(key, None)
                known[key] = message_id
            while len(known) > self._max_keys:
                known.popitem(last=False)
            while len(self._by_conversation) > self._max_conversations:
                self._by_conversation.popitem(last=False)

    def message_with(self, conversation: str, key: str) -> str | None:
        with self._lock:
            known = self._by_conversation.get(conversation)
            return known.get(key) if known else None

    def __len__(self) -> int:
        return len(self._by_conversation)
