"""The SPARQL 1.1 Service Description of the endpoint, as RDF in a negotiated format.

Built with pyoxigraph terms from the ``SD`` namespace; describes the endpoint IRI, the
languages (query, and update when writes are enabled), result formats, features and the
default dataset (the union of the named graphs). Nothing here reads the store.
"""
from __future__ import annotations

import pyoxigraph as ox

from graph_builder.namespaces import RDF, SD
from graph_builder.service import results

FORMATS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV", "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle", "application/n-triples": "N-Triples", "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON-LD", "application/trig": "TriG", "application/n-quads": "N-Quads",
}
FORMATS_NS = "http://www.w3.org/ns/formats/"


def description_triples(endpoint: str, writable: bool, federated: bool) -> list[ox.Triple]:
    service = ox.NamedNode(endpoint + "#service")
    dataset = ox.BlankNode()
    default_graph = ox.BlankNode()
    triples = [
        ox.Triple(service, RDF.type, SD.Service),
        ox.Triple(service, SD.endpoint, ox.NamedNode(endpoint)),
        ox.Triple(service, SD.supportedLanguage, SD.SPARQL11Query),
        ox.Triple(service, SD.feature, SD.UnionDefaultGraph),
        ox.Triple(service, SD.defaultEntailmentRegime,
                  ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, SD.defaultDataset, dataset),
        ox.Triple(dataset, RDF.type, SD.Dataset),
        ox.Triple(dataset, SD.defaultGraph, default_graph),
        ox.Triple(default_graph, RDF.type, SD.Graph),
    ]
    if federated:
        triples.append(ox.Triple(service, SD.feature, SD.BasicFederatedQuery))
    if writable:
        triples.append(ox.Triple(service, SD.supportedLanguage, SD.SPARQL11Update))
    for name in FORMATS.values():
        triples.append(ox.Triple(service, SD.resultFormat, ox.NamedNode(FORMATS_NS + name)))
    return triples


def description_bytes(endpoint: str, writable: bool, federated: bool, media_type: str) -> bytes:
    body, _ = results.triples_bytes(description_triples(endpoint, writable, federated), media_type, None)
    return body
