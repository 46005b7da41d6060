"""topics.copula-description with a description noun after ك (topic_copula.py): a process described as a mechanism
or platform (انطلق حوار أبوظبي عام 2008 كآلية تشاورية طوعية تهدف إلى …) addresses the topics of the description's aim.
Negative cases: an organisation (it may launch a mechanism that is not itself), a description noun without ك, a
state named between. Sentences are the author's own."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import topic_copula
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def _facts(text, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=[Paragraph(number=1, text=text, order=1, line=2, section=sec)],
                   sections=[sec])
    ctx = FactContext(doc, mentions_in(doc, matcher), gazetteer, matcher)
    return {(f.subject.slug, f.object.slug) for f in topic_copula.extract(ctx)}


def test_a_process_launched_as_a_mechanism_gulf_register(matcher, gazetteer):
    got = _facts("وانطلق حوار أبوظبي عام 2008 كآلية تشاورية طوعية تهدف إلى تنظيم استقدام العمالة بين دول آسيا.",
                 matcher, gazetteer)
    assert got == {("abu-dhabi-dialogue", "labour-mobility")}


def test_a_process_set_up_as_a_platform_maghrebi_register(matcher, gazetteer):
    got = _facts("وأنشئ مسار الرباط سنة 2006 كمنبر للحوار يعنى بمكافحة الهجرة غير النظامية.", matcher, gazetteer)
    assert got == {("rabat-process", "irregular-migration")}


def test_an_organisation_launching_a_mechanism_is_not_described(matcher, gazetteer):
    assert _facts("وأطلقت المنظمة الدولية للهجرة كآلية جديدة برنامجا يهدف إلى مكافحة الاتجار بالبشر.",
                  matcher, gazetteer) == set()


def test_a_description_noun_without_kaf_and_a_state_between_give_nothing(matcher, gazetteer):
    assert _facts("وناقش مسار الرباط آلية وطنية تهدف إلى مكافحة الهجرة غير النظامية.", matcher, gazetteer) == set()
    assert _facts("وشارك مسار الرباط مع المغرب كآلية تهدف إلى مكافحة الهجرة غير النظامية.", matcher, gazetteer) == set()
