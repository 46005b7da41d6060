"""Parts of a meeting and a place named before the meeting noun: civil society days written as أيام
المجتمع المدني or اليوم الأول لممثلي المجتمع المدني (part of the meeting named with them, of the title's
meeting when a section reports on them alone, planned with a planned meeting), their city after a held
verb; the city a verb of witnessing takes for its subject (شهدت مدينة X انعقاد …); a relative day
alone dates the news, not the meeting's end. Negatives: a city merely named, a city of something else,
a heading with no days. Every sentence here is the author's own, in several registers."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events

GFMD = "المنتدى العالمي المعني بالهجرة والتنمية هو عملية استشارية تقودها الدول."


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


# ------------------------------------------------------------------ civil society days

def test_un_style_first_day_given_to_civil_society_is_part_of_the_meeting():
    facts = facts_of_text(events, GFMD,
                          "واستضافت النرويج الاجتماع الأول للمنتدى في أوسلو في الفترة من 3 إلى 5 آذار/مارس 2031. "
                          "وخصص اليوم الأول لممثلي المجتمع المدني.", date="")
    t = triples(facts)
    assert ("event/gfmd-2031-civil-society-days", "partOf", "event/gfmd-2031") in t
    assert ("event/gfmd-2031-civil-society-days", "year", "2031") in t


def test_egyptian_press_civil_society_days_held_before_the_meeting():
    facts = facts_of_text(events, GFMD,
                          "وافتتح الاجتماع الرابع للمنتدى العالمي للهجرة والتنمية أعماله في القاهرة يوم 6 أكتوبر 2032، "
                          "وكانت أيام المجتمع المدني قد عقدت يومي 4 و5 أكتوبر بمشاركة ممثلي الجمعيات الأهلية.",
                          date="2032-10-07")
    t = triples(facts)
    assert ("event/gfmd-2032-civil-society-days", "partOf", "event/gfmd-2032") in t
    assert ("event/gfmd-2032-civil-society-days", "startDate", "2032-10-04") in t
    assert ("event/gfmd-2032-civil-society-days", "endDate", "2032-10-05") in t
    assert ("event/gfmd-2032", "startDate", "2032-10-04") not in t


def test_chair_report_section_on_civil_society_days_alone():
    facts = facts_of_text(events,
                          "أيام المجتمع المدني",
                          "عقدت أيام المجتمع المدني في مراكش يومي 2 و 3 تشرين الأول/أكتوبر 2034، ونظمتها مؤسسة "
                          "خاصة بتكليف من الرئاسة.",
                          title="تقرير الرئاسة عن الاجتماع الخامس للمنتدى العالمي المعني بالهجرة والتنمية (مراكش، 2034)",
                          date="")
    t = triples(facts)
    assert ("event/gfmd-2034-civil-society-days", "partOf", "event/gfmd-2034") in t
    assert ("event/gfmd-2034-civil-society-days", "location", "place/marrakech") in t
    assert ("event/gfmd-2034-civil-society-days", "startDate", "2034-10-02") in t


def test_a_heading_alone_makes_no_civil_society_days():
    facts = facts_of_text(events, GFMD, "أيام المجتمع المدني", date="")
    assert not [f for f in facts if "civil-society" in f.subject.slug]


def test_civil_society_days_of_a_planned_meeting_are_planned():
    facts = facts_of_text(events, GFMD,
                          "ومن المقرر أن تستضيف حكومة الأردن الاجتماع السادس للمنتدى في عمّان يومي 8 و 9 أيار/مايو "
                          "2035، على أن تسبقه أيام المجتمع المدني يومي 6 و 7 أيار/مايو.", date="")
    days = [f for f in facts if f.subject.slug == "gfmd-2035-civil-society-days"]
    assert days and {f.subject.cls for f in days} == {"PlannedMeeting"}


def test_civil_society_organisations_merely_named_are_no_days():
    facts = facts_of_text(events, GFMD,
                          "وشارك في الحوار ممثلو الدول الأعضاء ومنظمات المجتمع المدني يوم 3 آذار 2031.", date="")
    assert not [f for f in facts if "civil-society" in f.subject.slug]


# ------------------------------------------------------------------ a city named before the meeting

def test_maghrebi_city_witnessed_the_conference():
    facts = facts_of_text(events, "شهدت مدينة طنجة انعقاد ندوة دولية حول الهجرة والتنمية يوم 12 مارس 2031.",
                          date="")
    assert ("event/seminar-tangier-2031", "location", "place/tangier") in triples(facts)


def test_levantine_present_witness_verb_with_today():
    facts = facts_of_text(events, "تشهد بيروت اليوم انعقاد الاجتماع الإقليمي الثالث حول اللاجئين.", date="2031-05-04")
    t = triples(facts)
    assert ("event/regional-meeting-beirut-2031", "location", "place/beirut") in t
    assert ("event/regional-meeting-beirut-2031", "startDate", "2031-05-04") in t
    assert not [x for x in t if x[1] == "endDate"]          # "today" dates the news, not the meeting's end


def test_gulf_capital_witnessed_the_opening():
    facts = facts_of_text(events, "شهدت العاصمة القطرية الدوحة، أمس، انطلاق فعاليات المؤتمر الإقليمي حول هجرة العمالة.",
                          date="2031-02-10")
    assert ("event/regional-conference-doha-2031", "location", "place/doha") in triples(facts)


def test_a_city_that_witnessed_something_else_is_not_the_meetings_place():
    facts = facts_of_text(events, "شهدت دبي ارتفاعا في عدد العمال الوافدين، فيما عقد الاجتماع الإقليمي حول العمالة "
                                  "في الكويت يوم 3 مارس 2031.", date="")
    assert not [f for f in facts if f.predicate == "location" and key_of(f.object) == "place/dubai"]


def test_a_city_merely_named_is_no_place_of_a_meeting():
    facts = facts_of_text(events, "وأشار الوزير إلى أن القاهرة تضم أكبر جالية، وأكد أهمية المؤتمر الإقليمي حول الهجرة.",
                          date="")
    assert not [f for f in facts if f.predicate == "location"]


def test_un_style_fronted_city_then_held_verb():
    facts = facts_of_text(events, "في الرباط، انعقد الاجتماع الوزاري الخامس لمسار الرباط يوم 2 أيار/مايو 2031 "
                                  "بمشاركة وزراء من أوروبا وإفريقيا.", date="")
    assert ("event/rabat-process-2031", "location", "place/rabat") in triples(facts)


def test_a_planned_meeting_a_city_will_witness_is_planned():
    facts = facts_of_text(events, "ستشهد الدوحة الشهر المقبل انعقاد الاجتماع الإقليمي حول العمالة المنزلية.",
                          date="2031-01-10")
    assert not [f for f in facts if f.subject.kind == "event" and f.subject.cls == "Meeting"]
