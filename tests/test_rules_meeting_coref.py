"""Meeting coreference across a document (``meeting_coref.py``): a meeting named once and taken up later by a
demonstrative with other qualifiers, a bare noun, a pronoun on a proceedings noun or the headline; the
index every family reads (``FactContext.meetings()``); the negative cases (a generic or plural use, a period
"during which", a planned clause about a held meeting, the next meeting of a series, a preparatory meeting
beside the conference). Sentences written for these tests in the registers of Maghrebi, Gulf, Egyptian and
Levantine press and of a UN report."""
from __future__ import annotations

from pathlib import Path

import pytest

from gold_facts import key_of, real_gazetteer, real_matcher
from graph_builder.facts import events, topics
from graph_builder.facts.fact_context import FactContext, sentences
from graph_builder.facts.meeting_coref import Chain, MeetingIndex, pronoun_anchor, resolve
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph
from graph_builder.text.tokens import tokenise


@pytest.fixture(scope="module")
def build():
    gaz, matcher = real_gazetteer(), real_matcher()

    def run(*paragraphs: str, title: str = "", date: str = "2026-03-10"):
        paras = [Paragraph(number=i + 1, text=t, order=i + 1, line=10 * (i + 1)) for i, t in enumerate(paragraphs)]
        doc = Document(path=Path("t.txt"), slug="t", date=date, paragraphs=paras, sections=[], title_ar=title)
        return FactContext(doc, mentions_in(doc, matcher), gaz, matcher)
    return run


def triples(ctx, module=events):
    return {(key_of(f.subject), f.predicate, key_of(f.object), getattr(f.evidence, "number", None))
            for f in ctx.family_facts(module)}


def meeting_of(ctx, para: int, sentence: int = 0):
    p = ctx.document.paragraphs[para]
    s, e = sentences(p.text)[sentence]
    ev = ctx.meetings().of_sentence(p, s, e)
    return key_of(ev) if ev is not None else None


RABAT = "انطلقت اليوم الثلاثاء في الرباط أشغال المؤتمر الوزاري السادس لمسار الرباط بمشاركة وزراء من ثلاثين دولة."


def test_a_demonstrative_takes_up_the_meeting_whatever_its_qualifiers(build):
    # Maghrebi press: the ministerial conference is "this ministerial summit" and "this encounter" later
    ctx = build(RABAT,
                "ويترأس هذه القمة الوزارية وزير الخارجية المغربي ناصر بوريطة.",
                "ويهدف هذا اللقاء إلى تعزيز التعاون في مكافحة الاتجار بالبشر.")
    assert meeting_of(ctx, 1) == "event/rabat-process-2026"
    assert meeting_of(ctx, 2) == "event/rabat-process-2026"
    # the person after the role chairs (the demonstrative object is passed over), not the role's nisba state
    assert ("event/rabat-process-2026", "chairedBy", "person/nasr-bwryth", 2) in triples(ctx)


def test_a_pronoun_on_a_proceedings_noun_takes_up_the_meeting_and_its_end_verb_dates_it(build):
    # Gulf press: "on its sidelines", "its proceedings closed on Thursday"
    ctx = build(RABAT, "وعلى هامشه، التقى الوزير بنظيره الفرنسي. واختتمت أعماله يوم الخميس 12 مارس 2026.")
    assert meeting_of(ctx, 1, 0) == "event/rabat-process-2026"
    assert meeting_of(ctx, 1, 1) == "event/rabat-process-2026"
    assert ("event/rabat-process-2026", "endDate", "2026-03-12", 2) in triples(ctx)


def test_the_headline_meeting_is_what_the_body_takes_up_with_the_first_paragraph_as_evidence(build):
    # Egyptian press: the headline names the meeting, the body says only "the conference"
    ctx = build("وشارك في المؤتمر وزير الداخلية الليبي. وعلى هامشه، وقعت ليبيا ومالطا مذكرة تفاهم.",
                title="افتتاح المؤتمر الوزاري الخامس لعملية الخرطوم في القاهرة")
    t = triples(ctx)
    assert meeting_of(ctx, 0, 0) == "event/khartoum-process-meeting-5"
    assert meeting_of(ctx, 0, 1) == "event/khartoum-process-meeting-5"
    assert ("event/khartoum-process-meeting-5", "partOf", "process/khartoum-process", 1) in t
    assert ("event/khartoum-process-meeting-5", "location", "place/cairo", 1) in t
    assert ("state/LBY", "participatesIn", "event/khartoum-process-meeting-5", 1) in t


def test_a_headline_meeting_the_body_never_takes_up_gives_no_title_fact(build):
    ctx = build("قال وزير الداخلية إن بلاده تعمل على تنظيم الهجرة.",
                title="افتتاح المؤتمر الوزاري الخامس لعملية الخرطوم في القاهرة")
    assert not any(p == "location" for _, p, _, _ in triples(ctx))


def test_the_conference_after_a_preparatory_meeting_is_the_conference(build):
    # Levantine press: a preparatory meeting held, the main conference opening tomorrow
    ctx = build("عقد كبار المسؤولين اجتماعا تحضيريا في القاهرة يوم 3 مارس 2026.",
                "وتنطلق غدا في القاهرة أعمال المؤتمر الوزاري الخامس لعملية الخرطوم.",
                "ويشارك في المؤتمر وزراء الداخلية والخارجية من أربعين دولة.",
                "وكان الاجتماع قد أوصى بتعزيز التعاون.")
    assert meeting_of(ctx, 2) == "event/khartoum-process-2026"
    assert meeting_of(ctx, 3) == "event/meeting-cairo-2026"


def test_generic_and_plural_uses_and_a_period_during_which_take_up_nothing(build):
    ctx = build("احتضنت مدينة مراكش يوم 5 مارس 2026 المؤتمر الوزاري السادس لمسار الرباط.",
                "وأشار الوزير إلى أن مؤتمرات سابقة ناقشت الموضوع، وأن اجتماعا آخر سيعقد في مدريد.",
                "وخلال الفترة الماضية التي شهدت خلالها المنطقة تدفقات كبيرة، تعاونت الدول.",
                "ووافق المجلس على جدول أعمالها.")
    assert meeting_of(ctx, 0) == "event/rabat-process-2026"
    assert meeting_of(ctx, 1) is None
    assert meeting_of(ctx, 2) is None
    assert meeting_of(ctx, 3) is None


def test_a_planned_clause_on_the_sidelines_of_a_held_meeting_says_nothing_of_it(build):
    ctx = build(RABAT, "وسيعقد الوزراء على هامشه لقاءات ثنائية يوم الخميس 12 مارس 2026.")
    t = triples(ctx)
    assert meeting_of(ctx, 1) is None
    assert not any(p in ("startDate", "endDate") and n == 2 for _, p, _, n in t)


def test_a_preview_article_keeps_its_planned_meeting_and_dates_it_from_a_later_sentence(build):
    # UN-style announcement: the planned meeting is taken up in a planned clause that gives its dates
    ctx = build("تحتضن الرباط الأسبوع المقبل المؤتمر الوزاري السادس لمسار الرباط.",
                "ومن المقرر أن يعقد هذا المؤتمر يومي 20 و21 مارس 2026 بمشاركة ثلاثين دولة.")
    t = triples(ctx)
    assert ("event/rabat-process-2026", "startDate", "2026-03-20", 2) in t
    assert ("event/rabat-process-2026", "endDate", "2026-03-21", 2) in t
    assert ("event/rabat-process-2026", "plannedHost", "state/MAR", 1) in t


def test_the_next_summit_announced_is_not_what_a_later_pronoun_takes_up(build):
    ctx = build(RABAT, "وأعلن المنظمون أن القمة المقبلة ستعقد في مدريد.",
                "وعلى هامش أعماله، التقى الوزير بنظيره الإسباني.")
    assert meeting_of(ctx, 2) == "event/rabat-process-2026"


def test_topic_rules_read_the_taken_up_meeting_through_the_shared_index(build):
    ctx = build(RABAT, "وقال الوزير إن الدول تعمل معا. ويسعى هذا اللقاء إلى مكافحة تهريب المهاجرين.")
    assert ("event/rabat-process-2026", "addresses", "topic/smuggling", 2) in triples(ctx, topics)


def test_pronoun_anchor_words():
    def anchor(text):
        t = tokenise(text)
        a = pronoun_anchor(t, 0, len(t.tokens))
        return a.noun if a is not None else None
    assert anchor("وعلى هامشها وقع الطرفان اتفاقا") == "هامش"
    assert anchor("وفي ختام أشغاله صدر بيان") == "أشغال"     # the pronoun is on the proceedings
    assert anchor("وخلاله عرض الوفد تجربته") == "خلال"
    assert anchor("وأقر المجلس جدول أعماله") is None
    assert anchor("خلال العام الذي شهدت خلاله البلاد") is None
    assert anchor("وعلى هامش المؤتمر وقع الطرفان") is None       # no pronoun: the noun names its meeting itself


def test_resolve_prefers_the_most_recent_meeting_of_a_kind_the_noun_may_name():
    from graph_builder.facts.event_common import Ref
    from graph_builder.recognise.findings import Entity
    def ref(slug, kind):
        return Ref(0, 0, Entity("event", slug, "Meeting", slug, slug), kind=kind)
    chain = Chain()
    conf, prep, ws = ref("conf", "ministerial-conference"), ref("prep", "meeting"), ref("ws", "workshop")
    for r in (conf, prep, ws):
        chain.add(r)
    assert resolve(chain, "conference").event.slug == "conf"            # المؤتمر: not the later meeting
    assert resolve(chain, "meeting").event.slug == "prep"               # الاجتماع: generic, the most recent
    assert resolve(chain, "summit") is None                             # القمة: no summit named
    assert resolve(chain, "summit", pointed=True).event.slug == "prep"  # هذه القمة: the most recent main meeting
    assert resolve(chain, "workshop").event.slug == "ws"
    assert resolve(chain, None).event.slug == "prep"                    # خلاله: not a workshop


def test_the_index_answers_by_sentence_and_by_source():
    idx = MeetingIndex()
    from graph_builder.recognise.findings import Entity
    a, b = (Entity("event", s, "Meeting", s, s) for s in ("a", "b"))
    src = object()
    idx.add(src, 0, 5, a, "held", "named")
    idx.add(src, 40, 45, a, "held", "anaphor")
    assert idx.of_source(src) == a
    idx.add(src, 80, 85, b, "held", "named")
    assert idx.of_sentence(src, 0, 50) == a
    assert idx.of_source(src) is None          # two meetings: the paragraph's is not one
    assert [r.how for r in idx.refs(src)] == ["named", "anaphor", "named"]
