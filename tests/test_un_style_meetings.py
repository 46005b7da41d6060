"""Meetings as UN reports review them (issue 13, chair8): who meets written as a genitive list after the meeting noun
(``قمة رؤساء دول وحكومات الاتحاد الأفريقي والاتحاد الأوروبي``، ``اجتماع وزراء خارجية مصر والأردن``، ``الاجتماع
المشترك للاتحاد الأفريقي والاتحاد الأوروبي والأمم المتحدة``) and the held clause set off after an aside (``، بتنظيم من
…، الذي عقد في الرباط``): what the deleted named-meetings rule read and the grammar now reads again. And three
over-readings of a section that reviews several meetings: the next or previous meeting is not the one named before,
a meeting dated in a later year than the text is planned, and an opening held verb that holds a session does not name
the previous meeting again. Every sentence is the author's own (UN report, regional process and press registers),
with the negatives."""
from __future__ import annotations

import pytest

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def of(text: str, date: str = "2031-07-30"):
    facts = facts_of_text(events, text, date=date)
    return triples(facts), facts


@pytest.mark.parametrize("sentence,meeting,members", [
    ("واستعرضت قمة رؤساء دول وحكومات الاتحاد الأفريقي والاتحاد الأوروبي، التي عقدت في أبيدجان يومي ٢٩ و ٣٠ تشرين "
     "الثاني/نوفمبر ٢٠٢٩، حالة المهاجرين العالقين.", "event/summit-abidjan-2029", {"org/au", "org/eu"}),
    ("وبحث اجتماع وزراء خارجية مصر والأردن والعراق، الذي عقد في بغداد في عام ٢٠٣٠، سبل تنظيم عودة العمال.",
     "event/meeting-baghdad-2030", {"state/EGY", "state/JOR", "state/IRQ"}),
    ("ورحب الاجتماع المشترك للاتحاد الأفريقي والاتحاد الأوروبي والأمم المتحدة، المعقود في نيويورك في أيلول/سبتمبر ٢٠٣٠، "
     "بتمديد ولاية فرقة العمل.", "event/meeting-new-york-2030", {"org/au", "org/eu", "org/un"}),
])
def test_who_meets_written_as_a_genitive_list_takes_part(sentence, meeting, members):
    facts, _ = of(sentence)
    assert {(m, "participatesIn", meeting) for m in members} <= facts
    assert any(s == meeting and p == "location" for s, p, o in facts)


def test_who_meets_in_a_meeting_still_to_come_takes_part_in_nothing():
    facts, _ = of("ومن المقرر أن تعقد قمة رؤساء دول وحكومات الاتحاد الأفريقي والاتحاد الأوروبي في بروكسل في "
                  "شباط/فبراير ٢٠٣٢.", date="2031-07-30")
    assert not {t for t in facts if t[1] == "participatesIn"}


def test_one_organisation_after_the_noun_is_the_owner_not_a_list():
    facts, found = of("واعتمدت الدورة العادية لمجلس وزراء الاتحاد الأفريقي، المعقودة في أديس أبابا في شباط/فبراير ٢٠٣٠، "
                      "إطار سياسة الهجرة المنقح.")
    assert ("org/au", "participatesIn") not in {(s, p) for s, p, o in facts}


@pytest.mark.parametrize("sentence,place", [
    ("وأكد المؤتمر الدولي بشأن الهجرة من أجل التنمية في أفريقيا، بتنظيم من المغرب والاتحاد الأفريقي، الذي عقد في "
     "الرباط في عام ٢٠٢٩، أهمية البيانات.", "place/rabat"),
    ("وأوصى الاجتماع التشاوري الإقليمي (بدعم من المنظمة الدولية للهجرة)، المعقود في القاهرة في ١٢ آذار/مارس ٢٠٣٠، "
     "بتبادل البيانات.", "place/cairo"),
])
def test_a_held_clause_after_an_aside_places_the_meeting(sentence, place):
    facts, _ = of(sentence)
    assert any(p == "location" and o == place for s, p, o in facts)


def test_a_future_clause_after_an_aside_places_nothing():
    facts, found = of("وسيناقش المؤتمر الدولي بشأن الهجرة من أجل التنمية في أفريقيا، بتنظيم من المغرب والاتحاد "
                      "الأفريقي، الذي سيعقد في الرباط في عام ٢٠٣٢، أهمية البيانات.")
    assert not any(p == "location" and getattr(f.subject, "cls", "") == "Meeting"
                   for f in found for p in [f.predicate])


def test_the_next_meeting_is_not_the_meeting_named_before():
    facts, found = of("عقد الاجتماع السابق لكبار المسؤولين لعملية الخرطوم في روما في ١٢ آذار/مارس ٢٠٣٠، برئاسة إيطاليا. "
                      "أما الاجتماع المقبل لكبار المسؤولين فمن المقرر أن يعقد في نيروبي في آذار/مارس ٢٠٣١، وستستضيفه "
                      "حكومة كينيا.", date="2030-10-05")
    rome = {s for s, p, o in facts if p == "location" and o == "place/rome"}
    assert rome
    assert not {(s, p, o) for s, p, o in facts if s in rome and (o in ("place/nairobi", "state/KEN", "2031"))}
    assert all(f.subject.cls == "PlannedMeeting" for f in found if key_of(f.object) == "place/nairobi")


def test_a_meeting_of_a_later_year_than_the_text_is_planned():
    _, found = of("اجتمع وزراء الدول الأعضاء في عملية بالي في بالي في ١٠ حزيران/يونيه ٢٠٣١ في المؤتمر الوزاري الإقليمي "
                  "التاسع. وقرر الوزراء عقد المؤتمر الوزاري العاشر في عام ٢٠٣٣.", date="2031-06-11")
    tenth = {f.subject for f in found if f.predicate == "year" and key_of(f.object) == "2033"}
    assert tenth and all(e.cls == "PlannedMeeting" for e in tenth)
    ninth = {f.subject for f in found if f.predicate == "year" and key_of(f.object) == "2031"}
    assert ninth and all(e.cls == "Meeting" for e in ninth)


def test_an_opening_held_verb_that_holds_a_session_does_not_name_the_previous_meeting():
    facts, _ = of("وعقد الحوار الأوروبي الأفريقي بشأن الهجرة والتنمية اجتماعا لكبار المسؤولين في باماكو يومي ١٥ و ١٦ "
                  "أيار/مايو ٢٠٣٠، برئاسة مالي. وكان اجتماع كبار المسؤولين السابق قد عقد في روما في تشرين الأول/أكتوبر ٢٠٢٩ برئاسة "
                  "إيطاليا. وعقدت في باماكو جلسة مواضيعية بشأن العودة، ترأستها السيدة إلينا روسي.", date="2031-07-30")
    assert not {t for t in facts if "2029" in t[0] and t[2] == "place/bamako"}
    assert ("event/rabat-process-2030", "location", "place/bamako") in facts


def test_an_opening_held_verb_whose_object_is_the_meeting_still_names_it():
    facts, _ = of("عقدت عملية كولومبو اجتماعها الوزاري الثامن في كاتماندو في آذار/مارس ٢٠٣١. وعقد الاجتماع برئاسة نيبال.",
                  date="2031-07-30")
    assert any(p == "chairedBy" and o == "state/NPL" for s, p, o in facts)
