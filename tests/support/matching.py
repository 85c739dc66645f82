"""Reading the matcher's decisions and the parser's targets, for the catalog tests.

The catalog tests name a row as (source, code, subcode) and a number read from a
question as (role, number), so a table of cases reads like the catalog itself.

* ``ident(match)`` - the row a match is: ``("acs-call-end", 410, 3112)``.
* ``assert_answers(decision, expected)`` - answered, and that row comes first.
* ``assert_none_naming(decision, name)`` - 'none', saying which other product
  the question looks like, with none of our rows offered as if it were theirs.
* ``targets(question)`` - what the parser read: ``("pair", code, subcode)`` or
  ``(role, number)`` with role 'code', 'subcode', 'http' or 'any' (a bare number).

The catalog itself comes from fixture ``explain`` (tests/catalog/conftest.py).
"""

from __future__ import annotations

from catalog.query import parse


def ident(match) -> tuple:
    return (match.entry.source, match.entry.code, match.entry.subcode)


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
