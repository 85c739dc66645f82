"""Bytes on a socket, for requests no HTTP client would send.

The tests of unparsable requests (bad framing, huge headers, NULs) need to put
exactly those bytes on the wire and read whatever comes back until the server
closes the connection.
"""

from __future__ import annotations

import socket


def send_raw(port: int, request: bytes, timeout: float = 10) -> tuple[str, bytes]:
    """Send `request` to 127.0.0.1:`port` as is; return the response head (text) and body (bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read everything
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return head.decode("latin-1"), body
