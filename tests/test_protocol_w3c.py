"""The W3C SPARQL 1.1 Protocol test manifest, run in full against the real production server.

Reads ``tests/data/w3c-sparql11-protocol/manifest.ttl`` (a copy, see its README) with rdflib; before each test the store
is emptied and the test's ``ut:graphData`` files are loaded through the Graph Store Protocol
(with the token); then each ``ht:Request`` is sent as described (method, path, headers, body
in its character encoding) and the response is checked against ``mf:expectedStatus``,
``mf:expectedFormat`` and ``mf:expectedBoolean``.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
import requests
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from conftest import UPDATE_TOKEN

W3C = Path(__file__).parent / "data" / "w3c-sparql11-protocol"
MANIFEST = W3C / "manifest.ttl"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
AUTH = {"Authorization": f"Bearer {UPDATE_TOKEN}"}
RESULTS_TYPES = {"application/sparql-results+json", "application/sparql-results+xml",
                 "text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
             "application/ld+json": "json-ld"}


def _manifest() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    return graph


def _entries(graph: rdflib.Graph) -> list[rdflib.URIRef]:
    manifest = next(graph.subjects(rdflib.RDF.type, MF.Manifest))
    return list(Collection(graph, graph.value(manifest, MF.entries)))


def _requests(graph, test) -> list[dict]:
    action = graph.value(test, MF.action)
    out = []
    for req in Collection(graph, graph.value(action, HT.requests)):
        headers = {}
        header_list = graph.value(req, HT.headers)
        if header_list is not None:
            for header in Collection(graph, header_list):
                headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
        body = graph.value(req, HT.body)
        data = None
        if body is not None:
            encoding = str(graph.value(body, CNT.characterEncoding) or "UTF-8")
            data = str(graph.value(body, CNT.chars)).encode(encoding.lower())
        resp = graph.value(req, HT.resp)
        out.append({
            "method": str(graph.value(req, HT.methodName)),
            "path": str(graph.value(req, HT.absolutePath)),
            "headers": headers, "data": data,
            "status": sorted(str(s).removeprefix(HTS)[0] for s in graph.objects(resp, MF.expectedStatus)),
            "format": graph.value(resp, MF.expectedFormat),
            "boolean": graph.value(resp, MF.expectedBoolean),
        })
    return out


def _graph_data(graph, test) -> list[tuple[Path, str]]:
    out = []
    for item in graph.objects(test, UT.graphData):
        out.append((Path(graph.value(item, UT.graph).removeprefix("file://")),
                    str(graph.value(item, RDFS.label))))
    return out


GRAPH = _manifest()
ENTRIES = _entries(GRAPH)


def _boolean(response: requests.Response) -> bool:
    media_type = response.headers["Content-Type"].split(";")[0].strip()
    if media_type == "application/sparql-results+json":
        return json.loads(response.content)["boolean"]
    assert media_type == "application/sparql-results+xml", media_type
    root = ET.fromstring(response.content)
    node = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    return node.text.strip() == "true"


def _check_format(response: requests.Response, expected: str) -> None:
    media_type = response.headers["Content-Type"].split(";")[0].strip()
    if expected == "boolean":
        assert media_type in ("application/sparql-results+json", "application/sparql-results+xml")
        _boolean(response)
    elif expected == "tabular":
        assert media_type in RESULTS_TYPES
        if media_type == "application/sparql-results+json":
            assert "bindings" in json.loads(response.content)["results"]
    elif expected == "RDF":
        assert media_type in RDF_TYPES
        rdflib.Graph().parse(data=response.content, format=RDF_TYPES[media_type])
    else:
        raise AssertionError(f"unknown expected format {expected}")


def _reset(server, graph_data) -> None:
    response = requests.post(server.sparql, data=b"DROP ALL", headers={
        **AUTH, "Content-Type": "application/sparql-update"}, timeout=30)
    assert response.status_code == 204, response.text
    for path, label in graph_data:
        response = requests.put(server.url + "/store", params={"graph": label},
                                data=path.read_bytes(), timeout=30,
                                headers={**AUTH, "Content-Type": "application/n-triples"})
        assert response.status_code in (201, 204), response.text


def test_manifest_has_34_entries():
    assert len(ENTRIES) == 34


@pytest.mark.parametrize("test", ENTRIES, ids=[str(e).rsplit("#", 1)[-1] for e in ENTRIES])
def test_w3c_protocol(writable_server, test):
    _reset(writable_server, _graph_data(GRAPH, test))
    for step in _requests(GRAPH, test):
        response = requests.request(step["method"], writable_server.url + step["path"],
                                    data=step["data"], headers={**AUTH, **step["headers"]}, timeout=30)
        assert str(response.status_code)[0] in step["status"], (response.status_code, response.text)
        if step["format"] is not None:
            _check_format(response, str(step["format"]))
        if step["boolean"] is not None:
            assert _boolean(response) is step["boolean"].toPython()
