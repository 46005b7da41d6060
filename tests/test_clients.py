"""Common SPARQL clients against a real ``mdkg serve`` (gunicorn on a free localhost port):
SPARQLWrapper with every return format for SELECT, ASK, CONSTRUCT and DESCRIBE; rdflib's
SPARQLStore; and Comunica (``@comunica/query-sparql``, run with node from ``tests/clients``).

SPARQLWrapper sends ``format=`` (and ``output=``/``results=``) beside its Accept header, and for
RDF/XML, JSON-LD and TSV the names ``rdf+xml``, ``json-ld`` and ``tsv`` followed by the media
type; on the base a CONSTRUCT with RDF/XML, N3 or JSON-LD got 406."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from serverutil import EX, GRAPH_A

CLIENTS = Path(__file__).parent / "clients"
SELECT = f"SELECT ?s ?label WHERE {{ GRAPH <{GRAPH_A}> {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }} }} ORDER BY ?s LIMIT 5"
ASK = f"ASK {{ <{EX}item/3> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ ?s <{EX}value> ?v }} WHERE {{ ?s <{EX}value> ?v }} LIMIT 7"
DESCRIBE = f"DESCRIBE <{EX}item/3>"


def _wrapper(server, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.sparql)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select_every_format(readonly_server, fmt):
    result = _wrapper(readonly_server, SELECT, fmt).query()
    assert result.response.status == 200
    body = result.convert()
    if fmt == JSON:
        assert len(body["results"]["bindings"]) == 5
    elif fmt == XML:
        assert len(body.getElementsByTagName("result")) == 5
    else:
        lines = body.decode("utf-8").strip().splitlines()
        assert len(lines) == 6 and ("label" in lines[0])


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(readonly_server, fmt):
    body = _wrapper(readonly_server, ASK, fmt).query().convert()
    assert (body["boolean"] if fmt == JSON else body.getElementsByTagName("boolean")[0].firstChild.data == "true")


GRAPH_FORMATS = [XML, RDFXML, RDF, N3, TURTLE, JSONLD, JSON]


def _as_graph(body, fmt) -> rdflib.Graph:
    if isinstance(body, rdflib.Graph):
        return body
    if isinstance(body, (bytes, str)):
        return rdflib.Graph().parse(data=body, format="turtle" if fmt in (N3, TURTLE) else "xml")
    if isinstance(body, (dict, list)):  # JSON: JSON-LD as parsed JSON
        return rdflib.Graph().parse(data=json.dumps(body), format="json-ld")
    return rdflib.Graph().parse(data=body.toxml(), format="xml")  # a DOM of RDF/XML


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
@pytest.mark.parametrize("query, triples", [(CONSTRUCT, 7), (DESCRIBE, 3)])
def test_sparqlwrapper_graph_queries_every_format(readonly_server, query, triples, fmt):
    result = _wrapper(readonly_server, query, fmt).query()
    assert result.response.status == 200
    graph = _as_graph(result.convert(), fmt)
    assert len(graph) == triples


def test_rdflib_sparqlstore(readonly_server):
    graph = rdflib.Graph(store=SPARQLStore(readonly_server.sparql, returnFormat="json"))
    rows = list(graph.query(SELECT))
    assert len(rows) == 5 and all(isinstance(r[1], rdflib.Literal) for r in rows)
    assert graph.query(ASK).askAnswer is True
    xml_store = rdflib.Graph(store=SPARQLStore(readonly_server.sparql, returnFormat="xml"))
    assert len(list(xml_store.query(SELECT))) == 5
    assert len(xml_store.query(CONSTRUCT).graph) == 7  # Accept: results XML, RDF/XML
    assert len(list(xml_store.triples((rdflib.URIRef(f"{EX}item/3"), None, None)))) == 3


NODE = shutil.which("node")


@pytest.mark.skipif(NODE is None, reason="node is not installed (Comunica runs on node)")
def test_comunica(readonly_server):
    if not (CLIENTS / "node_modules" / "@comunica" / "query-sparql").is_dir():
        pytest.fail("Comunica is not installed: run `npm ci --prefix tests/clients` (.ci/run does)")
    done = subprocess.run([NODE, str(CLIENTS / "comunica.mjs"), readonly_server.sparql, SELECT, ASK, CONSTRUCT],
                          capture_output=True, text=True, timeout=180, cwd=CLIENTS)
    assert done.returncode == 0, done.stderr[-2000:]
    select, ask, construct = json.loads(done.stdout)
    assert len(select["bindings"]) == 5
    assert all(b["label"].startswith("item ") for b in select["bindings"])
    assert ask["boolean"] is True
    assert len(construct["quads"]) == 7
