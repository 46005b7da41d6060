"""Scale: the benchmark corpus generator and a build of a generated corpus.

The generator must keep each report's structure (same paragraph numbers, same format) while
really varying names, years and amounts, and be deterministic for a seed. A generated corpus
of several reports must build (SHACL-validated) as a subprocess within the memory target,
with one document graph per report and each report's paragraphs all there.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.gen_corpus import generate, names_by_kind
from bench.measure import run_measured
from gold_facts import real_gazetteer
from graph_builder.build import store as store_mod
from graph_builder.text.corpus import load_manifest, read_corpus, read_document
from graph_builder.resources import default_corpus
from serverutil import REPO

PARAGRAPHS_PER_DOC = ("SELECT ?d (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/mdkg/ontology#Paragraph> ; "
                      "<https://w3id.org/mdkg/ontology#inDocument> ?d } GROUP BY ?d")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "n4"
    generate(default_corpus(), out, 4, seed=7)
    return out


def test_generator_is_deterministic_and_seeded(generated, tmp_path):
    again = tmp_path / "again"
    other = tmp_path / "other"
    generate(default_corpus(), again, 4, seed=7)
    generate(default_corpus(), other, 4, seed=8)
    names = sorted(p.name for p in generated.iterdir())
    assert names == sorted(p.name for p in again.iterdir())
    assert all((generated / n).read_bytes() == (again / n).read_bytes() for n in names)
    assert any((generated / n).read_bytes() != (other / n).read_bytes() for n in names if n != "manifest.toml")


def test_copies_keep_structure_and_vary_content(generated):
    sources = {d.path.name: d for d in read_corpus(default_corpus())}
    manifest = load_manifest(generated)
    assert len(manifest) == 4 and len({e["slug"] for e in manifest.values()}) == 4
    docs = read_corpus(generated)
    assert len(docs) == 4
    names = {n for pool in names_by_kind(real_gazetteer()).values() for n in pool}
    for doc in docs:
        source_name = re.sub(r"^\d{4}-", "", doc.path.name)
        source = sources[source_name]
        assert doc.path.suffix == source.path.suffix
        assert [p.number for p in doc.paragraphs] == [p.number for p in source.paragraphs]
        assert len(doc.footnotes) == len(source.footnotes)
        copy_text, source_text = doc.path.read_text(encoding="utf-8"), source.path.read_text(encoding="utf-8")
        assert copy_text.count("\n") == source_text.count("\n")
        assert copy_text != source_text
        assert {n for n in names if n in copy_text} != {n for n in names if n in source_text}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", manifest[doc.path.name]["date"])


@pytest.mark.slow
def test_generated_corpus_builds_within_memory_target(generated, tmp_path):
    store = tmp_path / "store"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
    measured = run_measured([sys.executable, "-m", "graph_builder", "build", "--corpus", str(generated),
                             "--store", str(store)], timeout=600, env=env, cwd=REPO)
    assert measured.returncode == 0, measured.stderr[-3000:]
    assert measured.peak_tree_rss_mib < 1024, measured
    st = ox.Store.read_only(str(store_mod.resolve(store)))
    counts = {row["d"].value: int(row["n"].value)
              for row in st.query(PARAGRAPHS_PER_DOC, use_default_graph_as_union=True)}
    assert len(counts) == 4
    expected = sorted(len(read_document(p).paragraphs) for p in generated.iterdir() if p.suffix in (".md", ".txt"))
    assert sorted(counts.values()) == expected
    print(f"4 generated reports: {measured.wall_s} s wall, {measured.peak_tree_rss_mib} MiB peak")
