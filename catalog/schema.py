"""The shape of the catalog's data files, checked on load.

Every data file under ``catalog/data/`` is validated against these models, so
a typo in a hand-edited file fails loudly at start-up instead of producing a
card with an empty field in front of a user.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Category(str, Enum):
    """The result categories the ACS documents define.

    The documents misspell one of them as ``UnxpectedClientError``; the
    validator below maps that spelling onto the real one so that data copied
    verbatim from the document still loads.
    """

    SUCCESS = "Success"
    EXPECTED_ERROR = "ExpectedError"
    UNEXPECTED_CLIENT_ERROR = "UnexpectedClientError"
    UNEXPECTED_SERVER_ERROR = "UnexpectedServerError"


_CATEGORY_MISSPELLINGS = {"UnxpectedClientError": "UnexpectedClientError"}


class Link(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    url: str = Field(pattern=r"^(https?://|#)")


class Source(BaseModel):
    """One source document: where a family of codes is defined."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    product: str = Field(min_length=1)
    short_name: str | None = Field(default=None, min_length=1, max_length=24, description="the product where space is short (cards)")
    document: str = Field(min_length=1, description="the document's own title")
    seed: str = Field(description="seed file number the entries were taken from, e.g. '003'")
    url: str | None = None
    # Words that, when they appear in a question, point at this product.
    signals: tuple[str, ...] = ()
    # Of those, the words many products use ("chat"): they name this product only beside
    # another of its signals. Alone they say what kind of product, not whose: a React chat
    # component's or a streaming site's chat 401 is not this product's.
    weak_signals: tuple[str, ...] = ()
    # The product's own objects and methods as code writes them (call.hold(), askDevicePermission,
    # startVideo): beside a name several products share ("ACS") they say which one a status is
    # from. They name the product for its numbers only; their words are no words of the error
    # ("getDeviceManager() throws" quotes no row's message).
    code_names: tuple[str, ...] = ()
    # Sources of one family describe one thing from several sides and share numbers
    # (a PSTN call's end codes are call end codes too); a question naming one of them
    # may well be about another's number. Unset: a family of its own.
    family: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9-]*$")
    # Sources whose service calls fail with this source's statuses: the ACS REST API's common
    # error codes are the statuses of every ACS service's REST calls. A REST failure of one of
    # them (lexicon.toml [rest_failures]: RestError, RequestFailedException...) names this
    # source beside it, so a status that product has no row for is found here.
    statuses_for: tuple[str, ...] = ()
    # Sources whose users this source's tips are written for: Call Automation's troubleshooting
    # tips (an http callback, a caller id for phone numbers) answer questions that name Call
    # Automation, never the tips themselves. A question naming one of them names this source just
    # below it, for the words' matching only (no number has a tip).
    tips_for: tuple[str, ...] = ()


EntryKind = Literal["error", "concept", "tip"]


class Entry(BaseModel):
    """One row of one table (or one concept) in a source document.

    Identity is ``(source, code, subcode)`` for entries with a number and
    ``(source, key)`` for the codeless ones (concepts, tips), which share
    ``code = subcode = None``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    kind: EntryKind = "error"
    key: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    section: str = Field(min_length=1, description="the table or list of the document this row is in")
    code: int | None = None
    subcode: int | None = None
    string_code: str | None = None
    http_status: int | None = None
    title: str = Field(min_length=1, max_length=120)
    message: str = Field(min_length=1)
    category: Category | None = None
    advice: str = ""
    retry: str | None = None
    links: tuple[Link, ...] = ()
    note: str | None = None
    # Extra words people use for this entry (synonyms the document omits).
    aliases: tuple[str, ...] = ()
    # What people say for this entry that means it only where its product is named: "token
    # refresh" in a Web Chat question is Direct Line's 403, in an OAuth app's it is nobody's.
    # Matched like an alias (with the product named), never read as the entry's own words.
    said_in_product: tuple[str, ...] = ()
    # Words of the row's own story that its document does not print: the SDK's event and method
    # names it reaches people by (RecognizeFailed, CallTransferFailed), the roles it is about
    # (presenter, consumer). Read as the row's words for the text match (a documentation reader
    # names them), never matched as an alias: many rows share one event.
    story_words: tuple[str, ...] = ()
    # Other HTTP statuses the same event reaches people with: a bot that did not answer in
    # time is Direct Line's 502, but the gateway in front of it says 504 GatewayTimeout. A
    # question with one of these numbers, naming this product, is about this row.
    reported_as: tuple[int, ...] = ()
    # ... except where the question names one of these: another way in whose own status it is
    # (Slack's or Teams' own timeout is no Direct Line 502).
    reported_not_with: tuple[str, ...] = ()
    # A string code another service gave, which this product only passes on (the RAG API's
    # upstream "rate_limit_exceeded" is the model's own code): quoted in a body it says nothing
    # of whose body it is, unlike the product's own codes ("upstream_error").
    passed_on: bool = False

    @field_validator("category", mode="before")
    @classmethod
    def _normalise_category(cls, value: object) -> object:
        if isinstance(value, str):
            return _CATEGORY_MISSPELLINGS.get(value, value)
        return value

    @property
    def identity(self) -> tuple:
        if self.code is None and self.subcode is None:
            return (self.source, self.key or self.string_code or self.title)
        return (self.source, self.code, self.subcode)

    @property
    def label(self) -> str:
        """How a person would name this entry in one line: 'code 410 / subcode 3112'."""
        parts = []
        if self.string_code:
            parts.append(f"'{self.string_code}'")
        if self.code is not None:
            parts.append(f"code {self.code}")
        if self.subcode is not None:
            parts.append(f"subcode {self.subcode}")
        return " / ".join(parts) if parts else self.title


class CatalogFile(BaseModel):
    """One data file: a source and its entries."""

    model_config = ConfigDict(extra="forbid")

    source: Source
    entries: list[Entry] = Field(min_length=1)
