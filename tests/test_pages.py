"""Dereferenceable IRIs and linked-data pages, on the real bundled corpus served by the application (Flask's test client).

Every kind of IRI is dereferenced with HTML and RDF Accept headers (303 See Other, then the page or
the RDF, which must parse with rdflib and hold the resource's facts as the SPARQL endpoint gives
them); pages in Arabic (rtl) and English; highlighted evidence at the annotation offsets; 404s;
and a deployment on another base IRI with a store of its own.
"""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
import rdflib

from graph_builder.build import store as store_mod
from graph_builder.namespaces import MDKG, RDF, SKOS, Base
from serverutil import app_client

BASE = Base()
ONTOLOGY_TERM = MDKG.State.value
KIND_CLASSES = {  # kind -> a class its instances have (sample picked from the real build)
    "state": "State", "org": "Organization", "process": "Process", "body": "ProcessBody",
    "place": "Place", "region": "Region", "topic": "Topic", "event": "Event",
    "commitment": "Commitment", "person": "Person", "publication": "Publication",
}
DOC_PARTS = {"document": "Document", "section": "Section", "paragraph": "Paragraph",
             "footnote": "Footnote"}
RDF_ACCEPTS = {"text/turtle": ("turtle", ".ttl"), "application/ld+json": ("json-ld", ".jsonld"),
               "application/rdf+xml": ("xml", ".rdf"), "application/n-triples": ("nt", ".nt")}


def select(client, query: str) -> list[dict]:
    r = client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return r.json["results"]["bindings"]


def local_path(iri: str) -> str:
    assert iri.startswith(BASE.iri + "id/"), iri
    return "/id/" + iri[len(BASE.iri) + 3:]


@pytest.fixture(scope="module")
def samples(built_client) -> dict[str, str]:
    """One IRI per kind (the most mentioned one, so that its page has evidence)."""
    out = {}
    for kind, cls in {**KIND_CLASSES, **DOC_PARTS}.items():
        rows = select(built_client, f"""
            PREFIX mdkg: <{MDKG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?x (COUNT(?m) AS ?n) WHERE {{
              ?x a/rdfs:subClassOf* mdkg:{cls} . OPTIONAL {{ ?m mdkg:mentions ?x }}
              FILTER(STRSTARTS(STR(?x), "{BASE.iri}id/")) }}
            GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1""")
        assert rows, f"the build has no instance of mdkg:{cls}"
        out[kind] = rows[0]["x"]["value"]
    return out


def facts_of(client, iri: str) -> set[tuple[str, str]]:
    """(predicate, object) pairs of ``iri`` as subject, from the SPARQL endpoint (IRIs/literal text)."""
    rows = select(client, f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}")
    return {(r["p"]["value"], r["o"]["value"]) for r in rows if r["o"]["type"] != "bnode"}


def graph_facts(graph: rdflib.Graph, iri: str) -> set[tuple[str, str]]:
    return {(str(p), str(o)) for p, o in graph.predicate_objects(rdflib.URIRef(iri))
            if not isinstance(o, rdflib.BNode)}


@pytest.mark.parametrize("kind", [*KIND_CLASSES, *DOC_PARTS])
def test_every_kind_dereferences_to_html_and_rdf(built_client, samples, kind):
    iri = samples[kind]
    url = local_path(iri)
    expected = facts_of(built_client, iri)
    assert expected, iri

    r = built_client.get(url, headers={"Accept": "text/html"})
    assert r.status_code == 303, (url, r.status_code, r.text[:300])
    page_url = r.headers["Location"]
    assert urlsplit(page_url).path == "/page/" + iri[len(BASE.iri) + 3:]
    page = built_client.get(page_url)
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert iri in unescape(page.text)
    assert 'rel="alternate"' in page.text and ".ttl" in page.text

    for accept, (fmt, ext) in RDF_ACCEPTS.items():
        r = built_client.get(url, headers={"Accept": accept})
        assert r.status_code == 303, (accept, r.status_code)
        assert urlsplit(r.headers["Location"]).path.endswith(ext)
        data = built_client.get(r.headers["Location"])
        assert data.status_code == 200
        assert data.headers["Content-Type"].split(";")[0] == accept
        graph = rdflib.Graph().parse(data=data.data, format=fmt)
        assert graph_facts(graph, iri) == expected, (kind, accept)


def test_ontology_terms_resolve_to_the_ontology_document(built_client):
    r = built_client.get("/ontology", headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/data/ontology.ttl")
    graph = rdflib.Graph().parse(data=built_client.get("/data/ontology.ttl").data,
                                 format="turtle")
    state = rdflib.URIRef(ONTOLOGY_TERM)
    assert (state, rdflib.RDF.type, rdflib.OWL.Class) in graph
    assert {str(o) for o in graph.objects(state, rdflib.URIRef(SKOS.prefLabel.value))} >= {"state", "دولة"}
    jsonld = built_client.get("/ontology", headers={"Accept": "application/ld+json"}, follow_redirects=True)
    assert (state, rdflib.RDF.type, rdflib.OWL.Class) in rdflib.Graph().parse(data=jsonld.data, format="json-ld")

    r = built_client.get("/ontology", headers={"Accept": "text/html"})
    assert r.status_code == 303 and urlsplit(r.headers["Location"]).path == "/page/ontology"
    page = built_client.get("/page/ontology?lang=ar").text
    assert 'id="State"' in page and 'id="addresses"' in page
    assert 'dir="rtl"' in page and "دولة" in page


def test_arabic_and_english_pages(built_client, samples):
    path = local_path(samples["state"]).replace("/id/", "/page/", 1)
    ar = built_client.get(path + "?lang=ar")
    en = built_client.get(path + "?lang=en")
    assert re.search(r'<html lang="ar" dir="rtl">', ar.text)
    assert re.search(r'<html lang="en" dir="ltr">', en.text)
    assert ar.headers["Content-Language"] == "ar"
    assert 'href="/page/' in ar.text and "?lang=ar" in ar.text  # links stay in Arabic
    assert "lang=en" in ar.text  # the language switch
    by_header = built_client.get(path, headers={"Accept-Language": "ar"})
    assert '<html lang="ar" dir="rtl">' in by_header.text
    assert "Content-Security-Policy" in ar.headers


def test_switzerland_page_shows_codes_facts_and_highlighted_evidence(built_client):
    iri = BASE.id("state", "CHE").value
    html = built_client.get("/page/state/CHE?lang=ar").text
    assert "سويسرا" in html and "756" in html and ">CHE<" in html
    assert '<mark class="focus">سويسرا</mark>' in html
    model = built_client.get("/page/state/CHE.json?lang=en").json
    assert model["iri"] == iri and model["label"] == "Switzerland"
    assert {"predicate": "mdkg:m49Code", "value": "756"} in model["codes"]
    assert model["evidence"], "Switzerland is mentioned in the reports"
    for passage in model["evidence"]:
        para = passage["paragraph"]["value"]
        text = select(built_client, f"SELECT ?t WHERE {{ <{para}> <{MDKG.text.value}> ?t }}")[0]["t"]["value"]
        assert "".join(s["text"] for s in passage["segments"]) == text  # nothing lost or reordered
        focus = [s for s in passage["segments"] if s.get("focus")]
        claims = passage["claims"]
        assert focus or claims, para
    # the TextPositionSelector offsets give exactly the marked text
    offsets = select(built_client, f"""PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?para ?s ?e WHERE {{ ?a oa:hasBody <{iri}> ; oa:hasTarget ?t . ?t oa:hasSource ?para ;
        oa:hasSelector ?sel . ?sel oa:start ?s ; oa:end ?e }}""")
    first = model["evidence"][0]
    spans = sorted((int(r["s"]["value"]), int(r["e"]["value"])) for r in offsets
                   if r["para"]["value"] == first["paragraph"]["value"])
    pos, marked = 0, []
    for seg in first["segments"]:
        if seg.get("focus"):
            marked.append((pos, pos + len(seg["text"])))
        pos += len(seg["text"])
    assert marked and set(marked) <= set(spans)


def test_paragraph_page_links_its_mentions(built_client, samples):
    para = BASE.paragraph("2011-gfmd-swiss-chair-report", 21).value
    html = built_client.get("/page/" + para[len(BASE.iri) + 3:] + "?lang=en").text
    assert '<p class="passage" lang="ar" dir="rtl">' in html
    assert '<a href="/page/state/CHE?lang=en" title="Switzerland">' in html
    mentioned = {r["x"]["value"] for r in select(built_client, f"SELECT ?x {{ <{para}> <{MDKG.mentions.value}> ?x }}")}
    for iri in mentioned:
        assert f'href="/page/{iri[len(BASE.iri) + 3:]}?lang=en"' in html


def test_topic_page_lists_who_addresses_it(built_client):
    rows = select(built_client, f"""SELECT ?t (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x <{MDKG.addresses.value}> ?t }}
                  GROUP BY ?t ORDER BY DESC(?n) LIMIT 1""")
    topic = rows[0]["t"]["value"]
    who = {r["x"]["value"] for r in select(built_client, f"SELECT ?x {{ ?x <{MDKG.addresses.value}> <{topic}> }}")}
    html = built_client.get("/page/" + topic[len(BASE.iri) + 3:] + "?lang=ar").text
    section = html.split('<section class="addressed-by"', 1)[1].split("</section>", 1)[0]
    for iri in who:
        assert f'href="/page/{iri[len(BASE.iri) + 3:]}?lang=ar"' in section


def test_unknown_iris_get_a_404_page(built_client):
    for path in ("/id/state/NOWHERE", "/page/state/NOWHERE", "/data/state/NOWHERE.ttl", "/id/state",
                 "/id/org/%3Cscript%3E"):
        r = built_client.get(path)
        assert r.status_code == 404, path
        assert r.headers["Content-Type"].startswith("text/html")
        assert "<script>" not in r.text


# ---------------------------------------------------------------- another base IRI

OTHER_BASE = "http://data.example.org/kg/"


@pytest.fixture(scope="module")
def other_base_client(tmp_path_factory):
    """A store minted under another base, served with BASE set to it by configuration only."""
    base = Base(OTHER_BASE)
    root = tmp_path_factory.mktemp("otherbase")
    thing, graph = base.id("org", "acme"), base.graph("doc")
    para = base.paragraph("doc", 1)
    text = "تعمل منظمة أكمي مع <الشركاء> & غيرهم"
    with store_mod.staged_build(root / "store") as (st, _):
        st.extend([
            ox.Quad(thing, RDF.type, MDKG.Organization, graph),
            ox.Quad(thing, SKOS.prefLabel, ox.Literal("ACME <script>alert(1)</script>", language="en"), graph),
            ox.Quad(thing, SKOS.prefLabel, ox.Literal("أكمي", language="ar"), graph),
            ox.Quad(para, RDF.type, MDKG.Paragraph, graph),
            ox.Quad(para, MDKG.text, ox.Literal(text, language="ar"), graph),
            ox.Quad(para, MDKG.mentions, thing, graph),
        ])
    with app_client(root / "store", BASE=OTHER_BASE, QUERY_PROCESSES=1) as client:
        yield client, thing.value, para.value


def test_another_base_works_by_configuration(other_base_client):
    client, thing, para = other_base_client
    r = client.get("/id/org/acme", headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and urlsplit(r.headers["Location"]).path == "/data/org/acme.ttl"
    graph = rdflib.Graph().parse(data=client.get("/data/org/acme.ttl").data,
                                 format="turtle")
    assert (rdflib.URIRef(thing), rdflib.RDF.type, rdflib.URIRef(MDKG.Organization.value)) in graph
    assert (rdflib.URIRef(para), rdflib.URIRef(MDKG.mentions.value), rdflib.URIRef(thing)) in graph
    html = client.get("/page/org/acme?lang=en").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    para_html = client.get("/page/document/doc/para/1?lang=ar").text
    assert "&lt;الشركاء&gt; &amp; غيرهم" in para_html
    assert 'href="/page/org/acme?lang=ar"' in para_html
    # the default base is not this server's
    assert client.get("/id/state/CHE").status_code == 404
