"""The card for a question that fits several entries: let the user pick.

One compact row per candidate, best first: the code, the title, the
product's short name under it. The product is how people tell a bare "404"
apart, so it is on every row instead of in headings over single rows. The
whole row is the button, so a long title wraps instead of being cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from catalog.decision import Decision
from catalog.schema import Source

from .actions import ActionStyle, button_title, explain_action
from .layout import adaptive_card, paragraph, short_product, source_map
from .rows import entry_row
from .text import plain, user_text

MAX_CANDIDATES = 8
QUERY_SHOWN = 80


def choice_card(
    decision: Decision,
    sources: Mapping[str, Source] | Iterable[Source] | None,
    *,
    style: ActionStyle = "submit",
) -> dict:
    sources = source_map(sources)
    shown = decision.matches[:MAX_CANDIDATES]
    left_out = len(decision.matches) - len(shown)

    body: list[dict] = [paragraph(f"Which «{user_text(decision.query, QUERY_SHOWN)}» do you mean?", weight="Bolder")]
    fallback_lines = [f"Which «{plain(decision.query, QUERY_SHOWN)}» do you mean?"]
    # Several documents can name their products alike; the document then tells two rows apart.
    short_names = [short_product(m.entry, sources) for m in shown]
    for i, match in enumerate(shown):
        entry = match.entry
        detail = short_names[i]
        if short_names.count(detail) > 1 and len({m.entry.source for m in shown if short_product(m.entry, sources) == detail}) > 1:
            source = sources.get(entry.source)
            if source is not None:
                detail = f"{detail} · {plain(source.document, 80)}"
        body.append(entry_row(entry, sources, action=explain_action(entry, style=style), detail=detail, first=i == 0))
        fallback_lines.append(f"- {short_names[i]}: {button_title(entry, 100)}")
    if left_out > 0:
        more = f"…and {left_out} more. Add the product name or the subcode to narrow it down."
        body.append(paragraph(more, isSubtle=True, size="Small", spacing="Medium"))
        fallback_lines.append(more)
    return adaptive_card(body, fallback="\n".join(fallback_lines))
