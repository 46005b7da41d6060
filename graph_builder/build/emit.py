"""RDF emission: the document model, entities, mentions and facts as pyoxigraph quads.

Writes what ``vocabulary.md`` specifies and nothing more: one named graph per source
document (structure, mentions as ``mdkg:mentions`` + ``oa:Annotation``, facts with their
``rdf:Statement`` evidence, entities first seen in that report), the gazetteer's entities
in ``.../graph/reference`` (topics in ``.../graph/ontology`` with the scheme), the ontology
itself, and the build record (PROV) in ``.../graph/build``. Every IRI comes from
:mod:`graph_builder.namespaces`; IRIs minted here are deterministic (the same input gives the
same dump), so rebuilding is reproducible and dumps can be compared.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from .. import __version__
from ..text import arsearch, doc_kind
from ..recognise.findings import Entity, Fact, Mention, Value
from ..recognise.text_entities import CITATION_RULES
from ..text.model import Document, Footnote, Paragraph, Section
from ..namespaces import (DCTERMS, DEFAULT_BASE, GEO, MDKG, OA, ORG, PROV, RDF, RDFS, SKOS,
                          XSD, Base)

CONTEXT_CHARS = 32  # length of oa:prefix / oa:suffix
_LINK_PREDICATES = {  # gazetteer defining links → vocabulary property
    "inState": MDKG.inState, "bodyOf": MDKG.bodyOf, "ofState": MDKG.ofState,
    "coversRegion": MDKG.coversRegion, "broader": SKOS.broader,
    "parent": ORG.subOrganizationOf,
}
_CODE_PREDICATES = {  # gazetteer codes written with a standard property and a datatype
    "lat": (GEO.lat, "decimal"), "long": (GEO.long, "decimal"),
}
_LINK_KINDS = {"inState": "state", "ofState": "state", "bodyOf": "process",
               "coversRegion": "region", "broader": "topic"}


def lit(text: str, lang: str = "", datatype: str = "") -> ox.Literal:
    if lang:
        return ox.Literal(text, language=lang)
    if datatype:
        return ox.Literal(text, datatype=XSD[datatype])
    return ox.Literal(text)


def integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=XSD.integer)


# ---------------------------------------------------------------- ontology

def rebase(term, base: Base):
    """Move a term minted under the default base to ``base`` (for deployments on another domain)."""
    if base.iri != DEFAULT_BASE and isinstance(term, ox.NamedNode) and term.value.startswith(DEFAULT_BASE):
        return ox.NamedNode(base.iri + term.value[len(DEFAULT_BASE):])
    return term


def file_quads(path: Path, graph: ox.NamedNode, base: Base) -> Iterator[ox.Quad]:
    """Every triple of an RDF data file (Turtle), placed in ``graph``.

    Blank nodes get labels numbered in parse order (``{graph-name}-b0``, …), so that two builds
    of the same files give identical dumps.
    """
    labels: dict[str, ox.BlankNode] = {}
    prefix = graph.value.rsplit("/", 1)[-1]

    def stable(term):
        if isinstance(term, ox.BlankNode):
            if term.value not in labels:
                labels[term.value] = ox.BlankNode(f"{prefix}-b{len(labels)}")
            return labels[term.value]
        return rebase(term, base)

    with open(path, "rb") as fh:
        for q in ox.parse(fh, format=ox.RdfFormat.TURTLE, base_iri=str(MDKG)):
            yield ox.Quad(stable(q.subject), q.predicate, stable(q.object), graph)


# ---------------------------------------------------------------- entities

def entity_iri(entity: Entity, base: Base) -> ox.NamedNode:
    return base.id(entity.kind, entity.slug)


def entity_quads(entity: Entity, graph: ox.NamedNode, base: Base) -> Iterator[ox.Quad]:
    """Type, labels, notations, codes and defining links of one entity."""
    s = entity_iri(entity, base)
    yield ox.Quad(s, RDF.type, MDKG[entity.cls], graph)
    if entity.label_en:
        yield ox.Quad(s, SKOS.prefLabel, lit(entity.label_en, "en"), graph)
        yield ox.Quad(s, RDFS.label, lit(entity.label_en, "en"), graph)
    if entity.label_ar:
        yield ox.Quad(s, SKOS.prefLabel, lit(entity.label_ar, "ar"), graph)
        yield ox.Quad(s, RDFS.label, lit(entity.label_ar, "ar"), graph)
    pref = {(entity.label_en, "en"), (entity.label_ar, "ar")}
    for text, lang in entity.alt_labels:
        if text and (text, lang) not in pref:
            yield ox.Quad(s, SKOS.altLabel, lit(text, lang), graph)
    for notation in entity.notations:
        yield ox.Quad(s, SKOS.notation, lit(notation), graph)
        if entity.kind in ("publication", "commitment") and "/" in notation:
            yield ox.Quad(s, DCTERMS.identifier, lit(notation), graph)
            yield ox.Quad(s, RDFS.seeAlso, ox.NamedNode(f"https://undocs.org/{notation}"), graph)
    for prop, value in entity.codes:
        if prop == "definition_en":
            yield ox.Quad(s, SKOS.definition, lit(value, "en"), graph)
        elif prop in _CODE_PREDICATES:
            pred, datatype = _CODE_PREDICATES[prop]
            yield ox.Quad(s, pred, lit(value, datatype=datatype), graph)
        else:
            yield ox.Quad(s, MDKG[prop], lit(value), graph)
    for prop, kind, slug in entity.links:
        pred = _LINK_PREDICATES[prop] if prop in _LINK_PREDICATES else MDKG[prop]
        yield ox.Quad(s, pred, base.id(kind or _LINK_KINDS.get(prop, entity.kind), slug), graph)
    if entity.kind == "topic":
        yield ox.Quad(s, SKOS.inScheme, MDKG.DevelopmentTopics, graph)
    if entity.from_text:
        yield ox.Quad(s, MDKG.fromText, ox.Literal("true", datatype=XSD.boolean), graph)


def gazetteer_quads(entities: Iterable[Entity], base: Base) -> Iterator[ox.Quad]:
    for e in entities:
        graph = base.ontology_graph if e.kind == "topic" else base.reference_graph
        yield from entity_quads(e, graph, base)


# ---------------------------------------------------------------- documents

def source_iri(source, doc: Document, base: Base) -> ox.NamedNode:
    if isinstance(source, Paragraph) and source.number is None:
        return base.paragraph(doc.slug, source.order)   # a text without printed numbers: reading order
    if isinstance(source, Paragraph):
        return base.paragraph(doc.slug, source.number if source.order == _first_order(doc, source.number)
                              else f"{source.number}-{source.order}")
    if isinstance(source, Footnote):
        return base.footnote(doc.slug, source.order)
    if isinstance(source, Section):
        return base.section(doc.slug, source.order)
    raise TypeError(f"not a document part: {source!r}")


def _first_order(doc: Document, number: int) -> int:
    cache = doc.extra.setdefault("_first_order", {})
    if not cache:
        for p in doc.paragraphs:
            cache.setdefault(p.number, p.order)
    return cache.get(number, -1)


def document_quads(doc: Document, base: Base) -> Iterator[ox.Quad]:
    g = base.graph(doc.slug)
    d = base.document(doc.slug)
    yield ox.Quad(d, RDF.type, MDKG.Document, g)
    if doc.kind:
        yield ox.Quad(d, MDKG.documentKind, MDKG[doc_kind.term(doc.kind)], g)
    if doc.symbol:
        yield ox.Quad(d, DCTERMS.identifier, lit(doc.symbol), g)
        yield ox.Quad(d, RDFS.seeAlso, ox.NamedNode(f"https://undocs.org/{doc.symbol}"), g)
    for title, lang in ((doc.title_ar, "ar"), (doc.title_en, "en")):
        if title:
            yield ox.Quad(d, DCTERMS.title, lit(title, lang), g)
            yield ox.Quad(d, SKOS.prefLabel, lit(title, lang), g)
    if doc.date:
        yield ox.Quad(d, DCTERMS.date, lit(doc.date, datatype="date"), g)
    yield ox.Quad(d, DCTERMS.language, lit(doc.language), g)
    yield ox.Quad(d, MDKG.sha256, lit(doc.sha256), g)
    yield ox.Quad(d, MDKG.sourceFile, lit(doc.path.name), g)
    for s in doc.sections:
        si = base.section(doc.slug, s.order)
        yield from _part_quads(si, MDKG.Section, s.heading, s.order, d, g)
        yield ox.Quad(si, MDKG.level, integer(s.level), g)
        parent = base.section(doc.slug, s.parent.order) if s.parent else d
        yield ox.Quad(si, DCTERMS.isPartOf, parent, g)
    for p in doc.paragraphs:
        pi = source_iri(p, doc, base)
        yield from _part_quads(pi, MDKG.Paragraph, p.text, p.order, d, g)
        if p.number is not None:
            yield ox.Quad(pi, MDKG.paragraphNumber, integer(p.number), g)
        yield ox.Quad(pi, DCTERMS.isPartOf, base.section(doc.slug, p.section.order) if p.section else d, g)
    for f in doc.footnotes:
        fi = base.footnote(doc.slug, f.order)
        yield from _part_quads(fi, MDKG.Footnote, f.text, f.order, d, g)
        yield ox.Quad(fi, MDKG.footnoteMarker, lit(f.marker), g)


def _part_quads(iri: ox.NamedNode, cls: ox.NamedNode, text: str, order: int, doc_iri: ox.NamedNode, g
                ) -> Iterator[ox.Quad]:
    """What every part of a document (section, paragraph, footnote) states: its class, text (``@ar``),
    folded search text, reading order and document."""
    yield ox.Quad(iri, RDF.type, cls, g)
    yield ox.Quad(iri, MDKG.text, lit(text, "ar"), g)
    yield ox.Quad(iri, MDKG.searchText, lit(arsearch.search_text(text)), g)
    yield ox.Quad(iri, MDKG.order, integer(order), g)
    yield ox.Quad(iri, MDKG.inDocument, doc_iri, g)


def source_text(source) -> str:
    return source.heading if isinstance(source, Section) else source.text


# ---------------------------------------------------------------- mentions

def mention_quads(mentions: Iterable[Mention], doc: Document, base: Base) -> Iterator[ox.Quad]:
    g = base.graph(doc.slug)
    seen_links = set()
    for m in mentions:
        src = source_iri(m.source, doc, base)
        ent = entity_iri(m.entity, base)
        if (src, ent) not in seen_links:
            seen_links.add((src, ent))
            yield ox.Quad(src, MDKG.mentions, ent, g)
            if m.rule in CITATION_RULES:         # a symbol or resolution number: the paragraph cites it
                # (mdkg:cites is Document/Paragraph → …: in a footnote or heading, the document cites it)
                citer = src if isinstance(m.source, Paragraph) else base.document(doc.slug)
                yield from _citation_quads(citer, src, ent, m.rule, doc, base, g)
        text = source_text(m.source)
        ann = ox.NamedNode(f"{src.value}/mention/{m.start}-{m.end}")
        target = ox.NamedNode(f"{ann.value}/target")
        quote = ox.NamedNode(f"{ann.value}/quote")
        pos = ox.NamedNode(f"{ann.value}/position")
        yield ox.Quad(ann, RDF.type, OA.Annotation, g)
        yield ox.Quad(ann, OA.motivatedBy, OA.identifying, g)
        yield ox.Quad(ann, OA.hasBody, ent, g)
        yield ox.Quad(ann, OA.hasTarget, target, g)
        yield ox.Quad(ann, MDKG.rule, lit(m.rule), g)
        yield ox.Quad(target, RDF.type, OA.SpecificResource, g)
        yield ox.Quad(target, OA.hasSource, src, g)
        yield ox.Quad(target, OA.hasSelector, quote, g)
        yield ox.Quad(target, OA.hasSelector, pos, g)
        yield ox.Quad(quote, RDF.type, OA.TextQuoteSelector, g)
        yield ox.Quad(quote, OA.exact, lit(text[m.start:m.end]), g)
        yield ox.Quad(quote, OA.prefix, lit(text[max(0, m.start - CONTEXT_CHARS):m.start]), g)
        yield ox.Quad(quote, OA.suffix, lit(text[m.end:m.end + CONTEXT_CHARS]), g)
        yield ox.Quad(pos, RDF.type, OA.TextPositionSelector, g)
        yield ox.Quad(pos, OA.start, ox.Literal(str(m.start), datatype=XSD.nonNegativeInteger), g)
        yield ox.Quad(pos, OA.end, ox.Literal(str(m.end), datatype=XSD.nonNegativeInteger), g)


CITATION_CONFIDENCE = 0.95     # a symbol or resolution number printed in the paragraph


def _citation_quads(citer: ox.NamedNode, src: ox.NamedNode, ent: ox.NamedNode, rule: str, doc: Document,
                    base: Base, g) -> Iterator[ox.Quad]:
    """``citer mdkg:cites entity`` (the paragraph, or the document for a footnote or heading) with its
    evidence statement (the source that prints it, the mention's rule)."""
    st = statement_iri(base, doc, citer, MDKG.cites, ent, src, rule)
    yield ox.Quad(citer, MDKG.cites, ent, g)
    yield ox.Quad(st, RDF.type, RDF.Statement, g)
    yield ox.Quad(st, RDF.subject, citer, g)
    yield ox.Quad(st, RDF.predicate, MDKG.cites, g)
    yield ox.Quad(st, RDF.object, ent, g)
    yield ox.Quad(st, PROV.wasDerivedFrom, src, g)
    yield ox.Quad(st, MDKG.rule, lit(rule), g)
    yield ox.Quad(st, MDKG.confidence, ox.Literal(f"{CITATION_CONFIDENCE:.2f}", datatype=XSD.decimal), g)


# ---------------------------------------------------------------- facts

def value_term(value: Value) -> ox.Literal:
    if value.lang:
        return lit(value.lexical, value.lang)
    if value.datatype in ("", "string"):
        return lit(value.lexical)
    return lit(value.lexical, datatype=value.datatype)


def predicate_iri(predicate: str) -> ox.NamedNode:
    return ox.NamedNode(predicate) if ":" in predicate else MDKG[predicate]


def statement_iri(base: Base, doc: Document, s, p, o, evidence: ox.NamedNode, rule: str) -> ox.NamedNode:
    key = "\n".join((str(s), str(p), str(o), evidence.value, rule)).encode()
    return base.id("statement", f"{doc.slug}/{hashlib.sha1(key).hexdigest()[:16]}")


def fact_quads(facts: Iterable[Fact], doc: Document, base: Base) -> Iterator[ox.Quad]:
    """Each fact's triple and its rdf:Statement evidence, in the document's graph."""
    g = base.graph(doc.slug)
    for f in facts:
        s = entity_iri(f.subject, base)
        p = predicate_iri(f.predicate)
        o = entity_iri(f.object, base) if isinstance(f.object, Entity) else value_term(f.object)
        ev = source_iri(f.evidence, doc, base)
        st = statement_iri(base, doc, s, p, o, ev, f.rule)
        yield ox.Quad(s, p, o, g)
        yield ox.Quad(st, RDF.type, RDF.Statement, g)
        yield ox.Quad(st, RDF.subject, s, g)
        yield ox.Quad(st, RDF.predicate, p, g)
        yield ox.Quad(st, RDF.object, o, g)
        yield ox.Quad(st, PROV.wasDerivedFrom, ev, g)
        yield ox.Quad(st, MDKG.rule, lit(f.rule), g)
        yield ox.Quad(st, MDKG.confidence, ox.Literal(f"{f.confidence:.2f}", datatype=XSD.decimal), g)


def text_entities(mentions: Iterable[Mention], facts: Iterable[Fact]) -> list[Entity]:
    """Entities first seen in this report (from_text), merged by key: labels of the first, alt labels of all."""
    merged: dict[tuple[str, str], Entity] = {}
    def add(e: Entity):
        if not e.from_text:
            return
        prev = merged.get(e.key)
        if prev is None:
            merged[e.key] = e
            return
        alts = tuple(dict.fromkeys(prev.alt_labels + e.alt_labels
                                   + ((e.label_ar, "ar"),) * bool(e.label_ar and e.label_ar != prev.label_ar)))
        merged[e.key] = Entity(prev.kind, prev.slug, prev.cls, prev.label_en or e.label_en,
                               prev.label_ar or e.label_ar, alts,
                               tuple(dict.fromkeys(prev.notations + e.notations)),
                               tuple(dict.fromkeys(prev.codes + e.codes)),
                               tuple(dict.fromkeys(prev.links + e.links)), True)
    for m in mentions:
        add(m.entity)
    for f in facts:
        add(f.subject)
        if isinstance(f.object, Entity):
            add(f.object)
    return list(merged.values())


# ---------------------------------------------------------------- build record

def build_quads(docs: list[Document], base: Base, started: datetime, ended: datetime,
                build_id: str) -> Iterator[ox.Quad]:
    g = base.build_graph
    act = base.id("build", build_id)
    agent = base.id("software", f"mdkg-{__version__}")
    yield ox.Quad(act, RDF.type, PROV.Activity, g)
    yield ox.Quad(act, RDFS.label, lit(f"MDKG build {build_id}", "en"), g)
    yield ox.Quad(act, PROV.startedAtTime, ox.Literal(started.isoformat(), datatype=XSD.dateTime), g)
    yield ox.Quad(act, PROV.endedAtTime, ox.Literal(ended.isoformat(), datatype=XSD.dateTime), g)
    yield ox.Quad(act, PROV.wasAssociatedWith, agent, g)
    yield ox.Quad(agent, RDF.type, PROV.SoftwareAgent, g)
    yield ox.Quad(agent, RDFS.label, lit(f"mdkg {__version__}", "en"), g)
    yield ox.Quad(agent, MDKG.softwareVersion, lit(__version__), g)
    for doc in docs:
        d = base.document(doc.slug)
        yield ox.Quad(act, PROV.used, d, g)
        yield ox.Quad(d, MDKG.sha256, lit(doc.sha256), g)
        yield ox.Quad(d, MDKG.sourceFile, lit(doc.path.name), g)
        yield ox.Quad(base.graph(doc.slug), PROV.wasGeneratedBy, act, g)


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
