"""Whose error it is, when a question names one of our products and another one.

Migrations, bridges and comparisons name two products: "moving from Twilio to ACS,
now createCall gives 403" is ACS's 403, "WhatsApp via Twilio into Omnichannel:
Twilio returns 63016" is Twilio's, "openai 429 behind bot framework" is OpenAI's.
Naming one of ours is then no reason to answer from our rows; what decides is which
product the status is said of (the subject it follows: "<name> [its API] returns
<status>", "<status> from <name>"), and, in a pasted log, which library raised it
(the frame nearest the exception, and the exception line itself). Ours stays ours
wherever one of our names is the one the status is said of, or raised it.

The words (what may stand between a name and its status, what breaks the link) are
data: foreign_products.toml [error_owner]. This runs only where a foreign product is
named (or one of its subject-only words is there), so it costs the other questions nothing.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Callable, Iterable, Iterator

from .products import words_of

OURS = "ours"  # of_error's answer when one of our products is what the status is said of, or raised it
ASKED_OF_OURS = "asked of ours"  # ... when ours is only what the question asks about ("what does ACS return?")

# Sentences: a log's lines, and prose's sentences ("Twilio returns 21610; what does ACS return?").
_SENTENCE = re.compile(r"\n|[.;!?。；！？](?=\s|$)")
# A stack frame: JS/Java/C# "at ...", Python 'File "..."'.
_FRAME = re.compile(r"^\s*(?:at\s|File\s\")")
# A stack frame by its own shape, wherever it stands: Python's 'File "x.py", line 3', a dotted method
# called ("at com.acme.Client.send(", "at Microsoft.Bot.Connector.X.Y(", "at async Bot.onMessage ("),
# and a JS frame's file, line and column ("at success (/srv/x.js:79:23)", "at /srv/x.js:3:1").
_FRAME_AT = re.compile(
    r'\bFile "[^"\n]+", line \d+(?:, in [\w<>.]+)?'
    r"|(?<![\w.])at\s+(?:async\s+)?(?:new\s+)?[\w$<>\[\]`]+(?:\.[\w$<>\[\]`]+)+\s*\("
    r"|(?<![\w.])at\s+(?:async\s+)?[\w$<>.]+\s+\([^()\s]*:\d+(?::\d+)?\)"
    r"|(?<![\w.])at\s+[^\s()]+:\d+:\d+")
_TOLD_REACH = 300  # characters of a Python exception read after its last frame
_TOLD_TOKENS = 20  # words of the sentence before the first frame read as the exception's
# A frame inside an installed package, not the app's own code.
_PACKAGE_FRAME = re.compile(r"node_modules|site-packages|dist-packages")
_URL_HOST = re.compile(r"\bhttps?://([\w.-]+)", re.I)


class ErrorOwner:
    """Finds which product a question's error is said of; built once per process."""

    def __init__(self, *, theirs: dict[tuple[str, ...], str], ours: Iterable[tuple[str, ...]],
                 subject_only: dict[tuple[str, ...], str], single: dict[str, str], reach: int, breaks: Iterable[str],
                 from_words: Iterable[str], claims: Iterable[str], places: Iterable[str], finder: Callable,
                 foreign_host: Callable[[str], bool] | None = None, statuses: Iterable[int] = (),
                 bot_words: Iterable[str] = ()):
        self.subject_only = frozenset(k[0] for k in subject_only)  # their first words
        self.reach = reach
        self.breaks = frozenset(breaks)
        self.from_words = frozenset(from_words)
        self.claims = frozenset(claims)
        self.places = frozenset(places)
        self._foreign_host = foreign_host  # a web address that is neither ours nor a known neutral one
        self.statuses = frozenset(int(h) for h in HTTPStatus) | frozenset(statuses)
        self.bot_words = frozenset(bot_words)
        names: dict[tuple[str, ...], str] = {k: OURS for k in ours}
        for k, n in (*theirs.items(), *subject_only.items()):
            names.setdefault(k, n)
        self._finder = finder(names)
        self.single = {w: n for w, n in single.items() if (w,) not in names}  # found only as written
        names.update({(w,): n for w, n in self.single.items()})
        self.names = names

    def may_name(self, words: list[str]) -> bool:
        """A name of another product that counts only as a status's subject ("graph 403") may be there."""
        return not self.subject_only.isdisjoint(words)

    def of_error(self, text: str, theirs_said: list[str] | None = None) -> str | None:
        """OURS, ASKED_OF_OURS, another product's name, or None (nothing says whose the error is).

        With `theirs_said`, where ours is what the question is about it is given the statuses said
        of the other product ("Twilio returns 21610, what does ACS return?": 21610), which are no
        number of ours to look up."""
        if "at " in text or 'File "' in text:
            raised = self._raised_by(text)
            if raised is not None:
                return raised
        theirs: str | None = None
        ours = False
        numbers: list[str] = []
        our_numbers: set[str | None] = set()
        for sentence in _SENTENCE.split(text):
            if not sentence or _FRAME.match(sentence):
                continue
            for owner, number in self._said_of(*_tokens(sentence)):
                if owner == OURS:
                    if theirs_said is None and number is not None:
                        return OURS
                    ours = True
                    our_numbers.add(number)
                else:
                    theirs = theirs or owner
                    if number is not None:
                        numbers.append(number)
        if ours:  # (a number said of both stays: "Dialogflow gives 429; what is a 429 from Direct Line?")
            if theirs_said is not None:
                theirs_said.extend(n for n in numbers if n not in our_numbers)
            return OURS if our_numbers - {None} else ASKED_OF_OURS
        return theirs

    def _raised_by(self, text: str) -> str | None:
        """The product of the exception's text and of the frame nearest it that names a product (an
        HTTP library's own frames, axios or httpx, name none): in a Python traceback what follows the
        last 'File' frame and the 'File' frames upwards, elsewhere the sentence before the first 'at'
        frame and the 'at' frames downwards. Ours wherever ours is among them. Read from the frames'
        own shapes, so a log pasted as one line (its line breaks lost) reads the same."""
        marks = list(_FRAME_AT.finditer(text))
        if not marks:
            return None
        last_end = text.find("\n", marks[-1].end())
        last_end = min(len(text), marks[-1].end() + _TOLD_REACH) if last_end < 0 else last_end
        frames = [text[m.start():(marks[n + 1].start() if n + 1 < len(marks) else last_end)]
                  for n, m in enumerate(marks)]
        if marks[-1].group(0).startswith("File"):
            frames[-1] = text[marks[-1].start():marks[-1].end()]
            told = [text[marks[-1].end():marks[-1].end() + _TOLD_REACH]]
            nearest = [f for f in reversed(frames) if f.startswith("File")]
        else:
            before = [x for x in _SENTENCE.split(text[:marks[0].start()]) if x.strip()]
            told = [" ".join(before[-1].split()[-_TOLD_TOKENS:])] if before else []
            nearest = frames
        found = {self.names[k] for line in told for _, k in self._found(*_tokens(line))}
        for n, line in enumerate(nearest):
            named = {self.names[k] for _, k in self._found(*_tokens(line))}
            if named or (n and not _PACKAGE_FRAME.search(line)):
                found |= named  # (no further than the app's own code: what it called raised the error)
                break
            if not _PACKAGE_FRAME.search(line):
                break
        if OURS in found:
            return OURS
        if not found and told and self._foreign_host is not None:
            m = _URL_HOST.search(told[0])
            if m is not None and self._foreign_host(m.group(1)):
                return m.group(1)  # the exception names the address that answered: "429 ... for url: https://api.x.com/"
        return next(iter(sorted(found)), None)

    def _found(self, words: list[str], token: list[int]) -> list[tuple[int, tuple[str, ...]]]:
        """(where, name) for the names in these words, in their order. A one-word mark is found as
        one written token ("ServiceNow", "servicenow"), never glued from two ("the service now")."""
        found = list(self._finder.positions(words))
        if self.single:
            n = len(words)
            for i in range(n):
                for size in (3, 2, 1):
                    if i + size <= n and token[i] == token[i + size - 1]:
                        w = "".join(words[i:i + size])
                        if w in self.single:
                            found.append((i, (w,)))
                            break
            found.sort(key=lambda f: (f[0], -len(f[1])))
        return found

    def _placed(self, words: list[str], i: int) -> bool:
        """The name at i is where something runs or goes ("a bot on App Service"), not a subject.
        (Only another product's name is read so: "startVideo in the ACS web SDK throws 43000" is ACS's.)"""
        j = i - 1
        while j >= 0 and words[j] in _ARTICLES_AND_POSSESSIVES:
            j -= 1
        return j >= 0 and words[j] in self.places

    def _said_of(self, words: list[str], token: list[int]) -> Iterator[tuple[str, str | None]]:
        """Per status in the sentence, the product it is said of (and the status): the name before it (at most
        `reach` words, none of them a break word or another number), or the one after "from"
        just behind it. Our name followed by a claim word ("what does ACS return") is ours too."""
        found = self._found(words, token)
        if not found:
            return
        ends: dict[int, tuple[str, ...]] = {}
        starts: dict[int, tuple[str, ...]] = {}
        covered, last_token, last_end = -1, -1, -1
        for i, k in found:
            # a name inside a longer one ("app service" in "azure app service") is that one, and a
            # written token is its first name's ("openai.RateLimitError" is OpenAI's, its namespace),
            # or ours where ours is in it ("telegram.botframework.com" is the Bot Service's address)
            if i <= covered:
                continue
            if token[i] == last_token:
                if self.names[k] != OURS:
                    continue
                ends.pop(last_end, None)
            ends[i + len(k) - 1], starts[i] = k, k
            covered = last_end = i + len(k) - 1
            last_token = token[last_end]
        for c, w in enumerate(words):
            if w in self.claims:
                k = self._name_before(words, token, c, ends, 2)
                if k is not None and self.names[k] == OURS:
                    yield OURS, None
                continue
            if not self._is_status(words, c):
                continue
            # "from" ours outweighs the name before ("Discord bridge: 401 from the Bot Connector"); the
            # name before, ours or theirs, outweighs "from" theirs ("our RAG API returns 429 from the
            # deepseek deployment" is the RAG API's 429, its upstream named)
            came = self._name_after_from(words, c, starts)
            k = came if came is not None and self.names[came] == OURS else (
                self._name_before(words, token, c, ends, self.reach) or came)
            if k is not None:
                yield self.names[k], w

    def _name_after_from(self, words: list[str], c: int, starts: dict[int, tuple[str, ...]]):
        """The name a status came "from", just behind it ("401 from the Bot Connector", "403 Forbidden
        from x.search.windows.net"): where it was made. Not a bot named so ("graph 403 from teams
        bot"): that is where the call was made from."""
        for j in range(c + 1, min(c + 4, len(words))):
            if words[j].isdigit():
                return None
            if words[j] in self.from_words:
                i = j + 1
                while i < len(words) and words[i] in _ARTICLES_AND_POSSESSIVES:
                    i += 1
                k = starts.get(i)
                if k is not None and k[-1] not in self.bot_words:
                    return k
                return None
        return None

    def _is_status(self, words: list[str], i: int) -> bool:
        """A status or a code: an HTTP status or one our documents use besides them (SIP's 480,
        603), or a code of 4 to 6 digits; not part of a longer number ("7,500") nor a port (443)."""
        w = words[i]
        if not w.isdigit() or not 3 <= len(w) <= 6 or (i and words[i - 1].isdigit()):
            return False
        return len(w) > 3 or int(w) in self.statuses

    def _name_before(self, words: list[str], token: list[int], c: int, ends: dict[int, tuple[str, ...]], reach: int):
        j = c - 1
        while j >= 0 and token[c] - token[j] <= reach + 1:
            if j in ends:
                k = ends[j]
                start = j - len(k) + 1
                # ours gave the status wherever it stands; another product only as the subject: where a
                # bot runs or what it is built with is passed over ("our Teams bot built with LangChain
                # returns 502" is the bot's)
                if self.names[k] == OURS or not self._placed(words, start):
                    return k
                j = start - 1
                continue
            if words[j] in self.breaks or words[j] == "," or words[j].isdigit():
                return None
            j -= 1
        return None


def _tokens(text: str) -> tuple[list[str], list[int]]:
    """The text's words, and per word the written token it is part of (reach counts tokens:
    "AccessDeniedException" is one); a comma after a token is a word of its own, which ends the
    link between a name and a status ("Teams Phone users can't be reached, call ends 403")."""
    words: list[str] = []
    token: list[int] = []
    for n, raw in enumerate(text.split()):
        parts = [raw] if raw.isalnum() and raw.isascii() and raw.islower() else words_of(raw)
        if raw.endswith(",") and parts:
            parts.append(",")
        words.extend(parts)
        token.extend([n] * len(parts))
    return words, token


# Skipped between a name and what stands before or after it ("on the App Service", "from its API",
# "Azure's": words_of leaves the "s")
_ARTICLES_AND_POSSESSIVES = frozenset(("the", "a", "an", "its", "s", "their", "his", "her"))
