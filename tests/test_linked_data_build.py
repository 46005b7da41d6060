"""Dumps, VoID and network exports on a real build of the bundled corpus (``mdkg build``)."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from graph_builder.build import store as store_mod
from graph_builder.publish import dumps, netexport, void
from graph_builder.namespaces import Base
from test_netexport import gexf_errors

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
REPO = Path(__file__).resolve().parent.parent
BASE = Base()
REPORT_2008 = "2008-sg-report-international-migration-and-development"
REPORT_2011 = "2011-gfmd-swiss-chair-report"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store built from the bundled corpus by the real CLI, with its dumps folder (SHACL skipped:
    test_build.py covers it)."""
    path = tmp_path_factory.mktemp("real") / "store"
    run = subprocess.run([sys.executable, "-m", "graph_builder", "build", "--store", str(path), "--no-validate",
                          "--dumps", "after"],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    return path


@pytest.fixture(scope="module")
def st(built):
    return store_mod.open_read_only(built)


@pytest.fixture(scope="module")
def network(st):
    return netexport.network(st)


def test_build_wrote_dumps_beside_it(built, st):
    folder = store_mod.dumps_dir(built)
    index = dumps.read_index(folder)
    by_name = {e["file"]: e for e in index["files"]}
    assert by_name["dataset.nq.gz"]["quads"] == len(st)
    for report in (REPORT_2008, REPORT_2011):
        assert by_name[f"graph-{report}.jsonld.gz"]["graph"] == BASE.graph(report).value
    whole = ox.Store()
    whole.load(gzip.open(folder / "dataset.jsonld.gz").read(), format=ox.RdfFormat.JSON_LD)
    assert len(whole) == len(st)


def test_report_jsonld_equals_nquads_in_rdflib(built):
    folder = store_mod.dumps_dir(built)
    graphs = {}
    for ext, fmt in ((".nq.gz", "nquads"), (".jsonld.gz", "json-ld")):
        ds = rdflib.Dataset()
        ds.parse(data=gzip.open(folder / f"graph-{REPORT_2008}{ext}").read().decode("utf-8"), format=fmt)
        g = rdflib.Graph()
        for t in ds.graph(rdflib.URIRef(BASE.graph(REPORT_2008).value)):
            g.add(t)
        graphs[fmt] = g
    assert len(graphs["nquads"]) > 1000
    assert len(graphs["nquads"]) == len(graphs["json-ld"])
    assert isomorphic(graphs["nquads"], graphs["json-ld"])


def test_real_network(network):
    assert network.number_of_nodes() > 300 and network.number_of_edges() > 300
    types = {d["type"] for _, d in network.nodes(data=True)}
    assert {"State", "GlobalProcess", "RegionalConsultativeProcess", "Topic", "Meeting"} <= types
    assert not types & {"Paragraph", "Document", "Section", "Footnote"}
    gfmd = network.nodes[BASE.id("process", "gfmd").value]
    assert gfmd["label_ar"] and gfmd["mentions"] > 10          # the 2011 report is about the Forum
    manila = BASE.id("place", "manila").value
    assert network.has_edge(manila, BASE.id("state", "PHL").value)
    assert any(d["label"] == "addresses" for _, _, d in network.edges(data=True))


def test_real_exports_round_trip(network):
    data = netexport.gexf_bytes(network)
    assert gexf_errors(data) == []
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert (back.number_of_nodes(), back.number_of_edges()) == \
        (network.number_of_nodes(), network.number_of_edges())
    buf = io.BytesIO()
    netexport.write_network(network, "graphml", buf)
    back = nx.read_graphml(io.BytesIO(buf.getvalue()))
    assert (back.number_of_nodes(), back.number_of_edges()) == \
        (network.number_of_nodes(), network.number_of_edges())
    buf = io.BytesIO()
    netexport.write_network(network, "cytoscape", buf)
    elements = json.loads(buf.getvalue())["elements"]
    assert len(elements["nodes"]) == network.number_of_nodes()


def test_real_void(st, built):
    index = dumps.read_index(store_mod.dumps_dir(built))
    triples = void.void_quads(st, BASE, "http://127.0.0.1/sparql", void.dump_urls_for(index, "http://127.0.0.1/dumps/"),
                              index=index)
    examples = [t.object.value for t in triples if t.predicate.value.endswith("#exampleResource")]
    assert [e.split("/id/")[1].split("/")[0] for e in examples] == ["state", "process", "topic"]
    subsets = {t.object.value for t in triples if t.predicate.value == "http://www.w3.org/ns/sparql-service-description#name"}
    assert {BASE.graph(REPORT_2008).value, BASE.graph(REPORT_2011).value, BASE.reference_graph.value} <= subsets
    m49 = [t for t in triples if t.predicate.value.endswith("#property") and t.object.value.endswith("#m49Code")]
    assert m49
