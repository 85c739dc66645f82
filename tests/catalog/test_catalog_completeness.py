"""Every row of every table in the seed documents is in the catalog, and nothing else is.

The seeds in ../shared/seeds are read here on their own, with regexes over
their lines (a row starts with its numbers; a table runs from its heading to
the next heading), without looking at the TOML files. For each table -- a
(source, section) of the catalog -- the set of identities found in the
document must equal the set in the catalog: a dropped row, a mistyped code or
an invented entry fails and names the table and the numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalog import Catalog

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
if not SEEDS.is_dir():
    pytest.skip(f"the seed documents are not here ({SEEDS}); they come with ../shared", allow_module_level=True)


def _seed(number: str) -> list[str]:
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()


def _index(lines: list[str], heading: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if lines[i].strip() == heading:
            return i
    raise AssertionError(f"heading {heading!r} not found in the seed (after line {start + 1})")


def _between(lines: list[str], start: str, end: str | None = None, after: str | None = None) -> list[str]:
    """The lines after heading `start` (searched after heading `after`) up to heading `end`."""
    begin = _index(lines, after) if after else 0
    lo = _index(lines, start, begin) + 1
    hi = _index(lines, end, lo) if end else len(lines)
    return lines[lo:hi]


def _pairs(lines: list[str], pattern: str) -> set[tuple[int, int]]:
    """(code, subcode) from rows that start '<subcode> <code> ' (the ACS column order)."""
    return {(int(m["code"]), int(m["sub"])) for ln in lines if (m := re.match(pattern, ln))}


def _codes(lines: list[str], pattern: str) -> set[tuple[int, None]]:
    """(code, None) for rows that start with one code or a list of them ('490, 491, 496 ...')."""
    found = set()
    for ln in lines:
        if m := re.match(pattern, ln):
            found |= {(int(c), None) for c in re.findall(r"\d+", m[1])}
    return found


CODE_ONLY = r"^(\d{3}(?:, \d{3})*) [A-Z]"
ACS_ROW = r"^(?P<sub>\d+) (?P<code>\d{1,3}) "


def _expected() -> dict[tuple[str, str], set]:
    exp: dict[tuple[str, str], set] = {}

    # 000: one section per HTTP status heading ("### **HTTP 409 and 412**").
    s0 = _seed("000")
    exp["bot-service", "http-status"] = {
        (int(c), None) for ln in s0 if ln.startswith("### **HTTP") for c in re.findall(r"\d{3}", ln)
    }

    # 001: the status table, the error-code table, and the two concepts the document explains.
    s1 = _seed("001")
    exp["omnichannel-messaging", "status-table"] = _codes(
        _between(s1, "Status Code Meaning Description", "Sample 400 Error (RFC 7807 Format)"), r"^(\d{3}) [A-Z]"
    )
    exp["omnichannel-messaging", "error-codes"] = _codes(
        _between(s1, "Error Code Error Message HTTP Code", "Use CorrelationID for troubleshooting"), r"^(\d{5}) "
    )
    assert "x-ms-correlation-id" in "\n".join(s1) and "RFC 7807" in "\n".join(s1)
    exp["omnichannel-messaging", "concepts"] = {("key", "problem-details"), ("key", "correlation-id")}

    # 002: a markdown status table, string codes in the JSON examples, the payload schema.
    s2 = _seed("002")
    exp["rag-api", "status-table"] = _codes(s2, r"^\| (\d{3}) \|")
    exp["rag-api", "payload-codes"] = {("key", c) for ln in s2 for c in re.findall(r'"code": "(\w+)"', ln)}
    assert "Error Payload Schema (overview)" in s2 and any("request_id" in ln for ln in s2)
    exp["rag-api", "concepts"] = {("key", "error-payload"), ("key", "request-id")}

    s3 = _seed("003")
    # The Calling SDK client table, then the code-only rows after it, up to the next heading.
    sdk = _between(s3, "Subcode Code Message Result category Advice", "Understanding calling codes and subcodes errors")
    exp["acs-calling-sdk", "client-subcodes"] = _pairs(sdk, r"^(?P<sub>\d{5}) (?P<code>\d{3}) ")
    exp["acs-calling-sdk", "code-only"] = _codes(sdk, CODE_ONLY)
    categories_line = next(ln for ln in s3 if ln.startswith("ResultCategory - "))
    names = re.findall(r"\b(Success|[A-Z][a-z]+(?:Client|Server)?Error)\b", categories_line)
    exp["acs-calling-sdk", "result-categories"] = {("key", f"category-{n.lower()}") for n in names}

    end = _between(
        s3, "Subcode Code Message Result Categories Advice", "Understanding calling codes and subcodes",
        after="Calling End call codes and subcodes",
    )
    exp["acs-call-end", "end-call-subcodes"] = _pairs(end, ACS_ROW)
    exp["acs-call-end", "code-only"] = _codes(end, CODE_ONLY)

    most = _between(s3, "Code Subcode Description Mitigation", "Generic error codes")
    exp["acs-call-automation", "most-common"] = {
        (int(m[1]), int(m[2])) for ln in most if (m := re.match(r"^(\d{3}) (\d{4}) ", ln))
    }
    for cls, stop in (("4xx", "5xx codes"), ("5xx", "6xx codes"), ("6xx", "Generic subcodes")):
        rows = _between(s3, "Status Code Description", stop, after=f"{cls} codes")
        exp["acs-call-automation", f"generic-{cls}"] = _codes(rows, r"^(\d{3}) [A-Za-z]")
    subs = _between(s3, "Subcode Description", "PSTN call response codes with ParticipantEndReason", after="Generic subcodes")
    exp["acs-call-automation", "generic-subcodes"] = {
        (None, int(m[1])) for ln in subs if (m := re.match(r"^(\d+) [A-Z]", ln))
    }
    exp["acs-call-automation", "code-classes"] = {
        ("key", f"class-{cls}") for ln in s3 if (m := re.fullmatch(r"(\dxx) codes", ln.strip())) for cls in [m[1]]
    }

    tables = ["ParticipantEndReason 0", "ParticipantEndReason 4xx", "ParticipantEndReason 5xx",
              "ParticipantEndReason 603", "Chat SDK error codes"]
    for heading, stop in zip(tables, tables[1:]):
        section = "reason-" + heading.split()[-1]
        exp["acs-pstn", section] = _pairs(_between(s3, heading, stop), ACS_ROW)

    exp["acs-chat", "chat-codes"] = _codes(_between(s3, "Code Message Advice", "SMS error codes", after="Chat SDK error codes"), r"^(\d{3}) ")
    exp["acs-sms-delivery", "delivery-codes"] = _codes(_between(s3, "Code Message Advice", after="SMS error codes"), r"^(\d{4}) ")

    tips = _between(s3, "Consider the following tips when troubleshooting:", "Note")
    exp["acs-troubleshooting", "tips"] = {("tip", ln.split(":", 1)[1].strip()) for ln in tips if ln.strip().startswith("•")}

    s4 = _seed("004")
    exp["acs-rest", "http-status"] = _codes(_between(s4, "HTTP status code Description", "Service-Specific Errors"), r"^(\d{3}) ")
    exp["acs-sms-api", "sms-service"] = _codes(_between(s4, "Error Code Response Description"), r"^(\d{3}) ")
    return exp


EXPECTED = _expected()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def _found(catalog: Catalog, source: str, section: str) -> set:
    found = set()
    for e in catalog.by_source.get(source, ()):
        if e.section != section:
            continue
        if e.kind == "tip":
            found.add(("tip", e.message))  # the tip's explanation, as the document words it
        elif e.code is None and e.subcode is None:
            found.add(("key", e.key))
        else:
            found.add((e.code, e.subcode))
    return found


@pytest.mark.parametrize(("source", "section"), sorted(EXPECTED), ids=lambda v: v)
def test_table_in_catalog_matches_the_seed(catalog, source, section):
    expected = EXPECTED[source, section]
    assert expected, f"the seed parser found no rows for {source}/{section}: the heading moved?"
    found = _found(catalog, source, section)
    missing = sorted(expected - found, key=repr)
    invented = sorted(found - expected, key=repr)
    assert not missing and not invented, f"{source}/{section}: missing {missing}, not in the document {invented}"


def test_every_catalog_entry_is_in_a_table_of_the_seeds(catalog):
    sections = {(e.source, e.section) for e in catalog.entries}
    assert sections - set(EXPECTED) == set(), "entries in tables this test does not know"


def test_row_counts_that_people_quote():
    """Counts a reader can check against the document by eye (guards the parser above)."""
    assert len(EXPECTED["acs-troubleshooting", "tips"]) == 4
    assert len(EXPECTED["rag-api", "status-table"]) == 13
    assert len(EXPECTED["omnichannel-messaging", "error-codes"]) == 16
    assert len(EXPECTED["acs-call-automation", "generic-4xx"]) == 14
    assert len(EXPECTED["acs-call-automation", "generic-5xx"]) == 5
    assert len(EXPECTED["bot-service", "http-status"]) == 10
    assert {(490, None), (491, None), (496, None), (497, None), (498, None)} <= EXPECTED["acs-call-end", "code-only"]
    assert (497, 560487) in EXPECTED["acs-pstn", "reason-4xx"] and (486, 60486) in EXPECTED["acs-pstn", "reason-4xx"]


def _http_column(lines: list[str], pattern: str) -> dict[int, int]:
    return {int(m[1]): int(m[2]) for ln in lines if (m := re.match(pattern, ln))}


def test_http_status_column_is_carried_over(catalog):
    """Where a table has an HTTP code column, each entry's http_status is that column."""
    s1 = _seed("001")
    table = _http_column(_between(s1, "Error Code Error Message HTTP Code", "Use CorrelationID for troubleshooting"), r"^(\d{5}) .* (\d{3})$")
    assert len(table) == 16
    got = {code: catalog.get("omnichannel-messaging", code).http_status for code in table}
    assert got == table


def test_retry_column_is_carried_over(catalog):
    s2 = _seed("002")
    table = {int(m[1]): m[2].strip() for ln in s2 if (m := re.match(r"^\| (\d{3}) \|[^|]+\|[^|]+\| ([^|]+) \|$", ln))}
    got = {code: catalog.get("rag-api", code).retry for code in table}
    assert got == table
