"""A decision as plain text for a terminal: what `explain-error "…"` prints."""

from __future__ import annotations

import textwrap

from .decision import Decision, Match


def _wrap(text: str, indent: str = "  ") -> str:
    lines = []
    for para in text.splitlines() or [""]:
        lines.append(textwrap.fill(para, width=88, initial_indent=indent, subsequent_indent=indent + ("  " if para.startswith("- ") else "")) if para else "")
    return "\n".join(lines)


def render_match(m: Match, sources=None) -> str:
    e = m.entry
    product = sources[e.source].product if sources and e.source in sources else e.source
    facts = [f"product: {product}"]
    if e.code is not None:
        facts.append(f"code: {e.code}")
    if e.subcode is not None:
        facts.append(f"subcode: {e.subcode}")
    if e.string_code:
        facts.append(f"string code: {e.string_code}")
    if e.http_status is not None and e.http_status != e.code:
        facts.append(f"HTTP status: {e.http_status}")
    if e.category:
        facts.append(f"category: {e.category.value}")
    out = [f"{e.title}", "  " + " | ".join(facts), _wrap(e.message)]
    if e.advice:
        out += ["  What to do:", _wrap(e.advice, "    ")]
    if e.retry:
        out.append(f"  Retry: {e.retry}")
    if e.note:
        out.append(_wrap(f"Note on the document: {e.note}"))
    if e.links:
        out.append(f"  More: {e.links[0].url}")
    return "\n".join(out)


def render_decision(d: Decision, sources=None) -> str:
    if d.status == "answer":
        body = "\n\n".join(render_match(m, sources) for m in d.matches)
    elif d.status == "ambiguous":
        lines = [f"Several errors fit {d.query.strip()!r}; which one?"]
        for m in d.matches:
            lines.append(f"  - [{m.entry.source}] {m.entry.label}: {m.entry.title}")
        body = "\n".join(lines)
    else:
        lines = [f"Nothing in the catalog matches {d.query.strip()!r}."]
        if d.hint:
            lines.append(_wrap(f"General meaning (not a specific answer): {d.hint}"))
        if d.matches:
            lines.append("  Did you mean:")
            lines += [f"    - [{m.entry.source}] {m.entry.label}: {m.entry.title}" for m in d.matches]
        body = "\n".join(lines)
    if d.truncated_at:
        body = f"(question cut to its first {d.truncated_at:,} characters)\n" + body
    return body
