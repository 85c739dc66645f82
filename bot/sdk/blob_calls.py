"""A conversation's state blob read or written in one plain HTTP call, through the Blob client's own pipeline.

botbuilder-azure's BlobStorage reads a conversation with
`container.get_blob_client(key).download_blob()`: per call that builds a whole
BlobClient (its configuration, generated client and policy objects), a
stream downloader that asks for a range and then deserialises about forty
response headers through msrest into blob properties, and, for a
conversation with no state yet, parses the 404's XML body to raise. A state
blob is a few hundred bytes; that machinery cost most of the bot's CPU per
Blob turn (about 1.3 ms of client CPU a read, against 0.5 ms for one GET sent
this way; bench/workers.py).

So the calls here are one GET or one PUT, sent through the pipeline of the
container client BlobStorage holds: its SharedKey (or SAS) signing, x-ms-date
and request id, retry policy, timeouts, aiohttp transport and connection pool
are the storage library's, unchanged. What is the SDK's stays the SDK's: the
blob of a key is the one BlobClient would address (`quote(key, safe="~/")`),
the contents are BlobStorage's JSON, and the conditions are BlobStorage's
(If-Match with the ETag it read, no condition for "*"). Only failures take the
library's slow path: they are raised as the exceptions its clients raise
(process_storage_error), so callers handle them as before.

Relies on azure-storage-blob 12.7.0's ContainerClient internals (`_pipeline`,
`_hosts`, `_query_str`), the version botbuilder-azure 4.17.1 pins.
"""

from __future__ import annotations

from urllib.parse import quote

from azure.core.exceptions import HttpResponseError
from azure.core.pipeline.transport import HttpRequest
from azure.storage.blob._shared.response_handlers import process_storage_error


class BlobCalls:
    """GET and PUT of one blob in a container, signed and retried by the container client's pipeline."""

    def __init__(self, container_client):
        self._pipeline = container_client._pipeline
        host = container_client._hosts[container_client._location_mode]
        self._prefix = f"{container_client.scheme}://{host}/{quote(container_client.container_name)}/"
        self._query = container_client._query_str  # a SAS token's query, or ""
        self._version = container_client.api_version

    def url(self, name: str) -> str:
        """The address BlobClient would use for this blob name."""
        return f"{self._prefix}{quote(name, safe='~/')}{self._query}"

    async def get(self, name: str) -> tuple[bytes, str] | None:
        """(contents, ETag without quotes) of the blob, or None when it (or its container) does not exist."""
        request = HttpRequest("GET", self.url(name))
        request.headers["x-ms-version"] = self._version
        response = (await self._pipeline.run(request)).http_response
        if response.status_code == 200:
            return response.body(), response.headers["ETag"].replace('"', "")
        if response.status_code == 404:
            return None
        _raise(response)

    async def put(self, name: str, data: bytes, *, if_match: str | None = None, if_absent: bool = False) -> str:
        """Write the blob whole; returns its new ETag.

        if_match: only over this version (412 otherwise); if_absent: only if there is
        none (409 otherwise); neither: whatever is there is replaced.
        """
        request = HttpRequest("PUT", self.url(name))
        request.headers["x-ms-version"] = self._version
        request.headers["x-ms-blob-type"] = "BlockBlob"
        request.headers["Content-Type"] = "application/octet-stream"
        if if_match is not None:
            request.headers["If-Match"] = if_match
        if if_absent:
            request.headers["If-None-Match"] = "*"
        request.set_bytes_body(data)
        response = (await self._pipeline.run(request)).http_response
        if response.status_code == 201:
            return (response.headers.get("ETag") or "").replace('"', "")
        _raise(response)


def _raise(response) -> None:
    """The exception the storage library's own clients raise for this response (with its error_code)."""
    process_storage_error(HttpResponseError(response=response))
