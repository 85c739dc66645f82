"""Errors of the tools and services around our products, told apart from ours.

A bot is published by an authoring tool, hosted behind IIS on App Service, asks a
language service for the user's intent and keeps its state in Cosmos DB. Each of
them prints its own errors, and a post about a bot quotes them among our names:
"composer publish of my bot fails with DEPLOY_ZIP_ERROR - Request failed with 403"
is the deployment's 403, not the Bot Service's. foreign_products.py gives way to
any of our names, which is right for a product merely named beside ours; here the
sign is the error itself, so it decides by which component produced the error and
outweighs our names. Merely naming a tool decides nothing: only the component's own
error wording, its API's address, its own things next to its name ("the LUIS
endpoint keys") or one of its steps failing ("Composer publish fails"). The signs
are data (component_errors.toml).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .lexicon import fold
from .pattern_words import may_match, prefilter
from .products import phrase_positions, words_of

COMPONENTS_PATH = Path(__file__).with_name("component_errors.toml")


@dataclass(frozen=True)
class _Component:
    name: str
    names: tuple[tuple[str, ...], ...]
    near: frozenset[tuple[str, ...]]
    steps: frozenset[tuple[str, ...]]
    anywhere: frozenset[tuple[str, ...]]  # its own things, told by name ("endpoint key"): anywhere
    window: int | None = None  # its own reach, where its words sit further apart ("denied our guest from the lobby")


@dataclass(frozen=True, eq=False)  # one per process, hashed by identity
class ComponentErrors:
    errors: re.Pattern  # every component's own wordings, one alternation; group name -> component
    error_owner: dict[str, str]  # folded wording -> component name
    paths: tuple[tuple[re.Pattern, str], ...]
    components: tuple[_Component, ...]
    window: int
    failure: frozenset[str]
    first_words: frozenset[str]  # first words of every name: a cheap test before the windows

    def __post_init__(self) -> None:
        # the words one of which every wording holds: most questions hold none (pattern_words.py)
        object.__setattr__(self, "_errors_gate", prefilter(self.errors))

    def recognise(self, folded: str, words: list[str] | None = None) -> str | None:
        """The component whose error this (folded) question quotes, if any."""
        m = self.errors.search(folded) if may_match(self._errors_gate, folded) else None
        if m is not None:
            return self.error_owner[re.sub(r"\s+", " ", m.group(0))]
        for pattern, name in self.paths:
            if pattern.search(folded):
                return name
        words = words_of(folded) if words is None else words
        present = self.first_words.intersection(words)
        if not present:
            return None
        for c in self.components:
            if not any(name[0] in present for name in c.names):
                continue
            at = _positions_of_any(words, c.names)
            if not at:
                continue
            if c.anywhere and _positions_of_any(words, c.anywhere):
                return c.name
            window = c.window or self.window
            if c.near and any(abs(j - i) <= window for i in at for j in _positions_of_any(words, c.near)):
                return c.name
            if c.steps:
                for j in _positions_of_any(words, c.steps):
                    if any(abs(j - i) <= window for i in at) and self._failing(words, j):
                        return c.name
        return None

    def _failing(self, words: list[str], at: int) -> bool:
        """A failure word within the window of the step at this position."""
        lo, hi = max(0, at - self.window), at + self.window + 1
        return any(w in self.failure for w in words[lo:hi])


def _positions_of_any(words: list[str], phrases: Iterable[tuple[str, ...]]) -> list[int]:
    """Where any of these phrases starts in these words (products.phrase_positions, for many)."""
    return [i for p in phrases for i in phrase_positions(words, p)]


def _wording_pattern(text: str) -> str:
    """A wording on whole words, its spaces any run of spaces."""
    return r"\s+".join(re.escape(part) for part in fold(text).split())


@lru_cache(maxsize=1)
def load_component_errors(path: Path = COMPONENTS_PATH) -> ComponentErrors:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    owner: dict[str, str] = {}
    paths: list[tuple[re.Pattern, str]] = []
    components: list[_Component] = []
    for c in raw["components"]:
        for e in c.get("errors", ()):
            owner.setdefault(" ".join(fold(e).split()), c["name"])
        paths.extend((re.compile(p, re.IGNORECASE), c["name"]) for p in c.get("paths", ()))
        names = tuple(tuple(words_of(n)) for n in c.get("names", ()))
        if names:
            components.append(_Component(
                c["name"], names,
                frozenset(tuple(words_of(w)) for w in c.get("near", ())),
                frozenset(tuple(words_of(w)) for w in c.get("steps", ())),
                frozenset(tuple(words_of(w)) for w in c.get("with", ())),
                c.get("window"),
            ))
    # Longest first, so that "http error 500.30" is not read as a shorter wording.
    alternation = "|".join(_wording_pattern(e) for e in sorted(owner, key=len, reverse=True)) or r"(?!)"
    errors = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")
    return ComponentErrors(
        errors=errors,
        error_owner=owner,
        paths=tuple(paths),
        components=tuple(components),
        window=int(raw["window"]["words"]),
        failure=frozenset(fold(w) for w in raw["failure"]["words"]),
        first_words=frozenset(n[0] for c in components for n in c.names),
    )
