"""Signs in the text itself that a question is about a product we do not cover.

foreign_products.toml knows some sixty other products by name, but nobody can
list every chat platform, bot library, SMS gateway or calling SDK. What they
leave in a question has a shape, though: a web address that is not ours, a
package path or namespace that is not ours, an identifier made of a name we
never use ("TelegramApiRequestException"), a name followed by its version
("Zulip 8.2.1") or by API/SDK ("Stringee SDK"), a Microsoft Graph path. A "name"
here is a word that none of our catalog's text, our lexicon or the neutral words
(platforms, languages, frameworks: "Xcode 15.2" is nobody's product) use.

This module only finds the evidence; catalog/match.py weighs it against the
evidence that the question is ours (foreign_products.ForeignProducts.names_ours).
"""

from __future__ import annotations

import re
import tomllib
from http import HTTPStatus
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import UNSPACED_CHAR, UNSPACED_SCRIPTS, Lexicon, fold
from .pattern_words import any_of, begun_by, held, longest_first, lower_text, required_words
from .products import words_of

EVIDENCE_PATH = Path(__file__).with_name("foreign_evidence.toml")

# Top-level domains a host written without its scheme ends in ("pbx.acme.uz"); a file
# name (client.js, __init__.py) ends in none of them.
_TLDS = ("com|net|org|io|ai|dev|app|cloud|co|cn|uz|de|uk|us|me|live|chat|im|so|sh|gg|tv|ru|in|jp|fr|"
         "br|es|it|nl|eu|info|biz|xyz|tech|site|online|ms|ly")
_HOST = re.compile(rf"(?<![\w@/.-])(?:https?://)?((?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS}))(?![\w-]|\.\w)")
_URL_HOST = re.compile(r"\b[a-z][a-z0-9+.-]*://([\w-]+(?:\.[\w-]+)+)", re.I)
_LOCAL = re.compile(r"^(?:localhost|127\.|10\.|192\.168\.|0\.0\.0\.0|\[?::1|[\d.]+$)")
# A name, then its version: "Zulip 8.2.1", "acmechat v3.4", "Acme.Chat 6.4.4", "acme-sdk@2.1".
_TOKEN = r"[A-Za-z][A-Za-z0-9]*(?:[.\-_][A-Za-z][A-Za-z0-9]*)*"
_PROPER = r"[A-Z][A-Za-z0-9]*(?:[.\-][A-Za-z][A-Za-z0-9]*)*"
_NAME_VERSION = re.compile(rf"(?<![\w./@-])({_PROPER}(?: [A-Za-z][a-z0-9]*){{1,2}}|{_TOKEN})(?: v|@| |-v| version | to )v?(\d+\.\d+(?:\.\d+)*)\b")
# A name, then what kind of thing it is: "Stringee SDK", "Acme Bot API", "ringcentral js sdk",
# "Zoho SalesIQ chat widget" (a website's chat widget is a product of its own).
# A lowercase word counts only with a language between ("acmecall js sdk"): "regional API" is English.
_LANGUAGES = r"js|node|python|java|php|ruby|go|\.net|c#|ios|android"
_LANGUAGE = rf"(?i:{_LANGUAGES})"
_NAME_KIND = re.compile(rf"(?<![\w./@-])(?:({_PROPER}(?: [a-z][a-z0-9]*)?)(?: (?i:{_LANGUAGE}|web|rest|bot|cloud|chat|live chat))?|([a-z][a-z0-9]*(?:[.\-][a-z][a-z0-9]*)*) {_LANGUAGE}) (?:api|sdk|client library|API|SDK|Sdk|Api|(?i:widget|chat widget))\b")
# A name, then the ecosystem it is a package of: "MTN MoMo laravel package", "Acme npm library"
# (a vendor's client packaged for a framework is that vendor's product): a language, or a framework,
# platform or package manager (a space follows each and none holds one: their order changes no match).
_ECOSYSTEM = (rf"(?i:{_LANGUAGES}|nodejs|laravel|symfony|wordpress|npm|composer|pip|pypi|nuget|gem|"
              r"dart|flutter|django|rails|swift|kotlin|unity)")
_PACKAGE_WORDS = ("package", "library", "plugin", "wrapper", "module")  # also _named_kind's cheap test
_NAME_PACKAGE = re.compile(rf"(?<![\w./@-])({_PROPER}(?: [A-Z][A-Za-z0-9]*)?) {_ECOSYSTEM} (?i:{'|'.join(_PACKAGE_WORDS)})\b")
# A package of its own, by its version: "acme-sms-gateway 1.9.0".
_PACKAGE_VERSION = re.compile(r"(?<![\w./@-])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?:@| v| )v?\d+\.\d+")
_NAME_SDK = re.compile(r"(?<![\w./@])([a-z][a-z0-9]*)[-_](?:sdk|api|client|bot)\b", re.I)
# Identifiers: "TelegramApiRequestException", "AcmeClient", "AcmeSDK".
_IDENTIFIER = re.compile(r"(?<![\w.])((?:[A-Z][a-z0-9]+|[A-Z]{2,}(?=[A-Z][a-z]|API|SDK))+(?:Client|Sdk|SDK|Api|API|Exception|Error))\b")
# Package paths and namespaces.
_PACKAGE_DIR = re.compile(r"(?:node_modules|site-packages|dist-packages|vendor)[/\\]((?:@[\w.-]+[/\\])?[\w.-]+)")
_SCOPE = re.compile(r"(?<![\w.])@([a-z0-9][\w.-]*)/[\w.-]+")
_DOMAIN_ROOTS = ("com", "org", "io", "net", "me", "dev", "ai")
_REVERSE_DOMAIN = re.compile(r"\b((?:com|org|io|net|me|dev|ai)\.[a-z][a-z0-9_]*)\.[a-z]")
_DOTNET = re.compile(r"\b([A-Z][A-Za-z0-9]+)\.(?:Exceptions?|Rest|Api|Clients?|Sdk)\.[A-Z]")
_PY_MODULE = re.compile(r"(?<![\w.])([a-z][a-z0-9_]*)(?:\.[a-z_][a-z0-9_]*)*\.([A-Z]\w*(?:Error|Exception))\b")
_VERB_FORM = re.compile(r"^[a-z]+[^aeiou\W](?:ing|ed)$")  # "reverting", "stepped": a verb, not a name
_ADDRESS_NUMBER = re.compile(r"^(?:127|10|172|192|0)\.\d+\.\d+\.\d+$")  # "opening 127.0.0.1" is no version
_DOTTED_TAIL = re.compile(r"[\w.$]*")
# A vendor's own error code: {"code": "ACMECHAT_RATE_LIMITED"}; and a dotted brand: "Acme.Chat".
_VENDOR_CODE = re.compile(r"""(?i:code|error_code|errorcode|error)["']?\s*[:=]\s*["']?([A-Z][A-Z0-9]{2,})_[A-Z0-9_]+\b""")
_DOTTED_BRAND = re.compile(r"(?<![\w./@-])([A-Z][a-z0-9]+\.(?:[A-Z][a-z]+|ai|io|to|me|im|chat|js))(?![\w./-])")
# A vendor's key in the environment: "ACMECHAT_API_KEY", "ACME_AUTH_TOKEN".
_ENV_KEY = re.compile(r"\b([A-Z][A-Z0-9]{2,})_(?:API_KEY|API_TOKEN|AUTH_TOKEN|ACCESS_TOKEN|TOKEN|SECRET|APP_ID|ACCOUNT_SID)\b")
# An app's name in mixed case after a preposition ("the 30006 errors we see in VEText", "using
# HubSpot"): a product of its own, unless its words are ours or known. Weak: any product word of
# ours outweighs it (see foreign_evidence.toml [weighing]).
# A short name, as apps are called: a longer one is a type in code ("RestError", "CloudAdapter").
_CASED_NAME = re.compile(r"\b(?:in|on|from|using|with|via|through|into)\s+((?=[A-Za-z]{4,8}\b)(?:[A-Z]{2,}[a-z]+|[A-Z][a-z]+[A-Z])[A-Za-z]*)\b(?![.(:])")
_GITHUB_ACTION = re.compile(r"\buses:\s*([\w.-]+/[\w.-]+)@", re.I)
# The question's subject is a name, and the status is what it gave: "Shlink gives me 409",
# "paperless-ngx consumer: HTTP 413", "The Zammad webhook answered 422", "Uptime Kuma push
# monitor gets 404", "Got a 429 from Resend". A name is written like one: capitalised (one or two
# words, "Firefly III"), or lower case with a hyphen, an underscore or a digit in it ("kv-proxy2",
# "n8n"). Read only in the question's opening (SUBJECT_REACH characters): a subject comes first,
# and a long paste costs nothing more.
SUBJECT_REACH = 400
_CAP_NAME = r"[A-Z][A-Za-z0-9]*(?:[.\-_][A-Za-z0-9]+)*(?: (?:[A-Z][A-Za-z0-9]*))?"
_LOW_NAME = r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+|[a-z]+[0-9][a-z0-9]*"
_STATUS_AFTER = r"(?:['\u2019]s)?(?:\s*\([^()\n]{0,80}\))?\s*[:,\u2013-]?\s+(?:[^\s\d][^\s]*\s+){0,6}?(?:HTTP|http|status|error|code)?[\s:/]*[1-6]\d\d(?![\d.])"
# ... or a plain lower-case word before what kind of thing it is: "mealie api 403".
_LOW_KIND = r"[a-z]{3,}(?= (?:api|sdk|instance|add-on|addon|plugin)\b)"
_SUBJECT_OPEN = re.compile(rf"\W{{0,3}}(?:(?:[Tt]he|[Mm]y|[Oo]ur|[Aa]n?)\s+)?({_CAP_NAME}|{_LOW_NAME}|{_LOW_KIND})")
# A package by its path, where the path itself names no owner: an Android app's placeholder
# namespace ("com.example.flutter_voip_kit") and a Go module's repository ("github.com/acme/sipper/...").
_SUBJECT_PATH = re.compile(r"\b(?:com|org|io|net|dev)\.example\.([a-z][a-z0-9_]*)|(?<![/\w.])git(?:hub|lab)\.com/[\w.-]+/([\w.-]+)")
# ... or, in a script written without spaces, glued on: "MisskeyのAPIを叩いたら429が返ってきます".
_STATUS_GLUED = rf"(?=[{UNSPACED_SCRIPTS}])[^\n\d]{{0,40}}?[1-6]\d\d(?![\d.])"
_SUBJECT_STATUS = re.compile(f"{_STATUS_AFTER}|{_STATUS_GLUED}")  # tried only after a name: most questions open with none
_SUBJECT_FROM = re.compile(rf"(?:from|(?:call|calls|request|requests) to|running|self-host(?:ing)?|hosting|installed|deployed) (?:the |a |an |our |my )?([A-Z][A-Za-z0-9]*(?:[.\-_][A-Za-z0-9]+)*|{_LOW_NAME})(?![\w.-])")
_STATUS_NEAR = re.compile(r"(?<![\w.])[1-6]\d\d(?![\w.])")
_SUBJECT_NEAR = 80  # how far before or after "from <name>" its status may stand
_PLAIN_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")  # "Shlink", "Uptime Kuma"; not "n8n", "SnappyMail"
_NEXT_WORD = re.compile(r"\s*(?:\([^()\n]{0,80}\)\s*)?([^\W\d_][\w'\u2019-]*)?")
_ADVERB = re.compile(r"^[a-z]{3,}ly$")  # "Suddenly", "Intermittently": how, not who


@dataclass(frozen=True)
class Shape:
    """An error text whose shape says whose it is, though it names no product: a Q.850 cause,
    a Telegram or Slack response body, a managed identity failing to sign in (foreign_evidence.toml)."""
    kind: str
    name: str  # "{1}" in it is the pattern's first group: "Azure Resource Manager ({1})"
    patterns: tuple[re.Pattern, ...]
    # Per pattern, the lower-case words it cannot match without (pattern_words.py); None: run it
    # always. Left out, as in Shape(kind, name, patterns), every pattern runs.
    needs: tuple[tuple[str, ...] | None, ...] = ()

    def __post_init__(self) -> None:
        if not self.needs:
            object.__setattr__(self, "needs", (None,) * len(self.patterns))

    @classmethod
    def of(cls, kind: str, name: str, patterns) -> "Shape":
        """The shape as foreign_evidence.toml writes it: its patterns compiled, and the words
        each one needs read from it once, at start-up."""
        compiled = tuple(map(re.compile, patterns))
        return cls(kind, name, compiled, tuple(required_words(p) for p in compiled))

    def find(self, question: str, present: frozenset[str] | set[str] | None = None) -> tuple[str, tuple[int, int]] | None:
        """The first pattern that matches; with `present` (the needed words the question holds,
        see ForeignEvidence.find), a pattern none of whose needed words is there is not run."""
        for pattern, needs in zip(self.patterns, self.needs):
            if present is not None and needs is not None and present.isdisjoint(needs):
                continue
            m = pattern.search(question)
            if m is not None:
                group = m.group(1) if m.re.groups else None
                return (self.name.replace("{1}", group) if group else self.name), m.span()
        return None

    @property
    def always(self) -> "Shape | None":
        """This shape with only the patterns that always run (None: it has none)."""
        kept = [(p, n) for p, n in zip(self.patterns, self.needs) if n is None]
        return Shape(self.kind, self.name, tuple(p for p, _ in kept), tuple(n for _, n in kept)) if kept else None


@dataclass(frozen=True)
class Evidence:
    """One sign that the question is another product's: its kind is what the weighing reads
    ([weighing] weak, decisive), its name what the reply calls that product."""
    kind: str  # webhook, graph, a shape's kind, package, namespace, versioned, named, identifier, code, dotted, host
    name: str  # what the question looks like it is about, as written there
    span: tuple[int, int] = (0, 0)  # where in the question (our names inside it do not count)


@dataclass(frozen=True, eq=False)  # one per process, hashed by identity
class ForeignEvidence:
    known: frozenset[str]  # words that are ours, the lexicon's, or neutral
    neutral_namespaces: frozenset[str]
    our_hosts: tuple[str, ...]
    neutral_hosts: tuple[str, ...]
    graph_name: str
    graph_paths: tuple[str, ...]
    graph_error_shape: tuple[str, ...]
    graph_marks: tuple[str, ...]
    webhook_name: str
    webhook_marks: tuple[str, ...]
    github_action: str
    weak: frozenset[str]
    shapes: tuple[Shape, ...] = ()
    decisive: frozenset[str] = frozenset()
    # Kinds of sign, like weak and decisive ([weighing] inside_our_app), that are a step an app of
    # ours runs itself (indexing documents for a RAG app): ours when the question puts them inside
    # that app (foreign_products.ForeignProducts.names_our_app).
    inside_our_app: frozenset[str] = frozenset()
    # Everyday English that opens a sentence or follows "from" in capitals ("Login returns 401",
    # "Yesterday 502", "from Germany"), beyond the known words: no product's name ([subject]).
    common: frozenset[str] = frozenset()
    # Signs that give way to a product word of ours outside the name they found, or to a name
    # made for an app of ours (match.py _our_app_or_words_beside); [weighing] our_words_outside.
    our_words_outside: frozenset[str] = frozenset()
    platform_heads: frozenset[str] = frozenset()
    vendor_prefixes: frozenset[str] = frozenset()
    own_app_endings: tuple[str, ...] = ()  # "Pizzabot", "helpdeskbot": an app of ours by its last letters
    # Words of ours that only say what kind of thing follows a name ("Gramps Web chat endpoint"):
    # right after the name they are that name's part, not ours outside it ([subject] name_parts).
    name_parts: tuple[str, ...] = ()
    # the prepositions another language opens a sentence with before a name ([subject] openers_other)
    openers_other: frozenset[str] = frozenset()
    # "<status> from <name>" in the other languages people ask in ("Too many requests z Allegro"), and
    # the statuses said in words that may stand for the number there ([subject] from_words_other,
    # said_statuses): compiled once at load.
    from_other: "re.Pattern[str] | None" = None
    from_other_words: frozenset[str] = frozenset()
    said_status: "re.Pattern[str] | None" = None
    # Addresses under ours that other Azure services have (a key vault, a search service): theirs.
    other_service_hosts: tuple[str, ...] = ()

    def is_name(self, token: str) -> bool:
        """A token with a word in it that is nobody's word we know: a product's name.

        A plural of a known word is known ("channels"); no other ending is taken off,
        since names are often words plus an ending ("Pusher" is not "push").
        """
        return any(len(w) >= 3 and not w.isdigit() and w not in self.known and not (w[-1] == "s" and w[:-1] in self.known)
                   for w in words_of(token))

    def _foreign_host(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        if _LOCAL.match(host):
            return False
        if is_under(host, self.other_service_hosts):
            return True
        return not any(host == h or host.endswith("." + h) for h in (*self.our_hosts, *self.neutral_hosts))

    def _namespace_is_foreign(self, ns: str) -> bool:
        ns = ns.lower()
        if ns in self.neutral_namespaces or ns.split(".")[0] in self.neutral_namespaces:
            return False
        return self.is_name(ns.split(".")[-1] if ns.count(".") else ns)

    def find(self, question: str, folded: str) -> list[Evidence]:
        """The signs that the question is about a product outside this catalog, one per kind.

        `folded` is the question case-folded (the parser already has it). Signs that
        need case (identifiers, namespaces) read the question as written.
        """
        found: dict[str, Evidence] = {}
        for kind, finder in self._finders:
            if kind == "shape":
                self._find_shapes(question, found)
                continue
            if kind not in found:
                hit = finder(self, question, folded)
                if hit is not None:
                    name, span = hit if isinstance(hit, tuple) else (hit, (0, 0))
                    found[kind] = Evidence(kind, name, span)
        return list(found.values())

    def __post_init__(self) -> None:
        needs = [shape.needs for shape in self.shapes]
        # every word some pattern needs, looked for once per question
        object.__setattr__(self, "_needed_words", tuple(sorted({w for ns in needs for n in ns if n for w in n})))
        # per shape, the words one of which the question must hold for any of its patterns to
        # run (None: a pattern of it runs always)
        object.__setattr__(self, "_shape_gates", tuple(
            None if any(n is None for n in ns) else frozenset(w for n in ns for w in n) for ns in needs))
        # the shapes cut to the patterns that need no word: all that can match a question
        # that holds none of the needed words
        object.__setattr__(self, "_always_shapes", tuple(filter(None, (s.always for s in self.shapes))))
        object.__setattr__(self, "_any_needed_word", any_of(self._needed_words))
        object.__setattr__(self, "_needed_begun", begun_by(self._needed_words))
        # Graph's paths and marks, the webhooks' marks: one search each for any of them.
        object.__setattr__(self, "_any_graph_mark", any_of((*self.graph_paths, *self.graph_marks)))
        object.__setattr__(self, "_any_webhook_mark", any_of(self.webhook_marks))

    def _find_shapes(self, question: str, found: dict[str, "Evidence"]) -> None:
        """Each shape's first match, shape by shape in the file's order, one per kind.

        A pattern runs only when the question holds one of the words it cannot match
        without (pattern_words.py). One pass over those words decides which few run; most
        questions hold none, and then only the patterns that need no word run. The same
        evidence as running every pattern, for a fraction of the time.
        """
        present = self._present_words(lower_text(question))
        if not present:
            for shape in self._always_shapes:
                hit = shape.find(question) if shape.kind not in found else None
                if hit is not None:
                    found[shape.kind] = Evidence(shape.kind, *hit)
            return
        for shape, gate in zip(self.shapes, self._shape_gates):
            if shape.kind in found or (gate is not None and gate.isdisjoint(present)):
                continue
            hit = shape.find(question, present)
            if hit is not None:
                found[shape.kind] = Evidence(shape.kind, *hit)

    def _present_words(self, low: str) -> set[str]:
        """The needed words this lower-case text holds (pattern_words.held: a question holds a few
        of some hundred and seventy, and a substring test of each cost more than the shapes' work)."""
        return held(self._any_needed_word, self._needed_begun, low)

    def outweighs(self, evidence: list[Evidence], product_named: bool) -> bool:
        """These signs say "not ours" more than our product words in the question say "ours".

        A weak sign (a web address: our bots call other services and say so) gives way
        to any product word of ours; the others give way only to one of our names,
        hosts or packages, which the caller checks: "chat", "call" or "API" are
        everybody's words.
        """
        return any(e.kind not in self.weak for e in evidence) or (bool(evidence) and not product_named)

    def produced_elsewhere(self, evidence: list[Evidence]) -> bool:
        """A sign that says which service produced the error itself, so that our names in the
        question do not make it ours: "ManagedIdentityCredential authentication failed" in an
        ACS app is the sign-in failing at Microsoft Entra ID before any of our services was
        called (the ACS Identity service's own errors, CommunicationIdentityClient's, stay ours)."""
        return any(e.kind in self.decisive for e in evidence)

    def _webhook(self, question: str, folded: str) -> str | None:
        if self._any_webhook_mark.search(folded) is not None:
            return self.webhook_name
        m = _GITHUB_ACTION.search(question)
        return f"{self.github_action} ({m.group(1)})" if m else None

    def _graph(self, question: str, folded: str) -> str | None:
        if self._any_graph_mark.search(folded) is not None \
                or all(map(folded.__contains__, self.graph_error_shape)):
            return self.graph_name
        return None

    def _host(self, question: str, folded: str) -> str | None:
        if "." not in folded:
            return None
        for m in _URL_HOST.finditer(folded):
            if self._foreign_host(m.group(1)):
                return m.group(1)
        for m in _HOST.finditer(question):
            if self._foreign_host(m.group(1)):
                return m.group(1)
        return None

    def _namespace(self, question: str, folded: str) -> str | None:
        if "." not in folded:
            return None
        for m in _REVERSE_DOMAIN.finditer(question):
            if self._namespace_is_foreign(m.group(1)):
                # the whole dotted name is theirs: "io.acme.chat.ChatClient" is not our ChatClient
                end = _DOTTED_TAIL.match(question, m.end(1)).end()
                return m.group(1), (m.start(1), end)
        for m in _DOTNET.finditer(question):
            if self.is_name(m.group(1)) and m.group(1).lower() not in self.neutral_namespaces:
                return m.group(1)
        for m in _PY_MODULE.finditer(question) if ("error" in folded or "exception" in folded) else ():
            # "com.acme.ErrorException" is Java, read above by its reverse domain
            if m.group(1) not in _DOMAIN_ROOTS and m.group(1) not in self.neutral_namespaces and self.is_name(m.group(1)):
                return m.group(1)
        return None

    def _package(self, question: str, folded: str) -> str | None:
        # Each pattern below is only searched where a character it cannot match without is
        # there (a slash, '@', '-' and '.', '_'): most questions have none of them.
        for m in _PACKAGE_DIR.finditer(question) if "/" in question or "\\" in question else ():
            pkg = m.group(1).replace("\\", "/")
            scope, _, name = pkg.lstrip("@").rpartition("/")
            if not self._neutral_package(scope or name) and self.is_name(pkg):
                return pkg
        for m in _SCOPE.finditer(folded) if "@" in folded else ():
            if not self._neutral_package(m.group(1)) and self.is_name(m.group(1)):
                return m.group(0)
        for m in _PACKAGE_VERSION.finditer(question) if "-" in question and "." in question else ():
            name = m.group(1).lower()
            if name not in self.neutral_namespaces and "-".join(name.split("-")[:2]) not in self.neutral_namespaces:
                return m.group(1), m.span(1)
        for m in _ENV_KEY.finditer(question) if "_" in question else ():
            if self.is_name(m.group(1)):
                return m.group(1)
        return None

    def _identifier(self, question: str, folded: str) -> str | None:
        if not any(k in folded for k in ("client", "sdk", "api", "error", "exception")):
            return None
        for m in _IDENTIFIER.finditer(question):
            if self.is_name(m.group(1)):
                return m.group(1)
        return None

    def _vendor_code(self, question: str, folded: str) -> str | None:
        for m in _VENDOR_CODE.finditer(question) if "_" in question else ():
            if self.is_name(m.group(1)):
                return m.group(1)
        return None

    def _dotted(self, question: str, folded: str) -> str | None:
        if "." not in folded:
            return None
        for m in _DOTTED_BRAND.finditer(question):
            if self.is_name(m.group(1)) and m.group(1).split(".")[0].lower() not in self.neutral_namespaces:
                return m.group(1)
        return None

    def _versioned(self, question: str, folded: str) -> str | None:
        for m in _NAME_VERSION.finditer(question) if "." in question else ():  # a version has a dot
            if self.is_name(m.group(1)) and not _ADDRESS_NUMBER.match(m.group(2)) and not self._only_verbs(m.group(1)):
                return self._trimmed(m.group(1))
        return None

    def _only_verbs(self, phrase: str) -> bool:
        """'reverting to 4.20.0', 'after we upgraded 4.21': the words before the version that
        are nobody's we know are verbs (an -ing or -ed form), which no product is named."""
        return all(_VERB_FORM.match(w) for w in words_of(phrase) if not w.isdigit() and w not in self.known)

    def _trimmed(self, phrase: str) -> str:
        """'Acme chat server' -> 'Acme': the words after the name are ours or everybody's."""
        parts = phrase.split(" ")
        while len(parts) > 1 and not self.is_name(parts[-1]):
            parts.pop()
        return " ".join(parts)

    def _cased(self, question: str, folded: str) -> tuple[str, tuple[int, int]] | None:
        for m in _CASED_NAME.finditer(question) if not question.islower() else ():  # needs a capital
            # whole, as written: its camel-case parts may be words ("VEText" is no "ve text")
            if m.group(1).lower() not in self.known and self.is_name(m.group(1).lower()):
                return m.group(1), m.span(1)
        return None

    def _subject(self, question: str, folded: str) -> tuple[str, tuple[int, int]] | None:
        """A name the question opens with, the status attached to it ("Gotify 401 invalid token",
        "teams-alert-forwarder keeps getting 429"), one a status came "from", one that is run or
        hosted, or a package path that names no owner. It gives way to our product words outside
        the name and to a name made for an app of ours ([weighing] our_words_outside, match.py)."""
        head = question[:SUBJECT_REACH]
        m = _SUBJECT_OPEN.match(head)
        if m is not None and self._subject_name(m.group(1)) and _SUBJECT_STATUS.match(head, m.end(1)) \
                and self._reads_as_english(m.group(1), head, m.end(1)):
            return self._without_opener(m.group(1), m.span(1))
        for m in _SUBJECT_PATH.finditer(head) if ("example." in head or ".com/" in head) else ():
            g = 1 if m.group(1) else 2
            a, b = m.span(g)
            if self._subject_name(m.group(g)) and _STATUS_NEAR.search(head, max(0, a - _SUBJECT_NEAR), b + _SUBJECT_NEAR):
                return m.group(g), (a, b)
        gate = "from " in head or "running " in head or "self-host" in head or "hosting " in head \
            or "installed " in head or "deployed " in head or "s to " in head or "l to " in head \
            or "t to " in head  # _SUBJECT_FROM's openings ("a call to Firefly III"), tested cheaply
        for m in _SUBJECT_FROM.finditer(head) if gate else ():
            a, b = m.span(1)
            if m.start() and head[m.start() - 1].isalnum():
                continue  # inside a word ("refrom"): the literal opening keeps the search cheap, so no \b there
            if self._subject_name(m.group(1)) and _STATUS_NEAR.search(head, max(0, a - _SUBJECT_NEAR), b + _SUBJECT_NEAR):
                return m.group(1), (a, b)
        gate = self.from_other is not None and not self.from_other_words.isdisjoint(head.split())
        for m in self.from_other.finditer(head) if gate else ():  # the words first: the search costs ~20 us
            a, b = m.span(1)
            lo, hi = max(0, a - _SUBJECT_NEAR), b + _SUBJECT_NEAR
            if self._subject_name(m.group(1)) and (_STATUS_NEAR.search(head, lo, hi) or (
                    self.said_status is not None and self.said_status.search(head, lo, hi))):
                return m.group(1), (a, b)
        return None

    def _without_opener(self, name: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
        """'Bei Paperless' -> 'Paperless': a sentence in another language opens with a capitalised
        preposition ("Bei", "Con", "Mit", [subject] openers_other) before the name it is about; an
        English name's first word stays ("Uptime Kuma")."""
        first, sep, rest = name.partition(" ")
        if sep and rest and first.lower() in self.openers_other and self._subject_name(rest):
            return rest, (span[1] - len(rest), span[1])
        return name, span

    def _reads_as_english(self, name: str, text: str, end: int) -> bool:
        """A plain capitalised word opens an English sentence about it only if the word after it
        is one we know ("Shlink gives me 409"): "Puhelu päättyi koodilla 480" is another language,
        whose first word is no name."""
        if not _PLAIN_CAPITALISED.match(name):
            return True
        if UNSPACED_CHAR.match(text, end):
            return True  # a Latin word glued to a sentence in a script without spaces is a name: "Misskeyの"
        m = _NEXT_WORD.match(text, end)
        word = m.group(1) if m is not None else None
        return word is None or not self._subject_name(word.lower())

    def _subject_name(self, name: str) -> bool:
        """Some word of it is nobody's we know, nor everyday English, nor an adverb; and it does
        not open with a vendor's own name that ours share ("Azure Comm Services")."""
        # one plain word, as most questions open ("What", "Teams", "Shlink"): no splitting needed
        parts = [name.lower()] if name.isalpha() and name.isascii() and name[1:].islower() else words_of(name)
        if (parts and parts[0] in self.vendor_prefixes) or name.lower() in self.known:
            return False  # the whole name is known though its parts are not: "RestSharp"
        return any(self._unknown_word(w.rstrip("0123456789") if w[-1].isdigit() else w) for w in parts)

    def _unknown_word(self, w: str) -> bool:
        """A word of a name: none we know, nor everyday English, nor an adverb. A version glued
        on is no part of it ("node18", "ipv6", "base64": 'n8n' and 'zigbee2mqtt' are names)."""
        return len(w) >= 3 and w not in self.known and w not in self.common \
            and not (w[-1] == "s" and (w[:-1] in self.known or w[:-1] in self.common)) and not _ADVERB.match(w)

    def _named_kind(self, question: str, folded: str) -> str | None:
        packaged = any(k in folded for k in _PACKAGE_WORDS)
        if "api" not in folded and "sdk" not in folded and "widget" not in folded and not packaged:
            return None
        for pattern in (_NAME_KIND, _NAME_SDK, *((_NAME_PACKAGE,) if packaged else ())):
            for m in pattern.finditer(question):
                name = m.group(1) or (m.group(2) if pattern.groups > 1 else None)
                if name and self.is_name(name):
                    return self._trimmed(name)
        return None

    # Most telling first: the first kind found names the product in the reply. A vendor's code
    # that names the vendor ("QUIKCHAT_RATE_LIMITED") comes before the shapes, which name only a
    # kind of service ("an error key in capitals").
    _finders = (
        ("webhook", _webhook), ("graph", _graph), ("code", _vendor_code), ("shape", None), ("package", _package),
        ("namespace", _namespace), ("versioned", _versioned), ("named", _named_kind), ("identifier", _identifier),
        ("dotted", _dotted), ("host", _host), ("cased", _cased),
        ("subject", _subject),
    )

    def _neutral_package(self, name: str) -> bool:
        name = name.lower()
        return name in self.neutral_namespaces or name.split("-")[0] in self.neutral_namespaces


def is_under(host: str, hosts: tuple[str, ...]) -> bool:
    """The host is one of these or under one of them ("kv.vault.azure.net" is under "vault.azure.net")."""
    return any(host == h or host.endswith("." + h) for h in hosts)


@lru_cache(maxsize=2)
def _evidence_data(path: Path = EVIDENCE_PATH) -> dict:
    """foreign_evidence.toml as read, once: the evidence and the product names (foreign_products.py)
    both read its [neutral] hosts. (Read only; nothing changes it.)"""
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def other_service_hosts(path: Path = EVIDENCE_PATH) -> tuple[str, ...]:
    """Addresses under ours that belong to other Azure services ([neutral] other_service_hosts)."""
    return tuple(fold(h) for h in _evidence_data(path)["neutral"].get("other_service_hosts", ()))


def known_hosts(path: Path = EVIDENCE_PATH) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(our hosts, neutral hosts), folded: the one list of addresses that are ours, which the
    product names (foreign_products.py) and the evidence here both read."""
    neutral = _evidence_data(path)["neutral"]
    return tuple(fold(h) for h in neutral["our_hosts"]), tuple(fold(h) for h in neutral["neutral_hosts"])


@lru_cache(maxsize=4)
def load_foreign_evidence(catalog_words: frozenset[str], lex: Lexicon, path: Path = EVIDENCE_PATH) -> ForeignEvidence:
    """The evidence finder; `catalog_words` are the folded words of our catalog and its signals."""
    raw = _evidence_data(path)
    neutral = raw["neutral"]
    ours_hosts, neutral_hosts = known_hosts(path)
    subject = raw.get("subject", {})
    lexicon_words = {w for phrase in (*lex.role_words, *lex.key_roles) for w in words_of(phrase)}
    lexicon_words |= lex.units | lex.before_words | lex.stopwords | lex.not_typos
    lexicon_words |= {w for names in lex.status_words.values() for n in names for w in words_of(n)}
    lexicon_words |= {w for s in HTTPStatus for w in words_of(f"{s.phrase} {s.name}")}
    # our words as the other languages people ask in write them ("Anruf", "appel", "Telefonnummer":
    # lexicon.toml [said_in_other_languages], [said_plainly], [product_spellings]) are ours, no product's name
    lexicon_words |= {w for x in (*lex.said_in_other_languages, *lex.said_plainly, *lex.product_spellings)
                      for w in words_of(x)}
    known = frozenset(catalog_words | lexicon_words | {w for x in neutral["words"] for w in words_of(x)})
    return ForeignEvidence(
        known=known,
        neutral_namespaces=frozenset(fold(n) for n in neutral["neutral_namespaces"]),
        our_hosts=ours_hosts,
        neutral_hosts=neutral_hosts,
        graph_name=raw["graph"]["name"],
        graph_paths=tuple(fold(p) for p in raw["graph"]["paths"]),
        graph_error_shape=tuple(fold(s) for s in raw["graph"]["error_shape"]),
        graph_marks=tuple(fold(m) for m in raw["graph"]["marks"]),
        webhook_name=raw["webhooks"]["name"],
        webhook_marks=tuple(fold(m) for m in raw["webhooks"]["marks"]),
        github_action=raw["webhooks"]["github_action"],
        weak=frozenset(raw["weighing"]["weak"]),
        shapes=tuple(Shape.of(s["kind"], s["name"], s["patterns"]) for s in raw.get("shapes", ())),
        decisive=frozenset(raw["weighing"].get("decisive", ())),
        inside_our_app=frozenset(raw["weighing"].get("inside_our_app", ())),
        common=frozenset(w for x in subject.get("common_words", ()) for w in words_of(x)),
        our_words_outside=frozenset(raw["weighing"].get("our_words_outside", ())),
        platform_heads=frozenset(fold(w) for w in subject.get("platform_heads", ())),
        vendor_prefixes=frozenset(fold(w) for w in subject.get("vendor_prefixes", ())),
        own_app_endings=tuple(fold(w) for w in subject.get("own_app_endings", ())),
        name_parts=tuple(fold(w) for w in subject.get("name_parts", ())),
        openers_other=frozenset(w.lower() for w in subject.get("openers_other", ())),
        from_other=_alternation(r"(?<![\w])(?:{}) ([A-Z][A-Za-z0-9]*(?:[.\-_][A-Za-z0-9]+)*)(?![\w.-])",
                                subject.get("from_words_other", ())),
        from_other_words=frozenset(subject.get("from_words_other", ())),
        said_status=_alternation(r"(?i)\b(?:{})\b", subject.get("said_statuses", ())),
        other_service_hosts=other_service_hosts(path),
    )


def _alternation(template: str, words) -> "re.Pattern[str] | None":
    """The template's {} filled with the words as literal alternatives; None for no words."""
    words = {w for w in words if w}
    return re.compile(template.format(longest_first(words))) if words else None
