"""Texts without paragraph numbers: paragraphs, headings, datelines, kinds of document, metadata
fallbacks, and the build of such texts into a SHACL-valid store (real pipeline, real Oxigraph)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_builder.text.corpus import read_document
from graph_builder.text.dateline import find_dateline
from graph_builder.text.doc_kind import guess_kind, kinds, title_kind
from graph_builder.build.pipeline import build
from graph_builder.resources import default_corpus
from graph_builder.text.unnumbered import parse_unnumbered

DATA = Path(__file__).parent / "data" / "documents"
PRESS = DATA / "press-release-rabat.ar.txt"
MDKG = "https://w3id.org/mdkg/ontology#"


# ---------------------------------------------------------------- paragraphs and headings

def test_paragraphs_at_blank_lines_and_at_line_breaks_that_end_a_sentence():
    text = ("عنوان الوثيقة\n\n"
            "السطر الأول من فقرة طويلة\nيكمل هنا وينتهي بنقطة.\nفقرة ثانية بعد سطر انتهت جملته.\n\n"
            "مقدمة\n\nفقرة ثالثة تحت العنوان الفرعي، وهي تنتهي بنقطة.\n")
    parsed = parse_unnumbered(text, Path("x.txt"))
    assert parsed.front_headings == ["عنوان الوثيقة"]
    assert [p.text for p in parsed.paragraphs] == [
        "السطر الأول من فقرة طويلة يكمل هنا وينتهي بنقطة.", "فقرة ثانية بعد سطر انتهت جملته.",
        "فقرة ثالثة تحت العنوان الفرعي، وهي تنتهي بنقطة."]
    assert [p.number for p in parsed.paragraphs] == [None, None, None]
    assert [p.order for p in parsed.paragraphs] == [1, 2, 3]
    assert [s.heading for s in parsed.sections] == ["مقدمة"]
    assert parsed.paragraphs[2].section is parsed.sections[0] and parsed.paragraphs[0].section is None


def test_clause_ending_lines_and_bullets_are_paragraphs_not_headings():
    text = ("إعلان\n\nنتعهد بما يلي:\n\nحماية العمال المهاجرين؛\n\nخفض تكاليف الاستقدام؛\n\n"
            "• تيسير التحويلات\n• دعم العائدين\n\nصدر في المدينة.\n")
    parsed = parse_unnumbered(text, Path("x.txt"))
    assert parsed.sections == []
    assert [p.text for p in parsed.paragraphs] == [
        "نتعهد بما يلي:", "حماية العمال المهاجرين؛", "خفض تكاليف الاستقدام؛", "• تيسير التحويلات",
        "• دعم العائدين", "صدر في المدينة."]


def test_ordinal_and_marked_headings_get_their_levels():
    text = ("# عنوان\n\nأولا - خلفية\n\nنص الفقرة الأولى.\n\nألف - تفاصيل\n\nنص الفقرة الثانية.\n\n"
            "## الخطوات المقبلة\n\nنص الفقرة الثالثة.\n")
    parsed = parse_unnumbered(text, Path("x.md"))
    assert parsed.front_headings == ["عنوان"]
    assert [(s.label, s.level) for s in parsed.sections] == [("أولا", 1), ("ألف", 2), ("", 1)]
    assert parsed.sections[1].parent is parsed.sections[0]


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("line, place, iso, rest", [
    ("جنيف، 3 آذار/مارس 2016 — وقعت المنظمة", "جنيف", "2016-03-03", "وقعت المنظمة"),
    ("برلين – 30 يونيو 2017 (ومع) - اختتمت أشغال", "برلين", "2017-06-30", "اختتمت أشغال"),
    ("أثينا - الخميس 5 نوفمبر 2009", "أثينا", "2009-11-05", ""),
    ("بغداد / 17 أيار 2014 / واع", "بغداد", "2014-05-17", ""),
    ("بيروت، 25 كانون الثاني 2020 (الوكالة الوطنية للإعلام) - شارك لبنان", "بيروت", "2020-01-25", "شارك لبنان"),
    ("نوسا دوا، بالي، 23 آذار/مارس 2016", "نوسا دوا، بالي", "2016-03-23", ""),
    ("الكويت - 18/10/2015 (كونا) - اختتمت", "الكويت", "2015-10-18", "اختتمت"),
])
def test_datelines_give_place_and_date(line, place, iso, rest):
    found = find_dateline(line)
    assert found is not None
    assert (found.place, found.iso_date, line[found.end:]) == (place, iso, rest)


def test_a_dateline_without_year_is_found_but_gives_no_full_date():
    found = find_dateline("دكا في 12 ديسمبر / وام / شاركت دولة الإمارات")
    assert (found.place, found.agency, found.iso_date, found.year_missing) == ("دكا", "وام", "", True)
    assert (found.date.month, found.date.day) == (12, 12)


@pytest.mark.parametrize("line", ["في 3 آذار/مارس 2014، عقد الاجتماع الأول", "نحن، الوزراء المجتمعين في دكا",
                                  "عقدت الجمعية العامة في عام 2006 حوارا رفيع المستوى."])
def test_sentences_are_not_datelines(line):
    assert find_dateline(line) is None


@pytest.mark.parametrize("line, iso", [("صدر في دكا في 21 أبريل 2011.", "2011-04-21"),
                                       ("وحرر في جنيف يوم 3 آذار/مارس 2016", "2016-03-03"),
                                       ("صدر في دكا في أبريل 2011.", ""),
                                       ("وصدر عن الاجتماع بيان ختامي في 21 أبريل 2011 تناول فيه الوزراء قضايا العمالة "
                                        "المتعاقدة وتكاليف الاستقدام وحماية العمال في بلدان المقصد.", ""),
                                       ("انعقد الاجتماع في 21 أبريل 2011.", "")])
def test_a_declarations_closing_line_gives_its_date(line, iso):
    from graph_builder.text.dateline import closing_date
    assert closing_date(line) == iso


# Regional month names (Moroccan, Algerian) and the day written "فاتح": the dateline finds the
# span, the value parser (graph_builder/values/) reads the date.
@pytest.mark.parametrize("line, iso, agency", [
    ("الرباط - فاتح يوليوز 2017 (ومع) - أعلن", "2017-07-01", "ومع"),
    ("الجزائر - 27 فيفري 2018 (واج) - احتضن", "2018-02-27", "واج"),
    ("أبوظبي في 2016-12-10 / وام / أعلنت", "2016-12-10", "وام"),
])
def test_regional_datelines_give_their_date(line, iso, agency):
    found = find_dateline(line)
    assert (found.iso_date, found.agency) == (iso, agency)


# ---------------------------------------------------------------- kinds

def test_every_kind_has_an_ontology_term():
    g = ox.Store()
    g.load(path=str(default_corpus().parent / "ontology" / "mdkg.ttl"), format=ox.RdfFormat.TURTLE)
    for spec in kinds().values():
        term = ox.NamedNode(MDKG + spec["term"])
        labels = {q.object.language for q in g.quads_for_pattern(term, ox.NamedNode(
            "http://www.w3.org/2000/01/rdf-schema#label"), None)}
        assert labels == {"en", "ar"}, spec["term"]
        assert list(g.quads_for_pattern(term, None, ox.NamedNode(MDKG + "DocumentKind")))


@pytest.mark.parametrize("title, numbered, fmt, dateline, kind", [
    ("المنتدى العالمي 2012: موجز الرئيس عن الاجتماع السادس", False, "text", False, "summary"),
    ("تقرير الرئاسة عن الاجتماع الرابع", False, "text", False, "report"),
    ("إعلان دكا الصادر عن المشاورة الوزارية", False, "text", False, "declaration"),
    ("الإمارات تشارك في القمة", False, "text", True, "press-release"),
    ("الهجرة الدولية والتنمية", True, "text", False, "report"),
    ("صفحة عن الهجرة", False, "html", True, "web-page"),
    ("ملاحظاتي عن الاجتماع", False, "text", False, "note"),
])
def test_kind_is_guessed_from_title_numbering_format_and_dateline(title, numbered, fmt, dateline, kind):
    assert guess_kind(title, numbered, fmt, dateline)[0] == kind


def test_a_kind_word_inside_a_title_does_not_count():
    assert title_kind("المنظمة توقع مذكرة تفاهم مع الحكومة") == ""


# ---------------------------------------------------------------- metadata

def test_press_release_metadata_from_dateline_and_first_line():
    doc = read_document(PRESS)
    assert doc.date == "2019-10-14" and doc.kind == "press-release"
    assert doc.title_ar.startswith("المنظمة الدولية للهجرة والمغرب")
    assert doc.dateline["place"] == "الرباط"
    assert {"date", "title", "kind"} <= set(doc.guessed)
    assert any("title" in i.message and "first heading" in i.message for i in doc.notices)
    assert [p.number for p in doc.paragraphs] == [None] * 5
    assert doc.paragraphs[1].text.startswith("ووقع المذكرة") and "وزير الداخلية. وتنص" in doc.paragraphs[1].text
    assert doc.paragraphs[2].text.startswith("وستعقد المنظمة")


def test_manifest_values_win_over_the_dateline():
    doc = read_document(PRESS, {"date": "2019-10-15", "title_ar": "عنوان", "kind": "note"})
    assert (doc.date, doc.title_ar, doc.kind) == ("2019-10-15", "عنوان", "note")
    assert "date" not in doc.guessed and "kind" not in doc.guessed


def test_un_header_block_gives_date_and_symbol(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Distr.: General\n12 March 2015\nA/70/59\n\nمذكرة من الأمانة العامة\n\n"
                    "تقدم هذه المذكرة موجزا عن أعمال الفريق العامل.\n", encoding="utf-8")
    doc = read_document(path)
    assert (doc.date, doc.symbol, doc.title_ar, doc.kind) == ("2015-03-12", "A/70/59", "مذكرة من الأمانة العامة", "note")


def test_a_numbered_list_inside_a_press_text_does_not_make_it_a_report(tmp_path):
    path = tmp_path / "press.txt"
    path.write_text("خبر\n\nجنيف، 3 آذار/مارس 2016 — اتفق المشاركون على ما يلي وهو نص طويل يشرح الاتفاق كله "
                    "ويذكر تفاصيله كلها في جمل كثيرة متتابعة لا رقم لها.\n\n1 - التعاون.\n\n"
                    "وأضاف البيان أن المشاركين سيجتمعون مرة أخرى في العام المقبل لمتابعة تنفيذ ما اتفقوا عليه.\n",
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "press-release" and [p.number for p in doc.paragraphs] == [None, None, None]


# ---------------------------------------------------------------- the build

@pytest.fixture(scope="module")
def unnumbered_store(tmp_path_factory):
    """A corpus of the test press release and the bundled 2011 report under another file name,
    neither with a manifest entry, built by the real pipeline."""
    root = tmp_path_factory.mktemp("unnumbered")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(PRESS, corpus / PRESS.name)
    shutil.copy(default_corpus() / "2011-gfmd-swiss-chair-report.ar.txt", corpus / "copy-of-a-report.txt")
    result = build(corpus, root / "store")
    return result, ox.Store.read_only(str(result.build_dir))


def _select(store, query):
    return [[t.value if t is not None else None for t in s] for s in store.query(
                "PREFIX mdkg: <https://w3id.org/mdkg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                + query, use_default_graph_as_union=True)]


def test_unnumbered_and_unlisted_documents_build_with_warnings(unnumbered_store):
    result, _ = unnumbered_store
    assert {d.slug for d in result.documents} == {"press-release-rabat", "copy-of-a-report"}
    assert result.validated_documents == 2
    assert any("copy-of-a-report.txt: no title in the manifest" in w for w in result.warnings)
    assert any("no date found" in w and "copy-of-a-report" in w for w in result.warnings)


def test_paragraphs_have_order_and_a_number_only_where_printed(unnumbered_store):
    _, store = unnumbered_store
    rows = _select(store, """SELECT ?doc (COUNT(?p) AS ?n) (COUNT(?num) AS ?numbered) WHERE {
        ?p a mdkg:Paragraph ; mdkg:inDocument ?doc ; mdkg:order ?o . OPTIONAL { ?p mdkg:paragraphNumber ?num } }
        GROUP BY ?doc""")
    counts = {doc.rsplit("/", 1)[-1]: (int(n), int(k)) for doc, n, k in rows}
    assert counts["press-release-rabat"] == (5, 0)
    assert counts["copy-of-a-report"][0] == counts["copy-of-a-report"][1] > 200


def test_kind_date_and_title_are_in_the_graph(unnumbered_store):
    _, store = unnumbered_store
    rows = _select(store, """SELECT ?doc ?kind ?date ?title WHERE { ?doc a mdkg:Document ;
        mdkg:documentKind ?kind ; dcterms:title ?title . OPTIONAL { ?doc dcterms:date ?date } }""")
    got = {doc.rsplit("/", 1)[-1]: (kind.rsplit("#", 1)[-1], date, title) for doc, kind, date, title in rows}
    assert got["press-release-rabat"][:2] == ("PressRelease", "2019-10-14")
    assert got["copy-of-a-report"][0] == "Report" and got["copy-of-a-report"][1] is None
    assert got["copy-of-a-report"][2].startswith("أولا - شكر وتقدير")


def test_facts_of_the_press_release_cite_its_unnumbered_paragraphs(unnumbered_store):
    _, store = unnumbered_store
    rows = _select(store, """SELECT ?party ?order WHERE { GRAPH <https://w3id.org/mdkg/graph/press-release-rabat> {
        ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> mdkg:party ;
            <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?party ;
            <http://www.w3.org/ns/prov#wasDerivedFrom> ?p . ?p mdkg:order ?order } }""")
    assert {(party.rsplit("/", 1)[-1], int(order)) for party, order in rows} >= {("iom", 1), ("MAR", 1)}


def test_pages_serve_unnumbered_paragraphs_with_their_evidence(unnumbered_store, tmp_path):
    """The production server on that store: a paragraph without a number has its page (text,
    highlighted mentions), and the document's page shows its kind."""
    import requests
    from graph_builder.build.store import resolve
    from graph_builder.namespaces import Base
    from serverutil import start_server
    result, _ = unnumbered_store
    server = start_server(result.store, tmp_path / "server.log")
    try:
        base = Base()
        para = base.paragraph("press-release-rabat", 1).value
        r = requests.get(server.url + "/page/" + para[len(base.iri) + 3:] + "?lang=ar", timeout=30)
        assert r.status_code == 200 and "وقعت المنظمة الدولية للهجرة" in r.text
        assert '<a href="/page/org/iom?lang=ar"' in r.text
        doc = base.document("press-release-rabat").value
        page = requests.get(server.url + "/page/" + doc[len(base.iri) + 3:] + "?lang=en", timeout=30)
        assert page.status_code == 200 and "press release" in page.text.lower()
    finally:
        server.stop()
    assert resolve(result.store) == result.build_dir


# ---------------------------------------------------------------- bylines: an office and a name on a line of their own

_MESSAGE = "رسالة بمناسبة اليوم الدولي\n\nيحق لكل مهاجر أن يتمتع بحقوقه كاملة.\n\n{line}\n\nوتبقى الهجرة مصدرا للتنمية المشتركة.\n"


@pytest.mark.parametrize("line", [
    "الأمين العام للأمم المتحدة كوفي عنان",                      # a message signed under the text
    "المديرة العامة للمنظمة الدولية للهجرة السيدة ليلى حداد",      # an office, a courtesy title, a name
    "السفير رامي الخطيب، رئيس المنتدى",                          # a title and a name, the office after a comma
])
def test_a_byline_is_a_paragraph_not_a_heading(line):
    parsed = parse_unnumbered(_MESSAGE.format(line=line), Path("x.txt"))
    assert line in [p.text for p in parsed.paragraphs]
    assert parsed.sections == []


@pytest.mark.parametrize("line", [
    "الجلسة الافتتاحية",             # a session heading
    "الأمين العام",                  # an office alone names no one: a heading
    "الرئيس المشارك: السيد فريد",     # a chair's report's role line is not a byline
    "التوصيات الرئيسية للاجتماع",     # a heading that opens with no office
])
def test_a_heading_is_no_byline(line):
    parsed = parse_unnumbered(_MESSAGE.format(line=line), Path("x.txt"))
    assert line not in [p.text for p in parsed.paragraphs]


def test_the_person_of_a_byline_is_read_with_office_and_organisation(matcher, gazetteer):
    from actor_sentences import actor_facts
    parsed = parse_unnumbered(_MESSAGE.format(line="الأمين العام للأمم المتحدة كوفي عنان"), Path("x.txt"))
    byline = next(p.text for p in parsed.paragraphs if "عنان" in p.text)
    persons, roles, affs, _ = actor_facts(byline, matcher, gazetteer)
    assert ("كوفي عنان", "الأمين العام للأمم المتحدة") in roles
    assert ("كوفي عنان", "un") in affs
