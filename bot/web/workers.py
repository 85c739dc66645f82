"""Several worker processes on one machine: gunicorn, with aiohttp's own worker class.

One Python process uses one core. To use more, the bot runs under gunicorn
(App Service's Python image starts apps with it too), each worker an aiohttp
server on uvloop (aiohttp.GunicornUVLoopWebWorker; GunicornWebWorker where
uvloop is missing) sharing the one listening socket. Two ways in:

    BOT_WORKERS=2 python -m bot          the settings as for one process
    gunicorn 'bot.web.workers:build()' --preload --worker-class aiohttp.GunicornUVLoopWebWorker \\
        --workers 2 --bind 127.0.0.1:3978    the same, with gunicorn's own options

Both serve through ProblemAppRunner (bot/web/protocol.py), so a request aiohttp
cannot parse gets problem+json from every worker. aiohttp's worker builds its
own plain runner when it is handed an Application, and serves the runner it is
handed when it is given a coroutine function returning one (documented aiohttp
behaviour): so build() hands gunicorn such a function, not the app, and
gunicorn's own command line needs nothing extra.

The app is built once, in gunicorn's master, before the workers fork (with
--preload on gunicorn's command line; BOT_WORKERS always does): the
catalog and the matcher's indexes are loaded once and shared copy-on-write,
and a worker starts at once. Conversation state must then be shared
(BOT_STORAGE=blob): with the in-process default each worker would remember
only the turns it served, so a follow-up question might lose its product.

Telemetry (APPLICATIONINSIGHTS_CONNECTION_STRING) works with --preload: the
master only checks the setting and instruments the app; each worker starts
Azure Monitor for itself when its server starts (the app's on_startup,
bot/telemetry/azure_monitor.py), so every worker sends its own spans and
metrics and shows in Live Metrics. Nothing to add to gunicorn's command line.
"""

from __future__ import annotations

import logging
import math

from aiohttp import web

from ..config import BotConfig, ConfigError

log = logging.getLogger("bot")


def worker_class() -> str:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "aiohttp.GunicornWebWorker"
    return "aiohttp.GunicornUVLoopWebWorker"


def build():
    """What `gunicorn 'bot.web.workers:build()'` serves: the app from the environment, in a ProblemAppRunner.

    A coroutine function, not the app: aiohttp's worker would wrap an app in its plain
    runner, whose answer to an unparsable request is text/plain. A worker stopping
    gives turns in flight BOT_SHUTDOWN_DRAIN_SECONDS, as one process does (gunicorn's
    --graceful-timeout should be at least that, or it kills the worker first).
    """
    from .app import create_app
    from .logging_setup import configure_logging
    from .process import settle_memory

    config = BotConfig.from_env()
    if config.anonymous and not config.allow_anonymous:
        # HOST is not where gunicorn listens (its --bind is), so the loopback check of
        # BotConfig cannot protect this entry point: an anonymous bot must opt in here.
        raise ConfigError(
            "gunicorn serves on its own --bind address, which the bot cannot check: set MicrosoftAppId, "
            "or BOT_ALLOW_ANONYMOUS=1 when the address is private"
        )
    configure_logging(config.log_level)
    app = create_app(config)
    _warn_unshared(config)
    settle_memory()  # in the master, before the fork: the workers inherit the frozen heap
    return problem_runner(app, shutdown_timeout=config.shutdown_drain_seconds)


def _warn_unshared(config: BotConfig) -> None:
    if config.storage.kind == "memory":
        log.warning(
            "several workers with in-process conversation state: each worker remembers only its own turns; "
            "set BOT_STORAGE=blob so follow-up questions keep their product"
        )


def problem_runner(app: web.Application, *, shutdown_timeout: float):
    """What a gunicorn aiohttp worker serves: a coroutine function building a ProblemAppRunner for `app`."""
    from .protocol import ProblemAppRunner

    async def runner() -> ProblemAppRunner:
        return ProblemAppRunner(app, access_log=None, shutdown_timeout=shutdown_timeout)

    return runner


def serve_workers(app: web.Application, config: BotConfig) -> None:
    """Serve `app` with config.workers gunicorn workers until interrupted (SIGTERM/SIGINT to this process)."""
    from gunicorn.app.base import BaseApplication

    from .process import settle_memory

    options = {
        "bind": f"{config.host}:{config.port}",
        "workers": config.workers,
        "worker_class": worker_class(),
        "accesslog": None,
        "graceful_timeout": max(1, math.ceil(config.shutdown_drain_seconds)),  # gunicorn takes whole seconds
        "timeout": 60,
        "loglevel": config.log_level.lower(),
        # gunicorn 24+ opens a control socket at one fixed path per user; two bots on one
        # machine (or a test starting several) would fight over it, and nothing here uses it.
        "control_socket_disable": True,
    }

    class _Server(BaseApplication):
        def load_config(self) -> None:
            for name, value in options.items():
                if name in self.cfg.settings:  # a setting an older gunicorn lacks is left out
                    self.cfg.set(name, value)

        def load(self):
            # aiohttp's worker takes a coroutine function returning its runner: ProblemAppRunner, so
            # requests aiohttp cannot parse get problem+json here too (bot/web/protocol.py).
            return problem_runner(app, shutdown_timeout=options["graceful_timeout"] * 0.95)

    _warn_unshared(config)
    settle_memory()
    _Server().run()
