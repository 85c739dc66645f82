"""deploy/azure/main.bicep, checked offline: it parses, and it configures the bot the way the bot reads it.

The Bicep CLI (a .NET program it downloads) cannot run here; pycep-parser (the
parser checkov uses) reads the template into a tree. What matters to someone
deploying: the web app runs the same start command as the container on Python
3.11 with a health check, the Azure Bot talks to /api/messages with a
single-tenant identity (a user-assigned managed identity: new multi-tenant bots
cannot be created), both channels exist, and the app settings are ones the bot
accepts: a configuration the bot refuses would only show up as a dead bot.
It runs two instances that share their state through a Blob Storage container,
and sends telemetry to Application Insights backed by a Log Analytics workspace.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "deploy" / "azure" / "main.bicep"


@pytest.fixture(scope="module")
def bicep() -> dict:
    from pycep import BicepParser

    return BicepParser().parse(text=TEMPLATE.read_text(encoding="utf-8"))


def resource(bicep: dict, type_: str) -> dict:
    found = [r for r in bicep["resources"].values() if r["type"] == type_]
    assert len(found) == 1, f"expected one {type_}, found {len(found)}"
    return found[0]


def app_settings(bicep: dict) -> dict[str, object]:
    site = resource(bicep, "Microsoft.Web/sites")
    return {s["name"]: s["value"] for s in site["config"]["properties"]["siteConfig"]["appSettings"]}


def reference(value) -> str:
    """A Bicep property access such as `appInsights.properties.ConnectionString`, as that text."""
    if isinstance(value, str):
        return value
    operands = value["operator"]["operands"]
    assert value["operator"]["type"] == "property_accessor", value
    return f"{reference(operands['operand_1'])}.{reference(operands['operand_2'])}"


def named(bicep: dict, symbol: str) -> dict:
    return bicep["resources"][symbol]["config"]


def test_template_parses_and_every_parameter_is_documented(bicep):
    assert bicep["parameters"], "no parameters parsed"
    for name, param in bicep["parameters"].items():
        decorators = {d["type"] for d in param["decorators"]}
        assert "description" in decorators, f"parameter {name} has no @description"


def test_resource_types_use_ga_api_versions(bicep):
    for name, res in bicep["resources"].items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", res["api_version"]), f"{name}: {res['api_version']} is not a GA version"
    types = {r["type"] for r in bicep["resources"].values()}
    assert types == {
        "Microsoft.ManagedIdentity/userAssignedIdentities",
        "Microsoft.Web/serverfarms",
        "Microsoft.Web/sites",
        "Microsoft.BotService/botServices",
        "Microsoft.BotService/botServices/channels",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.Storage/storageAccounts/blobServices",
        "Microsoft.Storage/storageAccounts/blobServices/containers",
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
    }


def test_web_app_runs_the_container_start_command_on_linux_python_311(bicep):
    plan = resource(bicep, "Microsoft.Web/serverfarms")["config"]
    assert plan["kind"] == "linux" and plan["properties"]["reserved"] is True
    site = resource(bicep, "Microsoft.Web/sites")["config"]
    config = site["properties"]["siteConfig"]
    assert config["linuxFxVersion"] == "PYTHON|3.11"
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    (cmd,) = re.findall(r"^CMD (\[.*\])$", dockerfile, re.M)
    assert config["appCommandLine"] == " ".join(json.loads(cmd))
    assert config["healthCheckPath"] == "/healthz"
    assert config["alwaysOn"] is True and site["properties"]["httpsOnly"] is True
    assert site["identity"]["type"] == "UserAssigned"


def test_azure_bot_uses_the_managed_identity_and_our_endpoint(bicep):
    bot = resource(bicep, "Microsoft.BotService/botServices")["config"]
    props = bot["properties"]
    assert props["msaAppType"] == "UserAssignedMSI"  # single-tenant identity; never MultiTenant
    assert props["endpoint"].startswith("https://") and props["endpoint"].endswith("/api/messages")
    assert "msaAppMSIResourceId" in props and "msaAppTenantId" in props and "msaAppId" in props
    assert bot["location"] == "global" and bot["kind"] == "azurebot"
    settings = app_settings(bicep)
    # The bot and the web app must name the same identity.
    assert json.dumps(settings["MicrosoftAppId"], sort_keys=True) == json.dumps(props["msaAppId"], sort_keys=True)
    assert json.dumps(settings["MicrosoftAppTenantId"], sort_keys=True) == json.dumps(props["msaAppTenantId"], sort_keys=True)


def test_teams_and_direct_line_channels(bicep):
    channels = [r["config"] for r in bicep["resources"].values() if r["type"].endswith("/channels")]
    names = {c["properties"]["channelName"] for c in channels}
    assert names == {"MsTeamsChannel", "DirectLineChannel"}
    for c in channels:
        assert c["name"] == c["properties"]["channelName"]
    direct_line = next(c for c in channels if c["name"] == "DirectLineChannel")
    (site,) = direct_line["properties"]["properties"]["sites"]
    assert site["isV3Enabled"] is True and site["isV1Enabled"] is False


def test_app_settings_are_a_configuration_the_bot_accepts(bicep):
    from bot.config import BotConfig

    settings = app_settings(bicep)
    assert settings["HOST"] == "0.0.0.0" and settings["MicrosoftAppType"] == "UserAssignedMSI"
    assert "MicrosoftAppPassword" not in settings  # a managed identity has no password
    assert "DirectLineSecret" not in settings  # set after deployment, never in the template
    # Values computed at deployment time (identity ids, joined origins) get stand-ins; a
    # parameter reference (pycep shows it as the bare name) takes each value the parameter allows.
    stand_ins = {"MicrosoftAppId": "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
                 "MicrosoftAppTenantId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                 "DirectLineAllowedOrigins": "https://support.example.com",
                 "BOT_STORAGE_CONNECTION_STRING": "DefaultEndpointsProtocol=https;AccountName=errexplst0;"
                                                  "AccountKey=c3RhbmQtaW4=;EndpointSuffix=core.windows.net",
                 "BOT_STORAGE_CONTAINER": "error-explainer",
                 "APPLICATIONINSIGHTS_CONNECTION_STRING": "InstrumentationKey=6d1f1e5a-3c1b-4b8e-9f4e-2a7c5d9b0e11;"
                                                          "IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"}
    params = bicep["parameters"]
    base, choices = {}, {}
    for key, value in settings.items():
        if key in stand_ins:
            base[key] = stand_ins[key]
        elif isinstance(value, str) and value in params:
            allowed = [d["argument"] for d in params[value]["decorators"] if d["type"] == "allowed"]
            choices[key] = allowed[0] if allowed else [params[value]["default"]]
            base[key] = choices[key][0]
        else:
            assert isinstance(value, str), f"{key}: unexpected expression {value!r}"
            base[key] = value
    assert choices, "expected at least one setting taken from a parameter (LOG_LEVEL)"
    for key, values in choices.items():
        for value in values:
            config = BotConfig.from_env({**base, key: value})  # ConfigError = a bot that would not start
    assert not config.anonymous and config.host == "0.0.0.0" and config.port == int(settings["PORT"])


def test_code_zip_holds_the_runtime_and_runs_from_where_app_service_unpacks_it(tmp_path):
    """The zip `deploy-code.sh` uploads: App Service's build pip-installs '.', then runs `python -m bot` in it."""
    import os
    import subprocess
    import sys
    import time
    import zipfile

    import requests

    from tests.support.bot_server import free_port

    out = tmp_path / "app.zip"
    subprocess.run(["bash", str(REPO / "deploy/azure/deploy-code.sh"), "--zip-only"], check=True,
                   env={**os.environ, "APP_ZIP": str(out)}, capture_output=True)
    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        assert z.read("requirements.txt").decode().split() == ["."]
        z.extractall(tmp_path / "site")
    assert {"pyproject.toml", "bot/__main__.py", "cards/__init__.py", "catalog/__init__.py"} <= names
    assert any(n.startswith("catalog/data/") and n.endswith(".toml") for n in names)
    assert not any(n.startswith(("tests/", "deploy/", ".venv/", "node_modules/")) for n in names)

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("Microsoft") and k != "DirectLineSecret"}
    env.update({"HOST": "127.0.0.1", "PORT": str(port), "PYTHONPATH": str(tmp_path / "site")})
    proc = subprocess.Popen([sys.executable, "-m", "bot"], cwd=tmp_path / "site", env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stdout.read()
            try:
                health = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).json()
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        from catalog import load_catalog

        assert health["catalog"]["entries"] == len(load_catalog())
    finally:
        proc.terminate()
        proc.wait(10)


def test_two_instances_share_state_through_a_private_blob_container(bicep):
    """Scale-out only works with shared state: "and 3101?" may reach the other instance."""
    params = bicep["parameters"]
    plan = resource(bicep, "Microsoft.Web/serverfarms")["config"]
    assert plan["sku"]["capacity"] == "instanceCount" and params["instanceCount"]["default"] == 2
    site = resource(bicep, "Microsoft.Web/sites")["config"]
    assert site["properties"]["clientAffinityEnabled"] is False  # no sticky sessions: either instance answers

    settings = app_settings(bicep)
    assert settings["BOT_STORAGE"] == "blob"
    container = named(bicep, reference(settings["BOT_STORAGE_CONTAINER"]).split(".")[0])
    assert container["name"] == "storageContainerName" and params["storageContainerName"]["default"] == "error-explainer"
    assert container["properties"]["publicAccess"] == "None"
    connection = settings["BOT_STORAGE_CONNECTION_STRING"]
    assert connection.startswith("DefaultEndpointsProtocol=https;")
    assert "AccountName=${storage.name}" in connection and "AccountKey=${storage.listKeys()" in connection
    assert "EndpointSuffix=${environment().suffixes.storage}" in connection  # right in every Azure cloud

    storage = named(bicep, "storage")
    assert storage["kind"] == "StorageV2"
    props = storage["properties"]
    assert props["allowBlobPublicAccess"] is False and props["supportsHttpsTrafficOnly"] is True
    assert props["minimumTlsVersion"] == "TLS1_2"
    assert bicep["resources"]["blobService"]["config"]["parent"] == "storage"
    assert container["parent"] == "blobService"


def test_telemetry_goes_to_application_insights_kept_in_log_analytics(bicep):
    settings = app_settings(bicep)
    component_symbol, *path = reference(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]).split(".")
    assert path == ["properties", "ConnectionString"]  # the connection string, not the bare instrumentation key
    component = named(bicep, component_symbol)
    assert bicep["resources"][component_symbol]["type"] == "Microsoft.Insights/components"
    assert component["properties"]["Application_Type"] == "web"
    workspace_symbol, attribute = reference(component["properties"]["WorkspaceResourceId"]).split(".")
    assert attribute == "id" and bicep["resources"][workspace_symbol]["type"] == "Microsoft.OperationalInsights/workspaces"
    workspace = named(bicep, workspace_symbol)
    assert workspace["properties"]["sku"]["name"] == "PerGB2018"
    assert workspace["properties"]["retentionInDays"] == "telemetryRetentionDays"


def test_telemetry_setting_turns_the_bot_telemetry_on():
    """The template's setting is the one the bot reads: telemetry on only when it is set."""
    from bot.telemetry import CONNECTION_STRING_SETTING, enabled

    assert CONNECTION_STRING_SETTING == "APPLICATIONINSIGHTS_CONNECTION_STRING"
    assert enabled({CONNECTION_STRING_SETTING: "InstrumentationKey=6d1f1e5a-3c1b-4b8e-9f4e-2a7c5d9b0e11"})
    assert not enabled({})
