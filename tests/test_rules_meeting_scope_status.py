"""Three classes of meeting construction (issue 13, lane meet8), on sentences written for these tests in the registers
of a UN page, an IO press release and Gulf, Maghrebi and Levantine press, each with its negatives:

* a bare noun (``المنتدى``, ``المؤتمر``, ``نسخة العام … من المنتدى``) when no meeting is in scope names the one process
  the text named before whose name it heads (``meeting_coref.scope_process``); two such processes give none; a press
  conference or a training course is no meeting at all (class ``not_meeting_qualifier``);
* a meeting announced first and reported held later in the same text is held, and its announced host hosts it
  (``events._settle``); one only announced stays planned; a planned marker after another meeting noun (a preparatory
  meeting for a summit still to come) does not make the first one planned (``event_status``);
* an organisation's own gatherings (expert group meetings, national dialogues, webinars, study days, training
  courses) are meetings it hosts when it convenes or organises them, also when the organiser is named in a relative
  clause after the meeting (``ورشة العمل التي تنظمها …``).
"""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events

DATE = "2026-03-10"


def facts(*paragraphs: str, date: str = DATE):
    return facts_of_text(events, *paragraphs, date=date)


def triples(fs) -> set:
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in fs}


def classes(fs) -> dict:
    return {key_of(f.subject): f.subject.cls for f in fs if getattr(f.subject, "kind", "") == "event"}


# ---------------------------------------------------------------- 1. a bare noun after its process was named

def test_a_bare_noun_with_a_held_verb_names_the_process_named_before_maghrebi_press():
    fs = facts("أكد وزير الخارجية أن منتدى عموم أفريقيا بشأن الهجرة يشكل إطارا للتشاور بين الدول.",
               "واختتمت أمس بالجزائر العاصمة أعمال المنتدى بإصدار إعلان ختامي.")
    t = triples(fs)
    assert ("event/pafom-2026", "partOf", "process/pafom") in t
    assert ("event/pafom-2026", "location", "place/algiers") in t


def test_a_bare_conference_noun_takes_up_its_process_not_a_meeting_of_the_city_levantine_press():
    fs = facts("تأسس مؤتمر مديري الهجرة في المحيط الهادئ عام 1996 لتعزيز التعاون بين إدارات الهجرة.",
               "وانطلقت أمس في سوفا أعمال المؤتمر بمشاركة 11 دولة.")
    t = triples(fs)
    assert ("event/pidc-2026", "partOf", "process/pidc") in t
    assert ("event/pidc-2026", "location", "place/suva") in t
    assert not any(s.startswith("event/conference-") for s, _, _ in t)


def test_an_edition_of_the_forum_named_by_its_year_is_the_process_named_before_un_page():
    fs = facts("يعد المنتدى العالمي للاجئين أكبر تجمع دولي حول قضايا اللاجئين. وستعقد نسخة العام 2027 من المنتدى "
               "في جنيف من 14 إلى 16 كانون الأول/ديسمبر.", date="2026-11-02")
    t = triples(fs)
    assert ("event/global-refugee-forum-2027", "partOf", "process/global-refugee-forum") in t
    assert ("event/global-refugee-forum-2027", "location", "place/geneva") in t
    assert classes(fs)["event/global-refugee-forum-2027"] == "PlannedMeeting"
    assert not any(s.startswith("event/forum-") for s, _, _ in t)


def test_two_processes_of_the_same_head_named_before_give_the_bare_noun_neither():
    fs = facts("شاركت فيجي في مؤتمر مديري الهجرة في المحيط الهادئ وفي مؤتمر وزراء داخلية دول غرب البحر الأبيض المتوسط.",
               "وانطلقت أمس في سوفا أعمال المؤتمر بمشاركة 11 دولة.")
    t = triples(fs)
    assert not any(s.startswith(("event/pidc", "event/cimo")) for s, _, _ in t)


def test_a_bare_noun_with_a_meeting_in_scope_takes_up_that_meeting_not_the_process():
    # Gulf press: the meeting is named first; the bare noun is that meeting (coreference), whatever process is named
    fs = facts("انطلقت أمس في أبوظبي أعمال الاجتماع الوزاري السابع لحوار أبوظبي.",
               "وناقش الاجتماع تنظيم استقدام العمالة المؤقتة.")
    keys = {s for s, _, _ in triples(fs)}
    assert keys == {"event/abu-dhabi-dialogue-2026"}


def test_a_press_conference_is_no_meeting():
    fs = facts("وقال وزير الداخلية في مؤتمر صحفي عقده في الدوحة أمس إن بلاده ستواصل تنظيم العمالة الوافدة.",
               "عقد وزير العمل مؤتمرا صحافيا في عمان اليوم للإعلان عن برنامج جديد.",
               "وأكد الأمين العام في المؤتمر الصحفي الذي أعقب الاجتماع أن الدول ستواصل التشاور.")
    assert facts_of_kind(fs) == set()


def test_a_training_course_an_organisation_holds_is_a_meeting_it_hosts():
    fs = facts("نظمت المنظمة الدولية للهجرة دورة تدريبية لموظفي الحدود في تونس يوم 3 مارس 2026.")
    ev = next(s for s in facts_of_kind(fs) if s.startswith("event/training-workshop"))
    assert (ev, "hostedBy", "org/iom") in triples(fs)


def test_a_training_workshop_stays_a_workshop_its_organiser_hosts():
    fs = facts("نظمت منظمة العمل الدولية ورشة عمل تدريبية لمفتشي العمل في بيروت يوم 3 آذار/مارس 2026.")
    t = triples(fs)
    assert ("event/workshop-beirut-2026", "hostedBy", "org/ilo") in t


def facts_of_kind(fs) -> set:
    return {s for s, _, _ in triples(fs) if s.startswith("event/")}


# ---------------------------------------------------------------- 2. status that changes in one text

ANNOUNCED = "من المقرر أن تستضيف أبوظبي الاجتماع الوزاري السابع لحوار أبوظبي."


def test_announced_then_opened_is_held_and_the_announced_host_hosts_it_gulf_press():
    fs = facts(ANNOUNCED, "وقد انطلقت أمس أعمال الاجتماع بمشاركة وزراء العمل في الدول الأعضاء.")
    t = triples(fs)
    assert classes(fs)["event/abu-dhabi-dialogue-meeting-7"] == "Meeting"
    assert ("event/abu-dhabi-dialogue-meeting-7", "hostedBy", "state/ARE") in t
    assert ("event/abu-dhabi-dialogue-meeting-7", "plannedHost", "state/ARE") not in t


def test_announced_only_stays_planned_with_a_planned_host():
    fs = facts(ANNOUNCED, "وسيناقش الاجتماع تنظيم استقدام العمالة.")
    t = triples(fs)
    assert set(classes(fs).values()) == {"PlannedMeeting"}
    assert ("event/abu-dhabi-dialogue-meeting-7", "plannedHost", "state/ARE") in t
    assert not any(p == "hostedBy" for _, p, _ in t)


def test_an_edition_announced_then_opened_by_an_impersonal_passive_is_held_un_page():
    # تم افتتاح: the auxiliary's past tense with the verbal noun of a held verb
    fs = facts("يعد المنتدى العالمي للاجئين أكبر تجمع دولي حول قضايا اللاجئين. وسوف تجري فعاليات نسخة العام 2027 من "
               "المنتدى في جنيف من 14 إلى 16 كانون الأول/ديسمبر.",
               "وتستضيف المفوضية السامية للأمم المتحدة لشؤون اللاجئين المنتدى. وقد تم افتتاح المنتدى العالمي للاجئين "
               "بكلمة ألقاها المفوض السامي.", date="")
    t = triples(fs)
    assert classes(fs)["event/global-refugee-forum-2027"] == "Meeting"
    assert ("event/global-refugee-forum-2027", "hostedBy", "org/unhcr") in t


def test_planned_then_closed_in_a_later_paragraph_maghrebi_press():
    fs = facts("وسوف تجري أعمال منتدى عموم أفريقيا بشأن الهجرة في الجزائر العاصمة.",
               "واختتمت أمس أعمال المنتدى بإصدار إعلان ختامي.")
    assert classes(fs).get("event/pafom-2026") == "Meeting"


def test_an_offer_to_host_the_next_meeting_is_no_host_of_the_meeting_held():
    fs = facts("اختتمت أمس في بالي أعمال الاجتماع الوزاري لعملية بالي، وعرضت تايلاند استضافة الاجتماع المقبل.")
    t = triples(fs)
    assert ("event/bali-process-2026", "hostedBy", "state/THA") not in t
    assert classes(fs)["event/bali-process-2026"] == "Meeting"


def test_a_preparatory_meeting_held_for_a_summit_still_to_come_is_held_levantine_press():
    fs = facts("عقد وزراء الخارجية أمس في القاهرة اجتماعا تحضيريا للقمة العربية المقرر عقدها الشهر المقبل في الرياض.")
    c = classes(fs)
    assert c["event/meeting-cairo-2026"] == "Meeting"
    assert c.get("event/summit-riyadh-2026", "PlannedMeeting") == "PlannedMeeting"


def test_a_dateline_day_opening_is_held_that_day():
    fs = facts("الرباط، 10 مارس 2026 - افتتحت اليوم بالرباط أشغال الاجتماع الوزاري لمسار الرباط.")
    t = triples(fs)
    assert classes(fs)["event/rabat-process-2026"] == "Meeting"
    assert ("event/rabat-process-2026", "startDate", "2026-03-10") in t


# ---------------------------------------------------------------- 3. an organisation's own gatherings

def test_an_expert_group_meeting_is_hosted_by_the_organisation_that_convenes_it_un_page():
    fs = facts("عقدت الإسكوا اجتماع فريق خبراء حول الهجرة الدولية في المنطقة العربية في بيروت يومي 4 و5 آذار/مارس 2026.")
    t = triples(fs)
    assert ("event/expert-meeting-beirut-2026", "hostedBy", "org/escwa") in t
    assert ("event/expert-meeting-beirut-2026", "location", "place/beirut") in t
    assert ("event/expert-meeting-beirut-2026", "startDate", "2026-03-04") in t


def test_a_plain_meeting_an_organisation_convenes_is_not_hosted_by_it():
    # عقدت X اجتماعا: the organisation met (a meeting of its own organs or with others); no host is read
    fs = facts("عقدت الإسكوا اجتماعا في بيروت يومي 4 و5 آذار/مارس 2026.")
    assert not any(p == "hostedBy" for _, p, _ in triples(fs))


def test_a_national_dialogue_organised_by_an_io_with_a_ministry_io_release():
    fs = facts("نظمت منظمة العمل الدولية بالشراكة مع وزارة العمل الأردنية حوارا وطنيا حول استقدام العمال المهاجرين "
               "في عمان يوم 2 آذار/مارس 2026.")
    t = triples(fs)
    ev = next(s for s, _, _ in t if s.startswith("event/national-dialogue"))
    assert (ev, "hostedBy", "org/ilo") in t
    assert (ev, "startDate", "2026-03-02") in t


def test_a_webinar_and_a_study_day_are_meetings_their_organiser_hosts():
    fs = facts("نظمت المنظمة الدولية للهجرة ندوة افتراضية حول الهجرة والمناخ يوم 8 مارس 2026.",
               "ونظمت المفوضية السامية للأمم المتحدة لشؤون اللاجئين يوما دراسيا حول انعدام الجنسية بالرباط يوم 9 مارس 2026.")
    t = triples(fs)
    webinar = next(s for s, _, _ in t if s.startswith("event/online-seminar"))
    assert (webinar, "hostedBy", "org/iom") in t
    study = next(s for s, _, _ in t if s.startswith("event/seminar"))
    assert (study, "hostedBy", "org/unhcr") in t
    assert (study, "location", "place/rabat") in t


def test_a_dialogue_an_organisation_only_mentions_is_no_meeting():
    fs = facts("دعت المنظمة الدولية للهجرة إلى حوار وطني شامل حول الهجرة.")
    assert facts_of_kind(fs) == set()


def test_the_organiser_in_a_relative_clause_after_the_meeting_hosts_it_gulf_and_maghrebi_press():
    fs = facts("انطلقت في عمان اليوم ورشة العمل التي تنظمها منظمة العمل الدولية لمفتشي العمل.",
               "واختتمت في الرباط أمس الندوة الإقليمية التي نظمتها المنظمة الدولية للهجرة بالتعاون مع وزارة الداخلية.")
    t = triples(fs)
    assert any(p == "hostedBy" and o == "org/ilo" and s.startswith("event/workshop") for s, p, o in t)
    assert ("event/seminar-rabat-2026", "hostedBy", "org/iom") in t


def test_a_relative_organiser_is_no_host_of_a_summit_nor_of_a_planned_meeting_nor_a_partner():
    fs = facts("اختتمت في أديس أبابا أمس القمة التي عقدها الاتحاد الأفريقي حول الهجرة.",
               "من المقرر أن تنطلق الأسبوع المقبل في الرباط الندوة التي تنظمها المنظمة الدولية للهجرة.",
               "واختتمت في تونس أمس الندوة التي نظمتها بالتعاون مع المنظمة الدولية للهجرة وزارة الداخلية.")
    assert not any(p == "hostedBy" for _, p, _ in triples(fs))


def test_an_undated_page_keeps_the_workshop_its_relative_organiser_convenes_un_page():
    # no document date: the workshop is named by its city, its organiser in the relative clause hosts it
    fs = facts("افتتحت في بيروت ورشة العمل التي تنظمها منظمة العمل الدولية حول عمل الأطفال في المنطقة.", date="")
    t = triples(fs)
    assert ("event/workshop-beirut", "hostedBy", "org/ilo") in t
    assert ("event/workshop-beirut", "location", "place/beirut") in t
    # without an organiser, a workshop named only by its city is not read as a meeting of its own
    assert facts_of_kind(facts("افتتحت في بيروت ورشة العمل حول عمل الأطفال في المنطقة.", date="")) == set()


def test_a_course_an_organisation_has_run_since_a_year_is_a_habit_not_a_meeting():
    fs = facts("وتنظم المنظمة الدولية للهجرة منذ عام 2019 دورة تدريبية سنوية لموظفي الهجرة في القاهرة.")
    assert facts_of_kind(fs) == set()


def test_a_past_verb_of_the_preparations_does_not_make_the_announced_host_a_host_un_report():
    # the meeting is announced; a later sentence's past verb is about its preparation, not the meeting taking place
    fs = facts("وستستضيف حكومة الفلبين الاجتماع الثاني للمنتدى العالمي المعني بالهجرة والتنمية في مانيلا.",
               "وشاركت عشرون دولة في التحضير المواضيعي للاجتماع الثاني للمنتدى.", date="2008-08-11")
    t = triples(fs)
    assert not any(p == "hostedBy" for _, p, _ in t)
    assert any(p == "plannedHost" and o == "state/PHL" for _, p, o in t)
