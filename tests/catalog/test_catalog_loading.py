"""The shipped catalog loads, and a broken data file says exactly where it is broken.

The data files are edited by hand. A mistake must stop the bot at start-up with
one line that names the file, the entry and the field, so the person who made
the edit can fix it without reading a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalog import Catalog, CatalogError
from catalog.loader import DATA_DIR

SOURCES = {
    "bot-service", "omnichannel-messaging", "rag-api", "acs-calling-sdk", "acs-call-end",
    "acs-call-automation", "acs-pstn", "acs-chat", "acs-sms-delivery", "acs-sms-api",
    "acs-rest", "acs-troubleshooting",
}
EVAL_README = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "README.md"


# --------------------------------------------------------------------------- the real catalog

@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_the_shipped_catalog_has_the_twelve_sources(catalog):
    assert set(catalog.sources) == SOURCES
    assert sorted(p.stem for p in DATA_DIR.glob("*.toml")) == sorted(SOURCES), "one file per source, named <id>.toml"


def test_every_source_has_entries(catalog):
    empty = [sid for sid in SOURCES if not catalog.by_source.get(sid)]
    assert not empty


def test_source_names_are_the_ones_the_eval_protocol_uses(catalog):
    if not EVAL_README.is_file():
        pytest.skip(f"the evaluation README is not here ({EVAL_README}); it comes with ../shared")
    in_readme = set(re.findall(r"^\| `([a-z-]+)` \|", EVAL_README.read_text(encoding="utf-8"), re.M))
    assert in_readme == set(catalog.sources)


def test_entries_point_at_their_own_file_and_source(catalog):
    for e in catalog.entries:
        assert e.source in catalog.sources
        assert e.title.strip() and e.message.strip()
        assert len(e.title) <= 80, f"{e.identity}: titles are one short line on a card"


def test_codeless_entries_have_keys_and_kinds(catalog):
    codeless = [e for e in catalog.entries if e.code is None and e.subcode is None]
    assert codeless
    for e in codeless:
        assert e.key or e.string_code, e.title
    assert {e.kind for e in codeless} >= {"concept", "tip"}


# --------------------------------------------------------------------------- broken files

GOOD_SOURCE = """\
[source]
id = "demo"
product = "Demo product"
document = "Demo document"
seed = "999"
"""

ENTRY_ONE = """
[[entries]]
source = "demo"
section = "table"
code = 401
title = "Unauthorized"
message = "The token is expired."
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _load_error(*paths: Path) -> str:
    with pytest.raises(CatalogError) as info:
        Catalog.load(paths)
    message = str(info.value)
    assert "\n" not in message, "the error is one line"
    return message


def test_a_good_fixture_loads(tmp_path):
    catalog = Catalog.load([_write(tmp_path, "demo.toml", GOOD_SOURCE + ENTRY_ONE)])
    assert catalog.get("demo", 401).title == "Unauthorized"


def test_missing_required_field_names_file_entry_and_field(tmp_path):
    no_title = ENTRY_ONE.replace('title = "Unauthorized"\n', "")
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + ENTRY_ONE.replace("401", "400") + no_title))
    assert message.startswith("demo.toml: ")
    assert "entry #2 (code=401)" in message
    assert "field 'title'" in message and "missing required field" in message


def test_wrong_type_names_file_entry_and_field(tmp_path):
    wrong = ENTRY_ONE.replace("code = 401", 'code = "four-oh-one"')
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + wrong))
    assert message.startswith("demo.toml: ")
    assert "entry #1 (code=four-oh-one)" in message
    assert "field 'code'" in message and "integer" in message


def test_unknown_category_names_the_field(tmp_path):
    wrong = ENTRY_ONE + 'category = "SortOfAnError"\n'
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + wrong))
    assert "demo.toml: entry #1 (code=401), field 'category'" in message


def test_duplicate_identity_in_one_file(tmp_path):
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + ENTRY_ONE + ENTRY_ONE))
    assert message.startswith("demo.toml: entry #2 (code=401), field 'code': duplicate identity")
    assert "('demo', 401, None)" in message


def test_duplicate_key_of_a_codeless_entry(tmp_path):
    concept = '\n[[entries]]\nsource = "demo"\nkind = "concept"\nkey = "retry-after"\nsection = "c"\ntitle = "T"\nmessage = "M"\n'
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + concept + concept))
    assert message.startswith("demo.toml: entry #2 (key=retry-after), field 'key': duplicate identity")


def test_same_source_in_two_files(tmp_path):
    a = _write(tmp_path, "a.toml", GOOD_SOURCE + ENTRY_ONE)
    b = _write(tmp_path, "b.toml", GOOD_SOURCE + ENTRY_ONE.replace("401", "403"))
    message = _load_error(a, b)
    assert message == "b.toml: [source], field 'id': source 'demo' is defined twice"


def test_entry_with_an_unknown_source(tmp_path):
    stray = ENTRY_ONE.replace('source = "demo"', 'source = "demo-typo"')
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + stray))
    assert message.startswith("demo.toml: entry #1 (code=401), field 'source': unknown source 'demo-typo'")


def test_invalid_toml_names_the_entry_and_field_at_the_broken_line(tmp_path):
    unterminated = ENTRY_ONE.replace('title = "Unauthorized"', 'title = "Unauthorized')
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + ENTRY_ONE.replace("401", "400") + unterminated))
    assert message.startswith("demo.toml: entry #2, field 'title': not valid TOML:")
    assert "(at line 18," in message


def test_missing_source_table(tmp_path):
    message = _load_error(_write(tmp_path, "demo.toml", ENTRY_ONE))
    assert message == "demo.toml: [source], field 'source': the [source] table is missing"


def test_codeless_entry_without_key(tmp_path):
    keyless = '\n[[entries]]\nsource = "demo"\nkind = "tip"\nsection = "tips"\ntitle = "A tip"\nmessage = "M"\n'
    message = _load_error(_write(tmp_path, "demo.toml", GOOD_SOURCE + keyless))
    assert message == "demo.toml: entry #1 ('A tip'), field 'key': an entry with no code and no subcode needs a key"


def test_the_command_line_reports_broken_data_in_one_line(tmp_path, monkeypatch, capsys):
    """What a maintainer sees after a bad edit: exit 1 and the one-line reason, no traceback."""
    from catalog import cli

    broken = _write(tmp_path, "demo.toml", GOOD_SOURCE + ENTRY_ONE.replace("code = 401", 'code = "x"'))
    monkeypatch.setattr(cli, "load_catalog", lambda: Catalog.load([broken]))
    assert cli.main(["catalog"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "explain-error: catalog data is broken: demo.toml: entry #1 (code=x), field 'code': "
        "Input should be a valid integer, unable to parse string as an integer"
    )
