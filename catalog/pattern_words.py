"""The words a regular expression cannot match without, so that it need not run at all.

foreign_evidence.toml's [[shapes]] are some seventy regular expressions, and every
question is tried against each of them. Almost no question matches any: the cost is
Python's regex engine trying each pattern at every position of the text, since a pattern
that opens with \\b, a lookbehind, (?i) letters or a choice of words gets none of the
engine's quick literal-prefix search. Asking "does the text hold 'barred'?" is a
substring test in C, a fraction of that.

So each pattern is read once, at start-up, for the literal strings it cannot match
without ("calls? (?:is |are )?barred" needs "barred"; "(?:soft ?phones?|dialers?)" needs
"phone" or "dialer"), and it is run only when the question holds one of them. That is
the same answer by construction: a pattern whose every literal is missing cannot match.
The literals are read from Python's own parse of the pattern (re._parser, Python 3.11);
a pattern it cannot read, or one with no literal it must contain, is always run.

Case: literals are taken in lower case and looked for in lower_text(question), whether the
pattern is case-sensitive or (?i). For the four letters outside ASCII that (?i) matches
to an ASCII one (İ, ı, ſ and the Kelvin sign K), lower_text writes the ASCII letter, so a
pattern that matches the question always finds its literal there.
"""

from __future__ import annotations

import re

try:  # the regex parser of Python 3.11+; without it every pattern simply runs
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - other Pythons
    _c = _p = None

# Non-ASCII letters that (?i) matches to an ASCII letter, and that letter (the test
# tests/catalog/test_pattern_words.py checks this list against all of Unicode).
_ODD_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

# A literal this short is in nearly every question ("_", "ok"); it would gate nothing.
_SHORTEST_USEFUL = 3


def lower_text(text: str) -> str:
    """The text in lower case, as required_words' literals are looked for in it."""
    return text.lower() if text.isascii() else text.translate(_ODD_CASE).lower()


def required_words(pattern: str | re.Pattern) -> tuple[str, ...] | None:
    """Lower-case strings one of which lower_text(question) holds wherever `pattern`
    matches the question; None when there are none worth testing (run it always)."""
    if _p is None:
        return None
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    if not isinstance(source, str):
        return None
    try:
        parsed = _p.parse(source)
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply run
        return None
    found = _needed(parsed.data)
    if not found or min(map(len, found)) < _SHORTEST_USEFUL:
        return None
    # "tunnel" present or not decides for "devtunnel" too: test the shorter only.
    return tuple(sorted(w for w in found if not any(v != w and v in w for v in found)))


def needed_characters(pattern: re.Pattern) -> tuple[str, ...]:
    """Characters every match of `pattern` holds: the literals of its top level, as written
    (not in a group, a choice or a repeat). A substring test of each is cheaper than a search
    that opens with a class or a choice; () when there are none or the pattern is unreadable."""
    if _p is None or pattern.flags & re.IGNORECASE:
        return ()
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern is simply searched
        return ()
    return tuple(dict.fromkeys(chr(av) for op, av in parsed.data if op is _c.LITERAL))


def _needed(items) -> frozenset[str] | None:
    """One of these strings is in every text the sequence `items` matches (None: no such set)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if op is _c.AT:
            continue  # \b, ^, $ take no characters: the literals on either side touch
        close_run()
        if op is _c.SUBPATTERN:
            inner = _needed(av[-1])
        elif op is _c.ATOMIC_GROUP:
            inner = _needed(av)
        elif op is _c.BRANCH:
            inner = _either(av[1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _needed(av[2])
        else:
            inner = None  # a class, any character, an optional part, a lookaround
        if inner:
            candidates.append(inner)
    close_run()
    # The best set is the one whose shortest string is longest: long literals are rare.
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _either(branches) -> frozenset[str] | None:
    """Each branch needs one of its strings; the choice needs one of all of them."""
    out: set[str] = set()
    for branch in branches:
        inner = _needed(branch)
        if not inner:
            return None
        out |= inner
    return frozenset(out)


def longest_first(words, space: str = r"\ ") -> str:
    r"""The words as a regular expression's choice of literals, the longest first: a choice takes
    the first alternative that matches, so "time out" must come before "time" to be found whole.
    `space` is what a space in a word matches (r"\s+": any run of white space)."""
    return "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(words, key=len, reverse=True))


def any_of(words) -> re.Pattern:
    """A pattern that finds any of these strings, as written (no case folding).

    The strings are laid out as a tree of their characters ("cause|call" as
    "ca(?:use|ll)"), so at each position of a text the regex engine tries one branch
    per next character instead of every string in turn: testing a question for any of
    two hundred marks or cues is one search in C, not two hundred substring tests.
    It matches where one of them is, so `any_of(ws).search(t) is None` exactly when
    no string of ws is in t. No strings: a pattern that never matches.
    """
    tree: dict = {}
    for w in words:
        if not w:
            return re.compile("")  # the empty string is in every text
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_branches(tree) if tree else r"(?!)")


def begun_by(words) -> dict[str, frozenset[str]]:
    """Each of these strings with those of them it begins with, itself too ("codes": "code",
    "codes"): what else a text holds where any_of(words) finds that one (see held)."""
    ws = set(words)
    return {w: frozenset(w[:n] for n in range(1, len(w) + 1) if w[:n] in ws) for w in ws}


def held(pattern: re.Pattern, begun: dict[str, frozenset[str]], text: str) -> set[str]:
    """The strings of any_of(words) (`pattern`, with `begun` = begun_by(words)) that text holds.

    Found where they are rather than tested one by one: the search is resumed one character
    after each place it finds one, and gives the longest string there (the tree prefers the
    longer way); the shorter ones that one begins with are there too. A question holds a few
    of some hundreds: one substring test of each cost more than the work they gate.
    """
    found: set[str] = set()
    pos, end = 0, len(text)
    while pos <= end:
        m = pattern.search(text, pos)
        if m is None:
            break
        w = m.group(0)
        found.update(begun.get(w, (w,)))
        pos = m.start() + 1
    return found


def _branches(node: dict) -> str:
    ends = "" in node
    alts = [re.escape(ch) + _branches(node[ch]) for ch in sorted(k for k in node if k)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
    return body + "?" if ends else body


def prefilter(pattern: str | re.Pattern) -> re.Pattern | None:
    """One search that must find something in lower_text(text) for `pattern` to match text:
    any_of(required_words(pattern)); None when the pattern needs no such word."""
    words = required_words(pattern)
    return any_of(words) if words else None


def may_match(gate: re.Pattern | None, text: str) -> bool:
    """False only when the pattern `gate` was made for (prefilter) cannot match this text."""
    return gate is None or gate.search(lower_text(text)) is not None
