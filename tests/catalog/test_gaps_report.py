"""`explain-error gaps`: questions sent to the real bot show up in the maintainers' report.

The bot runs as a process with its records in a data directory of the test's
own; the report is `explain-error gaps` (catalog.cli), run with the same environment.
The bot writes its records in batches, within BOT_RECORDS_FLUSH_SECONDS (1 s by
default) and when it stops: a report run right after a question may not show it
yet, one run a moment later does (report_when_written waits for that moment).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.support.bot_server import REPO, activity, conversation_id, post
from tests.support.azurite import azurite_or_skip
from tests.support.storage_turns import ask, feedback_buttons

UNKNOWN = [
    "my toaster shows error E-17 when I call it",
    "My toaster shows error E-17 when I call it!",
    "toaster shows error E-17 when i call",
]


def gaps(env: dict, *args: str) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    full.update(env)
    return subprocess.run(
        [sys.executable, "-m", "catalog.cli", "gaps", *args], cwd=REPO, env=full,
        capture_output=True, text=True, timeout=120,
    )


def report_when_written(env: dict, done=lambda report: report["unanswered"] >= 1, timeout: float = 15.0) -> dict:
    """`gaps --json` once `done(report)`, or at the timeout (the bot writes what it recorded within its flush interval)."""
    deadline = time.monotonic() + timeout
    while True:
        ran = gaps(env, "--json")
        assert ran.returncode == 0, ran.stderr
        report = json.loads(ran.stdout)
        if done(report) or time.monotonic() > deadline:
            return report
        time.sleep(0.2)


def records_file_when_written(path: Path, lines: int = 1, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while (not path.exists() or len(path.read_text().splitlines()) < lines) and time.monotonic() < deadline:
        time.sleep(0.1)
    return path.read_text() if path.exists() else ""


def send_the_questions(bot, sink) -> None:
    for text in UNKNOWN:
        ask(bot, sink, text, conversation_id(), channelId="msteams")
    ask(bot, sink, "and 500?", conversation_id())  # a choice between products: ambiguous
    answered = ask(bot, sink, "bot returns 405", conv := conversation_id())
    not_helpful = [b for b in feedback_buttons(answered) if not b["helpful"]][0]
    assert post(bot, activity(sink, None, conv, value=not_helpful)).status_code == 200
    sink.wait_for_updates(1, conv)  # the verdict replaces the buttons on the answer card


def test_questions_sent_to_the_bot_appear_grouped_in_the_report(start_bot, sink, tmp_path):
    env = {"BOT_DATA_DIR": str(tmp_path)}
    send_the_questions(start_bot(env=env), sink)

    report = report_when_written(env, lambda r: r["unanswered"] == 4 and r["not_helpful"])  # the bot still serving
    toaster = report["clusters"][0]
    assert toaster["count"] == 3  # three spellings, one gap
    assert "toaster" in toaster["question"].lower()
    assert toaster["channels"] == ["msteams"]
    assert toaster["decisions"] == {"none": 3}
    assert toaster["action"] == "missing-entry"
    assert toaster["first_seen"] <= toaster["last_seen"]

    ambiguous = [c for c in report["clusters"] if c["question"] == "and 500?"][0]
    assert ambiguous["decisions"] == {"ambiguous": 1}
    assert len(ambiguous["nearest"]) >= 2  # the products it could be
    assert ambiguous["action"] == "alias"

    [entry] = report["not_helpful"]
    assert (entry["source"], entry["code"], entry["not_helpful"]) == ("bot-service", 405, 1)
    assert entry["questions"] == ["bot returns 405"]

    text = gaps(env).stdout
    assert "3x" in text and "toaster" in text.lower() and "Not helpful" in text

    rows = list(csv.DictReader(io.StringIO(gaps(env, "--csv").stdout)))
    assert rows[0]["section"] == "unanswered" and rows[0]["count"] == "3"
    assert [r["section"] for r in rows].count("not-helpful") == 1


def test_the_report_never_shows_what_was_scrubbed(start_bot, sink, tmp_path):
    env = {"BOT_DATA_DIR": str(tmp_path)}
    bot = start_bot(env=env)
    ask(bot, sink, "jane.doe@contoso.com gets 'token sk0123456789abcdefghijklmnopqrstuvwxyz invalid' from +1 425 555 0100", conversation_id())
    kept = records_file_when_written(tmp_path / "records.jsonl")
    assert "<email>" in kept
    report = gaps(env, "--json").stdout
    for secret in ("jane.doe", "contoso.com", "sk0123456789", "555 0100"):
        assert secret not in kept and secret not in report
    assert "<email>" in report and "<phone>" in report and "<token>" in report


def test_a_retried_activity_is_recorded_once(start_bot, sink, tmp_path):
    env = {"BOT_DATA_DIR": str(tmp_path)}
    bot = start_bot(env=env)
    same = activity(sink, "my toaster shows error E-17", conversation_id())
    assert post(bot, same).status_code == 200
    assert post(bot, same).status_code == 200  # Teams retries with the same activity id
    records_file_when_written(tmp_path / "records.jsonl")
    assert post(bot, same).status_code == 200  # and again, once the first record is written
    bot.stop()  # everything queued is written
    assert json.loads(gaps(env, "--json").stdout)["unanswered"] == 1


def test_since_leaves_out_older_records(start_bot, sink, tmp_path):
    env = {"BOT_DATA_DIR": str(tmp_path)}
    ask(start_bot(env=env), sink, UNKNOWN[0], conversation_id())
    report_when_written(env)
    assert json.loads(gaps(env, "--json", "--since", "1h").stdout)["unanswered"] == 1
    assert json.loads(gaps(env, "--json", "--since", "2999-01-01").stdout)["unanswered"] == 0
    bad = gaps(env, "--since", "last tuesday")
    assert bad.returncode == 2 and "7d" in bad.stderr


def test_with_blob_storage_two_instances_keep_one_record_per_activity_and_the_report_reads_them(start_bot, sink, tmp_path):
    with azurite_or_skip() as blob:
        env = blob.bot_env()
        a, b = start_bot(env=env), start_bot(env=env)
        same = activity(sink, UNKNOWN[0], conversation_id())
        assert post(a, same).status_code == 200
        assert post(b, same).status_code == 200  # the retry landed on the other instance
        ask(b, sink, UNKNOWN[1], conversation_id())
        a.stop(), b.stop()  # both write what they queued as they stop
        report = json.loads(gaps(env, "--json").stdout)
        assert report["unanswered"] == 2
        assert report["clusters"][0]["count"] == 2
