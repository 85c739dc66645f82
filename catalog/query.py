"""Reading a question: which numbers it names, in which role, and its words.

People paste anything: a sentence, a JSON error body, a log line full of
timestamps and GUIDs. This module only reads; it knows nothing of the catalog,
so that its output can be checked exactly in tests. Numbers that are not codes
(dates, times, ids, versions, quantities) are blanked out before numbers are
read, so they can never be mistaken for codes; so are source positions
("line 503 of bot.py"), whose words are not the question's words either.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from http import HTTPStatus

from rapidfuzz.distance import Levenshtein

from .lexicon import CAMEL_PARTS, UNSPACED_CHAR, UNSPACED_SCRIPTS, Lexicon, fold, load_lexicon
from .pattern_words import longest_first, needed_characters
from .statuses_not_had import statuses_not_had

MAX_TARGETS = 16
# A paste with thousands of numbers is read up to this many bare numbers; the rest is noise.
MAX_MENTIONS = 64
# Numbers named as codes (by a word or a key) are read further: a log's error is often its last line.
MAX_NAMED_MENTIONS = 512
MAX_CODE_DIGITS = 7

# A WebSocket's close code ("closes with code 4001", "close code 1006", "closed (code: 4003)"): the
# socket's own numbers (RFC 6455 and the application's 4000-4999), which none of our tables has.
# Blanked as noise, and kept as a foreign code (_FOREIGN_CODE).
_CLOSE_CODE = r"\bclos(?:e|ed|es|ing)\b[^\n\d]{0,20}?\b(?:code|status)\s*[:=]?\s*\d{4}\b"
# The keys of a dotted key and its value ("error.code:403", "res.http:500"): not a file and its line.
_DOTTED_KEYS = "code|error|http"

# Things that contain digits but are never error codes; blanked out first. Each kind comes
# with a cheap test of whether the text can hold it at all, so a 20 KB log is only scanned
# for the kinds it may contain (see _noise_pattern); the order is the order of preference.
_NOISE_KINDS: tuple[tuple[str | None, str], ...] = (
    ("://", r"(?:https?|wss?|ftp)://\S+"),  # URLs
    ("@", r"\b[\w.+-]++@[\w-]+\.[\w.-]+"),  # e-mail addresses
    ("re:-[0-9a-f]{4}-[0-9a-f]{4}-", r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"),  # GUIDs
    (r"re:\d", r"""\b(?=\d)(?:                                     # those starting with a digit, tried only there
        \d{4}-\d{1,2}-\d{1,2}(?:[t\s]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?   # ISO dates
      | \d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b                          # 01/05/2024, 1.5.24
      | \d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b                   # times
      | \d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b                        # IPv4 (+port)
      | \d+(?:\.\d+)+\b                                          # versions, decimals
      | \d{1,3}(?:[,\u00a0\u202f]\d{3})+\b                       # 6,000
      | 0x[0-9a-f]+\b                                            # hex literals
      | \d+(?:-\d+){2,}\b                                        # 425-555-0100
      | \d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b
      )"""),
    (r"re:v\d+\.\d", r"\bv\d+(?:\.\d+)+\b"),  # v4.4
    ("+", r"\+\d[\d\s().-]{6,}\d"),  # phone numbers
    ("re:[0-9a-f]{10}", r"\b(?=[0-9a-f]{10,}\b)(?=[a-f]*\d)(?=\d*[a-f])[0-9a-f]+\b"),  # hex ids, hashes
    # file.js:175:24, Bar.java:42; not a dotted key and its value ("error.code:403", "res.http:500")
    (r"re:\.[a-z]{1,5}:\d", rf"\b(?:[\w-]++\.)++(?!(?:{_DOTTED_KEYS})\b)[a-z]{{1,5}}(?::\d+)+\b"),
    (":", r":(?<=[\w\])]:)\d+:\d+\b"),  # ...task_queues:95:5 (line:column)
    ("`", r"(?<=[\w>])`\d+"),  # generic arity: d__1`1, List`1 (a code in backticks, `404`, stays a code)
    ("clos", _CLOSE_CODE),  # a WebSocket's close code
    # Teams and ACS identifiers open with a kind number and a colon: a conversation
    # "19:abc@thread.v2", a bot "28:<app id>", a user "29:1a2b", "8:acs:<id>", a phone "4:+1555...".
    # The id after the colon may be cut to "..." in a post; the number is the id's kind, never a code.
    # (the test: the character before the kind number too; a log's times, "12:28:07", have a colon there)
    (r"re:[^\w.:+-](?:4|8|19|28|29):", r"(?<![\w.:+-])(?:4|8|19|28|29):(?=[\w+]|\.\.\.)"),
    # (the test: a month's word and a number after it, not "dec" inside a hex id)
    (r"re:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d",
     r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
     r"|\b(?:january|february|march|april|june|july|august|september|october|november|december|sept?|oct|nov|dec"
     r"|jan|feb|mar|apr|jun|jul|aug)\.?,?\s+(?:19|20)\d{2}\b"),  # May 5, 2024; September 2025
)
# A test is a substring to look for, or "re:" and a pattern to search. A pattern is searched in
# the text after a line break, so that one that asks for the character before a mark (as its
# kind's lookbehind does) finds the mark at the very start of the text too. Which kinds a text
# is scanned for is a large part of a paste's cost: each kind is tried at every position.
# Each test is kept as (substring, characters its pattern needs, pattern): for most short
# questions a character's absence decides before a pattern is searched.
_NOISE_TESTS = tuple(
    (None, (), None) if t is None else (t, (), None) if not t.startswith("re:")
    else (None, needed_characters(re.compile(t[3:])), re.compile(t[3:]))
    for t, _ in _NOISE_KINDS
)


@lru_cache(maxsize=256)  # (a pattern takes a millisecond to compile; the sharper tests make more choices)
def _noise_pattern(kinds: tuple[int, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{_NOISE_KINDS[k][1]})" for k in kinds), re.VERBOSE)


def _noise(text: str):
    """The spans of the noise in this (folded) text."""
    behind = "\n" + text
    kinds = tuple(k for k, (sub, chars, rx) in enumerate(_NOISE_TESTS)
                  if (sub is None or sub in text) and all(c in behind for c in chars)
                  and (rx is None or rx.search(behind)))
    if not kinds:
        return iter(())  # (a pattern of no kinds would match the empty string everywhere)
    return _noise_pattern(kinds).finditer(text)

# Where code failed, in people's words and in the stack-trace notations of Python, .NET,
# Java and JS: "line 503 of bot.py", "bot.py line 503", 'File "bot.py", line 503, in f',
# "in C:\src\Bot.cs:line 503", "(Bot.java:503)", "(bot.js:503:12)", "Bot.cs(503,12)",
# "at line 503, column 7". It says where an error happened, never which error: its number
# is no code and its words are no evidence ("line" is Direct Line's, "bot" of bot.py the
# Bot Service's), so the whole of it is blanked, for the words as for the numbers.
# A file is a name with a short extension, after an optional drive and folders.
_FILE = r"""(?<![\w.$@~/\\-])(?:[a-z]:)?[\\/]?(?:[\w$@~.-]++[\\/])*+[\w$@-]+(?:\.[\w$@-]+)*?\.[a-z][a-z0-9]{0,4}(?![\w-])"""
_LINE = r"""line\s*[:#]?\s*\d+(?:(?:\s*[,:]\s*|\s+)(?:col(?:umn)?|char(?:acter)?|pos(?:ition)?)\s*[:#]?\s*\d+)?"""
# A position is found from what every notation has, "line N" or a file name glued to ":N" or
# "(N", and grown from there both ways; so a 20 KB paste is scanned twice, not once per notation.
# (A scan for "line" that starts with a literal is several times faster than one with \b first.)
_LINE_ANCHOR = re.compile(r"line(?=\s*[:#]?\s*\d)", re.IGNORECASE)
# (not a dotted key and its value: "error.code:403", _DOTTED_KEYS)
_GLUED_ANCHOR = re.compile(rf"\.(?!(?:{_DOTTED_KEYS})[:(])[a-z][a-z0-9]{{0,4}}(?=[:(]\d)", re.IGNORECASE)
_LINE_AFTER = re.compile(rf"{_LINE}\)?(?:\s+(?:of|in)\s+(?:(?:the\s+)?file\s+)?{_FILE})?", re.IGNORECASE)
_FILE_BEFORE_LINE = re.compile(
    rf"""(?:\bfile\s+["'][^"'\n]{{1,300}}["'],\s*                # File "bot.py", line 503
       | {_FILE}\s*(?:["']?,\s*|:|\s+at\s+|\(\s*|\s+)            # bot.py line 503, Bot.cs:line 503
       | \b(?:at|on|in)\s+                                       # at line 503
       )\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_AT_LINE = re.compile(r"\b(?:at|on|in)\s+\Z", re.IGNORECASE)
_FILE_BEFORE_NUMBER = re.compile(rf"{_FILE}\Z", re.IGNORECASE)
# ":503", ":503:12"; in brackets only a line and a column, as compilers write them: "res.send(500)" is a call.
_NUMBER_AFTER_FILE = re.compile(r"(?::\d+)++(?!\w|\.\d)|\(\d+,\s*\d+\)")
_FRAME_TAIL = re.compile(r",\s*in\s+[\w<>.$]+")  # File "bot.py", line 503, in on_turn
_LOOK_BACK = 300


def _words_back(text: str, end: int, limit: int, n: int) -> int:
    """Where the n-th run of non-spaces before end starts (not before limit): a file name
    and what joins it to its line number are a few words, so they are looked for only there."""
    i = end
    for _ in range(n):
        while i > limit and text[i - 1].isspace():
            i -= 1
        while i > limit and not text[i - 1].isspace():
            i -= 1
    return i


def source_positions(text: str, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """The spans of the source positions in this text (folded or as written).

    "Direct Line 503" names a product and its status; "line 503" after a product
    name that ends in "line" (lexicon.toml names_before) is therefore no position.
    """
    spans: list[tuple[int, int]] = []
    lex_ = None
    anchors = [*(m.span() for m in _LINE_ANCHOR.finditer(text)), *(m.span() for m in _GLUED_ANCHOR.finditer(text))]
    for a, b in sorted(anchors):
        if spans and a < spans[-1][1]:
            continue  # inside the position found last
        window_start = max(0, a - _LOOK_BACK)
        if text[a] == ".":  # a file name glued to its number
            after = _NUMBER_AFTER_FILE.match(text, b)
            before = _FILE_BEFORE_NUMBER.search(text, _words_back(text, a, window_start, 1), b)
            if not (after and before):
                continue
            start, end = before.start(), after.end()
        else:
            if a and (text[a - 1].isalnum() or text[a - 1] == "_"):
                continue  # "baseline 5", "deadline 3"
            after = _LINE_AFTER.match(text, a)
            window_start = _words_back(text, a, window_start, 3)  # 'File "C:\x y\bot.py", line'
            # Without a dot in those words no file name is there (cheap to rule out in a paste
            # of a thousand "line N"s).
            if text.find(".", window_start, a) >= 0:
                before = _FILE_BEFORE_LINE.search(text, window_start, a)
            else:
                before = _AT_LINE.search(text, max(window_start, a - 8), a)
            if before is None:
                lex_ = lex_ or lex or load_lexicon()
                ahead = fold(text[max(0, a - 40) : a]).rstrip() + " line"
                if any(ahead.endswith(name) for name in lex_.names_before):
                    continue  # "Direct Line 503"
            start, end = (before.start() if before is not None else a), after.end()
            tail = _FRAME_TAIL.match(text, end)
            if tail and before is not None and before.group(0)[:4].lower() == "file":
                end = tail.end()
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            start, end = start - 1, end + 1  # "(Bot.java:503)"
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def without_source_positions(text: str, lex: Lexicon | None = None) -> str:
    """The text with each source position cut, with the spaces around it, for reading its words.

    Cut rather than blanked: how long a post is decides how its words are read
    (catalog/posts.py), and a trace's positions must not make a question a long post.
    """
    spans = source_positions(text, lex)
    if not spans:
        return text
    out, last = [], 0
    for a, b in spans:
        kept = text[last:a].rstrip()
        cut_from = last + len(kept)
        last = b
        while last < len(text) and text[last].isspace():
            last += 1
        if kept:
            out.append(kept)
            # the line break of a line that was all position stays; other cuts leave one space
            out.append("\n" if "\n" in text[cut_from:last] else " ")
    out.append(text[last:])
    return "".join(out).strip()


# A run of digits standing alone: not glued to letters, decimals or ids.
# ("6,000" and "1.5" are already blanked as noise, so "8509,8510" is two numbers.)
# A run of digits on its own; a plural s may follow ("429s"), which _is_quantity weighs against seconds.
# A number glued to a script written without spaces stands alone too: "が401を返す", "返回502".
# (The digit is looked for first: the edges are tested only where a number starts.)
_NUMBER = re.compile(rf"(?=\d)(?<![^\W{UNSPACED_SCRIPTS}])(?<![.+])(?<!^-)(?<![^a-z]-)\d+(?!(?!s\b)[^\W{UNSPACED_SCRIPTS}]|[.:\-]\d)")
# Key/value pairs as in JSON, JS objects, logs: "subCode": 3112, code=408.
# Keys are tried only where a word starts and are at most 64 characters long,
# so a 100 KB run of letters costs linear time, not quadratic.
# The value is looked at, not consumed: in "main: Code:->400" the word "Code" is a value and a key.
_KEY_VALUE = re.compile(r"""(?:(?<![\w.])([^\W\d][\w.]{0,63}+)(?P<sep>["']?\s*(?:[:=]\s*-*>?|-+>|=>)\s*["']?)(?=(\d++|[^\W\d]\w{0,63}+)(?![\w.])))""")
# Code/subcode written as 410/3112.
_SLASH_PAIR = re.compile(r"(?<![\w./])(\d{1,3})\s*/\s*(\d{4,7}|0)(?![\w/])")
# Numbers following a role word continue its list: "subcodes 3100, 3101 and 3102".
_LIST_GLUE = re.compile(r"\s*(?:,|;|&|/|\band\b|\bor\b|\bund\b|\boder\b|\by\b|\bet\b|\be\b|\bo\b)\s*(?:#\s*)?")
_CLASS = re.compile(r"\b([1-6])xx\b")
_WORD = re.compile(r"[^\W\d][\w'’-]*")
_WORD_AFTER = re.compile(r"[ _-]*([^\W\d]\w*)")  # the word that follows a name
# Failure HRESULTs/NTSTATUS (the top bit set), and Microsoft Entra sign-in errors (AADSTS700016).
# A WebSocket's close code is one too (_CLOSE_CODE).
_FOREIGN_CODE = re.compile(rf"\b0x[89a-f][0-9a-f]{{7}}\b|\baadsts\d{{4,}}\b|{_CLOSE_CODE}")
_UNIT_WORD = re.compile(r"[^\W\d_]+|%")
# Status lines name an HTTP or SIP status: "HTTP/1.1 403 Forbidden", "SIP/2.0 480 Temporarily Unavailable";
# so does a code glued to its role word ("gives HTTP500", "HTTP_404_NOT_FOUND", "error403", "code404",
# "subcode3112"; lexicon.toml [glued_roles]), which the number reader would take for part of a name.
# (One pass for all: a word starts each of them, _status_line.)
def _glued_role_words(lex: Lexicon) -> list[str]:
    """The words a code may be glued to ("http500", "error403"), longest first."""
    return sorted({"http", *lex.glued_roles}, key=len, reverse=True)


@lru_cache(maxsize=4)
def _status_line(lex: Lexicon) -> re.Pattern:
    glued = _glued_role_words(lex)
    # (the look-ahead at the words' first letters first: most places in a paste are ruled out by it
    # alone, which keeps the pass as cheap as the status lines' alone)
    firsts = "".join(sorted({w[0] for w in (*glued, "sip")}))
    return re.compile(rf"\b(?=[{re.escape(firsts)}])(?:(?:http|sip)/\d(?:\.\d)?\s+([1-6]\d\d)\b|("
                      + "|".join(map(re.escape, glued)) + r")_?(\d{3,7})(?![0-9a-z]))")
# A request log that glues the method, the status and the path: "POST403directline.conversationUpdate".
_GLUED_STATUS = re.compile(r"(?:get|post|put|patch|delete)([45]\d\d)(?=[a-z])")  # (a word of its own: checked where used)
# IIS writes a status with its substatus: "HTTP Error 504.0", "401.2", "404.3".
_IIS_STATUS = re.compile(r"\b([45]\d\d)\.(\d{1,2})(?![\w]|\.\d)")  # (not after a dot: checked where used)
# An upper-case constant set to a number, as in an enum listing: "CALL_TIMEOUT = 408".
_CONSTANT = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}$")

# What each pass of parse cannot match without, tested first: a pass over a 20 KB paste
# whose pattern opens with \b or a lookbehind tries every position of it (the regex engine's
# quick scan for a first literal or character needs the pattern to open with one), while
# these start with a literal, or are substring tests in C. Each is part of its pattern
# (tests/catalog/test_query_pass_gates.py), so a pass is skipped only where it finds nothing.
@lru_cache(maxsize=4)
def _status_line_gate(lex: Lexicon) -> re.Pattern:
    """A status line's version, or a role word then a digit (_status_line), opening with a literal."""
    return re.compile(r"(?:http|sip)/\d|(?:" + "|".join(map(re.escape, _glued_role_words(lex))) + r")_?\d")
_IIS_GATE = re.compile(r"[45]\d\d\.\d")
_SLASH_PAIR_GATE = re.compile(r"/\s*(?:\d{4}|0)")
_KEY_VALUE_SEPARATORS = (":", "=", ">")  # every separator of _KEY_VALUE holds one
_FOREIGN_CODE_WORDS = ("0x", "aadsts", "clos")  # every kind of _FOREIGN_CODE holds one


@dataclass(frozen=True)
class Target:
    """One thing the question asks about, in order of appearance."""

    start: int
    code: int | None = None  # a number named as a code (or HTTP status)
    subcode: int | None = None  # a number named as a subcode
    number: int | None = None  # a bare number, role unknown
    role: str = "any"  # 'pair' | 'code' | 'subcode' | 'http' | 'any' | 'string'
    string_code: str | None = None
    explicit: bool = False  # named by a keyword or key, not just a bare number
    worded: bool = False  # a status named only by its reason phrase in a message ("Bot: service unavailable")

    @property
    def named_number(self) -> int | None:
        """The number this mention names, the most specific first: its subcode, its code, the bare number."""
        return self.subcode if self.subcode is not None else (self.code if self.code is not None else self.number)


@dataclass(frozen=True)
class ParsedQuestion:
    text: str  # folded (NFKC + casefold) question
    targets: tuple[Target, ...] = ()
    words: tuple[str, ...] = ()  # folded word tokens, in order (none from source positions)
    classes: tuple[int, ...] = ()  # 4 for "4xx"
    string_words: tuple[str, ...] = field(default=())  # values of `code: "..."` keys
    # Error codes of a kind no source has: 32-bit hex failure results (Windows HRESULTs such as
    # 0x80070005, the top bit set; a thread id 0x00003f1c is not one). Their words alone
    # ("access denied") must not borrow another product's entry.
    foreign_codes: tuple[str, ...] = field(default=())
    # Statuses named but not got (catalog/statuses_not_had.py): expected beside a success, said not
    # to have come, or the asker's choice to send. Left out of targets; no words claim them either.
    not_had: tuple[int, ...] = field(default=())


def _blank(text: str, spans) -> str:
    """The text with these spans replaced by spaces, so positions stay the same."""
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append(" " * (b - a))
        last = b
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


# The separator between a role word and its number, read backwards from the number.
_SEPARATOR_REVERSED = r"\s*(?:[:#=]|\bsi\b|\bfo\b|\.?on\b)?\s*"
_SEPARATOR_BACKWARDS = re.compile(_SEPARATOR_REVERSED)


@lru_cache(maxsize=4)
def _role_pattern(lex: Lexicon) -> re.Pattern:
    """Role words spelt backwards, matched from the number leftwards.

    Matching at one place (re.match on the reversed tail) rather than searching the
    tail for a match that ends at the number keeps a paste with a thousand numbers
    fast: one attempt per number instead of one per character before it.
    """
    phrases = sorted(lex.role_words, key=len, reverse=True)
    latin, other = [], []
    for p in phrases:
        esc = re.escape(p[::-1]).replace(r"\ ", r"\s+")
        (latin if p[:1].isascii() and p[:1].isalpha() else other).append(esc)
    # A Latin role word is a whole word, though it may follow a script written without spaces
    # ("通话结束subcode 3100"). (No word of one group ends with a longer one of the other, so the
    # groups keep the longest match first; one edge test for the group compiles in milliseconds.)
    words = [f"(?:{'|'.join(latin)})(?![^\\W\\d_{UNSPACED_SCRIPTS}])"] if latin else []
    return re.compile(_SEPARATOR_REVERSED + "(?P<word>" + "|".join(words + other) + ")")


@lru_cache(maxsize=4)
def _typo_roles(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    return tuple((cand, role) for cand, role in lex.role_words.items()
                 if " " not in cand and len(cand) >= 4 and cand.isascii())


@lru_cache(maxsize=4096)
def _role_of_typo(word: str, lex: Lexicon) -> str | None:
    """A misspelt role word: "subcde 3101", "eror 3112"."""
    if len(word) < 4 or word in lex.stopwords or word in lex.before_words or word in lex.units:
        return None  # "node 18" is Node 18, not a misspelt "code 18"
    for cand, role in _typo_roles(lex):
        limit = 1 if len(cand) < 7 else 2
        if abs(len(cand) - len(word)) <= limit and Levenshtein.distance(word, cand, score_cutoff=limit) <= limit:
            return role
    return None


def _role_before(prefix: str, lex: Lexicon, typos: bool = True) -> str | None:
    """The role word that ends right before a number, if any (typos allowed unless told)."""
    tail = prefix[-40:]
    found, role = _role_word_before(tail, lex)
    if found or not typos:
        return role
    return _role_typo_before(tail, lex)


def _role_word_before(tail: str, lex: Lexicon) -> tuple[bool, str | None]:
    """Whether a role word, spelt right, ends this tail, and its role (None for "#" after "build").
    Apart from the misspelt ones so that parse, which asks first without typos, asks once."""
    m = _role_pattern(lex).match(tail[::-1])
    if not m:
        return False, None
    word = re.sub(r"\s+", " ", m.group("word")[::-1])
    if not word[:1].isalpha():
        # "#" and "no." name an error only on their own: "Build #4521" and "issue #412" are ids.
        before = _WORD.findall(tail[: len(tail) - m.end()][-20:])
        if before and before[-1] in lex.before_words:
            return True, None
    return True, lex.role_words.get(word)


def _role_typo_before(tail: str, lex: Lexicon) -> str | None:
    """A misspelt role word ending this tail ("subcde 3101"), where no role word spelt right does."""
    sep = _SEPARATOR_BACKWARDS.match(tail[::-1])
    tail = tail[: len(tail) - sep.end()] if sep else tail
    words = _WORD.findall(tail[-20:])
    if words and tail.endswith(words[-1]):
        return _role_of_typo(words[-1], lex)
    return None


@lru_cache(maxsize=4)
def _bounds(lex: Lexicon) -> tuple[tuple[str, ...], re.Pattern | None]:
    """The words that may open or close a range ([bounds]), and one pattern of every shape."""

    def word(w: str) -> str:
        # a word of a spaced script stands apart ("entre 1 e 250"); one of the unspaced scripts is glued on
        return re.escape(w) if UNSPACED_CHAR.search(w) else rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])"

    shapes = []
    for lead, joiner, tail in lex.bounds:
        shape = rf"(?<![\d.,])(\d+)\s*{word(joiner)}\s*(\d+)(?![\d.,]\d)"
        shapes.append((word(lead) + r"\s*" if lead else "") + shape + (r"\s*" + word(tail) if tail else ""))
    gate = tuple(dict.fromkeys(lead or tail for lead, _, tail in lex.bounds))  # a shape's own word
    return gate, (re.compile("|".join(shapes)) if shapes else None)


def _may_hold_a_range(clean: str, lex: Lexicon) -> bool:
    gate, pattern = _bounds(lex)
    return pattern is not None and any(w in clean for w in gate)


def _is_range_end(clean: str, a: int, pattern: re.Pattern) -> bool:
    """The number at `a` is one end of a range of allowed values ("must be between 1 and 250", "1 ile
    250 arasında"): a limit the documents state, read as a quantity, never as a code someone got.
    Only the few characters around the number are read (a long paste holds "tra" in every trace)."""
    for m in pattern.finditer(clean, max(0, a - _RANGE_REACH), a + _RANGE_REACH):
        if a in (m.start(g) for g in range(1, pattern.groups + 1)):
            return True
    return False


_RANGE_REACH = 40  # characters before and after a number where its range's words and other end may be


def _is_quantity(text: str, start: int, end: int, lex: Lexicon) -> bool:
    after = text[end : end + 16].lstrip().lstrip("+").lstrip()  # "30+ min", "10+ users": at least so many
    m = _UNIT_WORD.match(after)
    before = text[max(0, start - 24) : start].rstrip()
    if m and m.group(0) in lex.units:
        # "429s" written on the number is plural status codes; "30s", "429 s", "took 500s" are seconds.
        if not (m.group(0) == "s" and text[end:end + 1] == "s" and int(text[start:end]) in lex.plural_codes):
            return True
        last = before.rsplit(None, 1)[-1] if before else ""
        if last in lex.time_words:
            return True
    elif lex.glued_units and text.startswith(lex.glued_units, end):
        return True  # "约29人使用", "10个文件", "6000자": a count, its unit glued on (a word after a space is a word)
    if end - start <= 2 and lex.pressed and _keys_pressed(text, start, lex):
        return True  # "the caller pressed 5 then #", "typed 1, 2": keys, not codes
    before = before.rstrip(":#").rstrip()  # "build: 1234", "Build #1234"
    if lex.limit_words and before:
        limit = _limit_before(before, lex)
        if limit is not None:
            return limit
    if lex.glued_before and before.endswith(lex.glued_before):
        return True  # "第3行", "端口8080"
    words = _WORD.findall(before.rsplit(None, 1)[-1]) if before else []
    if not words or not before.endswith(words[-1]) or words[-1] not in lex.before_words:
        return False
    # "direct line 503" names a product; "indirect line 503" does not.
    if not before.endswith(lex.names_before):
        return True
    return not any(before.endswith(name) and not before[: -len(name)][-1:].isalnum() for name in lex.names_before)


@lru_cache(maxsize=4)
def _pressed_pattern(lex: Lexicon) -> tuple[tuple[str, ...], re.Pattern]:
    """The words of keys pressed ([units] pressed), and a pattern that ends right before the last
    key of a list of them ("pressed 3 then 7", "typed 1, 2")."""
    words = longest_first(lex.pressed, space=r"\s+")
    joiners = longest_first(lex.pressed_list, space=r"\s+")
    pattern = re.compile(
        rf"(?<![\w-])(?:{words})(?:\s*[:=]\s*|\s+)(?:[\d*#]{{1,2}}(?:\s*(?:{joiners})\s*|\s+)){{0,6}}$")
    return tuple(dict.fromkeys(w.split()[0] for w in lex.pressed)), pattern


_PRESSED_REACH = 48  # characters before a key where the word of its pressing may be


def _keys_pressed(text: str, start: int, lex: Lexicon) -> bool:
    """The one or two digits at `start` are a key a caller pressed or a menu's choice."""
    window = text[max(0, start - _PRESSED_REACH) : start]
    gate, pattern = _pressed_pattern(lex)
    return any(w in window for w in gate) and pattern.search(window) is not None


def _limit_before(before: str, lex: Lexicon) -> bool | None:
    """True where the number after `before` is a limit's value ("page size of 400", "pageSize=500");
    None where `before` says nothing of a limit."""
    rest = before
    for j in lex.before_joiners:
        if rest.endswith(j) and (not j[-1:].isalpha() or not rest[-len(j) - 1 : -len(j)].isalpha()):
            rest = rest[: -len(j)].rstrip()
            break
    if rest is before:
        return None
    words = _WORD.findall(rest.rsplit(None, 1)[-1]) if rest else []
    return True if words and rest.endswith(words[-1]) and words[-1] in lex.limit_words else None


@dataclass(frozen=True)
class _StatusWords:
    pattern: re.Pattern  # every reason phrase, its words joined by nothing, "_", "-" or spaces
    codes: dict[str, tuple[int, int]]  # phrase with its separators removed -> (status, words in it)


@lru_cache(maxsize=4)
def _status_words(lex: Lexicon) -> _StatusWords:
    """The names of the 4xx/5xx statuses as the standard registry spells them, with the
    registry's other spellings (lexicon.toml [status_words]): "Not Found", NotFound,
    NOT_FOUND, HttpStatusCode.NotFound all name 404."""
    names: dict[str, int] = {}
    for st in HTTPStatus:
        if 400 <= st.value <= 599:
            names.setdefault(fold(st.phrase), st.value)
            names.setdefault(fold(st.name.replace("_", " ")), st.value)
    for code, spellings in lex.status_words.items():
        for w in spellings:
            names.setdefault(fold(w), code)
    codes: dict[str, int] = {}
    alts = []
    for phrase in sorted(names, key=len, reverse=True):
        words = re.findall(r"[^\W_]+", phrase)
        key = "".join(words)
        if key in codes:
            continue
        codes[key] = (names[phrase], len(words))
        alts.append(r"[\s_'’-]*".join(re.escape(w) for w in words))
    # Not part of a longer snake_case name: "unauthorized_client" is an OAuth error, not 401.
    pattern = re.compile(r"(?<![^\W_])(?<![^\W_]_)(?:" + "|".join(alts) + r")(?![^\W_]|_[^\W_])")
    return _StatusWords(pattern, codes)


def status_names(text: str, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """(status, words of its name) for each status name written in this text, however it is
    written: a row's title that holds one ("User gateway timeout") is read with this."""
    sw = _status_words(lex or load_lexicon())
    out = []
    for m in sw.pattern.finditer(fold(text)):
        found = sw.codes.get(re.sub(r"[\s_'’-]+", "", m.group(0)))
        if found is not None:
            out.append(found)
    return out


def _status_targets(text: str, cased: str | None, clean: str, lex: Lexicon, known: set[int]) -> list[Target]:
    """Statuses named by their reason phrase, without digits.

    A name written as one identifier (NotFound, NOT_FOUND, HttpStatusCode.NotFound),
    in capitals, or after a status word or key ("status code Forbidden", "Code": "Forbidden")
    always counts. Written as plain words, a phrase of several words counts ("precondition
    failed", "Bad Request"), except one that reads as a sentence's own words unless set in
    Title Case ("camera not found" is a message; "Not Found" is the status); a single word
    ("forbidden", "conflict") only counts with a status word, a key or quotes around it.
    """
    sw = _status_words(lex)
    out: list[Target] = []
    for m in sw.pattern.finditer(text):
        a, b = m.span()
        found = m.group(0)
        code, n_words = sw.codes.get(re.sub(r"[\s_'’-]+", "", found), (None, 0))
        if code is None or code in known:
            continue
        original = cased[a:b] if cased is not None else found
        words = re.findall(r"[^\W_]+", found)
        one_identifier = n_words > 1 and not re.search(r"\s", found)
        capitals = original.isupper() and len(original) > 3
        title = all(w[:1].isupper() for w in re.findall(r"[^\W_]+", original))
        before = text[max(0, a - 1) : a]
        quoted = before in ("\"", "'") or before == "."  # "Forbidden", HttpStatusCode.Forbidden
        role = _role_before(clean[max(0, a - 40) : a].replace('"', "").replace("'", ""), lex)
        after = _WORD_AFTER.match(text, b)
        named_before = after is not None and after.group(1) in lex.status_named_before  # "unauthorized exception"
        named_after = bool(lex.status_named_after) and re.sub(r"\s+", " ", text[max(0, a - 24) : a]).endswith(
            tuple(w + " " for w in lex.status_named_after))  # "rejected as unauthorized"
        if one_identifier or capitals or quoted or role is not None:
            pass
        elif n_words == 1 and (named_before or named_after):
            pass  # "we get an unauthorized exception" ("camera not found exception" stays a message)
        elif n_words == 1 and _said_in_quotes(text, a, lex):
            pass  # 'shows "Sorry, MyBot is forbidden for us to talk to."': the message says the status
        elif n_words == 1 and title and len(found) >= 6:
            pass  # "gets Unauthorized from the service": a status set apart by its capital
        elif n_words < 2:
            continue
        elif words[0] == "not" and not title:
            continue
        known.add(code)
        # Said after a status word or key ("status code InternalServerError") it is the status
        # itself; otherwise the phrase may be only a message's wording (Target.worded).
        out.append(Target(start=a, code=code, role="http", explicit=True, worded=role is None))
    return out


# Quotes that open a name in the languages people ask in: "x", 'x', «x», „x", “x”, 「x」, 『x』, 《x》.
_OPENING_QUOTES = frozenset("\"'«„“‘「『《")
_AFTER_A_NUMBER = re.compile(r"\d[\s:\-–—]*$")


@dataclass(frozen=True)
class _TranslatedStatuses:
    source: str  # the pattern of all the names, compiled on first use (_compiled): most processes never need it
    codes: dict[str, tuple[int, bool]]  # name with its separators removed -> (status, also a sentence's own words)
    gate: frozenset[str]  # one word of each name in a spaced script: a question holding none is not searched
    unspaced: bool  # some name is in a script written without spaces: searched in any question holding that script
    error_words: tuple[str, ...]  # words for error in those scripts, glued after a name ("未授权错误")


@lru_cache(maxsize=4)
def _translated_statuses(lex: Lexicon) -> _TranslatedStatuses:
    """The statuses' names in other languages (lexicon.toml [status_names_translated] and
    [status_words_translated]) as one pattern, and what a question must hold to be searched."""
    names: dict[str, tuple[int, bool]] = {}
    for as_words, table in ((False, lex.status_names_translated), (True, lex.status_words_translated)):
        for code, phrases in table.items():
            for phrase in phrases:
                names.setdefault(phrase, (code, as_words))
    # A question is searched only when it holds a word of one of the names that English does not
    # use ("zu viele anfragen": "anfragen"; "timeout del gateway": "del"), so English costs nothing.
    english = {w for st in HTTPStatus for w in re.findall(r"[^\W_]+", fold(st.phrase))}
    english |= {w for spellings in lex.status_words.values() for s in spellings for w in re.findall(r"[^\W_]+", fold(s))}
    codes: dict[str, tuple[int, bool]] = {}
    spaced, glued, gate = [], [], set()
    for phrase in sorted(names, key=len, reverse=True):
        words = re.findall(r"[^\W_]+", phrase)
        key = "".join(words)
        if not words or key in codes:
            continue
        body = r"[\s_'’-]*".join(re.escape(w) for w in words)
        if UNSPACED_CHAR.search(phrase):
            glued.append(body)  # glued to the words around it: no edge to look for
        else:
            tokens = [t for t in _WORD.findall(phrase) if t not in english]
            if not tokens:
                continue  # written as English writes it: the registry's names read it already
            pure = [t for t in tokens if t.isalpha()]
            rare = max(pure or tokens, key=lambda t: (not t.isascii(), len(t)))  # "média" over "charge"
            gate.update((rare, rare + "'", rare + "’"))  # a closing quote is read into the word
            spaced.append(body)
        codes[key] = names[phrase]
    alts = []
    if spaced:
        alts.append(r"(?<![^\W_])(?<![^\W_]_)(?:" + "|".join(spaced) + r")(?![^\W_]|_[^\W_])")
    alts += glued
    error_words = tuple(w for w in lex.status_named_before if UNSPACED_CHAR.search(w))
    return _TranslatedStatuses("|".join(alts), codes, frozenset(gate), bool(glued), error_words)


@lru_cache(maxsize=4)
def _compiled(source: str) -> re.Pattern:
    return re.compile(source)


def _translated_status_targets(text: str, clean: str, lex: Lexicon, known: set[int],
                               words: tuple[str, ...]) -> list[Target]:
    """Statuses named in another language, without digits ("zu viele Anfragen", "请求过多").

    Searched only in a question that holds one of their words (or their script), so an
    English question costs one set test. A name that is also a sentence's own words
    ("verboten", "nicht gefunden") counts only set apart as a status: in quotes, after a
    status word, right after a number ("8522 nicht gefunden") or before a word for error.
    """
    ts = _translated_statuses(lex)
    if not ts.source:
        return []
    if ts.gate.isdisjoint(words) and not (ts.unspaced and not text.isascii() and UNSPACED_CHAR.search(text)):
        return []
    out: list[Target] = []
    for m in _compiled(ts.source).finditer(text):
        a, b = m.span()
        code, as_words = ts.codes.get(re.sub(r"[\s_'’-]+", "", m.group(0)), (None, False))
        if code is None or code in known:
            continue
        role = _role_before(clean[max(0, a - 40) : a].replace('"', "").replace("'", ""), lex)
        if as_words and role is None:
            quoted = text[max(0, a - 2) : a].rstrip()[-1:] in _OPENING_QUOTES
            after_number = _AFTER_A_NUMBER.search(text, max(0, a - 12), a) is not None
            after = _WORD_AFTER.match(text, b)
            error_after = after is not None and (
                after.group(1) in lex.status_named_before or after.group(1).startswith(ts.error_words or ("\0",)))
            if not (quoted or after_number or error_after):
                continue
        known.add(code)
        out.append(Target(start=a, code=code, role="http", explicit=True, worded=role is None))
    return out


_WORD_BEFORE = re.compile(r"([^\W\d]+)[\s]+$")


def _said_in_quotes(text: str, at: int, lex: Lexicon) -> bool:
    """A status's plain name as what a quoted message says something is ("... is forbidden ...",
    lexicon.toml [status_said]): inside double quotes, right after one of those words."""
    before = _WORD_BEFORE.search(text, max(0, at - 20), at)
    if before is None or before.group(1) not in lex.status_said_after:
        return False
    line = text.rfind("\n", 0, at) + 1
    return (text.count('"', line, at) % 2 == 1) or text.rfind("\u201c", line, at) > text.rfind("\u201d", line, at)


def _reads_as_key(m: re.Match, cased: str | None) -> bool:
    """'pageSize=500', '"top_k": 50', 'retries:3' are settings; 'the adapter: 412' is prose.

    A key is written like one (quoted, with '=', glued to its colon's value, or named in
    camelCase, snake_case or dotted); a plain word, a colon and a space is a sentence.
    """
    sep = m.group("sep")
    if "=" in sep or "'" in sep or '"' in sep or not sep.endswith((" ", "\t")):
        return True
    raw = cased[m.start(1) : m.end(1)] if cased is not None else m.group(1)
    if "_" in raw or "." in raw:
        return True
    # A word in capitals is a word of the sentence, not camelCase: a shouted one, all letters
    # ("ERROR STARTING CALL: 7504 - ..." is prose in capitals), or an acronym of up to four
    # ("Omnichannel messaging API: 30003").
    if raw.isupper() and (raw.isalpha() or len(raw) <= 4):
        return False
    return any(c.isupper() for c in raw[1:])


def _named_with_its_status(m: re.Match, cased: str | None, key: str, lex: Lexicon) -> bool:
    """'CrewChat: 403', 'ChatThreadClient: 500': an app's or a class's name, capitalised, then a
    colon, a space and an error status, is prose saying what that thing gave, not a setting
    ('pageSize: 500', 'MaxRetries: 500' and keys written as keys stay settings)."""
    if cased is None or not m.group("sep").startswith(":") or not m.group("sep").endswith(" "):
        return False
    raw = cased[m.start(1) : m.end(1)]
    return raw[:1].isupper() and raw.isalnum() and 400 <= int(m.group(3)) <= 599 \
        and not any(w.lower() in lex.quantity_key_words for w in CAMEL_PARTS.findall(raw))


def _is_quantity_key(key: str, lex: Lexicon) -> bool:
    return any(w in lex.quantity_key_words for w in re.findall(r"[a-z]+", key))


# What comes right before a status the question names as the one it did NOT get, and how far
# before it to look: the longest such wording ("rather than the status code ") and some spaces.
_INSTEAD_OF_REACH = 40
_INSTEAD_OF = re.compile(r"\b(?:instead of|rather than)\s+(?:(?:an?|the)\s+)?(?:(?:http|status|error|a)\s+)?(?:code\s+)?$")


def parse(question: str, lex: Lexicon | None = None) -> ParsedQuestion:
    """Read one question. Never raises on any text."""
    lex = lex or load_lexicon()
    text = fold(question)
    # The question as written, for the case of names ("NotFound", "CALL_TIMEOUT"), when
    # folding kept every position (it does unless a letter such as ß grew).
    cased = unicodedata.normalize("NFKC", question)
    cased = cased if len(cased) == len(text) else None
    taken_at: set[int] = set()  # positions of numbers already read
    singles: list[Target] = []
    codes: list[Target] = []  # explicit code/http mentions, for pairing
    subs: list[Target] = []
    string_words: list[str] = []
    pairs: list[Target] = []

    def take(a: int, b: int) -> None:
        taken_at.update(range(a, b))

    def is_taken(a: int) -> bool:
        return a in taken_at

    # 0. Statuses in notations the noise would blank: status lines, IIS substatuses.
    early: list[tuple[int, int]] = []
    for m in _status_line(lex).finditer(text) if _status_line_gate(lex).search(text) else ():
        if m.group(1) is not None:
            codes.append(Target(start=m.start(1), code=int(m.group(1)), role="http", explicit=True))
        else:
            role, value = lex.glued_roles.get(m.group(2), "http"), int(m.group(3))
            if role == "http" and not (len(m.group(3)) == 3 and 100 <= value <= 599):
                continue  # "status1000": no status
            if role in ("code", "any") and len(m.group(3)) == 3 and not 400 <= value <= 699:
                continue  # "Code128" is a barcode; a glued three-digit code is a failure's (4xx-6xx)
            at = m.start(3)
            if role == "subcode":
                subs.append(Target(start=at, subcode=value, role="subcode", explicit=True))
            elif role == "any":
                singles.append(Target(start=at, number=value, role="any", explicit=True))
            else:
                codes.append(Target(start=at, code=value, role=role, explicit=True))
        early.append(m.span())
    for m in _GLUED_STATUS.finditer(text):
        if text[m.start() - 1 : m.start()].isalpha():
            continue  # "repost404x" is no request log
        codes.append(Target(start=m.start(1), code=int(m.group(1)), role="http", explicit=True))
        early.append(m.span(1))
    for m in _IIS_STATUS.finditer(text) if _IIS_GATE.search(text) else ():
        if text[m.start() - 1 : m.start()] == "." or _is_quantity(text, m.start(), m.end(), lex):
            continue
        codes.append(Target(start=m.start(1), code=int(m.group(1)), role="http", explicit=True))
        early.append(m.span())
    positions = source_positions(text, lex)
    spans = sorted([*early, *positions, *(m.span() for m in _noise(text))])
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    clean = _blank(text, merged)

    # 1. Keys in pasted payloads and logs.
    for m in _KEY_VALUE.finditer(clean) if any(c in clean for c in _KEY_VALUE_SEPARATORS) else ():
        if len(codes) + len(subs) >= MAX_NAMED_MENTIONS:
            break
        key = m.group(1).rsplit(".", 1)[-1].strip("_")
        role = lex.key_roles.get(key)
        if not role:
            if m.group(3).isdigit() and len(key) > 1 and key not in lex.role_words and _reads_as_key(m, cased) \
                    and not _named_with_its_status(m, cased, key, lex):
                raw_key = cased[m.start(1) : m.end(1)].rsplit(".", 1)[-1] if cased is not None else ""
                value = int(m.group(3))
                if _CONSTANT.match(raw_key) and 100 <= value <= 699 and not _is_quantity_key(key, lex):
                    # An enum listing: "CALL_TIMEOUT = 408" names the code.
                    codes.append(Target(start=m.start(3), code=value, role="code", explicit=True))
                take(*m.span(3))  # pageSize=500, "top_k": 50: a value, not a code
            continue
        value = m.group(3)
        if value.isdigit():
            if len(value) > MAX_CODE_DIGITS:
                continue
            t = Target(start=m.start(3), role=role, explicit=True, **{("subcode" if role == "subcode" else "code"): int(value)})
            (subs if role == "subcode" else codes).append(t)
            take(*m.span(3))
        elif role == "code":
            string_words.append(value)

    # 2. code/subcode written with a slash.
    for m in _SLASH_PAIR.finditer(clean) if "/" in clean and _SLASH_PAIR_GATE.search(clean) else ():
        if len(pairs) >= MAX_MENTIONS:
            break
        if is_taken(m.start(1)) or is_taken(m.start(2)):
            continue
        code, sub = int(m.group(1)), int(m.group(2))
        if code <= 699:
            pairs.append(Target(start=m.start(), code=code, subcode=sub, role="pair", explicit=True))
            take(*m.span())

    # 3. Numbers after role words, lists after them, and bare numbers.
    bounds = _bounds(lex)[1] if _may_hold_a_range(clean, lex) else None
    last_role: str | None = None
    last_end = -1
    for m in _NUMBER.finditer(clean):
        if len(codes) + len(subs) >= MAX_NAMED_MENTIONS:
            break
        a, b = m.span()
        if is_taken(a):
            continue
        digits = m.group(0)
        if len(digits) > MAX_CODE_DIGITS:
            last_role = None
            continue
        bare_full = len(singles) >= MAX_MENTIONS  # past this, only numbers named as codes are read
        prefix = clean[max(0, a - 40) : a]
        spelt, role = _role_word_before(prefix, lex)  # (a typo is looked for last, below)
        if clean[a - 1 : a] == "-":
            # A number glued to a word by a hyphen is a name ("sha-256", "gpt-4", "win-10"),
            # unless the word is a role word: "error-404", "http-500" name the status.
            role = _role_before(prefix[:-1], lex, typos=False) if prefix[-2:-1].isalpha() else None
            if role is None:
                last_role = None
                continue
        if role is None and last_role and _LIST_GLUE.fullmatch(clean[last_end:a]):
            role = last_role
        if role is None and (bare_full or _is_quantity(clean, a, b, lex)
                             or (bounds is not None and _is_range_end(clean, a, bounds))):
            last_role = None
            continue
        if role is None and not spelt:
            role = _role_typo_before(prefix, lex)  # a misspelt role word: "subcde 3101"
        value = int(digits)
        if role in ("code", "http"):
            codes.append(Target(start=a, code=value, role=role, explicit=True))
        elif role == "subcode":
            subs.append(Target(start=a, subcode=value, role="subcode", explicit=True))
        else:
            singles.append(Target(start=a, number=value, role="any", explicit=role == "any"))
        last_role, last_end = role, b
        take(a, b)

    # 4. Pair each subcode with the nearest code of the same object or sentence.
    used: set[int] = set()
    for s in subs:
        best = None
        for i, c in enumerate(codes):
            if i in used:
                continue
            lo, hi = sorted((c.start, s.start))
            between = clean[lo:hi]
            if hi - lo > 120 or "}" in between or "\n" in between or "{" in between[1:]:
                continue
            if best is None or abs(c.start - s.start) < abs(codes[best].start - s.start):
                best = i
        if best is None:
            singles.append(s)
        else:
            used.add(best)
            c = codes[best]
            pairs.append(Target(start=min(c.start, s.start), code=c.code, subcode=s.subcode, role="pair", explicit=True))
    singles.extend(c for i, c in enumerate(codes) if i not in used)

    # 5. Statuses named without digits ("status code Forbidden", MethodNotAllowed).
    known = {n for t in pairs + singles for n in (t.code, t.number) if n is not None}
    singles.extend(_status_targets(text, cased, clean, lex, known))
    words = tuple(_WORD.findall(_blank(text, positions)))
    singles.extend(_translated_status_targets(text, clean, lex, known, words))

    # Statuses named only as expected, as not come, or as the asker's choice to send: no error got.
    not_had = statuses_not_had(clean, pairs + singles, lex)
    if not_had:
        pairs = [t for t in pairs if t.subcode not in not_had]
        singles = [t for t in singles if t.named_number not in not_had]

    # Named codes first when there are too many to read: a long log's error line
    # must not lose its place to the counts and ids before it.
    chosen: list[Target] = []
    seen = set()
    for t in sorted(pairs + singles, key=lambda t: (not t.explicit, t.start)):
        ident = (t.code, t.subcode, t.number, t.role)
        if ident in seen:
            continue
        seen.add(ident)
        chosen.append(t)
        if len(chosen) >= MAX_TARGETS:
            break
    targets = sorted(chosen, key=lambda t: t.start)
    if len(targets) > 1 and ("instead of" in clean or "rather than" in clean):
        # "now gives me 401 instead of 404": the status it no longer gives is no error asked about.
        kept = [t for t in targets if not _INSTEAD_OF.search(clean, max(0, t.start - _INSTEAD_OF_REACH), t.start)]
        targets = kept or targets

    return ParsedQuestion(
        text=text,
        targets=tuple(targets),
        words=words,
        classes=tuple(sorted({int(d) for d in _CLASS.findall(clean)})) if "xx" in clean else (),
        string_words=tuple(dict.fromkeys(string_words)),
        foreign_codes=tuple(dict.fromkeys(_FOREIGN_CODE.findall(text)))
        if any(w in text for w in _FOREIGN_CODE_WORDS) else (),
        not_had=tuple(sorted(not_had)),
    )
