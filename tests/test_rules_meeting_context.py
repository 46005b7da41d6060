"""Meetings whose process, host or year is written away from the meeting noun: an ordinal meeting
whose Forum is named in an earlier clause or sentence, a chair's year that is no meeting, a city
subject of a hosting verb with its state set off by commas, an anaphor whose clause gives another
year. Sentences written for these tests in the registers of a UN report and of the press."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events

GFMD = "المنتدى العالمي المعني بالهجرة والتنمية هو عملية استشارية تقودها الدول."


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def test_ordinal_meeting_takes_the_forum_named_in_the_earlier_clause():
    t = triples(facts_of_text(events, GFMD,
                              "وتولت فنلندا رئاسة المنتدى في الفترة ٢٠٣٠-٢٠٣١، وعقدت الاجتماع الخامس في هلسنكي "
                              "في الفترة من ٣ إلى ٥ أيار/مايو ٢٠٣١."))
    assert ("event/gfmd-2031", "partOf", "process/gfmd") in t
    assert ("event/gfmd-2031", "location", "place/helsinki") in t
    assert ("event/gfmd-2031", "startDate", "2031-05-03") in t


def test_ordinal_meeting_takes_the_forum_named_in_the_earlier_sentence():
    t = triples(facts_of_text(events, GFMD,
                              "وفي عام 2032 اشتركت كندا والسنغال في رئاسة المنتدى. وعُقد الاجتماع السادس في داكار "
                              "يومي 10 و 11 تشرين الثاني/نوفمبر 2032."))
    assert ("event/gfmd-2032", "partOf", "process/gfmd") in t
    assert ("event/gfmd-2032", "location", "place/dakar") in t


def test_an_ordinal_meeting_of_another_body_is_not_the_forums():
    t = triples(facts_of_text(events, GFMD,
                              "وتولت فنلندا رئاسة المنتدى، وعقدت الاجتماع الخامس للجنة الخبراء في هلسنكي في أيار/مايو 2031."))
    assert not any(s.startswith("event/gfmd") for s, _, _ in t)


def test_a_chair_year_is_not_a_meeting_of_that_year():
    t = triples(facts_of_text(events, GFMD,
                              "وتولت شيلي رئاسة المنتدى لعام 2033، وعقدت اجتماع القمة الرابع عشر للمنتدى في سانتياغو "
                              "في الفترة من 20 إلى 22 كانون الثاني/يناير 2034."))
    assert ("event/gfmd-2034", "partOf", "process/gfmd") in t
    assert ("event/gfmd-2034", "location", "place/santiago") in t
    assert not any(s == "event/gfmd-2033" for s, _, _ in t)


def test_a_city_subject_of_a_hosting_verb_with_its_state_set_off():
    t = triples(facts_of_text(events, GFMD,
                              "واحتضنت نيروبي، كينيا، الاجتماع السابع للمنتدى في الفترة من 4 إلى 6 آذار/مارس 2035.",
                              date="2036-01-10"))
    assert ("event/gfmd-2035", "location", "place/nairobi") in t
    assert ("event/gfmd-2035", "hostedBy", "state/KEN") in t


def test_a_city_after_the_meeting_is_not_read_through_an_apposition():
    t = triples(facts_of_text(events, GFMD,
                              "واستضافت كينيا، بالتعاون مع المنظمة الدولية للهجرة، ورشة عمل في نيروبي في 2035."))
    assert not any(p == "hostedBy" and s.startswith("event/gfmd") for s, p, _ in t)


def test_a_later_paragraph_with_another_year_does_not_fall_back_to_the_main_meeting():
    t = triples(facts_of_text(events, GFMD,
                              "عُقد الاجتماع الأول للمنتدى في بروكسل في تموز/يوليه 2030.",
                              "جرت المفاوضات الحكومية الدولية في نيويورك بين شباط/فبراير وتموز/يوليه 2036."))
    assert ("event/gfmd-2030", "location", "place/brussels") in t
    assert ("event/gfmd-2030", "location", "place/new-york") not in t


HLD = "الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية منبر للجمعية العامة."


def test_a_meeting_noun_with_a_pronoun_names_the_process_it_would_name_with_the_article():
    t = triples(facts_of_text(events, HLD,
                              "وعقدت الجمعية العامة حوارها الرفيع المستوى الثالث بشأن الهجرة الدولية والتنمية في "
                              "نيويورك يومي 8 و 9 أيار/مايو 2031.", date="2031-12-01"))
    assert ("event/hld-2031", "partOf", "process/hld") in t
    assert ("event/hld-2031", "location", "place/new-york") in t
    assert ("event/hld-2031", "startDate", "2031-05-08") in t


def test_a_pronoun_on_a_meeting_noun_that_names_no_process_is_not_a_process_meeting():
    t = triples(facts_of_text(events, HLD,
                              "وعقدت اللجنة حوارها الثالث مع المجتمع المدني في نيويورك في أيار/مايو 2031.",
                              date="2031-12-01"))
    assert not any(s.startswith("event/hld") for s, _, _ in t)


def test_a_summit_convened_by_other_bodies_is_not_the_process_of_the_previous_sentence():
    t = triples(facts_of_text(events,
                              "واعتمدت عملية الرباط برنامج عمل جديدا في المؤتمر الوزاري السادس في مدريد في عام 2031. "
                              "وعقد الاتحاد الأوروبي والاتحاد الأفريقي مؤتمر قمة أثينا بشأن الهجرة في 3 و 4 آذار/مارس 2032.",
                              date="2032-12-01"))
    athens = {s for s, p, o in t if p == "location" and o == "place/athens"}
    assert athens and not any((s, "partOf", "process/rabat-process") in t for s in athens)


def test_a_summit_named_by_its_city_keeps_the_process_of_its_paragraph():
    t = triples(facts_of_text(events,
                              "تواصل عملية بالي عملها الإقليمي، وعقدت قمة بالي في 23 آذار/مارس 2032.",
                              date="2032-12-01"))
    assert any(p == "partOf" and o == "process/bali-process" for _, p, o in t)
