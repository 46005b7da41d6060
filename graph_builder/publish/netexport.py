"""The entity network of a store, for visualisation tools (Gephi, Cytoscape, yEd, Cytoscape.js).

Nodes are the instances of the vocabulary's entity classes (actors, processes, events,
commitments, topics, places, regions, publications; not documents, paragraphs, annotations
or evidence statements), with attributes ``iri``, ``label`` (display), ``label_en``,
``label_ar``, ``type`` (class local name), ``kind`` (the ``{kind}`` segment of the IRI) and
``mentions`` (paragraphs that mention it). Edges are the IRI-valued triples between two such
nodes, in any graph, as a :class:`networkx.MultiDiGraph` keyed by predicate IRI, with
``predicate``, ``label`` (local name) and ``weight`` (number of ``rdf:Statement`` evidence
nodes for that triple; 1 when there is none).

Writes GraphML, GEXF 1.3 (networkx's output corrected so it conforms to the GEXF 1.3 grammar)
and Cytoscape.js elements JSON. It does not lay the graph out, colour it, or serve it over
HTTP (the service does that).
"""
from __future__ import annotations

import io
import json
import re
from collections import Counter
from typing import BinaryIO, Iterable

import networkx as nx
import pyoxigraph as ox
from lxml import etree

from ..namespaces import MDKG, RDF, RDFS, SKOS, mdkg_subclasses

FORMATS = ("graphml", "gexf", "cytoscape")

# The vocabulary's entity classes are these roots and their sub-classes, read from the ontology
# (ontology/mdkg.ttl); sub-classes that the store's own ontology graph declares are picked up as well.
ROOT_CLASSES = ("Actor", "Process", "Event", "Commitment", "Topic", "Place", "Region", "Publication")
ENTITY_CLASSES: dict[str, str] = {cls: root for root in ROOT_CLASSES for cls in sorted(mdkg_subclasses(root))}
_KIND = re.compile(r"/id/([^/]+)/[^/]")
_LOCAL = re.compile(r"[^#/]*$")
GEXF_XSI_WRONG = b'xmlns:xsi="http://w3.org/2001/XMLSchema-instance"'
GEXF_XSI_RIGHT = b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
GEXF_NS = "http://gexf.net/1.3"


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return _LOCAL.search(iri).group(0)


def kind_of(iri: str) -> str:
    """The ``{kind}`` segment of an instance IRI ``.../id/{kind}/{slug}`` ('' for other IRIs)."""
    found = _KIND.findall(iri)
    return found[-1] if found else ""


def _select(st: ox.Store, query: str) -> list:
    return list(st.query(query, use_default_graph_as_union=True))


def entity_classes(st: ox.Store) -> dict[str, str]:
    """Entity class IRI → its root class IRI: the vocabulary's, plus sub-classes the store declares."""
    classes = {MDKG.iri(name): MDKG.iri(root) for name, root in ENTITY_CLASSES.items()}
    for name in ROOT_CLASSES:  # one query per root: Virtuoso needs a constant end of a path
        root = MDKG.iri(name)
        for row in _select(st, f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.iri('subClassOf')}>+ <{root}> }}"):
            if isinstance(row["c"], ox.NamedNode):
                classes.setdefault(row["c"].value, root)
    return classes


def _node_types(st: ox.Store, classes: dict[str, str]) -> dict[str, set[str]]:
    types: dict[str, set[str]] = {}
    for row in _select(st, f"SELECT DISTINCT ?e ?t WHERE {{ ?e <{RDF.iri('type')}> ?t }}"):
        e, t = row["e"], row["t"]
        if isinstance(e, ox.NamedNode) and t.value in classes:
            types.setdefault(e.value, set()).add(t.value)
    return types


def _most_specific(types: set[str]) -> str:
    roots = {MDKG.iri(name) for name in ROOT_CLASSES}
    preferred = sorted(t for t in types if t not in roots) or sorted(types)
    return local_name(preferred[0])


def _labels(st: ox.Store, nodes: set[str]) -> dict[tuple[str, str], str]:
    """(iri, lang) → label, skos:prefLabel first and rdfs:label as fallback, smallest value wins."""
    found: dict[tuple[str, str], tuple[int, str]] = {}
    query = ("SELECT ?e ?p ?l WHERE { VALUES ?p { <%s> <%s> } ?e ?p ?l FILTER(isLiteral(?l)) }"
             % (SKOS.iri("prefLabel"), RDFS.iri("label")))
    for row in _select(st, query):
        e, lit = row["e"].value, row["l"]
        if e not in nodes or lit.language not in ("en", "ar"):
            continue
        rank = (0 if row["p"].value == SKOS.iri("prefLabel") else 1, lit.value)
        key = (e, lit.language)
        if key not in found or rank < found[key]:
            found[key] = rank
    return {key: value for key, (_, value) in found.items()}


def _mention_counts(st: ox.Store) -> Counter:
    query = (f"SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p <{MDKG.iri('mentions')}> ?e . "
             f"?p <{RDF.iri('type')}> <{MDKG.iri('Paragraph')}> }} GROUP BY ?e")
    return Counter({row["e"].value: int(row["n"].value) for row in _select(st, query)})


def _evidence_counts(st: ox.Store) -> Counter:
    query = (f"SELECT ?s ?p ?o (COUNT(DISTINCT ?st) AS ?n) WHERE {{ ?st <{RDF.iri('subject')}> ?s ; "
             f"<{RDF.iri('predicate')}> ?p ; <{RDF.iri('object')}> ?o }} GROUP BY ?s ?p ?o")
    return Counter({(r["s"].value, r["p"].value, r["o"].value): int(r["n"].value)
                    for r in _select(st, query)})


def network(st: ox.Store) -> nx.MultiDiGraph:
    """The whole entity network of ``st`` (all graphs, the default graph included)."""
    types = _node_types(st, entity_classes(st))
    labels = _labels(st, set(types))
    mentions = _mention_counts(st)
    g = nx.MultiDiGraph()
    for iri in sorted(types):
        en, ar = labels.get((iri, "en"), ""), labels.get((iri, "ar"), "")
        g.add_node(iri, iri=iri, label=en or ar or local_name(iri), label_en=en, label_ar=ar,
                   type=_most_specific(types[iri]), kind=kind_of(iri), mentions=mentions[iri])
    evidence = _evidence_counts(st)
    rows = _select(st, f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER(isIRI(?o) && isIRI(?s) "
                       f"&& ?p != <{RDF.iri('type')}>) }}")
    edges = sorted((r["s"].value, r["p"].value, r["o"].value) for r in rows
                   if r["s"].value in types and r["o"].value in types)
    for s, p, o in edges:
        g.add_edge(s, o, key=p, predicate=p, label=local_name(p), weight=evidence.get((s, p, o), 1))
    return g


def from_construct(triples: Iterable[ox.Triple]) -> nx.MultiDiGraph:
    """The entity network of a set of triples (e.g. a CONSTRUCT result); it must carry the types."""
    st = ox.Store()
    st.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return network(st)


def neighbourhood(st: ox.Store, iri: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entities within ``depth`` links of ``iri`` (either direction) and all links among them.

    Raises ``LookupError`` when ``iri`` is not an entity of the store.
    """
    if depth < 0:
        raise ValueError(f"depth must be >= 0, got {depth}")
    g = network(st)
    if iri not in g:
        raise LookupError(f"not an entity in the store: {iri}")
    return nx.ego_graph(g, iri, radius=depth, undirected=True).copy()


# ---------------------------------------------------------------- writers

def write_graphml(g: nx.MultiDiGraph, out: BinaryIO) -> None:
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=True, named_key_ids=True)


def gexf_bytes(g: nx.MultiDiGraph) -> bytes:
    """GEXF 1.3 from networkx, corrected to the GEXF 1.3 grammar.

    networkx 3.6 declares ``xmlns:xsi`` as ``http://w3.org/...`` (missing ``www``) and writes
    two attributes GEXF 1.3 dropped: ``mode`` on ``<attributes>`` and ``name`` on ``<graph>``.
    """
    buf = io.BytesIO()
    nx.write_gexf(g, buf, version="1.3")
    raw = buf.getvalue().replace(GEXF_XSI_WRONG, GEXF_XSI_RIGHT, 1)
    root = etree.fromstring(raw)
    graph = root.find(f"{{{GEXF_NS}}}graph")
    graph.attrib.pop("name", None)
    for attributes in graph.findall(f"{{{GEXF_NS}}}attributes"):
        attributes.attrib.pop("mode", None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def cytoscape_elements(g: nx.MultiDiGraph) -> dict:
    """Cytoscape.js elements: ``{"elements": {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}``."""
    nodes = [{"data": {"id": n, **attrs}} for n, attrs in g.nodes(data=True)]
    edges = [{"data": {"id": f"e{i}", "source": s, "target": o, **attrs}}
             for i, (s, o, attrs) in enumerate(g.edges(data=True))]
    return {"directed": True, "multigraph": True, "elements": {"nodes": nodes, "edges": edges}}


def write_network(g: nx.MultiDiGraph, fmt: str, out: BinaryIO) -> None:
    if fmt == "graphml":
        write_graphml(g, out)
    elif fmt == "gexf":
        out.write(gexf_bytes(g))
    elif fmt == "cytoscape":
        out.write(json.dumps(cytoscape_elements(g), ensure_ascii=False, indent=1).encode("utf-8"))
    else:
        raise ValueError(f"unknown network format {fmt!r}; expected one of {', '.join(FORMATS)}")


def export_network(st: ox.Store, fmt: str, out: BinaryIO) -> int:
    """Write the entity network of ``st`` in ``fmt`` to ``out``; return the number of edges."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown network format {fmt!r}; expected one of {', '.join(FORMATS)}")
    g = network(st)
    write_network(g, fmt, out)
    return g.number_of_edges()
