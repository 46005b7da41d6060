"""Named queries whose answer and pages do not depend on the engine (graph_builder/service/query_order.py):
every bundled query orders its rows totally (its ORDER BY names every projected variable) and chooses no
term with MIN/MAX/SAMPLE of the bare term; the checks themselves on texts of several shapes, with
negatives; and, on a store, a query ordered on part of its row answers its tied rows in no fixed order
while the total order gives one page."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_builder.resources import data_dir
from graph_builder.service import named_queries as nq
from graph_builder.service import query_order as qo


def test_every_bundled_query_is_ordered_totally_and_chooses_terms_by_text():
    catalogue = nq.load_catalogue(data_dir("queries"))
    assert len(catalogue) >= 20
    problems = {name: qo.order_problems(q.text, [p.name for p in q.params] if q.binding == "inline" else ())
                for name, q in catalogue.items()}
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("text,projected,ordered", [
    ("SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY ?a ?b", ["a", "b"], {"a", "b"}),
    # aggregates and expressions: the variable after AS is projected; DESC() and STR() name their variable
    ("SELECT ?class (COUNT(?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class ORDER BY DESC(?n) STR(?class)",
     ["class", "n"], {"n", "class"}),
    # a sub-select's projection and ORDER BY are not the query's; neither is an ORDER BY in a comment or string
    ("SELECT DISTINCT ?x ?label\nWHERE {\n  { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?o LIMIT 3 }\n"
     "  ?x <http://ex.org/l> ?label FILTER(?label != \"ORDER BY ?o\") # ORDER BY ?z\n}\nORDER BY ?label",
     ["x", "label"], {"label"}),
    ("SELECT ?s WHERE { ?s ?p ?o }", ["s"], set()),
])
def test_projection_and_order_are_read_off_the_top_level(text, projected, ordered):
    assert qo.projected_variables(text) == projected
    assert qo.order_variables(text) == ordered


def test_an_order_on_part_of_the_row_is_a_problem_naming_what_it_leaves_out():
    partial = "SELECT ?meeting ?year ?place WHERE { ?meeting ?p ?year ; ?q ?place } ORDER BY ?year"
    (problem,) = qo.order_problems(partial)
    assert "?meeting, ?place" in problem
    assert qo.order_problems(partial + " ?meeting ?place") == []
    # a parameter written into the text as a term is the same on every row
    assert qo.order_problems(partial + " ?meeting", constants=["place"]) == []
    assert "SELECT *" in qo.order_problems("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s")[0]


@pytest.mark.parametrize("text,chosen", [
    ("SELECT ?e (MIN(?label) AS ?l) WHERE { ?e ?p ?label } GROUP BY ?e ORDER BY ?e ?l", ["MIN(?label)"]),
    ("SELECT (MAX(?t) AS ?last) (SAMPLE(DISTINCT ?x) AS ?one) WHERE { ?x ?p ?t } ORDER BY ?last ?one",
     ["MAX(?t)", "SAMPLE(?x)"]),
    # by its text: the same choice on any engine
    ("SELECT ?e (IRI(MIN(STR(?by))) AS ?first) WHERE { ?e ?p ?by } GROUP BY ?e ORDER BY ?e ?first", []),
    ("SELECT ?e (COUNT(?x) AS ?n) (MIN(STR(?x)) AS ?m) WHERE { ?e ?p ?x } GROUP BY ?e ORDER BY ?e ?n ?m", []),
    # a variable named like an aggregate is not one
    ("SELECT ?min WHERE { ?min ?p ?o } ORDER BY ?min", []),
])
def test_a_term_chosen_by_the_engine_order_is_a_problem(text, chosen):
    assert qo.engine_dependent_aggregates(text) == chosen
    assert bool(qo.order_problems(text)) == bool(chosen)


def _store() -> ox.Store:
    """Six meetings in two years, each with one place: ordered by year alone, three rows tie."""
    st = ox.Store()
    ex = "http://ex.org/"
    for i, (year, place) in enumerate([(2008, "Manila"), (2007, "Brussels"), (2008, "Athens"),
                                       (2007, "Rabat"), (2008, "Mexico"), (2007, "Geneva")]):
        m = ox.NamedNode(f"{ex}meeting-{i}")
        st.add(ox.Quad(m, ox.NamedNode(f"{ex}year"), ox.Literal(str(year), datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#gYear"))))
        st.add(ox.Quad(m, ox.NamedNode(f"{ex}place"), ox.Literal(place, language="en")))
    return st


def test_only_the_total_order_fixes_which_rows_a_page_holds():
    st = _store()
    body = "SELECT ?meeting ?year ?place WHERE { ?meeting <http://ex.org/year> ?year ; <http://ex.org/place> ?place }"
    total = body + " ORDER BY ?year ?meeting ?place"
    rows = [tuple(str(t) for t in r) for r in st.query(total)]
    assert [r[2] for r in rows[:3]] == ['"Brussels"@en', '"Rabat"@en', '"Geneva"@en']  # meeting-1, -3, -5
    # the page of 2 rows after the first: the same rows in the total order; under ORDER BY ?year they are any
    # two of the three of 2007, which the checks call a problem
    page = [tuple(str(t) for t in r) for r in st.query(nq.Page(2, 1).apply(total))][:2]
    assert page == rows[1:3]
    assert qo.order_problems(body + " ORDER BY ?year") and not qo.order_problems(total)

