"""The processes tests start: stopping them, and telling the bot's gunicorn workers apart.

* ``stop_process(proc)`` - SIGTERM, then SIGKILL if it has not exited within ten
  seconds: the bot and Azurite are stopped the way a host stops them, yet a stuck
  one never hangs the run.

Which process is which (Linux /proc; None or a skip elsewhere):

* ``child_pids(pid)`` - the child processes of `pid` (the workers of a gunicorn master),
  once there are as many as expected.
* ``sender_pid(request)`` - the pid of the process that sent an aiohttp request to a
  test server on loopback: while the request is being received its socket is open,
  so the socket's owner can be read from /proc. Lets a fake service tell which
  worker called it.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from aiohttp import web


def stop_process(proc: subprocess.Popen | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def child_pids(pid: int, expect: int = 2, timeout: float = 20.0) -> list[int]:
    """The children of `pid`, once there are `expect` of them (the first worker may answer before the second is up)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    if not path.exists():
        pytest.skip("this system does not list a process's children in /proc, so the workers cannot be told apart")
    deadline = time.monotonic() + timeout
    while True:
        found = [int(p) for p in path.read_text().split()]
        if len(found) >= expect or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def sender_pid(request: web.Request) -> int | None:
    """The pid of the process on the other end of `request`'s connection (None: unknown)."""
    peer = request.transport.get_extra_info("peername") if request.transport else None
    return socket_owner(peer[1]) if peer else None


def socket_owner(port: int) -> int | None:
    """The pid holding the TCP socket whose local port is `port`, other than this process (None: not found)."""
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[9] != "0":
                inode = fields[9]
                break
        if inode:
            break
    if not inode:
        return None
    target = f"socket:[{inode}]"
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                if os.readlink(fd) == target:
                    return int(proc.name)
        except OSError:  # gone, or not ours to read
            continue
    return None
