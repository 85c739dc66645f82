"""One log format for the server: every line carries the request's correlation id."""

from __future__ import annotations

import logging
import sys

from ..correlation import correlation_id


class _CorrelationFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.cid = correlation_id.get()
        return True


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_CorrelationFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s cid=%(cid)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # The SDK and msrest log every HTTP call at INFO/DEBUG; keep them quieter.
    for noisy in ("msrest", "botframework", "botbuilder", "aiohttp.access", "msal", "urllib3"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
