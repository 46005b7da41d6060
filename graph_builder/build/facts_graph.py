"""The build's facts graph (``<base>graph/facts``): every statement about an entity or a class, once.

A fact a report states (``?actor mdkg:addresses ?topic``), and the type and labels of an entity a
report names first (a commitment minted from its text), sit in that report's graph; a collection of
reports restates them in every report that says them again, and the store is queried as the union
of its graphs, where each copy is one more row. A query joining such patterns then produces one row
per combination of copies before ``DISTINCT`` removes them: with N reports restating a commitment,
its type, its two labels and the fact naming it give N^4 rows. The facts graph states each such
triple once, so the named queries read these patterns inside ``GRAPH ?facts { … }`` (the variable is
bound by :mod:`graph_builder.service.named_queries` to this graph) and only the evidence (statements,
mentions, paragraphs, which are never restated: their IRIs name their document) from the union.

What it holds: the triples of the ontology graph, the reference graph (the gazetteer) and every
report graph whose subject is not a part of a document (``…/id/document/…``: documents, sections,
paragraphs, footnotes and their mention annotations) nor an evidence statement (``…/id/statement/…``),
each once; and ``<facts> mdkg:mergedFrom <graph>`` for each graph merged into it (how a query finds
the graph). What it does not: add, drop or change any statement of the other graphs (it is their
deduplicated union on entities, a function of them); hold evidence, mentions or document text.

In the build each worker writes its report's entity statements into this graph beside the report's
own quads (:func:`report_quads`), and the store, a set of quads, keeps one copy of each: no pass over
the store is needed. ``python -m graph_builder.build.summary BUILD_DIR`` adds the graph to a store built
before it existed (:func:`from_store`, a pass over every graph, the same quads).
"""
from __future__ import annotations

from typing import Iterable, Iterator

import pyoxigraph as ox

from ..namespaces import FACTS_GRAPH, MDKG, Base

NAME = FACTS_GRAPH
MERGED_FROM = MDKG.mergedFrom
# Graphs never merged: the build's record (it differs from build to build) and the derived graphs.
DERIVED = ("build", "summary", "meeting-identity", NAME)


def graph(base: Base) -> ox.NamedNode:
    return base.graph(NAME)


def _per_document(base: Base) -> tuple[str, str]:
    return (base.id("document", "").value, base.id("statement", "").value)


def entity_quads(quads: Iterable[ox.Quad], base: Base) -> Iterator[ox.Quad]:
    """The quads among ``quads`` that state something about an entity or a class, moved into the facts graph."""
    g, skip = graph(base), _per_document(base)
    for q in quads:
        s = q.subject
        if not (isinstance(s, ox.NamedNode) and s.value.startswith(skip)):
            yield ox.Quad(s, q.predicate, q.object, g)


def merged_from(source: ox.NamedNode, base: Base) -> ox.Quad:
    """The quad saying that ``source`` is merged into the facts graph."""
    g = graph(base)
    return ox.Quad(g, MERGED_FROM, source, g)


def report_quads(quads: list[ox.Quad], report_graph: ox.NamedNode, base: Base) -> list[ox.Quad]:
    """What one report adds to the facts graph (written by its worker beside the report's quads)."""
    return [*entity_quads(quads, base), merged_from(report_graph, base)]


def static_quads(ontology_and_reference: list[ox.Quad], base: Base) -> list[ox.Quad]:
    """What the ontology and reference graphs add to the facts graph."""
    graphs = {q.graph_name for q in ontology_and_reference}
    return [*entity_quads(ontology_and_reference, base), *(merged_from(g, base) for g in sorted(graphs, key=str))]


def from_store(store: ox.Store, base: Base) -> Iterator[ox.Quad]:
    """The facts graph of a store built without one: the same quads the build writes (may repeat a quad)."""
    derived = {base.graph(n) for n in DERIVED}
    for source in store.named_graphs():
        if source in derived:
            continue
        yield merged_from(source, base)
        yield from entity_quads(store.quads_for_pattern(None, None, None, source), base)

