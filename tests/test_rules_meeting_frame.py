"""The setting of a meeting read from its sentence frame when the meeting is taken up again or dated the way
the press dates it: a day of the month a direction word implies (``يومي 8 و9 الجاري``), a month or year after
``منذ`` that belongs to something else (a chairmanship, a process's launch), the end verb with a pronoun
(``واختتمت أعماله``). Sentences written for these tests in several registers, with negative cases."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def test_days_of_the_current_month_date_the_meeting():
    # Egyptian press: "held on the 8th and 9th of this month in Cairo", read against the document's date
    t = triples(facts_of_text(events, "اختتمت أمس في القاهرة أعمال المؤتمر الوزاري الخامس لعملية الخرطوم الذي "
                                      "عقد يومي 8 و9 الجاري.", date="2026-03-10"))
    assert ("event/khartoum-process-2026", "startDate", "2026-03-08") in t
    assert ("event/khartoum-process-2026", "endDate", "2026-03-09") in t


def test_a_month_after_since_is_not_the_taken_up_meetings_date_and_does_not_unlink_it():
    # the chairmanship began "since April of last year": the meeting is still the one named before
    t = triples(facts_of_text(events,
                              "انطلقت اليوم الأربعاء في القاهرة أعمال الاجتماع الوزاري الثاني لعملية الخرطوم.",
                              "ويعقد الاجتماع برئاسة وزير الخارجية المصري بدر عبد العاطي، وذلك في إطار تولي مصر "
                              "رئاسة العملية منذ أبريل من العام الماضي.", date="2026-03-11"))
    assert ("event/khartoum-process-2026", "chairedBy", "person/bdr-bd-alaty") in t
    assert not any(p == "startDate" and o.startswith("2025") for _, p, o in t)


def test_a_day_after_since_is_the_meetings_first_day():
    # Gulf press: "the forum, held since Wednesday in Berlin" — a day after منذ is when it began
    t = triples(facts_of_text(events, "وتتواصل أعمال المنتدى العالمي للهجرة والتنمية في نسخته العاشرة المنعقدة منذ "
                                      "الأربعاء 28 يونيو 2017 ببرلين.", date="2017-06-30"))
    assert ("event/gfmd-2017", "startDate", "2017-06-28") in t


LEAD = "افتتحت يوم الاثنين 9 مارس 2026 بالرباط أشغال المؤتمر الوزاري السادس لمسار الرباط."


def on_second(*paragraphs, date="2026-03-12"):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts_of_text(events, *paragraphs, date=date)
            if getattr(f.evidence, "number", 0) == 2}


def test_the_close_of_its_proceedings_dates_the_meeting_taken_up_by_a_pronoun():
    # Maghrebi press: "at the close of its proceedings on Wednesday", a paragraph after the opening
    t = on_second(LEAD, "وفي ختام أعماله يوم الأربعاء 11 مارس 2026، صدر بيان ختامي.")
    assert t == {("event/rabat-process-2026", "endDate", "2026-03-11")}


def test_a_closing_verb_that_opens_the_sentence_dates_the_end_not_the_start():
    t = on_second(LEAD, "وقد اختتمت أشغاله يوم الأربعاء 11 مارس 2026 بإعلان مشترك.")
    assert ("event/rabat-process-2026", "endDate", "2026-03-11") in t
    assert ("event/rabat-process-2026", "startDate", "2026-03-11") not in t


def test_participants_in_its_proceedings_take_part_in_the_meeting_taken_up():
    # Levantine press: "the Spanish foreign minister took part in its proceedings"
    t = on_second(LEAD, "وشارك في أشغاله وزير الخارجية الإسباني خوسيه مانويل ألباريس.")
    assert ("state/ESP", "participatesIn", "event/rabat-process-2026") in t


def test_a_date_in_a_sentence_with_a_pronoun_of_a_period_is_not_the_meetings():
    t = triples(facts_of_text(events, LEAD, "وتراجعت الهجرة خلال العام الذي انتهت خلاله المفاوضات في 20 مارس 2025.",
                              date="2026-03-12"))
    assert not any(o.startswith("2025") for _, p, o in t if p in ("startDate", "endDate"))


def test_convene_verbs_of_every_register_govern_the_meeting_they_name():
    # Maghrebi "يلتئم" (will convene: planned before its date), Gulf "أقيمت" (was held)
    t = triples(facts_of_text(events, "يلتئم يوم الخميس 12 مارس 2026 بالرباط المؤتمر الوزاري السادس لمسار الرباط.",
                              date="2026-03-10"))
    assert ("event/rabat-process-2026", "location", "place/rabat") in t
    assert ("event/rabat-process-2026", "startDate", "2026-03-12") in t
    t = triples(facts_of_text(events, "أقيمت أمس في الدوحة فعاليات المنتدى الإقليمي الأول حول الهجرة.", date="2026-03-10"))
    assert ("event/regional-forum-doha-2026", "location", "place/doha") in t
    assert ("event/regional-forum-doha-2026", "startDate", "2026-03-09") in t


def test_a_convened_committee_is_no_meeting():
    t = triples(facts_of_text(events, "وتستمر اجتماعات اللجنة، الملتئمة منذ يناير 2026 في جنيف، حتى نهاية الشهر.",
                              date="2026-03-10"))
    assert not any(p in ("location", "startDate") for _, p, _ in t)


def test_the_meeting_a_preparatory_meeting_prepares_is_planned_and_takes_none_of_its_setting():
    # UN style: "a senior officials' meeting in Cairo on 3 March in preparation for the ministerial conference"
    facts = facts_of_text(events, "عقد كبار المسؤولين اجتماعا في القاهرة يوم 3 مارس 2026 تمهيدا للمؤتمر الوزاري "
                                  "الخامس لعملية الخرطوم.", date="2026-03-10")
    t = triples(facts)
    assert ("event/meeting-cairo-2026", "location", "place/cairo") in t
    conf = [f for f in facts if key_of(f.subject) == "event/khartoum-process-meeting-5"]
    assert conf and all(f.subject.cls == "PlannedMeeting" for f in conf)
    assert not any(f.predicate in ("location", "startDate") for f in conf)


def test_a_year_after_a_closing_verb_is_no_last_day():
    t = on_second(LEAD, "وقد اختتمت أشغاله عام 2026 بإعلان مشترك.")
    assert not any(p == "endDate" for _, p, _ in t)
