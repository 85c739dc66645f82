"""A connector that misbehaves on purpose, on raw sockets, for the fault tests.

``MisbehavingChannel(behaviour)`` listens on a free loopback port in a
background thread and treats every connection the way ``behaviour`` says:

* ``"ok"``                 - reads the reply, answers 200 with a ResourceResponse
* ``"error-500"``          - reads the reply, answers 500
* ``"throttle-429"``       - the first reply gets 429 with ``Retry-After: 1``, later ones 200
* ``"stall"``              - reads the reply and never answers (until stopped)
* ``"reset-on-accept"``    - resets the connection as soon as it is accepted, reading nothing
* ``"reset-after-read"``   - reads the reply, then resets the connection
* ``"close-without-answer"`` - reads the reply, then closes the connection cleanly, unanswered

``arrived`` counts the replies the channel read in full (what a real channel
would have acted on, whatever it then answered); ``accepted`` counts those it
answered with 2xx; ``connections`` counts the connections it saw. ``url`` is the
serviceUrl to put in an activity. ``behaviour`` may be changed while it runs.
``wait_arrived(n)`` waits until n replies have been read.
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import threading
import time

from .bot_server import free_port

BEHAVIOURS = ("ok", "error-500", "throttle-429", "stall", "reset-on-accept", "reset-after-read", "close-without-answer")


class MisbehavingChannel:
    def __init__(self, behaviour: str = "ok"):
        assert behaviour in BEHAVIOURS, behaviour
        self.behaviour = behaviour
        self.arrived = 0
        self.accepted = 0
        self.connections = 0
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._throttled = False
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="misbehaving-channel", daemon=True)
        self._server: asyncio.AbstractServer | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    def start(self) -> "MisbehavingChannel":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._listen(), self._loop).result(10)
        return self

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    def stop(self) -> None:
        async def _stop():
            if self._server is not None:
                self._server.close()
            for writer in list(self._writers):
                writer.transport.abort()

        asyncio.run_coroutine_threadsafe(_stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def wait_arrived(self, n: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.arrived < n:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {n} replies at the channel, got {self.arrived}")
            time.sleep(0.02)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self._writers.add(writer)
        try:
            if self.behaviour == "reset-on-accept":
                _reset(writer)
                return
            while True:  # requests on a kept-alive connection
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                await reader.readexactly(length)
                self.arrived += 1
                behaviour = self.behaviour
                if behaviour == "stall":
                    await asyncio.sleep(3600)
                    return
                if behaviour == "reset-after-read":
                    _reset(writer)
                    return
                if behaviour == "close-without-answer":
                    writer.close()
                    return
                if behaviour == "error-500":
                    _answer(writer, 500, {"error": {"code": "ServiceError", "message": "failing on purpose"}})
                elif behaviour == "throttle-429" and not self._throttled:
                    self._throttled = True
                    _answer(writer, 429, {"error": {"code": "TooManyRequests", "message": "slow down"}},
                            extra=b"Retry-After: 1\r\n")
                else:
                    self.accepted += 1
                    _answer(writer, 200, {"id": f"reply-{self.accepted}"})
                await writer.drain()
        except asyncio.CancelledError:
            pass
        finally:
            self._writers.discard(writer)


def _answer(writer: asyncio.StreamWriter, status: int, body: dict, extra: bytes = b"") -> None:
    data = json.dumps(body).encode()
    writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n" % (status, len(data))
                 + extra + b"\r\n" + data)


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP reset (RST) instead of an orderly FIN."""
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
