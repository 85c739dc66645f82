"""`explain-error` for people and scripts: usage, exit statuses, the terminal's width.

Scripts branch on the exit status: 0 answered, 3 ambiguous, 4 none, 2 usage,
1 broken catalog data; --json is the evaluation protocol and exits 0. Asking
nothing, an empty question or 'help' prints how to ask, with examples. Answers
are wrapped to the terminal's width, 80 columns included.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMAND = Path(sys.executable).with_name("explain-error")


def run(*args: str, columns: int | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if columns is not None:
        env["COLUMNS"] = str(columns)  # what shutil.get_terminal_size reads first
    return subprocess.run([str(COMMAND), *args], input=stdin, capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("args, status", [((), 2), (("help",), 0), (("",), 2), (("   ",), 2)])
def test_nothing_asked_prints_usage_with_examples(args, status):
    out = run(*args)
    assert out.returncode == status
    assert "usage:" in out.stdout and "examples:" in out.stdout and "exit status:" in out.stdout
    assert 'explain-error "what is subcode 3112"' in out.stdout
    assert "Nothing in the catalog matches" not in out.stdout


def test_help_is_also_the_argparse_help():
    out = run("--help")
    assert out.returncode == 0
    assert "exit status:" in out.stdout and "3  ambiguous" in out.stdout


@pytest.mark.parametrize(
    "question, status, text",
    [
        ("what is subcode 3112", 0, "Call setup failed"),
        ("what is 404", 3, "Several errors fit"),
        ("bot returns 418", 4, "Nothing in the catalog matches"),
        ("Twilio error 603", 4, "This looks like an error from Twilio"),
    ],
)
def test_each_verdict_has_its_exit_status(question, status, text):
    out = run(question)
    assert out.returncode == status, out.stdout
    assert text in out.stdout


def test_a_question_that_starts_with_help_is_a_question():
    out = run("help", "with", "subcode", "3112")
    assert out.returncode == 0 and "Call setup failed" in out.stdout


def test_stdin_lines_exit_with_the_least_answered():
    assert run("-", stdin="subcode 3112\nwhat is 404\n").returncode == 3
    assert run("-", stdin="subcode 3112\nbot returns 418\nwhat is 404\n").returncode == 4
    assert run("-", stdin="subcode 3112\n").returncode == 0


def test_json_mode_exits_0_whatever_the_verdicts():
    out = run("--json", "-", stdin="what is 404\nbot returns 418\n")
    assert out.returncode == 0
    assert [json.loads(line)["status"] for line in out.stdout.splitlines()] == ["ambiguous", "none"]
    assert run("--json", "bot returns 418").returncode == 0


@pytest.mark.parametrize("columns", [80, 60])
@pytest.mark.parametrize(
    "question",
    ["what is subcode 3112", "what is 404", "bot returns 418", "Twilio error 603", "bot returns 401"],
)
def test_every_line_fits_the_terminal_but_a_long_web_address(columns, question):
    out = run(question, columns=columns)
    lines = out.stdout.splitlines()
    assert lines
    too_long = [line for line in lines if len(line) > columns and "://" not in line]
    assert too_long == []


def test_a_wide_terminal_gets_longer_lines_up_to_100_columns():
    lines = run("bot returns 401", columns=200).stdout.splitlines()
    assert max(len(line) for line in lines if "://" not in line) > 80
    assert all(len(line) <= 100 for line in lines if "://" not in line)


def test_subcommands_are_one_table_to_extend():
    from catalog import cli

    assert set(cli.SUBCOMMANDS) >= {"catalog", "help"}
    assert cli.main(["help"]) == 0
