"""Which product a question is about, from the words around the number.

"bot returns 503" and "sms 4007" name their product with one word; people
misspell it ("my bott returns 503") or pluralise it. Each source lists its
words in its data file; a longer phrase is stronger evidence than one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .lexicon import Lexicon, fold
from .schema import Source

_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class SignalHits:
    strength: dict[str, float]  # source id -> strength (about the number of words matched)
    used_words: frozenset[str]  # question words that were product words

    def boost(self, source: str) -> float:
        s = self.strength.get(source, 0.0)
        if s <= 0:
            return 0.0
        return 0.2 + 0.05 * (min(s, 3.0) - 1.0)


class ProductSignals:
    def __init__(self, sources: dict[str, Source], lex: Lexicon):
        self.lex = lex
        self.phrases: dict[tuple[str, ...], set[str]] = {}
        for sid, src in sources.items():
            for phrase in src.signals:
                key = tuple(words_of(phrase))
                if key:
                    self.phrases.setdefault(key, set()).add(sid)
        self.max_len = max((len(k) for k in self.phrases), default=1)
        self.single = {k[0]: v for k, v in self.phrases.items() if len(k) == 1}

    def _typo_of(self, word: str) -> str | None:
        if len(word) < 4 or word in self.lex.not_typos or word in self.lex.stopwords:
            return None
        if word.endswith("s") and word[:-1] in self.single:
            return word[:-1]
        limit = 1 if len(word) < 8 else 2
        for cand in self.single:
            if len(cand) >= 3 and abs(len(cand) - len(word)) <= limit:
                if Levenshtein.distance(word, cand, score_cutoff=limit) <= limit:
                    return cand
        return None

    def detect(self, words: list[str]) -> SignalHits:
        strength: dict[str, float] = {}
        used: set[str] = set()
        n = len(words)
        for i in range(n):
            for size in range(min(self.max_len, n - i), 0, -1):
                key = tuple(words[i : i + size])
                sids = self.phrases.get(key)
                if sids:
                    for sid in sids:
                        strength[sid] = max(strength.get(sid, 0.0), float(size))
                    used.update(key)
        for w in words:
            if w in used:
                continue
            cand = self._typo_of(w)
            if cand:
                for sid in self.single[cand]:
                    strength[sid] = max(strength.get(sid, 0.0), 0.8)
                used.add(w)
        return SignalHits(strength, frozenset(used))
