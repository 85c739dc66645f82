"""What the bot remembers and keeps: conversation state (shared across instances) and records.

settings.py     BOT_STORAGE and friends, read once
factory.py      the conversation-state Storage the app hands to ConversationState
bounded_memory  the default: in this process, bounded by count and idle time
reload_retry    ETag conflicts between instances: reload, replay this turn's changes, retry
turn_faults     a store that cannot be reached: a clear reply and a 503 for that turn
records.py      feedback clicks and unanswered questions, durable, one per activity
scrub.py        what never goes into a record (e-mail addresses, phone numbers, secrets...)
recorder.py     turns the bot's events into records without ever failing a turn
records_writer  the queue a turn puts its record in, written in batches by one task

The Blob Storage subclass touches the SDK's internals, so it lives behind the
fence, in bot/sdk/blob_state.py (its one-call reads and writes in bot/sdk/blob_calls.py).
"""

from .errors import StateConflict, StorageUnavailable
from .factory import state_storage
from .settings import StorageSettings

__all__ = ["StateConflict", "StorageSettings", "StorageUnavailable", "state_storage"]
