"""Weaknesses of issue 11 that the application itself answers (Flask's test client, real query processes):
links to hostile IRIs, security headers on every HTML response, If-None-Match on failed requests,
the VoID description per Host header, format= values of common clients, throttled wrong tokens,
and what /health tells an anonymous client."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib

from graph_builder.build import store as store_mod
from graph_builder.namespaces import MDKG, SKOS, Base
from serverutil import GRAPH_A, app_client

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
BASE = Base()
EVIL_JS = "javascript:alert(document.domain)"
EVIL_QUOTE = "http://example.org/x'onmouseover='alert(1)"
WORD = "قنطرة"  # the word every hostile resource is labelled with, so /search finds them
TOKEN = "hardening-token-71c2"


def _quads() -> list[ox.Quad]:
    g = ox.NamedNode(GRAPH_A)
    actor = BASE.id("actor", "evil-links")
    paragraph = ox.NamedNode(EVIL_JS + "//paragraph")
    return [
        ox.Quad(ox.NamedNode(EVIL_JS), RDF_TYPE, ox.NamedNode(MDKG.Actor.value), g),
        ox.Quad(ox.NamedNode(EVIL_JS), ox.NamedNode(SKOS.prefLabel.value), ox.Literal(WORD, language="ar"), g),
        ox.Quad(actor, RDF_TYPE, ox.NamedNode(MDKG.Actor.value), g),
        ox.Quad(actor, ox.NamedNode(SKOS.prefLabel.value), ox.Literal(WORD + " ب", language="ar"), g),
        ox.Quad(actor, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"), ox.NamedNode(EVIL_JS), g),
        ox.Quad(actor, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"), ox.NamedNode(EVIL_QUOTE), g),
        ox.Quad(paragraph, RDF_TYPE, ox.NamedNode(MDKG.Paragraph.value), g),
        ox.Quad(paragraph, ox.NamedNode(MDKG.text.value), ox.Literal(f"نص عن {WORD} هنا", language="ar"), g),
    ]


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "store"
    with store_mod.staged_build(path) as (st, _):
        st.extend(_quads())
    return path


@pytest.fixture(scope="module")
def client(hostile_store):
    with app_client(hostile_store, QUERY_TIMEOUT=5, QUERY_PROCESSES=2, UPDATE_TOKEN=TOKEN) as c:
        yield c


def _hrefs(html: str) -> list[str]:
    return re.findall(r"""href\s*=\s*["']([^"']*)""", html, flags=re.IGNORECASE)


def test_search_never_links_a_javascript_iri(client):
    response = client.get("/search", query_string={"q": WORD, "format": "html"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.count(WORD) >= 3  # the hostile entity and paragraph are listed...
    assert not [h for h in _hrefs(html) if h.strip().lower().startswith("javascript")]  # ...not linked
    data = client.get("/search", query_string={"q": WORD, "format": "json"}).json
    assert EVIL_JS in {e["iri"] for e in data["entities"]}


def test_resource_page_escapes_and_does_not_link_hostile_iris(client):
    response = client.get("/page/actor/evil-links", query_string={"lang": "en"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    hrefs = _hrefs(html)
    assert not [h for h in hrefs if h.strip().lower().startswith("javascript")]
    assert "onmouseover='" not in html and "x'onmouseover" not in html  # the quote is escaped
    assert any(h.startswith("http://example.org/x") for h in hrefs)  # an http IRI still links


HTML_PATHS = ["/", "/search?format=html&q=" + WORD, "/queries?format=html", "/page/ontology",
              "/page/actor/evil-links", "/page/actor/none", "/dumps/", "/queries/none?format=html"]


@pytest.mark.parametrize("path", HTML_PATHS)
def test_every_html_response_has_csp_and_nosniff(client, path):
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    if response.mimetype == "text/html":
        csp = response.headers.get("Content-Security-Policy", "")
        assert "default-src 'self'" in csp and "unsafe-eval" not in csp
        assert "script-src" not in csp or "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]


def test_nosniff_on_other_responses(client):
    for path in ("/sparql?query=ASK%7B%7D", "/health", "/sparql?query=ASK", "/nowhere"):
        assert client.get(path).headers["X-Content-Type-Options"] == "nosniff", path


def test_if_none_match_star_never_answers_a_failed_query(client):
    bad = client.get("/sparql", query_string={"query": "SELEC * WHERE {"}, headers={"If-None-Match": "*"})
    assert bad.status_code == 400 and "ETag" not in bad.headers
    good = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"If-None-Match": "*"})
    assert good.status_code == 304 and good.headers.get("ETag")


def test_forged_etag_never_answers_a_failed_query(client):
    from flask import current_app  # noqa: F401 (the app context below)
    from graph_builder.service import caching
    app = client.application
    path = "/sparql?query=SELEC+%2A+WHERE+%7B"
    with app.test_request_context(path):
        executor = app.extensions["mdkg"].executor
        tag = caching.etag_for(executor.current_build(), caching.fingerprint(app.extensions.get("mdkg.catalogue", {})))
    response = client.get(path, headers={"If-None-Match": f'W/"{tag}"'})
    assert response.status_code == 400 and "ETag" not in response.headers
    ok = client.get("/sparql", query_string={"query": "ASK {}"})
    again = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"If-None-Match": ok.headers["ETag"]})
    assert ok.status_code == 200 and again.status_code == 304


def test_void_is_computed_once_for_many_hosts(client, monkeypatch):
    from graph_builder.publish import void as void_mod
    calls = []
    real = void_mod.void_quads

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(void_mod, "void_quads", counting)
    client.application.extensions["mdkg.dataset"].clear()
    endpoints = set()
    for i in range(12):
        r = client.get("/.well-known/void", headers={"Host": f"host{i}.example", "Accept": "text/turtle"})
        assert r.status_code == 200
        graph = rdflib.Graph().parse(data=r.data, format="turtle")
        endpoints |= {str(o) for o in graph.objects(None, rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint"))}
    assert len(calls) == 1
    assert endpoints == {f"http://host{i}.example/sparql" for i in range(12)}
    assert len(client.application.extensions["mdkg.dataset"]) <= 3  # one build, a bounded cache


def test_void_names_the_public_url_when_configured(hostile_store):
    with app_client(hostile_store, QUERY_PROCESSES=1, PUBLIC_URL="https://kg.example.org/mdkg") as c:
        r = c.get("/.well-known/void", headers={"Host": "attacker.example", "Accept": "application/n-triples"})
        assert b"<https://kg.example.org/mdkg/sparql>" in r.data and b"attacker.example" not in r.data


CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"


@pytest.mark.parametrize("formats, accept, media", [
    (["rdf+xml", "application/rdf+xml"], "application/rdf+xml", "application/rdf+xml"),   # SPARQLWrapper RDFXML
    (["n3"], "text/rdf+n3, text/n3", "text/turtle"),                                       # SPARQLWrapper N3
    (["json-ld", "application/ld+json"], "application/ld+json", "application/ld+json"),    # SPARQLWrapper JSONLD
    (["turtle"], "text/turtle", "text/turtle"),
    (["some-unknown-name"], "application/n-triples", "application/n-triples"),            # Accept wins
])
def test_construct_format_values_of_common_clients(client, formats, accept, media):
    r = client.get("/sparql", query_string=[("query", CONSTRUCT)] + [("format", f) for f in formats],
                   headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == media, (r.status_code, r.data[:200])


def test_format_of_the_other_kind_still_refused(client):
    assert client.get("/sparql", query_string={"query": CONSTRUCT, "format": "csv"}).status_code == 406
    r = client.get("/sparql", query_string=[("query", "SELECT * {?s ?p ?o} LIMIT 1"), ("format", "tsv"),
                                            ("format", "text/tab-separated-values")])
    assert r.status_code == 200 and r.mimetype == "text/tab-separated-values"


def test_wrong_tokens_are_throttled_per_address(client):
    def update(token: str, address: str):
        return client.post("/sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"},
                           headers={"Authorization": f"Bearer {token}"},
                           environ_base={"REMOTE_ADDR": address})
    statuses = [update(f"guess-{i}", "192.0.2.7").status_code for i in range(8)]
    assert statuses[:5] == [403] * 5 and set(statuses[5:]) == {429}
    refused = update(TOKEN, "192.0.2.7")  # even the right token: guessing must learn nothing
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert update(TOKEN, "192.0.2.8").status_code in (200, 204)  # another address is not affected


def test_health_does_not_show_the_store_path(client, hostile_store):
    body = client.get("/health").get_data(as_text=True)
    assert str(hostile_store.parent) not in body and "store" not in client.get("/health").json
