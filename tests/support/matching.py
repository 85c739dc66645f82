"""Reading the matcher's decisions and the parser's targets, for the catalog tests.

The catalog tests name a row as (source, code, subcode) and a number read from a
question as (role, number), so a table of cases reads like the catalog itself.

* ``ident(match)`` - the row a match is: ``("acs-call-end", 410, 3112)``.
* ``assert_answers(decision, expected)`` - answered, and that row comes first.
* ``assert_none_naming(decision, name)`` - 'none', saying which other product
  the question looks like, with none of our rows offered as if it were theirs.
* ``holds(decision, expect)`` - whether a decision meets a question file's
  expectation, read as ../shared/eval/score.py reads it; ``share_held(explain,
  path)`` counts that over a .jsonl file of questions (``question_lines``).
* ``targets(question)`` - what the parser read: ``("pair", code, subcode)`` or
  ``(role, number)`` with role 'code', 'subcode', 'http' or 'any' (a bare number).

The catalog itself comes from fixture ``explain`` (tests/catalog/conftest.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from catalog.query import parse


def ident(match) -> tuple:
    return (match.entry.source, match.entry.code, match.entry.subcode)


def holds(decision, expect) -> bool:
    """score.py's reading of an expectation, so that the floors of the question files kept beside
    the tests mean the same as the figures the scorer prints for them: "none", "ambiguous" (two
    rows at least), {"any": [...]}, {"text": ..., "source": ...} in the first row's title or
    message, or the first row's (source, code, subcode)."""
    if expect == "none":
        return decision.status == "none"
    if expect == "ambiguous":
        return decision.status == "ambiguous" and len({ident(m) for m in decision.matches}) >= 2
    if "any" in expect:
        return any(holds(decision, e) for e in expect["any"])
    if decision.status != "answer" or not decision.matches:
        return False
    first = decision.matches[0]
    if "text" in expect:
        hay = f"{first.entry.title} {first.entry.message}".lower()
        return expect["text"].lower() in hay and expect.get("source", first.entry.source) == first.entry.source
    return ident(first) == (expect["source"], expect["code"], expect["subcode"])


def question_lines(path: Path) -> list[dict]:
    """The questions of a .jsonl file (dev.jsonl's format), blank lines skipped."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def share_held(explain, path: Path) -> tuple[int, int]:
    """How many of a file's questions the matcher answers as expected, and how many there are."""
    lines = question_lines(path)
    return sum(holds(explain(x["q"]), x["expect"]) for x in lines), len(lines)


def assert_answers(decision, expected: tuple) -> None:
    assert decision.status == "answer", decision
    assert ident(decision.matches[0]) == expected


def assert_ours(decision, expected: tuple) -> None:
    """Answered from our row `expected`, with no other product suspected."""
    assert decision.foreign_product is None, decision.foreign_product
    assert_answers(decision, expected)


def assert_none_naming(decision, name: str) -> None:
    assert decision.status == "none"
    assert decision.foreign_product == name
    assert decision.matches == ()  # none of our rows is offered as if it were theirs


def targets(question: str) -> list[tuple]:
    out = []
    for t in parse(question).targets:
        if t.role == "pair":
            out.append(("pair", t.code, t.subcode))
        else:
            out.append((t.role, t.code if t.code is not None else t.subcode if t.subcode is not None else t.number))
    return out
