"""The real-text development set's committed parts agree with each other (no third-party text needed).

Checks the sources list (``devset/sources.toml``), the answer key of the set
(``tests/data/extraction_key/realtext/``) and the presence checker ``devset/fetch.py``: every key
names a listed text, every listed text has a key, ids are unique and are the build's slugs, the
texts folder is git-ignored, and the checker reports a missing and a malformed text.
"""
from __future__ import annotations

import importlib.util
import re
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "devset" / "sources.toml"
KEYS = ROOT / "tests" / "data" / "extraction_key" / "realtext"


def _fetch_module():
    spec = importlib.util.spec_from_file_location("devset_fetch", ROOT / "devset" / "fetch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sources():
    return tomllib.loads(SOURCES.read_text(encoding="utf-8"))["text"]


def test_sources_have_every_field_and_unique_slug_ids(sources):
    ids = [e["id"] for e in sources]
    assert len(ids) == len(set(ids))
    for entry in sources:
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", entry["id"]), entry["id"]
        assert entry["url"].startswith(("http://", "https://")), entry["id"]
        assert entry["corpus"] == "pages" and entry["query"].strip(), entry["id"]
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}|undated", entry["date"]), entry["id"]
        if "manifest_date" in entry:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["manifest_date"]), entry["id"]


def test_set_is_large_and_varied(sources):
    assert len(sources) >= 40
    assert len({e["outlet"] for e in sources}) >= 15
    assert len({e["register"] for e in sources}) >= 5


def test_every_text_has_a_key_and_every_key_a_text(sources):
    ids = {e["id"] for e in sources}
    keyed = {}
    for path in KEYS.glob("*.toml"):
        if path.name == "set.toml":
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        keyed[data.get("document", path.stem)] = path
        assert data.get("document", path.stem) == path.stem, path
    assert set(keyed) == ids


def test_key_tables_match_the_stated_totals():
    head = tomllib.loads((KEYS / "set.toml").read_text(encoding="utf-8"))
    tables = traps = 0
    for path in KEYS.glob("rt*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        tables += len(data.get("fact", [])) + len(data.get("trap", [])) + len(data.get("unscored", []))
        traps += len(data.get("trap", []))
    assert (tables, traps) == (head["facts"], head["traps"])


def test_texts_folder_is_ignored_by_git():
    probe = "devset/texts/rt00-probe.txt"
    result = subprocess.run(["git", "check-ignore", "-q", probe], cwd=ROOT)
    assert result.returncode == 0, "devset/texts/ must be git-ignored: third-party text is never committed"


def test_checker_reports_missing_and_malformed_texts(tmp_path, capsys, sources):
    fetch = _fetch_module()
    first, second = sources[0]["id"], sources[1]["id"]
    (tmp_path / f"{first}.txt").write_text("\nعنوان مفقود في السطر الأول\n\n" + "نص " * 100, encoding="utf-8")
    (tmp_path / f"{second}.txt").write_bytes(b"\xff\xfe broken")
    (tmp_path / "rt99-unlisted.txt").write_text("x\n", encoding="utf-8")
    status = fetch.main(["--texts", str(tmp_path), "--quiet"])
    out = capsys.readouterr().out
    assert status == 1
    assert f"MALFORMED {first}: line 1" in out
    assert f"MALFORMED {second}: not UTF-8" in out
    assert f"MISSING {sources[2]['id']}" in out and sources[2]["url"] in out
    assert "UNLISTED" in out and "rt99-unlisted" in out


def test_manifest_gives_only_page_dates(tmp_path, sources):
    fetch = _fetch_module()
    path = fetch.write_manifest(sources, tmp_path)
    manifest = tomllib.loads(path.read_text(encoding="utf-8"))
    assert len(manifest) == len(sources)
    for entry in sources:
        table = manifest[entry["id"] + ".txt"]
        assert table["slug"] == entry["id"]
        assert table.get("date") == entry.get("manifest_date")
        assert "title_en" not in table and "summary" not in table
