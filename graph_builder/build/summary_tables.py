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
  ``mdkg:partOf`` by IRI (the meeting-timeline's row).

The minima and maxima are taken by the engine (flat ``GROUP BY`` queries over one graph each), so their
order is SPARQL's; the joins are done here. It states nothing a document says.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..namespaces import Base, MDKG

BELOW_CLASS, INSTANCE_COUNT, DISPLAY_LABEL, PART_COUNT = (
    MDKG[k] for k in ("belowClass", "instanceCount", "displayLabel", "partCount"))
FACT = {k: MDKG["fact" + k.capitalize()] for k in ("subject", "predicate", "object")}
EVIDENCE_COUNT = MDKG["evidenceCount"]
COUNTS = {k: MDKG[k] for k in ("mentionCount", "paragraphMentionCount", "statementCount", "firstEvidence")}
TIMELINE = {k: MDKG["timeline" + k.capitalize()] for k in ("year", "start", "end", "place", "host", "process")}
TERMS = (BELOW_CLASS, INSTANCE_COUNT, DISPLAY_LABEL, PART_COUNT, *FACT.values(), EVIDENCE_COUNT, *COUNTS.values(), *TIMELINE.values())

_MDKG_IRI = "https://w3id.org/mdkg/ontology#"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_PREFIXES = ("PREFIX mdkg: <https://w3id.org/mdkg/ontology#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n")
EVIDENCE_CLASSES = (ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"),
                    ox.NamedNode("http://www.w3.org/ns/oa#Annotation"))
_COUNT = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a CLASS } FILTER(?g NOT IN (SKIP)) }"
_CLOSURE = _PREFIXES + "SELECT DISTINCT ?type ?class WHERE { GRAPH ?onto { ?class a owl:Class . ?type rdfs:subClassOf* ?class } }"
_LABELS = _PREFIXES + ("SELECT ?entity ?lang (MIN(?label) AS ?shown) WHERE { GRAPH ?facts { ?entity skos:prefLabel ?label } "
                       "BIND(LANG(?label) AS ?lang) } GROUP BY ?entity ?lang")
_MEETINGS = _PREFIXES + ("SELECT ?meeting (MIN(?y) AS ?year) (MIN(?s) AS ?start) (MAX(?e) AS ?end) WHERE { GRAPH ?facts {"
                         " ?meeting a mdkg:Meeting ; mdkg:year ?y . OPTIONAL { ?meeting mdkg:startDate ?s }"
                         " OPTIONAL { ?meeting mdkg:endDate ?e } } } GROUP BY ?meeting")
_FIRST = _PREFIXES + ("SELECT ?meeting (MIN(?v) AS ?first) WHERE { GRAPH ?facts { ?meeting a mdkg:Meeting ; mdkg:year [] ; "
                      "PROPERTY ?v } } GROUP BY ?meeting")
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
_FIRST_OF = {"place": "mdkg:location", "host": "mdkg:hostedBy", "process": "mdkg:partOf"}


def _rows(store: ox.Store, text: str, **graphs: ox.NamedNode):
    for name, iri in graphs.items():
        text = text.replace("?" + name, str(iri))
    return store.query(text)


def class_quads(store: ox.Store, base: Base, graph: ox.NamedNode, skip: Iterable[ox.NamedNode]) -> list[ox.Quad]:
    """``mdkg:belowClass`` and ``mdkg:instanceCount``."""
    above: dict[ox.NamedNode, set[ox.NamedNode]] = defaultdict(set)
    for sub, sup in _rows(store, _CLOSURE, onto=base.ontology_graph):
        if isinstance(sub, ox.NamedNode) and isinstance(sup, ox.NamedNode):
            above[sub].add(sup)
    out = [ox.Quad(sub, BELOW_CLASS, sup, graph) for sub, sups in above.items() for sup in sups]
    skipped = set(skip)
    members: dict[ox.NamedNode, set] = defaultdict(set)
    for sub, sups in above.items():
        wanted = [c for c in sups if c.value.startswith(_MDKG_IRI)]
        if not wanted:
            continue
        found = {q.subject for q in store.quads_for_pattern(None, _RDF_TYPE, sub, None) if q.graph_name not in skipped}
        for c in wanted:
            members[c] |= found
    out += [ox.Quad(c, INSTANCE_COUNT, ox.Literal(str(len(m)), datatype=_XSD_INTEGER), graph)
            for c, m in members.items() if m]
    for c in EVIDENCE_CLASSES:
        for (n,) in store.query(_COUNT.replace("CLASS", str(c)).replace("SKIP", ", ".join(map(str, skipped)))):
            if int(n.value):
                out.append(ox.Quad(c, INSTANCE_COUNT, ox.Literal(n.value, datatype=_XSD_INTEGER), graph))
    return out


def label_quads(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> list[ox.Quad]:
    """``mdkg:displayLabel``: one ``skos:prefLabel`` of the facts graph per resource and language."""
    return [ox.Quad(entity, DISPLAY_LABEL, shown, graph)
            for entity, _, shown in _rows(store, _LABELS, facts=facts) if isinstance(shown, ox.Literal)]


def timeline_quads(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> list[ox.Quad]:
    """The ``mdkg:timeline*`` row of every meeting with a stated year."""
    out = []
    for meeting, year, start, end in _rows(store, _MEETINGS, facts=facts):
        for key, value in (("year", year), ("start", start), ("end", end)):
            if value is not None:
                out.append(ox.Quad(meeting, TIMELINE[key], value, graph))
    for key, prop in _FIRST_OF.items():
        for meeting, first in _rows(store, _FIRST.replace("PROPERTY", prop), facts=facts):
            if first is not None:
                out.append(ox.Quad(meeting, TIMELINE[key], first, graph))
    return out


def part_quads(store: ox.Store, base: Base, graph: ox.NamedNode) -> list[ox.Quad]:
    """``mdkg:partCount`` of every document with parts."""
    return [ox.Quad(doc, PART_COUNT, ox.Literal(n.value, datatype=_XSD_INTEGER), graph)
            for doc, n in store.query(_PARTS, use_default_graph_as_union=True) if n is not None]


def count_quads(store: ox.Store, base: Base, graph: ox.NamedNode) -> list[ox.Quad]:
    """``mdkg:mentionCount``, ``mdkg:paragraphMentionCount``, ``mdkg:statementCount`` and ``mdkg:firstEvidence``."""
    out = []
    for key, text in _PER_ENTITY.items():
        for e, n in store.query(_PREFIXES + text, use_default_graph_as_union=True):
            if isinstance(e, ox.NamedNode) and n is not None:
                value = n if key == "firstEvidence" else ox.Literal(n.value, datatype=_XSD_INTEGER)
                out.append(ox.Quad(e, COUNTS[key], value, graph))
    return out


def fact_iri(base: Base, s: ox.Term, p: ox.Term, o: ox.Term) -> ox.NamedNode:
    """The summary graph's name of the fact (s, p, o): the same in every build."""
    digest = hashlib.sha256(f"{s}\t{p}\t{o}".encode("utf-8")).hexdigest()[:32]
    return ox.NamedNode(f"{base.iri}id/summary/fact/{digest}")


def evidence_quads(store: ox.Store, base: Base, graph: ox.NamedNode) -> list[ox.Quad]:
    """One resource per fact the evidence statements state, with the number of its evidence paragraphs."""
    out = []
    for s, p, o, n in store.query(_EVIDENCE, use_default_graph_as_union=True):
        node = fact_iri(base, s, p, o)
        out += [ox.Quad(node, FACT["subject"], s, graph), ox.Quad(node, FACT["predicate"], p, graph),
                ox.Quad(node, FACT["object"], o, graph),
                ox.Quad(node, EVIDENCE_COUNT, ox.Literal(n.value, datatype=_XSD_INTEGER), graph)]
    return out


def tables(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> Iterator[list[ox.Quad]]:
    """The tables of the summary graph one after the other (``graph`` is its name, ``facts`` the facts graph's),
    so that a caller may write each before the next is computed (none reads the summary graph)."""
    yield class_quads(store, base, graph, (base.build_graph, graph, facts))
    yield label_quads(store, base, graph, facts)
    yield timeline_quads(store, base, graph, facts)
    yield part_quads(store, base, graph)
    yield evidence_quads(store, base, graph)
    yield count_quads(store, base, graph)


def table_quads(store: ox.Store, base: Base, graph: ox.NamedNode, facts: ox.NamedNode) -> list[ox.Quad]:
    """Every table of the summary graph in one list."""
    return [q for part in tables(store, base, graph, facts) for q in part]
