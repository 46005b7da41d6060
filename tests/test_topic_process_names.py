"""topics.process-name (topic_process_names.py): a process written with its subject's words addresses those topics
(its meetings do not inherit them); a short form says nothing. Sentences are the author's own."""
from __future__ import annotations

from pathlib import Path

from graph_builder.facts import topic_process_names
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph, Section


def _facts(paragraphs, matcher, gazetteer):
    sec = Section(heading="خبر", level=1, order=1, line=1)
    paras = [Paragraph(number=n + 1, text=t, order=n + 1, line=n + 2, section=sec) for n, t in enumerate(paragraphs)]
    doc = Document(path=Path("s.txt"), slug="s", paragraphs=paras, sections=[sec])
    ctx = FactContext(doc, mentions_in(doc, matcher), gazetteer, matcher)
    return {(f.subject.kind, f.subject.slug, f.object.slug) for f in topic_process_names.extract(ctx)}


def test_a_process_named_with_its_subject_addresses_it_and_its_meeting_does_not_inherit_it(matcher, gazetteer):
    got = _facts(["القاهرة، 3 مارس 2031 - انطلقت اليوم أعمال الاجتماع الحادي عشر للعملية التشاورية العربية الإقليمية "
                  "حول الهجرة وشؤون اللاجئين بمقر الجامعة العربية."], matcher, gazetteer)
    assert ("process", "arcp", "refugees") in got
    assert not any(kind == "event" for kind, _, _ in got)


def test_a_short_form_says_nothing(matcher, gazetteer):
    assert _facts(["وشاركت تونس في اجتماع عملية الخرطوم وفي أعمال المنتدى العالمي الأخير."], matcher, gazetteer) == set()
