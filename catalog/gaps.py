"""The gap report: what users asked that the catalog did not answer, and which answers did not help.

Input: the records the bot keeps (bot/storage/records.py) as plain dicts.
Output: a GapReport, printed for a terminal, as JSON or as CSV.

* Unanswered questions (decision "none" or "ambiguous") are grouped by
  similarity: people ask the same thing in many spellings. Two questions join
  one cluster when rapidfuzz's token-sort ratio says they are close AND they
  mention the same numbers: "error 7001" and "error 7002" are different gaps,
  however alike their words.
* For each cluster, the nearest entries: those the bot offered as candidates
  (its records name them), then the matcher's own suggestions for the
  cluster's most frequent question. The suggested action follows from them:
  when an entry is close in words, the users' phrasing is an alias it lacks;
  when none is, the catalog is missing an entry.
* Entries ranked by Not helpful clicks, with the questions they answered.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterable

from rapidfuzz import fuzz, process

from .index import Catalog

SIMILAR = 75  # token-sort ratio (0-100) at which two questions are one gap
ALIAS_CLOSE = 70  # token-set ratio of a question to an entry's words: an alias it lacks, not a missing entry

_NUMBER = re.compile(r"\d+")
_PUNCT = re.compile(r"[^\w<>]+")


@dataclass
class NearEntry:
    source: str
    code: int | None
    subcode: int | None
    key: str | None
    label: str
    title: str
    offered: int = 0  # how many of the cluster's questions the bot offered it as a choice for


@dataclass
class Cluster:
    question: str  # the most frequent wording
    count: int
    first_seen: str
    last_seen: str
    channels: list[str]
    decisions: dict[str, int]
    wordings: list[str]  # other wordings, most frequent first (a few)
    nearest: list[NearEntry] = field(default_factory=list)
    action: str = "missing-entry"  # or "alias"
    suggestion: str = ""


@dataclass
class EntryVerdicts:
    source: str
    code: int | None
    subcode: int | None
    key: str | None
    label: str
    title: str
    not_helpful: int
    helpful: int
    questions: list[str]


@dataclass
class GapReport:
    since: str | None
    records: int
    unanswered: int
    clusters: list[Cluster]
    not_helpful: list[EntryVerdicts]

    def to_json(self) -> dict:
        return asdict(self)


def _normalise(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def _numbers(text: str) -> frozenset[str]:
    return frozenset(n.lstrip("0") or "0" for n in _NUMBER.findall(text))


def _entry_words(entry) -> str:
    return " ".join([entry.title, entry.message, *entry.aliases])


def _ref(e: dict) -> tuple:
    return (e.get("source"), e.get("code"), e.get("subcode"), e.get("key"))


def build_report(records: Iterable[dict], catalog: Catalog, *, since: str | None = None, top: int = 20) -> GapReport:
    records = list(records)
    questions = [r for r in records if r.get("kind") == "question" and r.get("decision") in ("none", "ambiguous")]
    clusters = _cluster(questions)
    clusters.sort(key=lambda c: (-len(c), c[0]["time"]))
    built = [_describe(c, catalog) for c in clusters[:top]]
    return GapReport(
        since=since,
        records=len(records),
        unanswered=len(questions),
        clusters=built,
        not_helpful=_verdicts(records, catalog)[:top],
    )


def _cluster(questions: list[dict]) -> list[list[dict]]:
    """Questions grouped: identical wordings first, then similar wordings with the same numbers."""
    by_wording: dict[str, list[dict]] = {}
    for r in questions:
        by_wording.setdefault(_normalise(r.get("question") or ""), []).append(r)
    clusters: list[list[dict]] = []
    heads: list[str] = []  # each cluster's first (most frequent) wording
    head_numbers: list[frozenset[str]] = []
    for wording, group in sorted(by_wording.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        numbers = _numbers(wording)
        candidates = [i for i, n in enumerate(head_numbers) if n == numbers]
        best = process.extractOne(
            wording, {i: heads[i] for i in candidates}, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR
        ) if candidates and wording else None
        if best is not None:
            clusters[best[2]].extend(group)
        else:
            clusters.append(list(group))
            heads.append(wording)
            head_numbers.append(numbers)
    return clusters


def _describe(group: list[dict], catalog: Catalog) -> Cluster:
    wordings = Counter((r.get("question") or "").strip() for r in group)
    question = wordings.most_common(1)[0][0]
    times = sorted(r["time"] for r in group)
    cluster = Cluster(
        question=question,
        count=len(group),
        first_seen=times[0],
        last_seen=times[-1],
        channels=sorted({r.get("channel") or "?" for r in group}),
        decisions=dict(Counter(r["decision"] for r in group)),
        wordings=[w for w, _ in wordings.most_common(4) if w != question][:3],
    )
    cluster.nearest = _nearest(group, question, catalog)
    _suggest(cluster, catalog)
    return cluster


def _nearest(group: list[dict], question: str, catalog: Catalog, limit: int = 3) -> list[NearEntry]:
    # Choices the bot offered (ambiguous) count; suggestions under "nothing found" only rank.
    offered = Counter(_ref(e) for r in group if r["decision"] == "ambiguous" for e in r.get("entries") or ())
    suggested = Counter(_ref(e) for r in group if r["decision"] == "none" for e in r.get("entries") or ())
    refs = [ref for ref, _ in offered.most_common()] + [ref for ref, _ in suggested.most_common()]
    if len(refs) < limit and question:
        refs += [_ref({"source": m.entry.source, "code": m.entry.code, "subcode": m.entry.subcode, "key": m.entry.key})
                 for m in catalog.explain(question).matches]
    out: list[NearEntry] = []
    for ref in dict.fromkeys(refs):
        entry = catalog.get(*ref)
        if entry is None:  # the catalog changed since the record was written
            continue
        out.append(NearEntry(entry.source, entry.code, entry.subcode, entry.key, entry.label, entry.title, offered[ref]))
        if len(out) == limit:
            break
    return out


def _suggest(cluster: Cluster, catalog: Catalog) -> None:
    question = _normalise(cluster.question)
    choices = [n for n in cluster.nearest if n.offered]
    if cluster.decisions.get("ambiguous", 0) > cluster.decisions.get("none", 0) and choices:
        names = "; ".join(f"{n.source} {n.label}" for n in choices)
        cluster.action = "alias"
        cluster.suggestion = (
            f'"{cluster.question}" could mean {len(choices)} entries ({names}): if users mean one of them, '
            "add the words they use for it as an alias of that entry"
        )
        return
    closest, closeness = None, 0.0
    for near in cluster.nearest:
        entry = catalog.get(near.source, near.code, near.subcode, near.key)
        score = fuzz.token_set_ratio(question, _normalise(_entry_words(entry))) if entry is not None else 0.0
        if score > closeness:
            closest, closeness = near, score
    if closest is not None and closeness >= ALIAS_CLOSE:
        cluster.action = "alias"
        cluster.suggestion = (
            f'add "{cluster.question}" as an alias of {closest.source} {closest.label} ({closest.title}): '
            "its words are close, yet the bot found nothing"
        )
    else:
        cluster.action = "missing-entry"
        cluster.suggestion = f'no entry is close: add an entry (or a source) that answers "{cluster.question}"'


def _verdicts(records: list[dict], catalog: Catalog) -> list[EntryVerdicts]:
    by_entry: dict[tuple, dict] = {}
    for r in records:
        if r.get("kind") != "feedback" or not r.get("entries"):
            continue
        ref = _ref(r["entries"][0])
        slot = by_entry.setdefault(ref, {"helpful": 0, "not_helpful": 0, "questions": Counter()})
        slot[r["decision"]] = slot.get(r["decision"], 0) + 1
        if r["decision"] == "not_helpful" and r.get("question"):
            slot["questions"][r["question"]] += 1
    out = []
    for ref, slot in by_entry.items():
        if not slot["not_helpful"]:
            continue
        entry = catalog.get(*ref)
        out.append(EntryVerdicts(
            source=ref[0], code=ref[1], subcode=ref[2], key=ref[3],
            label=entry.label if entry is not None else "(no longer in the catalog)",
            title=entry.title if entry is not None else "",
            not_helpful=slot["not_helpful"], helpful=slot["helpful"],
            questions=[q for q, _ in slot["questions"].most_common(3)],
        ))
    out.sort(key=lambda v: (-v.not_helpful, v.helpful, v.source, v.label))
    return out


# ---------------------------------------------------------------- output


def render_text(report: GapReport) -> str:
    since = f" since {report.since}" if report.since else ""
    lines = [
        f"Unanswered questions{since}: {report.unanswered} in {len(report.clusters)} groups "
        f"(from {report.records} records)",
    ]
    if not report.clusters:
        lines.append("  none recorded")
    for i, c in enumerate(report.clusters, 1):
        decided = ", ".join(f"{k} {v}" for k, v in sorted(c.decisions.items()))
        lines.append(f"{i:3}. {c.count}x  \"{c.question}\"  ({decided})")
        lines.append(f"      first {c.first_seen}  last {c.last_seen}  channels {', '.join(c.channels)}")
        if c.wordings:
            lines.append("      also asked as: " + "; ".join(f'"{w}"' for w in c.wordings))
        if c.nearest:
            lines.append("      nearest: " + "; ".join(f"{n.source} {n.label} ({n.title})" for n in c.nearest))
        lines.append(f"      suggested: {c.action}: {c.suggestion}")
    lines.append("")
    lines.append(f"Entries with the most Not helpful clicks{since}:")
    if not report.not_helpful:
        lines.append("  none recorded")
    for i, v in enumerate(report.not_helpful, 1):
        lines.append(f"{i:3}. {v.source} {v.label} ({v.title}): not helpful {v.not_helpful}, helpful {v.helpful}")
        if v.questions:
            lines.append("      asked as: " + "; ".join(f'"{q}"' for q in v.questions))
    return "\n".join(lines)


CSV_COLUMNS = [
    "section", "rank", "question_or_entry", "count", "first_seen", "last_seen", "channels",
    "decisions", "nearest_entries", "suggested_action", "suggestion", "not_helpful", "helpful",
]


def render_csv(report: GapReport) -> str:
    """One row per cluster (section "unanswered") and per entry (section "not-helpful")."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for i, c in enumerate(report.clusters, 1):
        writer.writerow({
            "section": "unanswered", "rank": i, "question_or_entry": c.question, "count": c.count,
            "first_seen": c.first_seen, "last_seen": c.last_seen, "channels": " ".join(c.channels),
            "decisions": " ".join(f"{k}={v}" for k, v in sorted(c.decisions.items())),
            "nearest_entries": "; ".join(f"{n.source} {n.label}" for n in c.nearest),
            "suggested_action": c.action, "suggestion": c.suggestion,
        })
    for i, v in enumerate(report.not_helpful, 1):
        writer.writerow({
            "section": "not-helpful", "rank": i, "question_or_entry": f"{v.source} {v.label}",
            "count": v.not_helpful + v.helpful, "not_helpful": v.not_helpful, "helpful": v.helpful,
        })
    return out.getvalue()
