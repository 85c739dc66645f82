"""APPLICATIONINSIGHTS_CONNECTION_STRING read by us, so a bad one stops the bot before it listens.

The format is Microsoft's documented one: `Key=Value` pairs separated by `;`,
keys in any case, `InstrumentationKey` (a GUID) required, endpoints optional
(`IngestionEndpoint`, `LiveEndpoint`, or `EndpointSuffix` with `Location`),
`Authorization` only ever `ikey`. The portal shows it as
`InstrumentationKey=...;IngestionEndpoint=https://...;LiveEndpoint=https://...;ApplicationId=...`.

The distro parses it too, but only when it starts, in each worker, and its
parser lives in a private module: an upgrade could move it (this check then
silently vanished) or change what it accepts. Here the rules are ours and the
messages name what is wrong. They are at least as strict as the distro's
(1.8.11), which reads the environment variable itself as well, so the string
is checked as written, not tidied: it cannot split a value holding "=", reads
an empty part (a trailing ";") as malformed, accepts only a lower-case GUID as
the key, and silently ignores a key with a space around it (sending to its
default endpoint instead of the one named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Keys whose value is an address the exporter will call.
_URL_KEYS = ("IngestionEndpoint", "LiveEndpoint", "AADAudience")


@dataclass(frozen=True)
class ConnectionString:
    instrumentation_key: str
    ingestion_endpoint: str | None
    live_endpoint: str | None
    text: str  # as given: what the distro is handed


def parse_connection_string(text: str) -> ConnectionString:
    """The connection string's parts; ValueError with a message for the operator when it is not usable."""
    pairs: dict[str, tuple[str, str]] = {}  # lower-case key -> (key as written, value)
    for number, part in enumerate(text.split(";"), start=1):
        if not part.strip():
            raise ValueError(f"part {number} is empty (a ';' at the end, or two in a row): remove it")
        key, equals, value = part.partition("=")
        if not equals or not key.strip():
            raise ValueError(f"part {number} ({_shown(part)}) is not Key=Value; the parts are separated by ';'")
        if key != key.strip():
            raise ValueError(f"the key {_shown(key)} has spaces around it, so it would be ignored: remove them")
        if "=" in value:
            raise ValueError(f"the value of {key} contains '=', which the format cannot carry")
        if key.lower() in pairs:
            raise ValueError(f"{key} is given twice")
        pairs[key.lower()] = (key, value)

    key = pairs.get("instrumentationkey", ("", ""))[1]
    if not key:
        raise ValueError("InstrumentationKey is missing (copy the whole connection string from the "
                         "Application Insights resource's Overview page)")
    if not _GUID.fullmatch(key):
        raise ValueError(f"InstrumentationKey {_shown(key)} is not a GUID in lower case, as the portal shows it")
    authorization = pairs.get("authorization", ("", "ikey"))[1]
    if authorization.lower() != "ikey":
        raise ValueError(f"Authorization={_shown(authorization)} is not supported (only ikey)")
    for name in _URL_KEYS:
        value = pairs.get(name.lower(), ("", None))[1]
        if value is None:
            continue
        url = urlsplit(value)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"{name} {_shown(value)} is not an http(s) address")

    return ConnectionString(
        instrumentation_key=key,
        ingestion_endpoint=pairs.get("ingestionendpoint", ("", None))[1],
        live_endpoint=pairs.get("liveendpoint", ("", None))[1],
        text=text,
    )


def _shown(value: str) -> str:
    """A value quoted for the message, cut short (a connection string is not a secret, but can be long)."""
    return repr(value if len(value) <= 60 else value[:57] + "...")
