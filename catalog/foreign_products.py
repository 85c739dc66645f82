"""Which product outside this catalog a question names, if any.

A Twilio `Connection error (603)` fits our 603 rows by number alone, and a
LiveKit `403 (FORBIDDEN)` fits five; answering them would be confidently
wrong. The honest reply is that the question looks like another product's
error, and what this bot does cover. The names, packages and hosts are data
(foreign_products.toml); ours win whenever one of our own hosts, packages or
product names appears too, so a Bot Framework bot on a Twilio channel stays ours.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .foreign_evidence import known_hosts
from .lexicon import fold
from .products import words_of

FOREIGN_PATH = Path(__file__).with_name("foreign_products.toml")
_ADDRESS = re.compile(r"\S+://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|ai|dev|app|cloud|co|cn|uz|de|uk|us|me|live)\b")
_URL_HOST = re.compile(r"\bhttps?://([\w.-]+)")
_LOCAL = re.compile(r"^(?:localhost|127\.|10\.|192\.168\.|0\.0\.0\.0|\[?::1)")


@dataclass(frozen=True, eq=False)  # one per process, hashed by identity
class ForeignProducts:
    phrases: dict[tuple[str, ...], str]  # words of a foreign product's name -> its display name
    marks: tuple[tuple[str, str], ...]  # (folded substring, display name)
    our_phrases: frozenset[tuple[str, ...]]
    our_marks: tuple[str, ...]
    alone_only: frozenset[str] = frozenset()  # products that count only when none of ours is named
    bot_channels: frozenset[str] = frozenset()  # platforms that are also channels of Azure Bot Service
    channel_phrases: frozenset[tuple[str, ...]] = frozenset()  # words of our bots' channels (Teams, Web Chat...)
    cased: tuple[tuple[str, str], ...] = ()  # (name as written in its capitals, display name)
    # Hosts that are ours or may well be (a bot on App Service, a tunnel), and hosts of pages
    # about an error (an issue, a question): foreign_evidence.toml keeps the one list of them.
    known_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Looked up on every question: what finding the phrases needs is worked out here, once.
        object.__setattr__(self, "_theirs", _PhraseFinder(self.phrases))
        object.__setattr__(self, "_ours", _PhraseFinder(self.our_phrases))
        object.__setattr__(self, "_channels", _PhraseFinder(self.channel_phrases))
        # "LINE bot", "LINE公式": the capitals, not glued to other Latin letters or digits, and
        # not a line number ("LINE 42") nor a word of a phrase in capitals ("DIRECT LINE",
        # "COMMAND LINE"), nor Direct Line.
        names = "|".join(re.escape(c) for c, _ in self.cased) or r"(?!)"
        object.__setattr__(self, "_cased", re.compile(
            rf"(?<![A-Za-z0-9_-])(?<![A-Z][A-Z] )(?<!Direct )(?<!direct )({names})(?![A-Za-z0-9_-])(?!\s*[:#]?\s*\d)"))

    def names_ours(self, text: str, words: list[str]) -> bool:
        """The (folded) text names one of our products, hosts, packages or namespaces."""
        if any(m in text for m in self.our_marks):
            return True
        # Our names count as words of the question, not inside someone's host name
        # ("test-call-agent.pstn.twilio.com" names no call agent of ours).
        if _ADDRESS.search(text):
            words = words_of(_ADDRESS.sub(" ", text))
        return self._ours.first_in(words) is not None

    def unknown_host(self, text: str, local: bool = False) -> str | None:
        """A web address's host that is neither ours, nor a page about the error, nor local:
        the service the error came from. With `local`, a local address counts too (for a
        question that names no product of ours at all: "403 for url: http://127.0.0.1:8181/
        AutomationFX/api/..." is that local service's 403, not one of ours)."""
        for m in _URL_HOST.finditer(text):
            host = m.group(1)
            if any(host == h or host.endswith("." + h) for h in self.known_hosts):
                continue
            if not _LOCAL.match(host):
                return host
            if local:
                return f"the service at {host}"
        return None

    def recognise(self, text: str, words: list[str] | None = None, product_named: bool = False,
                  cased: str | None = None) -> str | None:
        """The foreign product this (folded) text names, unless it names one of ours too.

        The first one named wins: a post that names two look-alikes is still not ours.
        Hosting platforms (only_alone in the data: App Service, Functions, a state store)
        count only when no product of ours is named at all: a bot on App Service is a bot.
        A platform that is also a Bot Service channel (Slack, LINE, Telegram) gives way also
        to the words of our bots' channels: "a Teams bot that is also on Slack" is a Bot Service bot. `cased` is the
        question as written, for names that are a product only in capitals ("LINE").
        """
        words = words_of(text) if words is None else words
        # The first named, skipping hosting platforms where ours is named: "a Teams bot on
        # AWS Lambda that sends through Amazon SNS" names SNS.
        name = next((n for n in map(self.phrases.get, self._theirs.all_in(words))
                     if not (n in self.alone_only and product_named)), None)
        if name is None:
            name = next((n for m, n in self.marks if m in text and not (n in self.alone_only and product_named)), None)
        if name is None and cased is not None and self.cased:
            m = self._cased.search(cased)
            name = dict(self.cased)[m.group(1)] if m else None
        if name is None or self.names_ours(text, words):
            return None
        if name in self.bot_channels and self.names_our_channel(words):
            return None
        return name

    def names_our_channel(self, words: list[str]) -> bool:
        """The words of a Bot Service bot's channels: Teams, Web Chat, the channel configuration."""
        return self._channels.first_in(words) is not None


class _PhraseFinder:
    """Finds the first of some phrases in a question's words."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]):
        self.phrases = frozenset(phrases)
        self.max_len = max((len(k) for k in self.phrases), default=1)
        self.firsts = frozenset(k[0] for k in self.phrases)
        self.glued = {k[0]: k for k in self.phrases if len(k) == 1}

    def first_in(self, words: list[str]) -> tuple[str, ...] | None:
        """The first phrase found, also written as one word split by its capitals ("LiveKit", "RAGFlow")."""
        return next(self.all_in(words), None)

    def all_in(self, words: list[str]) -> Iterator[tuple[str, ...]]:
        """The phrases found, in the order of the question."""
        n = len(words)
        for i in range(n):
            if words[i] in self.firsts:
                for size in range(min(self.max_len, n - i), 0, -1):
                    key = tuple(words[i : i + size])
                    if key in self.phrases:
                        yield key
                        break
            for size in (2, 3):
                joined = "".join(words[i : i + size])
                if i + size <= n and joined in self.glued:
                    yield self.glued[joined]


@lru_cache(maxsize=1)
def load_foreign_products(path: Path = FOREIGN_PATH) -> ForeignProducts:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    phrases: dict[tuple[str, ...], str] = {}
    marks: list[tuple[str, str]] = []
    for product in raw["products"]:
        for w in product["words"]:
            phrases.setdefault(tuple(words_of(w)), product["name"])
        marks.extend((fold(m), product["name"]) for m in product.get("marks", ()))
    ours = frozenset(tuple(words_of(w)) for w in raw["ours"]["words"])
    alone = frozenset(p["name"] for p in raw["products"] if p.get("only_alone"))
    chat = frozenset(p["name"] for p in raw["products"] if p.get("bot_service_channel"))
    channels = frozenset(tuple(words_of(w)) for w in raw["ours"].get("channel_words", ()))
    cased = tuple((c, p["name"]) for p in raw["products"] for c in p.get("cased", ()))
    ours_hosts, neutral_hosts = known_hosts()
    return ForeignProducts(phrases, tuple(marks), ours, tuple(fold(m) for m in raw["ours"]["marks"]), alone,
                           chat, channels, cased, (*ours_hosts, *neutral_hosts))
