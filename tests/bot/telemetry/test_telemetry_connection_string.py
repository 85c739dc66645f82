"""APPLICATIONINSIGHTS_CONNECTION_STRING is checked by our own reading of its documented format.

A bad one stops the bot before it listens, with a message naming what is wrong
(tests/bot/telemetry/test_telemetry_azure_monitor.py starts the bot with one);
here, what counts as bad, and that the check does not lean on the distro's
private modules, which a release may move.
"""

from __future__ import annotations

import sys

import pytest

from bot.telemetry.azure_monitor import prepare_azure_monitor
from bot.telemetry.connection_string import parse_connection_string

KEY = "0b6c4b1e-3d2a-4c1b-9a8e-5f7d6c5b4a39"
PORTAL = (f"InstrumentationKey={KEY};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;"
          "LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;"
          "ApplicationId=5a3f0c1e-8d2b-4e6a-b7c9-0e1f2a3b4c5d")


def test_the_string_the_portal_shows_is_read():
    read = parse_connection_string(PORTAL)
    assert read.instrumentation_key == KEY
    assert read.ingestion_endpoint == "https://westeurope-5.in.applicationinsights.azure.com/"
    assert read.live_endpoint == "https://westeurope.livediagnostics.monitor.azure.com/"
    assert read.text == PORTAL


@pytest.mark.parametrize("text", [
    f"InstrumentationKey={KEY}",  # the old short form: the exporter's default endpoints
    f"instrumentationkey={KEY};ingestionendpoint=http://127.0.0.1:8000/",  # keys in any case
    f"Authorization=ikey;InstrumentationKey={KEY};EndpointSuffix=applicationinsights.azure.cn;Location=chinaeast2",
    f"InstrumentationKey={KEY};SomethingNewer=yes",  # keys a later format adds are left to the distro
])
def test_other_documented_shapes_are_read(text):
    assert parse_connection_string(text).instrumentation_key == KEY


@pytest.mark.parametrize("text, says", [
    ("InstrumentationKey=not-a-key", "is not a GUID"),
    (f"InstrumentationKey={KEY.upper()}", "is not a GUID in lower case"),
    (f"IngestionEndpoint=https://dc.example/", "InstrumentationKey is missing"),
    (KEY, "is not Key=Value"),
    (f"InstrumentationKey={KEY};", "part 2 is empty"),
    (f"InstrumentationKey={KEY};;LiveEndpoint=https://live.example/", "part 2 is empty"),
    (f"InstrumentationKey={KEY}; IngestionEndpoint=https://dc.example/", "spaces around it"),
    (f"InstrumentationKey={KEY};IngestionEndpoint=dc.example", "IngestionEndpoint 'dc.example' is not an http(s) address"),
    (f"InstrumentationKey={KEY};IngestionEndpoint=https://dc.example/?code=1", "contains '='"),
    (f"InstrumentationKey={KEY};InstrumentationKey={KEY}", "given twice"),
    (f"InstrumentationKey={KEY};Authorization=aad", "only ikey"),
])
def test_a_string_the_exporter_would_refuse_or_misread_is_refused_with_the_reason(text, says):
    with pytest.raises(ValueError, match="APPLICATIONINSIGHTS_CONNECTION_STRING is not usable: .*" + _literal(says)):
        prepare_azure_monitor(text)


def test_the_check_does_not_need_the_distros_private_parser(monkeypatch):
    # A distro release that moves its parser must not turn the early refusal off.
    monkeypatch.setitem(sys.modules, "azure.monitor.opentelemetry.exporter._connection_string_parser", None)
    with pytest.raises(ValueError, match="InstrumentationKey 'not-a-key' is not a GUID"):
        prepare_azure_monitor("InstrumentationKey=not-a-key")


def _literal(text: str) -> str:
    import re

    return re.escape(text)
