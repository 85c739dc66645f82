"""`explain-error`: the catalog and the question matcher from a terminal.

It takes the same path as the bot (catalog.explain), without the server. The
exit status tells a script what happened without parsing the text; the JSON
mode is the evaluation protocol (../shared/eval/README.md) and always exits 0
once it has answered every line.

Subcommands are looked up in SUBCOMMANDS, so adding one ("gaps", say) is one
function and one line there; anything else is a question.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable

from . import CatalogError, load_catalog

# Exit statuses, one per verdict, so scripts can branch on them.
EXIT_ANSWER = 0
EXIT_BROKEN_CATALOG = 1
EXIT_USAGE = 2
EXIT_AMBIGUOUS = 3
EXIT_NONE = 4
EXIT_OF_STATUS = {"answer": EXIT_ANSWER, "ambiguous": EXIT_AMBIGUOUS, "none": EXIT_NONE}

USAGE = """\
Explain an error from Azure Bot Service, Azure Communication Services (Calling,
Call Automation, PSTN, Chat, SMS, REST), Dynamics 365 Omnichannel messaging
APIs or the RAG API: ask in your own words, or paste the error or log.

usage:
  explain-error QUESTION...            explain one question or pasted error
  explain-error -                      questions from standard input, one a line
  explain-error --json -               one JSON object a line (the evaluation
                                       protocol; exits 0 once every line is answered)
  explain-error catalog [--source ID]  list the catalog's sources or one source's entries
  explain-error gaps [--since 7d] [--json|--csv]
                                       what users asked and did not get (the bot's records)
  explain-error help                   this text

examples:
  explain-error "what is subcode 3112"
  explain-error "my bot returns 401"
  explain-error 'call ended with code 487 subcode 0'
  explain-error '{"error": {"code": 403, "subcode": 5830}}'
  explain-error "TooManyRequests from the SMS API"

exit status:
  0  answered
  3  ambiguous: several entries fit; they are listed to choose from
  4  none: nothing in the catalog answers it (suggestions may be listed)
  2  usage: no question, or an unknown option or source
  1  the catalog's data files are broken
  With '-', the status of the least answered line (4 over 3 over 0);
  with --json, always 0.
"""


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
            return EXIT_USAGE
        print(format_entries(catalog, args.source))
    else:
        print(format_sources(catalog))
    return 0


def _help_command(argv: list[str]) -> int:
    print(USAGE, end="")
    return 0


def _gaps_command(argv: list[str]) -> int:
    """The gap report from the bot's records (catalog/gaps_command.py)."""
    from .gaps_command import main as gaps_main

    return gaps_main(argv)


# The first word of the command line that names a subcommand rather than a question.
SUBCOMMANDS: dict[str, Callable[[list[str]], int]] = {
    "catalog": _catalog_command,
    "gaps": _gaps_command,
    "help": _help_command,
}


def _json_lines(stream, out) -> int:
    """One question a line in, one JSON object a line out, flushed, same order."""
    catalog = load_catalog()
    for line in stream:
        question = line.rstrip("\r\n")
        decision = catalog.explain(question)
        out.write(json.dumps(decision.to_json(), ensure_ascii=False) + "\n")
        out.flush()
    return 0


def _question_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="explain-error",
        usage="explain-error [--json] QUESTION... | - ",
        description=USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("question", nargs="*", help="the question; '-' reads questions from stdin, one a line")
    ap.add_argument("--json", action="store_true", help="print one JSON object per question")
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS and (argv[0] != "help" or len(argv) == 1):
            return SUBCOMMANDS[argv[0]](argv[1:])
        args = _question_parser().parse_args(argv)
        question = " ".join(args.question)
        if not question.strip():
            # Nothing asked: say how to ask, rather than "nothing matches".
            print(USAGE, end="")
            return EXIT_USAGE
        if args.question == ["-"] and args.json:
            return _json_lines(sys.stdin, sys.stdout)
        from .terminal import render_decision, terminal_width

        catalog = load_catalog()
        width = terminal_width()
        if args.question == ["-"]:
            worst = EXIT_ANSWER
            for line in sys.stdin:
                decision = catalog.explain(line.rstrip("\r\n"))
                print(render_decision(decision, catalog.sources, width=width))
                worst = max(worst, EXIT_OF_STATUS[decision.status])
            return worst
        decision = catalog.explain(question)
        if args.json:
            print(json.dumps(decision.to_json(), ensure_ascii=False, indent=2))
            return 0
        print(render_decision(decision, catalog.sources, width=width))
        return EXIT_OF_STATUS[decision.status]
    except CatalogError as exc:
        print(f"explain-error: catalog data is broken: {exc}", file=sys.stderr)
        return EXIT_BROKEN_CATALOG
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
