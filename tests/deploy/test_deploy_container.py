"""The container recipe: what can be checked without a Docker engine (none on these machines).

The image's start command (CMD), its environment (ENV) and its HEALTHCHECK
command are read from the Dockerfile and run here as they would run in the
container: the bot must start with credentials, refuse to start on 0.0.0.0
without them, and the health check must pass against it (and fail when nothing
answers).
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import requests

from tests.support.bot_server import free_port

REPO = Path(__file__).resolve().parents[2]
DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")
DUMMY_CREDENTIALS = {
    "MicrosoftAppId": "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    "MicrosoftAppPassword": "not-a-real-password",
    "MicrosoftAppType": "SingleTenant",
    "MicrosoftAppTenantId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
}


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def exec_form(args: str) -> list[str]:
    argv = json.loads(args)
    assert isinstance(argv, list) and all(isinstance(a, str) for a in argv), "use the exec (JSON) form"
    return argv


def image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for word, args in instructions():
        if word == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def as_here(argv: list[str]) -> list[str]:
    """The container's command with its `python` mapped to this venv's interpreter."""
    assert argv[0] == "python"
    return [sys.executable, *argv[1:]]


def cmd() -> list[str]:
    (args,) = [a for w, a in instructions() if w == "CMD"]
    return exec_form(args)


def healthcheck() -> list[str]:
    (args,) = [a for w, a in instructions() if w == "HEALTHCHECK"]
    _, _, command = args.partition("CMD ")
    return exec_form(command)


def dockerignore() -> list[str]:
    lines = (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


def clean_env(**extra: str) -> dict[str, str]:
    import os

    base = {k: v for k, v in os.environ.items()
            if not k.startswith("Microsoft") and k not in ("HOST", "PORT", "BOT_ALLOW_ANONYMOUS", "DirectLineSecret")}
    return {**base, **image_env(), "PYTHONUNBUFFERED": "1", **extra}


def test_recipe_is_slim_python_311_non_root_with_runtime_dependencies_only():
    steps = instructions()
    assert steps[0] == ("FROM", "python:3.11-slim")
    users = [a for w, a in steps if w == "USER"]
    assert users and users[-1] not in ("root", "0")
    last_run = max(i for i, (w, _) in enumerate(steps) if w == "RUN")
    assert max(i for i, (w, _) in enumerate(steps) if w == "USER") > last_run, "USER must come after the installs"
    installs = " ".join(a for w, a in steps if w == "RUN" and "pip install" in a)
    assert "pip install" in installs and "[test]" not in installs and "-e " not in installs
    assert image_env()["HOST"] == "0.0.0.0"
    assert cmd() == ["python", "-m", "bot"]


def test_image_copies_every_package_the_project_ships():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    packages = {p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]}
    copied = {a.split()[0] for w, a in instructions() if w == "COPY"}
    assert packages <= copied, f"Dockerfile does not COPY {packages - copied}"
    ignore = dockerignore()
    assert ignore[0] == "*", ".dockerignore should start from nothing and let in only what the image needs"
    for package in packages:
        assert f"!{package}/" in ignore, f".dockerignore must let {package}/ in"


def test_on_0_0_0_0_without_credentials_the_container_refuses_to_start():
    proc = subprocess.run(as_here(cmd()), cwd=REPO, env=clean_env(PORT=str(free_port())),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "MicrosoftAppId" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


def test_start_command_serves_with_credentials_and_the_healthcheck_passes():
    port = free_port()
    # The image's environment with dummy credentials; HOST narrowed to loopback so the
    # test listens only on this machine (the same code path: authenticated mode).
    env = clean_env(PORT=str(port), HOST="127.0.0.1", **DUMMY_CREDENTIALS)
    proc = subprocess.Popen(as_here(cmd()), cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, proc.stdout.read()
            try:
                health = requests.get(url + "/healthz", timeout=1)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the bot did not answer /healthz within 30s"
                time.sleep(0.2)
        assert health.status_code == 200
        assert health.json()["status"] == "ok" and health.json()["authentication"] == "bot-framework"
        check = subprocess.run(as_here(healthcheck()), env=env, capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr
        # Credentials are required: an activity without a token is refused, not answered.
        unauthenticated = requests.post(url + "/api/messages", timeout=10, json={
            "type": "message", "channelId": "msteams", "text": "what is 404", "conversation": {"id": "c"},
            "serviceUrl": "https://smba.trafficmanager.net/teams/", "from": {"id": "u"}, "recipient": {"id": "b"}})
        assert unauthenticated.status_code == 401
    finally:
        proc.terminate()
        proc.wait(10)


def test_healthcheck_fails_when_nothing_answers():
    env = clean_env(PORT=str(free_port()))
    check = subprocess.run(as_here(healthcheck()), env=env, capture_output=True, text=True, timeout=30)
    assert check.returncode != 0


@pytest.mark.parametrize("name", ["tests", ".venv", "deploy", "node_modules", ".git", "artifacts", "dist"])
def test_build_context_leaves_out_what_the_image_does_not_run(name):
    """With `*` first, anything not re-included is out; none of these may be re-included."""
    ignore = dockerignore()
    assert not any(line.startswith(f"!{name}") for line in ignore)
