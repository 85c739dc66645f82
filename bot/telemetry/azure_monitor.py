"""Starting Azure Monitor's OpenTelemetry distro, once per process.

`configure_azure_monitor` sets OpenTelemetry's global tracer and meter
providers with exporters to the Application Insights resource the connection
string names, and instruments the HTTP clients it knows (requests, urllib3:
the SDK's token calls show as dependencies). The aiohttp server is not among
them; its instrumentation swaps in an Application class that traces every
request, so it must run before the app is built (bot/telemetry/__init__.py).
That class puts its middleware first, in front of bot/web/middleware.py's, so a
request span sees the status the client got (problem+json included); it inserts
into the `middlewares` list the app passes, which therefore must be a list.

Choices made here, and why:
- Log records are not exported: OTEL_LOGS_EXPORTER is set to "none", the
  distro's one switch for that (it has no keyword for it; a `disable_logging`
  argument is silently overwritten from the environment). Our log lines are for
  the console and App Service's log stream; some carry what a user typed (the
  feedback line names the question), and telemetry never does.
- The Azure SDK's own loggers ("azure": the exporter logs every upload with its
  headers at INFO) are raised to WARNING unless a level was set for them.
- The cloud role name is "error-explainer" unless OTEL_SERVICE_NAME says otherwise.
- /healthz (App Service probes it on every instance every minute) makes no
  request span unless OTEL_PYTHON_AIOHTTP_SERVER_EXCLUDED_URLS says otherwise.

Everything else is the distro's default and its own environment variables
(sampling with OTEL_TRACES_SAMPLER, OTEL_*_EXPORTER=none, ...), documented
by Microsoft, work as documented.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger("bot.telemetry")

SERVICE_NAME = "error-explainer"

_started_with: str | None = None


def start_azure_monitor(connection_string: str) -> None:
    """Configure the distro and the aiohttp server instrumentation; later calls change nothing.

    Raises ValueError, with a message for the operator, when the distro rejects
    the connection string.
    """
    global _started_with
    if _started_with is not None:
        if _started_with != connection_string:
            log.warning("telemetry was already started with another connection string; keeping the first")
        return

    from azure.monitor.opentelemetry import configure_azure_monitor
    from opentelemetry.instrumentation.aiohttp_server import AioHttpServerInstrumentor
    from opentelemetry.sdk.resources import Resource

    os.environ["OTEL_LOGS_EXPORTER"] = "none"
    os.environ.setdefault("OTEL_PYTHON_AIOHTTP_SERVER_EXCLUDED_URLS", "healthz")
    azure_log = logging.getLogger("azure")
    if azure_log.level == logging.NOTSET:
        azure_log.setLevel(logging.WARNING)
    options: dict = {"connection_string": connection_string}
    if not os.environ.get("OTEL_SERVICE_NAME"):
        options["resource"] = Resource.create({"service.name": SERVICE_NAME})
    try:
        configure_azure_monitor(**options)
    except ValueError as exc:
        raise ValueError(f"APPLICATIONINSIGHTS_CONNECTION_STRING is not usable: {exc}") from None
    AioHttpServerInstrumentor().instrument()
    _started_with = connection_string
    log.info("telemetry: sending traces and metrics to Azure Monitor")
