"""The closed ``mdkg:`` namespace and the class hierarchy, both read from ontology/mdkg.ttl."""
from __future__ import annotations

import pytest
import rdflib

from graph_builder.namespaces import MDKG, UnknownTerm, mdkg_subclasses
from graph_builder.resources import ontology_file


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("mdkg.ttl"), format="turtle")


def test_a_misspelt_term_fails_where_it_is_written():
    with pytest.raises(UnknownTerm, match=r"ontology#Stat is not declared in ontology/mdkg.ttl"):
        MDKG.Stat
    with pytest.raises(UnknownTerm):
        MDKG["adresses"]
    with pytest.raises(UnknownTerm):
        MDKG.iri("Paragraf")
    assert not hasattr(MDKG, "Stat")


def test_every_declared_class_and_property_is_a_term(ontology):
    owl = rdflib.OWL
    declared = {str(s) for t in (owl.Class, owl.ObjectProperty, owl.DatatypeProperty, owl.AnnotationProperty)
                for s in ontology.subjects(rdflib.RDF.type, t) if str(s).startswith(str(MDKG))}
    assert len(declared) > 50
    assert {MDKG.iri(iri[len(str(MDKG)):]) for iri in declared} == declared
    assert MDKG.State.value == str(MDKG) + "State"
    assert "arMatch" in MDKG and "arFold" in MDKG          # the SPARQL extension functions


@pytest.mark.parametrize("root", ["Actor", "Process", "Event", "Commitment", "Topic", "Organization"])
def test_subclasses_match_rdflib_transitive_closure(ontology, root):
    expected = {str(c)[len(str(MDKG)):] for c in ontology.transitive_subjects(rdflib.RDFS.subClassOf,
                                                                               rdflib.URIRef(MDKG.iri(root)))}
    assert mdkg_subclasses(root) == expected


def test_hierarchy_examples():
    actors = mdkg_subclasses("Actor")
    assert {"State", "Person", "UNEntity", "RegionalOrganization"} <= actors
    assert "Meeting" in mdkg_subclasses("Event") and "Meeting" not in actors
