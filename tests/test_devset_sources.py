"""The real-text development sets' committed parts agree with each other (no third-party text needed).

Checks, for the real-text set (``devset/sources.toml``, key ``tests/data/extraction_key/realtext/``)
and for every blind set kept apart from the rules' writers (``devset/NAME-sources.toml``, key
``tests/data/extraction_key/NAME/``: ``fresh``, ``fresh2`` …), the sources list, the answer key and
the presence checker ``devset/fetch.py``: every key names a listed text, every listed text has a
key, ids are unique and are the build's slugs, no two sets share a page, the texts folders are
git-ignored, and the checker reports a missing and a malformed text.
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
# (set name, sources list, key folder, at least N texts, outlets, registers): the realtext set, then
# every other set found as devset/NAME-sources.toml (a blind set is at least 25 texts by 12 outlets; a
# smaller development set in one register, listed in SMALL_SETS, has its own floor)
SMALL_SETS = {"undev": (15, 8, 3)}   # the institutional-register development set (UN/IO pages)
SETS = [("realtext", SOURCES, KEYS, 40, 15, 5)] + [
    (path.name[: -len("-sources.toml")], path, ROOT / "tests" / "data" / "extraction_key" / path.name[: -len("-sources.toml")],
     *SMALL_SETS.get(path.name[: -len("-sources.toml")], (25, 12, 5)))
    for path in sorted((ROOT / "devset").glob("*-sources.toml"))]
BLIND = [name for name, *_ in SETS[1:]]


def _fetch_module():
    spec = importlib.util.spec_from_file_location("devset_fetch", ROOT / "devset" / "fetch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sources():
    return tomllib.loads(SOURCES.read_text(encoding="utf-8"))["text"]


def _listed(path: Path) -> list:
    return tomllib.loads(path.read_text(encoding="utf-8"))["text"]


@pytest.mark.parametrize("name,path", [(n, p) for n, p, *_ in SETS])
def test_sources_have_every_field_and_unique_slug_ids(name, path):
    sources = _listed(path)
    ids = [e["id"] for e in sources]
    assert len(ids) == len(set(ids))
    for entry in sources:
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", entry["id"]), entry["id"]
        assert entry["url"].startswith(("http://", "https://")), entry["id"]
        assert entry["corpus"] == "pages" and entry["query"].strip(), entry["id"]
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}|undated", entry["date"]), entry["id"]
        if "manifest_date" in entry:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["manifest_date"]), entry["id"]


@pytest.mark.parametrize("name,path,keys,texts,outlets,registers", SETS)
def test_set_is_large_and_varied(name, path, keys, texts, outlets, registers):
    sources = _listed(path)
    assert len(sources) >= texts
    assert len({e["outlet"] for e in sources}) >= outlets
    assert len({e["register"] for e in sources}) >= registers


def test_there_are_blind_sets():
    assert {"fresh", "fresh2", "fresh3", "fresh4"} <= set(BLIND)


@pytest.mark.parametrize("one,other", [(a, b) for i, a in enumerate(SETS) for b in SETS[i + 1:]],
                         ids=lambda s: s[0])
def test_no_two_sets_share_a_page_or_an_id(one, other):
    first, second = _listed(one[1]), _listed(other[1])
    assert not {e["url"] for e in first} & {e["url"] for e in second}
    assert not {e["id"] for e in first} & {e["id"] for e in second}


@pytest.mark.parametrize("name,path,keys", [(n, p, k) for n, p, k, *_ in SETS])
def test_every_text_has_a_key_and_every_key_a_text(name, path, keys):
    ids = {e["id"] for e in _listed(path)}
    keyed = {}
    for path in keys.glob("*.toml"):
        if path.name == "set.toml":
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        keyed[data.get("document", path.stem)] = path
        assert data.get("document", path.stem) == path.stem, path
    assert set(keyed) == ids


@pytest.mark.parametrize("name,keys", [(n, k) for n, _, k, *_ in SETS])
def test_key_tables_match_the_stated_totals(name, keys):
    head = tomllib.loads((keys / "set.toml").read_text(encoding="utf-8"))
    tables = traps = 0
    for path in keys.glob("*.toml"):
        if path.name == "set.toml":
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        tables += len(data.get("fact", [])) + len(data.get("trap", [])) + len(data.get("unscored", []))
        traps += len(data.get("trap", []))
    assert (tables, traps) == (head["facts"], head["traps"])


@pytest.mark.parametrize("probe", ["devset/texts/rt00-probe.txt"] + [f"devset/texts-{name}/x00-probe.txt" for name in BLIND])
def test_texts_folder_is_ignored_by_git(probe):
    result = subprocess.run(["git", "check-ignore", "-q", probe], cwd=ROOT)
    assert result.returncode == 0, f"{probe}: texts folders must be git-ignored: third-party text is never committed"


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


@pytest.mark.parametrize("name", BLIND)
def test_checker_reads_another_set_by_name(name, tmp_path, capsys):
    fetch = _fetch_module()
    fresh = _listed(dict((n, p) for n, p, *_ in SETS)[name])
    (tmp_path / f"{fresh[0]['id']}.txt").write_text("عنوان\n\n" + "نص " * 100, encoding="utf-8")
    status = fetch.main(["--set", name, "--texts", str(tmp_path), "--quiet"])
    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith(f"{len(fresh)} texts listed, 1 present")
    assert f"MISSING {fresh[1]['id']}" in out and fresh[1]["url"] in out
    with pytest.raises(SystemExit, match="no such sources list"):
        fetch.main(["--set", "nosuchset", "--texts", str(tmp_path)])
