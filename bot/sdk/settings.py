"""The SDK's view of our configuration: the upper-case attribute names it reads.

ConfigurationBotFrameworkAuthentication reads APP_ID, APP_PASSWORD, ... with
getattr(config, NAME, None). Those names are the SDK's convention, not ours,
so BotConfig (bot/config.py) keeps plain field names and this adapter answers
the SDK's questions; nothing outside bot/sdk/ needs to know the SDK's spelling.
"""

from __future__ import annotations

from ..config import BotConfig


class SdkSettings:
    """BotConfig read the way the Bot Framework SDK reads a configuration object."""

    __slots__ = ("_config",)

    def __init__(self, config: BotConfig):
        self._config = config

    @property
    def APP_ID(self) -> str:  # noqa: N802
        return self._config.app_id

    @property
    def APP_PASSWORD(self) -> str:  # noqa: N802
        return self._config.app_password

    @property
    def APP_TYPE(self) -> str:  # noqa: N802
        return self._config.app_type

    @property
    def APP_TENANTID(self) -> str:  # noqa: N802
        return self._config.app_tenant_id

    # ConfigurationBotFrameworkAuthentication reads these with getattr(config, NAME, None);
    # None (not "") keeps the SDK on its public-cloud defaults.
    @property
    def CHANNEL_SERVICE(self) -> str | None:  # noqa: N802
        return self._config.channel_service or None

    @property
    def TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL(self) -> str | None:  # noqa: N802
        return self._config.to_bot_from_channel_openid_metadata_url or None

    @property
    def TO_BOT_FROM_CHANNEL_TOKEN_ISSUER(self) -> str | None:  # noqa: N802
        return self._config.to_bot_from_channel_token_issuer or None

    @property
    def TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL(self) -> str | None:  # noqa: N802
        return self._config.to_bot_from_emulator_openid_metadata_url or None

    @property
    def TO_CHANNEL_FROM_BOT_LOGIN_URL(self) -> str | None:  # noqa: N802
        return self._config.to_channel_from_bot_login_url or None

    @property
    def TO_CHANNEL_FROM_BOT_OAUTH_SCOPE(self) -> str | None:  # noqa: N802
        return self._config.to_channel_from_bot_oauth_scope or None

    @property
    def OAUTH_URL(self) -> str | None:  # noqa: N802
        return self._config.oauth_url or None

    @property
    def VALIDATE_AUTHORITY(self) -> bool:  # noqa: N802
        return self._config.validate_authority
