"""The SPARQL service: real clients against the real production server, and the application's
negotiation through Flask's test client.

SPARQLWrapper (JSON, XML, CSV), rdflib's SPARQLStore, CONSTRUCT parsed back by rdflib,
content negotiation, dataset semantics, the row cap, service description, health, CORS,
the access log, the Graph Store Protocol, updates seen by queries, and a rebuild picked up
without restart.
"""
from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
import requests
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from conftest import UPDATE_TOKEN
from graph_builder.build import store as store_mod
from serverutil import EX, GRAPH_A, GRAPH_B, make_sample_store, sample_quads, start_server

AUTH = {"Authorization": f"Bearer {UPDATE_TOKEN}"}
ITEMS_BELOW_5 = f"SELECT ?s ?v WHERE {{ ?s <{EX}value> ?v FILTER(?v < 5) }} ORDER BY ?v"


def _wrapper(server, fmt):
    client = SPARQLWrapper(server.sparql)
    client.setQuery(ITEMS_BELOW_5)
    client.setReturnFormat(fmt)
    return client.query().convert()


def test_sparqlwrapper_json(readonly_server):
    data = _wrapper(readonly_server, JSON)
    values = [b["v"]["value"] for b in data["results"]["bindings"]]
    assert values == ["0", "0", "1", "1", "2", "2", "3", "3", "4", "4"]  # items 0-4 and things 0-4


def test_sparqlwrapper_xml(readonly_server):
    doc = _wrapper(readonly_server, XML)
    results = doc.getElementsByTagName("result")
    assert len(results) == 10


def test_sparqlwrapper_csv(readonly_server):
    text = _wrapper(readonly_server, CSV).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["v"] for r in rows] == ["0", "0", "1", "1", "2", "2", "3", "3", "4", "4"]


def test_rdflib_sparqlstore(readonly_server):
    graph = rdflib.Graph(store=SPARQLStore(readonly_server.sparql))
    rows = list(graph.query(f"SELECT ?s WHERE {{ ?s <{EX}value> 7 }}"))
    assert sorted(str(r[0]) for r in rows) == [f"{EX}item/7", f"{EX}thing/7"]
    assert graph.query(f"ASK {{ <{EX}item/999> ?p ?o }}").askAnswer is True


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                                        ("application/n-triples", "nt"), ("application/ld+json", "json-ld")])
def test_construct_parsed_by_rdflib(readonly_client, accept, fmt):
    query = f"CONSTRUCT {{ ?s <{EX}double> ?v }} WHERE {{ GRAPH <{GRAPH_B}> {{ ?s <{EX}value> ?v }} }}"
    response = readonly_client.post("/sparql", data={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.data, format=fmt)
    assert len(graph) == 200
    assert (rdflib.URIRef(f"{EX}thing/3"), rdflib.URIRef(f"{EX}double"), rdflib.Literal(3)) in graph


@pytest.mark.parametrize("accept,expected", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("application/sparql-results+xml;q=0.1, text/tab-separated-values", "text/tab-separated-values"),
    ("text/*", "text/csv"),
])
def test_results_negotiation(readonly_client, accept, expected):
    headers = {"Accept": accept} if accept else {}
    response = readonly_client.get("/sparql", query_string={"query": "SELECT ?s { ?s ?p ?o } LIMIT 1"},
                            headers=headers)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == expected


def test_format_parameter_and_406(readonly_client):
    tsv = readonly_client.get("/sparql", query_string={"query": "SELECT ?v { ?s ?p ?v } LIMIT 1",
                                                       "format": "tsv"})
    assert tsv.headers["Content-Type"].startswith("text/tab-separated-values")
    assert tsv.text.startswith("?v")
    bad = readonly_client.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                       headers={"Accept": "application/sparql-results+json"})
    assert bad.status_code == 406


def _select(client, query, **params):
    response = client.get("/sparql", query_string={"query": query, **params})
    assert response.status_code == 200, response.text
    return response.json["results"]["bindings"]


def _select_http(server, query):
    response = requests.get(server.sparql, params={"query": query}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def test_dataset_semantics(readonly_client):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    n = lambda rows: int(rows[0]["n"]["value"])  # noqa: E731
    assert n(_select(readonly_client, count)) == 3600  # default graph = union of named graphs
    assert n(_select(readonly_client, f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH_B}> WHERE {{ ?s ?p ?o }}")) == 600
    assert n(_select(readonly_client, count, **{"default-graph-uri": GRAPH_A})) == 3000
    named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert n(_select(readonly_client, named, **{"named-graph-uri": GRAPH_B})) == 600
    assert n(_select(readonly_client, count, **{"named-graph-uri": GRAPH_B})) == 0  # empty default graph


def test_row_cap_truncates_with_headers(readonly_client):
    response = readonly_client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o }"},
                            headers={"Accept": "text/csv"})
    assert response.headers["X-MDKG-Truncated"] == "true"
    assert response.headers["X-MDKG-Row-Limit"] == "1000"
    assert len(response.text.strip().splitlines()) == 1001  # header + 1,000 rows
    small = readonly_client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 10"})
    assert "X-MDKG-Truncated" not in small.headers


def test_service_description(readonly_client):
    response = readonly_client.get("/sparql")
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.data, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = next(graph.subjects(rdflib.RDF.type, sd.Service))
    assert (service, sd.endpoint, rdflib.URIRef("http://localhost/sparql")) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Update) not in graph  # read-only
    assert (service, sd.feature, sd.UnionDefaultGraph) in graph
    assert len(list(graph.objects(service, sd.resultFormat))) == 10
    assert graph.value(service, sd.defaultDataset) is not None
    jsonld = readonly_client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert len(rdflib.Graph().parse(data=jsonld.data, format="json-ld")) == len(graph)


def test_health(readonly_client, sample_store):
    body = readonly_client.get("/health").json
    assert body["status"] == "ok"
    assert "store" not in body  # the server's file system is not shown to anonymous clients
    assert str(sample_store.resolve().parent) not in readonly_client.get("/health").get_data(as_text=True)
    assert body["build_id"] == store_mod.resolve(sample_store).name
    assert body["graphs"] == {GRAPH_A: 3000, GRAPH_B: 600}
    assert body["build_time"]


def test_cors_preflight_and_headers(readonly_client):
    pre = readonly_client.options("/sparql", headers={
        "Origin": "https://example.net", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Authorization, Content-Type"})
    assert pre.status_code in (200, 204)
    assert pre.headers["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in pre.headers["Access-Control-Allow-Headers"]
    assert "POST" in pre.headers["Access-Control-Allow-Methods"]
    get = readonly_client.get("/sparql", query_string={"query": "ASK {}"})
    assert get.headers["Access-Control-Allow-Origin"] == "*"


def test_access_log_is_json(readonly_server):
    requests.get(readonly_server.sparql, params={"query": "ASK { ?s ?p ?o }", "marker": "log-check"}, timeout=30)
    records = [json.loads(line) for line in readonly_server.log_text().splitlines() if line.startswith("{")]
    queries = [r for r in records if r["path"] == "/sparql" and r["method"] == "GET" and r["query_ms"]]
    assert queries
    assert {"method", "path", "status", "duration_ms", "query_ms"} <= set(queries[-1])
    assert all(isinstance(r["duration_ms"], float) for r in records)


def test_graph_store_protocol(writable_server):
    store = writable_server.url + "/store"
    graph = "http://example.org/gsp-test"
    ttl = b"@prefix ex: <http://example.org/> . ex:a ex:p 1 . ex:b ex:p 2 ."
    put = requests.put(store, params={"graph": graph}, data=ttl, timeout=30,
                       headers={**AUTH, "Content-Type": "text/turtle"})
    assert put.status_code == 201
    again = requests.put(store, params={"graph": graph}, data=ttl, timeout=30,
                         headers={**AUTH, "Content-Type": "text/turtle"})
    assert again.status_code == 204
    post = requests.post(store, params={"graph": graph}, timeout=30,
                         data=b"<http://example.org/c> <http://example.org/p> \"3\" .",
                         headers={**AUTH, "Content-Type": "application/n-triples"})
    assert post.status_code == 204
    got = requests.get(store, params={"graph": graph}, headers={"Accept": "application/n-triples"}, timeout=30)
    assert got.status_code == 200
    assert len(rdflib.Graph().parse(data=got.content, format="nt")) == 3
    head = requests.head(store, params={"graph": graph}, timeout=30)
    assert head.status_code == 200 and head.content == b""
    bad = requests.put(store, params={"graph": graph}, data=b"ex:a ex:p", timeout=30,
                       headers={**AUTH, "Content-Type": "text/turtle"})
    assert bad.status_code == 400
    assert len(rdflib.Graph().parse(data=requests.get(store, params={"graph": graph}, timeout=30).content,
                                    format="turtle")) == 3  # a failed PUT changes nothing
    assert requests.delete(store, params={"graph": graph}, headers=AUTH, timeout=30).status_code == 204
    assert requests.get(store, params={"graph": graph}, timeout=30).status_code == 404
    assert requests.delete(store, params={"graph": graph}, headers=AUTH, timeout=30).status_code == 404


def test_update_then_query_and_description(writable_server):
    update = f'INSERT DATA {{ GRAPH <{EX}upd> {{ <{EX}x> <{EX}label> "تجربة"@ar }} }}'
    response = requests.post(writable_server.sparql, data={"update": update}, headers=AUTH, timeout=30)
    assert response.status_code == 204
    rows = _select_http(writable_server, f"SELECT ?l WHERE {{ <{EX}x> <{EX}label> ?l }}")
    assert rows == [{"l": {"type": "literal", "value": "تجربة", "xml:lang": "ar"}}]
    description = rdflib.Graph().parse(data=requests.get(writable_server.sparql, timeout=30).content,
                                       format="turtle")
    assert rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#SPARQL11Update") in set(
        description.objects())


def test_missing_store_then_rebuilds_picked_up_without_restart(tmp_path):
    store = tmp_path / "store"
    server = start_server(store, tmp_path / "server.log", QUERY_TIMEOUT=5, QUERY_PROCESSES=1)
    try:
        count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
        assert _select_http(server, count)[0]["n"]["value"] == "0"  # nothing built yet: empty dataset
        assert requests.get(server.url + "/health", timeout=30).json()["build_id"] == "empty"
        make_sample_store(store, items_a=10, items_b=0)
        assert _select_http(server, count)[0]["n"]["value"] == "30"
        with store_mod.staged_build(store) as (st, _):
            st.extend(sample_quads(20, GRAPH_A))
        assert _select_http(server, count)[0]["n"]["value"] == "60"
        assert requests.get(server.url + "/health", timeout=30).json()["build_id"] == \
            store_mod.resolve(store).name
    finally:
        server.stop()
