"""validate_dataset / validate_store on small hand-made graphs in a real Oxigraph store.

A conformant dataset written with the public vocabulary passes both checks; breaking one
shape makes SHACL fail and name the node; typing an individual into two disjoint classes
(or using a property against its domain) makes HermiT find the data inconsistent, and
the report names the individual.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_builder.build.store import staged_build
from graph_builder.resources import ontology_file
from graph_builder.validate.validate import check_shapes, load_turtle, union_graph, validate_dataset, validate_store

PREFIXES = """
@prefix mdkg: <https://w3id.org/mdkg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix g: <https://w3id.org/mdkg/graph/> .
@prefix state: <https://w3id.org/mdkg/id/state/> .
@prefix org: <https://w3id.org/mdkg/id/org/> .
@prefix place: <https://w3id.org/mdkg/id/place/> .
@prefix process: <https://w3id.org/mdkg/id/process/> .
@prefix event: <https://w3id.org/mdkg/id/event/> .
@prefix topic: <https://w3id.org/mdkg/id/topic/> .
@prefix commitment: <https://w3id.org/mdkg/id/commitment/> .
@prefix doc: <https://w3id.org/mdkg/id/document/gfmd-2011/> .
@prefix docs: <https://w3id.org/mdkg/id/document/> .
"""

CONFORMANT = PREFIXES + """
g:reference {
  state:CHE a mdkg:State ; skos:prefLabel "Switzerland"@en , "سويسرا"@ar ; skos:notation "CHE" ; mdkg:m49Code "756" .
  org:iom a mdkg:InternationalOrganization ; skos:notation "IOM" ;
      skos:prefLabel "International Organization for Migration"@en , "المنظمة الدولية للهجرة"@ar .
  place:geneva a mdkg:Place ; skos:prefLabel "Geneva"@en , "جنيف"@ar ; mdkg:inState state:CHE .
  process:gfmd a mdkg:GlobalProcess ; skos:notation "GFMD" ;
      skos:prefLabel "Global Forum on Migration and Development"@en , "المنتدى العالمي المعني بالهجرة والتنمية"@ar .
  topic:remittances a mdkg:Topic ; skos:inScheme mdkg:DevelopmentTopics ; skos:notation "remittances" ;
      skos:prefLabel "remittances"@en , "التحويلات المالية"@ar .
}
g:gfmd-2011 {
  docs:gfmd-2011 a mdkg:Document ; dcterms:title "تقرير الرئاسة السويسرية"@ar ; mdkg:sourceFile "r.ar.txt" ;
      mdkg:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" .
  doc:section\\/1 a mdkg:Section ; mdkg:text "أولا - مقدمة"@ar ; mdkg:level 1 ; mdkg:order 1 ;
      mdkg:inDocument docs:gfmd-2011 ; dcterms:isPartOf docs:gfmd-2011 .
  doc:para\\/1 a mdkg:Paragraph ; mdkg:paragraphNumber 1 ; mdkg:order 1 ;
      mdkg:text "عُقد المنتدى العالمي في جنيف يومي 1 و 2 كانون الأول/ديسمبر 2011."@ar ;
      mdkg:inDocument docs:gfmd-2011 ; dcterms:isPartOf doc:section\\/1 ;
      mdkg:mentions place:geneva , process:gfmd .
  doc:footnote\\/1 a mdkg:Footnote ; mdkg:footnoteMarker "*" ; mdkg:inDocument docs:gfmd-2011 .
  event:gfmd-2011-geneva a mdkg:Meeting ; mdkg:fromText true ; skos:prefLabel "اجتماع المنتدى في جنيف"@ar ;
      mdkg:partOf process:gfmd ; mdkg:location place:geneva ; mdkg:hostedBy state:CHE ;
      mdkg:chairedBy state:CHE ; mdkg:participantCount 160 ; mdkg:theme "مواضيع"@ar ;
      mdkg:startDate "2011-12-01"^^xsd:date ; mdkg:endDate "2011-12-02"^^xsd:date ; mdkg:year "2011"^^xsd:gYear ;
      mdkg:addresses topic:remittances .
  org:iom mdkg:participatesIn event:gfmd-2011-geneva ; mdkg:memberOf process:gfmd .
  commitment:fund a mdkg:FundingCommitment ; mdkg:fromText true ; skos:prefLabel "صندوق"@ar ;
      mdkg:dateAdopted "2008-05"^^xsd:gYearMonth ; mdkg:fundedBy state:CHE ; mdkg:adoptedAt event:gfmd-2011-geneva ;
      mdkg:amount [ a mdkg:MonetaryAmount ; mdkg:amountValue 1000000.0 ; mdkg:currency "EUR" ] .
  [] a rdf:Statement ; rdf:subject event:gfmd-2011-geneva ; rdf:predicate mdkg:location ; rdf:object place:geneva ;
     prov:wasDerivedFrom doc:para\\/1 ; mdkg:rule "events.location" ; mdkg:confidence 0.9 .
  [] a oa:Annotation ; oa:hasBody place:geneva ;
     oa:hasTarget [ oa:hasSource doc:para\\/1 ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "جنيف" ; oa:prefix "في " ; oa:suffix " يومي" ] ,
                       [ a oa:TextPositionSelector ; oa:start 24 ; oa:end 28 ] ] .
}
"""


def store_of(*trig: str) -> ox.Store:
    """An in-memory Oxigraph store holding the conformant dataset plus ``trig`` additions."""
    store = ox.Store()
    for text in (CONFORMANT, *(PREFIXES + t for t in trig)):
        store.load(text.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def good_report():
    return validate_dataset(store_of())


def test_conformant_dataset_passes(good_report):
    assert good_report.conforms, good_report.shacl_text
    assert good_report.owl_consistent, good_report.owl_text
    assert good_report.ok and good_report.violation_count == 0 and good_report.offenders == ()
    assert good_report.triple_count > 80
    assert "PASSED" in good_report.render()


def test_paragraph_with_two_numbers_fails_and_is_named():
    report = validate_dataset(store_of("g:gfmd-2011 { doc:para\\/1 mdkg:paragraphNumber 2 . }"))
    assert not report.conforms and report.owl_consistent
    assert report.violation_count == 1
    assert report.offenders == ("<https://w3id.org/mdkg/id/document/gfmd-2011/para/1>",)
    assert "mdkg:paragraphNumber" in report.shacl_text and "at most one" in report.shacl_text
    assert "FAILED" in report.render() and "para/1" in report.render()


def test_entity_without_arabic_label_fails():
    report = validate_dataset(store_of(
        'g:reference { org:oecd a mdkg:InternationalOrganization ; skos:prefLabel "OECD"@en . }'))
    assert not report.conforms
    assert report.offenders == ("<https://w3id.org/mdkg/id/org/oecd>",)
    assert "Arabic" in report.shacl_text


def test_gazetteer_entity_needs_english_label_text_entity_does_not():
    report = validate_dataset(store_of(
        'g:reference { place:rabat a mdkg:Place ; skos:prefLabel "الرباط"@ar . }',
        'g:gfmd-2011 { place:manila a mdkg:Place ; mdkg:fromText true ; skos:prefLabel "مانيلا"@ar . }'))
    assert not report.conforms
    assert report.offenders == ("<https://w3id.org/mdkg/id/place/rabat>",)
    assert "English" in report.shacl_text


def test_two_labels_in_one_language_fail():
    report = validate_dataset(store_of('g:reference { state:CHE skos:prefLabel "الاتحاد السويسري"@ar . }'))
    assert not report.conforms and "<https://w3id.org/mdkg/id/state/CHE>" in report.offenders


@pytest.mark.parametrize("trig,needle", [
    ('g:gfmd-2011 { [] a rdf:Statement ; rdf:subject state:CHE ; rdf:predicate mdkg:hostedBy ; rdf:object state:CHE ;'
     ' prov:wasDerivedFrom doc:para\\/1 ; mdkg:rule "x" ; mdkg:confidence 1.5 . }', "between 0 and 1"),
    ('g:gfmd-2011 { [] a mdkg:MonetaryAmount ; mdkg:amountValue 5.0 ; mdkg:currency "euro" . }', "ISO 4217"),
    ('g:gfmd-2011 { event:gfmd-2011-geneva mdkg:startDate "1 December 2011" . }', "xsd:date"),
    ('g:reference { state:BEL a mdkg:State ; skos:prefLabel "Belgium"@en , "بلجيكا"@ar ; skos:notation "bel" ;'
     ' mdkg:m49Code "56" . }', "m49Code"),
    ('g:gfmd-2011 { docs:other a mdkg:Document ; mdkg:sha256 "abc" . }', "sha256"),
    ('g:gfmd-2011 { [] a oa:Annotation ; oa:hasBody place:geneva ; oa:hasTarget [ oa:hasSource doc:para\\/1 ] . }',
     "oa:hasSelector"),
])
def test_other_shapes_fail(trig, needle):
    conforms, text, violations, _ = check_shapes(
        union_graph(store_of(trig)), load_turtle(ontology_file("mdkg.ttl")), load_turtle(ontology_file("shapes.ttl")))
    assert not conforms and violations >= 1
    assert needle in text, text


def test_state_typed_organization_is_inconsistent():
    report = validate_dataset(store_of("g:reference { state:CHE a mdkg:UNEntity . }"))
    assert not report.owl_consistent and report.conforms
    assert "<https://w3id.org/mdkg/id/state/CHE>" in report.offenders
    assert "mdkg:State" in report.owl_text and "disjoint" in report.owl_text
    assert "NOT consistent" in report.render()


def test_event_typed_place_is_inconsistent():
    report = validate_dataset(store_of("g:gfmd-2011 { place:geneva a mdkg:Meeting . }"))
    assert not report.owl_consistent
    assert report.offenders == ("<https://w3id.org/mdkg/id/place/geneva>",)


def test_property_against_its_domain_is_inconsistent():
    # a state is an Actor, not one of the Process/Event/Commitment/Organization that address topics
    report = validate_dataset(store_of("g:gfmd-2011 { state:CHE mdkg:addresses topic:remittances . }"))
    assert not report.owl_consistent
    assert report.offenders == ("<https://w3id.org/mdkg/id/state/CHE>",)
    assert "mdkg:addresses" in report.owl_text


def test_validate_store_reads_the_current_build(tmp_path: Path):
    with staged_build(tmp_path / "store") as (store, _):
        store.load(CONFORMANT.encode("utf-8"), format=ox.RdfFormat.TRIG)
    report = validate_store(tmp_path / "store")
    assert report.ok, report.render()
    assert report.triple_count == validate_dataset(store_of()).triple_count
    assert not list(Path.cwd().glob("*.sqlite3"))


def test_validate_store_without_a_build(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="no built MDKG store"):
        validate_store(tmp_path / "nothing")


def test_broken_shapes_file_names_file_and_line(tmp_path: Path):
    bad = tmp_path / "shapes.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n\nsh:x sh:y \"unclosed .\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"shapes\.ttl.*line 3"):
        load_turtle(bad)


def test_owl_check_can_be_switched_off():
    report = validate_dataset(store_of("g:reference { state:CHE a mdkg:UNEntity . }"), owl=False)
    assert report.ok and "owl" not in report.timings
    assert "OWL (HermiT): not checked" in report.render()
