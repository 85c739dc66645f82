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
* the same credentials: a bearer token from the client's AppCredentials when
  the bot has an app id, none when it is anonymous; but fetched off the event
  loop, with a deadline, and kept (bot/sdk/outbound_token.py);
* the same results: a ResourceResponse for 200/201/202, the SDK's
  ErrorResponseException for any other status, ClientRequestError when the
  channel cannot be reached (connection attempts retried, a 429 retried after
  its Retry-After, a POST that may have reached the channel never re-sent).

Anything unusual (raw responses, per-call operation options, ids that are not
strings, a templated service URL) goes to the SDK's own implementation.
tests/test_bot_reply_transport.py compares URLs, headers and bodies with what
msrest sends, on a live local sink.
"""

from __future__ import annotations

import asyncio
import re
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import quote, urljoin

import aiohttp
from botframework.connector.aio.operations_async import ConversationsOperations
from botframework.connector.models import ErrorResponseException, ResourceResponse
from msrest.exceptions import ClientRequestError
from msrest.universal_http import ClientRequest
from msrest.universal_http.aiohttp import AioHttpClientResponse
from requests.utils import requote_uri
from yarl import URL

from .. import json_codec
from .outbound_token import OutboundToken

# A connection that could not be opened carried nothing: it is tried again, after these pauses.
CONNECT_BACKOFF_SECONDS = (0.2, 0.6)
# A 429 whose Retry-After is at most this many seconds (and fits in the reply's deadline) is sent
# again once the channel allows, up to THROTTLED_RETRIES times; a longer wait fails the reply.
RETRY_AFTER_CAP_SECONDS = 10.0
THROTTLED_RETRIES = 2

# What quote(text, safe="") leaves as it is: ASCII letters, digits and "_.-~". Ids made only of
# these (most channels' conversation and activity ids) skip quote's per-character work.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")


def _quoted(text: str) -> str:
    return text if _UNRESERVED.fullmatch(text) else quote(text, safe="")


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
    """One HTTP exchange with the channel: the response and its body; transport failures as msrest's error.

    `timeout.total` is the reply's deadline, retries included. Only what cannot
    have reached the channel is sent again: a connection that could not be
    opened, and a request the channel refused with 429 and a Retry-After that
    fits in the deadline. A request the channel may have read (it answered
    nothing, closed or reset the connection, or stalled past the deadline) is
    never re-sent: a second attempt could post the reply twice.
    """
    deadline = time.monotonic() + (timeout.total or 30.0)
    connect_failures = throttled = 0
    # The first attempt has the whole deadline: `timeout` itself, no new ClientTimeout per reply.
    attempt_timeout = timeout if timeout.total else None
    while True:
        if attempt_timeout is None or connect_failures or throttled:
            left = deadline - time.monotonic()
            attempt_timeout = aiohttp.ClientTimeout(total=max(left, 0.001), sock_connect=timeout.sock_connect)
        try:
            async with session.request(method, url, data=data, headers=headers, timeout=attempt_timeout) as raw:
                body = await raw.read()
        except (aiohttp.ClientConnectorCertificateError, aiohttp.ClientConnectorSSLError) as err:
            raise ClientRequestError(f"Error occurred in request: {type(err).__name__}: {err}") from err
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as err:
            pause = CONNECT_BACKOFF_SECONDS[connect_failures] if connect_failures < len(CONNECT_BACKOFF_SECONDS) else None
            if pause is None or time.monotonic() + pause >= deadline:
                raise ClientRequestError(f"Error occurred in request: cannot connect: {err}") from err
            connect_failures += 1
            await asyncio.sleep(pause)
            continue
        except asyncio.TimeoutError as err:
            raise ClientRequestError(f"Error occurred in request: no answer within {timeout.total:g}s") from err
        except aiohttp.ClientError as err:
            raise ClientRequestError(f"Error occurred in request: {type(err).__name__}: {err}") from err
        if raw.status == 429 and throttled < THROTTLED_RETRIES:
            pause = retry_after_seconds(raw.headers.get("Retry-After"))
            if pause is not None and pause <= RETRY_AFTER_CAP_SECONDS and time.monotonic() + pause < deadline:
                throttled += 1
                await asyncio.sleep(pause)
                continue
        return raw, body


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header (delta-seconds or an HTTP date) as seconds from now; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


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

    def __init__(self, client, session: aiohttp.ClientSession, timeout: aiohttp.ClientTimeout,
                 token: OutboundToken | None):
        super().__init__(client._client, client.config, client._serialize, client._deserialize)
        self._session = session
        self._timeout = timeout
        self._token = token  # the bot's token (bot/sdk/outbound_token.py); None: the credentials are msrest's own
        # An anonymous bot's replies carry no token (the credentials' app id, fixed for this client, says so):
        # decided here once, not with a coroutine per reply.
        self._signed = token is not None and token.needed
        base_url = client.config.base_url
        # msrest formats the base URL as a template too, so a service URL with braces keeps
        # msrest's path; so do credentials that are an msrest policy rather than AppCredentials.
        direct = "{" not in base_url and "}" not in base_url and (
            token is not None or client.config.credentials is None)
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
        parts = [_quoted(conversation_id), "activities"]
        if activity_id is not None:
            if type(activity_id) is not str or not activity_id:
                return None
            parts.append(_quoted(activity_id))
        if "." in parts or ".." in parts:
            return None  # dot segments: urljoin would resolve them; keep its exact answer
        return self._prefix + "/".join(parts)  # quoted as requests sends it: aiohttp must not requote it

    async def _post(self, url: str, extra_headers: dict, activity, custom_headers) -> ResourceResponse | None:
        data = self._body_bytes(activity)
        headers = dict(self._static_headers)
        headers.update(extra_headers)
        if custom_headers:
            headers.update(custom_headers)
        authorization = await self._token.authorization() if self._signed else None
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
