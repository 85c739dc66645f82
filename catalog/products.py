"""Which product a question is about, from the words around the number.

"bot returns 503" and "sms 4007" name their product with one word; people
misspell it ("my bott returns 503") or pluralise it. Each source lists its
words in its data file; a longer phrase is stronger evidence than one word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .lexicon import CAMEL_PARTS, SCRIPT_RUNS, UNSPACED_CHAR, Lexicon
from .schema import Source

# How many words' typo readings a ProductSignals keeps (the words people use again and again
# fit well within it; a flood of new words cannot grow it further).
TYPO_READINGS_KEPT = 8192

# How strongly a source must be named to count as named (SignalHits.strongest): a phrase of it
# (1.0 and up), or a slip of one (a typo reads 0.8).
NAMED_AT_LEAST = 0.8

# Letters and digits, plus the combining marks of scripts such as Thai that \w leaves out.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0e00-\u0e7f\u0e80-\u0eff\u0900-\u097f])+")




@lru_cache(maxsize=16_384)  # bounded; a paste repeats its identifiers
def _split_identifier(word: str) -> list[str]:
    """'BotFrameworkAdapter' -> bot, framework, adapter; 'SMSClient' -> sms, client.

    Identifiers name products inside them (ChatThreadClient, TeamsActivityHandler).
    A word with a one-letter part ("iPhone", "eMail") stays whole: that is a brand's
    spelling, not an identifier made of words.
    """
    if word.islower() or word.isupper() or not word.isascii():
        return [word]
    parts = CAMEL_PARTS.findall(word)
    if len(parts) < 2 or "".join(parts) != word or any(len(p) < 2 for p in parts):
        return [word]
    return parts


# Between the words of a name written as an identifier's words ("call client" for CallClient):
# nothing, spaces on one line, or "_" / "-". Any other mark splits them into two words of a
# sentence: "You missed a call(Client Error)" names no CallClient.
_TOGETHER = r"(?:[^\S\n]+|[_-])?"


def identifier_phrases(phrases) -> dict[tuple[str, ...], re.Pattern]:
    """Of these phrases (words as words_of gives them), those that name an identifier, each with
    how it must be written to count: a phrase listed also as one word ("call client" and
    "callclient") is an identifier's words, so both forms count only where the question writes
    its words together (identifier_written)."""
    keys = set(phrases)
    out: dict[tuple[str, ...], re.Pattern] = {}
    for k in keys:
        if len(k) > 1 and ("".join(k),) in keys:
            # (inside a longer identifier too: "createDirectLine" writes Direct Line together)
            together = re.compile(_TOGETHER.join(map(re.escape, k)))
            out[k] = out[("".join(k),)] = together
    return out


def identifier_written(key: tuple[str, ...], identifiers: dict[tuple[str, ...], re.Pattern], text: str | None) -> bool:
    """This phrase is not an identifier's words, or the (folded) text writes them together."""
    together = identifiers.get(key)
    return together is None or text is None or together.search(text) is not None


def phrase_positions(words: list[str], phrase: tuple[str, ...]) -> list[int]:
    """Where this phrase (words as words_of gives them) starts in these words."""
    n = len(phrase)
    return [i for i in range(len(words) - n + 1) if words[i] == phrase[0] and tuple(words[i : i + n]) == phrase]


_OWNERS = ("your", "our", "my", "the", None)
# ... and with "own" after an owner: "chat over our own data" is "chat over your data".
_OWNER_WORDS = (*((o,) if o else () for o in _OWNERS), ("your", "own"), ("our", "own"), ("my", "own"))


def owner_variants(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A product phrase written with "your" stands for anyone's: 'chat with your data' is also
    'chat with our data', 'chat with my data', 'chat with the data', 'chat with data' and
    'chat with our own data'."""
    if "your" not in phrase:
        return [phrase]
    i = phrase.index("your")
    return [(*phrase[:i], *o, *phrase[i + 1 :]) for o in _OWNER_WORDS]


def words_of(text: str) -> list[str]:
    """Folded words, identifiers split into their words, and scripts split where they meet."""
    out: list[str] = []
    text = unicodedata.normalize("NFKC", text)  # once for the whole text; then only case per word
    for raw in _WORD.findall(text):
        if raw.isascii() and raw.islower():
            out.append(raw)
        elif UNSPACED_CHAR.search(raw):
            out.extend(piece.casefold() for piece in SCRIPT_RUNS.findall(raw))  # a Latin name glued on: "RAGチャット"
        else:
            out.extend(part.casefold() for part in _split_identifier(raw))
    return out


@dataclass(frozen=True)
class SignalHits:
    strength: dict[str, float]  # source id -> strength (about the number of words matched)
    used_words: frozenset[str]  # question words that were product words
    word_sources: dict[str, frozenset[str]] = field(default_factory=dict)  # product word -> its sources
    # Sources named only by their weak words ("chat"): a kind of product, not whose; no strength.
    weak: frozenset[str] = frozenset()

    @property
    def names_a_product(self) -> bool:
        """Some product of ours is named by a whole word or phrase (a slip of one is weaker)."""
        return any(v >= 1.0 for v in self.strength.values())

    def boost(self, source: str) -> float:
        s = self.strength.get(source, 0.0)
        if s <= 0:
            return 0.0
        return min(0.2 + 0.07 * (s - 1.0), 0.4)

    def strongest(self, sources: set[str]) -> set[str]:
        """Of these sources, the ones the question names most strongly (empty if none is named)."""
        best = max((self.strength.get(s, 0.0) for s in sources), default=0.0)
        if best < NAMED_AT_LEAST:
            return set()
        return {s for s in sources if self.strength.get(s, 0.0) == best}


class ProductSignals:
    """Every source's product words and phrases, read from a question's words (detect).

    Built once: the look-ups a question needs (phrases by first word, typo candidates by
    length and first letters, glued names) are worked out here, so detect stays fast on a paste.
    """

    def __init__(self, sources: dict[str, Source], lex: Lexicon):
        self.lex = lex
        self.phrases: dict[tuple[str, ...], set[str]] = {}
        variants: set[tuple[str, ...]] = set()  # another owner's phrase: matched exactly, never as a typo
        self.weak = {sid: {tuple(words_of(w)) for w in src.weak_signals} for sid, src in sources.items()}
        # Code names (Source.code_names) name a product for its numbers, not for the words' matching.
        self.code_names = {tuple(words_of(p)) for src in sources.values() for p in src.code_names}
        for sid, src in sources.items():
            for phrase in (*src.signals, *src.code_names):
                written = tuple(words_of(phrase))
                for key in owner_variants(written):
                    if key:
                        self.phrases.setdefault(key, set()).add(sid)
                        if key != written:
                            variants.add(key)
        # Another way of writing a phrase names what the phrase names (lexicon.toml [product_spellings]).
        for spelling, phrase in lex.product_spellings.items():
            owners = self.phrases.get(tuple(words_of(phrase)))
            key = tuple(words_of(spelling))
            if owners and key:
                self.phrases.setdefault(key, set()).update(owners)
        self.max_len = max((len(k) for k in self.phrases), default=1)
        self.single = {k[0]: v for k, v in self.phrases.items() if len(k) == 1}
        # Phrases of several words by (words, first two letters), for typo
        # look-ups: a slip in the very first letters is rare, a full scan is slow.
        self.multi: dict[tuple[int, str], list[str]] = {}
        for k in self.phrases:
            if len(k) > 1 and k not in variants:
                ref = " ".join(k)
                self.multi.setdefault((len(k), ref[:2]), []).append(ref)
        self.single_by_len: dict[int, list[str]] = {}
        for w in self.single:
            if len(w) >= 3 and w.isascii():
                self.single_by_len.setdefault(len(w), []).append(w)
        # Scripts written without spaces (Thai, Japanese, Chinese): found inside words.
        # (Only those scripts: a Cyrillic or accented word is a word of its own, and "бот" is not
        # inside "работает".)
        self.unspaced = {w: v for w, v in self.single.items() if UNSPACED_CHAR.search(w)}
        # Cheap tests that skip the look-ups a word cannot start, so a 20 KB paste stays fast.
        self.first_words = {k[0] for k in self.phrases}
        self.join_prefixes = {w[:n] for w in self.single for n in range(1, len(w) + 1)}
        self.multi_starts = set(self.multi)
        self.multi_first = {start for _, start in self.multi}
        # Phrases of several words written as one ("teamsbot", "ragchat", "smsclient" in lower
        # case, which no camelCase split can find): one look-up for a word no phrase took.
        joined = {"".join(k): k for k in self.phrases if len(k) > 1 and all(w.isascii() for w in k)}
        # Only a phrase holding a product word of its own source: "hangup" is a verb, "teamsbot" a bot.
        self.glued = {w: k for w, k in joined.items() if w not in self.first_words
                      and any(self.phrases[k] & self.single.get(p, set()) for p in k)}
        # Two product words or phrases of one source glued ("webchatbot", "teamsactivityhandler"),
        # split where both halves are (one of them a single word, so never two verbs).
        self.single_sources = {w: frozenset(v) for w, v in self.single.items() if len(w) >= 2 and w.isascii()}
        self.glued_halves = {w: (k, frozenset(self.phrases[k])) for w, k in joined.items()}
        self.glue_min = min((len(w) for w in self.single_sources), default=2)
        # A word can only be two halves if it starts like one: most words are skipped on this test.
        self.half_starts = {w[:3] for w in (*self.single_sources, *self.glued_halves)}
        # A word's typo reading depends on the word alone, and the same words come back
        # question after question ("error", "returns", "getting"): each is worked out once,
        # within a bound (the fuzzy look-up is the dearest step of detect).
        self._typo_reading = lru_cache(maxsize=TYPO_READINGS_KEPT)(self._read_typo)
        # Names that are an identifier's words ("call client", "callclient"): read only where written
        # together, never across a bracket or a full stop (identifier_phrases).
        self.identifiers = identifier_phrases(self.phrases)
        # So does a few words' reading as a misspelt phrase ("call automaton"): "call" and "bot"
        # start phrases, and every question that says them asks again after the same words.
        self._phrase_typo = lru_cache(maxsize=TYPO_READINGS_KEPT)(self._read_phrase_typo)

    def _read_typo(self, word: str) -> tuple[tuple[tuple[str, ...], float], ...]:
        """The phrases a word no phrase took stands for, each with its strength: a phrase written
        as one word ("teamsbot"), two product words glued ("webchatbot"), or a product word with
        a slip in it (0.8 of a word). Empty when it is none of these."""
        glued = self.glued.get(word)
        if glued:
            return ((glued, float(len(glued))),)
        halves = self._halves(word)
        if halves:
            return tuple((key, float(len(key))) for key in halves)
        slip = self._typo_of(word) or self._swapped(word)
        return (((slip,), 0.8),) if slip else ()

    def _typo_of(self, word: str) -> str | None:
        if len(word) < 4 or word in self.lex.not_typos or word in self.lex.stopwords:
            return None
        if word.endswith("s") and word[:-1] in self.single:
            return word[:-1]
        limit = 1 if len(word) < 8 else 2
        refs = [c for n in range(len(word) - limit, len(word) + limit + 1) for c in self.single_by_len.get(n, ())]
        hit = process.extractOne(word, refs, scorer=OSA.distance, score_cutoff=limit) if refs else None
        return hit[0] if hit else None

    def _halves(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """'webchatbot' -> ('webchat',), ('bot',): two words or phrases of one product written as one."""
        n = len(word)
        if n < 2 * self.glue_min + 2 or (word[:3] not in self.half_starts and word[:2] not in self.half_starts) \
                or word in self.lex.not_typos or word in self.lex.stopwords:
            return None
        for i in range(self.glue_min, n - self.glue_min + 1):
            head, tail = word[:i], word[i:]
            a = self.single_sources.get(head)
            if a is not None:
                if tail in self.single_sources:
                    if a & self.single_sources[tail]:
                        return (head,), (tail,)
                elif tail in self.glued_halves and a & self.glued_halves[tail][1]:
                    return (head,), self.glued_halves[tail][0]
            elif head in self.glued_halves and tail in self.single_sources:
                if self.glued_halves[head][1] & self.single_sources[tail]:
                    return self.glued_halves[head][0], (tail,)
        return None

    def _swapped(self, word: str) -> str | None:
        """Three-letter words only count as typos when two letters swapped: 'bto' for 'bot'."""
        if len(word) != 3 or word in self.lex.stopwords or word in self.lex.not_typos:
            return None
        for cand in self.single_by_len.get(3, ()):
            if sorted(cand) == sorted(word) and OSA.distance(word, cand) == 1:
                return cand
        return None

    def detect(self, words: list[str], text: str | None = None) -> SignalHits:
        """Each distinct product phrase adds its length in words; typos add 0.8 of that.

        `text`, the question folded, tells where an identifier's words were written apart by a
        mark ("a call(Client Error)"): there they name nothing (identifier_phrases)."""
        found: dict[tuple[str, ...], float] = {}
        by_word: dict[str, set[tuple[str, ...]]] = {}

        written: dict[tuple[str, ...], tuple[str, ...]] = {}  # a name found in words written apart ("create call")

        def hit(key: tuple[str, ...], value: float, *question_words: str) -> None:
            found[key] = max(found.get(key, 0.0), value)
            for w in question_words:
                by_word.setdefault(w, set()).add(key)

        n = len(words)
        for i in range(n):
            first = words[i]
            may_phrase = first in self.first_words
            may_join = first in self.join_prefixes
            start = first[:2] if len(first) >= 2 else first + " "
            if not (may_phrase or may_join or start in self.multi_first):
                continue  # no phrase, glued name or misspelt phrase can start with this word
            for size in range(min(self.max_len, n - i), 0, -1):
                if size == 1 or may_phrase:
                    window = tuple(words[i : i + size])
                    if window in self.phrases:
                        hit(window, float(size), *window)
                        continue
                if size < 2:
                    continue
                window = tuple(words[i : i + size])
                # "omni channel" for "omnichannel"; "direct lne" for "direct line"
                joined = "".join(window) if may_join else ""
                if joined and (joined,) in self.phrases:
                    hit((joined,), float(size), *window)
                    written[(joined,)] = window
                elif (size, start) in self.multi_starts:
                    phrase = self._phrase_typo(window)
                    if phrase:
                        hit(phrase, 0.8 * size, *window)
        typos: dict[str, tuple] = {}  # a paste repeats its words: each is looked at once
        for w in words:
            if w in by_word:
                continue
            if not w.isascii():
                for piece in self.unspaced:
                    if piece in w:
                        hit((piece,), 1.0, w)
                continue
            if w not in typos:
                typos[w] = self._typo_reading(w)
            for key, value in typos[w]:
                hit(key, value, w)
        # A word inside a longer phrase of one product is not also a word of another:
        # "Teams chat" and "Web Chat" are the Bot Service, not the Chat SDK.
        # So is a shorter phrase inside a longer one: "Omnichannel chat SDK" is not the Chat SDK.
        if text is not None and not self.identifiers.keys().isdisjoint(found):
            for key in [k for k in found if not identifier_written(k, self.identifiers, text)]:
                del found[key]
                for w in written.get(key, key):
                    if w in by_word:
                        by_word[w].discard(key)
                        if not by_word[w]:
                            del by_word[w]
        for key in list(found):
            owners = self.phrases.get(key, set())
            as_written = written.get(key, key)  # "createcall" read from "create call" sits inside "create call agent"
            longer = [k for k in by_word.get(as_written[0], ())
                      if len(k) > len(as_written) and k in found and set(as_written) <= set(k)]
            if longer and not any(owners & self.phrases.get(k, set()) for k in longer):
                del found[key]
        strength: dict[str, float] = {}
        firm: set[str] = set()  # sources named by one of their own words, not only by a weak one
        for key, value in found.items():
            for sid in self.phrases[key]:
                strength[sid] = strength.get(sid, 0.0) + value
                if key not in self.weak[sid]:
                    firm.add(sid)
        weak = frozenset(strength) - firm
        for sid in weak:
            del strength[sid]
        if self.code_names and not self.code_names.isdisjoint(found):
            # (kept in by_word up to here: a longer code name still hides a shorter phrase inside it)
            by_word = {w: left for w, keys in by_word.items() if (left := keys - self.code_names)}
        word_sources = {w: frozenset(sid for k in keys for sid in self.phrases[k]) for w, keys in by_word.items()}
        return SignalHits(strength, frozenset(by_word), word_sources, weak)

    def _read_phrase_typo(self, window: tuple[str, ...]) -> tuple[str, ...] | None:
        """A product phrase of several words with one small slip in it."""
        text = " ".join(window)
        if len(text) < 8:
            return None
        refs = self.multi.get((len(window), text[:2]))
        if not refs:
            return None
        limit = 1 if len(text) < 12 else 2
        hit = process.extractOne(text, refs, scorer=OSA.distance, score_cutoff=limit)
        return tuple(hit[0].split(" ")) if hit else None
