"""`explain-error`: the catalog and the question matcher from a terminal.

    explain-error "what is subcode 3112"     a readable answer
    explain-error --json -                   the protocol in ../shared/eval/README.md
    explain-error catalog [--source ID]      what the catalog holds

It takes the same path as the bot (catalog.explain), without the server.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import CatalogError, load_catalog


def _catalog_command(argv: list[str]) -> int:
    from .listing import format_entries, format_sources

    ap = argparse.ArgumentParser(prog="explain-error catalog", description="List the catalog's sources or one source's entries.")
    ap.add_argument("--source", metavar="ID", help="list the entries of this source")
    args = ap.parse_args(argv)
    catalog = load_catalog()
    if args.source:
        if args.source not in catalog.sources:
            known = ", ".join(sorted(catalog.sources))
            print(f"explain-error: unknown source '{args.source}' (known: {known})", file=sys.stderr)
            return 2
        print(format_entries(catalog, args.source))
    else:
        print(format_sources(catalog))
    return 0


def _json_lines(stream, out) -> int:
    """One question a line in, one JSON object a line out, flushed, same order."""
    catalog = load_catalog()
    for line in stream:
        question = line.rstrip("\r\n")
        decision = catalog.explain(question)
        out.write(json.dumps(decision.to_json(), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["catalog"]:
            return _catalog_command(argv[1:])
        if argv[:1] == ["gaps"]:  # the gap report from the bot's records: catalog/gaps_command.py
            from .gaps_command import main as gaps_main

            return gaps_main(argv[1:])
        ap = argparse.ArgumentParser(
            prog="explain-error",
            description="Explain an error code. Also: 'explain-error catalog [--source ID]'.",
        )
        ap.add_argument("question", nargs="*", help="the question; '-' reads questions from stdin, one a line")
        ap.add_argument("--json", action="store_true", help="print one JSON object per question")
        args = ap.parse_args(argv)
        if not args.question:
            ap.print_usage(sys.stderr)
            return 2
        if args.question == ["-"] and args.json:
            return _json_lines(sys.stdin, sys.stdout)
        from .terminal import render_decision

        catalog = load_catalog()
        if args.question == ["-"]:
            for line in sys.stdin:
                print(render_decision(catalog.explain(line.rstrip("\r\n")), catalog.sources))
            return 0
        decision = catalog.explain(" ".join(args.question))
        if args.json:
            print(json.dumps(decision.to_json(), ensure_ascii=False, indent=2))
        else:
            print(render_decision(decision, catalog.sources))
        return 0
    except CatalogError as exc:
        print(f"explain-error: catalog data is broken: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
