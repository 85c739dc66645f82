"""The one place the server is put together: `create_app(config)`.

Everything the app needs is built here from an explicit BotConfig (no module
globals), so tests and benchmarks can start as many differently configured
servers in one process as they like.

Routes: POST /api/messages (Bot Framework activities, bot/web/messages_endpoint.py),
GET /healthz (bot/web/health.py), GET /, /privacy and /terms (bot/web/pages.py,
the pages the Teams package links to), and POST /api/directline/token when a
Direct Line secret is configured (bot/web/directline_token.py). Middleware: the stack
in bot/web/middleware.py.
"""

from __future__ import annotations

from aiohttp import web
from botbuilder.core import Storage

from catalog import Catalog, load_catalog

from ..config import BotConfig
from ..conversation.answer_cache import AnswerCache
from ..conversation.feedback import FeedbackLog
from ..conversation.handler import ErrorExplainerBot
from ..conversation.turn_errors import on_turn_error
from ..sdk.adapter import BotFrameworkAdapter
from ..sdk.state_fingerprint import FingerprintedConversationState
from ..storage.factory import state_storage, storage_health, turn_recorder
from ..storage.recorder import TurnRecorder
from ..storage.turn_faults import storage_fault_aware
from ..telemetry import observe_turns, start_exporting
from .directline_token import add_directline_token_route
from .health import health_handler
from .messages_endpoint import MessagesEndpoint
from .pages import add_page_routes
from .middleware import MIDDLEWARES

# The /api/messages handler, for code that swaps the conversation on a built app
# (bench/server_ours_echo.py measures the server stack with an echo bot).
ENDPOINT_KEY = web.AppKey("messages_endpoint", MessagesEndpoint)


def create_app(
    config: BotConfig | None = None,
    *,
    catalog: Catalog | None = None,
    storage: Storage | None = None,
    records: TurnRecorder | None = None,
) -> web.Application:
    """Build the aiohttp application: adapter, authentication, bot and routes."""
    config = config or BotConfig()
    config.check()
    catalog = catalog if catalog is not None else load_catalog()
    catalog.matcher  # noqa: B018 - build the matcher's indexes now, not on the first user's question

    adapter = BotFrameworkAdapter(config, storage_fault_aware(on_turn_error))
    feedback = FeedbackLog()
    own_storage = storage is None  # built here from the settings: closed here too
    storage = storage if storage is not None else state_storage(config.storage)
    bot = ErrorExplainerBot(
        catalog,
        FingerprintedConversationState(storage),
        feedback,
        typing_threshold_chars=config.typing_threshold_chars,
        answers=AnswerCache(config.answer_cache_size),
        records=records if records is not None else turn_recorder(config.storage),
    )
    endpoint = MessagesEndpoint(adapter, observe_turns(bot), config.max_body_bytes)

    # client_max_size above our own limit: /api/messages enforces max_body_bytes
    # itself (with a problem+json 413); other routes never read large bodies.
    # A list, not the tuple: with telemetry on, OpenTelemetry's aiohttp instrumentation
    # inserts its middleware in front of ours (bot/telemetry/azure_monitor.py).
    # auto_decompress off: bodies are decoded by bot/web/request_body.py, which knows the limit and
    # answers an unknown or corrupt coding in our words (aiohttp would refuse br/zstd in text/plain).
    app = web.Application(middlewares=list(MIDDLEWARES), client_max_size=config.max_body_bytes + 1024,
                          handler_args={"auto_decompress": False})
    app[ENDPOINT_KEY] = endpoint

    app.router.add_route("*", "/api/messages", endpoint.handle)

    def health() -> dict:
        return {
            "catalog": {"entries": len(catalog), "sources": len(catalog.sources)},
            "authentication": "anonymous" if config.anonymous else "bot-framework",
            "activities": endpoint.stats["activities"],
            "connectors": {"cached": len(adapter.connectors), "built": adapter.connectors.builds},
            "feedback": feedback.summary(),
            "answer_cache": bot.answers.summary(),
            "storage": storage_health(config.storage, storage),
            "records": bot.records.summary(),
        }

    app.router.add_get("/healthz", health_handler(health), allow_head=True)
    add_page_routes(app)

    if config.directline_secret:
        add_directline_token_route(app, config)

    async def _open(_app: web.Application) -> None:
        await adapter.open()
        bot.records.start()  # the records' writer task, in the process that serves (each gunicorn worker)

    async def _close(_app: web.Application) -> None:
        # After the drain: the turns that could queue a record are done, so every record queued is written.
        await bot.records.close()
        await adapter.close()
        if own_storage and hasattr(storage, "close"):
            await storage.close()

    app.on_startup.append(start_exporting)  # telemetry's exporters, in the process that serves
    app.on_startup.append(_open)
    app.on_cleanup.append(_close)
    return app
