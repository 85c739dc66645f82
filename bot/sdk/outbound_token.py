"""The bot's own token for posting replies: fetched off the event loop, with a deadline, kept until just before it expires.

When the bot has an app id, every reply carries a bearer token the SDK's
credentials get from the login endpoint through MSAL. MSAL is synchronous
(`requests`, no timeout), and the SDK asks for the token inside msrest's
credentials step, on the event loop: a login endpoint that does not answer
froze the whole server (health checks, other conversations, even SIGTERM).

Here each kind of credentials (app id, audience, login endpoint) has one
OutboundToken shared by every connector client:

* the token is fetched on a daemon thread of its own (a hung fetch never holds
  the loop, a pool the loop needs, or the process at exit), one fetch at a time;
* a turn waits for it at most `timeout` seconds, then fails with
  TokenUnavailable: that turn's reply is not delivered (HTTP 502), every other
  request carries on; MSAL's own HTTP calls get the same timeout, so a stuck
  fetch ends too;
* the token is reused until shortly before it expires, and fetched again in the
  background a few minutes earlier (after MSAL's own cache stops serving it), so
  no turn waits for a renewal while the login endpoint is healthy.

Failures of MSAL, `requests` and the SDK's credentials are translated into
TokenUnavailable here, and nowhere else.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import threading
import time

from botframework.connector.auth import AppCredentials, MicrosoftAppCredentials

log = logging.getLogger("bot.token")

# Renew this long before expiry: under MSAL's own 5-minute margin, so MSAL fetches
# a new token instead of handing back the cached one.
RENEW_AHEAD_SECONDS = 240.0
# Stop using a token this long before it expires (clocks and transit).
EXPIRY_MARGIN_SECONDS = 30.0
# When the token's lifetime cannot be read, it is asked for again after this long
# (MSAL answers from its cache while the token is valid).
UNKNOWN_LIFETIME_SECONDS = 300.0


class TokenUnavailable(Exception):
    """The bot's token for posting replies could not be had in time; `reason` says why, for the log."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class OutboundToken:
    """One app's token for one audience and login endpoint, as an Authorization header value."""

    def __init__(self, credentials: AppCredentials, timeout: float):
        self._credentials = credentials
        self._timeout = timeout
        self._header: str | None = None
        self._usable_until = 0.0  # time.monotonic()
        self._renew_at = 0.0
        self._fetch: asyncio.Future | None = None
        self.fetches = 0  # fetches started (tests read it)

    @property
    def needed(self) -> bool:
        """False for an anonymous bot (no app id): replies go out without a token, as the SDK sends them."""
        return bool(self._credentials._should_set_token(None))

    def current(self) -> str | None:
        """The header value if a usable token is at hand; never fetches."""
        if self._header is not None and time.monotonic() < self._usable_until:
            return self._header
        return None

    async def authorization(self) -> str | None:
        """The Authorization header value for a reply; raises TokenUnavailable after the deadline."""
        if not self.needed:
            return None
        now = time.monotonic()
        if self._header is not None and now < self._usable_until:
            if now >= self._renew_at and self._fetch is None:
                self._start_fetch()  # in the background; this reply uses the current token
            return self._header
        fetch = self._fetch or self._start_fetch()
        try:
            await asyncio.wait_for(asyncio.shield(fetch), self._timeout)
        except asyncio.TimeoutError:
            log.warning("no token from the login endpoint within %.1fs; this reply is not sent", self._timeout)
            raise TokenUnavailable(f"the login endpoint did not answer within {self._timeout:g}s") from None
        if self._header is None or time.monotonic() >= self._usable_until:
            raise TokenUnavailable(fetch.result() or "the login endpoint gave no usable token")
        return self._header

    def _start_fetch(self) -> asyncio.Future:
        """Fetch on a thread of its own; the future ends with None (got a token) or the reason it failed."""
        loop = asyncio.get_running_loop()
        fetch = loop.create_future()
        self._fetch = fetch
        self.fetches += 1

        def finish(header: str | None, lifetime: float | None, failure: str | None) -> None:
            self._fetch = None
            if header is not None:
                self._keep(header, lifetime)
            else:
                log.warning("could not get the bot's token from the login endpoint: %s", failure)
            if not fetch.done():
                fetch.set_result(failure)

        def run() -> None:
            header = lifetime = failure = None
            try:
                token, lifetime = _acquire(self._credentials, self._timeout)
                header = "Bearer " + token
            except Exception as exc:  # noqa: BLE001 - MSAL, requests, the SDK: all mean "no token"
                failure = f"{type(exc).__name__}: {str(exc)[:200]}"
            try:
                loop.call_soon_threadsafe(finish, header, lifetime, failure)
            except RuntimeError:
                pass  # the server's loop is gone (shut down while the fetch hung)

        threading.Thread(target=run, name="bot-token", daemon=True).start()
        return fetch

    def _keep(self, header: str, lifetime: float | None) -> None:
        now = time.monotonic()
        if lifetime is None or lifetime <= 0:
            lifetime = UNKNOWN_LIFETIME_SECONDS
            margin, ahead = 0.0, 0.0
        else:
            margin = min(EXPIRY_MARGIN_SECONDS, lifetime / 10)
            ahead = min(RENEW_AHEAD_SECONDS, lifetime / 2)
        self._header = header
        self._usable_until = now + lifetime - margin
        self._renew_at = now + lifetime - ahead
        # One line per fetch (hourly with Azure's tokens): an operator sees renewals
        # happen, and a test sees the moment the new token is in use.
        log.info("got the bot's token for replies: used for %.0fs, renewed after %.0fs",
                 lifetime - margin, lifetime - ahead)


class OutboundTokens:
    """The OutboundToken for each kind of credentials the connector factory hands out (bounded)."""

    MAX_KINDS = 64

    def __init__(self, timeout: float):
        self.timeout = timeout
        self._tokens: dict[tuple, OutboundToken] = {}

    def for_credentials(self, credentials: AppCredentials) -> OutboundToken:
        key = (
            type(credentials),
            getattr(credentials, "microsoft_app_id", None),
            getattr(credentials, "oauth_scope", None),
            getattr(credentials, "oauth_endpoint", None),
        )
        token = self._tokens.get(key)
        if token is None:
            if len(self._tokens) >= self.MAX_KINDS:
                self._tokens.pop(next(iter(self._tokens)))
            token = self._tokens[key] = OutboundToken(credentials, self.timeout)
        return token


def _acquire(credentials: AppCredentials, timeout: float) -> tuple[str, float | None]:
    """A token and its remaining lifetime in seconds (None: unknown). Blocking: runs on a worker thread."""
    if type(credentials).get_access_token is MicrosoftAppCredentials.get_access_token:
        # The SDK's own MSAL client, built as the SDK builds it but with a timeout on
        # its HTTP calls and the authority check the SDK's settings ask for.
        if credentials.app is None:
            from msal import ConfidentialClientApplication

            credentials.app = ConfidentialClientApplication(
                client_id=credentials.microsoft_app_id,
                client_credential=credentials.microsoft_app_password,
                authority=credentials.oauth_endpoint,
                validate_authority=getattr(credentials, "validate_authority", True),
                timeout=timeout,
            )
        scope = credentials.oauth_scope
        if not scope.endswith("/.default"):
            scope += "/.default"
        result = credentials.app.acquire_token_for_client(scopes=[scope])
        if "access_token" not in result:
            raise PermissionError(f"{result.get('error', 'no token')}: {result.get('error_description', '')[:150]}")
        expires_in = result.get("expires_in")
        return result["access_token"], float(expires_in) if isinstance(expires_in, (int, float)) else _jwt_lifetime(
            result["access_token"])
    token = credentials.get_access_token()
    return token, _jwt_lifetime(token)


def _jwt_lifetime(token: str) -> float | None:
    """Seconds until a JWT's `exp` (read, not verified: it only schedules the renewal); None if not a JWT."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"]) - time.time()
    except (IndexError, ValueError, KeyError, TypeError):
        return None
