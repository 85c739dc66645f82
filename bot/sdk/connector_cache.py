"""Reusing the SDK's outbound clients instead of building them for every activity.

The stock CloudAdapter asks its BotFrameworkAuthentication for a new
ConnectorClient and a new UserTokenClient on every incoming activity. Each one
runs msrest's configuration and retry-policy set-up (about 14 ms of CPU), which
alone caps a 2-core server at a few dozen activities per second. The SDK's C#
and JavaScript adapters cache connector clients; this module does the same for
Python, as a wrapper around the SDK's own authentication object:

* authentication itself is delegated unchanged: every request is still checked
  by the SDK before any client is handed out;
* connector clients are built by the SDK's own connector factory (same
  credentials, same audience, same user agent) and memoised per
  (service URL, audience, app id) in a bounded LRU, so a stranger naming many
  service URLs cannot grow memory without bound;
* the user-token client (only needed for sign-in flows, which this bot does not
  use) is built on first use instead of on every turn;
* the clients send on one shared aiohttp session (SharedSessionDriver) instead
  of `requests` on a thread pool, so replies reuse keep-alive connections and
  no thread hop is paid per reply, and serialise replies without msrest's
  generic walk (bot/sdk/reply_serialiser.py; same JSON, a tenth of the CPU).
"""

from __future__ import annotations

import asyncio
import configparser
import weakref
from collections import OrderedDict
from typing import Awaitable, Callable, Dict, List

import aiohttp
import requests
from botbuilder.schema import Activity, TokenResponse
from botframework.connector import AsyncBfPipeline
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AppCredentials,
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from botframework.connector.token_api.models import SignInUrlResponse, TokenExchangeRequest, TokenStatus
from msrest.async_client import AsyncPipeline
from msrest.authentication import Authentication
from msrest.serialization import Deserializer, Serializer
from msrest.universal_http import AsyncClientResponse, ClientRequest
from msrest.universal_http.async_requests import AsyncRequestsHTTPSender

from . import reply_transport
from .outbound_token import OutboundToken, OutboundTokens
from .reply_serialiser import JsonNativeSerializer

ConnectorKey = tuple[str, str | None, str | None]


def app_id_of(claims_identity: ClaimsIdentity | None) -> str | None:
    """The bot's app id as the SDK derives it (audience claim, else appid claim)."""
    if claims_identity is None:
        return None
    app_id = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    if app_id is None:
        app_id = claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)
    return app_id


class ConnectorCache:
    """A bounded LRU of ConnectorClients; a ConnectorClient is safe to share between turns."""

    def __init__(self, max_size: int = 256, *, reply_timeout: float = 30.0, token_timeout: float = 10.0):
        self.max_size = max_size
        self._clients: OrderedDict[ConnectorKey, ConnectorClient] = OrderedDict()
        self.builds = 0  # how many clients were built (tests and benchmarks read it)
        # Set by the app on start-up: clients built after that send on this session.
        self.session: aiohttp.ClientSession | None = None
        # One reply's deadline, retries included (bot/sdk/reply_transport.py).
        self.timeout = aiohttp.ClientTimeout(total=reply_timeout, sock_connect=min(10.0, reply_timeout))
        # The bot's token, shared by every client of the same app id and audience.
        self.tokens = OutboundTokens(timeout=token_timeout)

    def __len__(self) -> int:
        return len(self._clients)

    async def get(self, key: ConnectorKey, build: Callable[[], Awaitable[ConnectorClient]]) -> ConnectorClient:
        client = self._clients.get(key)
        if client is not None:
            self._clients.move_to_end(key)
            return client
        client = await build()
        if self.session is not None:
            tune_connector(client, self.session, self.timeout, self.tokens)
        self.builds += 1
        self._clients[key] = client
        while len(self._clients) > self.max_size:
            self._clients.popitem(last=False)
        return client


class CachingConnectorFactory(ConnectorFactory):
    """The SDK's connector factory for one app id, with its results memoised."""

    def __init__(self, inner: ConnectorFactory, app_id: str | None, cache: ConnectorCache):
        self._inner = inner
        self._app_id = app_id
        self._cache = cache

    async def create(self, service_url: str, audience: str = None) -> ConnectorClient:
        key = (service_url, audience, self._app_id)
        return await self._cache.get(key, lambda: self._inner.create(service_url, audience))


class LazyUserTokenClient(UserTokenClient):
    """Builds the SDK's user-token client the first time one of its methods is called."""

    def __init__(self, build: Callable[[], Awaitable[UserTokenClient]]):
        super().__init__()
        self._build = build
        self._client: UserTokenClient | None = None
        self._lock = asyncio.Lock()

    @property
    def built(self) -> bool:
        return self._client is not None

    async def _get(self) -> UserTokenClient:
        if self._client is None:
            async with self._lock:
                if self._client is None:
                    self._client = await self._build()
        return self._client

    async def get_user_token(self, user_id: str, connection_name: str, channel_id: str, magic_code: str) -> TokenResponse:
        return await (await self._get()).get_user_token(user_id, connection_name, channel_id, magic_code)

    async def get_sign_in_resource(self, connection_name: str, activity: Activity, final_redirect: str) -> SignInUrlResponse:
        return await (await self._get()).get_sign_in_resource(connection_name, activity, final_redirect)

    async def sign_out_user(self, user_id: str, connection_name: str, channel_id: str):
        return await (await self._get()).sign_out_user(user_id, connection_name, channel_id)

    async def get_token_status(self, user_id: str, channel_id: str, include_filter: str) -> List[TokenStatus]:
        return await (await self._get()).get_token_status(user_id, channel_id, include_filter)

    async def get_aad_tokens(
        self, user_id: str, connection_name: str, resource_urls: List[str], channel_id: str
    ) -> Dict[str, TokenResponse]:
        return await (await self._get()).get_aad_tokens(user_id, connection_name, resource_urls, channel_id)

    async def exchange_token(
        self, user_id: str, connection_name: str, channel_id: str, exchange_request: TokenExchangeRequest
    ) -> TokenResponse:
        return await (await self._get()).exchange_token(user_id, connection_name, channel_id, exchange_request)


class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication):
    """Delegates everything to the SDK's authentication; only client creation is cached/deferred."""

    def __init__(self, inner: BotFrameworkAuthentication, cache: ConnectorCache | None = None):
        self._inner = inner
        self.connectors = cache if cache is not None else ConnectorCache()  # an empty cache is falsy
        self._user_token_clients: dict[str | None, LazyUserTokenClient] = {}

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = CachingConnectorFactory(
                result.connector_factory, app_id_of(result.claims_identity), self.connectors
            )
        return result

    async def authenticate_streaming_request(self, auth_header: str, channel_id_header: str) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return CachingConnectorFactory(
            self._inner.create_connector_factory(claims_identity), app_id_of(claims_identity), self.connectors
        )

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # The SDK's client depends on the app id in the claims alone (its credentials and
        # endpoint follow from it), so one lazy client per app id serves every turn.
        app_id = app_id_of(claims_identity)
        client = self._user_token_clients.get(app_id)
        if client is None:
            client = LazyUserTokenClient(lambda: self._inner.create_user_token_client(claims_identity))
            if len(self._user_token_clients) >= 64:
                self._user_token_clients.pop(next(iter(self._user_token_clients)))
            self._user_token_clients[app_id] = client
        return client

    def create_bot_framework_client(self):
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)


class SharedSessionDriver(AsyncRequestsHTTPSender):
    """msrest's HTTP driver, sending on one shared aiohttp session instead of `requests` in a thread.

    The SDK's default driver runs every outbound call through `requests` on the
    default thread pool. This subclass keeps msrest's pipeline and the SDK's
    user agent; the bearer token comes from the bot's OutboundToken (fetched
    off the loop, bot/sdk/outbound_token.py), since the credentials step msrest
    runs would fetch it on the loop. Same pattern as the SDK's own
    StreamingHttpDriver, which swaps the transport the same way.
    """

    def __init__(self, config, session: aiohttp.ClientSession, timeout: aiohttp.ClientTimeout,
                 token: OutboundToken | None):
        super().__init__(config)
        self.config = None  # msrest keeps it only to build a requests.Session, which this driver never uses
        self._aio = session
        self._timeout = timeout
        self._token = token

    async def send(self, request: ClientRequest, **kwargs) -> AsyncClientResponse:
        headers = dict(request.headers)
        headers.pop("Authorization", None)
        authorization = await self._token.authorization() if self._token is not None else None
        if authorization:
            headers["Authorization"] = authorization
        return await reply_transport.send(self._aio, request, headers, self._timeout)


class KeptTokenCredentials(Authentication):
    """The client's AppCredentials as msrest's credentials step sees them: the kept token, never a fetch.

    Attributes (microsoft_app_id, oauth_scope, ...) are the SDK's credentials'.
    """

    def __init__(self, credentials: AppCredentials, token: OutboundToken):
        self._credentials = credentials
        self._token = token

    def __getattr__(self, name):
        return getattr(self._credentials, name)

    def signed_session(self, session=None):
        session = session or requests.Session()
        header = self._token.current()
        if header:
            session.headers["Authorization"] = header
        else:
            session.headers.pop("Authorization", None)
        return session


def tune_connector(client: ConnectorClient, session: aiohttp.ClientSession, timeout: aiohttp.ClientTimeout,
                   tokens: OutboundTokens | None = None) -> ConnectorClient:
    """Send on the shared session, with the token kept off the loop, and serialise cards with JsonNativeSerializer.

    Replies go out through DirectConversationsOperations (bot/sdk/reply_transport.py);
    every other operation keeps msrest's pipeline, on SharedSessionDriver.
    User agent stays the SDK's; the token comes from the same credentials.
    """
    config = client.config
    token = None
    if isinstance(config.credentials, AppCredentials):
        tokens = tokens or OutboundTokens(timeout=10.0)
        token = tokens.for_credentials(config.credentials)
        config.credentials = KeptTokenCredentials(config.credentials, token)
    replaced = (client._serialize, client._deserialize, config.pipeline)
    config.driver = SharedSessionDriver(config, session, timeout, token)
    config.sender = None
    config.pipeline = AsyncBfPipeline(config)
    serializer, deserializer = _shared_codecs(client._serialize)
    for holder in (client, client.attachments, client.conversations):
        holder._serialize, holder._deserialize = serializer, deserializer
    client.conversations = reply_transport.DirectConversationsOperations(client, session, timeout, token)
    _break_cycles(*replaced)
    # When the client is dropped (evicted from the cache and no turn holds it), the
    # cyclic parts it owns are taken apart so reference counting frees them at once.
    weakref.finalize(client, _break_cycles, getattr(config, "_config", None), config.driver.session)
    return client


_CODECS: dict[frozenset, tuple[JsonNativeSerializer, Deserializer]] = {}


def _shared_codecs(original: Serializer) -> tuple[JsonNativeSerializer, Deserializer]:
    """One JsonNativeSerializer and one Deserializer for every client: they hold only the (shared) model classes."""
    key = frozenset(original.dependencies.items())  # each client builds its own dict of the same classes
    codecs = _CODECS.get(key)
    if codecs is None:
        serializer = JsonNativeSerializer(original.dependencies)
        serializer.client_side_validation = original.client_side_validation
        codecs = _CODECS[key] = (serializer, Deserializer(original.dependencies))
    return codecs


def _break_cycles(*parts) -> None:
    """Take apart objects msrest and requests build in reference cycles (a client's own, used by nobody else).

    A ConnectorClient is freed by reference counting, but parts of it are cycles
    (a Serializer's table of its own bound methods, a ConfigParser and its section
    proxies, a requests.Session): about 5 KB per client that only the cyclic
    collector frees, and the server runs that collector rarely (bot/web/process.py,
    gc.freeze and raised thresholds). A bot shown many serviceUrls kept them all.
    """
    for part in parts:
        if part is None or not getattr(part, "__dict__", None):
            continue  # absent, or taken apart already
        if isinstance(part, AsyncPipeline):
            sender = getattr(part, "_sender", None)
            driver = getattr(sender, "driver", None)
            _break_cycles(getattr(driver, "session", None))  # its config is the client's: taken apart with the client
            continue
        if isinstance(part, requests.Session):
            part.close()
        if isinstance(part, configparser.RawConfigParser):
            for proxy in part._proxies.values():
                proxy.__dict__.clear()
        part.__dict__.clear()
