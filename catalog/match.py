"""From a parsed question to a decision: answer, ambiguous, or none.

The rules, in the order they matter:
- a number the question names is looked up exactly; words never stand in
  for numbers, and a number that is not in the catalog is never "close
  enough" (we offer near numbers as suggestions only);
- an entry named by both code and subcode beats one named by either;
- the product words of the question (and, more weakly, the product of the
  previous answer) pick between equal numeric matches;
- text is matched only where no number decides, and must explain most of
  the question to be claimed as the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from http import HTTPStatus

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .decision import Decision, Match
from .component_errors import load_component_errors
from .connector_codes import load_connector_codes
from .foreign_evidence import load_foreign_evidence
from .foreign_products import load_foreign_products
from .lexicon import UNSPACED_CHAR, fold, load_lexicon
from .pattern_words import any_of, longest_first, may_match, prefilter
from .posts import distinct_lines, error_text, without_frames
from .quoted_rows import QuotedRows, Quote
from .query import ParsedQuestion, Target, parse, status_names, without_source_positions
from .sayings import Sayings
from .statuses_not_had import is_success_got
from .schema import Entry
from .products import NAMED_AT_LEAST, ProductSignals, SignalHits, phrase_positions, words_of
from .textindex import TextIndex, stem, tokens

MAX_QUESTION_CHARS = 256 * 1024  # the bot's default body limit: a message is read whole
MAX_CANDIDATES = 8
DECISIVE_MARGIN = 0.08  # lead the best candidate needs over the next to be the answer
WORDS_DECIDE_TWINS = 0.3  # ... or, between rows with the same numbers, its lead in word fit
CONTEXT_BOOST = 0.12
TEXT_BOOST = 0.15  # how much word overlap can add to a numeric match
TEXT_ANSWER = 0.55  # text-only: score needed to claim an answer
TEXT_ANSWER_AFTER_MISS = 0.75  # ... when the question also named numbers we do not know
TEXT_AMBIGUOUS = 0.45
TEXT_ANSWER_NAMED = 0.34  # ... below that, still an answer for a named product's entry clearly ahead of the rest
TEXT_MARGIN = 0.04
TEXT_CLEAR_LEAD = 0.10  # ... or a lead this large over the next entry
TITLE_QUOTED = 0.75  # ... or, in the product named, this share of the row's title words quoted (three at least)
SUGGESTION_FLOOR = 0.25
TWIN_OVERLAP = 0.6  # share of title words two rows have in common to be near twins
PARTIAL_TEXT_BOOST = 1.0
PARTIAL_FIT_FLOOR = 0.2  # a bare status answers a code/subcode row (the code part only) when the words fit it this well
STRING_CODE_STRENGTH = 2.0  # a string code the question names ("validation_error") names its product as a phrase of two words would
CONNECTOR_CODE_STRENGTH = 3.0  # a bot connector code names the Bot Service at least this strongly, and above any other product

# Base scores by how a number met an entry.
PAIR = 1.2
PAIR_SUBCODE_ONLY = 0.75
NAMED_ROLE = 0.9  # subcode named as subcode; code named as code on a code-only entry
LOOSE = 0.7  # a number named as code found as a subcode, and the like
CODE_OF_PAIR = 0.5  # a bare code that is only the code part of a code/subcode entry

# A source named through a product (the tips written for it, the holder of its REST statuses)
# stands this far below the product, so the product's own rows still come first.
JUST_BELOW = 0.5
# A REST call's failure adds half a product word to the holder of the REST statuses when the question
# names the holder itself ("ACS ... RestError"): named as strongly as a service, the holder's common
# statuses answer; a service named by one word more still comes first.
REST_FAILURE_ADDS = 0.5
# A quote of this many words or fewer, with a word the catalog never uses, is too thin for a
# clear lead in the words alone to answer it (_by_text's `thin`).
THIN_QUOTE_WORDS = 4
# A quote of a row's own words this long names its row whatever product the story names (_quoted_row).
QUOTE_PAST_ANOTHER_PRODUCT = 5
# A message pasted after its number with this many content words, none of them the row's, is no row's.
MESSAGE_OF_NO_ROW_WORDS = 4


@dataclass
class _Candidate:
    entry: Entry
    score: float
    why: str
    partial: bool = False  # the number named is only the code of this code/subcode row
    fit: float = 0.0  # how well the question's words fit this row (0..1)


class Matcher:
    def __init__(self, catalog):
        self.catalog = catalog
        self.lex = load_lexicon()
        self.signals = ProductSignals(catalog.sources, self.lex)
        self.foreign = load_foreign_products()
        self.connector = load_connector_codes()
        self.components = load_component_errors()
        self.evidence = load_foreign_evidence(_catalog_words(catalog), self.lex)
        self.family = {sid: src.family or sid for sid, src in catalog.sources.items()}
        # Tips written for another product's users (Source.tips_for): "CreateCall to a phone number
        # fails unless I pass a caller id" names Call Automation, and its tip answers it (_with_tips).
        self.tips_of: dict[str, tuple[str, ...]] = {}  # product -> the sources of tips written for it
        for sid, src in catalog.sources.items():
            for product in src.tips_for:
                self.tips_of[product] = (*self.tips_of.get(product, ()), sid)
        self.text = TextIndex(catalog.entries, self.lex)
        # "how do I ...", "which role can ...": at the start of the question or of a sentence or clause
        self.how_to = re.compile(r"(?:^|[:.?!;\n]\s*|\s[-–—]\s*)(?:" + longest_first(self.lex.how_to_openers)
                                 + r")(?![^\W_])") if self.lex.how_to_openers else None
        self.position = {id(e): i for i, e in enumerate(catalog.entries)}
        self.class_entries: dict[int, Entry] = {}
        for e in catalog.entries:
            if e.kind == "concept" and e.key and e.key.startswith("class-") and e.key.endswith("xx"):
                digit = e.key[len("class-")]
                if digit.isdigit():
                    self.class_entries.setdefault(int(digit), e)
        # A row's aliases are the catalog's own other names for it ("throttling" for a 429).
        # They are matched word by word on the stemmer's stems, so one alias stands for its
        # inflections too: "token expired" is also "tokens expire", "token expiring".
        self.alias_rows: dict[str, list[Entry]] = {}
        # A determiner between a saying's words changes nothing of what happened: "pick the speaker"
        # is "pick speaker", "turned their camera off" is "turned camera off" (lexicon [said_between]).
        self.fillers = self.lex.said_between
        for e in catalog.entries:
            for a in (*e.aliases, *e.said_in_product):
                key = _alias_key(a, self.fillers)
                if key:
                    self.alias_rows.setdefault(key, []).append(e)
        self.sayings = Sayings(self.alias_rows)
        # ... so the question's fillers are left out before its sayings are looked for (only for a
        # question the sayings are read for: none of this runs where a number decided)
        self.filler_pattern = re.compile(
            r"(?<![^\W_])(?:" + any_of(self.fillers).pattern + r")(?![^\W_])") if self.fillers else None
        # Sources that hold other sources' statuses (the ACS REST API's common codes), and the
        # SDK exceptions that say a REST call failed (lexicon.toml [rest_failures]).
        self.statuses_for = {sid: src.statuses_for for sid, src in catalog.sources.items() if src.statuses_for}
        self.rest_failure = re.compile(
            r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, sorted(self.lex.rest_failures, key=len, reverse=True)))
            + r")(?![^\W\d_])") if self.lex.rest_failures and self.statuses_for else None
        # "no exception", "without any error": words the question says did not happen (lexicon [negated]).
        self.negated = re.compile(
            r"(?<![^\W_])(?:" + "|".join(map(re.escape, sorted(self.lex.negations, key=len, reverse=True)))
            + r")\s+(?:" + "|".join(map(re.escape, sorted(self.lex.negated, key=len, reverse=True))) + r")(?![^\W_])",
            re.IGNORECASE) if self.lex.negations and self.lex.negated else None
        # The words one of which the question must hold for these two to match (pattern_words.py).
        self.rest_failure_gate = prefilter(self.rest_failure) if self.rest_failure is not None else None
        self.negated_gate = prefilter(self.negated) if self.negated is not None else None
        # Rows titled with an SDK's failure message ("Failed to start video, no device selected"):
        # the action it failed at, as stems ("start", "video"), for _another_failure.
        self.failed_actions: dict[int, tuple[str, ...]] = {}
        for i, e in enumerate(catalog.entries):
            m = _FAILED_TO.match(e.title)
            if m:
                self.failed_actions[i] = _action_stems(m.group(1), self.lex.stopwords)
        # Rows that are a bare subcode and its name, with no status and nothing said beside the name
        # (Call Automation's generic subcodes): see _by_text.
        self.title_only = [e.code is None and not e.advice and fold(e.message).startswith(fold(e.title))
                           for e in catalog.entries]
        # Row titles that hold a status's name beside words of their own, for another status than
        # the row's ("User gateway timeout" is PSTN's 408, not a 504; "Transfer Operation Conflict"
        # a Call Automation subcode, not a 409): by the status named, each title as the question may
        # write it (its words in order, apart or glued). See _titles_are_no_statuses.
        self.status_titles: dict[int, list[re.Pattern]] = {}
        for e in catalog.entries:
            if any(ch.isdigit() for ch in e.title):
                continue  # "validation_error (400 Bad Request)": the status is the row's own
            words = re.findall(r"[^\W_]+", fold(e.title))
            for status, n in status_names(e.title, self.lex):
                if status != e.code and len(words) > n:
                    self.status_titles.setdefault(status, []).append(
                        re.compile(r"(?<![^\W_])" + r"[\s_'’-]*".join(map(re.escape, words)) + r"(?![^\W_])"))
        # Rows' own titles and messages, word for word, for the questions that quote them (_quoted_row).
        self.quoted = QuotedRows(catalog.entries, (n for names in self.lex.status_words.values() for n in names))
        self.numbers_by_length: dict[int, list[str]] = {}
        for number in sorted({str(n) for e in catalog.entries for n in (e.code, e.subcode) if n is not None}):
            self.numbers_by_length.setdefault(len(number), []).append(number)

    # ---- the pieces -------------------------------------------------

    def _numeric_candidates(self, t: Target, words: list[str] = ()) -> list[_Candidate]:
        cat = self.catalog
        out: dict[int, _Candidate] = {}

        def add(entries, score, why):
            for e in entries:
                c = out.get(id(e))
                if c is None or c.score < score:
                    out[id(e)] = _Candidate(e, score, why)

        if t.role == "pair":
            add(cat.by_pair.get((t.code, t.subcode), ()), PAIR, "code and subcode")
            if not out:
                add(cat.by_subcode.get(t.subcode, ()), PAIR_SUBCODE_ONLY, "subcode (code differs)")
            return list(out.values())
        if t.role == "subcode":
            add(cat.by_subcode.get(t.subcode, ()), NAMED_ROLE, "subcode")
            if not out:
                add(cat.by_code.get(t.subcode, ()), LOOSE, "code")
            return list(out.values())
        n = t.code if t.code is not None else t.number
        for e in cat.by_code.get(n, ()):
            add((e,), NAMED_ROLE if e.subcode is None else CODE_OF_PAIR, "code")
            if e.subcode is not None:
                out[id(e)].partial = True
        add(cat.by_subcode.get(n, ()), NAMED_ROLE if t.role == "any" else LOOSE, "subcode")
        # A row whose event reaches people with this status too (Entry.reported_as): the
        # gateway's 504 for the bot that did not answer in time is the bot's 502.
        reported = cat.by_reported.get(n, ())
        if reported:
            own = {c.entry.source for c in out.values()}  # a product's own row of the status comes first
            add([e for e in reported if e.source not in own
                 and not any(phrase_positions(words, tuple(words_of(w))) for w in e.reported_not_with)],
                LOOSE, "the status it is reported as")
        return list(out.values())

    def _known_pairs(self, targets: tuple[Target, ...]) -> list[Target]:
        """'480 10077' written side by side is code 480 / subcode 10077 when that row exists."""
        out: list[Target] = []
        i = 0
        while i < len(targets):
            a = targets[i]
            b = targets[i + 1] if i + 1 < len(targets) else None
            if b is not None and a.role in ("any", "code", "http") and b.role in ("any", "subcode"):
                code = a.code if a.code is not None else a.number
                sub = b.subcode if b.subcode is not None else b.number
                if (code, sub) in self.catalog.by_pair:
                    out.append(Target(start=a.start, code=code, subcode=sub, role="pair", explicit=True))
                    i += 2
                    continue
            if b is not None and a.role == "any" and a.number is not None and b.role == "http" and b.code is not None \
                    and (b.code, a.number) in self.catalog.by_pair:
                # ... and so is a subcode followed by its status: "8522 (404)", "Fehler 8522 nicht gefunden"
                out.append(Target(start=a.start, code=b.code, subcode=a.number, role="pair", explicit=True))
                i += 2
                continue
            out.append(a)
            i += 1
        return out

    def _drop_generic_twins(self, cands: list[_Candidate]) -> list[_Candidate]:
        """A generic subcode row (no code) gives way to the same source's row with a code."""
        coded = {(c.entry.source, c.entry.subcode) for c in cands if c.entry.code is not None and c.entry.subcode is not None}
        return [c for c in cands if not (c.entry.code is None and (c.entry.source, c.entry.subcode) in coded)]

    def _rank(self, cands, hits: SignalHits, context: str | None, qwords) -> list[_Candidate]:
        any_signal = bool(hits.strength or hits.weak)
        fits = {}
        if qwords is not None and qwords.total > 0:
            fits = {id(c): self.text.score(self.position[id(c.entry)], qwords) for c in cands}
        # How well the words fit the plain rows of each code, in any product.
        plain_fit: dict[int | None, float] = {}
        for c in cands:
            if not c.partial:
                plain_fit[c.entry.code] = max(plain_fit.get(c.entry.code, 0.0), fits.get(id(c), 0.0))
        for c in cands:
            e = c.entry
            c.score += hits.boost(e.source)
            if context and not any_signal and e.source == context:
                c.score += CONTEXT_BOOST
            fit = c.fit = fits.get(id(c), 0.0)
            c.score += TEXT_BOOST * fit
            if c.partial:
                # "call automation 405 missing configuration": the words name the
                # subcode row better than the plain 405 row, so they may lift it.
                c.score += PARTIAL_TEXT_BOOST * max(0.0, fit - plain_fit.get(e.code, 0.0))
            if e.code is not None and e.subcode is not None:
                c.score += 0.01
        cands.sort(key=lambda c: (-c.score, self.position[id(c.entry)]))
        return cands

    def _near_numbers(self, n: int, limit: int | None = MAX_CANDIDATES) -> list[Entry]:
        """Entries whose number is one keystroke from n: suggestions for a miss, never answers."""
        s = str(n)
        out: list[Entry] = []
        same_length = self.numbers_by_length.get(len(s), ())
        for cand, _, _ in process.extract(s, same_length, scorer=Levenshtein.distance, score_cutoff=1, limit=None):
            v = int(cand)
            out.extend(self.catalog.by_subcode.get(v, ()) or self.catalog.by_code.get(v, ()))
        return out[:limit]

    def _outranked(self, hits: SignalHits, sources: set[str]) -> bool:
        """The question names another product, clearly more than any that has this HTTP status.

        "ACS CallClient error ... status code 200": the Calling SDK is named twice over,
        and only the SMS API has a 200 row, which the shared word "ACS" alone reaches.
        """
        top = max(hits.strength.values(), default=0.0)
        here = max((hits.strength.get(s, 0.0) for s in sources), default=0.0)
        if top < 1.0 or top - here < 1.0:
            return False
        leaders = {self.family[s] for s in hits.strongest(set(hits.strength))}
        return not leaders & {self.family[s] for s in sources}

    def _slip_in_named(self, n: int, hits: SignalHits, sources: set[str]) -> bool:
        """A number only another family has, one keystroke from a number of the product named.

        "sms 5003" or "DeliveryStatusDetails 5003": SMS has 5000-5002 and only the
        call end codes have a 5003, so the user slipped in SMS rather than asking
        about calls. Within a family (a PSTN code asked about as a call end code)
        the other source's number is the answer, and so it is when the product
        named has nothing near (a bot "returning" call end subcode 3112).
        """
        named = hits.strongest(set(hits.strength))
        families = {self.family[s] for s in sources}
        if not named or any(self.family[s] in families for s in named):
            return False
        return any(e.source in named for e in self._near_numbers(n, limit=None))

    def _class_hint(self, numbers: list[int]) -> str | None:
        for n in numbers:
            if 100 <= n <= 699:
                d = n // 100
                e = self.class_entries.get(d)
                return f"{d}xx: {e.message}" if e else None
        return None

    def _string_targets(self, p: ParsedQuestion, hits: SignalHits) -> list[Entry]:
        """Entries of the string codes the question names ("validation_error", "duplicate")."""
        found: list[str] = []
        for w in p.string_words:
            if w in self.catalog.by_string_code:
                found.append(w)
        for w in dict.fromkeys(p.words):  # a paste repeats its words
            w = w.strip("'’-")
            if w in self.catalog.by_string_code and w not in found:
                entries = self.catalog.by_string_code[w]
                # A plain English word ("duplicate") counts only with its product in view.
                if "_" in w or any(hits.strength.get(e.source) for e in entries) or "code" in p.words:
                    found.append(w)
        return [e for w in found for e in self.catalog.by_string_code[w]]

    # ---- the decision -----------------------------------------------

    def explain(self, question: str, context: str | None = None) -> Decision:
        """The decision on one question; context is the product of the conversation's last answer.

        Context only ever picks between rows the question leaves open, and never for a
        question that names a product or for a paste. When it did pick, the decision says
        so (context_decided) and carries the other products' rows (others), so the reply
        can show its assumption and offer the alternatives in one tap.
        """
        question = question if isinstance(question, str) else str(question)
        if context is not None and context not in self.catalog.sources:
            context = None
        paste = _is_paste(question)
        if paste:
            context = None
        product_named: list[bool] = []
        decision = self._explain(question, context, product_named)
        # _rank and _by_text weigh a context only when _explain read the question through
        # and found no product named; otherwise the last product could change nothing.
        steers = product_named == [False]
        if paste or not steers:
            # Whatever the last product, the same decision (see Decision.context_matters);
            # asking again without the context would only repeat it.
            return decision.changed(context_matters=False)
        if context is None or decision.status != "answer" or decision.matches[0].entry.source != context:
            return decision
        alone = self._explain(question, None)
        if alone.status == "answer" and alone.matches[0].entry.identity == decision.matches[0].entry.identity:
            return decision
        others = tuple(m for m in alone.matches if m.entry.source != context) if alone.status == "ambiguous" else ()
        return decision.changed(context_decided=context, others=others)

    def _explain(self, question: str, context: str | None, product_named: list[bool] | None = None) -> Decision:
        """The decision; `product_named`, when given, is told whether a product was named (then context weighs nothing)."""
        truncated = None
        if len(question) > MAX_QUESTION_CHARS:
            question, truncated = question[:MAX_QUESTION_CHARS], MAX_QUESTION_CHARS
        p = parse(question, self.lex)
        if self.status_titles and any(t.code in self.status_titles for t in p.targets):
            p = self._titles_are_no_statuses(p)
        shape = distinct_lines(question)  # a long log's words, one line shape each
        words = words_of(shape)
        hits = self.signals.detect(words, p.text)
        # Where the code failed ("line 503 of bot.py") says nothing of which error it was: its
        # words are read neither as the error's words nor as a product named for them. A file
        # or package in it may still name the product of a number the question names
        # ("line 503 of bot.py: 401", ".../node_modules/botbuilder/lib/...js:413:46").
        said = without_source_positions(shape, self.lex)
        said_hits = hits if said is shape else self.signals.detect(words_of(said), p.text)
        # The error of a tool or service around ours (a publish, IIS, a language service's key)
        # is that component's, whichever of our products the story names (component_errors.py).
        foreign = self.components.recognise(p.text, words)
        # The Bot Connector's and Direct Line's own codes ("BadArgument") name the Bot Service as a
        # product word would: a platform named beside them (only_alone) is where the bot runs.
        codes = self.connector.find(shape) if self.connector.may_hold(p.text) else ()
        theirs_said: list[str] = []
        if foreign is None:
            named = hits.names_a_product or any(h.names_product for h in codes)
            foreign = self.foreign.recognise(p.text, words, product_named=named, cased=shape, theirs_said=theirs_said)
            if foreign is not None and (self._our_code_in_our_words(foreign, p, hits, words)
                                        or self._our_title_quoted(foreign, question, words)
                                        or self._our_error_body(p)):
                foreign = None
        if foreign is not None:
            # Another product's error: its numbers fitting our rows is a coincidence.
            return Decision(question, "none", (), truncated_at=truncated, foreign_product=foreign)
        if theirs_said:
            # A question about ours that quotes another product's status ("Twilio returns 21610;
            # what does ACS return for opt-outs?"): that number is no code of ours to look up.
            asked = _without_numbers(question, theirs_said)
            if asked != question:
                decision = self._explain(asked, context, product_named)
                return decision.changed(query=question, truncated_at=truncated)
        if not hits.names_a_product:
            host = self.foreign.unknown_host(p.text, local=not (hits.strength or hits.weak))
            if host is not None:
                # No product of ours named, and the error came from someone else's address.
                return Decision(question, "none", (), truncated_at=truncated, foreign_product=host)
        # A sign that is itself one of our names ("azure-communication-calling 1.22") is no sign.
        # A long log is read one line shape each, like the product words: its lines repeat.
        evidence = [e for e in self.evidence.find(shape, p.text if shape is question else fold(shape))
                    if not self.foreign.names_ours(fold(e.name), words_of(e.name))]
        if evidence and any(e.kind in self.evidence.our_words_outside for e in evidence):
            evidence = [e for e in evidence if e.kind not in self.evidence.our_words_outside
                        or not self._our_app_or_words_beside(shape, e)]
        if evidence and self.evidence.inside_our_app and any(e.kind in self.evidence.inside_our_app for e in evidence) \
                and self.foreign.names_our_app(words):
            # "ingesting docs for our RAG chat: AI Search returns 403": the app's own step
            evidence = [e for e in evidence if e.kind not in self.evidence.inside_our_app]
        if evidence and self.evidence.outweighs(evidence, hits.names_a_product) \
                and (self.evidence.produced_elsewhere(evidence) or not self._names_ours_outside(shape, evidence, p.text, words)) \
                and not self._names_our_pair(p.targets):
            # Signs of another product's name, package or address outweigh our product words;
            # a sign of the service that produced the error, our names too.
            return Decision(question, "none", (), truncated_at=truncated, foreign_product=evidence[0].name)
        # String codes point at their product, like product words do.
        strings = self._string_targets(p, hits)
        if strings:
            named = {e.source: STRING_CODE_STRENGTH for e in strings}
            hits, said_hits = _at_least(hits, named), _at_least(said_hits, named)
        rest_failure = self.rest_failure is not None and may_match(self.rest_failure_gate, p.text) \
            and bool(self.rest_failure.search(p.text))
        if rest_failure:
            hits, said_hits = self._with_rest_statuses(hits), self._with_rest_statuses(said_hits)
        # Connector and Direct Line codes ("BotNotInConversationRoster") stand for their HTTP
        # status; the bot connector's own codes name the Bot Service as a product word would.
        targets = p.targets
        if codes:
            if any(h.names_product for h in codes):
                # The error's own code outweighs any product the story around it names ("conversation
                # id" is Omnichannel's too; a bot may also use ACS chat threads).
                top = max(hits.strength.values(), default=0.0)
                named = {self.connector.product: max(CONNECTOR_CODE_STRENGTH, top + 1.0)}
                hits, said_hits = _at_least(hits, named), _at_least(said_hits, named)
            # ... only where the status itself is not given: "<BotError> ... status code
            # InternalServerError" is about that 500.
            # A status that is the Direct Line's own choice (TokenExpired: 403) holds only
            # where no other product of ours is named ("ACS chat TokenExpired" is no 403).
            others = hits.strongest(set(self.catalog.sources)) - {self.connector.product}
            if not any(_is_status(t) for t in targets):
                extra = [Target(start=h.start, code=h.status, role="http", explicit=True)
                         for h in codes if h.status is not None and not (h.own_status and others)]
                targets = tuple(sorted((*targets, *_unique_status(extra)), key=lambda t: t.start))
        if product_named is not None:
            product_named.append(bool(hits.strength or hits.weak))  # a kind of product named is not the last one's
        plain = without_frames(shape)  # frames first: "at f (bot.js:3:1)" is a frame by its brackets
        if said is not shape:
            plain = without_source_positions(plain, self.lex)
        focus = error_text(plain)  # a long post's error lines, when it has a story around them
        said_text = focus or plain
        if self.negated is not None and may_match(self.negated_gate, said_text):
            said_text = self.negated.sub(" ", said_text)
        text_words = tokens(said_text, self.lex.stopwords)
        if self.text.unspaced_words is not None and UNSPACED_CHAR.search(said_text):
            text_words = self.text.with_words_in_runs(text_words)  # "麦克风无法取消静音": its words
        qwords = self.text.query_words(text_words) if text_words else None
        said_hits = self._with_tips(said_hits)  # the words' matching only: no number has a tip
        if qwords is not None and said_hits.word_sources:
            qwords = qwords.with_products({stem(w): s for w, s in said_hits.word_sources.items()})

        answers: list[Match] = []
        ambiguous: list[list[_Candidate]] = []
        missed: list[int] = []  # numbers named that the catalog does not have
        # ... and whether one was named as a code ("subcode 3114"), or a kind of code no source has
        missed_named = bool(p.foreign_codes or p.not_had)
        # ... and whether anything but an accepted action was missed: "playAudio returns 202 but the caller
        # hears nothing" got 202 Accepted, the action's outcome still to come; a tip (how a call's actions
        # are set up) may explain why it then did nothing. A done success (200, 201) says nothing failed.
        missed_failure = missed_named
        near_misses: list[Entry] = []  # the number, but in another product than the one named
        worded: list[Match] = []  # answers to a status named only by its reason phrase
        # Codes named with a subcode we do not have ("code: 403, subcode: 10124"): the same code
        # repeated alone ("ResultCode": 403) asks nothing new, so no other subcode's row answers it.
        known = self._known_pairs(targets)
        unknown_pairs = {t.code for t in known if t.role == "pair"
                         and (t.code, t.subcode) not in self.catalog.by_pair and t.subcode not in self.catalog.by_subcode}
        for t in known:
            answered_before = len(answers)
            number = t.named_number
            if number == 0 and t.role == "any" and not t.explicit:
                # A zero on its own is a count or an empty value ("already live (0) null", "0 results"):
                # our zeros are named as a code or subcode, or beside their pair ("603 0", "0/0").
                continue
            cands = self._drop_generic_twins(self._numeric_candidates(t, words))
            sources = {c.entry.source for c in cands}
            named = hits.strongest(sources)
            status_like = t.role != "subcode" and t.subcode is None and 100 <= number <= 599
            if rest_failure and status_like and named:
                named = self._rest_status_rows(named, cands)
            if status_like and len(named) > 1:
                named = self._holder_of_tie(named, cands)
            if cands and ((status_like and self._outranked(hits, sources)) or (not named and hits.names_a_product and (
                len(sources) > 1 or (t.role != "pair" and self._slip_in_named(number, hits, sources))
            ))):
                # "chat sdk 404": the product named has no such code; other
                # products' 404s are suggestions, never the answer. So is
                # "sms 5003" (see _slip_in_named).
                near_misses.extend(c.entry for c in self._rank(cands, hits, context, qwords))
                cands = []
            elif cands and status_like and hits.weak and not hits.strength:
                # "kick chat: 401", "EmbeddedChat component ... 401": the question says a chat,
                # not whose. Every product has an HTTP status; ours are offered, not claimed,
                # the chat's rows first.
                guess = _at_least(hits, {s: 1.0 for s in hits.weak})
                near_misses.extend(c.entry for c in self._rank(cands, guess, context, qwords))
                cands = []
                missed_named = missed_failure = True  # ... nor do the words claim it: only an unmistakable text match
            if not cands:
                missed.append(number)
                # ... and a success the product named has no row for ("calls connect fine (200 OK) but the
                # callee sees 'Unknown'") says nothing failed: no words claim a failure's row either
                missed_named = missed_named or t.explicit or is_success_got(p.text, t, self.lex)
                missed_failure = missed_failure or t.role not in ("http", "any") or number != _ACCEPTED
                continue
            if named:
                # The product named decides first; the ranking only orders its rows.
                cands = [c for c in cands if c.entry.source in named]
            ranked = self._rank(cands, hits, context, qwords)
            if all(c.partial for c in ranked) and ((qwords is not None and ranked[0].fit < PARTIAL_FIT_FLOOR)
                                                  or (t.role != "pair" and number in unknown_pairs)):
                # "callAgent.join ... the conv POST is 403": the Calling SDK has 403 only as the
                # code of 403/43001 (a camera's permission), and nothing of the question fits
                # that row. A bare status is no subcode: its rows are offered, not claimed. Nor
                # is a code repeated beside a subcode of its own that we do not have (unknown_pairs).
                near_misses.extend(c.entry for c in ranked)
                missed.append(number)
                missed_named = missed_failure = True  # ... nor do the words claim another row
                continue
            twin = None
            # two rows clearly ahead of the rest: the words that differ, or the status said, may pick one
            two_ahead = len(ranked) >= 2 and (len(ranked) == 2 or ranked[1].score - ranked[2].score >= DECISIVE_MARGIN)
            if two_ahead and qwords is not None:
                twin = self._twin_decides(ranked[0].entry, ranked[1].entry, qwords)
            if two_ahead and twin is None:
                twin = _status_said(ranked[0].entry, ranked[1].entry, p.text)
            if twin is None and qwords is not None and len(ranked) >= 2:
                twin = self._title_quoted_among(ranked, words)
            if twin is not None:
                best = next(c for c in ranked if c.entry is twin)
                answers.append(Match(best.entry, _norm(best.score), best.why + ", the words that differ"))
            elif len(ranked) == 1 or ranked[0].score - ranked[1].score >= DECISIVE_MARGIN or _words_decide(ranked):
                best = ranked[0]
                answers.append(Match(best.entry, _norm(best.score), best.why))
            else:
                ambiguous.append(ranked)
            if t.worded:
                # "'Bot: service unavailable' / HTTP 502 Bad Gateway": the digits are the error's
                # status; a reason phrase beside them is often only a message's wording.
                worded.extend(answers[answered_before:])
                del answers[answered_before:]
        # ... and the statuses named in digits, the one that says what went wrong before a 500.
        answers = [*_cause_before_500(_unique(answers)), *worded]
        # A string code ("validation_error") explains itself; its HTTP status
        # answers first unless the question named the status itself.
        named_status = any(t.role in ("http", "code") for t in p.targets)
        for e in strings:
            m = Match(e, 1.0, "string code")
            answers.extend((m,) if named_status else self._with_status(m))
        for d in p.classes:
            e = self.class_entries.get(d)
            if e is not None:
                answers.append(Match(e, 0.9, "code class"))

        answers = _specific_first(_unique(answers))
        if len(answers) == 1 and len(known) == 1 and self._message_of_no_row(answers[0].entry, p.text, known[0]):
            # "4001: the service you are attempting to use is not allowed": the message pasted with
            # the number is not our row's, nor any row's; the number is someone else's.
            return Decision(question, "none", (Match(answers[0].entry, 0.0, "suggestion"),), truncated_at=truncated)
        if answers and not any(t.role == "pair" and (t.code, t.subcode) in self.catalog.by_pair
                               for t in self._known_pairs(targets)):
            answers = self._quote_over_number(answers, question, p.targets)
        if answers:
            return Decision(question, "answer", tuple(answers), truncated_at=truncated, context=answers[0].entry.source)
        if ambiguous:
            ranked = ambiguous[0]
            quoted = self._quoted_row(question, hits)
            if quoted is not None and (quoted[0].code is None or any(c.entry is quoted[0] for c in ranked)):
                # rows that share a number: the one whose own words the question quotes; so is a row
                # with no code of its own (a generic subcode), which no number contradicts
                best = next((c for c in ranked if c.entry is quoted[0]), None)
                m = Match(best.entry, _norm(best.score), best.why + ", its words quoted") if best is not None \
                    else Match(quoted[0], 0.9, "its own words quoted")
                return Decision(question, "answer", (m,), truncated_at=truncated, context=m.entry.source)
            top = ranked[0].score
            pool = [c for c in ranked if c.score >= top - 0.25][:MAX_CANDIDATES]
            matches = tuple(Match(c.entry, _norm(c.score), c.why) for c in pool)
            if len({m.entry.identity for m in matches}) >= 2:
                return Decision(question, "ambiguous", matches, truncated_at=truncated)

        # No number decided: the words must. A row's own title or message, quoted, names it
        # before any saying of another row in the story around it.
        quoted = self._quoted_row(question, said_hits)
        if quoted is not None:
            return Decision(question, "answer", self._with_status(Match(quoted[0], 0.9, "its own words quoted")),
                            truncated_at=truncated, context=quoted[0].source)
        # "how do I translate the composite's labels?": documented behaviour, which a concept or a
        # tip may explain ("where do I find the correlation id"), an error of a table never does
        how_to = not p.targets and self._asks_how_to(p.text, words)
        # Then the catalog's own other names for a row,
        # in the product the question names: "Teams bot ... throttling errors" is its 429.
        only_accepted = bool(missed) and not missed_failure
        by_alias = self._by_alias(p.text if said is shape else fold(said), said_hits,
                                  rest_failure) if only_accepted or not (missed or missed_named) else None
        if by_alias is not None and only_accepted and by_alias.kind != "tip":
            by_alias = None  # an action accepted is no failure's row; only a tip explains what it did not do
        if by_alias is not None and how_to and by_alias.kind not in _NOT_ERRORS:
            by_alias = None
        if by_alias is not None:
            return Decision(question, "answer", self._with_status(Match(by_alias, 0.9, "alias")),
                            truncated_at=truncated, context=by_alias.source)
        product_words = {stem(w) for w in said_hits.used_words}
        failures = _quoted_failures(question, self.lex.stopwords)
        # A short quote that is all of the error read, with a word the catalog never uses ("is there
        # an end reason for 'rejected from lobby'?"): the catalog explains part of it at best.
        thin_quote = focus is not None and len(text_words) <= THIN_QUOTE_WORDS and qwords is not None and qwords.unknown_weight > 0
        # A question told in one family's words and none of another's ("outbound calls from our toll-free
        # number") is no text match for the other family's rows (the SMS table's toll-free number).
        # (our own families, not another vendor's "foreign" products)
        other_families = frozenset(f for f, (own, others) in self.lex.told_apart.items()
                                   if not others.isdisjoint(words) and own.isdisjoint(words))
        text = self._by_text(qwords, said_hits, context, strict=missed_named, product_words=product_words,
                             other_families=other_families,
                             failures=failures, thin=thin_quote, how_to=how_to)
        if text is not None:
            status, matches = text
            return Decision(question, status, matches, truncated_at=truncated,
                            context=matches[0].entry.source if status == "answer" else None)
        suggestions: list[Entry] = list(near_misses)
        near = [e for n in missed for e in self._near_numbers(n, limit=None)]
        # Near numbers of the product the question names come first (all of them are
        # looked at: "call ended 4007" has ten SMS neighbours before call end's 4507).
        near.sort(key=lambda e: -hits.strength.get(e.source, 0.0))
        suggestions.extend(near)
        if not suggestions and qwords is not None:
            suggestions = [self.catalog.entries[i] for i, s in self.text.search(qwords, 3) if s >= SUGGESTION_FLOOR]
        sugg = tuple(_unique([Match(e, 0.0, "suggestion") for e in suggestions]))[:MAX_CANDIDATES]
        return Decision(question, "none", sugg, hint=self._class_hint(missed), truncated_at=truncated)

    def _quoted_row(self, question: str, hits: SignalHits | None = None) -> tuple[Entry, Quote] | None:
        """The one row whose own title or message the question quotes (quoted_rows.py), if one.

        Several rows quoted (two messages pasted) decide nothing here. A generic subcode's row
        gives way to the same subcode's row with a code, as among numbers (_drop_generic_twins).
        With `hits`, a product named that is not the row's (nor of its family; for a row that is
        only its name, not the row's own) lets only a long quote through: "No Response From Bot
        On Notification" says "bot" as part of the row's own title.
        """
        quotes = self.quoted.quotes_in(question)
        if not quotes:
            return None
        rows = {i for q in quotes for i in q.rows}
        entries = [self.catalog.entries[i] for i in sorted(rows)]
        if len(entries) > 1:
            coded = {(e.source, e.subcode) for e in entries if e.code is not None and e.subcode is not None}
            entries = [e for e in entries if not (e.code is None and (e.source, e.subcode) in coded)]
        if len(entries) != 1:
            return None
        e = entries[0]
        quote = max(quotes, key=lambda q: q.words)
        if hits is not None and hits.names_a_product and quote.words < QUOTE_PAST_ANOTHER_PRODUCT:
            named = {s for s, v in hits.strength.items() if v > 0}
            if self.title_only[self.position[id(e)]]:
                # a row that is only its name, in its own product (as _by_text claims it): "calling sdk:
                # Invalid Join URL" is no Call Automation subcode
                if e.source not in named:
                    return None
            elif self.family[e.source] not in {self.family[s] for s in named}:
                return None
        return e, quote

    def _quote_over_number(self, answers: list[Match], question: str, targets) -> list[Match]:
        """A number's row, when the question quotes another row's own words: the quoted row first.

        "4001: Message is rejected due to invalid Destination/To number format" quotes SMS's 4002
        word for word; the number is the one typed from memory. The number's row stays second
        when the number is its own ("41016" is a row; "error 400" only opens Call Automation's
        400 rows). A quote whose every word the number's own row holds too ("Code: 8522 Message:
        Call not found") says nothing against the number; one word of the quote that row lacks
        does ("43014: Failed to start video, unsupported stream" quotes 43017: 43014 is an error
        requesting the media stream).
        """
        if len(answers) != 1:
            return answers
        quoted = self._quoted_row(question)
        if quoted is None:
            return answers
        e, quote = quoted
        x = answers[0].entry
        at = self.position[id(x)]
        if e is x or any(at in q.rows for q in self.quoted.quotes_in(question)):
            return answers
        numbers = {t.named_number for t in targets}
        own = (x.subcode if x.subcode is not None else x.code) in numbers
        if own and not set(tokens(quote.text, self.lex.stopwords)) - self.text.entry_tokens[at]:
            return answers
        return [Match(e, answers[0].score, "its own words quoted"), *((answers[0],) if own else ())]

    def _message_of_no_row(self, x: Entry, folded: str, t: Target) -> bool:
        """The number is followed by its message ("4001: <message>", no question) and the message is nothing of
        the number's row, nor quotes another row: no content word of it is in the row's title,
        message, advice or sayings. A message that long (MESSAGE_OF_NO_ROW_WORDS) with nothing in
        common is another system's text for its own number."""
        m = _ATTACHED_MESSAGE.match(folded, t.start)
        if m is None or m.group(2) == "?":
            return False  # "4008: did I exceed my profile's limit?" is a guess, not a message
        said = set(tokens(m.group(1), self.lex.stopwords))
        if len(said) < MESSAGE_OF_NO_ROW_WORDS or len(said - self.text.idf.keys()) * 4 > len(said):
            return False  # ... and words the catalog does not use are another language's, or a story's
        at = self.position[id(x)]
        if said & (self.text.entry_tokens[at] | self.text.advice_tokens[at]):
            return False
        return not self.quoted.quotes_in(m.group(1))

    def _our_title_quoted(self, foreign: str, question: str, words: list[str]) -> bool:
        """Another product's name said only inside the whole title of one of our rows, quoted.

        "RecognizeFailed with Speech Service Connection Error" quotes Call Automation's 8564, whose
        title holds the speech service's name; "Azure Speech: Connection Error" quotes nothing of ours.
        """
        theirs = self._their_name_words(foreign, words)
        if not theirs:
            return False
        return any(q.whole_title and theirs <= set(q.text.split()) for q in self.quoted.quotes_in(question))

    def _asks_how_to(self, folded: str, words: list[str]) -> bool:
        """The question asks how to do something or what is allowed, and names no trouble at all."""
        if self.how_to is None or not self.how_to.search(folded):
            return False
        if "n't" in folded or "n’t" in folded:
            return False
        return not any(w in self.lex.how_to_trouble for w in words)

    def _titles_are_no_statuses(self, p: ParsedQuestion) -> ParsedQuestion:
        """The question without the statuses it names only by quoting a row's title.

        "PSTN call ended with 'User gateway timeout'" quotes the title of PSTN's 408/500001;
        the status name inside it ("gateway timeout") is no 504 of the question's. Written in
        digits a status stays: "User gateway timeout 504" names a 504 too."""
        kept = []
        for t in p.targets:
            titles = self.status_titles.get(t.code, ()) if not p.text[t.start : t.start + 1].isdigit() else ()
            if not any(m.start() <= t.start < m.end() for title in titles for m in title.finditer(p.text)):
                kept.append(t)
        return p if len(kept) == len(p.targets) else replace(p, targets=tuple(kept))

    def _with_tips(self, hits: SignalHits) -> SignalHits:
        """The tips written for a product named (Source.tips_for): just below it.

        Only the words' matching reads this (no number has a tip): "Call Automation rejects my
        callback because it's an http:// address" is the CallbackUri tip's, though it names no
        troubleshooting. The product's own words half-explain its tips, as they do its rows.
        """
        lift: dict[str, float] = {}
        for product, value in hits.strength.items():
            if value >= 1.0 and product in self.tips_of:
                for tips in self.tips_of[product]:
                    lift[tips] = max(lift.get(tips, 0.0), value - JUST_BELOW, NAMED_AT_LEAST)
        if not lift:
            return hits
        lifted = _at_least(hits, lift)
        word_sources = {w: srcs.union(*(self.tips_of[s] for s in srcs if s in self.tips_of))
                        for w, srcs in hits.word_sources.items()}
        return SignalHits(lifted.strength, lifted.used_words, word_sources, lifted.weak)

    def _with_rest_statuses(self, hits: SignalHits) -> SignalHits:
        """A REST call's failure of a product whose statuses another source holds names that source too.

        "ChatThreadClient ... RestError: {"CommunicationError": {"Code": "NotFound"}}": the Chat
        SDK's own table has no 404, the ACS REST API's common codes have it. The holder is named
        just below the product, so the product's own row of a status still comes first
        ("ChatThreadClient ... RestError 403" is the Chat SDK's 403); named itself ("ACS ...
        RestError"), the failure's shape adds to it.
        """
        lift: dict[str, float] = {}
        for holder, products in self.statuses_for.items():
            top = max((hits.strength.get(s, 0.0) for s in products), default=0.0)
            own = hits.strength.get(holder, 0.0)
            if top >= 1.0 or own >= 1.0:
                # just below the product (still named, at the least: hits.strongest's NAMED_AT_LEAST)
                lift[holder] = max(own + REST_FAILURE_ADDS if own >= 1.0 else 0.0, top - JUST_BELOW, NAMED_AT_LEAST if top >= 1.0 else 0.0)
        return _at_least(hits, lift) if lift else hits

    def _our_code_in_our_words(self, foreign: str, p: ParsedQuestion, hits: SignalHits, words: list[str]) -> bool:
        """A code of ours, named as a code in the product named, beside another product's name
        that is a word of that very row.

        'CallMedia play keeps returning {"error": {"code": "7509", "message": "HMAC-SHA256
        validation failed"}}': HMAC is an App Configuration word, and the title of our 7509
        ("Hmac Validation Error"); the message is our row's, quoted with its code. A name of
        theirs our row does not use (Twilio beside 8522), or a mark (a host, a package), still wins.
        """
        if any(m in p.text for m, n in self.foreign.marks if n == foreign):
            return False
        rows: list[Entry] = []
        for t in p.targets:
            if not t.explicit or t.role not in ("code", "subcode", "pair"):
                continue
            n = t.subcode if t.subcode is not None else t.code
            if n is None or n < 1000:
                continue  # statuses are everyone's
            found = [*self.catalog.by_subcode.get(n, ()), *self.catalog.by_code.get(n, ())]
            named = hits.strongest({e.source for e in found})
            rows.extend(e for e in found if e.source in named)
        if not rows:
            return False
        theirs = self._their_name_words(foreign, words)
        return any(theirs & set(words_of(e.title)) for e in rows)

    def _their_name_words(self, foreign: str, words: list[str]) -> set[str]:
        """The words of the other product's names the question writes (foreign_products.toml): read against
        our rows' titles, since a name inside a title we hold ("Speech Service Connection Error") is ours."""
        return {w for k, name in self.foreign.phrases.items() if name == foreign and phrase_positions(words, k) for w in k}

    def _our_error_body(self, p: ParsedQuestion) -> bool:
        """An error body of ours: one of our string codes written as an identifier ("upstream_error")
        given as the body's code, beside the very status our row gives it.

        '{"error": {"message": "Azure OpenAI returned an error", "code": "upstream_error",
        "status_code": 502, ...}}' is the RAG API's own 502 telling of its upstream, however loudly
        the message names the model: another product's body would not carry our code and status.
        """
        statuses = {t.code if t.code is not None else t.number for t in p.targets}
        return any("_" in w and e.http_status in statuses and not e.passed_on
                   for w in p.string_words for e in self.catalog.by_string_code.get(w, ()))

    def _holders(self, named: set[str]) -> set[str]:
        """The sources that hold these products' statuses (Source.statuses_for)."""
        return {h for h, products in self.statuses_for.items() if named & set(products)}

    def _holder_of_tie(self, named: set[str], cands: list[_Candidate]) -> set[str]:
        """Several of our services named alike, with the same status: the source that holds all their
        statuses answers for them.

        "Azure Communication Services now gives me 401 ... for a phone number my resource doesn't
        own": Chat, SMS, Call Automation and the REST API each have a plain 401 and ACS names them
        all; the REST API's common 401 is every ACS service's.
        """
        plain = {c.entry.source for c in cands if c.entry.source in named and not c.partial}
        for holder in plain & self.statuses_for.keys():
            if plain - {holder} and plain - {holder} <= set(self.statuses_for[holder]):
                return {holder}
        return named

    def _rest_status_rows(self, named: set[str], cands: list[_Candidate]) -> set[str]:
        """In a REST call's failure, the status's own row over a number that only opens a code/subcode pair.

        "PhoneNumbersClient ... RestError 404": the PSTN table has 404 only as the SIP code of
        404/560404, a call's end; the failed REST call's 404 is the ACS REST API's row.
        """
        if any(not c.partial for c in cands if c.entry.source in named):
            return named
        holders = self._holders(named)
        plain = {c.entry.source for c in cands if c.entry.source in holders and not c.partial}
        return plain or named

    def _names_our_pair(self, targets: tuple[Target, ...]) -> bool:
        """A code and subcode named together that are one of our rows ("code 410 subcode 3112"),
        or a number named as a subcode that is one of ours ("ParticipantEndSubCode 560480").

        Such a pair, or a subcode, is our tables' own, not a coincidence of numbers: a sign
        that only looks like another product's ("AcmeError", a PBX, a Q.850 cause beside it)
        does not outweigh it. A product named by name (foreign_products.toml) still does.
        """
        return any((t.role == "pair" and (t.code, t.subcode) in self.catalog.by_pair)
                   or (t.role == "subcode" and t.subcode in self.catalog.by_subcode)
                   for t in self._known_pairs(targets))

    def _by_alias(self, folded: str, hits: SignalHits, rest_failure: bool = False) -> Entry | None:
        """The one row of the product named whose alias the question uses, if there is one."""
        if not hits.names_a_product or not self.alias_rows:
            return None
        if "more than" in folded:
            # "once there are more than 6 camera streams": a count past a limit is "too many" of them
            folded = _MORE_THAN.sub("too many", folded)
        if self.filler_pattern is not None:
            folded = self.filler_pattern.sub(" ", folded)
        rows: dict[int, Entry] = {}
        longest: dict[int, int] = {}  # row -> words of the longest of its aliases the question uses
        for said in self.sayings.find(folded):
            key = _alias_key(said, self.fillers)
            n = key.count(" ") + 1
            for e in self.alias_rows.get(key, ()):
                rows[id(e)] = e
                longest[id(e)] = max(longest.get(id(e), 0), n)
        if not rows:
            return None
        if len(rows) > 1:
            # The more specific saying wins: "call throttled, monthly limit reached" is the row
            # whose alias says "monthly limit reached", not the 429 whose alias is "throttled".
            # Only inside one product: another product's row stays for the choice of product below.
            most = max(longest.values())
            top = [e for k, e in rows.items() if longest[k] == most]
            if most > 1 and len(top) == 1:
                rows = {k: e for k, e in rows.items() if e.source != top[0].source or e is top[0]}
        named = hits.strongest({e.source for e in rows.values()})
        # ... and not a product the question names far less than another ("Omnichannel chat SDK:
        # getConversationDetails says Conversation not found" is no bot's 404).
        mine = [e for e in rows.values() if e.source in named and not self._outranked(hits, {e.source})]
        if not mine and rest_failure:
            # A REST call's failure told in words ("PhoneNumbersClient ... RestError: Request limit
            # exceeded"): the product named has no such row, the source holding its statuses has.
            holders = self._holders(named)
            mine = [e for e in rows.values() if e.source in holders]
        return mine[0] if len(mine) == 1 else None

    def _our_app_or_words_beside(self, question: str, e) -> bool:
        """A name the question is about is one of our apps: one of our product words stands
        outside it ("ContosoBot returns 401 when Teams sends it a message"), it is made of our
        words ("TeamsStandupBot"), or it is named for one of our kinds of app ("PizzaOrderBot",
        "quizmaster-bot", "Pizzabot": its last word, past a version, is a product word of ours or
        ends like one, foreign_evidence.toml [subject]). A platform's word as the last ("prom2teams",
        [subject] platform_heads) or one word of ours inside another's name is no sign:
        "teams-alert-forwarder"."""
        a, b = e.span
        b = self._past_name_part(question, b)
        if self.signals.detect(self.foreign.without_their_names(words_of(f"{question[:a]} {question[b:]}"))).names_a_product:
            return True
        parts = words_of(e.name)
        while parts and _VERSION_PART.match(parts[-1]):
            parts.pop()  # "Ops-bot-v2" is a bot
        if not parts or sum(self.signals.detect(parts).strength.values()) >= 2.0:
            return True  # made of our words: "CommunicationIdentityClient.revokeTokens", "TeamsStandupBot"
        if parts[-1] in self.evidence.platform_heads:
            return False
        if parts[-1].endswith(self.evidence.own_app_endings):
            return True  # "Pizzabot": a bot of one's own, named as one word
        head = self.signals.detect(parts[-1:])
        return head.names_a_product or bool(head.weak)  # "ContosoBot"; "EmbeddedChat" is a kind of chat

    def _past_name_part(self, question: str, end: int) -> int:
        """Where a name ends once the kind of thing written right after it is counted in: "Gramps
        Web chat endpoint returns 429" is that app's endpoint, though "chat endpoint" alone is the
        RAG API's phrase ([subject] name_parts). "our RAG chat endpoint" names ours before it."""
        rest = fold(question[end:end + 40]).lstrip()
        for part in self.evidence.name_parts:
            if rest.startswith(part) and not rest[len(part):len(part) + 1].isalnum():
                return len(question) - len(question[end:].lstrip()) + len(part)
        return end

    def _names_ours_outside(self, question: str, evidence, folded: str, words) -> bool:
        """One of our names, hosts or packages, outside the other product's own identifiers."""
        spans = [(e.span[0], self._past_name_part(question, e.span[1])) for e in evidence if e.span[1] > e.span[0]]
        if spans:
            chars = list(question)
            for a, b in spans:
                chars[a:b] = " " * (b - a)
            folded = fold("".join(chars))
            words = words_of(folded)
        return self.foreign.names_ours(folded, words)

    def _twin_decides(self, a: Entry, b: Entry, qwords) -> Entry | None:
        """Between two near-twin rows, the words that differ decide.

        "call agent for this ACS Id already exists" fits the CallAgent row and the
        TeamsCallAgent row alike; the second says "Teams" and the question does not.
        Rows are twins when most of their title words are shared. A word of one row
        that only repeats inside a word of the other ("callagent" in "teamscallagent")
        is not a difference. The row whose own words the question uses wins; if it
        uses neither's, the row that adds nothing over the other (the plain one) wins.
        """
        ta = self.text.title_tokens[self.position[id(a)]]
        tb = self.text.title_tokens[self.position[id(b)]]
        if not ta or not tb or len(ta & tb) / len(ta | tb) < TWIN_OVERLAP:
            return None
        da = {t for t in ta - tb if not any(t in u for u in tb)}
        db = {t for t in tb - ta if not any(t in u for u in ta)}
        asked = qwords.named  # the question's words, and those its words of another language stand for ("拒否")
        hit_a, hit_b = bool(da & asked), bool(db & asked)
        if hit_a != hit_b:
            return a if hit_a else b
        if not hit_a and bool(da) != bool(db):
            return b if da else a
        return None

    def _title_quoted(self, at: int, qwords) -> bool:
        """A long post that names the row's title ("initial silence timeout"):
        the story around it dilutes the word fit, not the title it quotes."""
        title = self.text.title_tokens[at]
        quoted = len(title & qwords.weights.keys())
        return quoted >= 3 and quoted / len(title) >= TITLE_QUOTED

    def _title_quoted_among(self, ranked: list[_Candidate], words: list[str]) -> Entry | None:
        """Of a number's rows, the one whose whole title the question writes out, word for word
        ("got 400 'action not supported, call terminated'"): the words a reader copied from the page.
        The longest such title wins (its twin "... Call Not Established" is not written out). Only
        rows of their own (with a subcode): a status's own row is titled by its reason phrase, which
        any server's page quotes ("413 Request Entity Too Large")."""
        best, size, tie = None, 0, False
        for c in ranked[:MAX_CANDIDATES]:
            if c.entry.subcode is None:
                continue
            title = tuple(words_of(c.entry.title))
            if len(title) < 3 or len(title) < size or not phrase_positions(words, title):
                continue
            tie = len(title) == size
            best, size = c.entry, len(title)
        return None if tie else best

    def _with_status(self, m: Match) -> tuple[Match, ...]:
        """A string code's text ("File already processed") is answered like the code itself:
        its HTTP status row first, then the string code."""
        e = m.entry
        if e.string_code and e.http_status is not None:
            status = self.catalog.get(e.source, e.http_status, None)
            if status is not None:
                return (Match(status, m.score, "string code's HTTP status"), m)
        return (m,)

    def _another_failure(self, at: int, failures: list[tuple[str, ...]]) -> bool:
        """This row's failure message is about another action than every one the question quotes:
        its verb is not the quoted one's, or nothing else of the action is (create CallAgent / create view)."""
        action = self.failed_actions.get(at)
        if not action:
            return False
        verb, rest = action[0], set(action[1:])
        return not any(verb in q and (not rest or rest & set(q)) for q in failures)

    def _by_text(self, qwords, hits: SignalHits, context: str | None, strict: bool, product_words=frozenset(),
                 failures: list[tuple[str, ...]] = (), thin: bool = False, other_families=frozenset(),
                 how_to: bool = False):
        # Product words say which product, not which error: "bot returns 451"
        # must not become a text match on every bot entry.
        content = {t for t in (qwords.weights if qwords else ()) if t not in product_words}
        if not content:
            return None
        found = self.text.search(qwords, 24)
        if found and failures:
            # 'CallingCommunicationError: Failed to create local video stream, ...': the message
            # quoted fails at an action; a row that fails at another one ("Failed to start video")
            # is not it, however many words they share.
            found = [(i, s) for i, s in found if not self._another_failure(i, failures)]
        if found and other_families:
            found = [(i, s) for i, s in found if self.family[self.catalog.entries[i].source] not in other_families]
        if found and hits.names_a_product:
            # A row that is only its own name ("Invalid Join Meeting ID", no explanation beside it)
            # is claimed by words only in its product, or where no product is named: "Calling SDK
            # ... Can't join call because invalid teams meeting link" is no Call Automation subcode.
            found = [(i, s) for i, s in found if not (self.title_only[i] and not hits.strength.get(self.catalog.entries[i].source))]
        if not found:
            return None
        any_signal = bool(hits.strength or hits.weak)
        scored = []
        for i, s in found:
            e = self.catalog.entries[i]
            bonus = 0.5 * hits.boost(e.source)
            if context and not any_signal and e.source == context:
                bonus += 0.05
            scored.append((s + bonus, s, e))
        scored.sort(key=lambda x: (-x[0], self.position[id(x[2])]))
        if len(scored) >= 2:
            # Near twins at the top: the words that differ pick one, and the other stops competing.
            twin = self._twin_decides(scored[0][2], scored[1][2], qwords)
            if twin is not None:
                scored = [scored[0] if twin is scored[0][2] else scored[1], *scored[2:]]
        best_total, best_raw, best = scored[0]
        if how_to and best.kind not in _NOT_ERRORS:
            return None  # a how-to question's words fit an error best: no error row is its answer
        at = self.position[id(best)]
        if not content & (self.text.entry_tokens[at] | self.text.advice_tokens[at]):
            return None
        # A success ("201 Created") is no rival for an error told in words: "creates a room ...
        # can't join" shares a word with it, not a meaning. It can still be the answer itself.
        second = next((x[0] for x in scored[1:] if not _is_success(x[2])), 0.0)
        lead = best_total - second
        if best_raw < TEXT_AMBIGUOUS and not (
            best_raw >= TEXT_ANSWER_NAMED and not strict and hits.boost(best.source) and lead >= TEXT_CLEAR_LEAD
        ) and not (
            not strict and hits.boost(best.source) and lead >= TEXT_CLEAR_LEAD and self._title_quoted(at, qwords)
        ):
            return None
        if strict:
            # A code was named and we do not have it: only an unmistakable text match may answer.
            if best_raw >= TEXT_ANSWER_AFTER_MISS and lead >= TEXT_MARGIN:
                return "answer", self._with_status(Match(best, min(best_total, 1.0), "text"))
            return None
        if (best_raw >= TEXT_ANSWER and lead >= TEXT_MARGIN) or (lead >= TEXT_CLEAR_LEAD and not thin):
            return "answer", self._with_status(Match(best, min(best_total, 1.0), "text"))
        pool = [x for x in scored if best_total - x[0] < 0.15][:MAX_CANDIDATES]
        if len(pool) >= 2:
            return "ambiguous", tuple(Match(e, min(t, 1.0), "text") for t, _, e in pool)
        return None


_NOT_ERRORS = frozenset({"concept", "tip"})  # the rows that explain how things are, not what went wrong

# An SDK's failure message: "Failed to <action>[, <reason>]". Quoted in a question it is written
# as the SDK writes it, with its capital ('Error: Failed to create view, ...'); "the call failed
# to connect" is a story.
_FAILED_TO = re.compile(r"Failed to ([^,.;:()\n]+)")
_FAILED_TO_QUOTED = re.compile(r"(?<![\w-])Failed to ([^,.;:()\n\"'=]+)")
# ... and the same failure worded as other SDKs and apps word it: "Error starting live streaming: ...",
# "Error while creating the view", "Can't join call because ...": the action it failed at.
_FAILED_OTHERWISE = re.compile(r"(?:Error (?:while |when )?([a-z]+ing [^,.;:()\n\"'=]+)|Can(?:'|no)t ([a-z]+ [^,.;:()\n\"'=]+?) because)")


def _action_stems(action: str, stop: frozenset[str]) -> tuple[str, ...]:
    """'create local video stream' -> ('creat', 'local', 'video', 'stream'); 'createView' is 'create view'."""
    return tuple(stem(w) for w in words_of(action) if w not in stop)


def _quoted_failures(question: str, stop: frozenset[str]) -> list[tuple[str, ...]]:
    """The actions the failures quoted in the question failed at, as stems (_action_stems), for
    _by_text to set aside the rows that fail at another one (Matcher._another_failure)."""
    failures = [_action_stems(m.group(1), stop) for m in _FAILED_TO_QUOTED.finditer(question)]
    if "Error " in question or "Can't" in question or "Cannot" in question:  # (cheaper than the scan)
        failures += [_action_stems(m.group(1) or m.group(2), stop) for m in _FAILED_OTHERWISE.finditer(question)]
    return failures


def _at_least(hits: SignalHits, strength: dict[str, float]) -> SignalHits:
    """These hits with these sources named at least this strongly."""
    merged = dict(hits.strength)
    for source, value in strength.items():
        merged[source] = max(merged.get(source, 0.0), value)
    return SignalHits(merged, hits.used_words, hits.word_sources, hits.weak)


# An application's number (not a status: those are everyone's) and the message written after it:
# "4001: the service you are attempting to use is not allowed".
_ATTACHED_MESSAGE = re.compile(r"\d{4,}:\s*([^.!?\n]+)([.!?]?)")

_MORE_THAN = re.compile(r"\bmore than \d+(?![\d.])")


def _alias_key(text: str, fillers: frozenset[str] = frozenset()) -> str:
    """An alias, or the words that matched one, as the stems of its words (its filler words left out)."""
    return " ".join(stem(w) for w in re.findall(r"[^\W_]+", fold(text)) if w not in fillers)


def _status_said(a: Entry, b: Entry, folded: str) -> Entry | None:
    """One subcode listed under two statuses: the status the message says in words decides.

    "Code: 8522 Message: Call not found": Call Automation lists 8522 under 404 (resource not
    found) and under 405 (missing configuration); "not found" is the 404's reason phrase.
    """
    if a.subcode is None or a.subcode != b.subcode or a.code == b.code:
        return None
    said = [e for e in (a, b) if e.code in _HTTP_STATUSES and re.search(
        r"(?<![^\W_])" + r"[\W_]*".join(map(re.escape, fold(HTTPStatus(e.code).phrase).split())) + r"(?![^\W_])", folded)]
    return said[0] if len(said) == 1 else None


def _without_numbers(question: str, numbers: list[str]) -> str:
    """The question with these numbers (standing alone, not inside a longer one) blanked out."""
    for n in dict.fromkeys(numbers):
        question = re.sub(rf"(?<![\w.]){n}(?![\w.])", " " * len(n), question)
    return question


def _is_success(e: Entry) -> bool:
    """A row that explains a success status (2xx), not an error."""
    return e.http_status is not None and 200 <= e.http_status <= 299 and e.code == e.http_status


def _catalog_words(catalog) -> frozenset[str]:
    """Every word our catalog uses, in its entries and its product signals: not a foreign name."""
    texts: set[str] = set()  # each text once: rows share sections, advice and sayings
    for src in catalog.sources.values():
        texts.update((src.id, src.product, src.short_name or "", src.document, *src.signals))
    for e in catalog.entries:
        texts.update((e.section, e.title, e.message, e.advice, e.note or "", e.string_code or "", e.key or "",
                      *e.aliases, *e.story_words))
    out: set[str] = set()
    for text in texts:
        out.update(words_of(text))
    return frozenset(out)


_VERSION_PART = re.compile(r"^(?:v?\d+|beta|alpha|dev|prod|test)$")


def _is_paste(question: str) -> bool:
    """A pasted log, payload or stack trace rather than a typed question: context never steers it."""
    q = question.strip()
    return "\n" in q or len(q) > 240 or bool(_PASTE_MARK.search(q))


_PASTE_MARK = re.compile(r"[{\[]\s*[\"']?\w+[\"']?\s*:|\w+=\S+\s+\w+=\S+|\bat\s+[\w.$<>]+\(")


_HTTP_STATUSES = frozenset(int(s) for s in HTTPStatus)
_ACCEPTED = 202  # an action taken up, its outcome reported later (Call Automation's play, transfer, recognize)


def _is_status(t: Target) -> bool:
    """A target that names an HTTP status (or a number that may be one).

    Only the registry's statuses count: "errorCode 209, errorSubCode 1" beside a
    connector code are Teams' own numbers, not the status the code comes with.
    """
    n = t.code if t.code is not None else t.number
    return t.role in ("http", "code", "any") and t.subcode is None and n in _HTTP_STATUSES


def _unique_status(targets: list[Target]) -> list[Target]:
    """One target per status: "BadArgument ... BadSyntax" asks about 400 once."""
    seen: set[int | None] = set()
    out = []
    for t in targets:
        if t.code not in seen:
            seen.add(t.code)
            out.append(t)
    return out


def _norm(score: float) -> float:
    """A numeric match's score on 0..1: code and subcode both named is 1."""
    return round(min(score / PAIR, 1.0), 3)


def _specific_first(matches: list[Match]) -> list[Match]:
    """A pasted body with both "status": 404 and "errorCode": 30013 is about 30013:
    an application code goes before the HTTP status row it maps to."""
    statuses = {(m.entry.source, m.entry.http_status) for m in matches
                if m.entry.http_status is not None and m.entry.code not in (None, m.entry.http_status)}
    generic = [m for m in matches if m.entry.subcode is None and (m.entry.source, m.entry.code) in statuses]
    rest = [m for m in matches if m not in generic]
    # "401 with subcode 8565", a pair the catalog does not have: the subcode's row says more
    # than the status's, so it comes first.
    rest.sort(key=lambda m: m.entry.subcode is None)
    return rest + generic


def _cause_before_500(matches: list[Match]) -> list[Match]:
    """A 500 is what a server says when something else went wrong: beside another error status of
    the same product, that status says what, and comes first.

    "document Q&A backend: HTTP 500 in the UI, log says ... Status: 429 (Too Many Requests)" is the
    429; "returns a generic 500 when the body has no question field; shouldn't that be a 422?" asks
    about the 422. The 500 stays among the answers. Only statuses named in digits count: a reason
    phrase inside a message ("invalid status 'Unauthorized'") is often a dependency's wording.
    """
    if len(matches) < 2 or not _is_plain(matches[0].entry, 500):
        return matches
    source = matches[0].entry.source
    if not any(m.entry.source == source and m.entry.subcode is None and m.entry.http_status is not None
               and m.entry.http_status >= 400 and m.entry.http_status != 500 for m in matches[1:]):
        return matches
    return [*matches[1:], matches[0]]


def _is_plain(e: Entry, status: int) -> bool:
    """The product's own row of this HTTP status, no subcode."""
    return e.code == status and e.subcode is None and e.http_status == status


def _words_decide(ranked: list[_Candidate]) -> bool:
    """Two sources' rows with the very same numbers: the words are all that tells them apart.

    "510403 spam blocked": call end's 510403 is the spam block, PSTN's is a missing
    alternate id. When nothing else separates the rows (same code and subcode, no
    product named), a clearly better fit of the words decides, where it would only
    nudge the score of rows the numbers already tell apart.
    """
    a, b = ranked[0], ranked[1]
    same_numbers = (a.entry.code, a.entry.subcode) == (b.entry.code, b.entry.subcode)
    return same_numbers and a.score > b.score and a.fit - b.fit >= WORDS_DECIDE_TWINS


def _unique(matches: list[Match]) -> list[Match]:
    seen = set()
    out = []
    for m in matches:
        if m.entry.identity in seen:
            continue
        seen.add(m.entry.identity)
        out.append(m)
    return out
