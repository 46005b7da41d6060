"""The ``mdkg`` review and query commands on the real build."""
from __future__ import annotations

import csv
import io
import json
import sys

import pyoxigraph as ox
import pytest

from graph_builder.cli import main
from graph_builder.build.emit import file_quads
from graph_builder.namespaces import MDKG, RDF, SKOS, Base
from graph_builder.resources import default_corpus, ontology_file
from graph_builder.build.store import staged_build

RCP_REMITTANCES = ("PREFIX mdkg: <https://w3id.org/mdkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                   "SELECT DISTINCT ?p WHERE { ?p a mdkg:RegionalConsultativeProcess ; mdkg:addresses ?t . "
                   "?t skos:notation \"remittances\" } ORDER BY ?p")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
def test_query_formats(built_store, capsys, fmt):
    code, out, _ = run(capsys, "query", "--store", str(built_store), "--format", fmt, RCP_REMITTANCES)
    assert code == 0
    assert "https://w3id.org/mdkg/id/process/" in out
    if fmt == "json":
        assert len(json.loads(out)) >= 4
    elif fmt in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))
        assert rows[0] == ["p"] and len(rows) >= 5


def test_bad_query_is_a_clear_error(built_store, capsys):
    code, out, err = run(capsys, "query", "--store", str(built_store), "SELECT ?x WHERE { ?x")
    assert code == 2 and "mdkg query:" in err and "Traceback" not in err


def test_facts_lists_evidence_and_filters_by_rule(capsys):
    code, out, _ = run(capsys, "facts", "--rule", "topics")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines and all("[topics." in line for line in lines)
    assert any(" addresses topic/remittances" in line for line in lines)


def test_explain_shows_facts_with_their_paragraph(built_store, capsys):
    code, out, _ = run(capsys, "explain", "--store", str(built_store), "https://w3id.org/mdkg/id/process/midsa")
    assert code == 0
    assert "mdkg:addresses" in out and "← ¶" in out


def test_mentions_marks_entities_in_one_paragraph(capsys):
    path = default_corpus() / "2008-sg-report-international-migration-and-development.ar.md"
    code, out, _ = run(capsys, "mentions", str(path), "--paragraph", "2")
    assert code == 0
    assert "state/BEL" in out and "place/" in out


def test_entities_counts(capsys):
    code, out, _ = run(capsys, "entities")
    assert code == 0
    first = out.splitlines()[0].split()
    assert int(first[0]) > 10


def test_validate_passes_on_the_build(built_store, capsys):
    code, out, _ = run(capsys, "validate", "--store", str(built_store))
    assert code == 0, out
    assert "PASSED" in out


def test_validate_exits_1_on_a_disjointness_violation(tmp_path, capsys):
    store = tmp_path / "bad" / "store"
    base = Base()
    with staged_build(store) as (st, _):
        st.bulk_extend(file_quads(ontology_file("mdkg.ttl"), base.ontology_graph, base))
        x, g = base.id("state", "XXX"), base.graph("doc")
        st.extend([ox.Quad(x, RDF.type, MDKG.State, g), ox.Quad(x, RDF.type, MDKG.Meeting, g),
                   ox.Quad(x, SKOS.prefLabel, ox.Literal("x", language="ar"), g),
                   ox.Quad(x, SKOS.prefLabel, ox.Literal("x", language="en"), g)])
    code, out, _ = run(capsys, "validate", "--store", str(store))
    assert code == 1
    assert "state/XXX" in out or "XXX" in out


def test_named_query_with_parameter(built_store, capsys):
    code, out, _ = run(capsys, "query", "--store", str(built_store), "--named", "rcp-topics",
                       "--param", "topic=remittances", "--format", "json")
    assert code == 0
    assert any(r["process"].endswith("/process/puebla-process") for r in json.loads(out))


def test_unknown_named_query_and_bad_param_are_clear_errors(built_store, capsys):
    code, _, err = run(capsys, "query", "--store", str(built_store), "--named", "no-such-query")
    assert code == 2 and "rcp-topics" in err
    code, _, err = run(capsys, "query", "--store", str(built_store), "--named", "rcp-topics", "--param", "topic")
    assert code == 2 and "NAME=VALUE" in err


def test_arabic_match_function_in_cli_queries(built_store, capsys):
    q = ('PREFIX mdkg: <https://w3id.org/mdkg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { '
         '?p mdkg:paragraphNumber ?x ; mdkg:text ?t FILTER(mdkg:arMatch(?t, "التحويلات المالية")) }')
    code, out, _ = run(capsys, "query", "--store", str(built_store), "--format", "json", q)
    assert code == 0 and int(json.loads(out)[0]["n"]) > 3


def test_build_progress_on_a_terminal(monkeypatch):
    """On a terminal, ``mdkg build`` shows tqdm's progress bar (named stage, count) on stderr."""
    from graph_builder import cli

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    progress = cli._progress()
    assert list(progress(iter(["a", "b"]), total=2, desc="analysing", unit="report")) == ["a", "b"]
    assert "analysing" in err.getvalue() and "2/2" in err.getvalue()
