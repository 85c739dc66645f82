"""Matching the words of a question against the words of the entries.

Why not rapidfuzz's WRatio over whole strings: it scores a short question
against a long message generously, and a bare "error" would match everything.
Instead every word is weighted by how rare it is in the catalog (IDF), a
question scores an entry by how much of the question's weight the entry
explains, and rapidfuzz only forgives misspelt words, never numbers.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from .lexicon import SCRIPT_RUNS, UNSPACED_CHAR, Lexicon, fold
from .pattern_words import longest_first
from .schema import Entry

_KANA = re.compile("[\u3040-\u309f\u30fc]+")  # hiragana (and the long-vowel mark): Japanese grammar
_TOKEN = re.compile(r"[^\W\d_][^\W_]*")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
FUZZY_CUTOFF = 84  # rapidfuzz ratio for a misspelt word to count
FUZZY_WEIGHT = 0.8
ADVICE_WEIGHT = 0.6  # a word found only in the advice explains less than one in the message
PRODUCT_WEIGHT = 0.5  # a product word, for an entry of that product that does not use the word
UNKNOWN_WEIGHT = 0.5  # share of the top weight a word the catalog never uses carries


# What the stemmer cuts from a word (at most twice); sayings.py puts them back to find a saying's inflections.
SUFFIXES = ("ations", "ation", "ions", "ion", "ing", "ers", "er", "ed", "es", "s", "e")
_DOUBLING = frozenset({"ing", "ers", "er", "ed"})  # endings English doubles a final consonant before
DOUBLED_CONSONANTS = frozenset("bdfgmnprt")  # ... not l, s or z ('calling', 'passed', 'buzzing' keep theirs)


@lru_cache(maxsize=65_536)  # bounded: questions bring words the catalog never had
def stem(word: str) -> str:
    """A deliberately light stemmer: 'started'/'starts'/'start' and
    'initializing'/'initialization' meet; nothing clever, the same on both sides."""
    for _ in range(2):  # twice, so that 'renderer' and 'render' meet
        if word.endswith("ss"):
            break
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                if suffix in _DOUBLING and word[-1] == word[-2] and word[-1] in DOUBLED_CONSONANTS:
                    word = word[:-1]  # 'transferring', 'stopped': the consonant doubled before the ending
                break
        else:
            break
    return word


def tokens(text: str, stop: frozenset[str] = frozenset(), parts: bool = True) -> list[str]:
    """Folded, stemmed content words; camelCase words also give their parts (unless parts=False)."""
    out = []
    for raw in _TOKEN.findall(text):
        # most words are plain lowercase ASCII: folding leaves them as they are, and they have no
        # camelCase parts (the catalog's build reads every row's text through here)
        plain = raw.isascii() and raw.islower()
        low = raw if plain else fold(raw)
        if low in stop or len(low) < 2:
            continue
        out.append(stem(low))
        if plain or not parts:
            continue
        camel = _CAMEL.split(raw)
        if len(camel) > 1:
            out.extend(stem(fold(p)) for p in camel if len(p) > 2 and fold(p) not in stop)
    return out


@dataclass(frozen=True)
class QueryWords:
    weights: dict[str, float]  # catalog token -> weight it carries in this question
    unknown_weight: float  # weight of question words the catalog does not know
    fuzzy: dict[str, float]  # catalog token -> factor (<1 when it came from a typo)
    total: float = 0.0
    credit: tuple[tuple[str, float], ...] = ()  # (token, weight x typo factor), computed once
    # Product words of the question ("rag", "upload") and the sources they name:
    # an entry of that source half-explains the word even if its text lacks it.
    product_of: dict[str, frozenset[str]] = field(default_factory=dict)
    # The catalog's words the question names: its own, and the English words its words of another
    # language stand for ("通话" names "call"), for how much of a row's title it names.
    named: AbstractSet[str] = field(default_factory=frozenset)  # (the weights' keys where nothing is translated)

    @classmethod
    def build(cls, weights: dict[str, float], unknown: float, fuzzy: dict[str, float],
              translations: dict[str, frozenset[str]] | None = None) -> "QueryWords":
        credit = tuple((t, w * fuzzy[t]) for t, w in weights.items())
        named = weights.keys()
        if translations:
            english = [translations[t] for t in weights if t in translations]
            if english:
                named = frozenset(weights).union(*english)
        return cls(weights=weights, unknown_weight=unknown, fuzzy=fuzzy, total=sum(weights.values()) + unknown,
                   credit=credit, named=named)

    def with_products(self, product_of: dict[str, frozenset[str]]) -> "QueryWords":
        # (built directly: dataclasses.replace costs several microseconds on every question)
        return QueryWords(weights=self.weights, unknown_weight=self.unknown_weight, fuzzy=self.fuzzy,
                          total=self.total, credit=self.credit, named=self.named,
                          product_of={t: s for t, s in product_of.items() if t in self.weights})


class TextIndex:
    def __init__(self, entries: tuple[Entry, ...], lex: Lexicon):
        self.lex = lex
        self.entries = entries
        self.entry_tokens: list[frozenset[str]] = []
        self.advice_tokens: list[frozenset[str]] = []
        self.title_tokens: list[frozenset[str]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        negated = lex.said_negated
        said_not = re.compile(r"(?:(?<![^\W_])not|n[’']t)\s+(" + "|".join(map(re.escape, negated)) + r")(?![^\W_])") if negated else None
        # The everyday word for a catalog word ("webcam" for "camera", "secret" for "password"):
        # a row holding the catalog's word holds the everyday one too, so a story told in plain
        # words meets the row's own. Built here, once: nothing is added per question.
        # So are our words in the other languages people ask in ("anruf", "通话" for "call").
        plainly: dict[str, set[str]] = defaultdict(set)
        translated: dict[str, set[str]] = defaultdict(set)
        for table, into in ((lex.said_plainly, (plainly,)), (lex.said_in_other_languages, (plainly, translated))):
            for everyday, theirs in table.items():
                for w in theirs:
                    for words_for in into:
                        words_for[stem(w)].add(stem(everyday))
        english: set[str] = set()  # the catalog's own words (and the everyday English ones)
        # a word of another language -> the catalog's words it stands for ("通话" -> "call")
        english_of: dict[str, set[str]] = defaultdict(set)
        for catalog_word, theirs in translated.items():
            for w in theirs:
                english_of[w].add(catalog_word)
        self.english_of = {w: frozenset(ws) for w, ws in english_of.items()}
        for i, e in enumerate(entries):
            words = set(tokens(" ".join((e.title, e.message, *e.aliases)), lex.stopwords))
            english.update(words)
            # an event's name as one word only: its parts ("call", "failed") are every row's
            words.update(tokens(" ".join(e.story_words), lex.stopwords, parts=False))
            if said_not is not None:
                # "The provided channel ID isn't valid" is also the question's "invalid channel ID"
                said = fold(" ".join((e.title, e.message)))
                if "not" in said or "n't" in said or "n’t" in said:  # (most rows say neither: no search)
                    words.update(stem(negated[m.group(1)]) for m in said_not.finditer(said))
            words.update(*(plainly[w] for w in words & plainly.keys()))
            if e.string_code:
                words.add(fold(e.string_code))
                words.update(tokens(e.string_code.replace("_", " "), lex.stopwords))
            title = frozenset(tokens(" ".join((e.title, *e.aliases)), lex.stopwords))
            advice = set(tokens(" ".join((e.advice, *(link.title for link in e.links))), lex.stopwords))
            advice.update(*(plainly[w] for w in advice & plainly.keys()))
            advice = frozenset(advice - words)
            english.update(advice)
            self.entry_tokens.append(frozenset(words))
            self.advice_tokens.append(advice)
            self.title_tokens.append(title)
            for w in words | advice:
                postings[w].append(i)
        # ... and in the scripts written without spaces a question's run of words is one token
        # ("麦克风无法取消静音"): the everyday words inside it are found by this, longest first.
        # The asking words of those scripts ("意味", "怎么回事") are found too, and left out as stopwords.
        unspaced = [w for w in (*lex.said_in_other_languages, *lex.stopwords) if UNSPACED_CHAR.search(w)]
        self.unspaced_words = re.compile(longest_first(unspaced)) if unspaced else None
        n = max(len(entries), 1)
        self.postings = {w: tuple(ix) for w, ix in postings.items()}
        self.idf = {w: math.log(1 + n / len(ix)) for w, ix in self.postings.items()}
        self.max_idf = math.log(1 + n)
        by_len: dict[int, list[str]] = defaultdict(list)
        # A misspelt word is one of the catalog's English words: a word of another language is
        # found only as written ("gesetzt" is no misspelt "besetzt").
        foreign = {stem(w) for w in lex.said_in_other_languages} - english
        for w in self.postings:
            if w not in foreign:
                by_len[len(w)].append(w)
        self.vocab_by_len = {n: tuple(ws) for n, ws in by_len.items()}

    def with_words_in_runs(self, words: list[str]) -> list[str]:
        """The question's words, each run of a script written without spaces read for the words of
        ours inside it ("通话里麦克风无法取消静音" -> "通话", "麦克风", "取消静音"), and a Latin word glued
        to it ("acsの通話で") as a word of its own. What else the run says stays one unknown word, as
        a word the catalog never uses does ("背景ぼかしを有効にすると": a story we have no row for);
        the kana between words (particles, endings) and the asking words are grammar, no story."""
        if self.unspaced_words is None:
            return words
        out: list[str] = []
        stop = self.lex.stopwords
        for w in words:
            if not UNSPACED_CHAR.search(w):
                out.append(w)
                continue
            rest = []
            for piece in SCRIPT_RUNS.findall(w):
                if not UNSPACED_CHAR.match(piece):
                    if len(piece) >= 2 and piece not in stop and not piece.isdigit():
                        out.append(stem(piece))
                    continue
                out.extend(x for x in self.unspaced_words.findall(piece) if x not in stop)
                rest.append(_KANA.sub("", self.unspaced_words.sub("", piece)))
            if len("".join(rest)) >= 2:
                out.append(w)
        return out

    def _near_vocab(self, word: str) -> list[str]:
        """Catalog words long enough or short enough to reach the fuzzy cut-off."""
        spread = max(1, len(word) // 4)
        out: list[str] = []
        for n in range(len(word) - spread, len(word) + spread + 1):
            out.extend(self.vocab_by_len.get(n, ()))
        return out

    def query_words(self, words: list[str]) -> QueryWords:
        weights: dict[str, float] = {}
        fuzzy: dict[str, float] = {}
        unknown = 0.0
        # Two words the catalog writes as one: "time out" is "timeout", "call agent" is "callagent".
        glued = [a + b for a, b in zip(words, words[1:]) if a + b in self.idf]
        glued += [a + b + c for a, b, c in zip(words, words[1:], words[2:]) if a + b + c in self.idf]
        for w in dict.fromkeys([*words, *glued]):
            if w in self.idf:
                weights[w] = max(weights.get(w, 0.0), self.idf[w])
                fuzzy[w] = 1.0
                continue
            if len(w) >= 5:
                hit = process.extractOne(w, self._near_vocab(w), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                if hit:
                    tok = hit[0]
                    weights[tok] = max(weights.get(tok, 0.0), self.idf[tok])
                    fuzzy[tok] = max(fuzzy.get(tok, 0.0), FUZZY_WEIGHT)
                    continue
            unknown += UNKNOWN_WEIGHT * self.max_idf
        return QueryWords.build(weights, unknown, fuzzy, self.english_of)

    def score(self, i: int, q: QueryWords) -> float:
        """0..1: how much of the question this entry explains, and how much of its title the question names."""
        total = q.total
        if total <= 0:
            return 0.0
        have = self.entry_tokens[i]
        advice = self.advice_tokens[i]
        source = self.entries[i].source
        covered = 0.0
        for t, c in q.credit:
            if t in have:
                covered += c
            elif t in advice:
                covered += ADVICE_WEIGHT * c
            elif source in q.product_of.get(t, ()):
                covered += PRODUCT_WEIGHT * c
        title = self.title_tokens[i]
        # (a title named in another language is named too, "通话" for "call": QueryWords.named. Not by
        # an English synonym: "kicked" and "organizer" name no "Can't Remove Organizer".)
        title_cov = (len(title & q.named) / len(title)) if title else 0.0
        return 0.8 * (covered / total) + 0.2 * title_cov

    def search(self, q: QueryWords, limit: int = 10) -> list[tuple[int, float]]:
        """Entries sharing at least one word with the question, best first."""
        # Rare words first; a common word ("call", "failed") only widens the
        # candidates when nothing rarer found any, so a grown catalog stays fast.
        common = max(40, len(self.entries) // 20)
        seen: set[int] = set()
        for t in sorted(q.weights, key=lambda t: -q.weights[t]):
            posting = self.postings.get(t, ())
            if seen and len(posting) > common:
                continue
            seen.update(posting)
        scored = [(i, self.score(i, q)) for i in seen]
        scored.sort(key=lambda p: (-p[1], p[0]))
        return scored[:limit]
