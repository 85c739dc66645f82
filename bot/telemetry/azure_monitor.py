"""Starting Azure Monitor's OpenTelemetry distro: prepared where the app is built, started where it is served.

`configure_azure_monitor` sets OpenTelemetry's global tracer and meter
providers with exporters to the Application Insights resource the connection
string names, and instruments the HTTP clients it knows (requests, urllib3:
the SDK's token calls show as dependencies). The aiohttp server is not among
them; its instrumentation swaps in an Application class that traces every
request, so it must run before the app is built (bot/telemetry/__init__.py).
That class puts its middleware first, in front of bot/web/middleware.py's, so a
request span sees the status the client got (problem+json included); it inserts
into the `middlewares` list the app passes, which therefore must be a list.

Two steps, because with several workers gunicorn builds the app in its master
and forks (bot/web/workers.py). `prepare_azure_monitor`, while the app is built:
the connection string is checked (bot/telemetry/connection_string.py: a bad one
stops the bot before it listens)
and the aiohttp server is instrumented; nothing runs yet. `start_azure_monitor`,
on the app's start (aiohttp on_startup), so once in each process that serves:
the providers, exporters and the distro's threads. Started in the master
instead, spans and metrics would still arrive (OpenTelemetry's SDK restarts its
own export threads in a forked child), but Live Metrics would not: its thread
and the distro's configuration refresh do not survive a fork, so Live Metrics
would list only the master, which serves nothing (tests/bot/telemetry/
test_telemetry_workers.py shows both). In Application Insights each worker is
then a cloud role instance of its own (OpenTelemetry gives each process a
service.instance.id), except where a resource detector names the instance: on
App Service the workers of one instance share its WEBSITE_INSTANCE_ID.

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

from .connection_string import parse_connection_string

log = logging.getLogger("bot.telemetry")

SERVICE_NAME = "error-explainer"
_UNUSABLE = "APPLICATIONINSIGHTS_CONNECTION_STRING is not usable"

_prepared_with: str | None = None
_started = False


def prepare_azure_monitor(connection_string: str) -> None:
    """Check the connection string and instrument the aiohttp server, in the process that builds the app.

    No exporter, thread or connection is started here: `start_azure_monitor`
    does that in the process that serves. Later calls change nothing.
    Raises ValueError, with a message for the operator, for a connection
    string the distro would reject.
    """
    global _prepared_with
    try:
        parse_connection_string(connection_string)
    except ValueError as exc:
        raise ValueError(f"{_UNUSABLE}: {exc}") from None
    if _prepared_with is not None:
        if _prepared_with != connection_string:
            log.warning("telemetry was already set up with another connection string; keeping the first")
        return

    from azure.monitor.opentelemetry import configure_azure_monitor  # noqa: F401 - loaded before any fork
    from opentelemetry.instrumentation.aiohttp_server import AioHttpServerInstrumentor

    os.environ["OTEL_LOGS_EXPORTER"] = "none"
    os.environ.setdefault("OTEL_PYTHON_AIOHTTP_SERVER_EXCLUDED_URLS", "healthz")
    azure_log = logging.getLogger("azure")
    if azure_log.level == logging.NOTSET:
        azure_log.setLevel(logging.WARNING)
    # Its tracer and meter are OpenTelemetry's global proxies: they send through
    # the providers `start_azure_monitor` sets, from whenever it sets them.
    AioHttpServerInstrumentor().instrument()
    _prepared_with = connection_string


def start_azure_monitor() -> None:
    """Configure the distro (providers, exporters, Live Metrics) in this process, once; an aiohttp
    on_startup hook, so it runs in the process that serves (in each gunicorn worker)."""
    global _started
    if _prepared_with is None or _started:
        return
    from azure.monitor.opentelemetry import configure_azure_monitor
    from opentelemetry.sdk.resources import Resource

    options: dict = {"connection_string": _prepared_with}
    if not os.environ.get("OTEL_SERVICE_NAME"):
        options["resource"] = Resource.create({"service.name": SERVICE_NAME})
    try:
        configure_azure_monitor(**options)
    except ValueError as exc:
        raise ValueError(f"{_UNUSABLE}: {exc}") from None
    _started = True
    log.info("telemetry: sending traces and metrics to Azure Monitor")

