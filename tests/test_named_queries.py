"""Named queries (queries/*.rq): header parsing, parameter binding and every query on the built graph.

The queries run through the real production server (``built_client``) on the real bundled
corpus, and once through :func:`named_queries.run_local` (the CLI's path) on the built store.
"""
from __future__ import annotations

import csv
import io

import pytest

from graph_builder.build import store as store_mod
from graph_builder.resources import data_dir
from graph_builder.service import named_queries as catalogue

ID = "https://w3id.org/mdkg/id/"


def _rows(client, name, **params):
    response = client.get(f"/queries/{name}", query_string=params)
    assert response.status_code == 200, response.text
    return response.json["results"]["bindings"]


def _values(rows, var):
    return {row[var]["value"] for row in rows if var in row}


# -- the files -----------------------------------------------------------------------------
def test_bundled_catalogue_has_15_documented_queries():
    queries = catalogue.load_catalogue(data_dir("queries"))
    assert len(queries) >= 15
    for query in queries.values():
        assert query.title and query.description, query.name
        assert all(p.doc for p in query.params), query.name


def _write(tmp_path, text, name="bad.rq"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text,where,message", [
    ("# description: x\nSELECT * { ?s ?p ?o }\n", ":1:", "no '# title"),
    ("# title: T\n# colour: red\nSELECT * { ?s ?p ?o }\n", ":2:", "unknown header key 'colour'"),
    ("# title: T\n# param: x (xsd:float)\nSELECT ?x { ?x ?p ?o }\n", ":2:", "unknown type"),
    ("# title: T\n# param: x (iri of class zz:Thing)\nSELECT ?x { ?x ?p ?o }\n", ":2:", "unknown class"),
    ("# title: T\n#\n# param: y (iri) — y\nSELECT ?x { ?x ?p ?o }\n", ":3:", "not used as ?y"),
    ("# title: T\n# param: o (iri) — o\nSELECT ?s { ?s ?p ?o }\n", ":2:", "must project ?o"),
    ("# title: T\nSELECT ?s { ?s ?p \n", ":2:", "does not parse"),
    ("# title: T\n# just words\nSELECT ?s { ?s ?p ?o }\n", ":2:", "header lines read"),
    ("# title: T\n# binding: pasted\nSELECT ?s { ?s ?p ?o }\n", ":2:", "'binding' is one of"),
    ("# title: T\n# binding: values\n# binding: values\nSELECT ?s { ?s ?p ?o }\n", ":3:", "unknown header key"),
])
def test_header_errors_name_file_and_line(tmp_path, text, where, message):
    path = _write(tmp_path, text)
    with pytest.raises(catalogue.HeaderError) as info:
        catalogue.parse_query_file(path)
    assert f"{path}{where}" in str(info.value)
    assert message in str(info.value)


def test_header_is_parsed(tmp_path):
    path = _write(tmp_path, "# title: Things\n# description: all\n# description: things\n"
                            "# param: kind (class below mdkg:Commitment, optional) — a kind\n"
                            "# example: kind=Declaration\nSELECT ?kind ?c { ?c a ?kind }\n", "things.rq")
    query = catalogue.parse_query_file(path)
    assert (query.name, query.title, query.description) == ("things", "Things", "all things")
    (param,) = query.params
    assert (param.kind, param.optional, param.of_class) == (
        "class", True, "https://w3id.org/mdkg/ontology#Commitment")
    assert query.examples == ("kind=Declaration",)


# -- every query on the built graph --------------------------------------------------------
def test_rcp_topics_remittances_returns_puebla(built_client):
    rows = _rows(built_client, "rcp-topics", topic="remittances")
    assert ID + "process/puebla-process" in _values(rows, "process")
    assert _values(rows, "topic") == {ID + "topic/remittances"}
    everything = _rows(built_client, "rcp-topics")
    assert len(everything) > len(rows)
    assert ID + "topic/smuggling" in _values([r for r in everything if r["process"]["value"].endswith(
        "bali-process")], "topic")


def test_actors_on_topic_by_arabic_label(built_client):
    by_slug = _rows(built_client, "actors-on-topic", topic="trafficking")
    by_label = _rows(built_client, "actors-on-topic", topic="الإتجار بالبشر")  # other hamza form
    assert _values(by_slug, "actor") == _values(by_label, "actor")
    assert {ID + "org/unodc", ID + "process/bali-process"} <= _values(by_slug, "actor")


def test_gfmd_meetings_2008_in_manila_and_2009_hosted_by_greece(built_client):
    # The 2008 report says the Philippines *will* host the 2008 meeting (a planned host, not a host);
    # the 2011 report says Greece hosted the 2009 meeting.
    (row,) = _rows(built_client, "gfmd-meetings", year="2008")
    assert row["place"]["value"] == ID + "place/manila"
    assert "host" not in row
    assert row["start"]["value"] == "2008-10-29"
    (athens,) = _rows(built_client, "gfmd-meetings", year="2009")
    assert athens["host"]["value"] == ID + "state/GRC"
    assert "المهاجرين" in row["theme"]["value"]
    years = _values(_rows(built_client, "gfmd-meetings"), "year")
    assert {"2007", "2008", "2009", "2010", "2011"} <= years


def test_commitments_by_year(built_client):
    rows = _rows(built_client, "commitments-by-year", year="2006")
    assert _values(rows, "year") == {"2006"}
    assert ID + "commitment/mou-eca-iom-2006" in _values(rows, "commitment")


def test_commitments_by_actor(built_client):
    rows = _rows(built_client, "commitments-by-actor", actor="ACP")
    kinds = {k.rsplit("#", 1)[1] for k in _values(rows, "kind")}
    assert {"Declaration", "FundingCommitment", "Resolution"} <= kinds


def test_commitments_by_type(built_client):
    rows = _rows(built_client, "commitments-by-type", kind="Declaration")
    assert len(rows) >= 4
    assert ID + "org/asean" in _values(rows, "adopted_by")
    assert _rows(built_client, "commitments-by-type", kind="mdkg:Declaration") == rows


def test_funds_and_amounts(built_client):
    rows = _rows(built_client, "funds-and-amounts", currency="EUR")
    amounts = {float(v) for v in _values(rows, "amount")}
    assert 25_000_000 in amounts and _values(rows, "currency") == {"EUR"}
    assert ID + "org/acp" in _values(rows, "funder")


def test_memberships_of_the_gmg(built_client):
    rows = _rows(built_client, "memberships", group="GMG")
    assert {ID + "org/iom", ID + "org/unicef", ID + "org/world-bank"} <= _values(rows, "member")
    troika = _rows(built_client, "memberships", member="Philippines")
    assert ID + "body/gfmd-troika" in _values(troika, "group")


def test_fact_evidence_for_a_host(built_client):
    rows = _rows(built_client, "fact-evidence", subject="gfmd-2009", predicate="mdkg:hostedBy")
    assert _values(rows, "object") == {ID + "state/GRC"}
    assert any("اليونان" in r["text"]["value"] for r in rows)
    assert all(r["rule"]["value"] for r in rows)


def test_co_mentions(built_client):
    rows = _rows(built_client, "co-mentions", entity="remittances")
    assert ID + "topic/diaspora" in _values(rows, "other")
    assert ID + "topic/remittances" not in _values(rows, "other")


def test_persons_and_roles(built_client):
    rows = _rows(built_client, "persons-and-roles", affiliation="unesco")
    assert rows and _values(rows, "affiliation") == {ID + "org/unesco"}
    assert any("للفريق العالمي المعني بالهجرة" in r["role"]["value"] for r in rows if "role" in r)


@pytest.mark.parametrize("state", ["GRC", "Greece", "اليونان", ID + "state/GRC"])
def test_meetings_hosted_by_state(built_client, state):
    rows = _rows(built_client, "meetings-hosted-by-state", state=state)
    assert ID + "event/gfmd-2009" in _values(rows, "meeting")


def test_un_entities_topics(built_client):
    rows = _rows(built_client, "un-entities-topics", entity="UNFPA")
    assert {ID + "topic/gender", ID + "topic/health"} <= _values(rows, "topic")
    assert ID + "org/ohchr" in _values(_rows(built_client, "un-entities-topics", topic="human-rights"), "entity")


def test_publications_cited(built_client):
    rows = _rows(built_client, "publications-cited")
    assert "ECA/SDD/06/01" in _values(rows, "symbol")
    assert "https://undocs.org/ECA/SDD/06/01" in _values(rows, "link")


def test_meeting_sessions(built_client):
    rows = _rows(built_client, "meeting-sessions", meeting="gfmd-2011-cluster-3")
    assert ID + "state/MDA" in _values(rows, "chair")


def test_recommendations(built_client):
    rows = _rows(built_client, "recommendations", session="gfmd-2011-session-1-1")
    assert len(_values(rows, "recommendation")) >= 3


def test_paragraph_search_query(built_client):
    rows = _rows(built_client, "paragraph-search", words="التحويلات المالية")
    assert len(rows) >= 10
    assert all("تحويلات" in r["text"]["value"] or "التحويلات" in r["text"]["value"] for r in rows)


def test_documents(built_client):
    rows = _rows(built_client, "documents")
    assert {r["file"]["value"] for r in rows} == {
        "2008-sg-report-international-migration-and-development.ar.md",
        "2011-gfmd-swiss-chair-report.ar.txt"}


def test_entity_mentions(built_client):
    rows = _rows(built_client, "entity-mentions", entity="IOM")
    assert "المنظمة الدولية للهجرة" in _values(rows, "exact")


def test_topics(built_client):
    rows = _rows(built_client, "topics")
    assert len(rows) == 34
    assert "remittances" in _values(rows, "notation")


def test_graph_summary(built_client):
    row = _rows(built_client, "graph-summary")[0]
    assert row["documents"]["value"] == "2" and int(row["paragraphs"]["value"]) > 300
    assert int(row["facts"]["value"]) > 500 and row["built"]["value"][:2] == "20"


def test_entity_counts(built_client):
    counts = {r["class"]["value"]: int(r["entities"]["value"]) for r in _rows(built_client, "entity-counts")}
    mdkg = "https://w3id.org/mdkg/ontology#"
    assert counts[mdkg + "Process"] >= counts[mdkg + "GlobalProcess"] + counts[mdkg + "RegionalConsultativeProcess"]
    assert counts[mdkg + "Commitment"] >= counts[mdkg + "Declaration"] + counts[mdkg + "Recommendation"]
    assert counts[mdkg + "State"] >= 190 and counts[mdkg + "Organization"] > counts[mdkg + "UNEntity"]


def test_entities_of_kind(built_client):
    rows = _rows(built_client, "entities-of-kind", **{"class": "mdkg:Organization"})
    assert ID + "org/iom" in _values(rows, "entity")
    assert {"UNEntity", "InternationalOrganization"} <= {t.rsplit("#", 1)[1] for t in _values(rows, "type")}
    iom = next(r for r in rows if r["entity"]["value"] == ID + "org/iom")
    assert iom["notation"]["value"] == "IOM" and int(iom["paragraphs"]["value"]) > 5
    docs = _rows(built_client, "entities-of-kind", **{"class": "mdkg:Document"})
    assert len(docs) == 2 and all(int(r["paragraphs"]["value"]) > 50 for r in docs)


def test_process_topic_matrix(built_client):
    rows = _rows(built_client, "process-topic-matrix")
    pairs = {(r["process"]["value"], r["topic"]["value"]) for r in rows}
    rcp = {(r["process"]["value"], r["topic"]["value"]) for r in _rows(built_client, "rcp-topics")
           if int(r["paragraphs"]["value"]) > 0}
    assert rcp <= pairs  # every RCP cell of the older query, plus the global processes
    assert any(p == ID + "process/gfmd" for p, _ in pairs)
    assert all(int(r["paragraphs"]["value"]) >= 1 for r in rows)


def test_meeting_timeline(built_client):
    rows = _rows(built_client, "meeting-timeline")
    meetings = [r["meeting"]["value"] for r in rows]
    assert len(meetings) == len(set(meetings))  # one row per meeting
    manila = next(r for r in rows if r["meeting"]["value"] == ID + "event/gfmd-2008")
    assert manila["place"]["value"] == ID + "place/manila"
    assert manila["year"]["value"] == "2008" and manila["process"]["value"] == ID + "process/gfmd"
    hosted = built_client.get("/sparql", query_string={"query": (
        "SELECT DISTINCT ?m ?h WHERE { ?m a <https://w3id.org/mdkg/ontology#Meeting> ; "
        "<https://w3id.org/mdkg/ontology#hostedBy> ?h }")}, headers={"Accept": "application/sparql-results+json"})
    hosts = {(b["m"]["value"], b["h"]["value"]) for b in hosted.json["results"]["bindings"]}
    for row in rows:  # the host shown is one the graph states for that meeting
        if "host" in row:
            assert (row["meeting"]["value"], row["host"]["value"]) in hosts
            assert row["host_en"]["value"]


def test_meeting_places(built_client):
    rows = _rows(built_client, "meeting-places")
    manila = next(r for r in rows if r["place"]["value"] == ID + "place/manila")
    assert 14 < float(manila["lat"]["value"]) < 15 and 120 < float(manila["long"]["value"]) < 122
    assert int(manila["meetings"]["value"]) >= 1 and manila["state"]["value"] == ID + "state/PHL"


def test_state_involvement(built_client):
    rows = _rows(built_client, "state-involvement")
    che = next(r for r in rows if r["state"]["value"] == ID + "state/CHE")
    assert che["m49"]["value"] == "756" and int(che["paragraphs"]["value"]) > 10
    counts = [int(r["paragraphs"]["value"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_paragraph_citations(built_client):
    rows = _rows(built_client, "paragraph-citations")
    assert {r["kind"]["value"].rsplit("#", 1)[1] for r in rows} == {"Paragraph", "Footnote"}
    assert all("title_en" in r and "date" in r for r in rows)
    assert any("number" not in r for r in rows) or all("order" in r for r in rows)


def test_bindings_answer_the_same_rows_and_escape_terms(tmp_path):
    """``# binding: values`` writes the terms in a VALUES block, ``inline`` where the variable stands, both
    from pyoxigraph's N-Triples syntax: the same rows as substitutions on a real store, and a literal
    holding SPARQL syntax stays a literal (it matches itself, it adds no pattern)."""
    import pyoxigraph as ox
    body = "SELECT ?name ?s WHERE { ?s <http://ex.org/name> ?name }\n"
    head = "# title: T\n# param: name (string) — n\n"
    by = {mode: catalogue.parse_query_file(_write(tmp_path, head + (f"# binding: {mode}\n" if mode else "") + body,
                                                  f"{mode or 'default'}.rq"))
          for mode in ("", "values", "inline")}
    assert [q.binding for q in by.values()] == ["substitutions", "values", "inline"]
    tricky = ox.Literal('a" } ?s ?p ?o . FILTER(true) {')
    assert by[""].prepared({"name": tricky}) == (by[""].text, {"name": tricky})
    text, subs = by["values"].prepared({"name": tricky})
    assert subs == {} and "VALUES (?name) { (" + str(tricky) + ") }" in text
    text, subs = by["inline"].prepared({"name": tricky})
    assert subs == {} and text.count(str(tricky)) == 2 and "(" + str(tricky) + " AS ?name)" in text
    st = ox.Store()
    for i, name in enumerate(["plain", tricky.value, "other"]):
        st.add(ox.Quad(ox.NamedNode(f"http://ex.org/{i}"), ox.NamedNode("http://ex.org/name"), ox.Literal(name)))
    for raw in ("plain", tricky.value, "absent"):
        answers = [sorted((str(r["name"]), str(r["s"])) for r in catalogue.run_local(st, q, {"name": raw}))
                   for q in by.values()]
        assert answers[0] == answers[1] == answers[2] and len(answers[0]) == (raw != "absent"), answers


def test_binding_inline_must_parse_with_the_terms_written_in(tmp_path):
    """A parameter projected by a sub-select cannot take a term in its place: the file is refused."""
    path = _write(tmp_path, "# title: T\n# param: o (iri) — o\n# binding: inline\n"
                            "SELECT ?o ?s WHERE { { SELECT ?o ?s WHERE { ?s ?p ?o } } }\n", "sub.rq")
    with pytest.raises(catalogue.HeaderError, match=r"sub\.rq:4: .*binding: inline"):
        catalogue.parse_query_file(path)

def test_question_headers(tmp_path):
    path = _write(tmp_path, "# title: T\n# question: Who?\n# question-ar: من؟\nSELECT * WHERE { ?s ?p ?o }\n", "q.rq")
    query = catalogue.parse_query_file(path)
    assert query.question("en") == "Who?" and query.question("ar") == "من؟"
    assert query.as_json()["questions"] == {"en": "Who?", "ar": "من؟"}
    bare = catalogue.parse_query_file(_write(tmp_path, "# title: T\nSELECT * WHERE { ?s ?p ?o }\n", "b.rq"))
    assert bare.question("ar") == "T"
    with pytest.raises(catalogue.HeaderError, match=r"r\.rq:3"):
        catalogue.parse_query_file(_write(tmp_path, "# title: T\n# question: A?\n# question: B?\nSELECT * WHERE { ?s ?p ?o }\n", "r.rq"))


def test_every_bundled_query_is_tested():
    tested = {name.split("test_", 1)[1] for name in globals() if name.startswith("test_")}
    names = catalogue.load_catalogue(data_dir("queries"))
    covered = {n for n in names if any(n.replace("-", "_") in t for t in tested)}
    assert covered | {"rcp-topics", "fact-evidence"} >= set(names) - {"paragraph-search"}


# -- HTTP behaviour ------------------------------------------------------------------------
def test_catalogue_negotiated(built_client):
    data = built_client.get("/queries").json
    names = {q["name"] for q in data["queries"]}
    assert "rcp-topics" in names
    html = built_client.get("/queries", headers={"Accept": "text/html"})
    assert html.headers["Content-Type"].startswith("text/html")
    assert "Regional consultative processes and the topics they address" in html.text


@pytest.mark.parametrize("params,message", [
    ({"colour": "red"}, "unknown parameter 'colour'"),
    ({"topic": "no-such-topic-at-all"}, "nothing in the graph matches"),
    ({"topic": ID + "state/PHL"}, "is not a iri of class mdkg:Topic"),
])
def test_bad_parameters_are_400(built_client, params, message):
    response = built_client.get("/queries/rcp-topics", query_string=params)
    assert response.status_code == 400 and message in response.text


def test_bad_year_and_missing_param_are_400(built_client):
    response = built_client.get("/queries/gfmd-meetings", query_string={"year": "20x8"})
    assert response.status_code == 400 and "xsd:gYear" in response.text
    response = built_client.get("/queries/actors-on-topic")
    assert response.status_code == 400 and "needs the parameter(s) topic" in response.text
    assert built_client.get("/queries/nope").status_code == 404


@pytest.mark.parametrize("fmt,media_type", [("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                                            ("xml", "application/sparql-results+xml")])
def test_result_formats(built_client, fmt, media_type):
    response = built_client.get("/queries/rcp-topics",
                            query_string={"topic": "remittances", "format": fmt})
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(media_type)
    assert "puebla-process" in response.text
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))
        assert ID + "process/puebla-process" in {r["process"] for r in rows}


def test_html_result_page_escapes_and_shows_rows(built_client):
    response = built_client.get("/queries/gfmd-meetings", query_string={"year": "2008"},
                            headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "Manila" in response.text and "1 rows" in response.text
    assert '&#34;GFMD&#34;' in response.text or "&quot;GFMD&quot;" in response.text


def test_run_local_for_the_cli(built_store):
    store = store_mod.open_read_only(built_store)
    queries = catalogue.load_catalogue(data_dir("queries"))
    rows = list(catalogue.run_local(store, queries["rcp-topics"],
                                    catalogue.parse_param_options(["topic=Remittances"])))
    assert ID + "process/puebla-process" in {r["process"].value for r in rows}
    with pytest.raises(catalogue.ParamError):
        catalogue.parse_param_options(["topic"])


def test_catalogue_and_query_pages_are_site_pages_in_both_languages(built_client):
    ar = built_client.get("/queries", query_string={"lang": "ar"}, headers={"Accept": "text/html"})
    assert '<html lang="ar" dir="rtl">' in ar.text and "<h1>الاستعلامات المسمّاة</h1>" in ar.text
    assert "pages.css" in ar.text and ar.headers["Content-Language"] == "ar"
    assert "Content-Security-Policy" in ar.headers
    en = built_client.get("/queries/gfmd-meetings", query_string={"year": "2008", "lang": "en"},
                      headers={"Accept": "text/html"})
    assert en.status_code == 200 and '<html lang="en" dir="ltr">' in en.text
    assert "1 rows." in en.text and 'name="lang" value="en"' in en.text
    assert "year=2008&amp;lang=ar" in en.text          # the language switch keeps the parameters


def test_every_example_answers_on_the_bundled_build(built_client):
    """A researcher who clicks a query's example gets rows: an example that answers nothing on the
    bundled build shows the query off as broken."""
    from urllib.parse import parse_qsl
    empty = []
    for query in catalogue.load_catalogue(data_dir("queries")).values():
        for example in query.examples:
            if not _rows(built_client, query.name, **dict(parse_qsl(example))):
                empty.append((query.name, example))
    assert not empty, empty
