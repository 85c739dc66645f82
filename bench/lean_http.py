"""The cheapest HTTP/1.1 this benchmark can use on its own side: a keep-alive load generator and a connector sink.

bench/workers.py runs the load generator, the sink, Azurite and the bot on the
same cores, so what the first two burn is taken from what is measured. With
aiohttp on both ends they cost about 0.7 ms of CPU per activity, more than a
fifth of a Blob turn. Here each is plain asyncio on uvloop: the generator
writes a ready-made request on one of `concurrency` kept-alive connections
and reads the reply's status line and Content-Length; the sink reads a
request's head and body and answers a fixed 200 with an id. Neither is a
general HTTP implementation (no chunked bodies, no pipelining) and neither
needs to be: the peers are the bot's aiohttp server and its aiohttp client.

    python bench/lean_http.py sink PORT     # POST .../activities -> 200 {"id": "N"}; GET /count
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

try:
    import uvloop
except ImportError:  # Windows: the standard loop
    uvloop = None


class Sink(asyncio.Protocol):
    """One connection from the bot's connector client; every POST is counted and answered at once."""

    received = 0

    def connection_made(self, transport):
        self.transport = transport
        self.buffer = bytearray()

    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end]).decode("latin-1")
            length = 0
            for header in head.split("\r\n")[1:]:
                name, _, value = header.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if len(self.buffer) < end + 4 + length:
                return
            del self.buffer[: end + 4 + length]
            if head.startswith("POST "):
                Sink.received += 1
                body = b'{"id":"%d"}' % Sink.received
            else:  # GET /count, /healthz
                body = json.dumps({"received": Sink.received}).encode()
            self.transport.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                                 % (len(body), body))


async def serve_sink(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Sink, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


def request_bytes(host: str, path: str, body: bytes) -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


async def load(url: str, bodies: list[bytes], concurrency: int) -> tuple[float, list[float], int]:
    """POST every body to url over `concurrency` kept-alive connections: (seconds, latencies, non-2xx count)."""
    rest = url.split("://", 1)[1]
    hostport, _, path = rest.partition("/")
    host, _, port = hostport.partition(":")
    requests = iter([request_bytes(hostport, "/" + path, b) for b in bodies])
    latencies: list[float] = []
    errors = 0

    async def connection():
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            for req in requests:
                t = time.perf_counter()
                writer.write(req)
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head[9:12])
                lower = head.lower()
                at = lower.find(b"content-length:")
                if at < 0:
                    raise RuntimeError(f"a reply without Content-Length: {head[:200]!r}")
                length = int(lower[at + 15: lower.index(b"\r\n", at)])
                if length:
                    await reader.readexactly(length)
                if status >= 300:
                    errors += 1
                latencies.append(time.perf_counter() - t)
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies, errors


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] != "sink":
        sys.exit(__doc__)
    (uvloop.run if uvloop is not None else asyncio.run)(serve_sink(int(sys.argv[2])))


if __name__ == "__main__":
    main()
