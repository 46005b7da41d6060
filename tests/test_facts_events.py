"""Event facts (graph_builder/facts/events.py) on the real reports: gold precision/recall and rule unit tests."""
from __future__ import annotations

import pytest

from facts_ev_com_helpers import corpus_facts, facts_of_text, key_of, score
from graph_builder.facts import events
from graph_builder.model import Section

SCORED = {"location", "hostedBy", "startDate", "endDate", "theme", "participantCount", "chairedBy", "coChairedBy"}
GFMD = "المنتدى العالمي المعني بالهجرة والتنمية هو عملية استشارية تقودها الدولة."


@pytest.fixture(scope="module")
def found():
    return corpus_facts(events)


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def test_precision_and_recall_against_gold(found):
    precision, recall, false_pos, misses = score(found, "facts_gold_events.json", SCORED)
    print(f"events: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.9, false_pos
    assert recall >= 0.8, misses


def test_meetings_of_both_reports_join(found):
    by_doc = {}
    for doc, f in found:
        if f.predicate == "partOf" and key_of(f.object) == "process/gfmd":
            by_doc.setdefault(f.subject.slug, set()).add(doc)
    assert len(by_doc["gfmd-2007"]) == 2 and len(by_doc["gfmd-2008"]) == 2


def test_reports_disagreeing_on_a_date_keep_both(found):
    starts = {(doc, f.object.lexical) for doc, f in found
              if f.subject.slug == "gfmd-2007" and f.predicate == "startDate"}
    assert {s for _, s in starts} == {"2007-07-10", "2007-07-09"}


def test_chair_of_2011_is_a_person_of_that_years_meeting(found):
    chairs = {key_of(f.object) for _, f in found if f.subject.slug == "gfmd-2011" and f.predicate == "chairedBy"}
    assert "person/adward-ghnsa" in chairs
    years = {f.object.lexical for _, f in found if f.subject.slug == "gfmd-2011" and f.predicate == "year"}
    assert years == {"2011"}


def test_host_ordinal_meeting_and_dates():
    facts = facts_of_text(events, GFMD,
                          "واستضافت بلجيكا الاجتماع الأول للمنتدى في الفترة من 9 إلى 11 تموز/يوليه 2007.")
    t = triples(facts)
    assert ("event/gfmd-2007", "partOf", "process/gfmd") in t
    assert ("event/gfmd-2007", "hostedBy", "state/BEL") in t
    assert ("event/gfmd-2007", "startDate", "2007-07-09") in t and ("event/gfmd-2007", "endDate", "2007-07-11") in t
    assert ("event/gfmd-2007", "year", "2007") in t


def test_offer_to_host_is_not_hosting():
    facts = facts_of_text(events, GFMD,
                          "وعرضت حكومتا اليونان والأرجنتين استضافة الاجتماعين الثالث والرابع على التوالي.",
                          "وعرضت اليونان تنظيم الاجتماع الثالث للمنتدى في عام ٢٠٠٩، والأرجنتين اجتماع عام ٢٠١٠.")
    assert not [f for f in facts if f.predicate == "hostedBy"]


def test_ordinal_meeting_without_any_year_is_left_out():
    facts = facts_of_text(events, GFMD, "وقد ألقى الأمين العام الكلمة الافتتاحية في الاجتماع الأول للمنتدى في بروكسل.")
    assert not [f for f in facts if f.subject.kind == "event"]


def test_planned_host_has_lower_confidence_and_theme():
    facts = facts_of_text(
        events, GFMD, "وسيعقد الاجتماع الثاني للمنتدى في مانابلا في تشرين الأول/أكتوبر ٢٠٠٨.",
        "وقد قطع شوط في أعمال التنظيم الخاصة بالاجتماع الثاني للمنتدى العالمي. وفي إطار الموضوع العام المعنون "
        "\"حماية المهاجرين وتمكينهم من أجل التنمية\"، سيركز الاجتماع على استعراض الممارسات الجيدة. وستستضيف الاجتماع "
        "حكومة الفلبين، التي تضطلع حاليا بأعمال التنظيم الخاصة به، في مانيلا في ٢٩ و ٣٠ تشرين الأول/أكتوبر ٢٠٠٨.")
    hosts = [f for f in facts if f.predicate == "hostedBy"]
    assert [(key_of(f.subject), key_of(f.object), f.rule) for f in hosts] == [("event/gfmd-2008", "state/PHL", "event.host-planned")]
    assert hosts[0].confidence < 0.9
    assert ("event/gfmd-2008", "theme", "حماية المهاجرين وتمكينهم من أجل التنمية") in triples(facts)
    assert ("event/gfmd-2008", "location", "place/manila") in triples(facts)


def test_participants_of_the_high_level_dialogue():
    facts = facts_of_text(events, "قامت الدول الأعضاء الـ ١٣٢ التي شاركت في الحوار الرفيع المستوى بشأن الهجرة الدولية "
                                  "والتنمية، الذي أجرته الجمعية العامة في ١٤ و ١٥ أيلول/سبتمبر ٢٠٠٦، بإعادة تأكيد عدد من الرسائل الرئيسية.")
    t = triples(facts)
    assert ("event/hld-2006", "participantCount", "132") in t
    assert ("event/hld-2006", "partOf", "process/hld") in t
    assert ("event/hld-2006", "startDate", "2006-09-14") in t


def test_chair_named_before_and_after():
    facts = facts_of_text(events, GFMD,
                          "وقام إدوارد غنسا، سفير سويسرا الخاص للتعاون الدولي في مجال الهجرة برئاسة منتدى عام 2011.",
                          "وأعرب السيد غنسا، رئيس منتدى عام 2011، عن تقديره وشكره لجميع الرؤساء المشاركين.")
    chairs = [(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "chairedBy"]
    assert chairs == [("event/gfmd-2011", "person/adward-ghnsa")] * 2


def test_session_cochairs_from_header_lines():
    top = Section("سادسا - جلسات العمل", 1, 1, 5)
    cluster = Section("ألف - المجموعة الأولى: حركة اليد العاملة والتنمية()", 2, 2, 6, parent=top)
    session = Section("جلسة العمل 1-2: تخفيض تكاليف الهجرة من أجل مكاسب إنمائية أكبر", 3, 3, 7, parent=cluster,
                      notes=["الرئيسان المشاركان: السفير مارتن أهومويبهي، أمين دائم، وزارة الخارجية، نيجيريا؛ والسيد "
                             "أليكس زلامي، مستشار وزير العمل، الإمارات العربية المتحدة",
                             "المقررة:   إيرينا أوميلانيوك، مستشارة أقدم للرئيس الحالي للمنتدى"])
    facts = facts_of_text(events, GFMD, "وسعي منتدى عام 2011 إلى تحقيق ثلاثة أهداف رئيسية.",
                          sections=[top, cluster, session])
    t = triples(facts)
    assert ("event/gfmd-2011-session-1-2", "partOf", "event/gfmd-2011-cluster-1") in t
    assert ("event/gfmd-2011-cluster-1", "partOf", "event/gfmd-2011") in t
    cochairs = {o for s, p, o in t if p == "coChairedBy"}
    assert cochairs == {"person/martn-ahwmwybhy", "person/alyks-zlamy", "state/NGA", "state/ARE"}   # not the rapporteur


def test_workshops_listed_by_city():
    facts = facts_of_text(events, GFMD, "وطاف المنتدى بجميع أنحاء العالم في عام 2011 باستضافته لـ 14 حلقة عمل في دبي "
                                        "وكينغستون ومرسيليا (فرنسا) ونيويورك. وحضر هذه الاجتماعات أكثر من 200 1 من المشاركين.")
    t = triples(facts)
    for city in ("dubai", "kingston", "marseille", "new-york"):
        assert (f"event/gfmd-2011-workshop-{city}", "partOf", "event/gfmd-2011") in t
        assert (f"event/gfmd-2011-workshop-{city}", "location", f"place/{city}") in t
    assert not [f for f in facts if f.predicate == "hostedBy"]
