"""Checking who sent an activity, without letting a token stall the server.

The SDK's JWT validation fetches the Bot Framework signing keys with a
*blocking* `requests.get` that has no timeout, from inside a coroutine. On a
network that drops packets to login.botframework.com, one forged (or real)
token would freeze the whole event loop for minutes. So when a request carries
a token we run the SDK's own validation, unchanged, on one of a few worker
threads (each with its own event loop, kept for the life of the process) and
stop waiting after `auth_timeout_seconds`.

One check is added after the SDK's: a token must name this bot as its
audience and must expire. The SDK checks the audience of channel and skill
tokens, but not of an Emulator-issuer token that is not a skill call (audience
the Bot Framework service, or none at all): such a token for another service,
carrying this bot's app id, went on to run a turn (and a 500). A token
without `exp` would be valid for ever; every token the Bot Framework issues
has one.

Outcomes: the SDK rejects the token -> NotAuthenticated (HTTP 401); the
signing keys cannot be fetched (network error or timeout) -> NotAuthenticated
with unavailable=True (HTTP 503), since we could not check the token either
way. bot/web/messages_endpoint.py turns both into problem responses. No activity is processed in either case. A request without an
Authorization header involves no I/O (401 when auth is on, the anonymous
identity when it is off), so it is decided inline on the loop.
"""

from __future__ import annotations

import asyncio
import logging
import threading

import requests
from botbuilder.schema import Activity, RoleTypes
from botframework.connector import Channels
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    SkillValidation,
)


log = logging.getLogger("bot.auth")

# A few workers are enough: once the keys are cached a check is a fraction of
# a millisecond of CPU, and while the key endpoint hangs every check waits for
# it anyway. Checks go to the worker with the fewest unfinished checks, so one
# stuck worker does not hold up the others; past _MAX_PENDING unfinished checks
# (a flood of tokens while the keys are unreachable) new ones are refused at
# once instead of queueing without bound. The threads are daemons: a key fetch
# that hangs forever must not keep the process from exiting.
_WORKERS = 4
_MAX_PENDING = 256


class _Worker:
    def __init__(self, index: int):
        self.loop = asyncio.new_event_loop()
        self.pending = 0  # touched only from the server's loop
        self.thread = threading.Thread(target=self.loop.run_forever, name=f"bot-auth-{index}", daemon=True)
        self.thread.start()


class RequestAuthenticator:
    def __init__(self, auth: BotFrameworkAuthentication, *, enabled: bool, timeout: float, app_id: str = ""):
        self._auth = auth
        self._enabled = enabled
        self._timeout = timeout
        self._app_id = app_id
        self._workers: list[_Worker] = []  # started on the first token
        self._anonymous_results: dict[tuple[bool, bool, bool], AuthenticateRequestResult] = {}

    async def authenticate(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        if not auth_header:
            if self._enabled:
                # The SDK says the same (PermissionError); no need to ask it.
                raise _unauthorized("the request has no Authorization header")
            return await self._anonymous(activity)
        try:
            result = await self._on_worker(activity, auth_header)
        except asyncio.TimeoutError:
            log.warning("token check timed out after %.1fs (signing keys unreachable?)", self._timeout)
            raise _unavailable(f"the token could not be verified within {self._timeout:g}s") from None
        except requests.RequestException as exc:
            log.warning("token check failed: signing keys unreachable: %s", type(exc).__name__)
            raise _unavailable("the Bot Framework signing keys could not be fetched") from None
        except NotAuthenticated:
            raise
        except Exception as exc:  # PermissionError, jwt errors, unknown key id, bad endorsements...
            log.info("token rejected: %s: %s", type(exc).__name__, str(exc)[:200])
            raise _unauthorized("the Authorization token is not valid for this bot") from None
        refusal = _claims_refusal(result.claims_identity.claims if result.claims_identity else {}, self._app_id)
        if refusal is not None:
            log.info("token rejected: %s", refusal)
            raise _unauthorized("the Authorization token is not valid for this bot")
        return result

    async def _anonymous(self, activity: Activity) -> AuthenticateRequestResult:
        """The SDK's result for a request without a token, worked out once per kind of activity.

        Without a token the SDK's answer (anonymous identity, no caller id, the
        connector factory for no app id) depends on the configuration and on one
        question about the activity: is it an Emulator skill call
        (JwtTokenValidation.authenticate_request)? So it is asked once per
        answer to that question and shared; nothing in a turn changes it.
        """
        kind = _anonymous_kind(activity)
        result = self._anonymous_results.get(kind)
        if result is None:
            try:
                result = await self._auth.authenticate_request(activity, "")
            except Exception as exc:
                log.info("request rejected: %s: %s", type(exc).__name__, str(exc)[:200])
                raise _unauthorized("the request could not be authenticated") from None
            self._anonymous_results[kind] = result
        return result

    async def _on_worker(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        """Run the SDK's check on the least busy worker loop; stop waiting after the timeout.

        A check we stop waiting for is left to finish on its worker (it cannot be
        interrupted inside the blocking key fetch anyway); it counts as pending
        until it really ends, which is what bounds the backlog.
        """
        if not self._workers:
            self._workers = [_Worker(i) for i in range(_WORKERS)]
        worker = min(self._workers, key=lambda w: w.pending)
        if worker.pending >= _MAX_PENDING // _WORKERS:
            raise _unavailable("too many token checks are waiting for the signing keys")
        loop = asyncio.get_running_loop()
        worker.pending += 1

        def finished(_future) -> None:  # runs on the worker's thread when the check ends
            try:
                loop.call_soon_threadsafe(_done, worker)
            except RuntimeError:
                pass  # the server's loop is gone (shutdown while a check hung)

        check = asyncio.run_coroutine_threadsafe(self._auth.authenticate_request(activity, auth_header), worker.loop)
        check.add_done_callback(finished)
        outcome = asyncio.wrap_future(check)
        outcome.add_done_callback(_retrieve)
        return await asyncio.wait_for(asyncio.shield(outcome), self._timeout)

    def close(self) -> None:
        """Stop idle workers; a worker stuck in a key fetch is a daemon and ends with the process."""
        for worker in self._workers:
            worker.loop.call_soon_threadsafe(worker.loop.stop)
        self._workers = []


def _claims_refusal(claims: dict, app_id: str) -> str | None:
    """Why a token the SDK accepted is still not one for this bot (None: it is)."""
    if "exp" not in claims:
        return "the token has no expiry (exp)"
    if SkillValidation.is_skill_claim(claims):
        return None  # a skill call: the SDK checked its audience against this bot's app id
    audience = claims.get(AuthenticationConstants.AUDIENCE_CLAIM)
    if not app_id or audience != app_id:
        return f"the token's audience {str(audience)[:100]!r} is not this bot's app id"
    return None


def _anonymous_kind(activity: Activity) -> tuple[bool, bool, bool]:
    """What the SDK looks at in an activity that comes without a token (see RequestAuthenticator._anonymous)."""
    return (
        activity.channel_id == Channels.emulator,
        getattr(activity.recipient, "role", None) == RoleTypes.skill,
        activity.relates_to is not None,
    )


def _done(worker: _Worker) -> None:
    worker.pending -= 1


def _retrieve(future: asyncio.Future) -> None:
    """Mark the outcome of an abandoned check as seen (no 'exception never retrieved' noise)."""
    if not future.cancelled():
        future.exception()


class NotAuthenticated(Exception):
    """The request's sender could not be established: refused (401), or not checkable now (503)."""

    def __init__(self, detail: str, *, unavailable: bool = False):
        super().__init__(detail)
        self.detail = detail
        self.unavailable = unavailable


def _unauthorized(detail: str) -> NotAuthenticated:
    return NotAuthenticated(detail)


def _unavailable(detail: str) -> NotAuthenticated:
    return NotAuthenticated(detail, unavailable=True)
