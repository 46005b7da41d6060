"""A small MDKG-shaped dataset for the linked-data tests (network exports, dumps, VoID, push).

Built with the project's vocabulary and IRI minting (``graph_builder.namespaces``): a reference
graph with gazetteer-like entities, two document graphs with paragraphs, mentions, a Web
Annotation, facts and their ``rdf:Statement`` evidence, and an ontology graph with the topics.
The expected network figures are spelt out next to the data so the tests can check them.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph_builder.build import store as store_mod
from graph_builder.namespaces import DCTERMS, MDKG, OA, PROV, RDF, RDFS, SKOS, XSD, Base

BASE = Base()
G_REF = BASE.reference_graph
G_ONTO = BASE.ontology_graph
G_A = BASE.graph("doc-a")
G_B = BASE.graph("doc-b")

PHL = BASE.id("state", "PHL")
CHE = BASE.id("state", "CHE")
MANILA = BASE.id("place", "manila")
GFMD = BASE.id("process", "gfmd")
REMIT = BASE.id("topic", "remittances")
DIASPORA = BASE.id("topic", "diaspora")
ASIA = BASE.id("region", "asia")
TROIKA = BASE.id("body", "gfmd-troika")
IOM = BASE.id("org", "iom")
FOM = BASE.id("org", "swiss-fom")
MANILA_2008 = BASE.id("event", "gfmd-2008-manila")
GENEVA_2011 = BASE.id("event", "gfmd-2011-geneva")

EXPECTED_NODES = 12
EXPECTED_EDGES = 11
EXPECTED_HOSTED_WEIGHT = 3   # two statements in doc-a, one in doc-b
EXPECTED_PHL_MENTIONS = 3    # two paragraphs of doc-a, one of doc-b


def _lit(text: str, lang: str = "") -> ox.Literal:
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


def entity(iri, cls, en, ar, g=G_REF):
    return [ox.Quad(iri, RDF.type, MDKG[cls], g), ox.Quad(iri, SKOS.prefLabel, _lit(en, "en"), g),
            ox.Quad(iri, SKOS.prefLabel, _lit(ar, "ar"), g), ox.Quad(iri, RDFS.label, _lit(en, "en"), g)]


def statement(g, s, p, o, para, n):
    st = ox.BlankNode(f"st{n}")
    return [ox.Quad(st, RDF.type, RDF.Statement, g), ox.Quad(st, RDF.subject, s, g),
            ox.Quad(st, RDF.predicate, p, g), ox.Quad(st, RDF.object, o, g),
            ox.Quad(st, PROV.wasDerivedFrom, para, g),
            ox.Quad(st, MDKG.rule, _lit("test-rule"), g),
            ox.Quad(st, MDKG.confidence, ox.Literal("0.9", datatype=XSD.decimal), g)]


def paragraph(g, doc_slug, number, text, mentions):
    p = BASE.paragraph(doc_slug, number)
    out = [ox.Quad(p, RDF.type, MDKG.Paragraph, g), ox.Quad(p, MDKG.text, _lit(text, "ar"), g),
           ox.Quad(p, MDKG.inDocument, BASE.document(doc_slug), g)]
    out += [ox.Quad(p, MDKG.mentions, e, g) for e in mentions]
    return out


def sample_quads() -> list[ox.Quad]:
    q: list[ox.Quad] = []
    q += entity(PHL, "State", "Philippines", "الفلبين")
    q += [ox.Quad(PHL, MDKG.m49Code, _lit("608"), G_REF), ox.Quad(PHL, SKOS.notation, _lit("PHL"), G_REF)]
    q += entity(CHE, "State", "Switzerland", "سويسرا")
    q += [ox.Quad(CHE, MDKG.m49Code, _lit("756"), G_REF)]
    q += entity(MANILA, "Place", "Manila", "مانيلا") + [ox.Quad(MANILA, MDKG.inState, PHL, G_REF)]
    q += entity(GFMD, "GlobalProcess", "Global Forum on Migration and Development",
                "المنتدى العالمي المعني بالهجرة والتنمية")
    q += entity(REMIT, "Topic", "remittances", "التحويلات المالية", G_ONTO)
    q += entity(DIASPORA, "Topic", "diaspora", "المغتربون", G_ONTO)
    q += [ox.Quad(DIASPORA, SKOS.broader, REMIT, G_ONTO)]
    q += entity(ASIA, "Region", "Asia", "آسيا")
    q += entity(TROIKA, "ProcessBody", "GFMD Troika", "الترويكا") + [ox.Quad(TROIKA, MDKG.bodyOf, GFMD, G_REF)]
    q += entity(IOM, "InternationalOrganization", "International Organization for Migration",
                "المنظمة الدولية للهجرة")
    q += entity(FOM, "GovernmentBody", "Federal Office for Migration", "المكتب الاتحادي للهجرة")
    q += [ox.Quad(FOM, MDKG.ofState, CHE, G_REF)]
    # an ontology triple between classes: not an edge (classes are not entities)
    q += [ox.Quad(MDKG.State, RDFS.subClassOf, MDKG.Actor, G_ONTO)]

    # document A: the Manila meeting
    doc_a = BASE.document("doc-a")
    q += [ox.Quad(doc_a, RDF.type, MDKG.Document, G_A), ox.Quad(doc_a, DCTERMS.title, _lit("تقرير", "ar"), G_A)]
    q += paragraph(G_A, "doc-a", 1, "عقد الاجتماع في مانيلا، الفلبين", [MANILA_2008, PHL, MANILA])
    q += paragraph(G_A, "doc-a", 2, "استضافت الفلبين الاجتماع بشأن التحويلات", [PHL, REMIT])
    q += entity(MANILA_2008, "Meeting", "GFMD 2008 Manila", "اجتماع مانيلا ٢٠٠٨", G_A)
    q += [ox.Quad(MANILA_2008, MDKG.startDate, ox.Literal("2008-10-27", datatype=XSD.date), G_A)]
    facts = [(MANILA_2008, MDKG.partOf, GFMD), (MANILA_2008, MDKG.hostedBy, PHL),
             (MANILA_2008, MDKG.location, MANILA), (MANILA_2008, MDKG.addresses, REMIT)]
    q += [ox.Quad(s, p, o, G_A) for s, p, o in facts]
    q += statement(G_A, MANILA_2008, MDKG.hostedBy, PHL, BASE.paragraph("doc-a", 1), 1)
    q += statement(G_A, MANILA_2008, MDKG.hostedBy, PHL, BASE.paragraph("doc-a", 2), 2)
    q += statement(G_A, MANILA_2008, MDKG.partOf, GFMD, BASE.paragraph("doc-a", 1), 3)
    ann, target = ox.BlankNode("ann1"), ox.BlankNode("tgt1")
    q += [ox.Quad(ann, RDF.type, OA.Annotation, G_A), ox.Quad(ann, OA.hasBody, PHL, G_A),
          ox.Quad(ann, OA.hasTarget, target, G_A),
          ox.Quad(target, OA.hasSource, BASE.paragraph("doc-a", 1), G_A)]

    # document B: the Geneva meeting, and the Manila host repeated
    doc_b = BASE.document("doc-b")
    q += [ox.Quad(doc_b, RDF.type, MDKG.Document, G_B)]
    q += paragraph(G_B, "doc-b", 1, "عقد الاجتماع في جنيف واستضافته سويسرا بعد الفلبين",
                   [GENEVA_2011, CHE, PHL])
    q += entity(GENEVA_2011, "Meeting", "GFMD 2011 Geneva", "اجتماع جنيف ٢٠١١", G_B)
    facts_b = [(GENEVA_2011, MDKG.partOf, GFMD), (GENEVA_2011, MDKG.addresses, REMIT),
               (GENEVA_2011, MDKG.hostedBy, CHE), (MANILA_2008, MDKG.hostedBy, PHL)]
    q += [ox.Quad(s, p, o, G_B) for s, p, o in facts_b]
    q += statement(G_B, MANILA_2008, MDKG.hostedBy, PHL, BASE.paragraph("doc-b", 1), 4)
    q += statement(G_B, GENEVA_2011, MDKG.hostedBy, CHE, BASE.paragraph("doc-b", 1), 5)
    return q


def sample_store() -> ox.Store:
    st = ox.Store()
    st.extend(sample_quads())
    return st


def sample_store_on_disk(path: Path) -> Path:
    """The sample as an on-disk store symlink at ``path`` (through the real switch-over)."""
    with store_mod.staged_build(Path(path)) as (st, _):
        st.extend(sample_quads())
    return Path(path)
