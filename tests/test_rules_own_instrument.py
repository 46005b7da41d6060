"""The instrument a document is (rule commitment.own-instrument), on documents written for these tests: a
co-chairs' statement of a regional process's conference (adopted at it, issued by its co-chairs, dated by the
one-day meeting), a declaration dated by its closing line; negative cases: a chair's summary is no
commitment, a title with no held meeting gives nothing, a planned conference adopts nothing."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import commitments
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.findings import Value
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section
from test_rules_adoption_funding import setup  # noqa: F401 (fixture)


def _own(title, paras, setup):
    gaz, matcher = setup
    sec = Section(heading="", level=1, order=1, line=1)
    ps = [Paragraph(number=i + 1, text=t, order=i + 1, line=i + 3, section=sec) for i, t in enumerate(paras)]
    doc = Document(path=Path("own.txt"), slug="own", paragraphs=ps, sections=[], title_ar=title)
    ctx = FactContext(doc, mentions_in(doc, matcher), gaz, matcher=matcher)
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in commitments.extract(ctx) if f.rule == "commitment.own-instrument"}


def test_a_co_chairs_statement_rcp_register(setup):
    got = _own("بيان الرئيسين المشاركين للمؤتمر الوزاري الإقليمي السابع لعملية بالي",
               ["انعقد المؤتمر الوزاري الإقليمي السابع لعملية بالي في نوسا دوا في 7 آب/أغسطس 2031، برئاسة مشتركة "
                "من وزيرة خارجية إندونيسيا ريتنو مرسودي ووزيرة خارجية أستراليا جولي بيشوب.",
                "وأعرب المشاركون عن تقديرهم لحكومة إندونيسيا."], setup)
    assert {p for s, p, o in got} >= {"adoptedAt", "dateAdopted", "year"}, got
    assert ("dateAdopted", "2031-08-07") in {(p, o) for s, p, o in got}, got


def test_a_declaration_dated_by_its_closing_line(setup):
    got = _own("إعلان الواحة الصادر عن المشاورة الوزارية الخامسة لمسار كولومبو",
               ["وقد اجتمعنا في كولومبو يومي 20 و21 نيسان 2031 في المشاورة الوزارية الخامسة لمسار كولومبو.",
                "صدر في كولومبو في 21 نيسان 2031."], setup)
    assert ("dateAdopted", "2031-04-21") in {(p, o) for s, p, o in got}, got
    assert any(p == "adoptedAt" for s, p, o in got), got


def test_no_own_instrument(setup):
    # a chair's summary is a report, not a commitment
    assert not _own("موجز الرئيس عن الاجتماع السادس للمنتدى العالمي المعني بالهجرة والتنمية",
                    ["عقد الاجتماع السادس للمنتدى العالمي المعني بالهجرة والتنمية يومي 21 و22 تشرين الثاني 2031 "
                     "في موريشيوس."], setup)
    # a statement of a conference still to come
    assert not _own("بيان بشأن المؤتمر الوزاري المقبل لعملية بالي",
                    ["ومن المقرر أن يعقد المؤتمر الوزاري المقبل لعملية بالي في عام 2032."], setup)
