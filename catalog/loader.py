"""Reading the data files into validated entries.

A person edits these files by hand, so every failure names the file, the entry
and the field in one line: the fix should be obvious from the message alone.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from .schema import CatalogFile, Entry, Source

DATA_DIR = Path(__file__).with_name("data")


class CatalogError(ValueError):
    """A data file is broken; the message says where and how, in one line."""


def _describe(err: ValidationError, data: dict) -> str:
    first = err.errors()[0]
    loc = list(first["loc"])
    where = ""
    if loc[:1] == ["entries"] and len(loc) > 1 and isinstance(loc[1], int):
        i = loc[1]
        entry = (data.get("entries") or [])[i] if i < len(data.get("entries") or []) else {}
        ident = _entry_name(entry) if isinstance(entry, dict) else ""
        where = f"entry #{i + 1}{ident}"
        loc = loc[2:]
    elif loc[:1] == ["source"]:
        where = "[source]"
        loc = loc[1:]
        if not loc and first["type"] == "missing":
            return "[source], field 'source': the [source] table is missing"
    field = ".".join(str(p) for p in loc) or "(whole)"
    msg = first["msg"]
    if first["type"] == "missing":
        msg = "missing required field"
    return f"{where}, field '{field}': {msg}".lstrip(", ")


def _entry_name(entry: dict) -> str:
    bits = [f"{k}={entry[k]}" for k in ("code", "subcode", "key", "string_code") if entry.get(k) is not None]
    return f" ({', '.join(bits)})" if bits else ""


def _toml_position(path: Path, error: str) -> str:
    """Where a syntax error sits ("entry #3, field 'title': "): the line number alone makes
    a person count `[[entries]]` headers in a long file by hand."""
    m = re.search(r"\(at line (\d+)", error)
    if not m:
        return ""
    lineno = int(m.group(1))
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[:lineno]
    except OSError:
        return ""
    entry = sum(1 for ln in lines if ln.strip() == "[[entries]]")
    where = f"entry #{entry}" if entry else "[source]"
    key = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", lines[-1]) if lines else None
    return f"{where}, field '{key.group(1)}': " if key else f"{where}: "


def load_file(path: Path) -> CatalogFile:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{path.name}: {_toml_position(path, str(exc))}not valid TOML: {exc}") from None
    except OSError as exc:
        raise CatalogError(f"{path.name}: cannot read: {exc.strerror}") from None
    try:
        parsed = CatalogFile.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(f"{path.name}: {_describe(exc, data)}") from None
    for i, entry in enumerate(parsed.entries):
        if entry.source != parsed.source.id:
            raise CatalogError(
                f"{path.name}: entry #{i + 1}{_entry_name(entry.model_dump())}, field 'source': "
                f"unknown source '{entry.source}' (this file defines '{parsed.source.id}')"
            )
        if entry.code is None and entry.subcode is None and not entry.key and not entry.string_code:
            raise CatalogError(
                f"{path.name}: entry #{i + 1} ('{entry.title}'), field 'key': "
                "an entry with no code and no subcode needs a key"
            )
    return parsed


def load_entries(paths: Iterable[Path] | None = None) -> tuple[dict[str, Source], list[Entry]]:
    """Load and cross-check every data file; raise CatalogError on the first fault."""
    files = sorted(paths) if paths is not None else sorted(DATA_DIR.glob("*.toml"))
    if not files:
        raise CatalogError(f"no data files found in {DATA_DIR}")
    sources: dict[str, Source] = {}
    entries: list[Entry] = []
    seen: dict[tuple, str] = {}
    for path in files:
        parsed = load_file(Path(path))
        sid = parsed.source.id
        if sid in sources:
            raise CatalogError(f"{Path(path).name}: [source], field 'id': source '{sid}' is defined twice")
        sources[sid] = parsed.source
        for i, entry in enumerate(parsed.entries):
            ident = entry.identity
            if ident in seen:
                field = "key" if entry.code is None and entry.subcode is None else "code"
                raise CatalogError(
                    f"{Path(path).name}: entry #{i + 1}{_entry_name(entry.model_dump())}, field '{field}': "
                    f"duplicate identity {ident} (first in {seen[ident]})"
                )
            seen[ident] = Path(path).name
            entries.append(entry)
    return sources, entries
