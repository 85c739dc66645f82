"""Azure Blob Storage clients that fail fast, and Azure's errors in our words.

Used by the conversation state (bot/sdk/blob_state.py) and the records
(bot/storage/records_blob.py). The storage library's defaults retry for about
a minute (15 s first back-off) without a connect timeout; a bot turn cannot
wait that long, so these clients retry once, at once, and give up after about
`timeout_seconds`. Azure's exceptions are translated here, once.

They also skip a look-up per request that a bot on App Service never needs:
with its default `use_env_settings`, azure-core's aiohttp transport asks
aiohttp to find proxies and ~/.netrc credentials for every call, which reads
the environment and stats (and parses) ~/.netrc in a thread-pool hop each
time: about a fifth of the bot's CPU per Blob call. Proxies are still honoured
when HTTPS_PROXY or HTTP_PROXY is set at start.
"""

from __future__ import annotations

import asyncio
import logging
import os

from azure.core.exceptions import HttpResponseError
from azure.storage.blob.aio import BlobServiceClient, ExponentialRetry

from .errors import StateConflict, StorageUnavailable

_CONFLICT_STATUSES = (409, 412)
_PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy", "ALL_PROXY", "all_proxy")


def blob_service(connection_string: str, timeout_seconds: float) -> BlobServiceClient:
    """An async Blob client that answers (or fails) within about `timeout_seconds`."""
    # azure-core logs every request and response at INFO: a line per state read and write.
    logging.getLogger("azure.core.pipeline.policies.http_logging_policy").setLevel(logging.WARNING)
    return BlobServiceClient.from_connection_string(
        connection_string,
        retry_policy=ExponentialRetry(initial_backoff=0, increment_base=1, retry_total=1),
        connection_timeout=timeout_seconds / 2,
        read_timeout=timeout_seconds / 2,
        use_env_settings=uses_a_proxy(),
    )


def uses_a_proxy(environ=os.environ) -> bool:
    """Whether the operator set a proxy for outbound HTTP (then the environment is read per request, as by default)."""
    return any(environ.get(name) for name in _PROXY_VARIABLES)


def translate(error: BaseException, doing: str) -> Exception:
    """Azure's exception (or a timeout) as StateConflict or StorageUnavailable."""
    if isinstance(error, HttpResponseError) and error.status_code in _CONFLICT_STATUSES:
        return StateConflict(f"{doing}: the stored item changed meanwhile ({error.status_code})")
    if isinstance(error, HttpResponseError):
        return StorageUnavailable(f"{doing}: the Blob service answered {error.status_code} ({getattr(error, 'error_code', None)})")
    if isinstance(error, (asyncio.TimeoutError, TimeoutError)):
        return StorageUnavailable(f"{doing}: the Blob service did not answer in time")
    return StorageUnavailable(f"{doing}: the Blob service cannot be reached ({type(error).__name__})")


def is_missing_container(error: BaseException) -> bool:
    """The container is gone (deleted, or an emulator restarted empty): create it and try again."""
    return isinstance(error, HttpResponseError) and getattr(error, "error_code", None) == "ContainerNotFound"
