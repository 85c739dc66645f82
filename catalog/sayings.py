"""The rows' sayings (aliases, said_in_product) found in a question, word by word.

A saying is kept as the stems of its words (textindex.stem), in a tree by words, so
one saying stands for its inflections: "token expired" is also "tokens expire",
"token expiring". A word of the question stands for a stem when it is the stem with
at most two of the stemmer's endings put back, after the consonant English doubles
before an ending ('stop' is also 'stopped').

Why a walk over the question's words and not one regular expression: that pattern
(some 1,100 sayings, the endings written out after each of their 2,300 words) took a
third of a second to compile in every process, and was slower to run than this walk.
The walk finds what the pattern found: from each word on, the first saying in the
order the pattern tried them (a longer word before a shorter one, a saying's next
word before its end), the question read on after it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from .textindex import DOUBLED_CONSONANTS, SUFFIXES

_WORD = re.compile(r"[^\W_]+")
# What may follow a stem in a word of the question: nothing, one ending or two.
_ENDINGS = frozenset(("", *SUFFIXES, *(a + b for a in SUFFIXES for b in SUFFIXES)))
_LONGEST_TAIL = 1 + max(map(len, _ENDINGS))  # ... after a doubled consonant
FIRST_WORDS_KEPT = 16_384  # the question's words already looked up (a paste repeats its words)


class Sayings:
    def __init__(self, keys: Iterable[str]):
        """`keys`: the sayings as the stems of their words, joined by spaces."""
        self._tree: dict[str, dict] = {}
        for key in keys:
            node = self._tree
            for w in key.split():
                node = node.setdefault(w, {})
            node[""] = {}  # a saying ends here
        self._first = lru_cache(maxsize=FIRST_WORDS_KEPT)(self._first_stems)

    def find(self, folded: str) -> Iterator[str]:
        """The text of each saying in the (folded) question, from its first word to its last."""
        words = list(_WORD.finditer(folded))
        texts = [m.group() for m in words]
        i = 0
        while i < len(texts):
            last = None
            for w in self._first(texts[i]):
                last = _last_word(self._tree[w], texts, i)
                if last is not None:
                    break
            if last is None:
                i += 1
                continue
            yield folded[words[i].start():words[last].end()]
            i = last + 1

    def _first_stems(self, word: str) -> tuple[str, ...]:
        return _stems_of(word, self._tree)


def _stems_of(word: str, node: dict) -> tuple[str, ...]:
    """The stems of this node that the word is written from, the longest first."""
    out = []
    for k in range(len(word), max(0, len(word) - _LONGEST_TAIL - 1), -1):
        stem = word[:k]
        if stem in node:
            tail = word[k:]
            if tail in _ENDINGS or (tail[:1] == stem[-1] and stem[-1] in DOUBLED_CONSONANTS and len(stem) >= 3
                                    and tail[1:] in _ENDINGS):
                out.append(stem)
    return tuple(out)


def _last_word(node: dict, texts: list[str], i: int) -> int | None:
    """Where the first saying through this node (the stem of word i) ends: a saying's next
    word is tried before its end, as a pattern's optional part would be."""
    if len(node) > ("" in node) and i + 1 < len(texts):
        for w in _stems_of(texts[i + 1], node):
            last = _last_word(node[w], texts, i + 1)
            if last is not None:
                return last
    return i if "" in node else None
