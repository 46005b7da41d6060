"""The build's cross-document meeting identity table (graph_builder/build/meeting_identity.py): one meeting named by
its ordinal in one text, by its city and year in another, joined to the key a text that gives both learned (process
+ year); negatives: two meetings of one process in different years, a planned next meeting, a city where two
processes met, ordinals that disagree. Every document is the author's own, in several registers (UN style, Gulf,
Maghrebi and Levantine press)."""
from __future__ import annotations

from pathlib import Path

from graph_builder.build import meeting_identity
from graph_builder.build.pipeline import analyse, build
from graph_builder.build.store import open_read_only
from graph_builder.namespaces import MDKG, Base
from graph_builder.recognise.gazetteer import load_gazetteer
from graph_builder.recognise.matcher import Matcher
from graph_builder.text.model import Document, Paragraph

_GAZ = load_gazetteer()
_MATCHER = Matcher(_GAZ)
_BASE = Base()
_PREDICATES = ("partOf", "year", "ordinal", "location")

# A UN-style report that gives the Forum's eighth meeting its year and city: what the table learns from.
UN_BOTH = "وعقد الاجتماع الثامن للمنتدى العالمي للهجرة والتنمية في إسطنبول في 14 تشرين الأول/أكتوبر 2015 بمشاركة 140 دولة."
# Gulf press: the same meeting by its ordinal only.
GULF_ORDINAL = "وشارك وفد الدولة في أعمال الاجتماع الثامن للمنتدى العالمي للهجرة والتنمية، حيث ألقى الوزير كلمة."
# Maghrebi press: the same meeting by its city and year only.
MAGHREB_CITY = "واختتمت أمس أعمال منتدى إسطنبول 2015 حول الهجرة والتنمية بمشاركة وفود 140 دولة."


def _doc(slug: str, date: str, *paragraphs: str) -> Document:
    return Document(path=Path(slug + ".txt"), slug=slug, date=date, sections=[],
                    paragraphs=[Paragraph(number=i + 1, text=t, order=i + 1, line=i + 1) for i, t in enumerate(paragraphs)])


def _iri(slug: str) -> str:
    return _BASE.id("event", slug).value


def rows(*docs: Document) -> list[tuple[str, str, str]]:
    """The (event, predicate, object) rows the build's facts graph gives the table, from each document's facts."""
    out = []
    for d in docs:
        for f in analyse(d, _MATCHER, _GAZ).facts:
            if f.subject.kind != "event":
                continue
            s = _iri(f.subject.slug)
            out.append((s, "type", MDKG[f.subject.cls].value))
            if f.predicate in _PREDICATES:
                o = _BASE.id(f.object.kind, f.object.slug).value if hasattr(f.object, "slug") else f.object.lexical
                out.append((s, f.predicate, o))
    return out


def test_a_meeting_by_its_ordinal_in_one_text_and_its_city_and_year_in_another_is_one_meeting():
    table = meeting_identity.table(rows(_doc("un", "2015-10-20", UN_BOTH), _doc("gulf", "", GULF_ORDINAL),
                                        _doc("maghreb", "", MAGHREB_CITY)))
    assert table == {_iri("gfmd-meeting-8"): _iri("gfmd-2015"), _iri("forum-istanbul-2015"): _iri("gfmd-2015")}


def test_without_a_text_that_gives_both_keys_nothing_is_joined():
    assert meeting_identity.table(rows(_doc("gulf", "", GULF_ORDINAL), _doc("maghreb", "", MAGHREB_CITY))) == {}


def test_two_meetings_of_one_process_in_different_years_are_not_joined():
    later = ("وانعقد الاجتماع التاسع للمنتدى العالمي للهجرة والتنمية في دكا في 10 كانون الأول/ديسمبر 2016.")
    table = meeting_identity.table(rows(_doc("un", "2015-10-20", UN_BOTH), _doc("un2", "2016-12-12", later),
                                        _doc("gulf", "", GULF_ORDINAL)))
    assert table == {_iri("gfmd-meeting-8"): _iri("gfmd-2015")}
    assert _iri("gfmd-2016") not in table and _iri("gfmd-2015") not in table


def test_a_planned_next_meeting_teaches_no_key():
    planned = "ومن المقرر أن يعقد الاجتماع التاسع للمنتدى العالمي للهجرة والتنمية في دكا عام 2016."
    ninth = "وأكد السفير أن بلاده ستشارك في أعمال الاجتماع التاسع للمنتدى العالمي للهجرة والتنمية."
    table = meeting_identity.table(rows(_doc("preview", "2015-10-20", planned), _doc("levant", "", ninth)))
    assert _iri("gfmd-meeting-9") not in table


def test_a_key_two_texts_give_two_years_is_not_joined():
    both = [(_iri("gfmd-2011"), "type", MDKG.Meeting.value), (_iri("gfmd-2011"), "partOf", _BASE.id("process", "gfmd").value),
            (_iri("gfmd-2011"), "year", "2011"), (_iri("gfmd-2011"), "location", _BASE.id("place", "geneva").value),
            (_iri("gfmd-2020"), "type", MDKG.Meeting.value), (_iri("gfmd-2020"), "partOf", _BASE.id("process", "gfmd").value),
            (_iri("gfmd-2020"), "year", "2020"), (_iri("gfmd-2020"), "location", _BASE.id("place", "geneva").value),
            (_iri("gfmd-geneva"), "type", MDKG.Meeting.value), (_iri("gfmd-geneva"), "partOf", _BASE.id("process", "gfmd").value),
            (_iri("gfmd-geneva"), "location", _BASE.id("place", "geneva").value)]
    assert meeting_identity.table(both) == {}


def test_ordinals_that_disagree_are_not_one_meeting():
    r = [(_iri("gfmd-2015"), "type", MDKG.Meeting.value), (_iri("gfmd-2015"), "partOf", _BASE.id("process", "gfmd").value),
         (_iri("gfmd-2015"), "year", "2015"), (_iri("gfmd-2015"), "ordinal", "8"),
         (_iri("gfmd-2015"), "location", _BASE.id("place", "istanbul").value),
         (_iri("gfmd-istanbul"), "type", MDKG.Meeting.value), (_iri("gfmd-istanbul"), "partOf", _BASE.id("process", "gfmd").value),
         (_iri("gfmd-istanbul"), "ordinal", "3"), (_iri("gfmd-istanbul"), "location", _BASE.id("place", "istanbul").value)]
    assert meeting_identity.table(r) == {}


def test_a_workshop_of_a_meeting_in_its_city_is_not_that_meeting_nor_another_process_meeting():
    geneva, dhaka = _BASE.id("place", "geneva").value, _BASE.id("place", "dhaka").value
    r = [(_iri("gfmd-2011"), "type", MDKG.Meeting.value), (_iri("gfmd-2011"), "partOf", _BASE.id("process", "gfmd").value),
         (_iri("gfmd-2011"), "year", "2011"), (_iri("gfmd-2011"), "location", geneva),
         (_iri("colombo-process-2011"), "type", MDKG.Meeting.value),
         (_iri("colombo-process-2011"), "partOf", _BASE.id("process", "colombo-process").value),
         (_iri("colombo-process-2011"), "year", "2011"), (_iri("colombo-process-2011"), "location", dhaka)]
    for part, place in (("gfmd-2011-seminar-geneva", geneva), ("gfmd-2011-workshop-dhaka", dhaka)):
        r += [(_iri(part), "type", MDKG.Meeting.value), (_iri(part), "partOf", _iri("gfmd-2011")),
              (_iri(part), "year", "2011"), (_iri(part), "location", place)]
    assert meeting_identity.table(r) == {}
    r += [(_iri("forum-dhaka-2011"), "type", MDKG.Meeting.value), (_iri("forum-dhaka-2011"), "year", "2011"),
          (_iri("forum-dhaka-2011"), "location", dhaka)]          # a meeting of no process there that year still is
    assert meeting_identity.table(r) == {_iri("forum-dhaka-2011"): _iri("colombo-process-2011")}


def test_the_build_records_the_table_in_its_meeting_identity_graph(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-un.ar.txt").write_text(UN_BOTH + "\n", encoding="utf-8")
    (corpus / "b-gulf.ar.txt").write_text(GULF_ORDINAL + "\n", encoding="utf-8")
    (corpus / "manifest.toml").write_text('["a-un.ar.txt"]\ndate = "2015-10-20"\n', encoding="utf-8")
    store = tmp_path / "store"
    build(corpus, store, validate=False, dumps="none")
    st = open_read_only(store)
    graph = _BASE.graph(meeting_identity.NAME)
    links = {(q.subject.value, q.object.value) for q in st.quads_for_pattern(None, meeting_identity.SAME, None, graph)}
    assert links == {(_iri("gfmd-meeting-8"), _iri("gfmd-2015"))}


def test_the_timeline_and_the_places_count_a_meeting_and_its_alias_once(tmp_path):
    """The meeting-places query and the summary's timeline read the identity graph: the Maghrebi text's
    ``منتدى إسطنبول 2015`` is the UN report's Forum meeting of 2015, one meeting in Istanbul, one timeline row;
    a meeting no other key names (Dhaka 2016) keeps its own row and count."""
    from graph_builder.build import summary, summary_tables
    from graph_builder.resources import data_dir
    from graph_builder.service import named_queries
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    dhaka = "وانعقد الاجتماع التاسع للمنتدى العالمي للهجرة والتنمية في دكا في 10 كانون الأول/ديسمبر 2016."
    (corpus / "a-un.ar.txt").write_text(UN_BOTH + "\n", encoding="utf-8")
    (corpus / "b-maghreb.ar.txt").write_text(MAGHREB_CITY + "\n", encoding="utf-8")
    (corpus / "c-un.ar.txt").write_text(dhaka + "\n", encoding="utf-8")
    (corpus / "manifest.toml").write_text('["a-un.ar.txt"]\ndate = "2015-10-20"\n["c-un.ar.txt"]\ndate = "2016-12-12"\n',
                                          encoding="utf-8")
    store = tmp_path / "store"
    build(corpus, store, validate=False, dumps="none")
    st = open_read_only(store)
    links = {(q.subject.value, q.object.value) for q in st.quads_for_pattern(None, meeting_identity.SAME, None, None)}
    assert (_iri("forum-istanbul-2015"), _iri("gfmd-2015")) in links          # the premise: the build joined them
    query = named_queries.load_catalogue(data_dir("queries"))["meeting-places"]
    counts = {r["place"].value: int(r["meetings"].value) for r in named_queries.run_local(st, query, {})}
    assert counts[_BASE.id("place", "istanbul").value] == 1
    assert counts[_BASE.id("place", "dhaka").value] == 1
    summ = _BASE.graph(summary.NAME)
    rows = {q.subject.value: q.object.value
            for q in st.quads_for_pattern(None, summary_tables.TIMELINE["year"], None, summ)}
    assert rows.get(_iri("gfmd-2015")) == "2015" and rows.get(_iri("gfmd-2016")) == "2016"
    assert _iri("forum-istanbul-2015") not in rows
    places = {q.subject.value: q.object.value
              for q in st.quads_for_pattern(None, summary_tables.TIMELINE["place"], None, summ)}
    assert places[_iri("gfmd-2015")] == _BASE.id("place", "istanbul").value
