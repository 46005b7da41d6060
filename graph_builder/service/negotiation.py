"""Media types the service produces and the choice among them (Accept with q-values, ``format``).

``choose`` returns a canonical media type or None (the caller answers 406). No Accept header
(or ``*/*``) gives the default: SPARQL JSON results for SELECT/ASK, Turtle for graphs. A
``format`` query parameter overrides the Accept header: the short names in ``RESULTS_PARAM`` and
``GRAPH_PARAM`` (``json``, ``xml``, ``csv``, ``tsv``, ``ttl``, ``nt``, ``rdfxml``, ``jsonld``, ``trig``,
``nq`` and the names common clients send: SPARQLWrapper's ``rdf+xml``, ``json-ld``, ``n3``, ``rdf``,
``turtle``) or a media type. ``format`` may be repeated (SPARQLWrapper sends ``format=rdf+xml&format=
application/rdf+xml``): the first value known for the answer's kind wins. A value the service does not
know at all is ignored, so a satisfiable Accept header decides; a value known for the other kind of
answer (``format=csv`` on a CONSTRUCT) still gives None. Serialisation lives in ``results``.
"""
from __future__ import annotations

from werkzeug.datastructures import MIMEAccept

FORM = "application/x-www-form-urlencoded"          # request bodies of the protocols
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"

RESULTS_TYPES: dict[str, str] = {  # offered media type -> canonical media type
    "application/sparql-results+json": "application/sparql-results+json",
    "application/sparql-results+xml": "application/sparql-results+xml",
    "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "text/turtle",
    "application/n-triples": "application/n-triples",
    "application/rdf+xml": "application/rdf+xml",
    "application/ld+json": "application/ld+json",
    "application/trig": "application/trig",
    "application/n-quads": "application/n-quads",
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
}
RESULTS_PARAM = {"json": "application/sparql-results+json", "srj": "application/sparql-results+json",
                 "sparql-results+json": "application/sparql-results+json",
                 "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
                 "sparql-results+xml": "application/sparql-results+xml",
                 "csv": "text/csv", "tsv": "text/tab-separated-values"}
GRAPH_PARAM = {"ttl": "text/turtle", "turtle": "text/turtle", "nt": "application/n-triples",
               "ntriples": "application/n-triples", "rdfxml": "application/rdf+xml",
               "xml": "application/rdf+xml", "jsonld": "application/ld+json",
               "json": "application/ld+json", "trig": "application/trig",
               "nq": "application/n-quads", "nquads": "application/n-quads",
               "rdf+xml": "application/rdf+xml", "rdf": "application/rdf+xml", "json-ld": "application/ld+json",
               "n3": "text/turtle", "text/n3": "text/turtle", "n-triples": "application/n-triples",
               "n-quads": "application/n-quads"}
KNOWN_FORMATS = frozenset([*RESULTS_PARAM, *GRAPH_PARAM, *RESULTS_TYPES, *GRAPH_TYPES])


def choose(accept: MIMEAccept, offers: dict[str, str], default: str,
           format_param: str | list[str] | None = None,
           param_map: dict[str, str] | None = None) -> str | None:
    """The canonical media type to answer with, or None when nothing acceptable can be produced.

    ``format_param`` is the ``format`` value, or all of them (see the module docstring)."""
    values = [format_param] if isinstance(format_param, str) else list(format_param or ())
    names = [v.strip().lower() for v in values if v and v.strip()]
    for name in names:
        if name in (param_map or {}):
            return param_map[name]
        if name in offers:
            return offers[name]
    if any(name in KNOWN_FORMATS for name in names):
        return None  # asked for a format of the other kind of answer
    if not accept:
        return default
    best = accept.best_match([default, *offers], default=None)
    return offers.get(best) if best else None
