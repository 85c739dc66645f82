"""The Bot Framework adapter as the web layer uses it: build it, run a turn, close it.

bot/web/ never touches the SDK's integration package (CloudAdapter,
ConfigurationBotFrameworkAuthentication, serializer_helper) nor our
replacements of its parts; it holds one BotFrameworkAdapter and calls
`authenticate`, `run_turn`, `invoke_problem`, `invoke_body` and `error_message`. Everything that depends on how
the SDK is put together is wired here:
* authentication by the SDK, reading our config through SdkSettings;
* connector clients cached and tuned (bot/sdk/connector_cache.py), replies
  sent on one shared aiohttp session opened at start-up;
* token checks off the event loop (bot/sdk/request_auth.py);
* the activity read from JSON without msrest's walk (bot/sdk/activity_reader.py);
* invokes checked before the turn and their responses made plain JSON (bot/sdk/invokes.py).
"""

from __future__ import annotations

from typing import Awaitable, Callable

import aiohttp
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity

from ..config import BotConfig
from .activity_reader import read_activity
from .invokes import error_message, invoke_body, invoke_problem
from .connector_cache import ConnectorCache, ReusingBotFrameworkAuthentication
from .request_auth import NotAuthenticated, RequestAuthenticator
from .settings import SdkSettings
from .turn_context import AddressingTurnContext

__all__ = ["BotFrameworkAdapter", "NotAuthenticated", "error_message", "invoke_body", "invoke_problem", "read_activity"]

TurnHandler = Callable[[TurnContext], Awaitable[None]]
OnTurnError = Callable[[TurnContext, Exception], Awaitable[None]]


class _CloudAdapter(CloudAdapter):
    """The SDK's CloudAdapter, whose turns address their replies cheaply (bot/sdk/turn_context.py)."""

    def _create_turn_context(self, activity, claims_identity, oauth_scope, connector_client, user_token_client,
                             logic, connector_factory) -> TurnContext:
        context = AddressingTurnContext(self, activity)
        state = context.turn_state
        state[self.BOT_IDENTITY_KEY] = claims_identity
        state[self.BOT_CONNECTOR_CLIENT_KEY] = connector_client
        state[self.USER_TOKEN_CLIENT_KEY] = user_token_client
        state[self.BOT_CALLBACK_HANDLER_KEY] = logic
        state[self.CONNECTOR_FACTORY_KEY] = connector_factory
        state[self.BOT_OAUTH_SCOPE_KEY] = oauth_scope
        return context


class BotFrameworkAdapter:
    """One per app: the SDK's CloudAdapter with our authentication and outbound clients."""

    def __init__(self, config: BotConfig, on_turn_error: OnTurnError):
        self._config = config
        sdk_auth = ConfigurationBotFrameworkAuthentication(SdkSettings(config))
        self.auth = ReusingBotFrameworkAuthentication(sdk_auth, ConnectorCache(
            config.connector_cache_size,
            reply_timeout=config.reply_timeout_seconds,
            token_timeout=config.token_timeout_seconds,
        ))
        self.cloud_adapter = _CloudAdapter(self.auth)
        self.cloud_adapter.on_turn_error = on_turn_error
        self.authenticator = RequestAuthenticator(
            self.auth, enabled=not config.anonymous, timeout=config.auth_timeout_seconds, app_id=config.app_id
        )

    @property
    def connectors(self) -> ConnectorCache:
        return self.auth.connectors

    async def authenticate(self, activity: Activity, auth_header: str):
        """The SDK's verdict on who sent the activity; raises NotAuthenticated."""
        return await self.authenticator.authenticate(activity, auth_header)

    async def run_turn(self, auth_result, activity: Activity, handler: TurnHandler) -> InvokeResponse | None:
        """Run one turn through the SDK's pipeline; what on_turn_error raises comes out here."""
        return await self.cloud_adapter.process_activity(auth_result, activity, handler)

    async def open(self) -> None:
        """Open the shared outbound session (at app start-up, inside the running loop)."""
        # Outbound replies share one session (keep-alive pool); see bot/sdk/connector_cache.py.
        # No cookie jar: channels do not use cookies, and a jar is consulted on every request.
        # A proxy from the environment is honoured as the SDK's own transport (requests) does.
        self.connectors.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=256, limit_per_host=64),
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=self.connectors.timeout,
            trust_env=self._config.outbound_proxy_from_env,
        )

    async def close(self) -> None:
        self.authenticator.close()
        if self.connectors.session is not None:
            await self.connectors.session.close()

