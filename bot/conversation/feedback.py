"""Recording the helpful / not-helpful buttons on answer cards.

Each click becomes one structured (JSON) log line on the `bot.feedback` logger,
which a log pipeline can aggregate, and running counts that /healthz reports,
so an operator can see at a glance whether answers land.
"""

from __future__ import annotations

import json
import logging
from collections import Counter

log = logging.getLogger("bot.feedback")


class FeedbackLog:
    def __init__(self) -> None:
        # Only the verdict totals are kept in memory: a count per entry would grow with
        # every made-up code a stranger's submit names; per-entry figures come from the log.
        self.totals: Counter[str] = Counter()

    def record(
        self,
        *,
        source: str,
        code: int | None,
        subcode: int | None,
        key: str | None,
        helpful: bool,
        query: str | None,
        conversation_id: str | None,
        channel_id: str | None,
    ) -> None:
        verdict = "helpful" if helpful else "not_helpful"
        self.totals[verdict] += 1
        log.info(
            "%s",
            json.dumps(
                {
                    "event": "feedback",
                    "verdict": verdict,
                    "source": source,
                    "code": code,
                    "subcode": subcode,
                    "key": key,
                    "query": query,
                    "conversation": conversation_id,
                    "channel": channel_id,
                },
                ensure_ascii=False,
            ),
        )

    def summary(self) -> dict:
        return {"helpful": self.totals["helpful"], "not_helpful": self.totals["not_helpful"]}
