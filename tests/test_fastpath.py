"""The WSGI fast path answers plain GET queries exactly as the Flask path does, and declines the rest.

Two apps on the same sample store, one with ``FAST_PATH`` off, get the same requests through
werkzeug's test client (real executors, real query processes); status, body and headers
must match (the engine time header aside). A third check counts which path answered.
"""
from __future__ import annotations

import pytest

import server
from graph_builder.service import fastpath

HEADERS_IGNORED = {"X-MDKG-Query-Time"}
QUERIES = [
    ("SELECT ?s WHERE { ?s a <http://example.org/Item> } ORDER BY ?s LIMIT 3", None),
    ("SELECT ?s WHERE { ?s a <http://example.org/Item> } ORDER BY ?s LIMIT 3", "text/csv"),
    ("ASK { ?s ?p ?o }", "application/sparql-results+xml"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2", "text/turtle"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2", "application/sparql-results+json"),  # 406
    ("SELECT * WHERE { ?s ?p ?o }", None),  # truncated at the row cap
    ("SELECT * WHERE { ?s ?p }", None),  # syntax error
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", None),  # 403
    ("ASK {" + " FILTER NOT EXISTS {" * 100 + "}" * 100 + "}", None),  # nesting limit
    ("SELECT * FROM <http://example.org/graph/b> WHERE { ?s ?p ?o } LIMIT 2", "application/json"),
]


@pytest.fixture(scope="module")
def apps(sample_store):
    made = {}
    for fast in (True, False):
        made[fast] = server.create_app({"STORE": str(sample_store), "QUERY_PROCESSES": 1, "MAX_ROWS": 50,
                                        "ACCESS_LOG": False, "FAST_PATH": fast})
    yield made
    for app in made.values():
        app.extensions["mdkg"].executor.close()


def _comparable(response) -> tuple:
    headers = sorted((k, v) for k, v in response.headers.items() if k not in HEADERS_IGNORED)
    return response.status_code, response.get_data(), headers


@pytest.mark.parametrize("query, accept", QUERIES)
def test_fast_path_answers_like_flask(apps, query, accept):
    headers = {"Accept": accept} if accept else {}
    answers = []
    for fast in (True, False):
        client = apps[fast].test_client()
        client.get("/sparql", query_string={"query": query}, headers=headers)  # both caches warm alike
        answers.append(_comparable(client.get("/sparql", query_string={"query": query}, headers=headers)))
    assert answers[0] == answers[1]


def test_fast_path_takes_plain_queries_only(apps, monkeypatch):
    taken = []
    original = fastpath.FastQueries.__call__

    def spy(self, environ, start_response):
        taken.append(self._eligible(environ))
        return original(self, environ, start_response)

    monkeypatch.setattr(fastpath.FastQueries, "__call__", spy)
    client = apps[True].test_client()
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    assert client.get("/sparql", query_string={"query": "ASK {}", "format": "xml"}).status_code == 200
    assert client.get("/sparql", query_string={"query": "ASK {}"},
                      headers={"If-None-Match": "*"}).status_code in (200, 304)
    assert client.post("/sparql", data={"query": "ASK {}"}).status_code == 200
    assert client.get("/health").status_code == 200
    assert taken == [True, True, False, False, False]
    # the second was eligible by its method and path but has a second parameter: Flask answered
    # it, with the format it asked for
    response = client.get("/sparql", query_string={"query": "ASK {}", "format": "xml"})
    assert response.content_type.startswith("application/sparql-results+xml")


@pytest.mark.parametrize("host", ["example.org", "other.example:8080", "127.0.0.1:5000"])
def test_base_iri_follows_the_host_like_flask(apps, host):
    """Relative IRIs resolve against the request's own URL on both paths, whatever the Host."""
    query = "SELECT (<relative/iri> AS ?x) {}"
    bodies = []
    for fast in (True, False):
        response = apps[fast].test_client().get("/sparql", query_string={"query": query},
                                                headers={"Host": host})
        assert response.status_code == 200
        bodies.append(response.get_json()["results"]["bindings"][0]["x"]["value"])
    assert bodies[0] == bodies[1] == f"http://{host}/relative/iri"
