"""Posting a turn's replies to the channel: the connector's two send operations, without msrest's pipeline.

A turn ends in `conversations.reply_to_activity` (or `send_to_conversation`)
on the SDK's ConnectorClient. msrest builds that call generically: URL
templating and validation, `urljoin`, a ClientRequest with case-insensitive
headers, a chain of policies (user agent, credentials, logging, raw
deserialiser), then reads the answer back through its Deserializer. For a
reply that is about as much CPU as the HTTP exchange itself, and it is paid on
every turn.

`DirectConversationsOperations` is the SDK's ConversationsOperations with those
two methods doing the same request directly on the shared aiohttp session:

* the same URL (`{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`,
  path parts quoted as msrest quotes them), the same headers (Accept,
  Content-Type, x-ms-conversation-id, the SDK's User-Agent) and the same JSON
  body (the connector's own serializer);
* the same credentials step: the client's AppCredentials sign a session exactly
  as msrest's credentials policy has them do (a bearer token when the bot has
  an app id, none when it is anonymous), and that Authorization header is sent;
* the same results: a ResourceResponse for 200/201/202, the SDK's
  ErrorResponseException for any other status, ClientRequestError when the
  channel cannot be reached (connection attempts retried, a POST that reached
  the channel never re-sent).

Anything unusual (raw responses, per-call operation options, ids that are not
strings, a templated service URL) goes to the SDK's own implementation.
tests/test_bot_reply_transport.py compares URLs, headers and bodies with what
msrest sends, on a live local sink.
"""

from __future__ import annotations

import asyncio
from urllib.parse import quote, urljoin

import aiohttp
import requests
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.models import ErrorResponseException, ResourceResponse
from msrest.exceptions import ClientRequestError
from msrest.universal_http import ClientRequest
from msrest.universal_http.aiohttp import AioHttpClientResponse
from requests.utils import requote_uri
from yarl import URL

from .. import json_codec

# Like the stock driver (urllib3's Retry under msrest), a connection that cannot
# be established is retried; a request that reached the channel is never re-sent.
CONNECT_RETRIES = 2
CONNECT_BACKOFF_SECONDS = (0.2, 0.6)


class LoadedResponse(AioHttpClientResponse):
    """msrest's aiohttp response, lenient about what a channel answers to a delivered reply.

    A 2xx means the channel accepted the reply. The Bot Connector answers with a
    ResourceResponse (JSON), but emulators and test channels answer with no body
    (offline Direct Line) or plain text; msrest would fail the turn over that
    (its aiohttp response even treats an empty body as "not loaded"). So a 2xx
    body that is not a JSON object is treated as empty: delivered, no id.
    """

    def __init__(self, request: ClientRequest, raw: aiohttp.ClientResponse, body: bytes):
        super().__init__(request, raw)
        self._body = body if _json_object(body) is not None or not 200 <= raw.status < 300 else b""

    async def load_body(self) -> None:
        pass  # read in exchange()

    def body(self) -> bytes:
        return self._body

    def text(self, encoding: str | None = None) -> str:
        """The body as text, never failing: a channel's error page may be in any encoding.

        msrest decodes strictly, so a Latin-1 error page would turn an undelivered
        reply (502) into a crashed turn; `requests`, the stock transport, decodes
        leniently, as this does.
        """
        charset = encoding or self.internal_response.charset or "utf-8"
        try:
            return self._body.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know
            return self._body.decode("utf-8", errors="replace")


def _json_object(body: bytes) -> dict | None:
    if not body:
        return None
    try:
        data = json_codec.loads(body)
    except (ValueError, RecursionError):
        return None
    return data if type(data) is dict else None


async def exchange(
    session: aiohttp.ClientSession, method: str, url: URL | str, data, headers: dict, timeout: aiohttp.ClientTimeout
) -> tuple[aiohttp.ClientResponse, bytes]:
    """One HTTP exchange with the channel: the response and its body; transport failures as msrest's error."""
    attempt = 0
    resent = False
    while True:
        try:
            async with session.request(method, url, data=data, headers=headers, timeout=timeout) as raw:
                return raw, await raw.read()
        except aiohttp.ClientConnectorError as err:
            if attempt >= CONNECT_RETRIES:
                raise ClientRequestError(f"Error occurred in request: cannot connect: {err}") from err
            await asyncio.sleep(CONNECT_BACKOFF_SECONDS[attempt])
            attempt += 1
        except (asyncio.TimeoutError, aiohttp.ClientError) as err:
            # Replies share kept-alive connections; one the channel closed while it sat
            # in the pool fails with ServerDisconnectedError before the channel has read
            # anything. Sent once more, on a fresh connection (the stock transport,
            # urllib3 under msrest, retries such a read failure too).
            if isinstance(err, aiohttp.ServerDisconnectedError) and not resent:
                resent = True
                continue
            raise ClientRequestError(f"Error occurred in request: {type(err).__name__}: {err}") from err


async def send(
    session: aiohttp.ClientSession, request: ClientRequest, headers: dict, timeout: aiohttp.ClientTimeout
) -> LoadedResponse:
    """exchange() for msrest's pipeline: the answer as a loaded msrest response."""
    url = request.url
    # The URL as `requests` (msrest's own transport) would send it; aiohttp would
    # otherwise requote it its own way (e.g. decode %3A in a Teams conversation id).
    target = URL(requote_uri(url), encoded=True) if url.isascii() else url
    raw, body = await exchange(session, request.method, target, request.data, headers, timeout)
    return LoadedResponse(request, raw, body)


class DirectConversationsOperations(ConversationsOperations):
    """The SDK's conversation operations; the two a turn uses to reply skip msrest's pipeline."""

    def __init__(self, client, session: aiohttp.ClientSession, timeout: aiohttp.ClientTimeout):
        super().__init__(client._client, client.config, client._serialize, client._deserialize)
        self._session = session
        self._timeout = timeout
        self._credentials = client.config.credentials
        self._signed = requests.Session()  # what the credentials sign, as msrest's policy has them do
        base_url = client.config.base_url
        # msrest formats the base URL as a template too, so a service URL with braces keeps
        # msrest's path; so do credentials that are an msrest policy rather than AppCredentials.
        direct = "{" not in base_url and "}" not in base_url and (
            self._credentials is None or hasattr(self._credentials, "signed_session"))
        prefix = urljoin(base_url.rstrip("/") + "/", "v3/conversations/")
        # Non-ASCII hosts or paths need requests' IDNA and quoting rules: msrest's path.
        self._prefix = requote_uri(prefix) if direct and prefix.isascii() else None
        self._static_headers = {
            "Accept": "application/json",
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": client.config.user_agent,
        }

    async def reply_to_activity(self, conversation_id, activity_id, activity, *, custom_headers=None, raw=False,
                                **operation_config):
        path = self._path(conversation_id, activity_id) if activity_id is not None else None
        if path is None or raw or operation_config:  # msrest's own path (and its validation)
            return await super().reply_to_activity(conversation_id, activity_id, activity,
                                                   custom_headers=custom_headers, raw=raw, **operation_config)
        headers = {"x-ms-conversation-id": conversation_id}
        return await self._post(path, headers, activity, custom_headers)

    async def send_to_conversation(self, conversation_id, activity, *, custom_headers=None, raw=False,
                                   **operation_config):
        path = self._path(conversation_id)
        if path is None or raw or operation_config:
            return await super().send_to_conversation(conversation_id, activity,
                                                      custom_headers=custom_headers, raw=raw, **operation_config)
        return await self._post(path, {}, activity, custom_headers)

    def _path(self, conversation_id, activity_id=None) -> str | None:
        """The request URL, or None where msrest must build it (and validate what it is given)."""
        if self._prefix is None or type(conversation_id) is not str or not conversation_id:
            return None
        parts = [quote(conversation_id, safe=""), "activities"]
        if activity_id is not None:
            if type(activity_id) is not str or not activity_id:
                return None
            parts.append(quote(activity_id, safe=""))
        if "." in parts or ".." in parts:
            return None  # dot segments: urljoin would resolve them; keep its exact answer
        return self._prefix + "/".join(parts)  # quoted as requests sends it: aiohttp must not requote it

    async def _post(self, url: str, extra_headers: dict, activity, custom_headers) -> ResourceResponse | None:
        data = self._body_bytes(activity)
        headers = dict(self._static_headers)
        headers.update(extra_headers)
        if custom_headers:
            headers.update(custom_headers)
        authorization = None
        if self._credentials is not None:
            authorization = self._credentials.signed_session(self._signed).headers.get("Authorization")
        if authorization:
            headers["Authorization"] = authorization
        raw, body = await exchange(self._session, "POST", URL(url, encoded=True), data, headers, self._timeout)
        if raw.status not in (200, 201, 202):
            request = ClientRequest("POST", url, headers=headers, data=data)
            raise ErrorResponseException(self._deserialize, LoadedResponse(request, raw, body))
        return self._resource_response(body)

    def _body_bytes(self, activity) -> bytes:
        body_json = getattr(self._serialize, "body_json", None)  # JsonNativeSerializer's, cards spliced in
        if body_json is not None:
            return body_json(activity, "Activity")
        return json_codec.dumps(self._serialize.body(activity, "Activity"))

    def _resource_response(self, body: bytes) -> ResourceResponse | None:
        data = _json_object(body)
        if data is None:
            return None
        if data.keys() <= {"id"} and (data.get("id") is None or type(data["id"]) is str):
            return ResourceResponse(id=data.get("id"))
        return self._deserialize("ResourceResponse", data)


# msrest's operations read their URL template from the method (self.reply_to_activity.metadata),
# which here is the override; the fallback to the SDK's implementation needs it there too.
DirectConversationsOperations.reply_to_activity.metadata = ConversationsOperations.reply_to_activity.metadata
DirectConversationsOperations.send_to_conversation.metadata = ConversationsOperations.send_to_conversation.metadata
