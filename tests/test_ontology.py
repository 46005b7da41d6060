"""The OWL ontology (ontology/mdkg.ttl) against the public vocabulary (a copy of the contract design/vocabulary.md in tests/data/).

The vocabulary's tables are parsed here, so a term added there and missing from the
ontology fails a test. HermiT (through owlready2, Java) must find the ontology consistent
with every class satisfiable.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import owlready2
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph_builder.namespaces import PREFIXES
from graph_builder.resources import ontology_file
from graph_builder.validate.validate import ontology_view

VOCABULARY = Path(__file__).parent / "data" / "vocabulary.md"
MDKG = rdflib.Namespace(PREFIXES["mdkg"])
TERM = re.compile(r"`([a-z]+:[A-Za-z]+)`")
DATATYPE_PREFIXES = ("xsd:", "rdf:")

# Terms the builder needs beyond the vocabulary tables (task "Foundation", item 2).
EXTRA_DATATYPE_PROPERTIES = ["m49Code", "sha256", "sourceFile", "rule", "confidence", "paragraphNumber",
                             "order", "text", "level", "footnoteMarker", "amountValue", "currency", "fromText",
                             "softwareVersion"]


def expand(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def table_rows(heading: str) -> list[list[str]]:
    """The body rows of the first table under ``## heading`` in vocabulary.md, as cells."""
    text = VOCABULARY.read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def vocabulary_classes() -> dict[str, list[str]]:
    """class CURIE -> the super-classes listed for it."""
    out = {}
    for first, supers, *_ in table_rows("Classes"):
        for cls in TERM.findall(first):
            out[cls] = TERM.findall(supers)
    return out


def vocabulary_properties() -> dict[str, tuple[list[str], str, str]]:
    """property CURIE -> (super-properties, domain text, range text)."""
    out = {}
    for first, domain_range, *_ in table_rows("Properties"):
        names = TERM.findall(first.split("(")[0])
        supers = TERM.findall(first.split("(", 1)[1]) if "(" in first else []
        domain, _, rng = domain_range.partition("→")
        for name in names:
            out[name] = (supers, domain.strip(), rng.strip())
    return out


def names_in(cell: str) -> set[URIRef]:
    """Class or datatype IRIs named in a domain/range cell (``Event/Process``, ```xsd:date```)."""
    curies = TERM.findall(cell)
    if curies:
        return {expand(c) for c in curies}
    return {MDKG[n] for n in re.findall(r"[A-Z][A-Za-z]+", cell)}


def members(graph: rdflib.Graph, node) -> set:
    """The classes a domain/range node stands for: itself, or the members of its owl:unionOf."""
    union = graph.value(node, OWL.unionOf)
    return set(Collection(graph, union)) if union is not None else {node}


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("mdkg.ttl"), format="turtle")


def test_vocabulary_tables_are_parsed():
    classes, props = vocabulary_classes(), vocabulary_properties()
    assert "mdkg:FundingCommitment" in classes and "mdkg:Publication" in classes
    assert len(classes) >= 35
    assert props["mdkg:memberOf"][0] == ["org:memberOf"]
    assert "mdkg:endDate" in props and "dcterms:isPartOf" in props and len(props) >= 34


def test_ontology_header(onto):
    assert (URIRef("https://w3id.org/mdkg/ontology"), RDF.type, OWL.Ontology) in onto


@pytest.mark.parametrize("curie", sorted(vocabulary_classes()))
def test_class_declared_with_labels_and_supers(onto, curie):
    cls = expand(curie)
    assert (cls, RDF.type, OWL.Class) in onto
    assert_labelled(onto, cls)
    for sup in vocabulary_classes()[curie]:
        assert (cls, RDFS.subClassOf, expand(sup)) in onto, f"{curie} ⊑ {sup}"


@pytest.mark.parametrize("curie", sorted(c for c in vocabulary_properties() if c.startswith("mdkg:")))
def test_property_declared_typed_and_bounded(onto, curie):
    prop = expand(curie)
    supers, domain, rng = vocabulary_properties()[curie]
    is_data = any(d in rng for d in DATATYPE_PREFIXES)
    kind, other = (OWL.DatatypeProperty, OWL.ObjectProperty) if is_data else (OWL.ObjectProperty, OWL.DatatypeProperty)
    assert (prop, RDF.type, kind) in onto
    assert (prop, RDF.type, other) not in onto
    assert_labelled(onto, prop)
    for sup in supers:
        assert (prop, RDFS.subPropertyOf, expand(sup)) in onto
    declared_domain = set().union(*(members(onto, d) for d in onto.objects(prop, RDFS.domain)))
    assert declared_domain == names_in(domain), curie
    if rng != "any entity":
        declared_range = set().union(*(members(onto, r) for r in onto.objects(prop, RDFS.range)))
        assert declared_range == names_in(rng), curie


@pytest.mark.parametrize("name", EXTRA_DATATYPE_PROPERTIES)
def test_builder_terms_declared(onto, name):
    assert (MDKG[name], RDF.type, OWL.DatatypeProperty) in onto
    assert_labelled(onto, MDKG[name])


@pytest.mark.parametrize("name", ["lat", "long"])
def test_place_coordinates_use_wgs84_geo_terms(onto, name):
    """Places carry geo:lat / geo:long (W3C WGS84 Basic Geo), declared here with labels and a decimal range."""
    term = URIRef("http://www.w3.org/2003/01/geo/wgs84_pos#" + name)
    assert (term, RDF.type, OWL.DatatypeProperty) in onto
    assert (term, RDFS.range, URIRef("http://www.w3.org/2001/XMLSchema#decimal")) in onto
    assert_labelled(onto, term)


def test_standard_iris_of_the_vocabulary(onto):
    assert (MDKG.text, RDFS.range, RDF.langString) in onto
    assert (MDKG.fromText, RDFS.range, URIRef(PREFIXES["xsd"] + "boolean")) in onto
    assert (MDKG.level, RDFS.range, URIRef(PREFIXES["xsd"] + "integer")) in onto
    assert (MDKG.DevelopmentTopics, RDF.type, SKOS.ConceptScheme) in onto
    assert_labelled(onto, MDKG.DevelopmentTopics)
    assert not set(onto.subjects(RDF.type, OWL.ObjectProperty)) & set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    assert not list(onto.subjects(SKOS.inScheme, MDKG.DevelopmentTopics)), "topics belong to the gazetteer"


TOP = ["Actor", "Process", "Event", "Commitment", "Topic", "Place", "Region", "Document", "Section", "Paragraph"]


@pytest.mark.parametrize("a,b", [(a, b) for i, a in enumerate(TOP) for b in TOP[i + 1:]]
                         + [("State", "Organization"), ("State", "Person"),
                            ("State", "UNEntity"), ("Meeting", "Place"), ("GovernmentBody", "Person")])
def test_disjointness(onto, a, b):
    view = ontology_view(onto)
    pairs = [(x, y) for x in view.ancestors[MDKG[a]] for y in view.ancestors[MDKG[b]]]
    assert any(view.is_disjoint(x, y) for x, y in pairs), f"{a} and {b} should be disjoint"


def test_not_disjoint_where_the_reports_need_overlap(onto):
    view = ontology_view(onto)
    for a, b in [("Publication", "Commitment"), ("Publication", "Document"), ("Declaration", "ActionPlan"),
                 ("UNEntity", "InternationalOrganization")]:
        pairs = [(x, y) for x in view.ancestors[MDKG[a]] for y in view.ancestors[MDKG[b]]]
        assert not any(view.is_disjoint(x, y) for x, y in pairs), (a, b)


def test_hermit_finds_the_ontology_consistent(onto, tmp_path):
    world = owlready2.World(filename=str(tmp_path / "world.sqlite3"))
    try:
        nt = onto.serialize(format="nt", encoding="utf-8")
        loaded = world.get_ontology("https://w3id.org/mdkg/ontology").load(fileobj=io.BytesIO(nt), format="ntriples")
        assert len(list(loaded.classes())) >= 35
        owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
        assert list(world.inconsistent_classes()) == []
        assert loaded.State in loaded.Actor.descendants()
        assert loaded.UNEntity in loaded.Actor.descendants()
    finally:
        world.close()


def assert_labelled(onto: rdflib.Graph, term: URIRef) -> None:
    for prop in (RDFS.label, SKOS.prefLabel):
        langs = [o.language for o in onto.objects(term, prop) if isinstance(o, Literal)]
        assert sorted(langs) == ["ar", "en"], f"{term} {prop}: {langs}"
    arabic = [o for o in onto.objects(term, RDFS.label) if o.language == "ar"][0]
    assert re.search("[\u0600-\u06ff]", arabic), f"{term}: Arabic label {arabic!r} has no Arabic letters"
    definitions = [o for p in (RDFS.comment, SKOS.definition) for o in onto.objects(term, p)
                   if isinstance(o, Literal) and o.language == "en"]
    assert definitions and all(len(d) > 10 for d in definitions), term
