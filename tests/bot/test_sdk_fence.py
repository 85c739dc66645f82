"""The fence: outside bot/sdk/, no module reaches into the Bot Framework SDK's internals.

The SDK is archived and bot/sdk/ replaces parts of it, relying on exact
versions of msrest, botframework-connector and the aiohttp integration. That is
only safe while every such reliance is in one place. Outside bot/sdk/, modules
may use the SDK's public API (ActivityHandler, TurnContext, MessageFactory,
CardFactory, ConversationState, MemoryStorage, the botbuilder.schema models)
and nothing else. Read from the source (AST): imports, and attribute names.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BOT = REPO / "bot"
FENCE = BOT / "sdk"

# Packages nobody outside the fence imports at all.
FENCED_PACKAGES = ("msrest", "botframework", "botbuilder.integration")
# The public API the rest of bot/ may use, by package.
PUBLIC = {
    "botbuilder.core": {
        "ActivityHandler", "TurnContext", "MessageFactory", "CardFactory",
        "ConversationState", "UserState", "MemoryStorage", "Storage", "StoreItem",
    },
    "botbuilder.schema": None,  # every public model (names without a leading underscore)
}
SDK_PACKAGES = ("botbuilder", "botframework", "msrest")


@functools.cache
def sdk_private_names() -> frozenset[str]:
    """Every underscore name (not dunder) the installed SDK, connector and msrest sources mention."""
    names: set[str] = set()
    word = re.compile(r"\b(_[A-Za-z][A-Za-z0-9_]*)\b")
    for package in SDK_PACKAGES:
        spec = importlib.util.find_spec(package)
        for root in spec.submodule_search_locations:
            for path in Path(root).rglob("*.py"):
                names.update(n for n in word.findall(path.read_text(errors="replace")) if not n.endswith("__"))
    return frozenset(names)


def _own_private_names(tree: ast.AST) -> set[str]:
    """Underscore names the module itself defines (its own helpers and attributes)."""
    own: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.attr)
        elif isinstance(node, ast.arg):
            own.add(node.arg)
    return own


def fence_violations(source: str, own_names: set[str] = frozenset()) -> list[str]:
    """What in `source` (a module outside bot/sdk/) reaches past the SDK's public API."""
    tree = ast.parse(source)
    own = _own_private_names(tree) | set(own_names)
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(FENCED_PACKAGES) or (
                    alias.name.startswith("botbuilder") and alias.name not in PUBLIC
                ):
                    found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            module = node.module
            if module.startswith(FENCED_PACKAGES):
                found.append(f"line {node.lineno}: from {module} import ...")
            elif module.startswith("botbuilder"):
                if module not in PUBLIC:
                    found.append(f"line {node.lineno}: from {module} import ... (an SDK submodule)")
                    continue
                allowed = PUBLIC[module]
                for alias in node.names:
                    if alias.name.startswith("_") or (allowed is not None and alias.name not in allowed):
                        found.append(f"line {node.lineno}: from {module} import {alias.name}")
        elif isinstance(node, ast.Attribute):
            name = node.attr
            if name.startswith("_") and not name.endswith("__") and name not in own and name in sdk_private_names():
                found.append(f"line {node.lineno}: .{name} (a private SDK name)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr", "hasattr"):
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str):
                name = node.args[1].value
                if name.startswith("_") and not name.endswith("__") and name not in own and name in sdk_private_names():
                    found.append(f"line {node.lineno}: {node.func.id}(..., {name!r}) (a private SDK name)")
    return found


def _outside_the_fence() -> list[Path]:
    return sorted(p for p in BOT.rglob("*.py") if FENCE not in p.parents)


def _private_names_defined_outside() -> set[str]:
    names: set[str] = set()
    for path in _outside_the_fence():
        names |= _own_private_names(ast.parse(path.read_text()))
    return names


@pytest.mark.parametrize("path", _outside_the_fence(), ids=lambda p: str(p.relative_to(REPO)))
def test_modules_outside_bot_sdk_use_only_the_sdks_public_api(path):
    violations = fence_violations(path.read_text(), _private_names_defined_outside())
    assert not violations, f"{path.relative_to(REPO)} reaches past the fence (move it into bot/sdk/):\n" + "\n".join(violations)


def test_the_fence_has_something_to_guard():
    # If bot/sdk/ ever stopped using internals, the scan above would be checking nothing worth checking.
    inside = "\n".join(p.read_text() for p in FENCE.rglob("*.py"))
    assert "msrest" in inside and "_serialize" in inside


@pytest.mark.parametrize("source", [
    "from msrest.serialization import Model",
    "import msrest",
    "from botframework.connector.aio import ConnectorClient",
    "from botbuilder.integration.aiohttp import CloudAdapter",
    "from botbuilder.core.bot_state import CachedBotState",
    "from botbuilder.core import serializer_helper",
    "from botbuilder.schema import _private_thing",
    "def f(client):\n    return client._serialize",
    "def f(activity):\n    return activity._attribute_map",
    "def f(client):\n    return getattr(client, '_serialize')",
])
def test_the_scan_catches_each_kind_of_reach(source):
    assert fence_violations(source), source


@pytest.mark.parametrize("source", [
    "from botbuilder.core import ActivityHandler, TurnContext, MessageFactory, ConversationState, MemoryStorage",
    "from botbuilder.schema import Activity, ActivityTypes, CardAction",
    "class A:\n    def __init__(self):\n        self._state = 1\n    def f(self):\n        return self._state",
    "import aiohttp\nfrom aiohttp import web",
])
def test_the_public_api_and_our_own_private_names_pass(source):
    assert fence_violations(source) == []
