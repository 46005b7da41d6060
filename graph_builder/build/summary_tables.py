"""Precomputed tables of the build's summary graph (``<base>graph/summary``): aggregates that the broad named
queries would otherwise recompute over the whole store on every request, computed once per build.

Each table is a function of the other graphs (the build's record, the summary graph itself and, where the
source is the union, the facts graph left out), stated with terms of ``ontology/mdkg.ttl`` that no
document's graph uses, so that no query reading the union finds them by accident:

* ``mdkg:belowClass``: ``?type mdkg:belowClass ?class`` for every class of the ontology graph and each of
  its superclasses, itself included (the closure of ``rdfs:subClassOf*``, as a plain triple);
* ``mdkg:instanceCount``: for every ``mdkg:`` class with instances, the number of distinct resources typed
  with it or one of its subclasses in any graph (what ``COUNT(DISTINCT ?entity)`` over the class path gives),
  and the same for the two evidence classes the reports use, ``rdf:Statement`` and ``oa:Annotation``;
* ``mdkg:displayLabel``: for every resource of the facts graph with a ``skos:prefLabel``, one label per
  language, the least in code-point order (what ``MIN`` of its labels in that language gives);
* ``mdkg:partCount``: for every ``mdkg:Document``, the number of distinct resources ``mdkg:inDocument`` it
  (its paragraphs, footnotes, headings and sections);
* ``mdkg:factSubject``, ``mdkg:factPredicate``, ``mdkg:factObject``, ``mdkg:evidenceCount``: for every fact
  that evidence statements state (``rdf:subject``, ``rdf:predicate``, ``rdf:object`` of the reports'
  statements), one resource ``<base>id/summary/fact/<hash>`` (a hash of the three terms, so a rebuild names
  it the same) with the number of distinct paragraphs it was derived from (``prov:wasDerivedFrom``);
* ``mdkg:mentionCount``, ``mdkg:paragraphMentionCount``: for every resource a document part
  ``mdkg:mentions``, the number of distinct parts that mention it, and of those the ``mdkg:Paragraph`` ones;
* ``mdkg:statementCount``: for every IRI an evidence statement has as ``rdf:subject`` or ``rdf:object``, the
  number of distinct such statements; ``mdkg:firstEvidence``: for every IRI an evidence statement has as
  ``rdf:subject``, the least paragraph by IRI those statements were derived from (``prov:wasDerivedFrom``);
* ``mdkg:timelineYear``, ``mdkg:timelineStart``, ``mdkg:timelineEnd``, ``mdkg:timelinePlace``,
  ``mdkg:timelineHost``, ``mdkg:timelineProcess``: for every ``mdkg:Meeting`` of the facts graph with a
  stated year, the earliest year and start date, the latest end date and the least place, host and
  ``mdkg:partOf`` by IRI (the meeting-timeline's row); a meeting's aliases of the build's ``meeting-identity`` graph
  (``mdkg:sameMeetingAs``) give their facts to their canonical meeting's row and have none of their own.

The counts, minima and maxima are taken by the engine (flat ``GROUP BY`` or ``COUNT`` queries over one graph
each, one class at a time for the instance counts), so their order is SPARQL's; the few joins are done here.
Every table is a generator: its quads are made from the query's rows as they are read, so that a caller
writing them in chunks (:func:`graph_builder.build.summary.write_summary`) holds one chunk of quads and the
engine's state of one query, never a table or a Python set of every resource. It states nothing a document says.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import chain
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..namespaces import Base, MDKG
from .meeting_identity import NAME as IDENTITY

BELOW_CLASS, INSTANCE_COUNT, DISPLAY_LABEL, PART_COUNT = (
    MDKG[k] for k in ("belowClass", "instanceCount", "displayLabel", "partCount"))
FACT = {k: MDKG["fact" + k.capitalize()] for k in ("subject", "predicate", "object")}
EVIDENCE_COUNT = MDKG["evidenceCount"]
COUNTS = {k: MDKG[k] for k in ("mentionCount", "paragraphMentionCount", "statementCount", "firstEvidence")}
TIMELINE = {k: MDKG["timeline" + k.capitalize()] for k in ("year", "start", "end", "place", "host", "process")}
TERMS = (BELOW_CLASS, INSTANCE_COUNT, DISPLAY_LABEL, PART_COUNT, *FACT.values(), EVIDENCE_COUNT, *COUNTS.values(), *TIMELINE.values())

_MDKG_IRI = "https://w3id.org/mdkg/ontology#"
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_PREFIXES = ("PREFIX mdkg: <https://w3id.org/mdkg/ontology#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n")
EVIDENCE_CLASSES = (ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"),
                    ox.NamedNode("http://www.w3.org/ns/oa#Annotation"))
_COUNT = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { VALUES ?t { TYPES } GRAPH ?g { ?s a ?t } FILTER(?g NOT IN (SKIP)) }"
_CLOSURE = _PREFIXES + "SELECT DISTINCT ?type ?class WHERE { GRAPH ?onto { ?class a owl:Class . ?type rdfs:subClassOf* ?class } }"
_LABELS = _PREFIXES + ("SELECT ?entity ?lang (MIN(?label) AS ?shown) WHERE { GRAPH ?facts { ?entity skos:prefLabel ?label } "
                       "BIND(LANG(?label) AS ?lang) } GROUP BY ?entity ?lang")
# a meeting key the identity graph names an alias of another (``alias mdkg:sameMeetingAs canonical``) is its canonical's row
_CANONICAL = " OPTIONAL { GRAPH ?identity { ?m mdkg:sameMeetingAs ?c } } BIND(COALESCE(?c, ?m) AS ?meeting) }"
# one aggregate a query, so a meeting (or alias) that lacks the property leaves no unbound value in its canonical's group
_FIRST = _PREFIXES + ("SELECT ?meeting (AGGREGATE(?v) AS ?first) WHERE { GRAPH ?facts { ?m a mdkg:Meeting ; mdkg:year [] ; "
                      "PROPERTY ?v }" + _CANONICAL + " GROUP BY ?meeting")
_PARTS = _PREFIXES + ("SELECT ?document (COUNT(DISTINCT ?part) AS ?parts) WHERE { GRAPH ?g { ?document a mdkg:Document } "
                      "?part mdkg:inDocument ?document } GROUP BY ?document")
_EVIDENCE = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
             "SELECT ?s ?p ?o (COUNT(DISTINCT ?e) AS ?n) WHERE { "
             "?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?e } GROUP BY ?s ?p ?o")
_PER_ENTITY = {
    "mentionCount": "SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p mdkg:mentions ?e } GROUP BY ?e",
    "paragraphMentionCount": "SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p mdkg:mentions ?e . ?p a mdkg:Paragraph } GROUP BY ?e",
    "statementCount": ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nSELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE { "
                       "{ ?st rdf:subject ?e } UNION { ?st rdf:object ?e } FILTER(isIRI(?e)) } GROUP BY ?e"),
    "firstEvidence": ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"
                      "SELECT ?e (MIN(?p) AS ?n) WHERE { ?st rdf:subject ?e ; prov:wasDerivedFrom ?p } GROUP BY ?e"),
}
_FIRST_OF = {"year": ("MIN", "mdkg:year"), "start": ("MIN", "mdkg:startDate"), "end": ("MAX", "mdkg:endDate"),
             "place": ("MIN", "mdkg:location"), "host": ("MIN", "mdkg:hostedBy"), "process": ("MIN", "mdkg:partOf")}


def _rows(store: ox.Store, text: str, **graphs: ox.NamedNode):
    for name, iri in graphs.items():
        text = text.replace("?" + name, str(iri))
    return store.query(text)


def _integer(n: ox.Literal) -> ox.Literal:
    return ox.Literal(n.value, datatype=_XSD_INTEGER)


def class_quads(store: ox.Store, base: Base, graph: ox.NamedNode, skip: Iterable[ox.NamedNode]) -> Iterator[ox.Quad]:
    """``mdkg:belowClass`` and ``mdkg:instanceCount`` (one ``COUNT(DISTINCT)`` per class, over its subclasses)."""
    above: dict[ox.NamedNode, set[ox.NamedNode]] = defaultdict(set)
    for sub, sup in _rows(store, _CLOSURE, onto=base.ontology_graph):
        if isinstance(sub, ox.NamedNode) and isinstance(sup, ox.NamedNode):
            above[sub].add(sup)
    yield from (ox.Quad(sub, BELOW_CLASS, sup, graph) for sub, sups in above.items() for sup in sups)
    below: dict[ox.NamedNode, set[ox.NamedNode]] = defaultdict(set)
    for sub, sups in above.items():
        for c in sups:
            if c.value.startswith(_MDKG_IRI):
                below[c].add(sub)
    count = _COUNT.replace("SKIP", ", ".join(map(str, skip)))
    for c, types in chain(below.items(), ((c, {c}) for c in EVIDENCE_CLASSES)):
        for (n,) in store.query(count.replace("TYPES", " ".join(map(str, types)))):
            if int(n.value):
                yield ox.Quad(c, INSTANCE_COUNT, _integer(n), graph)


def label_quads(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> Iterator[ox.Quad]:
    """``mdkg:displayLabel``: one ``skos:prefLabel`` of the facts graph per resource and language."""
    return (ox.Quad(entity, DISPLAY_LABEL, shown, graph)
            for entity, _, shown in _rows(store, _LABELS, facts=facts) if isinstance(shown, ox.Literal))


def timeline_quads(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> Iterator[ox.Quad]:
    """The ``mdkg:timeline*`` row of every meeting with a stated year; a meeting and its aliases with a year (the
    build's ``meeting-identity`` graph) are one row, under the canonical key, from the facts of them all."""
    identity = base.graph(IDENTITY)
    for key, (aggregate, prop) in _FIRST_OF.items():
        text = _FIRST.replace("AGGREGATE", aggregate).replace("PROPERTY", prop)
        for meeting, first in _rows(store, text, facts=facts, identity=identity):
            if first is not None:
                yield ox.Quad(meeting, TIMELINE[key], first, graph)


def part_quads(store: ox.Store, base: Base, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    """``mdkg:partCount`` of every document with parts."""
    return (ox.Quad(doc, PART_COUNT, _integer(n), graph)
            for doc, n in store.query(_PARTS, use_default_graph_as_union=True) if n is not None)


def count_quads(store: ox.Store, base: Base, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    """``mdkg:mentionCount``, ``mdkg:paragraphMentionCount``, ``mdkg:statementCount`` and ``mdkg:firstEvidence``."""
    for key, text in _PER_ENTITY.items():
        for e, n in store.query(_PREFIXES + text, use_default_graph_as_union=True):
            if isinstance(e, ox.NamedNode) and n is not None:
                yield ox.Quad(e, COUNTS[key], n if key == "firstEvidence" else _integer(n), graph)


def fact_iri(base: Base, s: ox.Term, p: ox.Term, o: ox.Term) -> ox.NamedNode:
    """The summary graph's name of the fact (s, p, o): the same in every build."""
    digest = hashlib.sha256(f"{s}\t{p}\t{o}".encode("utf-8")).hexdigest()[:32]
    return ox.NamedNode(f"{base.iri}id/summary/fact/{digest}")


def evidence_quads(store: ox.Store, base: Base, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    """One resource per fact the evidence statements state, with the number of its evidence paragraphs."""
    for s, p, o, n in store.query(_EVIDENCE, use_default_graph_as_union=True):
        node = fact_iri(base, s, p, o)
        yield from (ox.Quad(node, FACT["subject"], s, graph), ox.Quad(node, FACT["predicate"], p, graph),
                    ox.Quad(node, FACT["object"], o, graph), ox.Quad(node, EVIDENCE_COUNT, _integer(n), graph))


def tables(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> Iterator[Iterator[ox.Quad]]:
    """The tables of the summary graph one after the other, each a generator of its quads (``graph`` is the
    summary graph's name, ``facts`` the facts graph's); none reads the summary graph, so a caller may write
    a table's quads while it reads the next ones."""
    yield class_quads(store, base, graph, (base.build_graph, graph, facts))
    yield label_quads(store, base, graph, facts)
    yield timeline_quads(store, base, graph, facts)
    yield part_quads(store, base, graph)
    yield evidence_quads(store, base, graph)
    yield count_quads(store, base, graph)


def table_quads(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> list[ox.Quad]:
    """Every table of the summary graph in one list (for tests on a small store)."""
    return [q for part in tables(store, base, graph, facts) for q in part]
