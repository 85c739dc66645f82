"""What a question may carry that must never be kept: scrubbed before a record is written.

People paste error messages with their context: an e-mail address, a phone
number, a tenant or correlation GUID, a bearer token, a connection string with
its key. The records are read by catalog maintainers, so each of these is
replaced by a placeholder naming its kind ("<email>", "<phone>"...), which
keeps the question readable and still clusters it with its neighbours.

Error codes stay: they are what the report is about. Numbers that look like
phone numbers are those with a leading + or grouped in the usual phone shapes,
not the 3-to-6 digit codes and subcodes of the catalog.

Scrubbed text is also always storable: JSON may carry a lone UTF-16 surrogate
("\\ud800", from a client that cut an emoji in half), which Python keeps in a
str but no UTF-8 file, blob or log can hold, so the whole record was lost. Such
a surrogate becomes U+FFFD, the replacement character, and the rest of the
question is kept as asked (a surrogate pair left unjoined is joined).
"""

from __future__ import annotations

import re

# Order matters: a connection string contains key=value secrets and maybe an e-mail-like
# user name; a JWT contains dots that a later pattern could split.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # key=value secrets (connection strings, query strings): keep the key, drop the value.
    ("secret", re.compile(
        r"(?i)\b((?:account|shared[_-]?access|client|app)?[_-]?(?:key|secret|password|pwd|sig|token|"
        r"signature|credential)s?)\s*[=:]\s*(\"[^\"]*\"|'[^']*'|[^\s;&,]+)"
    )),
    ("token", re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]{8,}")),
    ("token", re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")),  # JWT
    ("email", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    ("guid", re.compile(r"(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")),
    ("url-secret", re.compile(r"(?i)\bhttps?://[^\s/]*:[^\s/@]*@\S+")),  # credentials in a URL
    # Long opaque strings: API keys, SAS signatures, base64 secrets (20+ chars mixing letters and digits).
    ("token", re.compile(r"\b(?=[A-Za-z0-9+/_=-]*\d)(?=[A-Za-z0-9+/_=-]*[A-Za-z])[A-Za-z0-9+/_=-]{32,}")),
    ("phone", re.compile(r"(?<![\w+])\+\d[\d ().-]{6,}\d")),  # international: +1 425 555 0100
    ("phone", re.compile(r"(?<![\w-])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w-])")),  # (425) 555-0100, 425.555.0100
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` as valid Unicode: surrogate pairs joined, lone surrogates replaced by U+FFFD."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def scrub(text: str) -> str:
    """`text` with personal data and secrets replaced by <kind> placeholders, and storable as UTF-8."""
    text = storable(text)
    for kind, pattern in _PATTERNS:
        if kind == "secret":
            text = pattern.sub(lambda m: f"{m.group(1)}=<secret>", text)
        elif kind == "url-secret":
            text = pattern.sub("<url-with-credentials>", text)
        else:
            text = pattern.sub(f"<{kind}>", text)
    return text
