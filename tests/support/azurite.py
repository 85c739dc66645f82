"""Azurite, the Azure Storage emulator, for tests that need real Blob Storage.

    from tests.support.azurite import Azurite, azurite_or_skip

    with azurite_or_skip() as blob:    # installed by deploy/scripts/install-azurite.sh, started here;
                                       # stopped and its folder removed when the block ends
        blob.connection_string         # what BOT_STORAGE_CONNECTION_STRING takes
        start_bot(env=blob.bot_env())  # a bot keeping its state here, in a container of its own
        blob.stop(); blob.start()      # the same port again, empty (in-memory persistence)

Each Azurite listens on a free loopback port and is stopped by whoever
started it. It runs with --disableTelemetry (without it Azurite reaches out to
the internet and may ignore SIGTERM), --inMemoryPersistence (nothing on disk)
and --silent: no access-log line per request, which Node writes to the log
file synchronously on the cores the bot and the benchmarks share. Set
AZURITE_ACCESS_LOG=1 to get the access log back in azurite.log (blob.log()).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from .processes import stop_process

REPO = Path(__file__).resolve().parents[2]
INSTALL = REPO / "deploy" / "scripts" / "install-azurite.sh"
BINARY = REPO / "deploy" / "azurite" / "node_modules" / ".bin" / "azurite-blob"

# Azurite's documented development account (a published constant, not a secret).
ACCOUNT = "devstoreaccount1"
ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

_install_error: str | None = None
_installed = False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def install() -> str | None:
    """Run the project's installer once per test session; None when ready, else why not."""
    global _install_error, _installed
    if _installed or _install_error is not None:
        return _install_error
    if shutil.which("bash") is None:
        _install_error = "bash is not available to run deploy/scripts/install-azurite.sh"
        return _install_error
    done = subprocess.run(["bash", str(INSTALL)], capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not BINARY.exists():
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        _install_error = f"exit {done.returncode}: {tail[0]}"
    else:
        _installed = True
    return _install_error


class Azurite:
    """One Azurite Blob service on 127.0.0.1, started and stopped by the test that owns it."""

    def __init__(self, port: int | None = None):
        self.port = port or _free_port()
        self.proc: subprocess.Popen | None = None
        self._dir = tempfile.mkdtemp(prefix="azurite-")

    @property
    def blob_endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/{ACCOUNT}"

    @property
    def connection_string(self) -> str:
        return (
            f"DefaultEndpointsProtocol=http;AccountName={ACCOUNT};AccountKey={ACCOUNT_KEY};"
            f"BlobEndpoint={self.blob_endpoint};"
        )

    def bot_env(self) -> dict[str, str]:
        """A bot's environment for keeping its state here, in a container no other test writes to."""
        return {
            "BOT_STORAGE": "blob",
            "BOT_STORAGE_CONNECTION_STRING": self.connection_string,
            "BOT_STORAGE_CONTAINER": "t-" + uuid.uuid4().hex[:12],
        }

    def start(self, timeout: float = 30.0) -> "Azurite":
        self._log = open(os.path.join(self._dir, "azurite.log"), "ab")
        self.proc = subprocess.Popen(
            [
                str(BINARY), "--blobHost", "127.0.0.1", "--blobPort", str(self.port),
                "--inMemoryPersistence", "--disableTelemetry", "--loose", "--skipApiVersionCheck",
                *([] if os.environ.get("AZURITE_ACCESS_LOG") else ["--silent"]),
            ],
            cwd=self._dir, stdout=self._log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Azurite exited with {self.proc.returncode}: {self.log()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Azurite did not listen on port {self.port} within {timeout}s")

    def log(self) -> str:
        return Path(self._dir, "azurite.log").read_text(errors="replace")

    def stop(self) -> None:
        stop_process(self.proc)
        self.proc = None
        if getattr(self, "_log", None) is not None:
            self._log.close()
            self._log = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> "Azurite":
        return self

    def __exit__(self, *exc) -> None:
        self.remove()


def azurite_or_skip() -> Azurite:
    """A started Azurite (the caller stops it), or a skipped test saying why there is none."""
    why = install()
    if why is not None:
        pytest.skip(f"Azurite cannot be installed on this machine, so Blob Storage is not tested ({why})")
    return Azurite().start()
