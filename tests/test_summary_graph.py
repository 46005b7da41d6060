"""The build's summary graph (graph/summary: lookup keys of the named queries' parameters) on the real
build: the keyed lookups find exactly the entities the full comparison over every label finds, the
graph is computed from the other graphs only, and adding it to a store built without it gives the
same graph."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from graph_builder.build import facts_graph, summary, summary_tables
from graph_builder.build.store import open_read_only
from graph_builder.namespaces import Base
from graph_builder.service import named_queries as nq
from graph_builder.service.remote_store import with_values
from graph_builder.text import arsearch

# The lookups as they were before the summary graph: every labelled entity compared with the value.
_LABEL_MATCH = ("STRENDS(LCASE(STR(?entity)), CONCAT(\"/\", LCASE(?value)))"
                " || EXISTS { ?entity skos:notation ?code FILTER(LCASE(STR(?code)) = LCASE(?value)) }"
                " || EXISTS { ?entity skos:prefLabel|skos:altLabel|rdfs:label ?label"
                " FILTER(mdkg:arFold(?label) = mdkg:arFold(?value)) }")
_FULL_ENTITY = (nq._PREFIXES + "SELECT DISTINCT ?entity ?class ?value WHERE {\n"
                "  ?entity a ?type . ?type rdfs:subClassOf* ?class . ?entity skos:prefLabel ?any .\n"
                f"  FILTER({_LABEL_MATCH})\n}}")
_FULL_ANY = (nq._PREFIXES + "SELECT DISTINCT ?entity ?value WHERE {\n  ?entity skos:prefLabel ?any .\n"
             f"  FILTER({_LABEL_MATCH})\n}}")
VALUES = ["IOM", "PHL", "phl", "الفلبين", "Philippines", "remittances", "التحويلات المالية", "acp", "unesco",
          "GMG", "gfmd-2008", "event/gfmd-2008", "المنظّمة الدوليّة للهجرة", "African Union", "nothing-like-this"]
CLASSES = ["https://w3id.org/mdkg/ontology#Actor", "https://w3id.org/mdkg/ontology#Event"]


@pytest.fixture(scope="module")
def store(built_store):
    return open_read_only(built_store)


def _entities(st, text, subs) -> set[str]:
    rows = st.query(text, use_default_graph_as_union=True, custom_functions=arsearch.custom_functions(),
                    substitutions={ox.Variable(k): v for k, v in subs.items()})
    return {r[0].value for r in rows}


def test_keyed_lookups_find_what_comparing_every_label_finds(store):
    entity_lookup, any_lookup, _ = nq._lookups()
    found = 0
    for raw in VALUES:
        keys = nq.lookup_keys(raw)
        full = _entities(store, _FULL_ANY, {"value": ox.Literal(raw)})
        assert _entities(store, any_lookup, keys) == full, raw
        found += len(full)
        for cls in CLASSES:
            subs = {"value": ox.Literal(raw), "class": ox.NamedNode(cls)}
            assert _entities(store, entity_lookup, {**keys, "class": ox.NamedNode(cls)}) == \
                _entities(store, _FULL_ENTITY, subs), (raw, cls)
    assert found > 10                # the values do name entities, by label, notation and IRI end


CLASS_VALUES = ["Declaration", "declaration", "mdkg:Declaration", "Commitment", "ActionPlan", "إعلان",
                "Recommendation", "nothing-like-this", "State"]


def _portable(st, text, subs) -> set[str]:
    """``text`` as a remote engine gets it (the bound terms in a VALUES block), on the embedded store
    without MDKG's functions."""
    return {r[0].value for r in st.query(with_values(text, subs), use_default_graph_as_union=True)}


def test_portable_lookups_find_what_the_embedded_lookups_find(store):
    """The remote engine's lookups (keys as constants, classes from mdkg:belowClass, no MDKG function)
    find exactly the embedded store's, for entities by label, notation and IRI end, and for classes."""
    found = 0
    for raw in VALUES:
        entity_lookup, any_lookup, _ = nq.portable_lookups(nq.lookup_keys(raw))
        assert "?lowKey" not in any_lookup and "VALUES" not in any_lookup
        expected = _entities(store, nq.ANY_LOOKUP, nq.lookup_keys(raw))
        assert _portable(store, any_lookup, {}) == expected, raw
        found += len(expected)
        for cls in CLASSES + ["https://w3id.org/mdkg/ontology#State"]:
            subs = {"class": ox.NamedNode(cls)}
            assert _portable(store, entity_lookup, subs) == \
                _entities(store, nq.ENTITY_LOOKUP, {**nq.lookup_keys(raw), **subs}), (raw, cls)
    assert found > 10
    commitment = {"class": ox.NamedNode("https://w3id.org/mdkg/ontology#Commitment")}
    classes = 0
    for raw in CLASS_VALUES:
        expected = _entities(store, nq.CLASS_LOOKUP, {"value": ox.Literal(raw), **commitment})
        assert _portable(store, nq.portable_lookups(nq.lookup_keys(raw))[2], commitment) == expected, raw
        classes += len(expected)
    assert classes >= 3              # Declaration by local name in two cases, and by its Arabic label
    for entity, cls in [("id/org/iom", "Actor"), ("id/org/iom", "State"), ("ontology#Declaration", "Commitment"),
                        ("ontology#State", "Commitment")]:
        subs = {"entity": ox.NamedNode("https://w3id.org/mdkg/" + entity),
                "class": ox.NamedNode("https://w3id.org/mdkg/ontology#" + cls)}
        full, portable = ((nq.ENTITY_CHECK, nq.PORTABLE_ENTITY_CHECK) if "id/" in entity
                          else (nq.CLASS_CHECK, nq.PORTABLE_CLASS_CHECK))
        assert bool(_portable(store, portable, subs)) == bool(_entities(store, full, subs)), (entity, cls)


def test_portable_lookups_escape_the_value(store):
    """A value with quotes, a backslash or a newline stays one literal in the remote text: it matches
    nothing and the text parses."""
    for raw in ['IOM" } ?s ?p ?o {', "a\\b", "line\nbreak", "'; DROP"]:
        for text in nq.portable_lookups(nq.lookup_keys(raw)):
            assert _portable(store, text, {"class": ox.NamedNode("https://w3id.org/mdkg/ontology#Actor")}) == set()


def test_named_queries_resolve_parameters_through_the_keys(store):
    catalogue = nq.load_catalogue(nq.queries_dir(None))
    rows = list(nq.run_local(store, catalogue["memberships"], {"group": "GMG"}))
    assert rows and all(r["group"].value.endswith("/gmg") for r in rows)
    with pytest.raises(nq.ParamError, match="nothing in the graph matches"):
        nq.run_local(store, catalogue["memberships"], {"group": "no-such-group-at-all"})


def test_the_summary_graph_is_computed_from_the_other_graphs(built_store, tmp_path):
    """Removing the summary graph and adding it again (``python -m graph_builder.build.summary``)
    gives the quads the build wrote."""
    base = Base.from_env()
    graph = base.graph(summary.NAME)
    copy = tmp_path / "copy"
    shutil.copytree(built_store.resolve(), copy)
    st = ox.Store(str(copy))
    written = set(st.quads_for_pattern(None, None, None, graph))
    assert len(written) > 5000
    assert {q.predicate for q in written} == {summary.SLUG_KEY, summary.NOTATION_KEY, summary.LABEL_KEY,
                                              *summary_tables.TERMS}
    facts = facts_graph.graph(base)      # the facts graph too: a store built before both existed
    facts_written = set(st.quads_for_pattern(None, None, None, facts))
    assert len(facts_written) > 5000
    st.remove_graph(graph)
    st.remove_graph(facts)
    st.flush()
    del st
    assert summary.main([str(copy)]) == 0
    st = ox.Store(str(copy))
    assert set(st.quads_for_pattern(None, None, None, graph)) == written
    assert set(st.quads_for_pattern(None, None, None, facts)) == facts_written
    phl = ox.NamedNode(base.iri + "id/state/PHL")
    keys = {q.object.value for q in st.quads_for_pattern(phl, None, None, graph)}
    assert {"phl", "state/phl", arsearch.fold_text("الفلبين")} <= keys
