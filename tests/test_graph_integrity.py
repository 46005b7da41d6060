"""Whole-build invariants: every annotation selects its mention exactly; every fact has evidence."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_builder.namespaces import PREFIXES
from graph_builder.build.store import open_read_only

FACT_PREDICATES = (
    "addresses participatesIn memberOf bodyOf ofState partOf hostedBy location startDate endDate year theme "
    "chairedBy coChairedBy participantCount adoptedBy adoptedAt dateAdopted party amount amountValue currency "
    "fundedBy managedBy producedBy coversRegion inState role affiliation cites"
).split()
DOC_GRAPHS = ("https://w3id.org/mdkg/graph/2008-sg-report-international-migration-and-development",
              "https://w3id.org/mdkg/graph/2011-gfmd-swiss-chair-report")


@pytest.fixture(scope="module")
def st(built_store):
    return open_read_only(built_store)


def test_every_annotation_offset_selects_exactly_its_mention(st):
    rows = list(st.query("""
        SELECT ?src ?text ?exact ?start ?end ?prefix WHERE {
          ?a a oa:Annotation ; oa:hasTarget ?t .
          ?t oa:hasSource ?src ; oa:hasSelector ?q , ?p .
          ?q a oa:TextQuoteSelector ; oa:exact ?exact ; oa:prefix ?prefix .
          ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
          ?src mdkg:text ?text }""", prefixes=PREFIXES, use_default_graph_as_union=True))
    assert len(rows) > 1500
    bad = []
    for r in rows:
        text, start, end = r["text"].value, int(r["start"].value), int(r["end"].value)
        if text[start:end] != r["exact"].value or not text[:start].endswith(r["prefix"].value):
            bad.append((r["src"].value, start, end, r["exact"].value))
    assert not bad, bad[:5]


@pytest.mark.parametrize("graph", DOC_GRAPHS)
def test_every_fact_has_an_evidence_statement(st, graph):
    values = " ".join(f"mdkg:{p}" for p in FACT_PREDICATES)
    facts = list(st.query(f"""
        SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ VALUES ?p {{ {values} }} ?s ?p ?o }} }}""",
                          prefixes=PREFIXES))
    assert int(facts[0]["n"].value) > 100
    orphans = list(st.query(f"""
        SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{
          VALUES ?p {{ {values} }} ?s ?p ?o .
          FILTER NOT EXISTS {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                                   prov:wasDerivedFrom ?para ; mdkg:rule ?r ; mdkg:confidence ?c }} }} }}""",
                            prefixes=PREFIXES))
    assert orphans == [], [(str(r["s"]), str(r["p"]), str(r["o"])) for r in orphans[:5]]


def test_evidence_points_at_a_paragraph_of_the_same_document(st):
    bad = list(st.query("""
        SELECT ?st ?src WHERE { GRAPH ?g { ?st a rdf:Statement ; prov:wasDerivedFrom ?src }
          ?src mdkg:inDocument ?d .
          FILTER NOT EXISTS { GRAPH ?g { ?src mdkg:inDocument ?d } } }""", prefixes=PREFIXES))
    assert bad == []


def test_same_fact_in_two_reports_is_one_triple_with_two_pieces_of_evidence(st):
    rows = list(st.query("""
        SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?graphs) WHERE {
          GRAPH ?g { ?x rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }
        GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?g) > 1)""", prefixes=PREFIXES))
    assert rows, "no fact is supported by both reports"
    for r in rows[:20]:
        distinct = list(st.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", use_default_graph_as_union=True,
                                 substitutions={ox.Variable("s"): r["s"], ox.Variable("p"): r["p"],
                                                ox.Variable("o"): r["o"]}))
        assert len(distinct) == 1  # the union sees one triple


def test_disagreeing_reports_keep_both_values_with_their_evidence(st):
    rows = list(st.query("""
        SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?e mdkg:startDate ?d } GROUP BY ?e HAVING (COUNT(DISTINCT ?d) > 1)""",
                         prefixes=PREFIXES, use_default_graph_as_union=True))
    assert rows, "expected at least one event whose start date the reports give differently"
    for r in rows:
        ev = list(st.query("SELECT DISTINCT ?e ?d ?src WHERE { ?x rdf:subject ?e ; rdf:predicate mdkg:startDate ; "
                           "rdf:object ?d ; prov:wasDerivedFrom ?src }", prefixes=PREFIXES,
                           use_default_graph_as_union=True, substitutions={ox.Variable("e"): r["e"]}))
        assert len({x["d"].value for x in ev}) == int(r["n"].value)
