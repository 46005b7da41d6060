"""topics.process-priorities (topic_priorities.py): the topics a process puts first, listed after a priority noun
whose owner is the process (named, taken up by a process noun, or a phase of its work). Negative cases: a
government's priorities, a pronoun owner, a future verb, a list with no opener. Sentences are the author's own."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import topic_priorities
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section

RABAT = "الرباط، 12 مارس 2031 (ومع) - انطلقت اليوم بالرباط أشغال الاجتماع الوزاري الخامس لمسار الرباط."


def _facts(paragraphs, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    ctx = FactContext(doc, mentions_in(doc, matcher), gazetteer, matcher)
    return {(f.subject.slug, f.object.slug) for f in topic_priorities.extract(ctx)}


def test_the_priorities_of_the_next_phase_are_the_processs(matcher, gazetteer):
    got = _facts([RABAT, "وحدد الاجتماع أولويات المرحلة المقبلة، التي تركز على مكافحة الاتجار بالبشر وتهريب "
                         "المهاجرين."], matcher, gazetteer)
    assert got == {("rabat-process", "trafficking"), ("rabat-process", "smuggling")}


def test_a_named_process_and_a_verb_of_listing(matcher, gazetteer):
    got = _facts(["وأوضح المسؤول أن أولويات عملية الخرطوم تتمثل في الهجرة غير النظامية والعودة وإعادة الإدماج."],
                 matcher, gazetteer)
    assert got == {("khartoum-process", "irregular-migration"), ("khartoum-process", "return-reintegration")}


def test_a_list_after_a_colon(matcher, gazetteer):
    got = _facts([RABAT, "واعتمد الوزراء أولويات المسار: التحويلات المالية، وإشراك المغتربين."], matcher, gazetteer)
    assert ("rabat-process", "remittances") in got


def test_a_governments_priorities_are_not_the_processs(matcher, gazetteer):
    assert _facts([RABAT, "وعرض الوزير أولويات الحكومة المغربية، التي تركز على الهجرة غير النظامية."],
                  matcher, gazetteer) == set()


def test_a_pronoun_owner_and_a_future_verb_give_nothing(matcher, gazetteer):
    assert _facts([RABAT, "وعرضت الوزيرة أولوياتها، التي تركز على حماية اللاجئين."], matcher, gazetteer) == set()
    assert _facts([RABAT, "وأولويات المرحلة المقبلة ستركز على حماية اللاجئين."], matcher, gazetteer) == set()


def test_priorities_with_no_opener_give_nothing(matcher, gazetteer):
    assert _facts([RABAT, "وناقش الوزراء أولويات المرحلة المقبلة في ضوء تقرير عن الهجرة غير النظامية."],
                  matcher, gazetteer) == set()


def test_a_pronoun_takes_up_the_process_named_before_it(matcher, gazetteer):
    got = _facts(["وحددت دول حوار أبوظبي أولويات عمله للدورة المقبلة، من خلال التركيز على تحويلات العمال."],
                 matcher, gazetteer)
    assert got == {("abu-dhabi-dialogue", "remittances")}


def test_a_pronoun_that_takes_up_a_state_gives_nothing(matcher, gazetteer):
    assert _facts(["وعرضت المملكة المغربية أولوياتها، التي تركز على تحويلات العمال."], matcher, gazetteer) == set()
