"""The conversation-state store the app uses, chosen by StorageSettings."""

from __future__ import annotations

from botbuilder.core import Storage

from .bounded_memory import BoundedMemoryStorage
from .reload_retry import ReloadOnConflictStorage
from .settings import StorageSettings


def state_storage(settings: StorageSettings) -> Storage:
    """Bounded memory by default; with BOT_STORAGE=blob the SDK's BlobStorage, conflicts replayed.

    Both come wrapped in ReloadOnConflictStorage, so a lost ETag race is
    handled the same way whatever the store.
    """
    if settings.kind == "blob":
        from ..sdk.blob_state import BlobStateStorage  # azure's libraries load only when used

        inner: Storage = BlobStateStorage(settings.connection_string, settings.container, settings.timeout_seconds)
    else:
        inner = BoundedMemoryStorage(settings.max_conversations, settings.idle_minutes * 60.0)
    return ReloadOnConflictStorage(inner)


def storage_health(settings: StorageSettings, storage: Storage) -> dict:
    """What /healthz says about the state store: where it is, and how many write races it settled."""
    return {"state": settings.describe(), "conflicts_replayed": getattr(storage, "conflicts", 0)}


def record_store(settings: StorageSettings):
    """Where feedback clicks and unanswered questions are kept: the local file, or blobs beside the state."""
    if settings.kind == "blob":
        from .records_blob import RecordBlobs

        return RecordBlobs(settings.connection_string, settings.container, settings.retention_days, settings.timeout_seconds)
    from .records_file import RecordFile

    return RecordFile(settings.records_path, settings.retention_days)


def turn_recorder(settings: StorageSettings):
    """What the conversation hands its records to: a queue, written in batches to record_store(settings)."""
    from .recorder import TurnRecorder
    from .records_writer import RecordWriter

    return TurnRecorder(RecordWriter(record_store(settings), settings.records_flush_seconds, settings.records_queue_max))
