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

from .error_owner import ASKED_OF_OURS, OURS, ErrorOwner
from .foreign_evidence import is_under, known_hosts, other_service_hosts
from .lexicon import UNSPACED_CHAR, fold, load_lexicon
from .pattern_words import any_of, begun_by, held
from .products import identifier_phrases, identifier_written, owner_variants, words_of

FOREIGN_PATH = Path(__file__).with_name("foreign_products.toml")
_ADDRESS = re.compile(r"\S+://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|ai|dev|app|cloud|co|cn|uz|de|uk|us|me|live)\b")
_URL_HOST = re.compile(r"\bhttps?://([\w.-]+)")
_LOCAL = re.compile(r"^(?:localhost|127\.|10\.|192\.168\.|0\.0\.0\.0|\[?::1)")


@dataclass(frozen=True, eq=False, kw_only=True)  # one per process, hashed by identity; its fields given by name
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
    # Products ours are built on or connect to ([[built_on]]): a call straight to their own API or
    # library (folded marks) keeps a question theirs; beside these phrases they give way to ours.
    own_api: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ours_with: tuple[tuple[str, frozenset[tuple[str, ...]]], ...] = ()
    # "my bot on Telegram": the words that put a bot on a platform ([bot_placed_on]).
    placed_on: frozenset[str] = frozenset()
    bot_words: frozenset[str] = frozenset()
    fillers: frozenset[str] = frozenset()
    channel_nouns: frozenset[str] = frozenset()  # "the Telegram channel ..."
    channel_of: frozenset[str] = frozenset()  # "... channel to / of / for my bot"
    other_channels: frozenset[str] = frozenset()  # channels of our bots that are no product listed here (Kik, Skype)
    # ... and the words that put the failure inside an app of ours ([[built_on]] app_words: "our RAG
    # chat", "running the RAG demo"): there even its own library's exception is our app's dependency failing.
    app_words: tuple[tuple[str, frozenset[tuple[str, ...]]], ...] = ()
    own_service: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ... another service's own call to it: theirs even there
    everyday: frozenset[tuple[str, ...]] = frozenset()  # our words that are an industry's too ("omnichannel")
    # Platforms counted only alone that also sell a product of a kind ours are (AWS sends SMS): beside
    # the words of that kind ("opted out", "sms") and none of our names, the product is theirs.
    sells: tuple[tuple[str, frozenset[tuple[str, ...]]], ...] = ()
    other_hosts: tuple[str, ...] = ()  # under known_hosts, yet another Azure service's (a key vault, a search service)
    # Products a bot is built around ([[built_on]] bot_on_our_channels: a model as the bot's brain): a bot
    # named with our bots' channel words ("our Azure OpenAI bot in Teams") is a Bot Service bot.
    bot_brains: frozenset[str] = frozenset()
    # Verbs that name the product before them as what gave a status ([producer]: "returns", "answers")
    producer_verbs: frozenset[str] = frozenset()
    # Two products in one question ([error_owner]): whose error it is, by which product the status
    # is said of ("Twilio returns 63016 ... into Omnichannel") or which library raised it in a log.
    owner: "ErrorOwner | None" = None

    def __post_init__(self) -> None:
        # Looked up on every question: what finding the phrases needs is worked out here, once.
        object.__setattr__(self, "_theirs", _PhraseFinder(self.phrases))
        object.__setattr__(self, "_ours", _PhraseFinder(self.our_phrases))
        object.__setattr__(self, "_ours_beside_theirs", _PhraseFinder(self.our_phrases - self.everyday))
        object.__setattr__(self, "_channels", _PhraseFinder(self.channel_phrases))
        # Our names that are an identifier's words ("call client"): only where written together.
        object.__setattr__(self, "_our_identifiers", identifier_phrases(self.our_phrases))
        # One search for "is any mark (or any of our marks) in the text at all": most questions
        # hold none, and then the mark-by-mark tests below are not made (pattern_words.any_of).
        object.__setattr__(self, "_any_mark", any_of(m for m, _ in self.marks))
        object.__setattr__(self, "_marks_begun", begun_by(m for m, _ in self.marks))
        object.__setattr__(self, "_any_our_mark", any_of(self.our_marks))
        by_name: dict[str, set[tuple[str, ...]]] = {}
        for key, name in self.phrases.items():
            by_name.setdefault(name, set()).add(key)
        for written, name in self.cased:  # "LINE": where it stands, once the capitals have named it
            by_name.setdefault(name, set()).add(tuple(words_of(written.lower())))
        object.__setattr__(self, "_named_by", {n: _PhraseFinder(k) for n, k in by_name.items() if n in self.bot_channels})
        # A mark that ends in a dot is a namespace ("openai.RateLimitError"): it opens a dotted name,
        # never ends a sentence ("on Azure OpenAI.") nor sits inside a host ("x.openai.azure.com").
        object.__setattr__(self, "_own_api", {n: re.compile("|".join(
            rf"(?<![\w.-]){re.escape(m)}(?=[a-z_])" if m.endswith(".") else re.escape(m) for m in marks))
            for n, marks in self.own_api if marks})
        object.__setattr__(self, "_app_words", {n: _PhraseFinder(k) for n, k in self.app_words})
        object.__setattr__(self, "_own_service", dict(self.own_service))
        object.__setattr__(self, "_ours_with", {n: _PhraseFinder(k) for n, k in self.ours_with})
        object.__setattr__(self, "_sells", {n: _PhraseFinder(k) for n, k in self.sells})
        # "LINE bot", "LINE公式": the capitals, not glued to other Latin letters or digits, and
        # not a line number ("LINE 42") nor a word of a phrase in capitals ("DIRECT LINE",
        # "COMMAND LINE"), nor Direct Line.
        names = "|".join(re.escape(c) for c, _ in self.cased) or r"(?!)"
        object.__setattr__(self, "_cased", re.compile(
            rf"(?<![A-Za-z0-9_-])(?<![A-Z][A-Z] )(?<!Direct )(?<!direct )({names})(?![A-Za-z0-9_-])(?!\s*[:#]?\s*\d)"))

    def names_ours(self, text: str, words: list[str], beside_theirs: bool = False) -> bool:
        """The (folded) text names one of our products, hosts, packages or namespaces.

        `beside_theirs`: another product is named too, so our everyday words ([ours] everyday:
        "omnichannel" in "NICE's Digital First Omnichannel API") are not enough."""
        if self._any_our_mark.search(text) is not None:
            return True
        # Our names count as words of the question, not inside someone's host name
        # ("test-call-agent.pstn.twilio.com" names no call agent of ours).
        if _ADDRESS.search(text):
            words = words_of(_ADDRESS.sub(" ", text))
        finder = self._ours_beside_theirs if beside_theirs else self._ours
        return any(identifier_written(key, self._our_identifiers, text) for key in finder.all_in(words))

    def without_their_names(self, words: list[str]) -> list[str]:
        """The words, less those naming a product listed here: "... 429s from the OpenAI API" said
        after an app's name is what that app called, not a product word of ours beside it."""
        drop: set[int] = set()
        for i, key in self._theirs.positions(words):
            drop.update(range(i, i + len(key)))
        return [w for j, w in enumerate(words) if j not in drop] if drop else words

    def unknown_host(self, text: str, local: bool = False) -> str | None:
        """A web address's host that is neither ours, nor a page about the error, nor local:
        the service the error came from. With `local`, a local address counts too (for a
        question that names no product of ours at all: "403 for url: http://127.0.0.1:8181/
        AutomationFX/api/..." is that local service's 403, not one of ours)."""
        for m in _URL_HOST.finditer(text):
            host = m.group(1)
            if is_under(host, self.known_hosts) and not is_under(host, self.other_hosts):
                continue
            if not _LOCAL.match(host):
                return host
            if local:
                return f"the service at {host}"
        return None

    def recognise(self, text: str, words: list[str] | None = None, product_named: bool = False,
                  cased: str | None = None, theirs_said: list[str] | None = None) -> str | None:
        """The foreign product this (folded) text names, unless it names one of ours too.

        The first one named wins: a post that names two look-alikes is still not ours.
        Hosting platforms (only_alone in the data: App Service, Functions, a state store)
        count only when no product of ours is named at all: a bot on App Service is a bot.
        A platform that is also a Bot Service channel (Slack, LINE, Telegram) gives way also
        to the words of our bots' channels: "a Teams bot that is also on Slack" is a Bot Service bot. `cased` is the
        question as written, for names that are a product only in capitals ("LINE"). `theirs_said`,
        if given, is told the statuses said of another product in a question about ours (error_owner).
        """
        words = words_of(text) if words is None else words
        # In the order named, skipping hosting platforms where ours is named: "a Teams bot on
        # AWS Lambda that sends through Amazon SNS" names SNS (unless the platform is named
        # with the words of a product it sells too, _sold_here).
        def counts(name: str) -> bool:
            return not (name in self.alone_only and product_named) or self._sold_here(name, words)

        names = [n for n in map(self.phrases.get, self._theirs.all_in(words)) if counts(n)]
        if not names and self._any_mark.search(text) is not None:
            present = held(self._any_mark, self._marks_begun, text)  # (one pass, not a test per mark)
            names = [n for m, n in self.marks if m in present and counts(n)]
        if not names and cased is not None and self.cased:
            m = self._cased.search(cased)
            names = [dict(self.cased)[m.group(1)]] if m else []
        if not names and (self.owner is None or not (self.owner.may_name(words)
                                                     or ("." in text and any(h in text for h in self.other_hosts)))):
            return None
        if names:
            if self.names_ours(text, words, beside_theirs=True):
                # ... unless the other product is named as the one that gave the error: "Azure Notification
                # Hubs returns 403 when I register the VoIP token for incoming ACS calls" is the hub's 403
                names = [n for n in names if n not in self.alone_only and self._gave_it(n, words)]
                if names and self.owner is not None and self.owner.of_error(
                        cased if cased is not None else text, theirs_said) in (OURS, ASKED_OF_OURS):
                    # ... but not in a comparison, where the other product's status is told and the
                    # question asks what ours does ("Plivo gives 451 for that; what does ACS SMS
                    # return ...?"): the question is ours, the other's statuses no number of ours.
                    return None
            # A platform things run on (only_alone) names the error only when nothing more specific is
            # named: "a Logic Apps Telegram connector's 401" is Telegram's.
            names = sorted(dict.fromkeys(names), key=lambda n: n in self.alone_only)
            found = next((n for n in names if not self._gives_way(n, names, text, words)), None)
            if found is not None:
                return found
        if self.owner is not None and (self.names_ours(text, words) or self.names_our_channel(words)):
            # Ours named too (or our bots' channels): the product the error is said of, or the library
            # that raised it, decides (unless the call is made inside an app of ours: a RAG app's
            # upstream failing). It only ever takes a question from ours, never renames another's.
            owner = self.owner.of_error(cased if cased is not None else text, theirs_said)
            if owner not in (None, OURS, ASKED_OF_OURS) and not self.names_our_app(words):
                return owner
        return None

    def _gave_it(self, name: str, words: list[str]) -> bool:
        """This product is named as what gave an error status: its name, right after it a verb of
        answering ([producer] verbs), and a 4xx/5xx status in digits within three words after
        the verb ("returns 403", "returned an HTTP 403"). A step that failed ("[Trouter] registration failed
        with status 401") is no such sign: what failed may be ours calling it."""
        if not self.producer_verbs:
            return False
        for i, key in self._theirs.positions(words):
            if self.phrases.get(key) != name:
                continue
            after = words[i + len(key) : i + len(key) + 4]
            if after and after[0] in self.producer_verbs \
                    and any(x.isdigit() and len(x) == 3 and x[0] in "45" for x in after[1:4]):
                return True
        return False

    def _sold_here(self, name: str, words: list[str]) -> bool:
        """A platform counted only alone, named with the words of a product it sells too ([[products]]
        sells): "our AWS-based notify service ... they opted out" is Amazon's SMS, whatever the
        platform hosts otherwise. (Our names beside it still make the question ours: recognise.)"""
        finder = self._sells.get(name)
        return finder is not None and finder.first_in(words) is not None

    def _gives_way(self, name: str, names: list[str], text: str, words: list[str]) -> bool:
        """This product is only a part of one of ours here: a channel of a Bot Service bot
        (named beside our bots' channel words, as the place a bot is put on, or as one of
        several chat platforms the same bot is on), or what our product is built on, beside
        our product's words ([[built_on]] ours_with). A call straight to its own API or
        library ([[built_on]] own_api: getUpdates, telegraf, openai.RateLimitError) is its own, unless
        the question puts that call inside an app of ours ([[built_on]] app_words: "openai.error ...
        running the RAG demo" is the RAG app's dependency failing, the RAG API's upstream error)."""
        if any(m in text for m in self._own_service.get(name, ())):
            return False
        own = self._own_api.get(name)
        if own is not None and own.search(text):
            app = self._app_words.get(name)
            return app is not None and app.first_in(words) is not None
        if name in self.bot_brains and self.names_our_channel(words) and any(w in self.bot_words for w in words):
            return True
        if name in self.bot_channels and (
            self.names_our_channel(words) or self._placed_on(name, words)
            or sum(n in self.bot_channels for n in names) + any(w in self.other_channels for w in words) >= 2
        ):
            return True
        ours_with = self._ours_with.get(name)
        return ours_with is not None and ours_with.first_in(words) is not None

    def _placed_on(self, name: str, words: list[str]) -> bool:
        """The platform as where a bot is put ('my bot on Facebook Messenger', 'bots via the Slack
        channel') or as a channel the bot has ('added the Telegram channel to my bot', 'my bot's
        Slack channel'), not the platform's own bot ('my Telegram bot') nor a bot put into one of
        the platform's own channels ('added my bot to a Telegram channel')."""
        finder = self._named_by.get(name)
        if finder is None or not self.placed_on:
            return False
        for i, key in finder.positions(words):
            j = i - 1
            while j >= 0 and words[j] in self.fillers:
                j -= 1
            if j >= 1 and words[j] in self.placed_on and any(w in self.bot_words for w in words[max(0, j - 3) : j]):
                return True
            k = i + len(key)
            if k < len(words) and words[k] in self.channel_nouns:
                before = words[i - 2 : i] if i >= 2 else words[:i]
                if any(w in self.bot_words for w in before):
                    return True  # "my bot's Slack channel"
                after = words[k + 1 : k + 5]
                for n, w in enumerate(after):
                    if w in self.bot_words:
                        return any(x in self.channel_of for x in after[:n])  # "... channel to my bot"
        return False

    def names_our_app(self, words: list[str]) -> bool:
        """The words put the question inside an app of ours ([[built_on]] app_words: a RAG chat,
        a chat over one's documents)."""
        return any(f.first_in(words) is not None for f in self._app_words.values())

    def names_our_channel(self, words: list[str]) -> bool:
        """The words of a Bot Service bot's channels: Teams, Web Chat, the channel configuration."""
        return self._channels.first_in(words) is not None


class _PhraseFinder:
    """Finds some phrases in a question's words: the first, all of them, or where they stand.
    Built once per set of phrases, as every question is looked through for them."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]):
        self.phrases = frozenset(phrases)
        self.max_len = max((len(k) for k in self.phrases), default=1)
        self.firsts = frozenset(k[0] for k in self.phrases)
        self.glued = {k[0]: k for k in self.phrases if len(k) == 1}
        # A word that begins no one-word name cannot begin it glued to the next words: most
        # words of a question are not tried as two and three words joined.
        self.glued_starts = frozenset(w[:n] for w in self.glued for n in range(1, len(w)))

    def first_in(self, words: list[str]) -> tuple[str, ...] | None:
        """The first phrase found, also written as one word split by its capitals ("LiveKit", "RAGFlow")."""
        return next(self.all_in(words), None)

    def all_in(self, words: list[str]) -> Iterator[tuple[str, ...]]:
        """The phrases found, in the order of the question."""
        return (key for _, key in self.positions(words))

    def positions(self, words: list[str]) -> Iterator[tuple[int, tuple[str, ...]]]:
        """(where, phrase) for the phrases found, in the order of the question."""
        n = len(words)
        for i in range(n):
            if words[i] in self.firsts:
                for size in range(min(self.max_len, n - i), 0, -1):
                    key = tuple(words[i : i + size])
                    if key in self.phrases:
                        yield i, key
                        break
            if words[i] and words[i] not in self.glued_starts:
                continue
            for size in (2, 3):
                joined = "".join(words[i : i + size])
                if i + size <= n and joined in self.glued:
                    yield i, self.glued[joined]


def _anyones(phrases: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """The phrases as words, each "your" also as anyone's ("chat with our data", products.owner_variants)."""
    return frozenset(k for p in phrases for k in owner_variants(tuple(words_of(p))))


def _with_spellings(words: Iterable[str], spellings: dict[str, str]) -> list[str]:
    """These words, and every other spelling of one of them (lexicon.toml [product_spellings])."""
    words = list(words)
    folded = {fold(w) for w in words}
    return words + [spelling for spelling, phrase in spellings.items() if phrase in folded]


def _with_lists(phrases: Iterable[str], lists: dict[str, list[str]]) -> list[str]:
    """The phrases, each "@name" replaced by the words of [lists] name: a list several tables
    use (a RAG app's words) is written once."""
    out: list[str] = []
    for p in phrases:
        if p.startswith("@"):
            if p[1:] not in lists:
                raise ValueError(f"foreign_products.toml names no list {p[1:]!r} in [lists]")
            out.extend(lists[p[1:]])
        else:
            out.append(p)
    return out


@lru_cache(maxsize=1)
def load_foreign_products(path: Path = FOREIGN_PATH) -> ForeignProducts:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    phrases: dict[tuple[str, ...], str] = {}
    marks: list[tuple[str, str]] = []
    for product in raw["products"]:
        for w in product["words"]:
            phrases.setdefault(tuple(words_of(w)), product["name"])
            if UNSPACED_CHAR.search(w):  # no spaces around it to find it by: "企业微信机器人"
                marks.append((fold(w), product["name"]))
        marks.extend((fold(m), product["name"]) for m in product.get("marks", ()))
    # Our names as people write them in other languages and scripts (lexicon.toml
    # [product_spellings]: "ダイレクトライン" is Direct Line) are ours, and our bots' channels, too.
    spellings = load_lexicon().product_spellings
    ours_words = _with_spellings(raw["ours"]["words"], spellings)
    channel_words = _with_spellings(raw["ours"].get("channel_words", ()), spellings)
    ours = frozenset(tuple(words_of(w)) for w in ours_words)
    our_marks = [fold(m) for m in raw["ours"]["marks"]] + [fold(w) for w in ours_words if UNSPACED_CHAR.search(w)]
    alone = frozenset(p["name"] for p in raw["products"] if p.get("only_alone"))
    chat = frozenset(p["name"] for p in raw["products"] if p.get("bot_service_channel"))
    channels = frozenset(tuple(words_of(w)) for w in channel_words)
    cased = tuple((c, p["name"]) for p in raw["products"] for c in p.get("cased", ()))
    ours_hosts, neutral_hosts = known_hosts()
    built_on = raw.get("built_on", ())
    unknown = {b["product"] for b in built_on} - {p["name"] for p in raw["products"]}
    if unknown:
        raise ValueError(f"foreign_products.toml [[built_on]] names no product listed: {sorted(unknown)}")
    lists = raw.get("lists", {})
    own_api = tuple((b["product"], tuple(fold(m) for m in b.get("own_api", ()))) for b in built_on)
    ours_with = tuple((b["product"], _anyones(_with_lists(b["ours_with"], lists))) for b in built_on if b.get("ours_with"))
    own_service = tuple((b["product"], tuple(fold(m) for m in b["own_service"])) for b in built_on if b.get("own_service"))
    app_words = tuple((b["product"], _anyones(_with_lists(b["app_words"], lists))) for b in built_on if b.get("app_words"))
    sells = tuple((p["name"], _anyones(p["sells"])) for p in raw["products"] if p.get("sells"))
    placed = raw.get("bot_placed_on", {})
    everyday = frozenset(tuple(words_of(w)) for w in raw["ours"].get("everyday", ()))
    return ForeignProducts(
        phrases=phrases,
        marks=tuple(marks),
        our_phrases=ours,
        our_marks=tuple(our_marks),
        alone_only=alone,
        bot_channels=chat,
        channel_phrases=channels,
        cased=cased,
        known_hosts=(*ours_hosts, *neutral_hosts),
        own_api=own_api,
        ours_with=ours_with,
        placed_on=frozenset(placed.get("words", ())),
        bot_words=frozenset(placed.get("bot_words", ())),
        fillers=frozenset(placed.get("fillers", ())),
        channel_nouns=frozenset(placed.get("channel", ())),
        channel_of=frozenset(placed.get("channel_of", ())),
        other_channels=frozenset(placed.get("other_channels", ())),
        app_words=app_words,
        own_service=own_service,
        everyday=everyday,
        sells=sells,
        other_hosts=other_service_hosts(),
        bot_brains=frozenset(b["product"] for b in built_on if b.get("bot_on_our_channels")),
        producer_verbs=frozenset(raw.get("producer", {}).get("verbs", ())),
        owner=_error_owner(raw, phrases, ((ours - everyday) | channels), raw["ours"]["marks"],
                           (*ours_hosts, *neutral_hosts)),
    )


def _error_owner(raw: dict, phrases: dict[tuple[str, ...], str], ours: frozenset[tuple[str, ...]],
                 our_marks: Iterable[str], known: tuple[str, ...]) -> ErrorOwner | None:
    """[error_owner]: our names (our everyday words aside) and our bots' channel words against
    the other products' names; hosts, packages and namespaces (marks) as the words they are written in."""
    data = raw.get("error_owner")
    if data is None:
        return None
    theirs = dict(phrases)
    # A mark of one word is found only as written ("servicenow"), never glued from two ("service now").
    single: dict[str, str] = {}
    for product in raw["products"]:
        for m in product.get("marks", ()):
            key = tuple(words_of(fold(m)))
            if len(key) == 1:
                single.setdefault(key[0], product["name"])
            elif key:
                theirs.setdefault(key, product["name"])
    others = other_service_hosts()
    for host in others:  # another Azure service's address: "403 from x.search.windows.net"
        theirs.setdefault(tuple(words_of(host)), host)
    ours = set(ours)
    for m in (*our_marks, *data.get("ours", ())):
        key = tuple(words_of(fold(m)))
        if len(key) == 1:
            single[key[0]] = OURS
        elif key:
            ours.add(key)
    subject_only = {tuple(words_of(w)): p["name"] for p in raw["products"] for w in p.get("subject_words", ())}
    return ErrorOwner(theirs=theirs, ours=ours, subject_only=subject_only, single=single, reach=data["reach"],
                      breaks=data["breaks"], from_words=data["from_words"], claims=data["claims"],
                      places=data.get("places", ()), finder=_PhraseFinder,
                      foreign_host=lambda host: not _LOCAL.match(host) and (not is_under(host.lower(), known)
                                                                           or is_under(host.lower(), others)),
                      statuses=data.get("statuses", ()), bot_words=raw.get("bot_placed_on", {}).get("bot_words", ()))
