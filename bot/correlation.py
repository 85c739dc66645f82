"""The correlation id: one id per request, in its log lines, its problem responses and its apology.

Shared by all of bot/: the HTTP middleware sets it (bot/web/middleware.py), the
log format prints it (bot/web/logging_setup.py), and the conversation quotes it
when a turn fails (bot/conversation/turn_errors.py), so a user who pastes an
error lets an operator find the matching server log in one search.
"""

from __future__ import annotations

import contextvars
import itertools
import os
import re

CORRELATION_HEADER = "x-correlation-id"

# The id of the request being handled; log records and turn errors read it.
correlation_id: contextvars.ContextVar[str] = contextvars.ContextVar("correlation_id", default="-")

# Callers may pass their own id (a gateway's, a test's); anything odd is replaced.
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,80}$")


# Unique per process start (random prefix) and per request (counter): as good
# as a uuid4 for finding a log line, without a system call per request.
_PREFIX = os.urandom(6).hex()
_COUNTER = itertools.count(1)


def new_correlation_id(incoming: str | None = None) -> str:
    if incoming and _SAFE_ID.match(incoming):
        return incoming
    return f"{_PREFIX}-{next(_COUNTER):x}"
