"""The card for one matched entry: what the error means and what to do about it.

Laid out to be read at a glance at any width, top to bottom: the title once;
one line of facts (product, code, subcode, string code, HTTP status); the
result category in words, coloured by whose side the problem is on; the
meaning; what to do as a short list; the document's link as the one primary
button; feedback as two small links under it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from catalog.decision import Match
from catalog.schema import Entry, Source

from .actions import ActionStyle, explain_action, feedback_actions
from .category import UNKNOWN, kind_of
from .layout import adaptive_card, paragraph, short_product
from .text import clip, plain

MESSAGE_LIMIT = 4000
ADVICE_LIMIT = 6000
NOTE_LIMIT = 2000
FACT_LIMIT = 300
MAX_OTHERS = 6


def fact_line(entry: Entry, product: str) -> str:
    """'ACS Calling · Code 410 · Subcode 3112 · HTTP 503': the entry's identity on one line."""
    parts = [product]
    if entry.code is not None:
        parts.append(f"Code {entry.code}")
    if entry.subcode is not None:
        parts.append(f"Subcode {entry.subcode}")
    if entry.string_code and entry.string_code not in entry.title:
        parts.append(entry.string_code)
    if entry.http_status is not None and entry.http_status != entry.code:
        parts.append(f"HTTP {entry.http_status}")
    return plain(" · ".join(parts), FACT_LIMIT)


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def without_title(message: str, title: str) -> str:
    """The message minus a first sentence that only repeats the title (the documents often do)."""
    message = message.strip()
    if _squash(message) == _squash(title):
        return ""
    # The title, then a sentence or clause break, then the rest: keep the rest.
    head = re.match(r"(.{%d,}?)[.,;:]\s+" % min(len(title) // 2, 200), message)
    if head and _squash(head.group(1)) == _squash(title):
        rest = message[head.end():]
        return rest[:1].upper() + rest[1:]
    return message


# "… Learn more about it here." — the document's link text without its link.
_DANGLING_HERE = re.compile(r"\s+here(?=[.!?]?(?:\s|$))", re.IGNORECASE)


def link_here(text: str, url: str | None) -> str:
    """Give a sentence-final 'here' the document's link, or drop the word when there is none."""
    if url:
        return _DANGLING_HERE.sub(f" [here]({url})", text)
    return _DANGLING_HERE.sub("", text)


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


def doc_url(entry: Entry, source: Source | None) -> str | None:
    for link in entry.links:
        if link.url.startswith(("http://", "https://")):
            return link.url
    if source and source.url and source.url.startswith(("http://", "https://")):
        return source.url
    return None


def _category_line(entry: Entry) -> dict | None:
    """'● Client-side problem · Retry: No, fix request', the dot in the category's colour."""
    kind = kind_of(entry)
    runs: list[dict] = []
    if kind is not UNKNOWN:
        runs.append({"type": "TextRun", "text": "●", "color": kind.color, "size": "Small"})
        runs.append({"type": "TextRun", "text": f" {kind.words}", "weight": "Bolder", "size": "Small"})
    if entry.retry:
        lead = " · " if runs else ""
        runs.append({"type": "TextRun", "text": f"{lead}Retry: {plain(entry.retry, 120)}", "isSubtle": True,
                     "size": "Small"})
    if not runs:
        return None
    return {"type": "RichTextBlock", "inlines": runs, "spacing": "Small"}


def _feedback_row(entry: Entry, query: str, style: ActionStyle) -> dict:
    """'Helpful? Yes · No' in small type: there to be used, not to compete with the answer."""
    yes, no = feedback_actions(entry, query, style)
    columns = [{"type": "Column", "width": "auto", "items": [
        {"type": "TextBlock", "text": "Helpful?", "isSubtle": True, "size": "Small"}]}]
    for action, word in ((yes, "Yes"), (no, "No")):
        columns.append({
            "type": "Column", "width": "auto", "selectAction": action,
            "items": [{"type": "TextBlock", "text": word, "color": "Accent", "size": "Small", "weight": "Bolder"}],
        })
    return {"type": "ColumnSet", "columns": columns, "spacing": "Medium"}


def answer_card(
    match: Match,
    *,
    query: str,
    source: Source | None = None,
    sources: Mapping[str, Source] | None = None,
    context_decided: str | None = None,
    others: Sequence[Match] = (),
    style: ActionStyle = "submit",
) -> dict:
    """``context_decided``: the source the conversation's last product chose (says so on the card);
    ``others``: the same question's rows in other products, offered as one-tap buttons."""
    entry = match.entry
    sources = dict(sources or {})
    if source is not None:
        sources.setdefault(source.id, source)
    source = source or sources.get(entry.source)
    product = short_product(entry, sources)
    url = doc_url(entry, source)

    body: list[dict] = []
    if context_decided and context_decided == entry.source:
        body.append(paragraph(f"Assuming {plain(product, 60)}, from your last question", isSubtle=True,
                              size="Small", spacing="None"))
    body.append({"type": "TextBlock", "text": clip(entry.title, 120), "style": "heading", "size": "Medium",
                 "weight": "Bolder", "wrap": True, "spacing": "None" if not body else "Small"})
    facts = fact_line(entry, product)
    body.append(paragraph(facts, isSubtle=True, size="Small", spacing="None"))
    category = _category_line(entry)
    if category:
        body.append(category)
    message = clip(without_title(entry.message, entry.title), MESSAGE_LIMIT)
    if message:
        body.append(paragraph(message, spacing="Medium"))
    advice = clip(entry.advice.strip(), ADVICE_LIMIT)
    if advice:
        body.append(paragraph("What to do", weight="Bolder", spacing="Medium"))
        body.extend(_advice_blocks(link_here(advice, url)))
    if entry.note:
        body.append(paragraph(f"Note: {clip(entry.note.strip(), NOTE_LIMIT)}", isSubtle=True, size="Small",
                              spacing="Medium"))
    other_actions = [
        explain_action(m.entry, title=short_product(m.entry, sources), style=style)
        for m in others[:MAX_OTHERS] if m.entry.identity != entry.identity
    ]
    if other_actions:
        # One wrapping line of links ("Another product? Bot Service · RAG API"), not a
        # stack of buttons taller than the answer: a TextRun with a selectAction is a link.
        runs: list[dict] = [{"type": "TextRun", "text": "Another product? " if context_decided
                             else "Same code in: ", "isSubtle": True, "size": "Small"}]
        for i, action in enumerate(other_actions):
            if i:
                runs.append({"type": "TextRun", "text": " · ", "isSubtle": True, "size": "Small"})
            runs.append({"type": "TextRun", "text": action["title"], "size": "Small", "weight": "Bolder",
                         "color": "Accent", "selectAction": action})
        body.append({"type": "RichTextBlock", "inlines": runs, "spacing": "Medium"})
    if url:
        body.append({"type": "ActionSet", "spacing": "Medium", "actions": [
            {"type": "Action.OpenUrl", "title": "Read the docs", "url": url}]})
    body.append(_feedback_row(entry, query, style))

    lines = [entry.title, facts]
    kind = kind_of(entry)
    if kind is not UNKNOWN:
        lines[-1] += f" · {kind.words}"
    if message:
        lines.append(message)
    if advice:
        steps = [line.strip().removeprefix("- ") for line in link_here(advice, None).splitlines() if line.strip()]
        lines.append("What to do: " + " ".join(steps))
    if url:
        lines.append(f"Docs: {url}")
    return adaptive_card(body, fallback="\n".join(lines), full_width=True)
