"""Where the bot keeps what it remembers: read once from the environment.

Two places, one switch (BOT_STORAGE):

* ``memory`` (the default): conversation state in this process, bounded in
  size and forgotten after an idle time, and the records (feedback clicks,
  unanswered questions) in a local file under BOT_DATA_DIR. `make run` needs
  no service.
* ``blob``: both in an Azure Blob Storage container (Azurite in tests), so
  several instances and restarts share one memory.

`explain-error gaps` reads the same variables, so it finds the records the
bot wrote without being told twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

KINDS = ("memory", "blob")
DEFAULT_CONTAINER = "error-explainer"
DEFAULT_DATA_DIR = "var"
RECORDS_FILE = "records.jsonl"


@dataclass(frozen=True)
class StorageSettings:
    kind: str = "memory"
    connection_string: str = field(default="", repr=False)
    container: str = DEFAULT_CONTAINER
    # Bounded in-memory state: conversations kept, and minutes a quiet one is kept.
    max_conversations: int = 10_000
    idle_minutes: int = 24 * 60
    # The records' local file lives here (relative paths: from the working directory).
    data_dir: str = DEFAULT_DATA_DIR
    # Records older than this are deleted, and never reported.
    retention_days: int = 90
    # Records are queued by the turn and written in batches this often (bot/storage/records_writer.py):
    # what a crash (not a stop) can lose, and how soon `explain-error gaps` sees a question.
    records_flush_seconds: float = 1.0
    # Records queued at most; past it (a store slower than the traffic) the newest are dropped and counted.
    records_queue_max: int = 10_000
    # One call to the Blob service, retries included, gives up after about this long:
    # a store that does not answer costs the turn a clear reply and a 503, not a hang.
    timeout_seconds: float = 5.0

    @property
    def records_path(self) -> Path:
        return Path(self.data_dir).expanduser() / RECORDS_FILE

    def describe(self) -> str:
        """One line for the start-up log and /healthz: where things go, never the secret."""
        if self.kind == "blob":
            return f"blob container '{self.container}'"
        return f"memory (records in {self.records_path})"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "StorageSettings":
        # Imported here: bot.config builds its BotConfig with these settings.
        from ..config import ConfigError, _number

        env = os.environ if env is None else env
        kind = (env.get("BOT_STORAGE") or "memory").strip().lower()
        if kind not in KINDS:
            raise ConfigError(f"BOT_STORAGE={kind!r} is not one of {', '.join(KINDS)}")
        connection_string = (env.get("BOT_STORAGE_CONNECTION_STRING") or "").strip()
        if kind == "blob" and not connection_string:
            raise ConfigError("BOT_STORAGE=blob needs BOT_STORAGE_CONNECTION_STRING (the storage account's connection string)")
        container = (env.get("BOT_STORAGE_CONTAINER") or DEFAULT_CONTAINER).strip()
        if not _valid_container(container):
            raise ConfigError(
                f"BOT_STORAGE_CONTAINER={container!r} is not a container name "
                "(3-63 characters: lower-case letters, digits and single hyphens)"
            )
        return cls(
            kind=kind,
            connection_string=connection_string,
            container=container,
            max_conversations=_number(env, "BOT_STATE_MAX_CONVERSATIONS", 10_000, 1, 10_000_000),
            idle_minutes=_number(env, "BOT_STATE_IDLE_MINUTES", 24 * 60, 1, 365 * 24 * 60),
            data_dir=(env.get("BOT_DATA_DIR") or DEFAULT_DATA_DIR).strip(),
            retention_days=_number(env, "BOT_RECORDS_RETENTION_DAYS", 90, 1, 3650),
            records_flush_seconds=_number(env, "BOT_RECORDS_FLUSH_SECONDS", 1.0, 0.01, 60.0, float),
            records_queue_max=_number(env, "BOT_RECORDS_QUEUE_MAX", 10_000, 1, 10_000_000),
            timeout_seconds=_number(env, "BOT_STORAGE_TIMEOUT_SECONDS", 5.0, 0.5, 120.0, float),
        )


def _valid_container(name: str) -> bool:
    """Azure's rule for container names (checked here so a typo fails at start, not on the first turn)."""
    if not 3 <= len(name) <= 63 or "--" in name or name[0] == "-" or name[-1] == "-":
        return False
    return all(c.islower() or c.isdigit() or c == "-" for c in name) and name.isascii()
