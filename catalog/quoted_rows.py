"""Which row's own title or message a question quotes, word for word.

People paste what they saw: "Recording Operation Conflict when I start recording twice",
"4001: Message is rejected due to invalid Destination/To number format". The words they
quote are the document's wording of one row; the story around them, or a number typed
from memory, is theirs. A quote is
- a row's whole title of three words or more, that no other row's text goes on from
  ("Call ended successfully" opens a dozen rows' messages: quoting it names none of them);
  one of three words exactly as written ("callee busy everywhere", not "call busy everywhere":
  the stemmer makes those one), or
- five words or more of the opening of a sentence of a row's message that no other row
  opens with, running to the end of that sentence or stopping where the question's own
  sentence, quote or line stops: "the request couldn't be understood" runs on past the
  opening of 401's "The request couldn't be authenticated" and is no quote of it.
Words are compared as the stemmer leaves them ("Failed"/"fails"), small words included
(articles left out, "isn't" read as "is not"),
identifiers whole ("MediaStreamingFailed" is an event's name, no quote of "Media Streaming
Failed"). Built once as a tree of word sequences; a question is walked once, a dictionary
look-up a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Iterable

from .lexicon import fold
from .schema import Entry
from .textindex import stem

WHOLE_TITLE_WORDS = 3  # a title this long, quoted whole, names its row
EXACT_BELOW = 4  # ... a title shorter than this only as written, not as the stemmer reads it
OPENING_WORDS = 5  # ... and so does this many words of a row's sentence no other row opens with

_WORD = re.compile(r"[^\W_]+")
# "isn't" and "is not" are one wording, in the rows and in the questions quoting them.
_NOT = re.compile(r"n[’']t(?![^\W_])")
# ... and "Failed to start the video" is "Failed to start video": articles are left out on both sides.
_ARTICLES = frozenset({"a", "an", "the"})
_FIRST_SENTENCE = re.compile(r"(?<=[a-z0-9)])\.(?:\s|$)")
# Where the question's own words stop running on: the end of a sentence, clause, quote or line.
_STOP = re.compile(r"\s*(?:$|[.,;:!?\"'`’”)\]}\n(—–]|\s[-–—]\s)")
# A title that is only a status's name ("Too Many Requests") is every product's: status words read it.
_STATUS_PHRASES = frozenset(s.phrase.casefold() for s in HTTPStatus)


@dataclass(frozen=True)
class Quote:
    """A stretch of the question (in words) that is one row's own text."""

    start: int  # index of its first word in the question's words
    end: int  # one past its last word
    rows: tuple[int, ...]  # the catalog positions of the rows it quotes (several when rows share a title)
    whole_title: bool  # the row's whole title, not only an opening
    text: str  # the words quoted, folded

    @property
    def words(self) -> int:
        return self.end - self.start


class _Node:
    __slots__ = ("next", "first", "last", "count", "titled", "ends")

    def __init__(self):
        self.next: dict[str, _Node | _Tail] = {}
        # the rows whose text passes here: the first, the last added and how many (rows are
        # added in order, so a row passing twice, by its title and its message, is counted once)
        self.first = self.last = -1
        self.count = 0
        self.titled: set[int] | None = None  # rows whose whole title ends here (made when one does)
        self.ends: set[int] | None = None  # rows one of whose sentences ends here (made when one does)


class _Tail:
    """Where only one row's words go on: the rest of each of its texts from here, kept whole.

    Past its first few words nearly every text is one row's alone (on a catalog grown a
    hundredfold, nearly every path): a node a word there made most of the tree, and most of
    its building time. A tail stands for the one-row nodes it would have been; it opens into a
    node (_opened) when another row's text comes this way.
    """

    __slots__ = ("row", "rests", "title")

    def __init__(self, row: int, rest: tuple[str, ...], title: bool):
        self.row = row
        self.rests: tuple[tuple[str, ...], ...] = (rest,)  # each text's stems after this word
        self.title = rest if title else None  # ... the rest that is the row's whole title

    def add(self, rest: tuple[str, ...], title: bool) -> None:
        if rest not in self.rests:
            self.rests += (rest,)
        if title:
            self.title = rest

    def opened(self) -> _Node:
        """This word as a node of its own, the row's rests one word further on."""
        node = _Node()
        node.first = node.last = self.row
        node.count = 1
        for rest in self.rests:
            title = rest == self.title
            if not rest:
                node.ends = {self.row}
                if title:
                    node.titled = {self.row}
                continue
            child = node.next.get(rest[0])
            if child is None:
                node.next[rest[0]] = _Tail(self.row, rest[1:], title)
            else:
                child.add(rest[1:], title)
        return node

    def reach(self, stems: list[str], at: int) -> list[int]:
        """How many words of each rest the question goes on with from word `at`."""
        out = []
        for rest in self.rests:
            m, most = 0, min(len(rest), len(stems) - at)
            while m < most and rest[m] == stems[at + m]:
                m += 1
            out.append(m)
        return out


class QuotedRows:
    """The catalog's titles and messages as sequences of stemmed words, for quotes_in."""

    def __init__(self, entries: tuple[Entry, ...], status_names: Iterable[str] = ()):
        """`status_names`: the other names a status goes by (lexicon.toml [status_words]: "Payload
        Too Large" for 413, which Python's HTTPStatus calls "Request Entity Too Large"): a row
        titled by one is no more quoted than one titled by the reason phrase."""
        status_phrases = _STATUS_PHRASES | {n.casefold() for n in status_names}
        self.root = _Node()
        # the titles quoted only as written (shorter than EXACT_BELOW), word for word
        self.title_words: dict[int, tuple[str, ...]] = {}
        self._last: tuple[str, list[Quote]] | None = None  # the last question's quotes
        for i, e in enumerate(entries):
            if e.kind == "concept":
                continue  # a concept's name ("ExpectedError", "4xx codes") is no message one quotes
            title = _words(e.title) if e.title.casefold() not in status_phrases else ()
            texts = {title} if title else set()
            for line in e.message.splitlines():  # a list of causes: each is the row's own words
                first = _FIRST_SENTENCE.split(line.strip().lstrip("-• ").strip(), maxsplit=1)[0]
                texts.add(_words(first))
                # ... and so is what follows its first comma, pasted alone ("an instance of CallAgent
                # associated with this identity already exists"); an opening's rules still hold
                _, comma, rest = first.partition(", ")
                if comma:
                    texts.add(_words(rest))
            title_stems = tuple(map(stem, title))
            for words in texts:
                if words:
                    stems = tuple(map(stem, words))
                    self._add(i, stems, bool(title) and stems == title_stems)
            if title and len(title) < EXACT_BELOW:
                self.title_words[i] = title

    def _add(self, i: int, stems: tuple[str, ...], title: bool) -> None:
        node = self.root
        for k, key in enumerate(stems):
            child = node.next.get(key)
            if child is None:
                node.next[key] = _Tail(i, stems[k + 1 :], title)
                return
            if type(child) is _Tail:
                if child.row == i:
                    child.add(stems[k + 1 :], title)
                    return
                child = node.next[key] = child.opened()
            node = child
            if node.last != i:
                if node.count == 0:
                    node.first = i
                node.last = i
                node.count += 1
        if node.ends is None:
            node.ends = set()
        node.ends.add(i)
        if title:
            if node.titled is None:
                node.titled = set()
            node.titled.add(i)

    def quotes_in(self, question: str) -> list[Quote]:
        """The longest quotes in the question, none inside another, first first."""
        if question.count(" ") < WHOLE_TITLE_WORDS - 1:
            return []  # too few words for any quote (a cheap first look: most questions are short)
        last = self._last
        if last is not None and last[0] is question:
            return last[1]  # asked again for the same question (a number's answer, then the words)
        folded = _unglued(fold(question))
        words = [w for w in _WORD.findall(folded) if w not in _ARTICLES]
        stems = [stem(w) for w in words]
        root = self.root.next
        found: list[Quote] = []
        ends: list[int] | None = None  # where each word ends in `folded`, found only if an opening needs it
        for start, w in enumerate(stems):
            node = root.get(w)
            if node is None or (found and found[-1].end > start):
                continue
            best: Quote | None = None
            at = start + 1
            while True:
                if type(node) is _Tail:
                    quote, ends = self._in_tail(node, start, at, words, stems, folded, ends)
                    best = quote or best
                    break
                n = at - start
                if node.titled and n >= WHOLE_TITLE_WORDS and node.count == len(node.titled):
                    rows = tuple(sorted(i for i in node.titled if n >= EXACT_BELOW
                                        or self.title_words[i] == tuple(words[start:at])))
                    if rows:
                        best = Quote(start, at, rows, whole_title=True, text=" ".join(words[start:at]))
                elif n >= OPENING_WORDS and node.count == 1:
                    if not node.ends and ends is None:
                        ends = _word_ends(folded)
                    if node.ends or _STOP.match(folded, ends[at - 1]):
                        best = Quote(start, at, (node.first,), whole_title=False, text=" ".join(words[start:at]))
                if at >= len(stems):
                    break
                node = node.next.get(stems[at])
                if node is None:
                    break
                at += 1
            if best is not None:
                found.append(best)
        self._last = (question, found)
        return found

    def _in_tail(self, tail: _Tail, start: int, at: int, words: list[str], stems: list[str], folded: str,
                 ends: list[int] | None) -> tuple[Quote | None, list[int] | None]:
        """The longest quote ending in one row's tail (reached at word `at`), read as quotes_in
        reads its nodes: one row passes each, so a whole title is its row's, and so is an opening
        long enough that stops where a text of the row or the question's own sentence does."""
        reach = tail.reach(stems, at)
        row = tail.row
        for k in range(max(reach), -1, -1):  # deepest first: the longest quote wins
            n = at + k - start
            if tail.title is not None and len(tail.title) == k and reach[tail.rests.index(tail.title)] == k \
                    and n >= WHOLE_TITLE_WORDS:
                if n >= EXACT_BELOW or self.title_words[row] == tuple(words[start : at + k]):
                    return Quote(start, at + k, (row,), whole_title=True, text=" ".join(words[start : at + k])), ends
            elif n >= OPENING_WORDS:
                ended = any(len(rest) == k == m for rest, m in zip(tail.rests, reach))
                if not ended and ends is None:
                    ends = _word_ends(folded)
                if ended or _STOP.match(folded, ends[at + k - 1]):
                    return Quote(start, at + k, (row,), whole_title=False, text=" ".join(words[start : at + k])), ends
        return None, ends


def _word_ends(folded: str) -> list[int]:
    """Where each of the question's words (articles left out) ends in its folded text."""
    return [m.end() for m in _WORD.finditer(folded) if m.group(0) not in _ARTICLES]


def _unglued(folded: str) -> str:
    """'isn't' as 'is not' (and "doesn't", "couldn't" ...): a quote may write either."""
    return _NOT.sub(" not", folded) if "'" in folded or "’" in folded else folded


def _words(text: str) -> tuple[str, ...]:
    """A row's text as the question's words are read: folded, unglued, without articles."""
    return tuple(w for w in _WORD.findall(_unglued(fold(text))) if w not in _ARTICLES)
