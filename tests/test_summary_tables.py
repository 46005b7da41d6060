"""The precomputed tables of the build's summary graph (graph_builder/build/summary_tables.py) on the real
bundled build: each equals the aggregate it replaces, computed here by the engine over the union of the
other graphs the way the named queries computed it before (class path, COUNT DISTINCT, MIN)."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from graph_builder.build import facts_graph, summary, summary_tables as tables
from graph_builder.build.store import open_read_only
from graph_builder.namespaces import Base

P = ("PREFIX mdkg: <https://w3id.org/mdkg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
     "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
     "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n")


@pytest.fixture(scope="module")
def store(built_store):
    return open_read_only(built_store)


@pytest.fixture(scope="module")
def graphs():
    base = Base.from_env()
    return base, base.graph(summary.NAME), facts_graph.graph(base)


def _table(st, graph, prop) -> dict:
    return {(q.subject.value): q.object for q in st.quads_for_pattern(None, prop, None, graph)}


def _pairs(st, text, **graphs) -> dict:
    for name, iri in graphs.items():
        text = text.replace("?" + name, str(iri))
    return {r[0].value: r[1] for r in st.query(P + text, use_default_graph_as_union=True) if r[1] is not None}


def test_instance_counts_are_the_distinct_instances_through_the_class_path(store, graphs):
    base, summ, facts = graphs
    expected = _pairs(store, "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?onto { ?class a owl:Class . "
                             "?t rdfs:subClassOf* ?class } GRAPH ?g { ?e a ?t } FILTER(?g NOT IN (?facts, ?summ, ?build)) "
                             "FILTER(STRSTARTS(STR(?class), STR(mdkg:))) } GROUP BY ?class",
                      onto=base.ontology_graph, facts=facts, summ=summ, build=base.build_graph)
    got = {k: v for k, v in _table(store, summ, tables.INSTANCE_COUNT).items() if k.startswith("https://w3id.org/mdkg/")}
    assert got == expected and len(got) > 20
    statements = _pairs(store, "SELECT (rdf:Statement AS ?c) (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a rdf:Statement }")
    assert _table(store, summ, tables.INSTANCE_COUNT)[tables.EVIDENCE_CLASSES[0].value] == statements[tables.EVIDENCE_CLASSES[0].value]
    below = {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, tables.BELOW_CLASS, None, summ)}
    assert ("https://w3id.org/mdkg/ontology#Declaration", "https://w3id.org/mdkg/ontology#Commitment") in below
    assert ("https://w3id.org/mdkg/ontology#State", "https://w3id.org/mdkg/ontology#State") in below
    assert ("https://w3id.org/mdkg/ontology#State", "https://w3id.org/mdkg/ontology#Commitment") not in below


def test_display_labels_are_the_least_label_per_language(store, graphs):
    _, summ, facts = graphs
    got = {(q.subject.value, q.object.language): q.object for q in store.quads_for_pattern(None, tables.DISPLAY_LABEL, None, summ)}
    least: dict = {}
    for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), None, facts):
        key = (q.subject.value, q.object.language)
        if key not in least or q.object.value < least[key].value:
            least[key] = q.object
    assert got == least
    assert sum(1 for _, lang in got if lang == "ar") > 100


def test_evidence_mention_and_statement_counts(store, graphs):
    base, summ, _ = graphs
    evidence = {r[0].value: r[1] for r in store.query(
        P + "SELECT ?f ?n WHERE { GRAPH ?summ { ?f mdkg:factSubject ?s ; mdkg:factPredicate ?p ; mdkg:factObject ?o ; "
            "mdkg:evidenceCount ?n } }".replace("?summ", str(summ)))}
    expected = {tables.fact_iri(base, s, p, o).value: n for s, p, o, n in store.query(
        P + "SELECT ?s ?p ?o (COUNT(DISTINCT ?e) AS ?n) WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; "
            "rdf:object ?o ; prov:wasDerivedFrom ?e } GROUP BY ?s ?p ?o", use_default_graph_as_union=True)}
    assert evidence == expected and any(int(n.value) > 1 for n in evidence.values())
    mentions = _pairs(store, "SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p mdkg:mentions ?e } GROUP BY ?e")
    assert _table(store, summ, tables.COUNTS["mentionCount"]) == mentions
    paragraphs = _pairs(store, "SELECT ?e (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a mdkg:Paragraph ; mdkg:mentions ?e } GROUP BY ?e")
    assert _table(store, summ, tables.COUNTS["paragraphMentionCount"]) == paragraphs
    assert paragraphs != mentions           # footnotes mention too: the two counts differ somewhere
    about = _pairs(store, "SELECT ?e (COUNT(DISTINCT ?st) AS ?n) WHERE { "
                          "{ ?st rdf:subject ?e } UNION { ?st rdf:object ?e } FILTER(isIRI(?e)) } GROUP BY ?e")
    assert _table(store, summ, tables.COUNTS["statementCount"]) == about


def _canonical(st, base) -> dict:
    """alias → canonical of the build's meeting-identity graph (the timeline's row of an alias is its canonical's)."""
    return {q.subject.value: q.object.value for q in st.quads_for_pattern(None, None, None, base.graph("meeting-identity"))}


def _per_meeting(st, base, facts, aggregate, prop, require="mdkg:year []") -> dict:
    """The aggregate of ``prop`` per meeting with a year, a meeting's aliases folded into it, computed here."""
    same = _canonical(st, base)
    values: dict = {}
    for m, v in st.query(P + f"SELECT ?m ?v WHERE {{ GRAPH ?facts {{ ?m a mdkg:Meeting ; {require} ; {prop} ?v }} }}"
                         .replace("?facts", str(facts))):
        values.setdefault(same.get(m.value, m.value), []).append(v)
    pick = min if aggregate == "MIN" else max
    return {m: pick(vs, key=lambda v: v.value) for m, vs in values.items()}


def test_timeline_rows_are_the_meetings_with_a_year(store, graphs):
    base, summ, facts = graphs
    years = _per_meeting(store, base, facts, "MIN", "mdkg:year", require="a mdkg:Meeting")
    assert _table(store, summ, tables.TIMELINE["year"]) == years and len(years) > 20
    places = _per_meeting(store, base, facts, "MIN", "mdkg:location")
    assert _table(store, summ, tables.TIMELINE["place"]) == places and places
    assert not set(_canonical(store, base)) & set(years)      # an alias has no row of its own


def test_part_counts_first_evidence_and_the_whole_timeline_row(store, graphs):
    _, summ, facts = graphs
    parts = _pairs(store, "SELECT ?d (COUNT(DISTINCT ?p) AS ?n) WHERE { ?d a mdkg:Document . ?p mdkg:inDocument ?d } "
                          "GROUP BY ?d")
    assert _table(store, summ, tables.PART_COUNT) == parts and all(int(n.value) > 10 for n in parts.values())
    first = _pairs(store, "SELECT ?e (MIN(?p) AS ?n) WHERE { ?st rdf:subject ?e ; prov:wasDerivedFrom ?p } GROUP BY ?e")
    assert _table(store, summ, tables.COUNTS["firstEvidence"]) == {k: v for k, v in first.items()
                                                                   if not k.startswith("_:")}
    base = graphs[0]
    for key, aggregate, prop in [("start", "MIN", "mdkg:startDate"), ("end", "MAX", "mdkg:endDate"),
                                 ("host", "MIN", "mdkg:hostedBy"), ("process", "MIN", "mdkg:partOf")]:
        expected = _per_meeting(store, base, facts, aggregate, prop)
        assert _table(store, summ, tables.TIMELINE[key]) == expected and expected, key
    # a meeting without a stated year has no row
    no_year = _pairs(store, "SELECT ?m (1 AS ?n) WHERE { GRAPH ?facts { ?m a mdkg:Meeting FILTER NOT EXISTS { ?m mdkg:year [] } } }",
                     facts=facts)
    assert not set(no_year) & set(_table(store, summ, tables.TIMELINE["start"]))


def test_the_class_closure_is_every_subclass_path(store, graphs):
    base, summ, _ = graphs
    below = {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, tables.BELOW_CLASS, None, summ)}
    expected = {(r[0].value, r[1].value) for r in store.query(
        P + "SELECT ?t ?c WHERE { GRAPH ?onto { ?c a owl:Class . ?t rdfs:subClassOf* ?c } FILTER(isIRI(?t) && isIRI(?c)) }".replace(
            "?onto", str(base.ontology_graph)))}
    assert below == expected and len(below) > 50


def test_written_in_small_chunks_the_graph_is_the_same(built_store, tmp_path, graphs):
    """The summary step writes its quads in chunks while it reads the next ones: with chunks of a few
    hundred quads it writes exactly the graph the build wrote, and holds at most one chunk."""
    base, summ, _ = graphs
    copy = tmp_path / "copy"
    shutil.copytree(built_store.resolve(), copy)
    st = ox.Store(str(copy))
    written = set(st.quads_for_pattern(None, None, None, summ))
    assert summary.remove_summary(st, base) == len(written)        # one by one, from a snapshot
    assert not any(True for _ in st.quads_for_pattern(None, None, None, summ))
    assert st.contains_named_graph(base.ontology_graph) and len(st) > len(written)   # nothing else removed
    sizes = []
    real = st.bulk_extend

    class Recording:
        def __getattr__(self, name):
            return getattr(st, name)

        def bulk_extend(self, quads):
            sizes.append(len(quads))
            real(quads)

    n = summary.write_summary(Recording(), base, chunk=333)
    assert set(st.quads_for_pattern(None, None, None, summ)) == written
    assert n == sum(sizes) >= len(written) and len(sizes) > 10 and max(sizes) == 333
