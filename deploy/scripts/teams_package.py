"""Builds the Teams app package (`make teams-package`): dist/error-explainer-teams.zip.

Why a script rather than a committed zip: the manifest names the bot by its
Microsoft App ID, which differs per deployment, so deploy/teams/manifest.json
is a template with {{PLACEHOLDERS}} and this fills them from the environment,
checks the result, and zips manifest.json, color.png and outline.png at the
root of the archive (Teams rejects nested folders).

Environment:
  MicrosoftAppId         required: the bot's app id (a GUID), as the bot itself is configured
  BOT_DOMAIN             required: the bot's public host, e.g. my-bot.azurewebsites.net
                         or a dev tunnel host (no scheme, no path)
  TEAMS_APP_ID           the Teams app's own id (GUID); default: MicrosoftAppId
  APP_VERSION            default: the project's version from pyproject.toml
  DEVELOPER_NAME         default: "Error Explainer"
  DEVELOPER_WEBSITE_URL, DEVELOPER_PRIVACY_URL, DEVELOPER_TERMS_URL
                         default: the pages the bot itself serves, https://BOT_DOMAIN/,
                         https://BOT_DOMAIN/privacy and https://BOT_DOMAIN/terms
                         (bot/web/pages/); set your organisation's own pages if it has them

Exit status 0 and the zip's path on stdout; 2 and one line on stderr when a value is missing or wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Mapping

REPO = Path(__file__).resolve().parents[2]
TEAMS_DIR = REPO / "deploy" / "teams"
DEFAULT_OUT = REPO / "dist" / "error-explainer-teams.zip"
FILES = ("manifest.json", "color.png", "outline.png")

GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HOST = re.compile(r"^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")


class PackageError(ValueError):
    """A value the package needs is missing or malformed; the message is one line."""


def _project_version() -> str:
    with open(REPO / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def manifest_values(env: Mapping[str, str]) -> dict[str, str]:
    app_id = (env.get("MicrosoftAppId") or "").strip()
    if not app_id:
        raise PackageError("MicrosoftAppId is not set: the Teams package names the bot by its app id")
    if not GUID.match(app_id):
        raise PackageError(f"MicrosoftAppId={app_id!r} is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")
    domain = (env.get("BOT_DOMAIN") or "").strip().lower()
    if not domain:
        raise PackageError("BOT_DOMAIN is not set: the bot's public host, e.g. my-bot.azurewebsites.net")
    if not HOST.match(domain):
        raise PackageError(f"BOT_DOMAIN={domain!r} is not a host name (no https://, no path)")
    teams_app_id = (env.get("TEAMS_APP_ID") or app_id).strip()
    if not GUID.match(teams_app_id):
        raise PackageError(f"TEAMS_APP_ID={teams_app_id!r} is not a GUID")
    site = f"https://{domain}"
    return {
        "MicrosoftAppId": app_id,
        "TEAMS_APP_ID": teams_app_id,
        "BOT_DOMAIN": domain,
        "APP_VERSION": (env.get("APP_VERSION") or _project_version()).strip(),
        "DEVELOPER_NAME": (env.get("DEVELOPER_NAME") or "Error Explainer").strip(),
        # The bot serves these pages itself (bot/web/pages.py), so the defaults are never a 404.
        "DEVELOPER_WEBSITE_URL": (env.get("DEVELOPER_WEBSITE_URL") or f"{site}/").strip(),
        "DEVELOPER_PRIVACY_URL": (env.get("DEVELOPER_PRIVACY_URL") or f"{site}/privacy").strip(),
        "DEVELOPER_TERMS_URL": (env.get("DEVELOPER_TERMS_URL") or f"{site}/terms").strip(),
    }


def fill(node, values: Mapping[str, str]):
    """The manifest with every {{NAME}} in its strings replaced (on parsed JSON, so nothing needs escaping)."""
    if isinstance(node, dict):
        return {k: fill(v, values) for k, v in node.items()}
    if isinstance(node, list):
        return [fill(v, values) for v in node]
    if isinstance(node, str):
        def sub(m: re.Match) -> str:
            if m.group(1) not in values:
                raise PackageError(f"manifest.json has a placeholder {m.group(0)} that nothing fills")
            return values[m.group(1)]
        return PLACEHOLDER.sub(sub, node)
    return node


def filled_manifest(env: Mapping[str, str]) -> dict:
    template = json.loads((TEAMS_DIR / "manifest.json").read_text(encoding="utf-8"))
    return fill(template, manifest_values(env))


def build(env: Mapping[str, str], out: Path = DEFAULT_OUT) -> Path:
    manifest = filled_manifest(env)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        for name in FILES[1:]:
            z.write(TEAMS_DIR / name, arcname=name)
    tmp.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Teams app package from deploy/teams.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"zip to write (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    try:
        path = build(os.environ, args.out)
    except PackageError as exc:
        print(f"teams-package: {exc}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
