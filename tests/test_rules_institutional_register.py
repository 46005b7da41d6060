"""Meetings and persons as UN and other international bodies' own pages write them (issue 13, the institutional
register; development set ``undev``): an organisation that organises, hosts or convenes a workshop or a seminar
(``استضافت منظمة العمل الدولية ورشة عمل فنية إقليمية في اسطنبول``, ``تعقد المفوضية …``), a process's meeting opened by
a UN organ with no year printed (``افتتحت الجمعية العامة الحوار الرفيع المستوى … اليوم في نيويورك``), a page titled
by a process and a year, a meeting's date range written with the UN's double month names, and a person's name
that stops before a verbal noun of purpose (``بان كي مون لتنفيذ …``). Sentences written for these tests, with
the negative cases (a future or scheduled workshop, states that meet, a process discussed rather than held, a
title with words of its own, a date that belongs to something else)."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import actors, events


def triples(*paragraphs, date="", title=""):
    return {(key_of(f.subject), f.predicate, key_of(f.object))
            for f in facts_of_text(events, *paragraphs, date=date, title=title)}


def classes(*paragraphs, date="", title=""):
    return {key_of(f.subject): f.subject.cls for f in facts_of_text(events, *paragraphs, date=date, title=title)
            if getattr(f.subject, "kind", "") == "event"}


def persons(*paragraphs):
    return {key_of(f.subject) for f in facts_of_text(actors, *paragraphs) if key_of(f.subject).startswith("person/")}


# ---- an organisation organises, hosts or convenes a workshop or a seminar

def test_an_organisation_hosting_a_regional_workshop_in_a_city():
    t = triples("استضافت منظمة العمل الدولية ورشة عمل فنية إقليمية في اسطنبول بتركيا لمناقشة حقوق العمال المنزليين.")
    assert ("event/workshop-istanbul", "location", "place/istanbul") in t
    assert ("event/workshop-istanbul", "hostedBy", "org/ilo") in t


def test_the_city_between_the_organiser_and_the_workshop_is_its_place():
    t = triples("نظمت المنظمة الدولية للهجرة في القاهرة ورشة عمل للتبادل الإقليمي حول مؤشرات حوكمة الهجرة.")
    assert ("event/workshop-cairo", "location", "place/cairo") in t
    assert ("event/workshop-cairo", "hostedBy", "org/iom") in t


def test_the_city_before_a_regional_meeting_an_agency_organised():
    t = triples("نظمت الإسكوا في بيروت، بالتعاون مع جامعة الدول العربية، اجتماعا إقليميا حول الهجرة.")
    assert ("event/regional-meeting-beirut", "location", "place/beirut") in t
    assert ("event/regional-meeting-beirut", "hostedBy", "org/escwa") in t
    assert not any(p == "hostedBy" and o == "org/league-of-arab-states" for _, p, o in t)   # a partner


def test_an_organisation_convening_a_seminar_hosts_it():
    t = triples("عقدت منظمة العمل العربية في تونس ندوة قومية حول هجرة العمالة العربية وتنقلها.")
    assert any(p == "hostedBy" and o == "org/arab-labour-organization" for _, p, o in t)


def test_an_events_page_in_the_present_tense_gives_the_organiser():
    t = triples("تنظم منظمة العمل الدولية ورشة عمل ونقاشا استراتيجيا مشتركا في كاتماندو حول حقوق العمال المهاجرين.")
    assert ("event/workshop-kathmandu", "location", "place/kathmandu") in t
    assert ("event/workshop-kathmandu", "hostedBy", "org/ilo") in t


def test_a_future_workshop_is_no_held_workshop():
    t = triples("ستنظم المنظمة الدولية للهجرة ورشة عمل في القاهرة حول إدارة الحدود.")
    assert not any(p == "hostedBy" for _, p, _ in t)
    assert not any(p == "location" and o == "place/cairo" for _, p, o in t)


def test_a_workshop_scheduled_for_next_week_has_no_host():
    t = triples("تنظم الإسكوا الأسبوع المقبل ورشة عمل في بيروت حول بيانات الهجرة.")
    assert not any(p == "hostedBy" for _, p, _ in t)


def test_states_that_convene_a_meeting_do_not_host_it():
    t = triples("عقدت مصر والمغرب اجتماعا تشاوريا حول الهجرة في الرباط.")
    assert not any(p == "hostedBy" for _, p, _ in t)


# ---- a process's meeting opened by a UN organ, no year printed

def test_the_general_assembly_opening_the_high_level_dialogue_today_in_new_york():
    t = triples("افتتحت الجمعية العامة الحوار الرفيع المستوى بشأن الهجرة والتنمية اليوم في نيويورك بدعوة من الأمين العام.")
    assert ("event/hld-new-york", "partOf", "process/hld") in t
    assert ("event/hld-new-york", "location", "place/new-york") in t


def test_the_city_written_before_the_process_it_held():
    t = triples("افتتحت الجمعية العامة صباح اليوم في نيويورك الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية.")
    assert ("event/hld-new-york", "location", "place/new-york") in t


def test_a_dialogue_the_assembly_will_open_is_not_held():
    t = triples("ستفتتح الجمعية العامة الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية غدا في نيويورك.")
    assert ("event/hld-new-york", "partOf", "process/hld") not in t


def test_a_process_discussed_at_a_talk_is_no_meeting_of_it():
    t = triples("اجتمع المدير العام بنظيره الأردني في عمان لبحث الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية.")
    assert not any(p == "partOf" for _, p, _ in t)


# ---- a page titled by a process and a year

def test_a_page_titled_by_a_process_and_a_year_is_that_years_meeting():
    t = triples("وقد جمع الحوار وفودا من عشرات البلدان ومنظمات غير حكومية وخبراء.",
                title="حوار المفوض السامي بشأن تحديات الحماية، 2015")
    assert ("event/hc-dialogue-protection-challenges-2015", "partOf", "process/hc-dialogue-protection-challenges") in t
    assert ("event/hc-dialogue-protection-challenges-2015", "year", "2015") in t


def test_a_page_titled_for_a_later_year_than_its_own_date_is_planned():
    c = classes("يناقش الحوار حماية الأطفال أثناء تنقلهم.", date="2015-06-01",
                title="حوار المفوض السامي بشأن تحديات الحماية 2016")
    assert c.get("event/hc-dialogue-protection-challenges-2016") == "PlannedMeeting"


def test_a_title_with_words_of_its_own_is_no_meeting_page():
    t = triples("نشرت المفوضية ملخصا للمناقشات.", title="ملاحظات المفوضية على حوار المفوض السامي 2016 وتوصياته")
    assert not any(s.startswith("event/hc-dialogue") for s, _, _ in t)


# ---- a date range with the UN's double month names

def test_a_date_range_across_two_months_after_the_place():
    t = triples("ودعا المكتب إلى عقد اجتماع خبراء ثلاثي، عقد في جنيف في الفترة من 31 تشرين الأول/أكتوبر إلى 2 "
                "تشرين الثاني/نوفمبر 2005، لدراسة واعتماد إطار للهجرة.")
    assert ("event/expert-meeting-geneva-2005", "startDate", "2005-10-31") in t
    assert ("event/expert-meeting-geneva-2005", "endDate", "2005-11-02") in t


def test_a_later_date_in_the_sentence_is_not_the_meetings():
    t = triples("عقد الاجتماع، الذي عقد في جنيف عام 2005 بحضور خبراء من الحكومات والعمال وأصحاب العمل وممثلين عن المنظمات "
                "الإقليمية، ثم اعتمد المجلس الإطار في 12 آذار/مارس 2006.")
    assert not any(p == "startDate" and o == "2006-03-12" for _, p, o in t)


# ---- a person's name stops before a verbal noun of purpose

def test_a_name_stops_before_lam_and_a_verbal_noun():
    p = persons("افتتحت الجمعية العامة الحوار بدعوة من الأمين العام للأمم المتحدة بان كي مون لتنفيذ التدابير التي تحمي "
                "حقوق المهاجرين.")
    assert "person/ban-ky-mwn" in p and not any("ltnfydh" in x for x in p)


def test_another_verbal_noun_of_purpose_after_a_director_general():
    p = persons("ودعا المدير العام للمنظمة الدولية للهجرة أنطونيو فيتورينو لتفعيل الاتفاق العالمي في المنطقة.")
    assert "person/antwnyw-fytwrynw" in p and not any("ltf" in x for x in p)


def test_a_given_name_that_looks_like_a_verbal_noun_is_still_a_name():
    assert "person/tysyr-alnjar" in persons("وحضر الاجتماع وزير العمل تيسير النجار.")


def test_an_organ_convening_a_process_meeting_or_a_summit_does_not_host_it():
    t = triples("عقدت الجمعية العامة في نيويورك عام 2013 الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية.",
                "عقد الاتحاد الأوروبي والاتحاد الأفريقي قمة في فاليتا عام 2015.")
    assert not any(p == "hostedBy" for _, p, _ in t)
