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
        self.next: dict[str, _Node] = {}
        # the rows whose text passes here: the first, the last added and how many (rows are
        # added in order, so a row passing twice, by its title and its message, is counted once)
        self.first = self.last = -1
        self.count = 0
        self.titled: set[int] | None = None  # rows whose whole title ends here (made when one does)
        self.ends: set[int] | None = None  # rows one of whose sentences ends here (made when one does)


class QuotedRows:
    """The catalog's titles and messages as sequences of stemmed words, for quotes_in."""

    def __init__(self, entries: tuple[Entry, ...], status_names: Iterable[str] = ()):
        """`status_names`: the other names a status goes by (lexicon.toml [status_words]: "Payload
        Too Large" for 413, which Python's HTTPStatus calls "Request Entity Too Large"): a row
        titled by one is no more quoted than one titled by the reason phrase."""
        status_phrases = _STATUS_PHRASES | {n.casefold() for n in status_names}
        self.root = _Node()
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
            for words in texts:
                node = self.root
                for w in words:
                    key = stem(w)
                    child = node.next.get(key)
                    if child is None:
                        child = node.next[key] = _Node()
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
                node = self.root
                for w in title:
                    node = node.next[stem(w)]
                if node.titled is None:
                    node.titled = set()
                node.titled.add(i)
                self.title_words[i] = title

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
                n = at - start
                if node.titled and n >= WHOLE_TITLE_WORDS and node.count == len(node.titled):
                    rows = tuple(sorted(i for i in node.titled if n >= EXACT_BELOW
                                        or self.title_words[i] == tuple(words[start:at])))
                    if rows:
                        best = Quote(start, at, rows, True, " ".join(words[start:at]))
                elif n >= OPENING_WORDS and node.count == 1:
                    if not node.ends and ends is None:
                        ends = [m.end() for m in _WORD.finditer(folded) if m.group(0) not in _ARTICLES]
                    if node.ends or _STOP.match(folded, ends[at - 1]):
                        best = Quote(start, at, (node.first,), False, " ".join(words[start:at]))
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


def _unglued(folded: str) -> str:
    """'isn't' as 'is not' (and "doesn't", "couldn't" ...): a quote may write either."""
    return _NOT.sub(" not", folded) if "'" in folded or "’" in folded else folded


def _words(text: str) -> tuple[str, ...]:
    """A row's text as the question's words are read: folded, unglued, without articles."""
    return tuple(w for w in _WORD.findall(_unglued(fold(text))) if w not in _ARTICLES)
