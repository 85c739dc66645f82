"""Statuses a question names without having got them.

A number in a question is usually the error someone got. Some are not:

- what they expected instead of what happened: "it answered 200, I was expecting 413",
  "sendMessage still succeeds with 201 - shouldn't it throw 403?", "docs say it should be 403".
  Beside a success the question reports, the error it expected never happened: the documents
  explain errors that happen, not why one did not (a success expected, "expected 200 but got
  403", is never the question either);
- what did not happen at all: "no 409 Conflict", "there's no 429 or any error";
- what the asker's own component should send: "should my SBC answer 486 or 600?", "is it
  better to return 503 or 504?" (when every status named is such a choice, none is an error);
- the two ends of a table: "the docs list error codes 30001 to 30016" names a list, not a code
  (two codes of four digits or more, of one length, the first the lower; "went from 403 to 401"
  stays two statuses).

The words are data (lexicon.toml [not_had]); this module only reads them beside each number.
Only the few numbers of a question are looked at, each in a short window before it, and only
in a question that holds one of the words at all (a table's two ends are read in any question:
they need no word but the one between them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon
from .pattern_words import longest_first

_WINDOW = 80  # characters before a number that may say it was only expected
_SENTENCE_END = re.compile(r"[.?!;\n]")
_SENTENCE_REACH = 200  # characters before a number read for its sentence (what the asker would send)
_WORDS_BETWEEN = r"(?:\s+[\w'’-]+){0,5}?"  # "shouldn't [the Chat SDK] throw 403"
# after a number, what says it was what happened after all: chai's "expected 400 to equal 202"
_ACTUAL_AFTER = re.compile(r"\s*to\s+(?:equal|eql|be|deep|have|match)\b")


@dataclass(frozen=True, eq=False)
class _Patterns:
    gate: tuple[str, ...]  # a question holding none of these has no status it did not get
    expected: re.Pattern  # ends right before a number the question only expected
    negated: re.Pattern  # ... one it says did not come at all
    chosen: re.Pattern  # found in a sentence before a number the asker's component would send
    listed: re.Pattern  # between two numbers of one list: the second is what the first is
    span: re.Pattern  # between the two ends of a span ("30001 to 30016")
    asks_choice: re.Pattern  # the question asks which status the asker's component should send
    success: range
    success_before: re.Pattern | None  # ends right before a success written as a status got ("returns a 202")
    success_after: re.Pattern | None  # starts right after one ("200 OK")


def _alternatives(words) -> str:
    return longest_first(words, space=r"\s+")  # "should be", "should  be"


@lru_cache(maxsize=4)
def _patterns(lex: Lexicon) -> _Patterns | None:
    nh = lex.not_had
    if not nh:
        return None
    fillers = rf"(?:(?:{_alternatives(nh['fillers'])})\s+){{0,3}}"
    expected = re.compile(
        rf"(?:\b(?:{_alternatives(nh['expected'])})|\b(?:{_alternatives(nh['expected_before_verb'])})"
        rf"{_WORDS_BETWEEN}\s+(?:{_alternatives(nh['verbs'])}))(?:\s*[:=]\s*|\s+){fillers}$")  # "Expected: 201"
    negated = re.compile(rf"(?<![\w.])(?:{_alternatives(nh['negations'])})\s+{fillers}$")
    chosen = re.compile(
        rf"\b(?:(?:{_alternatives(nh['choose_leads'])})\s+(?:{_alternatives(nh['choose_subjects'])})\b{_WORDS_BETWEEN}"
        rf"|(?:{_alternatives(nh['choose_better'])}))\s+(?:{_alternatives(nh['choose_verbs'])})\b")
    listed = re.compile(rf"\d+(?:\s+[a-z'’-]+){{0,3}}\s*(?:,|/|\bor\b|\band\b|\bnor\b)\s*{fillers}")
    span = re.compile(rf"\s*(?:{_alternatives(nh['span'])})\s*")
    # "which code should a reject send?": every status of such a question is one it might send
    asks_choice = re.compile(
        rf"\b(?:which|what)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_alternatives(nh['choice_nouns'])})\s+"
        rf"(?:{_alternatives(nh['choose_leads'])})\s+(?:{_alternatives(nh['choose_subjects'])})\b{_WORDS_BETWEEN}"
        rf"\s+(?:{_alternatives(nh['choose_verbs'])})\b")
    success_before = success_after = None
    if nh.get("success_before"):
        lead = _alternatives((*nh["fillers"], *nh.get("success_fillers", ())))
        success_before = re.compile(
            rf"(?<![\w-])(?:{_alternatives(nh['success_before'])})(?:\s*[:=]\s*|\s+)(?:(?:{lead})\s+){{0,3}}$")
    if nh.get("success_after"):
        success_after = re.compile(rf"\s*(?:{_alternatives(nh['success_after'])})(?![\w-])")
    return _Patterns(gate=tuple(nh["gate"]), expected=expected, negated=negated, chosen=chosen, listed=listed,
                     span=span, asks_choice=asks_choice, success=range(nh["success"][0], nh["success"][1] + 1),
                     success_before=success_before, success_after=success_after)


def is_success_got(clean: str, t, lex: Lexicon) -> bool:
    """Whether this mention (a Target) is a success status the question got, written as one.

    A number of the success range counts only named as a status (a role word or key: "HTTP 200",
    "status: 201"), in brackets ("calls connect (200)"), or with the words of a status got beside it
    ("returns a 202", "200 OK"). A bare "page size 250", "participant 250" or "up to 240" is a value,
    and must not say that nothing failed.
    """
    p = _patterns(lex)
    n = t.named_number
    if p is None or n is None or n not in p.success:
        return False
    if t.role != "any" or t.explicit or p.success_before is None:
        return True
    a = t.start
    end = a + len(str(n))
    if a > 0 and clean[a - 1] in "([":
        return True
    if p.success_before.search(clean[max(0, a - 40) : a]):
        return True
    return p.success_after is not None and p.success_after.match(clean, end) is not None


def _kind(clean: str, t, p: _Patterns) -> str | None:
    """What this mention's words say of its number: 'expected', 'negated', 'chosen' or nothing."""
    a = t.start
    before = clean[max(0, a - _WINDOW) : a]
    if p.negated.search(before):
        return "negated"
    if p.expected.search(before):
        end = a
        while end < len(clean) and clean[end].isdigit():
            end += 1
        if not _ACTUAL_AFTER.match(clean, end):
            return "expected"
    opening = max(0, a - _SENTENCE_REACH)
    starts = [m.end() for m in _SENTENCE_END.finditer(clean, opening, a)]
    sentence = clean[starts[-1] if starts else opening : a]
    if p.chosen.search(sentence):
        return "chosen"
    return None


def statuses_not_had(clean: str, mentions, lex: Lexicon) -> frozenset[int]:
    """The numbers of these mentions (Targets, in any order) that the question did not get.

    `clean` is the folded question with its noise blanked (query.parse), where the
    mentions' positions point. Numbers named once as got and once as expected are kept.
    """
    p = _patterns(lex)
    if p is None or not mentions:
        return frozenset()
    ordered = sorted(mentions, key=lambda t: t.start)
    spans = _table_spans(clean, ordered, p)
    if not any(g in clean for g in p.gate):
        return spans
    kinds: dict[int, set[str | None]] = {}
    prev, prev_kind = None, None
    asks_choice = p.asks_choice.search(clean) is not None
    for t in ordered:
        n = t.named_number
        if n is None:
            continue
        kind = _kind(clean, t, p)
        if kind is None and prev_kind is not None and p.listed.fullmatch(clean, prev.start, t.start):
            kind = prev_kind  # "should answer 486 Busy Here or 600": the list goes on
        if kind is None and asks_choice:
            kind = "chosen"
        kinds.setdefault(n, set()).add(kind)
        prev, prev_kind = t, kind
    not_had = {n for n, ks in kinds.items() if None not in ks}
    if not not_had:
        return frozenset()
    got = set(kinds) - not_had
    success_got = any(t.named_number in got and is_success_got(clean, t, lex) for t in ordered)
    drop = {n for n in not_had if kinds[n] == {"negated"}}
    expected = {n for n in not_had if "expected" in kinds[n]}
    drop |= {n for n in expected if n in p.success}
    if success_got and expected:
        drop |= expected | {n for n in got if n in p.success}
    chosen = {n for n in not_had if "chosen" in kinds[n]}
    if chosen and not got - drop:
        drop |= not_had
    return frozenset(drop) | spans


def _table_spans(clean: str, ordered, p: _Patterns) -> frozenset[int]:
    """Both ends of each span of a table the question names ("codes 30001 to 30016")."""
    out: set[int] = set()
    for a, b in zip(ordered, ordered[1:]):
        x, y = a.named_number, b.named_number
        if x is None or y is None or x < 1000 or len(str(x)) != len(str(y)) or x >= y:
            continue
        if p.span.fullmatch(clean, a.start + len(str(x)), b.start):
            out.update((x, y))
    return frozenset(out)
