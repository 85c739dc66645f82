"""Plain-text listings of the catalog for `explain-error catalog [--source ID]`.

A maintainer checking an edit to a data file wants to see, at a glance, that
the source is there and how many entries it has, then scan one source's
entries as a person would name them. These are text tables, not cards, so
they read well in a terminal and in a diff of the command's output.
"""

from __future__ import annotations

from .lookup import Catalog

_MAX_TITLE = 70


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def format_sources(catalog: Catalog) -> str:
    """One line per source (id, product, entries, document) and a total line."""
    rows = [
        (sid, src.product, str(len(catalog.by_source.get(sid, ()))), src.document)
        for sid, src in sorted(catalog.sources.items())
    ]
    header = ("SOURCE", "PRODUCT", "ENTRIES", "DOCUMENT")
    w_id = max(len(header[0]), *(len(r[0]) for r in rows))
    w_prod = max(len(header[1]), *(len(r[1]) for r in rows))
    w_n = max(len(header[2]), *(len(r[2]) for r in rows))

    def line(r: tuple[str, str, str, str]) -> str:
        return f"{r[0]:<{w_id}}  {r[1]:<{w_prod}}  {r[2]:>{w_n}}  {_clip(r[3], _MAX_TITLE)}".rstrip()

    out = [line(header)]
    out += [line(r) for r in rows]
    out.append(f"{len(rows)} sources, {len(catalog)} entries")
    return "\n".join(out)


def format_entries(catalog: Catalog, source_id: str) -> str:
    """The source's entries in document order, one line each: label, category, title.

    The label is how a person names the entry ('code 410 / subcode 3112');
    codeless entries (concepts, tips) show their kind and key instead.
    """
    source = catalog.sources[source_id]
    entries = catalog.by_source.get(source_id, ())
    labels = [_label(e) for e in entries]
    width = max((len(label) for label in labels), default=0)
    categories = [e.category.value if e.category else "" for e in entries]
    cat_width = max((len(c) for c in categories), default=0)
    out = [f"{source.id}: {source.product}", f"  {source.document}"]
    if source.url:
        out.append(f"  {source.url}")
    out.append("")
    section = None
    for entry, label, category in zip(entries, labels, categories):
        if entry.section != section:
            section = entry.section
            out.append(f"[{section}]")
        middle = f"{category:<{cat_width}}  " if cat_width else ""
        out.append(f"  {label:<{width}}  {middle}{_clip(entry.title, _MAX_TITLE)}")
    out.append("")
    out.append(f"{len(entries)} entries")
    return "\n".join(out)


def _label(entry) -> str:
    if entry.code is None and entry.subcode is None and not entry.string_code:
        return f"{entry.kind} {entry.key}"
    return entry.label
