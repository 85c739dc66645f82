"""`explain-error catalog [--source ID]`, run as the installed command a maintainer types.

Runs the console script from the same environment as the tests (next to
sys.executable), so a broken entry point or packaging of the data files fails
here too, not only the Python functions behind it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from catalog import Catalog

COMMAND = Path(sys.executable).with_name("explain-error")


def run(*args: str) -> subprocess.CompletedProcess:
    assert COMMAND.exists(), f"{COMMAND} is missing: install the project with pip install -e '.[test]'"
    return subprocess.run([str(COMMAND), *args], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_lists_every_source_with_its_entry_count(catalog):
    result = run("catalog")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["SOURCE", "PRODUCT", "ENTRIES", "DOCUMENT"]
    listed = {}
    for line in lines[1:-1]:
        sid = line.split()[0]
        listed[sid] = int(re.search(r"\s(\d+)\s{2}", line).group(1))
    expected = {sid: len(catalog.by_source[sid]) for sid in catalog.sources}
    assert listed == expected
    assert len(listed) == 12
    assert lines[-1] == f"12 sources, {len(catalog)} entries"


def test_source_listing_shows_each_entry(catalog):
    result = run("catalog", "--source", "acs-sms-delivery")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("acs-sms-delivery: ")
    assert re.search(r"^\s+code 4007\s+The Destination/To number opted out of receiving messages from you$", out, re.M)
    assert out.rstrip().endswith(f"{len(catalog.by_source['acs-sms-delivery'])} entries")


def test_source_listing_shows_subcodes_categories_and_concepts():
    out = run("catalog", "--source", "acs-call-end").stdout
    assert re.search(r"^\s+code 410 / subcode 3112\s+ExpectedError\s+Call setup failed due to network configuration", out, re.M)
    out = run("catalog", "--source", "acs-calling-sdk").stdout
    assert re.search(r"^\s+concept category-expectederror\s+ExpectedError\s+ExpectedError \(result category\)$", out, re.M)


def test_unknown_source_exits_2_and_names_the_known_ones():
    result = run("catalog", "--source", "acs-fax")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "unknown source 'acs-fax'" in result.stderr
    assert "acs-sms-delivery" in result.stderr and "bot-service" in result.stderr
    assert "Traceback" not in result.stderr
