"""`explain-error gaps`: the gap report (catalog/gaps.py) from the records the bot kept.

    explain-error gaps                      readable in a terminal
    explain-error gaps --since 7d --json    for tooling (also --csv)

It reads the bot's own storage settings (BOT_STORAGE, BOT_STORAGE_CONNECTION_STRING,
BOT_STORAGE_CONTAINER, BOT_DATA_DIR, BOT_RECORDS_RETENTION_DAYS), so run it with the
environment the bot runs with.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from datetime import datetime, timedelta, timezone

from . import load_catalog
from .gaps import build_report, render_csv, render_text

_RELATIVE = re.compile(r"^\s*(\d+)\s*([hdw])\s*$", re.IGNORECASE)
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """'7d', '24h', '2w' (back from now), or an ISO date or time (UTC unless it says otherwise)."""
    now = now or datetime.now(timezone.utc)
    m = _RELATIVE.match(text)
    if m:
        return now - int(m.group(1)) * _UNITS[m.group(2).lower()]
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--since {text!r}: use a span such as 7d, 24h or 2w, or a date such as 2026-11-01") from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


async def _read(store, since):
    try:
        return await store.read(since)
    finally:
        await store.close()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(
        prog="explain-error gaps",
        description="Questions the bot could not answer, grouped, and the answers users marked Not helpful. "
        "Reads the records where the bot keeps them (the same BOT_STORAGE settings).",
    )
    ap.add_argument("--since", metavar="WHEN", help="only records from then on: 7d, 24h, 2w, or a date (2026-11-01)")
    ap.add_argument("--top", type=int, default=20, metavar="N", help="show the N largest groups and entries (default 20)")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the report as one JSON object")
    out.add_argument("--csv", action="store_true", help="print the report as CSV, one row per group or entry")
    args = ap.parse_args(argv)

    from bot.config import ConfigError
    from bot.storage.errors import StorageUnavailable
    from bot.storage.factory import record_store
    from bot.storage.settings import StorageSettings

    try:
        since = parse_since(args.since) if args.since else None
        settings = StorageSettings.from_env()
    except (ValueError, ConfigError) as exc:
        print(f"explain-error gaps: {exc}", file=sys.stderr)
        return 2
    try:
        records = asyncio.run(_read(record_store(settings), since))
    except StorageUnavailable as exc:
        print(f"explain-error gaps: the records cannot be read from {settings.describe()}: {exc}", file=sys.stderr)
        return 1
    report = build_report(
        [r.to_json() for r in records], load_catalog(),
        since=since.isoformat(timespec="seconds") if since else None, top=max(args.top, 1),
    )
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif args.csv:
        sys.stdout.write(render_csv(report))
    else:
        print(render_text(report))
    return 0
