"""The build's facts graph (graph/facts: every statement about an entity or a class once) on the real
build: it is the deduplicated union of the other graphs' entity statements and nothing else, adding it
to a store built without it gives the same graph (tests/test_summary_graph.py), and the named queries that read it answer exactly
the rows their texts before it answered (tests/data/named-queries-before/, the catalogue as it was)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_builder.build import facts_graph
from graph_builder.build.store import open_read_only
from graph_builder.namespaces import MDKG, Base
from graph_builder.service import named_queries as nq

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
BEFORE = Path(__file__).parent / "data" / "named-queries-before"


@pytest.fixture(scope="module")
def store(built_store):
    return open_read_only(built_store)


def _triples(st: ox.Store, graph: ox.NamedNode) -> set:
    return {(q.subject, q.predicate, q.object) for q in st.quads_for_pattern(None, None, None, graph)}


def test_the_facts_graph_is_the_entity_statements_of_the_other_graphs_once(store):
    base = Base.from_env()
    facts = _triples(store, facts_graph.graph(base))
    merged = {o for s, p, o in facts if p == MDKG.mergedFrom}
    reports = {g for g in store.named_graphs() if "/graph/" in g.value
               and g.value.rsplit("/", 1)[1] not in ("ontology", "reference", *facts_graph.DERIVED)}
    assert len(reports) == 2
    assert merged == reports | {base.ontology_graph, base.reference_graph}
    expected = set()
    for g in merged:
        for s, p, o in _triples(store, g):
            if not s.value.startswith((base.iri + "id/document/", base.iri + "id/statement/")):
                expected.add((s, p, o))
    stated = facts - {(s, p, o) for s, p, o in facts if p == MDKG.mergedFrom}
    assert stated == expected
    # what it holds: facts, types and labels; no document part, mention or evidence statement
    assert any(p == MDKG.addresses for _, p, _ in stated)
    assert not any(p == RDF_TYPE and o in (MDKG.Paragraph, ox.NamedNode("http://www.w3.org/ns/oa#Annotation"),
                                           ox.NamedNode(RDF_TYPE.value[:-4] + "Statement"))
                   for _, p, o in stated)
    # facts both reports state (a meeting's host, place, type and labels) are stated once here, twice in the union
    twice = [t for t in stated if all(ox.Quad(*t, g) in store for g in reports)]
    assert any(p == MDKG.hostedBy for _, p, _ in twice) and any(p == RDF_TYPE for _, p, _ in twice)


def _cases(query: nq.NamedQuery) -> list[dict]:
    cases = [dict(p.split("=", 1) for p in ex.split("&")) for ex in query.examples]
    return ([{}] if all(p.optional for p in query.params) else []) + cases


def _rows(result) -> list[tuple]:
    return sorted(tuple(None if r[v] is None else str(r[v]) for v in result.variables) for r in result)


def test_named_queries_answer_the_rows_they_answered_before_the_facts_graph(store):
    now, before = nq.load_catalogue(nq.queries_dir(None)), nq.load_catalogue(BEFORE)
    assert set(now) == set(before)
    reading = [name for name, q in now.items() if "graph/facts>" in q.text]
    assert len(reading) >= 15
    answered = 0
    for name in sorted(now):
        for args in _cases(now[name]):
            rows = _rows(nq.run_local(store, now[name], args))
            assert rows == _rows(nq.run_local(store, before[name], args)), (name, args)
            answered += bool(rows)
    assert answered >= 35


def test_graph_iris_in_named_queries_follow_the_deployment_base(monkeypatch):
    path = nq.queries_dir(None) / "actors-on-topic.rq"
    assert "<https://w3id.org/mdkg/graph/facts>" in nq.parse_query_file(path).text
    monkeypatch.setenv("MDKG_BASE", "https://example.org/kg/")
    text = nq.parse_query_file(path).text
    assert "<https://example.org/kg/graph/facts>" in text and "w3id.org/mdkg/graph/" not in text
