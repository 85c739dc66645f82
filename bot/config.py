"""Everything the server can be told, read once from the environment.

The Bot Framework's own variable names (MicrosoftAppId, ...) are used so that an
Azure App Service configured by the portal or by a Bicep template works
unchanged. The SDK reads credentials from attributes named APP_ID,
APP_PASSWORD, APP_TYPE and APP_TENANTID, so the config exposes those too and is
handed to ConfigurationBotFrameworkAuthentication as is.

Unsafe combinations are refused here, before anything listens: an anonymous
bot (no app id) on a public address would post replies to any serviceUrl a
stranger names, i.e. act as an open relay.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from typing import Mapping

from .storage.settings import StorageSettings


class ConfigError(ValueError):
    """The configuration cannot be served; the message is one line for the operator."""


_GOV_CHANNEL_SERVICE = "https://botframework.azure.us"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _flag(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}={raw!r} is not a yes/no value (use 1 or 0)")


def _number(env: Mapping[str, str], name: str, default, minimum, maximum, parse=int):
    """An int (or, with parse=float, a float) setting within [minimum, maximum]; unset or blank: default."""
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = parse(raw.strip())
    except ValueError:
        kind = "whole number" if parse is int else "number"
        raise ConfigError(f"{name}={raw!r} is not a {kind}") from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name}={value} is out of range ({minimum}..{maximum})")
    return value


def is_loopback(host: str) -> bool:
    """True when only this machine can reach a socket bound to `host`."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a DNS name: could resolve to anything


_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")


@dataclass(frozen=True)
class BotConfig:
    app_id: str = ""
    app_password: str = field(default="", repr=False)
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    host: str = "127.0.0.1"
    port: int = 3978
    # Anonymous (no app id) on a non-loopback address: only with this opt-in.
    allow_anonymous: bool = False
    # Requests bodies over this are refused with 413 before they are read.
    max_body_bytes: int = 256 * 1024
    # Questions longer than this are cut before matching; the reply says so.
    max_question_chars: int = 2000
    # Questions at least this long get a typing indicator before the answer.
    typing_threshold_chars: int = 600
    # Upper bound on verifying one token. The SDK fetches the signing keys with a
    # blocking HTTP call without a timeout; we run it off the event loop and
    # answer 503 instead of hanging when the keys cannot be fetched in time.
    auth_timeout_seconds: float = 10.0
    # Connector clients kept for reuse (keyed by service URL, audience, app id).
    connector_cache_size: int = 256
    # Answers kept for repeated questions (bot/conversation/answer_cache.py); 0 turns the cache off.
    answer_cache_size: int = 1024
    # The Web Chat token route (bot/web/directline_token.py); no secret, no route.
    directline_secret: str = field(default="", repr=False)
    directline_token_endpoint: str = ""  # empty: the global Direct Line service
    directline_allowed_origins: tuple[str, ...] = ()
    directline_token_timeout_seconds: float = 10.0
    log_level: str = "INFO"
    # HTTP(S)_PROXY / ALL_PROXY is set: outbound calls (replies, Direct Line) go through it, as the
    # SDK's own transport (requests) would. Only then, since aiohttp then looks the proxy up per request.
    outbound_proxy_from_env: bool = False
    # Sovereign and private clouds (the SDK's own setting names). Empty: public Azure.
    # ChannelService=https://botframework.azure.us selects the US Government cloud;
    # the others describe a private cloud's token issuer and endpoints.
    channel_service: str = ""
    to_bot_from_channel_openid_metadata_url: str = ""
    to_bot_from_channel_token_issuer: str = ""
    to_bot_from_emulator_openid_metadata_url: str = ""
    to_channel_from_bot_login_url: str = ""
    to_channel_from_bot_oauth_scope: str = ""
    oauth_url: str = ""
    # Conversation state and records (bot/storage/settings.py: BOT_STORAGE, BOT_DATA_DIR, ...).
    storage: StorageSettings = field(default_factory=StorageSettings)
    # BOT_WORKERS > 1: `python -m bot` serves through gunicorn with that many worker processes.
    workers: int = 1

    @property
    def anonymous(self) -> bool:
        """No app id: requests are not authenticated (Emulator, Agents Playground, tests)."""
        return not self.app_id

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "BotConfig":
        env = os.environ if env is None else env
        app_type = (env.get("MicrosoftAppType") or "MultiTenant").strip()
        if app_type.lower() not in {"multitenant", "singletenant", "userassignedmsi"}:
            raise ConfigError(
                f"MicrosoftAppType={app_type!r} is not one of MultiTenant, SingleTenant, UserAssignedMSI"
            )
        config = cls(
            app_id=(env.get("MicrosoftAppId") or "").strip(),
            app_password=env.get("MicrosoftAppPassword") or "",
            app_type=app_type,
            app_tenant_id=(env.get("MicrosoftAppTenantId") or "").strip(),
            host=(env.get("HOST") or "127.0.0.1").strip(),
            port=_number(env, "PORT", 3978, 0, 65535),
            allow_anonymous=_flag(env, "BOT_ALLOW_ANONYMOUS"),
            max_body_bytes=_number(env, "BOT_MAX_BODY_BYTES", 256 * 1024, 1024, 64 * 1024 * 1024),
            max_question_chars=_number(env, "BOT_MAX_QUESTION_CHARS", 2000, 20, 100_000),
            typing_threshold_chars=_number(env, "BOT_TYPING_THRESHOLD_CHARS", 600, 0, 100_000),
            auth_timeout_seconds=_number(env, "BOT_AUTH_TIMEOUT_SECONDS", 10.0, 0.1, 120.0, float),
            connector_cache_size=_number(env, "BOT_CONNECTOR_CACHE_SIZE", 256, 1, 100_000),
            answer_cache_size=_number(env, "BOT_ANSWER_CACHE_SIZE", 1024, 0, 1_000_000),
            directline_secret=env.get("DirectLineSecret") or "",
            directline_token_endpoint=(env.get("DirectLineTokenEndpoint") or "").strip(),
            directline_allowed_origins=tuple(
                o.strip() for o in (env.get("DirectLineAllowedOrigins") or "").split(",") if o.strip()
            ),
            directline_token_timeout_seconds=_number(env, "DirectLineTokenTimeoutSeconds", 10.0, 0.1, 120.0, float),
            log_level=(env.get("LOG_LEVEL") or "INFO").strip().upper(),
            outbound_proxy_from_env=any(env.get(name) for name in _PROXY_VARIABLES),
            channel_service=(env.get("ChannelService") or "").strip(),
            to_bot_from_channel_openid_metadata_url=(env.get("ToBotFromChannelOpenIdMetadataUrl") or "").strip(),
            to_bot_from_channel_token_issuer=(env.get("ToBotFromChannelTokenIssuer") or "").strip(),
            to_bot_from_emulator_openid_metadata_url=(env.get("ToBotFromEmulatorOpenIdMetadataUrl") or "").strip(),
            to_channel_from_bot_login_url=(env.get("ToChannelFromBotLoginUrl") or "").strip(),
            to_channel_from_bot_oauth_scope=(env.get("ToChannelFromBotOAuthScope") or "").strip(),
            oauth_url=(env.get("OAuthUrl") or "").strip(),
            storage=StorageSettings.from_env(env),
            workers=_number(env, "BOT_WORKERS", 1, 1, 64),
        )
        config.check()
        return config

    def check(self) -> None:
        """Raise ConfigError for a configuration that must not be served."""
        lower = self.app_type.lower()
        if lower == "singletenant" and self.app_id and not (self.app_password and self.app_tenant_id):
            raise ConfigError("MicrosoftAppType=SingleTenant needs MicrosoftAppPassword and MicrosoftAppTenantId")
        if lower == "userassignedmsi" and not (self.app_id and self.app_tenant_id):
            raise ConfigError("MicrosoftAppType=UserAssignedMSI needs MicrosoftAppId and MicrosoftAppTenantId")
        if self.app_password and not self.app_id:
            raise ConfigError("MicrosoftAppPassword is set but MicrosoftAppId is empty")
        if self.anonymous and not is_loopback(self.host) and not self.allow_anonymous:
            raise ConfigError(
                f"refusing to listen on {self.host} without MicrosoftAppId: an unauthenticated bot on a "
                "public address relays replies to any serviceUrl; set MicrosoftAppId, use HOST=127.0.0.1, "
                "or opt in with BOT_ALLOW_ANONYMOUS=1"
            )
        private_cloud = (
            self.to_bot_from_channel_openid_metadata_url,
            self.to_bot_from_channel_token_issuer,
            self.to_channel_from_bot_login_url,
            self.to_channel_from_bot_oauth_scope,
        )
        if self.channel_service and self.channel_service != _GOV_CHANNEL_SERVICE and not any(private_cloud):
            raise ConfigError(
                f"ChannelService={self.channel_service!r} is not supported: use {_GOV_CHANNEL_SERVICE} "
                "(US Government) or leave it empty (public Azure)"
            )
        if any(private_cloud) and not all(private_cloud):
            raise ConfigError(
                "a private cloud needs all of ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, "
                "ToChannelFromBotLoginUrl and ToChannelFromBotOAuthScope"
            )
        if self.log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ConfigError(f"LOG_LEVEL={self.log_level!r} is not a logging level")
