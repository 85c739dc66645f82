"""The one place the server is put together: `create_app(config)`.

Everything the app needs is built here from an explicit BotConfig (no module
globals), so tests and benchmarks can start as many differently configured
servers in one process as they like.

Routes: POST /api/messages (Bot Framework activities), GET /healthz, and
POST /api/directline/token when a Direct Line secret is configured (that
route lives in bot/directline_token.py).
"""

from __future__ import annotations

import logging
import time
from importlib import metadata

import aiohttp
from aiohttp import web
from botbuilder.core import MemoryStorage, Storage
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from catalog import Catalog, load_catalog

from .answer_cache import AnswerCache
from .auth import RequestAuthenticator
from .config import BotConfig
from .connectors import ConnectorCache, ReusingBotFrameworkAuthentication
from .conversation import ErrorExplainerBot
from .conversation_state import FingerprintedConversationState
from .directline_token import add_directline_token_route
from .feedback import FeedbackLog
from .messages import MessagesEndpoint
from .problems import CORRELATION_HEADER, Problem, correlation_id, new_correlation_id, problem
from .telemetry import observe_turns
from .turn_errors import on_turn_error

log = logging.getLogger("bot.http")

# The /api/messages handler, for code that swaps the conversation on a built app
# (bench/server_ours_echo.py measures the server stack with an echo bot).
ENDPOINT_KEY = web.AppKey("messages_endpoint", MessagesEndpoint)


def _version() -> str:
    try:
        return metadata.version("error-explainer")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@web.middleware
async def _correlate(request: web.Request, handler):
    """Give every request a correlation id, answer every error as problem+json, log one line."""
    cid = new_correlation_id(request.headers.get(CORRELATION_HEADER))
    token = correlation_id.set(cid)
    started = time.perf_counter()
    try:
        try:
            response = await handler(request)
        except Problem as p:
            response = p.response(cid)
        except web.HTTPException as exc:  # the router's 404/405, aiohttp's own 413
            if exc.status < 400:
                raise
            headers = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else None
            response = problem(exc.status, exc.reason.lower().replace(" ", "-"), exc.reason,
                               f"{request.method} {request.path}: {exc.reason.lower()}", cid, headers=headers)
        except Exception:
            log.exception("unhandled error in %s %s", request.method, request.path)
            response = problem(500, "internal-error", "Internal error",
                               "the server failed while handling this request; quote the correlation id", cid)
        response.headers[CORRELATION_HEADER] = cid
        elapsed_ms = (time.perf_counter() - started) * 1000
        if response.status >= 400:
            log.warning("%s %s -> %d %.1fms", request.method, request.path, response.status, elapsed_ms)
        elif log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s -> %d %.1fms", request.method, request.path, response.status, elapsed_ms)
        return response
    finally:
        correlation_id.reset(token)


def create_app(
    config: BotConfig | None = None,
    *,
    catalog: Catalog | None = None,
    storage: Storage | None = None,
) -> web.Application:
    """Build the aiohttp application: adapter, authentication, bot and routes."""
    config = config or BotConfig()
    config.check()
    catalog = catalog if catalog is not None else load_catalog()
    catalog.matcher  # noqa: B018 - build the matcher's indexes now, not on the first user's question

    sdk_auth = ConfigurationBotFrameworkAuthentication(config)
    auth = ReusingBotFrameworkAuthentication(sdk_auth, ConnectorCache(config.connector_cache_size))
    adapter = CloudAdapter(auth)
    adapter.on_turn_error = on_turn_error

    feedback = FeedbackLog()
    bot = ErrorExplainerBot(
        catalog,
        FingerprintedConversationState(storage or MemoryStorage()),
        feedback,
        max_question_chars=config.max_question_chars,
        typing_threshold_chars=config.typing_threshold_chars,
        answers=AnswerCache(config.answer_cache_size),
    )
    authenticator = RequestAuthenticator(auth, enabled=not config.anonymous, timeout=config.auth_timeout_seconds)
    endpoint = MessagesEndpoint(adapter, observe_turns(bot), authenticator, config.max_body_bytes)

    # client_max_size above our own limit: /api/messages enforces max_body_bytes
    # itself (with a problem+json 413); other routes never read large bodies.
    app = web.Application(middlewares=[_correlate], client_max_size=config.max_body_bytes + 1024)
    app[ENDPOINT_KEY] = endpoint

    app.router.add_route("*", "/api/messages", endpoint.handle)

    version = _version()  # read from the installed metadata once, not on every health probe

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response(
            {
                "status": "ok",
                "version": version,
                "catalog": {"entries": len(catalog), "sources": len(catalog.sources)},
                "authentication": "anonymous" if config.anonymous else "bot-framework",
                "activities": endpoint.stats["activities"],
                "connectors": {"cached": len(auth.connectors), "built": auth.connectors.builds},
                "feedback": feedback.summary(),
                "answer_cache": bot.answers.summary(),
            }
        )

    app.router.add_get("/healthz", healthz, allow_head=True)

    if config.directline_secret:
        add_directline_token_route(app, config)

    async def _open_session(_app: web.Application) -> None:
        # Outbound replies share one session (keep-alive pool); see bot/connectors.py.
        # No cookie jar: channels do not use cookies, and a jar is consulted on every request.
        # A proxy from the environment is honoured as the SDK's own transport (requests) does.
        auth.connectors.session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=256, limit_per_host=64),
            cookie_jar=aiohttp.DummyCookieJar(),
            timeout=auth.connectors.timeout,
            trust_env=config.outbound_proxy_from_env,
        )

    async def _close(_app: web.Application) -> None:
        authenticator.close()
        if auth.connectors.session is not None:
            await auth.connectors.session.close()

    app.on_startup.append(_open_session)
    app.on_cleanup.append(_close)
    return app

