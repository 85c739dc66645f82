"""What the matcher hands to the cards and the command line.

A decision is the whole verdict on one question: whether we can answer it,
with which entries, and how sure we are. Cards and the CLI render it; they do
not second-guess it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .schema import Entry

Status = Literal["answer", "ambiguous", "none"]


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float  # 0..1, higher is better
    why: str = ""  # short reason, e.g. "code and subcode", "text"


@dataclass(frozen=True)
class Decision:
    query: str
    status: Status
    # answer: the answers, best first (one per named code);
    # ambiguous: the candidates to choose from, best first;
    # none: suggestions only, never to be shown as the answer.
    matches: tuple[Match, ...] = ()
    # For 'none': a general meaning we can still offer, e.g. "4xx = client error".
    hint: str | None = None
    # The question was cut to this many characters before matching (None: not cut).
    truncated_at: int | None = None
    # The source of the best answer, kept by the bot for follow-up questions.
    context: str | None = field(default=None)
    # Set only when the conversation's previous product picked this answer among rows
    # that would otherwise have been ambiguous: the source id it chose. Cards say so
    # ("Assuming Calling, from your last question") so the user is never steered silently.
    context_decided: str | None = None
    # With context_decided: the other products' rows for the same question, one tap each.
    others: tuple[Match, ...] = ()
    # For 'none': the product outside this catalog the question names (e.g. "Twilio"),
    # so the reply can say what it looks like and what the bot does cover.
    foreign_product: str | None = None
    # False when no conversation's last product could change this decision: the question
    # names a product, is a paste, or is another product's error. The bot then need not
    # fetch the conversation's state to answer (only to remember a new product).
    context_matters: bool = True

    def changed(self, **changes) -> "Decision":
        """dataclasses.replace(self, **changes), without its field-by-field checks and
        constructor: every question's decision is copied once (0.5 against 2.5 us)."""
        new = object.__new__(Decision)
        new.__dict__.update(self.__dict__)
        for name in changes:
            if name not in self.__dataclass_fields__:
                raise TypeError(f"Decision has no field {name!r}")
        new.__dict__.update(changes)
        return new

    def to_json(self) -> dict:
        """The command protocol's shape (../shared/eval/README.md)."""
        out = {
            "query": self.query,
            "status": self.status,
            "matches": [
                {
                    "source": m.entry.source,
                    "code": m.entry.code,
                    "subcode": m.entry.subcode,
                    "title": m.entry.title,
                    "message": m.entry.message,
                    "score": round(m.score, 3),
                }
                for m in self.matches
            ],
        }
        if self.hint:
            out["hint"] = self.hint
        if self.foreign_product:
            out["foreign_product"] = self.foreign_product
        if self.context_decided:
            out["context_decided"] = self.context_decided
        if self.truncated_at is not None:
            out["truncated_at"] = self.truncated_at
        return out
