"""The card for one matched entry: what the error means and what to do about it."""

from __future__ import annotations

from catalog.decision import Match
from catalog.schema import Entry, Source

from .actions import feedback_actions
from .layout import adaptive_card, heading, paragraph
from .text import clip, plain

MESSAGE_LIMIT = 4000
ADVICE_LIMIT = 6000
NOTE_LIMIT = 2000
FACT_LIMIT = 300


def _facts(entry: Entry, product: str) -> list[dict]:
    facts: list[tuple[str, object]] = [("Product", product)]
    if entry.code is not None:
        code = f"{entry.code} ({entry.string_code})" if entry.string_code else str(entry.code)
        facts.append(("Code", code))
    elif entry.string_code:
        facts.append(("Code", entry.string_code))
    facts.append(("Subcode", entry.subcode))
    if entry.http_status is not None and entry.http_status != entry.code:
        facts.append(("HTTP status", entry.http_status))
    facts.append(("Result category", entry.category.value if entry.category else None))
    facts.append(("Retry", entry.retry))
    return [{"title": t, "value": clip(str(v), FACT_LIMIT)} for t, v in facts if v not in (None, "")]


def _advice_blocks(advice: str) -> list[dict]:
    """Paragraphs stay paragraphs; runs of '- ' lines become one markdown list."""
    blocks: list[dict] = []
    run: list[str] = []
    run_is_list = False

    def flush() -> None:
        if not run:
            return
        # '\r' between items is what Teams documents for lists; Web Chat's
        # markdown-it reads it as a newline too.
        text = "\r".join(run) if run_is_list else "\n\n".join(run)
        blocks.append(paragraph(text, spacing="Small"))
        run.clear()

    for line in advice.splitlines():
        line = line.rstrip()
        if not line.strip():
            continue
        is_item = line.lstrip().startswith("- ")
        if run and is_item != run_is_list:
            flush()
        run_is_list = is_item
        run.append("- " + line.lstrip()[2:].strip() if is_item else line.strip())
    flush()
    return blocks


def _doc_url(entry: Entry, source: Source | None) -> str | None:
    for link in entry.links:
        if link.url.startswith(("http://", "https://")):
            return link.url
    if source and source.url and source.url.startswith(("http://", "https://")):
        return source.url
    return None


def answer_card(match: Match, *, query: str, source: Source | None = None) -> dict:
    entry = match.entry
    product = source.product if source else entry.source
    named = entry.code is not None or entry.subcode is not None or entry.string_code
    subtitle = f"{product} · {entry.label}" if named else product
    body: list[dict] = [
        heading(clip(entry.title, 120)),
        paragraph(plain(subtitle, 200), isSubtle=True, spacing="None", size="Small"),
        paragraph(clip(entry.message, MESSAGE_LIMIT)),
        {"type": "FactSet", "facts": _facts(entry, product)},
    ]
    advice = clip(entry.advice.strip(), ADVICE_LIMIT)
    if advice:
        body.append(paragraph("What to do", weight="Bolder", spacing="Medium"))
        body.extend(_advice_blocks(advice))
    if entry.note:
        body.append(
            {
                "type": "Container",
                "style": "emphasis",
                "spacing": "Medium",
                "items": [
                    paragraph("Note about the document", weight="Bolder", size="Small", color="Warning"),
                    paragraph(clip(entry.note.strip(), NOTE_LIMIT), size="Small", spacing="Small"),
                ],
            }
        )
    actions: list[dict] = []
    url = _doc_url(entry, source)
    if url:
        actions.append({"type": "Action.OpenUrl", "title": "Read the docs", "url": url})
    actions.extend(feedback_actions(entry, query))

    fallback = f"{entry.title} ({subtitle}): {entry.message}"
    if entry.advice.strip():
        fallback += f"\nWhat to do: {entry.advice.strip()}"
    if url:
        fallback += f"\nDocs: {url}"
    return adaptive_card(body, actions, fallback=fallback, full_width=True)
