"""Configuration from the environment: defaults that suit the Emulator, refusals that protect a deployment."""

from __future__ import annotations

import pytest

from bot.config import BotConfig, ConfigError, is_loopback
from bot.sdk.settings import SdkSettings


def test_defaults_are_the_emulators():
    c = BotConfig.from_env({})
    assert (c.host, c.port, c.anonymous, c.max_body_bytes) == ("127.0.0.1", 3978, True, 256 * 1024)


def test_bot_framework_names_reach_the_sdk_attributes():
    c = BotConfig.from_env({"MicrosoftAppId": "id", "MicrosoftAppPassword": "pw", "MicrosoftAppType": "SingleTenant",
                            "MicrosoftAppTenantId": "tenant"})
    sdk = SdkSettings(c)
    assert (sdk.APP_ID, sdk.APP_PASSWORD, sdk.APP_TYPE, sdk.APP_TENANTID) == ("id", "pw", "SingleTenant", "tenant")
    assert not c.anonymous
    assert "pw" not in repr(c)


@pytest.mark.parametrize("host, expected", [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("bot.example.com", False), ("", False),
])
def test_loopback_detection(host, expected):
    assert is_loopback(host) is expected


def test_anonymous_public_needs_opt_in_and_app_id_does_not():
    with pytest.raises(ConfigError, match="BOT_ALLOW_ANONYMOUS"):
        BotConfig.from_env({"HOST": "0.0.0.0"})
    assert BotConfig.from_env({"HOST": "0.0.0.0", "BOT_ALLOW_ANONYMOUS": "yes"}).allow_anonymous
    assert BotConfig.from_env({"HOST": "0.0.0.0", "MicrosoftAppId": "id", "MicrosoftAppPassword": "pw"}).host == "0.0.0.0"


@pytest.mark.parametrize("env, words", [
    ({"PORT": "http"}, "PORT"),
    ({"PORT": "70000"}, "out of range"),
    ({"BOT_MAX_BODY_BYTES": "12"}, "out of range"),
    ({"BOT_ALLOW_ANONYMOUS": "perhaps"}, "yes/no"),
    ({"MicrosoftAppType": "Sometimes"}, "MicrosoftAppType"),
    ({"MicrosoftAppPassword": "pw"}, "MicrosoftAppId is empty"),
    ({"MicrosoftAppId": "id", "MicrosoftAppType": "SingleTenant", "MicrosoftAppPassword": "pw"}, "TenantId"),
    ({"ChannelService": "https://example.com"}, "ChannelService"),
    ({"ToBotFromChannelTokenIssuer": "https://issuer"}, "private cloud"),
    ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ({"DirectLineTokenTimeoutSeconds": "soon"}, "DirectLineTokenTimeoutSeconds"),
    ({"DirectLineTokenTimeoutSeconds": "600"}, "out of range"),
])
def test_bad_settings_are_refused_with_a_reason(env, words):
    with pytest.raises(ConfigError, match=words):
        BotConfig.from_env(env)


def test_government_cloud_is_accepted():
    c = BotConfig.from_env({"ChannelService": "https://botframework.azure.us", "MicrosoftAppId": "id",
                            "MicrosoftAppPassword": "pw"})
    assert SdkSettings(c).CHANNEL_SERVICE == "https://botframework.azure.us"
    assert SdkSettings(c).TO_BOT_FROM_CHANNEL_TOKEN_ISSUER is None  # public/gov defaults stay the SDK's


def test_direct_line_settings_come_from_the_environment_with_the_rest():
    config = BotConfig.from_env({
        "DirectLineSecret": "s3cret", "DirectLineTokenEndpoint": " https://europe.directline.botframework.com/v3/directline/tokens/generate ",
        "DirectLineAllowedOrigins": "https://support.example.com, https://portal.example.com:8443,",
        "DirectLineTokenTimeoutSeconds": "2.5",
    })
    assert config.directline_token_endpoint == "https://europe.directline.botframework.com/v3/directline/tokens/generate"
    assert config.directline_allowed_origins == ("https://support.example.com", "https://portal.example.com:8443")
    assert config.directline_token_timeout_seconds == 2.5
    assert "s3cret" not in repr(config)
