"""A decision as plain text for a terminal: what `explain-error "…"` prints.

Every line is wrapped to the terminal's width (80 columns included), so an
answer reads the same in a narrow window as in a wide one; only a web address
longer than the line stays whole, so that it can still be clicked or copied.
"""

from __future__ import annotations

import shutil
import textwrap

from .decision import Decision, Match

MIN_WIDTH = 40
MAX_WIDTH = 100  # wider lines are harder to read, whatever the window


def terminal_width() -> int:
    """The terminal's width in columns (80 when it cannot tell, e.g. output to a pipe)."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(columns, MAX_WIDTH))


def _wrap(text: str, width: int, indent: str = "  ", hang: str = "") -> str:
    lines = []
    for para in text.splitlines() or [""]:
        if not para.strip():
            lines.append("")
            continue
        extra = "  " if para.lstrip().startswith("- ") else hang
        lines.append(textwrap.fill(para.strip(), width=width, initial_indent=indent, subsequent_indent=indent + extra,
                                   break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


def _product(source: str, sources) -> str:
    return sources[source].product if sources and source in sources else source


def _choice(m: Match, width: int, indent: str) -> str:
    return _wrap(f"- [{m.entry.source}] {m.entry.label}: {m.entry.title}", width, indent, hang="  ")


def render_match(m: Match, sources=None, width: int = 80) -> str:
    e = m.entry
    facts = [f"product: {_product(e.source, sources)}"]
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
    out = [_wrap(e.title, width, indent=""), _wrap(" | ".join(facts), width, hang="  "), _wrap(e.message, width)]
    if e.advice:
        out += ["  What to do:", _wrap(e.advice, width, "    ")]
    if e.retry:
        out.append(_wrap(f"Retry: {e.retry}", width))
    if e.note:
        out.append(_wrap(f"Note on the document: {e.note}", width))
    if e.links:
        out.append(_wrap(f"More: {e.links[0].url}", width))
    return "\n".join(out)


def covered_products(sources) -> str:
    """What the catalog covers, in one line: products sharing their first three words
    are named once ("Azure Communication Services (Call Automation, Calling SDK, ...)")."""
    names = list(dict.fromkeys(src.product for src in (sources or {}).values()))
    groups: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        head = " ".join(words[:3])
        siblings = [n for n in names if n.split()[:3] == words[:3]]
        if len(words) > 3 and len(siblings) > 1:
            rest = " ".join(words[3:]).split(" (")[0]
            groups.setdefault(head, [])
            if rest not in groups[head]:
                groups[head].append(rest)
        else:
            groups.setdefault(name, [])
    return "; ".join(f"{head} ({', '.join(parts)})" if parts else head for head, parts in groups.items())


def render_decision(d: Decision, sources=None, width: int = 80) -> str:
    quoted = " ".join(d.query.split())
    if len(quoted) > 60:
        quoted = quoted[:59] + "…"
    if d.status == "answer":
        parts = []
        if d.context_decided:
            parts.append(_wrap(f"Assuming {_product(d.context_decided, sources)}, from your last question.", width, ""))
        parts += [render_match(m, sources, width) for m in d.matches]
        body = "\n\n".join(parts)
        if d.others:
            body += "\n\n" + _wrap("The same in other products:", width, "") + "\n"
            body += "\n".join(_choice(m, width, "  ") for m in d.others)
    elif d.status == "ambiguous":
        lines = [_wrap(f"Several errors fit {quoted!r}; which one?", width, "")]
        lines += [_choice(m, width, "  ") for m in d.matches]
        body = "\n".join(lines)
    elif d.foreign_product:
        lines = [
            _wrap(f"This looks like an error from {d.foreign_product}, which this catalog does not cover.", width, ""),
            _wrap(f"It covers: {covered_products(sources)}.", width, "", hang="  ") if sources else "",
        ]
        body = "\n".join(line for line in lines if line)
    else:
        lines = [_wrap(f"Nothing in the catalog matches {quoted!r}.", width, "")]
        if d.hint:
            lines.append(_wrap(f"General meaning (not a specific answer): {d.hint}", width))
        if d.matches:
            lines.append("  Did you mean:")
            lines += [_choice(m, width, "    ") for m in d.matches]
        body = "\n".join(lines)
    if d.truncated_at:
        body = _wrap(f"(question cut to its first {d.truncated_at:,} characters)", width, "") + "\n" + body
    return body
