"""What a question may carry that must never be kept: scrubbed before a record is written.

People paste error messages with their context: an e-mail address, a phone
number, a tenant or correlation GUID, a bearer token, a connection string with
its key. The records are read by catalog maintainers, so each of these is
replaced by a placeholder naming its kind ("<email>", "<phone>"...), which
keeps the question readable and still clusters it with its neighbours.

Error codes stay: they are what the report is about. Numbers that look like
phone numbers are those with a leading + or grouped in the usual phone shapes,
not the 3-to-6 digit codes and subcodes of the catalog.
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


def scrub(text: str) -> str:
    """`text` with personal data and secrets replaced by <kind> placeholders."""
    for kind, pattern in _PATTERNS:
        if kind == "secret":
            text = pattern.sub(lambda m: f"{m.group(1)}=<secret>", text)
        elif kind == "url-secret":
            text = pattern.sub("<url-with-credentials>", text)
        else:
            text = pattern.sub(f"<{kind}>", text)
    return text
