"""Bot Framework connector and Direct Line errors named by their code, not their status.

A proactive message that fails says {"error": {"code": "BotNotInConversationRoster"}}
or "ConversationBlockedByUser", often without the 403 it came with; the code alone
is enough for an expert, who knows which HTTP status each code comes with and so
which row of the Bot Service document explains it. That knowledge is data
(connector_codes.toml, with the addresses it was taken from); this module finds
the codes in a question and says which status each one stands for, and whether
the code is the bot connector's alone (then it names the product, as "bot" does).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .pattern_words import any_of

CODES_PATH = Path(__file__).with_name("connector_codes.toml")


@dataclass(frozen=True)
class CodeHit:
    name: str  # as the API writes it
    start: int  # where in the question
    status: int | None  # the HTTP status the API returns it with (None: a wording that only names the product)
    names_product: bool  # the bot connector's own code: it names the product
    own_status: bool = False  # the status is this API's choice: it holds only for our product


@dataclass(frozen=True, eq=False)  # one per process, hashed by identity
class ConnectorCodes:
    product: str  # the source whose rows the statuses are looked up in
    statuses: dict[str, tuple[int, bool, bool]]  # folded name -> (status, names the product, own status)
    pattern: re.Pattern  # a compound name anywhere, as one identifier
    keyed_pattern: re.Pattern  # an ordinary-word name, only as a value: code: "Throttled", 'Throttled'
    cues: tuple[str, ...] = ()  # folded names: one of them must be in the question
    # What the Bot Service, its channels and a bot's own web server print in words, with a name
    # or a path in the middle ("POST to MyBot timed out"): (pattern, name, status, names product).
    wordings: tuple[tuple[re.Pattern, str, int | None, bool], ...] = ()
    wording_cues: tuple[str, ...] = ()  # folded words: one of them is in every wording

    def __post_init__(self) -> None:
        # every cue in one search (pattern_words.any_of), not one substring test per cue
        object.__setattr__(self, "_any_cue", any_of((*self.cues, *_MESSAGE_CUES, *self.wording_cues)))

    def may_hold(self, folded: str) -> bool:
        """A cheap test first: most questions name no connector code at all."""
        return self._any_cue.search(folded) is not None

    def find(self, question: str) -> list[CodeHit]:
        """The codes named in the question, in order, each once."""
        out: dict[str, CodeHit] = {}
        for pattern in (self.pattern, self.keyed_pattern):
            for m in pattern.finditer(question):
                key = _message_key(m.group("name")) if " " in m.group("name") else m.group("name").casefold()
                if key not in out:
                    status, bot, own = self.statuses[key]
                    out[key] = CodeHit(m.group("name"), m.start("name"), status, bot, own)
        worded = False
        for pattern, name, status, bot in self.wordings:
            m = pattern.search(question)
            if m is not None and name not in out:
                out[name] = CodeHit(name, m.start(), status, bot)
                worded = worded or status is not None
        if worded:
            # A wording with its own status says more than a code every API uses beside it:
            # Direct Line's "BadArgument: Site missing or disabled" comes with 403, not
            # BadArgument's 400; the channel's "Sorry, Web Chat isn't available right now"
            # with 404, though its code is ServiceError.
            out = {k: h for k, h in out.items() if h.names_product or k not in self.statuses}
        return sorted(out.values(), key=lambda h: h.start)


# The messages are spelt with and without contractions ("isn't", "is not"); these words
# are in every one of them, and cheap to look for first.
_MESSAGE_CUES = ("bot", "conversation")


def _message_key(text: str) -> str:
    """One spelling of a message: folded, contractions opened, only its words."""
    words = re.findall(r"[a-z]+", text.casefold().replace("’", "'").replace("n't", " not"))
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _message_pattern(text: str) -> str:
    """A message as written, any case, "is not" or "isn't", "The" or not, spaces as they come."""
    words = _message_key(text).split()
    parts = []
    for i, w in enumerate(words):
        if w == "not" and i > 0:
            parts[-1] = parts[-1] + r"(?:\s+not|n['’]t)"
            continue
        parts.append(re.escape(w))
    return r"(?:the\s+)?" + r"[\s:]+".join(parts)


@lru_cache(maxsize=1)
def load_connector_codes(path: Path = CODES_PATH) -> ConnectorCodes:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    statuses = {c["name"].casefold(): (int(c["status"]), bool(c.get("bot")), bool(c.get("own_status")))
                for c in raw["codes"]}
    # A code's message stands for the code: "The bot isn't part of the conversation roster."
    messages = {c["message"]: c["name"] for c in raw["codes"] if c.get("message")}
    for text, name in messages.items():
        statuses[_message_key(text)] = statuses[name.casefold()]
    plain = [re.escape(c["name"]) for c in raw["codes"] if not c.get("keyed")]
    plain += [_message_pattern(text) for text in messages]
    keyed = [re.escape(c["name"]) for c in raw["codes"] if c.get("keyed")] or [r"(?!)"]
    # Not part of a longer identifier: "BadArgumentException" is someone's class, not this code.
    pattern = re.compile(rf"(?<![A-Za-z0-9_])(?P<name>{'|'.join(plain)})(?![A-Za-z0-9_])", re.IGNORECASE)
    keyed_pattern = re.compile(
        rf"""(?:\bcode["']?\s*[:=]\s*["']?|["'‘’`])(?P<name>{'|'.join(keyed)})(?![A-Za-z0-9_])""", re.IGNORECASE)
    # A wording is a regular expression in the data: its middle is someone's name or path.
    wordings = tuple((re.compile(w["pattern"], re.IGNORECASE), w["name"], w.get("status"), bool(w.get("bot")))
                     for w in raw.get("wordings", ()))
    wording_cues = tuple(w["cue"].casefold() for w in raw.get("wordings", ()))
    return ConnectorCodes(raw["product"], statuses, pattern, keyed_pattern, tuple(statuses), wordings, wording_cues)
