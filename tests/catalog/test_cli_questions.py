"""`explain-error "QUESTION"` and `explain-error --json -`, run as installed.

The JSON mode is the protocol ../shared/eval/README.md fixes: one question a
line in, one JSON object a line out, flushed, in the same order. The scorer
drives exactly that, so the dev-set accuracy is checked here as well.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("explain-error")
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(COMMAND), *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_a_question_gets_a_readable_answer():
    out = run("what is subcode 3112")
    assert out.returncode == 0, out.stderr
    assert "Call setup failed due to network configuration problem" in out.stdout
    assert "subcode: 3112" in out.stdout and "ExpectedError" in out.stdout


def test_an_ambiguous_question_lists_the_candidates():
    out = run("what", "is", "404")
    assert out.returncode == 0
    assert "Several errors fit" in out.stdout
    assert "[bot-service] code 404" in out.stdout and "[acs-rest] code 404" in out.stdout


def test_an_unknown_code_says_so_and_never_claims_an_answer():
    out = run("bot returns 418")
    assert "Nothing in the catalog matches" in out.stdout
    assert "4xx" in out.stdout


def test_json_protocol_answers_every_line_in_order():
    questions = ["what is subcode 3112", "", "what is 404", "tell me a joke", "\u202e\x00 odd ✓", "sms 4007"]
    proc = subprocess.Popen([str(COMMAND), "--json", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    # Flushed line by line: each answer can be read before the next question is sent.
    first = []
    for q in questions:
        proc.stdin.write(q + "\n")
        proc.stdin.flush()
        first.append(json.loads(proc.stdout.readline()))
    proc.stdin.close()
    assert proc.wait(timeout=30) == 0
    assert [o["query"] for o in first] == questions
    assert [o["status"] for o in first] == ["answer", "none", "ambiguous", "none", "none", "answer"]
    top = first[0]["matches"][0]
    assert (top["source"], top["code"], top["subcode"]) == ("acs-call-end", 410, 3112)
    assert set(top) >= {"source", "code", "subcode", "title", "message", "score"}


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared/eval is not beside this clone")
def test_dev_set_accuracy_is_at_least_95_percent_and_every_none_is_none():
    out = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "dev.jsonl"), "--cmd", f"{COMMAND} --json -"],
        capture_output=True, text=True, timeout=300,
    )
    acc = float(re.search(r"accuracy: ([\d.]+)%", out.stdout).group(1))
    assert acc >= 95.0, out.stdout
    assert not re.search(r"FAIL \[none\]", out.stdout), out.stdout
