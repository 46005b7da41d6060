"""Entity-network exports (GraphML, GEXF 1.3, Cytoscape.js JSON) on a small MDKG-shaped store."""
from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graph_builder.publish import netexport
from linked_data_sample import (CHE, EXPECTED_EDGES, EXPECTED_HOSTED_WEIGHT, EXPECTED_NODES,
                                EXPECTED_PHL_MENTIONS, GFMD, IOM, MANILA, MANILA_2008, PHL, REMIT,
                                sample_store)

GEXF_GRAMMAR = Path(__file__).parent / "data" / "gexf-1.3" / "gexf.rng"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


@pytest.fixture(scope="module")
def store():
    return sample_store()


@pytest.fixture(scope="module")
def graph(store):
    return netexport.network(store)


def gexf_errors(data: bytes) -> list[str]:
    """Validate GEXF against the GEXF 1.3 RELAX NG grammar; [] when valid.

    RELAX NG has no notion of ``xsi:schemaLocation`` (an XSD processor reads it as a hint), so
    the ``xsi:`` attributes are dropped before validating.
    """
    grammar = etree.RelaxNG(etree.parse(str(GEXF_GRAMMAR)))
    root = etree.fromstring(data)
    for name in [n for n in root.attrib if n.startswith(f"{{{XSI}}}")]:
        del root.attrib[name]
    return [] if grammar.validate(root) else [str(e) for e in grammar.error_log]


def test_nodes_are_entities_with_attributes(graph):
    assert graph.number_of_nodes() == EXPECTED_NODES
    assert graph.number_of_edges() == EXPECTED_EDGES
    phl = graph.nodes[PHL.value]
    assert phl == {"iri": PHL.value, "label": "Philippines", "label_en": "Philippines",
                   "label_ar": "الفلبين", "type": "State", "kind": "state",
                   "mentions": EXPECTED_PHL_MENTIONS}
    assert graph.nodes[GFMD.value]["type"] == "GlobalProcess"
    assert graph.nodes[IOM.value]["mentions"] == 0
    kinds = {d["type"] for _, d in graph.nodes(data=True)}
    assert not kinds & {"Paragraph", "Document", "Annotation", "Statement", "Section"}
    assert all("/para/" not in n and "/document/" not in n for n in graph)


def test_edges_typed_and_weighted_by_evidence(graph):
    hosted = graph.get_edge_data(MANILA_2008.value, PHL.value)
    assert list(hosted) == ["https://w3id.org/mdkg/ontology#hostedBy"]
    assert hosted["https://w3id.org/mdkg/ontology#hostedBy"] == {
        "predicate": "https://w3id.org/mdkg/ontology#hostedBy", "label": "hostedBy",
        "weight": EXPECTED_HOSTED_WEIGHT}
    assert graph.get_edge_data(MANILA_2008.value, MANILA.value)[
        "https://w3id.org/mdkg/ontology#location"]["weight"] == 1
    labels = sorted(d["label"] for _, _, d in graph.edges(data=True))
    assert labels.count("inState") == 1 and labels.count("broader") == 1
    assert "mentions" not in labels and "type" not in labels and "hasBody" not in labels


def test_graphml_round_trip(graph):
    buf = io.BytesIO()
    netexport.write_network(graph, "graphml", buf)
    back = nx.read_graphml(io.BytesIO(buf.getvalue()))
    assert back.number_of_nodes() == EXPECTED_NODES
    assert back.number_of_edges() == EXPECTED_EDGES
    assert back.nodes[PHL.value]["label_ar"] == "الفلبين"
    assert back.nodes[PHL.value]["mentions"] == EXPECTED_PHL_MENTIONS
    weights = [d["weight"] for _, _, d in back.edges(data=True)]
    assert sorted(weights)[-1] == EXPECTED_HOSTED_WEIGHT


def test_gexf_is_valid_gexf_1_3_and_round_trips(graph):
    data = netexport.gexf_bytes(graph)
    root = etree.fromstring(data)
    assert root.get("version") == "1.3"
    assert root.nsmap["xsi"] == XSI                      # networkx 3.6 writes http://w3.org/...
    assert gexf_errors(data) == []
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert back.number_of_nodes() == EXPECTED_NODES
    assert back.number_of_edges() == EXPECTED_EDGES
    assert back.nodes[CHE.value]["label"] == "Switzerland"
    assert back.nodes[CHE.value]["type"] == "State"


def test_gexf_grammar_rejects_networkx_raw_output(graph):
    """The schema check can fail: networkx's uncorrected 1.3 output does not conform."""
    buf = io.BytesIO()
    nx.write_gexf(graph, buf, version="1.3")
    assert gexf_errors(buf.getvalue())


def test_cytoscape_elements(graph):
    buf = io.BytesIO()
    netexport.write_network(graph, "cytoscape", buf)
    doc = json.loads(buf.getvalue().decode("utf-8"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert len(nodes) == EXPECTED_NODES and len(edges) == EXPECTED_EDGES
    ids = {n["data"]["id"] for n in nodes}
    assert len(ids) == len(nodes)
    edge_ids = {e["data"]["id"] for e in edges}
    assert len(edge_ids) == len(edges) and not edge_ids & ids
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    phl = next(n["data"] for n in nodes if n["data"]["id"] == PHL.value)
    assert phl["label_ar"] == "الفلبين" and phl["kind"] == "state"


def test_export_network_counts_and_rejects_unknown_format(store):
    buf = io.BytesIO()
    assert netexport.export_network(store, "gexf", buf) == EXPECTED_EDGES
    assert gexf_errors(buf.getvalue()) == []
    with pytest.raises(ValueError, match="dot"):
        netexport.export_network(store, "dot", io.BytesIO())


def test_neighbourhood(store):
    one = netexport.neighbourhood(store, MANILA.value, 1)
    assert set(one) == {MANILA.value, PHL.value, MANILA_2008.value}
    two = netexport.neighbourhood(store, MANILA.value, 2)
    assert {GFMD.value, REMIT.value} <= set(two) and CHE.value not in two
    assert set(netexport.neighbourhood(store, MANILA.value, 0)) == {MANILA.value}
    with pytest.raises(LookupError):
        netexport.neighbourhood(store, "https://w3id.org/mdkg/id/state/XXX", 1)


def test_from_construct(store):
    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    g = netexport.from_construct(triples)
    assert g.number_of_nodes() == EXPECTED_NODES and g.number_of_edges() == EXPECTED_EDGES
    only_events = store.query(
        "CONSTRUCT { ?s ?p ?o . ?s a ?t . ?o a ?u } WHERE { GRAPH ?g { ?s ?p ?o . ?s a ?t } "
        "GRAPH ?h { ?o a ?u } FILTER(?p = <https://w3id.org/mdkg/ontology#hostedBy>) }")
    sub = netexport.from_construct(only_events)
    assert sub.number_of_edges() == 2
    assert sub.get_edge_data(MANILA_2008.value, PHL.value)[
        "https://w3id.org/mdkg/ontology#hostedBy"]["weight"] == 1  # no evidence in the CONSTRUCT


def test_kind_and_local_name():
    assert netexport.kind_of("https://example.org/kg/id/process/colombo-process") == "process"
    assert netexport.kind_of("https://w3id.org/mdkg/ontology#State") == ""
    assert netexport.local_name("http://www.w3.org/2004/02/skos/core#broader") == "broader"
