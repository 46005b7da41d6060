"""/.well-known/void, /dumps/ and /context.jsonld on the real bundled corpus served by the application (Flask's test client)."""
from __future__ import annotations

import gzip
import hashlib
import json

import pyoxigraph as ox
import pytest
import rdflib

from graph_builder.namespaces import MDKG

HOST = "http://localhost"   # the test client's host: the service describes itself by its request URL

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def void_graph(built_client) -> rdflib.Graph:
    r = built_client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["Content-Type"] == "text/turtle"
    return rdflib.Graph().parse(data=r.data, format="turtle")


def _dataset(graph: rdflib.Graph) -> rdflib.URIRef:
    roots = [s for s in graph.subjects(VOID.sparqlEndpoint, None)]
    assert len(roots) == 1
    return roots[0]


def test_void_describes_the_dataset(built_client, void_graph):
    ds = _dataset(void_graph)
    assert (ds, rdflib.RDF.type, VOID.Dataset) in void_graph
    assert (ds, rdflib.RDF.type, DCAT.Dataset) in void_graph
    assert void_graph.value(ds, VOID.sparqlEndpoint) == rdflib.URIRef(HOST + "/sparql")
    assert void_graph.value(ds, DCT.license) is not None
    triples = int(void_graph.value(ds, VOID.triples))
    health = built_client.get("/health").json
    assert 0 < triples <= sum(health["graphs"].values())
    examples = set(void_graph.objects(ds, VOID.exampleResource))
    assert examples
    for example in examples:  # example resources dereference on this server
        path = str(example).split("/mdkg/", 1)[1]
        assert built_client.get("/" + path, follow_redirects=True).status_code == 200


def test_void_is_negotiated(built_client):
    for accept, fmt in (("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                        ("application/n-triples", "nt")):
        r = built_client.get("/.well-known/void", headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["Content-Type"] == accept
        graph = rdflib.Graph().parse(data=r.data, format=fmt)
        assert any(graph.subjects(VOID.sparqlEndpoint, None))
    r = built_client.get("/.well-known/void?format=trig")
    assert r.headers["Content-Type"] == "application/trig"
    assert built_client.get("/.well-known/void", headers={"Accept": "image/png"}).status_code == 406


def test_every_dump_link_downloads_what_the_index_says(built_client, void_graph):
    index = built_client.get("/dumps/?format=json").json
    listed = {f["file"]: f for f in index["files"]}
    assert "dataset.nq.gz" in listed
    dumps = {str(o) for o in void_graph.objects(None, VOID.dataDump)}
    assert dumps == {HOST + "/dumps/" + name for name in listed}
    for name, entry in listed.items():
        r = built_client.get("/dumps/" + name)
        assert r.status_code == 200 and r.headers["Content-Type"] == "application/gzip"
        assert hashlib.sha256(r.data).hexdigest() == entry["sha256"], name
    whole = built_client.get("/dumps/dataset.nq.gz").data
    quads = list(ox.parse(gzip.decompress(whole), format=ox.RdfFormat.N_QUADS))
    health = built_client.get("/health").json
    assert len(quads) == listed["dataset.nq.gz"]["quads"] == sum(health["graphs"].values())


def test_dumps_index_page_and_refusals(built_client):
    html = built_client.get("/dumps/", headers={"Accept": "text/html"})
    assert html.status_code == 200 and 'href="/dumps/dataset.nq.gz"' in html.text
    for name in ("nothing.nq.gz", "..%2Fstore", "dumps.json.bak"):
        assert built_client.get("/dumps/" + name).status_code == 404


def test_context_jsonld(built_client):
    r = built_client.get("/context.jsonld")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/ld+json")
    context = r.json["@context"]
    assert context["mdkg"] == str(MDKG)
    assert json.dumps(context)  # plain JSON
    # a document using the context expands to the vocabulary's IRIs
    doc = {"@context": context, "@id": "https://w3id.org/mdkg/id/state/CHE", "mdkg:m49Code": "756"}
    graph = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    assert (rdflib.URIRef("https://w3id.org/mdkg/id/state/CHE"), rdflib.URIRef(MDKG.m49Code.value),
            rdflib.Literal("756")) in graph


def test_resources_of_the_description_dereference(built_client, void_graph):
    ds = _dataset(void_graph)
    distribution = next(void_graph.objects(ds, DCAT.distribution))
    for iri in (ds, distribution):
        path = str(iri).split("/mdkg/", 1)[1]
        r = built_client.get("/" + path)
        assert r.status_code == 303 and r.headers["Location"].endswith("/.well-known/void"), iri
    assert built_client.get("/id/dataset/nothing-here").status_code == 404
