"""`python -m bot` (and `make run`): serve the bot on HOST:PORT (127.0.0.1:3978 by default).

Configuration problems end the process with one line on stderr and exit
status 2, before anything listens.
"""

from __future__ import annotations

import logging
import sys

from catalog import CatalogError

from .config import BotConfig, ConfigError
from .web.logging_setup import configure_logging
from .web.process import serve


def main(argv: list[str] | None = None) -> int:
    try:
        config = BotConfig.from_env()
    except ConfigError as exc:
        print(f"error-explainer: {exc}", file=sys.stderr)
        return 2
    configure_logging(config.log_level)
    from .web.app import create_app  # after logging, so start-up messages are formatted

    try:
        app = create_app(config)
    except CatalogError as exc:
        print(f"error-explainer: the catalog does not load: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a setting the SDK or the Direct Line route rejects
        print(f"error-explainer: {exc}", file=sys.stderr)
        return 2
    log = logging.getLogger("bot")
    auth = "anonymous (no MicrosoftAppId)" if config.anonymous else f"app id {config.app_id}"
    log.info("listening on http://%s:%d/api/messages, %s", config.host, config.port, auth)
    try:
        if config.workers > 1:
            from .web.workers import serve_workers  # gunicorn, one process per worker

            serve_workers(app, config)
            return 0
        serve(app, config.host, config.port)
    except OSError as exc:
        print(f"error-explainer: cannot listen on {config.host}:{config.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
