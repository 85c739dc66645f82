"""A card after a button on it was pressed: what replaces it where the channel can update cards.

Teams (Action.Execute, answered with the new card) and channels that let the
bot update a sent activity (Direct Line, the Emulator) show the result of a
press on the card itself, so the old buttons are gone and cannot be pressed a
second time. A feedback press keeps the answer and swaps the feedback row for
the verdict; an explain press (a choice row, a suggestion, another product) is
answered by the chosen entry's answer card, built by the usual builder.

``with_verdict`` works on the finished card (whatever the answer card's
design): every top-level body element that holds a feedback button gives way
to one line saying what was recorded.
"""

from __future__ import annotations

import copy

from .layout import paragraph

HELPFUL = "Thanks: you marked this answer as helpful."
NOT_HELPFUL = "Thanks: you marked this answer as not helpful. It helps us fix it."


def _holds_feedback(node: object) -> bool:
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(node.get("type"), str) and node["type"].startswith("Action.") and isinstance(data, dict) \
                and data.get("action") == "feedback":
            return True
        return any(_holds_feedback(v) for v in node.values())
    if isinstance(node, list):
        return any(_holds_feedback(v) for v in node)
    return False


def verdict_line(helpful: bool) -> str:
    return HELPFUL if helpful else NOT_HELPFUL


def with_verdict(card: dict, helpful: bool) -> dict:
    """``card`` with its feedback buttons replaced by the recorded verdict (a new dict; the card is not changed)."""
    out = copy.deepcopy(card)
    line = paragraph(verdict_line(helpful), isSubtle=True, size="Small", spacing="Medium")
    body = [item for item in out.get("body", []) if not _holds_feedback(item)]
    body.append(line)
    out["body"] = body
    if "actions" in out:
        out["actions"] = [a for a in out["actions"] if not _holds_feedback(a)]
        if not out["actions"]:
            del out["actions"]
    if isinstance(out.get("fallbackText"), str):
        out["fallbackText"] = out["fallbackText"] + "\n" + line["text"]
    return out
