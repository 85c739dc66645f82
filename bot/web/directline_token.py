"""POST /api/directline/token: a short-lived Direct Line token for the Web Chat page.

Why this exists: the Direct Line *secret* opens every conversation of the bot
and never expires, so it must never reach a browser. The page on the support
portal asks this route instead; the bot exchanges the secret with the Direct
Line service (``tokens/generate``) for a token that is good for one
conversation and expires (an hour by default), and hands only that token out.

The user id is chosen here (``dl_`` + random), bound into the token, and
returned to the page, so Direct Line's enhanced authentication can stop a
client from posing as another user. When the operator lists the portal's
origins (``DirectLineAllowedOrigins``), they are sent as the token's
``trustedOrigins``, browsers from those origins get CORS headers, and any
other origin is refused before a token is minted.

Configuration (BotConfig, from these environment variables):

* ``DirectLineSecret`` (``directline_secret``) - required, else no route.
* ``DirectLineTokenEndpoint`` (``directline_token_endpoint``) - default the global
  Direct Line service; set it for a regional endpoint (e.g.
  europe.directline.botframework.com) or a test.
* ``DirectLineAllowedOrigins`` (``directline_allowed_origins``) - comma-separated
  origins of pages on other hosts that may fetch tokens (e.g.
  ``https://support.example.com``). A page served from the bot's own origin is
  always allowed.
* ``DirectLineTokenTimeoutSeconds`` (``directline_token_timeout_seconds``) - upper
  bound on the exchange (default 10).

Errors are application/problem+json with the request's correlation id (the
app's middleware adds the id); the secret never appears in a response or a
log line.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from .problems import Problem

if TYPE_CHECKING:
    from ..config import BotConfig

log = logging.getLogger("bot.directline")

DEFAULT_TOKEN_ENDPOINT = "https://directline.botframework.com/v3/directline/tokens/generate"
ROUTE = "/api/directline/token"


def _origin(value: str) -> str:
    """'https://Portal.example.com:443/x' -> 'https://portal.example.com' (scheme://host[:port])."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{value!r} is not an http(s) origin")
    default_port = 443 if parts.scheme == "https" else 80
    port = f":{parts.port}" if parts.port and parts.port != default_port else ""
    return f"{parts.scheme}://{parts.hostname.lower()}{port}"


@dataclass(frozen=True)
class DirectLineTokenSettings:
    secret: str
    endpoint: str = DEFAULT_TOKEN_ENDPOINT
    allowed_origins: frozenset[str] = frozenset()
    timeout_seconds: float = 10.0

    def __repr__(self) -> str:  # the secret must not end up in a log line
        return (f"DirectLineTokenSettings(endpoint={self.endpoint!r}, "
                f"allowed_origins={sorted(self.allowed_origins)!r}, timeout_seconds={self.timeout_seconds})")

    @classmethod
    def from_config(cls, config: "BotConfig") -> "DirectLineTokenSettings":
        """The route's settings, checked: ValueError names the setting that cannot be used."""
        endpoint = config.directline_token_endpoint or DEFAULT_TOKEN_ENDPOINT
        if urlsplit(endpoint).scheme not in ("http", "https") or not urlsplit(endpoint).netloc:
            raise ValueError(f"DirectLineTokenEndpoint={endpoint!r} is not an http(s) URL")
        origins = frozenset(_origin(o) for o in config.directline_allowed_origins)
        return cls(secret=config.directline_secret, endpoint=endpoint, allowed_origins=origins,
                   timeout_seconds=config.directline_token_timeout_seconds)


def _request_origin_allowed(request: web.Request, settings: DirectLineTokenSettings) -> tuple[bool, str | None]:
    """(allowed, origin to echo in CORS headers). No Origin header = not a browser: allowed."""
    raw = request.headers.get("Origin")
    if raw is None:
        return True, None
    try:
        origin = _origin(raw)
    except ValueError:
        return False, None
    if origin in settings.allowed_origins:
        return True, origin
    own = _origin(f"{request.scheme}://{request.host}") if request.host else None
    return origin == own, None


def _cors_headers(origin: str | None) -> dict[str, str]:
    if origin is None:
        return {"Vary": "Origin"}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Expose-Headers": "x-correlation-id",
        "Access-Control-Max-Age": "600",
        "Vary": "Origin",
    }


class _TokenEndpoint:
    def __init__(self, settings: DirectLineTokenSettings):
        self.settings = settings
        self._session: aiohttp.ClientSession | None = None  # opened on app startup

    async def preflight(self, request: web.Request) -> web.Response:
        allowed, origin = _request_origin_allowed(request, self.settings)
        if not allowed or origin is None:
            raise Problem(403, "origin-not-allowed", "Origin not allowed",
                          "this origin may not fetch Direct Line tokens; add it to DirectLineAllowedOrigins")
        return web.Response(status=204, headers=_cors_headers(origin))

    async def issue(self, request: web.Request) -> web.Response:
        allowed, origin = _request_origin_allowed(request, self.settings)
        try:
            return await self._issue(request, allowed, origin)
        except Problem as p:
            # With CORS headers the page can read the problem (and show its correlation id).
            p.headers = {**(p.headers or {}), **_cors_headers(origin)}
            raise

    async def _issue(self, request: web.Request, allowed: bool, origin: str | None) -> web.Response:
        if not allowed:
            raise Problem(403, "origin-not-allowed", "Origin not allowed",
                          f"pages from {request.headers.get('Origin', '')[:200]!r} may not fetch Direct Line "
                          "tokens; the operator can add the origin to DirectLineAllowedOrigins")
        user_id = "dl_" + secrets.token_hex(16)
        body: dict = {"user": {"id": user_id}}
        if self.settings.allowed_origins:
            body["trustedOrigins"] = sorted(self.settings.allowed_origins)
        data = await self._exchange(body)
        token = data.get("token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token:
            raise Problem(502, "directline-token-failed", "Direct Line token not issued",
                          "the Direct Line service answered without a token")
        expires_in = data.get("expires_in", data.get("expiresIn"))
        out = {
            "token": token,
            "conversationId": data.get("conversationId") if isinstance(data.get("conversationId"), str) else None,
            "expiresIn": expires_in if isinstance(expires_in, int) else None,
            "userId": user_id,
        }
        headers = {"Cache-Control": "no-store", **_cors_headers(origin)}
        return web.json_response(out, headers=headers)

    async def _exchange(self, body: dict) -> object:
        assert self._session is not None, "the app was not started"
        try:
            async with self._session.post(
                self.settings.endpoint,
                json=body,
                headers={"Authorization": f"Bearer {self.settings.secret}"},
                timeout=aiohttp.ClientTimeout(total=self.settings.timeout_seconds),
            ) as upstream:
                if upstream.status >= 400:
                    log.warning("Direct Line token exchange refused: HTTP %d", upstream.status)
                    detail = f"the Direct Line service refused the token request (HTTP {upstream.status})"
                    if upstream.status in (401, 403):
                        detail += "; check DirectLineSecret"
                    raise Problem(502, "directline-token-failed", "Direct Line token not issued", detail)
                try:
                    return await upstream.json(content_type=None)
                except ValueError:
                    raise Problem(502, "directline-token-failed", "Direct Line token not issued",
                                  "the Direct Line service answered with something that is not JSON") from None
        except asyncio.TimeoutError:
            log.warning("Direct Line token exchange timed out after %.1fs", self.settings.timeout_seconds)
            raise Problem(504, "directline-timeout", "Direct Line did not answer",
                          f"the Direct Line service did not answer within {self.settings.timeout_seconds:g}s") from None
        except aiohttp.ClientError as exc:
            log.warning("Direct Line token exchange failed: %s", type(exc).__name__)
            raise Problem(502, "directline-unreachable", "Direct Line unreachable",
                          "the Direct Line service could not be reached") from None


def add_directline_token_route(app: web.Application, config: "BotConfig") -> bool:
    """Register POST (and CORS OPTIONS) /api/directline/token; False when no secret is configured.

    One ClientSession per app, opened on startup and closed on cleanup, so the
    exchange reuses connections to the Direct Line service.
    """
    settings = DirectLineTokenSettings.from_config(config)
    if not settings.secret:
        return False
    endpoint = _TokenEndpoint(settings)

    async def _open(app: web.Application) -> None:
        endpoint._session = aiohttp.ClientSession(trust_env=config.outbound_proxy_from_env)

    async def _close(app: web.Application) -> None:
        if endpoint._session is not None:
            await endpoint._session.close()

    app.on_startup.append(_open)
    app.on_cleanup.append(_close)
    app.router.add_post(ROUTE, endpoint.issue)
    app.router.add_route("OPTIONS", ROUTE, endpoint.preflight)
    log.info("Direct Line token route on %s (exchange at %s, %d allowed origin(s))",
             ROUTE, settings.endpoint, len(settings.allowed_origins))
    return True
