"""Rebuild rules: what a rebuild re-runs after a change to code outside the stages, a lexicon, the gazetteer.

Each test works on a copy of the package and its data folders (so files can be edited) and runs
the real ``mdkg build`` of that copy as a subprocess on the bundled reports, then reads what it
says it re-ran. The rules: code outside the build stages (service, dumps, review, command
line) re-runs nothing; a lexicon file the mention stage does not read (measured by
``stage_inputs.probe``) re-runs facts, RDF and SHACL from the cached mentions; a lexicon file
the mention stage reads, or a gazetteer file, re-runs every stage after reading the source and
names the changed file; and every such rebuild equals a full build of the changed tree.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

REPO = Path(__file__).resolve().parent.parent
BUILT = re.compile(r"built (\d+) reports \((\d+) re-processed\)")
STAGES = re.compile(r"stages re-run: mentions on (\d+) reports, facts/RDF/SHACL on (\d+)")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree")
    shutil.copytree(REPO / "graph_builder", root / "graph_builder",
                    ignore=shutil.ignore_patterns("__pycache__", "_data"))
    for name in ("gazetteer", "lexicons", "ontology", "corpus"):
        shutil.copytree(REPO / name, root / name)
    return root


def mdkg_build(tree: Path, store: Path, *extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
    env["PYTHONPATH"] = str(tree)
    done = subprocess.run([sys.executable, "-c", "import graph_builder, sys; assert graph_builder.__file__.startswith("
                           f"{str(tree)!r}), graph_builder.__file__; from graph_builder.cli import main; "
                           "sys.exit(main(sys.argv[1:]))", "build", "--corpus", str(tree / "corpus"), "--store",
                           str(store), "--no-validate", "--dumps", "none", *extra],
                          capture_output=True, text=True, env=env, cwd=tree, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def reprocessed(out: str) -> int:
    return int(BUILT.search(out).group(2))


def stages(out: str) -> tuple[int, int]:
    m = STAGES.search(out)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def quads(store: Path) -> set[str]:
    target = Path(os.path.realpath(store))
    lines = ox.Store.read_only(str(target)).dump(format=ox.RdfFormat.N_QUADS).decode().splitlines()
    return {line for line in lines if "/graph/build>" not in line}


def touch(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")


def test_rebuild_rules(tree, tmp_path):
    store = tmp_path / "store"
    assert reprocessed(mdkg_build(tree, store)) == 2

    # code outside the build stages: nothing re-runs
    touch(tree / "graph_builder" / "publish" / "dumps.py", "\n# an edit outside the build stages\n")
    touch(tree / "graph_builder" / "service" / "pages.py", "\n# an edit outside the build stages\n")
    touch(tree / "graph_builder" / "cli.py", "\n# an edit outside the build stages\n")
    out = mdkg_build(tree, store)
    assert reprocessed(out) == 0, out

    # a lexicon the mention stage does not read: facts, RDF and SHACL only, from cached mentions
    extra = tree / "lexicons" / "rules-only.toml"
    extra.write_text('# a lexicon no reading or matching code opens\nwords = ["مثال"]\n', encoding="utf-8")
    out = mdkg_build(tree, store)
    assert reprocessed(out) == 2 and stages(out) == (0, 2), out
    assert "lexicons/rules-only.toml" in out

    # a lexicon the mention stage reads (the date words a dateline is read with): every stage re-runs
    touch(tree / "lexicons" / "months.toml", "\n# same months, new bytes\n")
    out = mdkg_build(tree, store)
    assert stages(out) == (2, 2), out
    assert re.search(r"mentions: re-run because these inputs changed: .*lexicons/months\.toml", out), out

    # the gazetteer: every stage re-runs, and the build names the file
    touch(tree / "gazetteer" / "places.toml", "\n# same places, new bytes\n")
    out = mdkg_build(tree, store)
    assert stages(out) == (2, 2), out
    assert re.search(r"mentions: re-run because these inputs changed: gazetteer/places\.toml", out), out

    # a code edit inside a build stage re-runs it
    rule_module = next(p for p in sorted((tree / "graph_builder" / "facts").glob("*.py")) if p.name != "__init__.py")
    touch(rule_module, "\n# an edit inside the fact stage\n")
    out = mdkg_build(tree, store)
    assert reprocessed(out) == 2 and stages(out) == (0, 2), out

    full = tmp_path / "full"
    assert reprocessed(mdkg_build(tree, full, "--full")) == 2
    assert quads(store) == quads(full)
