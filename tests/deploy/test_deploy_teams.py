"""The Teams app package: what `make teams-package` builds is what Teams will accept.

The manifest is validated offline against the official 1.29 schema vendored in
../shared/schemas (Draft7Validator: the schema says draft-04 but relies on
`const` and `if`/`then`, which only draft-06+ validators enforce).
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SCHEMA = SHARED / "schemas" / "teams-manifest-1.29.schema.json"
TEAMS = REPO / "deploy" / "teams"
SCRIPT = REPO / "deploy" / "scripts" / "teams_package.py"

APP_ID = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b"
ENV = {"MicrosoftAppId": APP_ID, "BOT_DOMAIN": "error-explainer.azurewebsites.net"}


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is absent (../shared not beside the repo)")
    from jsonschema import Draft7Validator

    return Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def package(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the packaging script exactly as `make teams-package` does, with only the given variables."""
    base = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path / "app.zip")],
        env={**base, **env}, capture_output=True, text=True, cwd=REPO,
    )


def errors(validator, manifest: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(manifest)]


def test_package_holds_the_filled_manifest_and_both_icons(tmp_path, validator):
    result = package(tmp_path, **ENV)
    assert result.returncode == 0, result.stderr
    zip_path = Path(result.stdout.strip())
    with zipfile.ZipFile(zip_path) as z:
        assert sorted(z.namelist()) == ["color.png", "manifest.json", "outline.png"]  # flat: Teams wants no folders
        manifest = json.loads(z.read("manifest.json"))
        assert z.read("color.png") == (TEAMS / "color.png").read_bytes()
        assert z.read("outline.png") == (TEAMS / "outline.png").read_bytes()
    assert errors(validator, manifest) == []
    assert manifest["manifestVersion"] == "1.29"
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["id"] == APP_ID  # Teams app id defaults to the bot's
    assert manifest["validDomains"] == ["error-explainer.azurewebsites.net"]
    assert "{{" not in json.dumps(manifest)


def test_developer_pages_default_to_the_pages_the_bot_serves(tmp_path):
    # bot/web/pages.py serves /, /privacy and /terms (tests/bot/web/test_privacy_and_terms_pages.py).
    from bot.web.pages import PAGES

    result = package(tmp_path, **ENV)
    assert result.returncode == 0, result.stderr
    developer = json.loads(zipfile.ZipFile(result.stdout.strip()).read("manifest.json"))["developer"]
    site = "https://error-explainer.azurewebsites.net"
    assert (developer["websiteUrl"], developer["privacyUrl"], developer["termsOfUseUrl"]) == (
        f"{site}/", f"{site}/privacy", f"{site}/terms")
    assert {"/", "/privacy", "/terms"} <= set(PAGES)


def test_an_organisations_own_pages_win(tmp_path):
    result = package(tmp_path, **ENV, DEVELOPER_PRIVACY_URL="https://contoso.example/privacy")
    developer = json.loads(zipfile.ZipFile(result.stdout.strip()).read("manifest.json"))["developer"]
    assert developer["privacyUrl"] == "https://contoso.example/privacy"
    assert developer["termsOfUseUrl"] == "https://error-explainer.azurewebsites.net/terms"


def test_the_message_extension_is_declared_for_the_bot(tmp_path, validator):
    from bot.conversation.invokes import SEARCH_COMMAND, SEARCH_PARAMETER

    result = package(tmp_path, **ENV)
    manifest = json.loads(zipfile.ZipFile(result.stdout.strip()).read("manifest.json"))
    assert errors(validator, manifest) == []
    (extension,) = manifest["composeExtensions"]
    assert extension["botId"] == APP_ID
    (command,) = extension["commands"]
    assert (command["id"], command["type"]) == (SEARCH_COMMAND, "query")
    assert set(command["context"]) == {"compose", "commandBox"}
    assert [p["name"] for p in command["parameters"]] == [SEARCH_PARAMETER]


def test_the_unfilled_template_is_not_a_valid_manifest(validator):
    # Proves the schema check bites: the placeholders are not GUIDs.
    template = json.loads((TEAMS / "manifest.json").read_text(encoding="utf-8"))
    problems = errors(validator, template)
    assert any(p.startswith("bots/0/botId") for p in problems), problems
    assert any(p.startswith("id:") for p in problems), problems


def test_separate_teams_app_id_and_version(tmp_path, validator):
    other = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    result = package(tmp_path, **ENV, TEAMS_APP_ID=other, APP_VERSION="2.3.4")
    assert result.returncode == 0, result.stderr
    manifest = json.loads(zipfile.ZipFile(result.stdout.strip()).read("manifest.json"))
    assert (manifest["id"], manifest["bots"][0]["botId"], manifest["version"]) == (other, APP_ID, "2.3.4")
    assert errors(validator, manifest) == []


@pytest.mark.parametrize(
    "env, says",
    [
        ({"BOT_DOMAIN": "x.example.com"}, "MicrosoftAppId is not set"),
        ({"MicrosoftAppId": "my-bot", "BOT_DOMAIN": "x.example.com"}, "is not a GUID"),
        ({"MicrosoftAppId": APP_ID}, "BOT_DOMAIN is not set"),
        ({"MicrosoftAppId": APP_ID, "BOT_DOMAIN": "https://x.example.com/api"}, "is not a host name"),
    ],
)
def test_missing_or_wrong_settings_are_refused_in_one_line(tmp_path, env, says):
    result = package(tmp_path, **env)
    assert result.returncode == 2
    assert says in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "app.zip").exists()


def test_bot_serves_every_scope_and_its_commands_are_questions_it_answers():
    from bot.conversation.examples import EXAMPLE_QUESTIONS, HELP_WORDS
    from catalog import load_catalog

    bot = json.loads((TEAMS / "manifest.json").read_text(encoding="utf-8"))["bots"][0]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    commands = [c["title"] for lst in bot["commandLists"] for c in lst["commands"]]
    assert all(len(c) <= 32 for c in commands)  # Teams cuts command titles in its menu beyond that
    assert "help" in commands and "help" in HELP_WORDS
    assert set(EXAMPLE_QUESTIONS) <= set(commands)
    catalog = load_catalog()
    for command in commands:
        if command != "help":
            assert catalog.explain(command).status != "none", f"command {command!r} finds nothing"


# ---------------------------------------------------------------- icons


def read_png(path: Path) -> tuple[int, int, list[list[tuple[int, int, int, int]]]]:
    """Width, height and RGBA pixels of an 8-bit RGBA PNG (enough of the format to check icons)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert (depth, colour, interlace) == (8, 6, 0), f"{path}: expected 8-bit RGBA, non-interlaced"
    raw, stride, rows, prev = zlib.decompress(idat), width * 4, [], bytearray(width * 4)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - 4] if i >= 4 else 0
            b, c = prev[i], prev[i - 4] if i >= 4 else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * 4:x * 4 + 4]) for x in range(width)])
        prev = line
    return width, height, rows


def test_color_icon_is_192_square():
    width, height, pixels = read_png(TEAMS / "color.png")
    assert (width, height) == (192, 192)
    assert pixels[96][96][3] == 255  # the mark itself is opaque


def test_outline_icon_is_32_square_white_on_transparent():
    width, height, pixels = read_png(TEAMS / "outline.png")
    assert (width, height) == (32, 32)
    flat = [p for row in pixels for p in row]
    visible = [p for p in flat if p[3] > 0]
    assert visible and len(visible) < len(flat), "outline must have both a shape and a transparent background"
    assert all(p[:3] == (255, 255, 255) for p in visible), "outline pixels must be white (only alpha varies)"
    assert all(p[3] == 0 for p in pixels[0] + pixels[-1]), "the border rows must be transparent"


def test_committed_icons_are_what_make_icons_draws():
    sys.path.insert(0, str(REPO / "deploy" / "scripts"))
    try:
        import make_icons
    finally:
        sys.path.pop(0)
    assert make_icons.png(32, 32, make_icons.render(32, make_icons.outline_icon)) == (TEAMS / "outline.png").read_bytes()
