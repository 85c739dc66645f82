"""Checking who sent an activity, without letting a token stall the server.

The SDK's JWT validation fetches the Bot Framework signing keys with a
*blocking* `requests.get` that has no timeout, from inside a coroutine. On a
network that drops packets to login.botframework.com, one forged (or real)
token would freeze the whole event loop for minutes. So when authentication is
on we run the SDK's own validation, unchanged, in a small thread pool with its
own event loop per call, and stop waiting after `auth_timeout_seconds`.

Outcomes: the SDK rejects the token -> 401; the signing keys cannot be fetched
(network error or timeout) -> 503, since we could not check the token either
way. No activity is processed in either case. A request without an
Authorization header involves no I/O (401 when auth is on, the anonymous
identity when it is off), so it is decided inline on the loop.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

import requests
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, BotFrameworkAuthentication

from .problems import Problem

log = logging.getLogger("bot.auth")

# A few threads are enough: validation is fast once the keys are cached, and
# while the key endpoint hangs every call would wait for it anyway. Bounding
# the pool bounds the threads a flood of forged tokens can tie up.
_AUTH_THREADS = 4


class RequestAuthenticator:
    def __init__(self, auth: BotFrameworkAuthentication, *, enabled: bool, timeout: float):
        self._auth = auth
        self._enabled = enabled
        self._timeout = timeout
        self._pool: ThreadPoolExecutor | None = None

    async def authenticate(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        if not auth_header:
            if self._enabled:
                # The SDK says the same (PermissionError); no need to ask it.
                raise _unauthorized("the request has no Authorization header")
            return await self._anonymous(activity)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=_AUTH_THREADS, thread_name_prefix="bot-auth")
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._pool, _run_in_own_loop, self._auth, activity, auth_header)
        try:
            return await asyncio.wait_for(future, self._timeout)
        except asyncio.TimeoutError:
            log.warning("token check timed out after %.1fs (signing keys unreachable?)", self._timeout)
            raise _unavailable(f"the token could not be verified within {self._timeout:g}s") from None
        except requests.RequestException as exc:
            log.warning("token check failed: signing keys unreachable: %s", type(exc).__name__)
            raise _unavailable("the Bot Framework signing keys could not be fetched") from None
        except Problem:
            raise
        except Exception as exc:  # PermissionError, jwt errors, unknown key id, bad endorsements...
            log.info("token rejected: %s: %s", type(exc).__name__, str(exc)[:200])
            raise _unauthorized("the Authorization token is not valid for this bot") from None

    async def _anonymous(self, activity: Activity) -> AuthenticateRequestResult:
        try:
            return await self._auth.authenticate_request(activity, "")
        except Exception as exc:
            log.info("request rejected: %s: %s", type(exc).__name__, str(exc)[:200])
            raise _unauthorized("the request could not be authenticated") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


def _run_in_own_loop(auth: BotFrameworkAuthentication, activity: Activity, auth_header: str):
    return asyncio.run(auth.authenticate_request(activity, auth_header))


def _unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", "Unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


def _unavailable(detail: str) -> Problem:
    return Problem(503, "auth-unavailable", "Authentication unavailable", detail, headers={"Retry-After": "30"})
