"""Matcher, topic and actor rules on constructions taken from real sentences of the reports (with
the real gazetteer) and on the bundled corpus: each positive case needs its rule, and the negative
cases guard the precision the rule could cost."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder.text.corpus import read_corpus
from graph_builder.facts import actors, topics
from graph_builder.facts.fact_context import FactContext
from graph_builder.recognise.findings import Value
from graph_builder.recognise.matcher import mentions_in
from graph_builder.text.model import Document, Paragraph
from graph_builder.resources import default_corpus

D08, D11 = "2008-sg-report-international-migration-and-development", "2011-gfmd-swiss-chair-report"


@pytest.fixture(scope="module")
def corpus_mentions(matcher):
    return {d.slug: (d, mentions_in(d, matcher)) for d in read_corpus(default_corpus())}


def _doc(*texts: str) -> Document:
    paras = [Paragraph(number=i + 1, text=t, order=i + 1, line=i + 1) for i, t in enumerate(texts)]
    return Document(path=Path("sentences.txt"), slug="sentences", paragraphs=paras)


def _facts(module, gazetteer, matcher, *texts: str):
    doc = _doc(*texts)
    return module.extract(FactContext(doc, mentions_in(doc, matcher), gazetteer))


# ---------------------------------------------------------------- matcher

def test_feminine_adjective_is_not_a_place(matcher):
    text = "وقد قدمت للرئاسة خدمات إدارية ومالية وتنظيمية، بما فيها توفير مساعدات مالية وتيسيرات للسفر."
    assert not [m for m in matcher.find(text) if m.entity.kind in ("place", "state")]
    assert [m.entity.slug for m in matcher.find("وعقد الاجتماع في ماليه.")] == ["male"]


def test_name_ali_is_not_the_preposition(matcher):
    text = "وبيان أدلى به الرئيس الجديد، السيد علي منصور؛ وكلمة اختتام."
    persons = [m.surface for m in matcher.find(text) if m.entity.kind == "person"]
    assert persons == ["علي منصور"]


def test_untitled_name_before_a_title(matcher):
    text = ("في ١٨ آذار/مارس ٢٠٠٨، أرسلت بالفاكس رسالة من شا زوكانغ، وكيل الأمين العام للشؤون الاقتصادية "
            "والاجتماعية، مصحوبة باستبيان. وكان المناقش هو أظفرخان، أخصائي هجرة أقدم بمنظمة العمل الدولية.")
    assert [m.surface for m in matcher.find(text) if m.entity.kind == "person"] == ["شا زوكانغ", "أظفرخان"]


def test_reporting_verb_is_not_part_of_an_untitled_name(matcher):
    text = "وفضلا عن ذلك، قدم بيتر ساذرلاند، الممثل الخاص للأمين العام لشؤون الهجرة والتنمية، المشورة."
    assert [m.surface for m in matcher.find(text) if m.entity.kind == "person"] == ["بيتر ساذرلاند"]
    assert not [m for m in matcher.find("وتعمل الحكومات، الممثلة في الفريق، على ذلك.") if m.entity.kind == "person"]


def test_short_form_without_antecedent_goes_to_the_dominant_process(corpus_mentions):
    doc, mentions = corpus_mentions[D11]
    para = doc.paragraph(20)                       # للمنتدى, the Forum named only in other sections
    assert [m.entity.slug for m in mentions if m.source is para and m.rule == "short-form"] == ["gfmd"]
    # الحوار ("dialogue") is not resolved to the High-level Dialogue in a report about the Forum
    para = doc.paragraph(103)
    assert not [m for m in mentions if m.source is para and m.entity.slug == "hld"]


def test_dominant_process_needs_a_clear_lead(matcher, gazetteer):
    gfmd, hld = gazetteer.get("process", "gfmd"), gazetteer.get("process", "hld")
    assert matcher.dominant({gfmd: 10, hld: 4}).get("المنتدي") == gfmd
    assert matcher.dominant({gfmd: 2}) == {}
    assert "الحوار" not in matcher.dominant({gfmd: 10, hld: 4})


# ---------------------------------------------------------------- topics

def test_commitment_verb_and_a_comma_insertion(gazetteer, matcher):
    got = {(f.subject.slug, f.object.slug) for f in _facts(topics, gazetteer, matcher,
           "وتلتزم السوق المشتركة لبلدان المخروط الجنوبي بتحقيق التكامل الاقتصادي من خلال حرية حركة عوامل الإنتاج.",
           "وتضطلع اللجنة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي، من خلال المركز الديمغرافي، بأنشطة "
           "في مجال الهجرة الدولية وحقوق الإنسان والتنمية.")}
    assert ("mercosur", "regional-integration") in got
    assert ("eclac", "human-rights") in got


def test_demonstrative_subject_blocks_the_paragraph_subject(gazetteer, matcher):
    text = ("وقدم الاتحاد الأوروبي بعد ذلك خلفية للنهج العالمي للاتحاد إزاء الهجرة والتنقل. وصُمم هذا النهج "
            "العالمي ليركز على المهاجرين، حيث يتناول أيضا مسائل الحماية واللجوء والتكاليف الاجتماعية.")
    assert not [f for f in _facts(topics, gazetteer, matcher, text) if f.object.slug == "refugees"]


def test_mainstreaming_cue(gazetteer, matcher):
    text = ("وتسعى اللجنة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا) إلى إدماج مسألة الهجرة الدولية والتنمية في "
            "الاستراتيجيات الإنمائية الوطنية.")
    assert ("escwa", "mainstreaming") in {(f.subject.slug, f.object.slug)
                                          for f in _facts(topics, gazetteer, matcher, text)}


def test_meeting_with_its_civil_society_days_is_still_the_meeting(corpus_mentions, gazetteer):
    doc, mentions = corpus_mentions[D08]
    got = {f.subject.slug for f in topics.extract(FactContext(doc, mentions, gazetteer))
           if f.evidence.number == 15}
    assert "gfmd-2008" in got


# ---------------------------------------------------------------- actors

def _triples(facts):
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in facts}


def test_affiliation_from_a_later_chunk_of_the_list_item(gazetteer, matcher):
    text = ("وكان ضمن المحاضرين أناكليت كاليباتا، مدير عام الهجرة الداخلية والخارجية، وزارة في مكتب الرئيس، "
            "حكومة رواندا؛ وغوران هالتين، كبير الموظفين التنفيذيين، مؤسسة كادن.")
    got = _triples(_facts(actors, gazetteer, matcher, text))
    assert ("anaklyt-kalybata", "affiliation", "RWA") in got
    assert ("ghwran-haltyn", "affiliation", "caden") in got


def test_body_a_mission_is_accredited_to_is_not_the_affiliation(gazetteer, matcher):
    text = ("وسيقوم شري سرفانسينغ، السفير والممثل الدائم لموريشيوس لدى مكتب الأمم المتحدة في جنيف، بمساعدة "
            "رئيس عام 2012.")
    got = {o for s, p, o in _triples(_facts(actors, gazetteer, matcher, text)) if p == "affiliation"}
    assert got == {"MUS"}
