"""Arabic-aware matching (mdkg:arMatch) and /search, on real report text and through the application (Flask's test client)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest


from graph_builder.text import arsearch
from graph_builder.namespaces import MDKG

ID = "https://w3id.org/mdkg/id/"
TEXT = "وللمنظمةِ الدوليّة للهجرة دورٌ، بالتعاون مع المنظمة. Remittances <b>&</b>"


@pytest.mark.parametrize("query", [
    "المنظمة الدولية", "المُنظَّمة الدَّوليَّة",  # with and without diacritics
    "منظمه دوليه",                                 # ta marbuta as ha, no article
    "الهجرة", "هجرة", "الهِجْرَة",                   # article and clitic لل in the text
    "تعاون", "التعاون",                            # clitic بال in the text
    "remittances", "REMITTANCES",
])
def test_ar_match_variants(query):
    assert arsearch.ar_match(TEXT, query)


@pytest.mark.parametrize("query", ["بلد", "منظمات", "المنظمة الإقليمية", "", "  ،  "])
def test_ar_match_rejects(query):
    assert not arsearch.ar_match(TEXT + " ولد", query)


def test_hamza_forms_fold():
    assert arsearch.ar_match("أفريقيا وآسيا", "افريقيا اسيا")
    assert arsearch.ar_match("افريقيا", "إفريقيا")


def test_match_spans_are_original_offsets():
    spans = arsearch.match_spans(TEXT, "منظمة")
    assert [TEXT[a:b] for a, b in spans] == ["وللمنظمةِ", "المنظمة"]
    assert arsearch.match_spans(TEXT, "منظمة غائبة") == []


def test_sparql_function_in_pyoxigraph():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/p"), MDKG.text, ox.Literal(TEXT, language="ar")))
    query = f'SELECT ?p WHERE {{ ?p <{MDKG.text.value}> ?t FILTER(<{MDKG.arMatch.value}>(?t, "الدوليه")) }}'
    assert len(list(store.query(query, custom_functions=arsearch.custom_functions()))) == 1
    bad = f'SELECT ?p WHERE {{ ?p <{MDKG.text.value}> ?t FILTER(<{MDKG.arMatch.value}>(?t, "غائب")) }}'
    assert list(store.query(bad, custom_functions=arsearch.custom_functions())) == []


def _search(client, q, **extra):
    response = client.get("/search", query_string=dict(q=q, **extra))
    assert response.status_code == 200, response.text
    return response.json


def test_search_paragraphs_with_and_without_diacritics(built_client):
    plain = _search(built_client, "المنظمة الدولية للهجرة")
    marked = _search(built_client, "المُنَظَّمَة الدَّوْلِيَّة لِلْهِجْرَة")
    iris = [p["iri"] for p in plain["paragraphs"]]
    assert iris and iris == [p["iri"] for p in marked["paragraphs"]]
    assert plain["entities"][0]["iri"] == ID + "org/iom"


def test_search_with_other_hamza_form_and_clitic(built_client):
    a = {p["iri"] for p in _search(built_client, "الأمم المتحدة")["paragraphs"]}
    b = {p["iri"] for p in _search(built_client, "الامم المتحده")["paragraphs"]}
    assert a and a == b
    clitic = _search(built_client, "تعاون")  # text has بالتعاون / والتعاون
    assert clitic["paragraphs"]
    assert any(t.startswith(("بال", "وال", "لل", "وب", "ال"))
               for p in clitic["paragraphs"] for t in (p["text"][s:e] for s, e in p["highlights"]))


def test_search_highlights_are_marked_and_escaped(built_client):
    data = _search(built_client, "التحويلات المالية")
    first = data["paragraphs"][0]
    assert "<mark>" in first["html"]
    for start, end in first["highlights"]:
        assert arsearch.word_matches("تحويلات", arsearch.query_words(first["text"][start:end])[0]) or \
            arsearch.word_matches("ماليه", arsearch.query_words(first["text"][start:end])[0])
    html = built_client.get("/search", query_string={"q": "التحويلات المالية"},
                        headers={"Accept": "text/html"})
    assert html.headers["Content-Type"].startswith("text/html")
    assert "<mark>" in html.text
    escaped = built_client.get("/search", query_string={"q": "<script>x</script>"},
                           headers={"Accept": "text/html"})
    assert "<script>x" not in escaped.text and "&lt;script&gt;" in escaped.text


def test_search_entities_in_english_and_by_code(built_client):
    assert _search(built_client, "remittances")["entities"][0]["iri"] == ID + "topic/remittances"
    assert _search(built_client, "Philippines")["entities"][0]["iri"] == ID + "state/PHL"
    assert ID + "org/iom" in {e["iri"] for e in _search(built_client, "IOM")["entities"]}


def test_search_bad_requests(built_client):
    assert built_client.get("/search").status_code == 400
    assert built_client.get("/search", query_string={"q": "x", "limit": "0"}).status_code == 400


def test_ar_match_available_on_sparql_endpoint(built_client):
    query = ('PREFIX mdkg: <https://w3id.org/mdkg/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) '
             'WHERE { ?p mdkg:text ?t FILTER(mdkg:arMatch(?t, "بروكسل")) }')
    response = built_client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200
    assert int(response.json["results"]["bindings"][0]["n"]["value"]) >= 1


def test_search_page_is_a_site_page_in_both_languages(built_client):
    r = built_client.get("/search", query_string={"q": "التحويلات المالية", "lang": "ar"},
                         headers={"Accept": "text/html"})
    assert r.status_code == 200 and '<html lang="ar" dir="rtl">' in r.text
    assert "<h2>الفقرات (" in r.text and "<mark>" in r.text and "pages.css" in r.text
    assert 'href="/page/' in r.text                     # hits link to their pages on this server
    en = built_client.get("/search", query_string={"q": "remittances", "lang": "en", "format": "html"})
    assert '<html lang="en" dir="ltr">' in en.text and "<h2>Entities (" in en.text
