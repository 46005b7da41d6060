"""/export/{graphml,gexf,cytoscape}: whole network, entity neighbourhoods and CONSTRUCT results, through the application (Flask's test client)."""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graph_builder.namespaces import MDKG, Base

BASE = Base()
CHE = BASE.id("state", "CHE").value
GEXF_GRAMMAR = Path(__file__).parent / "data" / "gexf-1.3" / "gexf.rng"


@pytest.fixture(scope="module")
def whole(built_client) -> dict:
    r = built_client.get("/export/cytoscape")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/json"
    return r.json


def _undirected(elements: dict) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(n["data"]["id"] for n in elements["nodes"])
    g.add_edges_from((e["data"]["source"], e["data"]["target"]) for e in elements["edges"])
    return g


def test_whole_network_in_three_formats(built_client, whole):
    nodes = {n["data"]["id"]: n["data"] for n in whole["elements"]["nodes"]}
    assert len(nodes) > 100 and whole["elements"]["edges"]
    assert nodes[CHE]["label_en"] == "Switzerland" and nodes[CHE]["label_ar"] == "سويسرا"
    assert all(n.startswith(BASE.iri + "id/") for n in nodes)
    graphml = built_client.get("/export/graphml")
    assert graphml.headers["Content-Type"] == "application/graphml+xml"
    g = nx.read_graphml(io.BytesIO(graphml.data))
    assert set(g.nodes) == set(nodes)
    assert g.number_of_edges() == len(whole["elements"]["edges"])
    gexf = built_client.get("/export/gexf")
    assert gexf.headers["Content-Type"] == "application/gexf+xml"
    assert "attachment" in gexf.headers["Content-Disposition"]
    doc = etree.fromstring(gexf.data)
    if GEXF_GRAMMAR.is_file():  # RELAX NG knows no xsi:schemaLocation (an XSD hint): drop it first
        grammar = etree.RelaxNG(etree.parse(str(GEXF_GRAMMAR)))
        for name in [n for n in doc.attrib if n.startswith("{http://www.w3.org/2001/XMLSchema-instance}")]:
            del doc.attrib[name]
        assert grammar.validate(doc), grammar.error_log
    assert len(doc.findall(".//{*}node")) == len(nodes)


def test_entity_neighbourhood(built_client, whole):
    full = _undirected(whole["elements"])
    for depth in (0, 1, 2):
        r = built_client.get("/export/cytoscape", query_string={"entity": CHE, "depth": depth})
        assert r.status_code == 200
        got = {n["data"]["id"] for n in r.json["elements"]["nodes"]}
        expected = set(nx.single_source_shortest_path_length(full, CHE, cutoff=depth))
        assert got == expected, depth
    assert len(expected) > 2
    assert built_client.get("/export/graphml", query_string={"entity": CHE}).status_code == 200


def test_bad_requests(built_client):
    url = "/export/cytoscape"
    assert built_client.get(url, query_string={"entity": BASE.id("state", "NOWHERE").value}).status_code == 404
    assert built_client.get(url, query_string={"entity": CHE, "depth": "x"}).status_code == 400
    assert built_client.get(url, query_string={"entity": CHE, "depth": 99}).status_code == 400
    assert built_client.get("/export/png").status_code == 404
    assert built_client.get(url, query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 1"}).status_code == 400
    assert built_client.get(url, query_string={"query": "CONSTRUCT {"}).status_code == 400
    ssrf = "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert built_client.get(url, query_string={"query": ssrf}).status_code in (400, 403)


CONSTRUCT = f"""PREFIX mdkg: <{MDKG}>
CONSTRUCT {{ ?who a ?wt ; mdkg:addresses ?topic . ?topic a mdkg:Topic }}
WHERE {{ ?who mdkg:addresses ?topic ; a ?wt . ?topic a mdkg:Topic }}"""


def test_construct_query_network(built_client, whole):
    expected_edges = {(e["data"]["source"], e["data"]["target"]) for e in whole["elements"]["edges"]
                      if e["data"]["predicate"] == MDKG.addresses.value}
    answers = [
        built_client.get("/export/cytoscape", query_string={"query": CONSTRUCT}),
        built_client.post("/export/cytoscape", data={"query": CONSTRUCT}),
        built_client.post("/export/cytoscape", data=CONSTRUCT.encode(),
                      headers={"Content-Type": "application/sparql-query"}),
    ]
    for r in answers:
        assert r.status_code == 200, r.text
        edges = {(e["data"]["source"], e["data"]["target"]) for e in r.json["elements"]["edges"]}
        assert edges == expected_edges and edges
    gexf = built_client.post("/export/gexf", data={"query": CONSTRUCT})
    assert gexf.status_code == 200 and etree.fromstring(gexf.data).tag.endswith("gexf")
