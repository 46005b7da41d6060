"""The build end to end on the bundled corpus: store switch-over, bad input, export round trip."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_builder.cli import main
from graph_builder.publish.exporter import export
from graph_builder.resources import default_corpus
from graph_builder.build.store import open_read_only, resolve

CORPUS = default_corpus()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store built by the CLI itself (the bad-input tests below rebuild over it)."""
    store = tmp_path_factory.mktemp("build") / "store"
    assert main(["build", "--store", str(store)]) == 0
    return store


def quad_count(store: Path) -> int:
    return len(open_read_only(store))


def test_build_creates_store_with_every_graph(built):
    st = open_read_only(built)
    graphs = {g.value for g in st.named_graphs()}
    for name in ("ontology", "reference", "build", "2008-sg-report-international-migration-and-development",
                 "2011-gfmd-swiss-chair-report"):
        assert f"https://w3id.org/mdkg/graph/{name}" in graphs
    rows = list(st.query("SELECT ?d (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/mdkg/ontology#Paragraph> ; "
                         "<https://w3id.org/mdkg/ontology#inDocument> ?d } GROUP BY ?d",
                         use_default_graph_as_union=True))
    counts = sorted(int(r["n"].value) for r in rows)
    assert counts == [75, 267]


def test_build_record_has_sha256_of_each_source(built):
    import hashlib
    st = open_read_only(built)
    rows = list(st.query("SELECT ?file ?sha WHERE { GRAPH <https://w3id.org/mdkg/graph/build> { "
                         "?b a <http://www.w3.org/ns/prov#Activity> ; <http://www.w3.org/ns/prov#used> ?d . "
                         "?d <https://w3id.org/mdkg/ontology#sha256> ?sha ; <https://w3id.org/mdkg/ontology#sourceFile> ?file } }"))
    got = {r["file"].value: r["sha"].value for r in rows}
    assert len(got) == 2
    for name, sha in got.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == sha


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_export_round_trips(built, tmp_path, fmt):
    out = tmp_path / f"dump.{fmt}"
    assert main(["export", "--store", str(built), "--format", fmt, "--out", str(out)]) == 0
    again = ox.Store()
    again.bulk_load(path=str(out), format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG)
    assert len(again) == quad_count(built)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld"])
def test_export_other_formats_parse_with_rdflib(built, fmt):
    import rdflib
    buf = io.BytesIO()
    n = export(built, fmt, buf)
    assert n > 1000
    rdf_format = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}[fmt]
    if fmt == "jsonld":
        g = rdflib.Dataset()
        g.parse(data=buf.getvalue(), format=rdf_format)
        assert sum(1 for _ in g.quads()) == n
    else:
        g = rdflib.Graph()
        g.parse(data=buf.getvalue(), format=rdf_format)
        assert len(g) == n


def _corpus_with(tmp_path: Path, name: str, content: bytes) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / name).write_bytes(content)
    return corpus


BAD_FILES = {
    "empty": b"",
    "not-utf8": "١ - نص عربي\n".encode("utf-8") + b"\n\xff\xfe broken line\n",
    "binary": b"\x00\x01\x02PK\x03\x04" * 50,
    "no-paragraphs": "## عنوان\n\n## عنوان آخر\n".encode("utf-8"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_input_stops_build_and_keeps_previous_store(built, tmp_path, capsys, case):
    before_target, before_quads = resolve(built), quad_count(built)
    corpus = _corpus_with(tmp_path, f"zz-{case}.ar.txt", BAD_FILES[case])
    assert main(["build", "--corpus", str(corpus), "--store", str(built)]) != 0
    err = capsys.readouterr().err
    assert f"zz-{case}.ar.txt" in err
    assert resolve(built) == before_target
    assert quad_count(built) == before_quads


def test_strict_turns_numbering_warnings_into_errors(built, tmp_path, capsys):
    text = "١ - الفقرة الأولى.\n\n٢ - الفقرة الثانية.\n\n٢ - فقرة مكررة الرقم.\n\n٣ - الفقرة الثالثة.\n"
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "dup.ar.md").write_text(text, encoding="utf-8")
    before = resolve(built)
    assert main(["build", "--corpus", str(corpus), "--store", str(built), "--strict"]) != 0
    assert "dup.ar.md" in capsys.readouterr().err
    assert resolve(built) == before


def _dump_without_build_graph(store: Path) -> set[str]:
    st = open_read_only(store)
    build_graph = "https://w3id.org/mdkg/graph/build"
    return {str(q) for q in st if getattr(q.graph_name, "value", "") != build_graph}


def test_incremental_rebuild_reprocesses_only_the_changed_report_and_equals_full_build(tmp_path):
    from graph_builder.build.pipeline import build
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    store = tmp_path / "inc" / "store"
    first = build(corpus, store, validate=False)
    assert first.reprocessed == 2
    report = corpus / "2011-gfmd-swiss-chair-report.ar.txt"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("المنتدى العالمي", "المنتدى العالمـي", 1), encoding="utf-8")
    second = build(corpus, store, validate=False)
    assert second.reprocessed == 1
    assert [d.cached for d in second.documents] == [True, False]
    full = build(corpus, tmp_path / "full" / "store", validate=False, use_cache=False)
    assert full.reprocessed == 2
    assert _dump_without_build_graph(store) == _dump_without_build_graph(tmp_path / "full" / "store")


@pytest.mark.timing  # wall-clock bound: runs alone
def test_build_of_both_reports_takes_under_20_seconds(tmp_path):
    from graph_builder.build.pipeline import build
    result = build(CORPUS, tmp_path / "timed" / "store", use_cache=False)
    assert result.reprocessed == 2
    assert result.seconds < 20, f"build took {result.seconds:.1f} s"


def test_cache_fingerprint_covers_build_stages_and_data_files_only():
    from graph_builder.build.cache import fingerprint_files
    root = Path(__file__).resolve().parent.parent
    names = {f.resolve().relative_to(root).as_posix() for f in fingerprint_files()}
    for needed in ("graph_builder/text/arabic.py", "graph_builder/recognise/matcher.py",
                   "graph_builder/facts/events.py", "graph_builder/build/emit.py",
                   "graph_builder/validate/shacl_sparql.py",
                   "graph_builder/namespaces.py", "gazetteer/places.toml", "ontology/mdkg.ttl",
                   "ontology/shapes.ttl", "ontology/document-kinds.toml", "lexicons/months.toml"):
        assert needed in names, needed
    assert any(n.startswith("graph_builder/values") for n in names)
    for outside in ("graph_builder/cli.py", "graph_builder/publish/push.py", "graph_builder/publish/dumps.py",
                    "graph_builder/build/add.py", "graph_builder/build/build_dumps.py", "graph_builder/publish/void.py",
                    "graph_builder/build/cache.py",
                    "graph_builder/review/explain.py", "graph_builder/service/sparql.py"):
        assert outside not in names, outside
