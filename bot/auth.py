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
import threading

import requests
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, BotFrameworkAuthentication

from .problems import Problem

log = logging.getLogger("bot.auth")

# A few threads are enough: validation is fast once the keys are cached, and
# while the key endpoint hangs every call would wait for it anyway. A thread
# keeps its slot until the SDK call really returns (not when we stop waiting),
# so a flood of forged tokens cannot pile up blocked threads. The threads are
# daemons: a fetch that hangs forever must not keep the process from exiting.
_AUTH_THREADS = 4


class RequestAuthenticator:
    def __init__(self, auth: BotFrameworkAuthentication, *, enabled: bool, timeout: float):
        self._auth = auth
        self._enabled = enabled
        self._timeout = timeout
        self._slots: asyncio.Semaphore | None = None

    async def authenticate(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        if not auth_header:
            if self._enabled:
                # The SDK says the same (PermissionError); no need to ask it.
                raise _unauthorized("the request has no Authorization header")
            return await self._anonymous(activity)
        try:
            return await asyncio.wait_for(self._in_thread(activity, auth_header), self._timeout)
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

    async def _in_thread(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        """Run the SDK's check in a daemon thread with its own event loop."""
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(_AUTH_THREADS)
        slots = self._slots
        await slots.acquire()
        result: asyncio.Future = loop.create_future()

        def deliver(value, error) -> None:
            slots.release()
            if not result.done():  # we may have stopped waiting (timeout)
                if error is not None:
                    result.set_exception(error)
                else:
                    result.set_result(value)

        def work() -> None:
            value, error = None, None
            try:
                value = asyncio.run(self._auth.authenticate_request(activity, auth_header))
            except BaseException as exc:  # noqa: BLE001 - handed back to the loop
                error = exc
            try:
                loop.call_soon_threadsafe(deliver, value, error)
            except RuntimeError:
                pass  # the server shut down while this check hung

        try:
            threading.Thread(target=work, name="bot-auth", daemon=True).start()
        except BaseException:
            slots.release()
            raise
        return await result

    def close(self) -> None:
        """Nothing to release: auth threads are daemons and end with their SDK call."""


def _unauthorized(detail: str) -> Problem:
    return Problem(401, "unauthorized", "Unauthorized", detail, headers={"WWW-Authenticate": "Bearer"})


def _unavailable(detail: str) -> Problem:
    return Problem(503, "auth-unavailable", "Authentication unavailable", detail, headers={"Retry-After": "30"})
