"""Example questions the bot offers: on the welcome card, as suggested actions,
on the "nothing found" card and in the empty-message prompt.

Kept in one place so that the examples always name things the catalog
answers; tests/test_bot_conversation.py asks each one and expects an answer.
"""

EXAMPLE_QUESTIONS: tuple[str, ...] = (
    "what is subcode 3112",
    "bot returns 405",
    "sms 4007",
    "what is 404",
)

# Messages that ask for the welcome card rather than for an error code.
HELP_WORDS: frozenset[str] = frozenset(
    {"help", "hi", "hello", "hey", "start", "menu", "?", "/help", "/start", "help me", "what can you do"}
)
