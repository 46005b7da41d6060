"""Meetings as the press names them, when the text prints no year: by their place (a held verb or a day
of their own says the meeting took place), by their process named for the meeting (its proceedings
governed by a held verb, its edition), by the process's name with a meeting noun for its head; and
what a meeting's date and status are not (a date after حتى is its last day, a date in a relative clause
about something else is not its own, المزمع عقده a few words after it makes it planned, a resolution's
title is not its theme). Every sentence here is the author's own, in several registers."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of, real_matcher
from graph_builder.facts import events
from graph_builder.recognise.matcher import hyphen_forms


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def classes(facts, slug):
    return {f.subject.cls for f in facts if f.subject.slug == slug}


# ------------------------------------------------------------------ a place names the meeting

def test_maghrebi_conference_opened_in_a_city_with_a_yearless_day_range():
    facts = facts_of_text(events, "افتتحت صباح اليوم الثلاثاء، بالرباط، أشغال المؤتمر الحكومي الدولي حول التنقل "
                                  "المناخي (3-4 يونيو)، بحضور وزراء من عدة دول.", date="")
    t = triples(facts)
    assert ("event/conference-rabat", "location", "place/rabat") in t
    assert classes(facts, "conference-rabat") == {"Meeting"}
    assert not [f for f in facts if f.predicate == "year"]         # no year printed, none assumed


def test_the_same_conference_with_the_document_date_gets_its_year_and_days():
    facts = facts_of_text(events, "افتتحت صباح اليوم الثلاثاء، بالرباط، أشغال المؤتمر الحكومي الدولي حول التنقل "
                                  "المناخي (3-4 يونيو)، بحضور وزراء من عدة دول.", date="2031-06-03")
    t = triples(facts)
    assert {("event/conference-rabat-2031", "location", "place/rabat"),
            ("event/conference-rabat-2031", "startDate", "2031-06-03"),
            ("event/conference-rabat-2031", "endDate", "2031-06-04")} <= t


def test_a_conference_announced_in_a_city_is_not_a_held_meeting():
    facts = facts_of_text(events, "ستفتتح غدا بالرباط أشغال المؤتمر الحكومي الدولي حول التنقل المناخي.", date="")
    assert not [f for f in facts if f.subject.cls == "Meeting"]


def test_a_conference_merely_named_with_a_city_is_no_meeting():
    facts = facts_of_text(events, "وأشار التقرير إلى أهمية المؤتمر الحكومي الدولي في الرباط بالنسبة للمنطقة.", date="")
    assert not [f for f in facts if f.subject.kind == "event"]


# ------------------------------------------------------------------ a process named for its meeting

def test_levantine_proceedings_of_the_forum_opened_in_a_capital_with_no_year():
    facts = facts_of_text(events, "انطلقت في العاصمة اللبنانية بيروت أعمال المنتدى العالمي للهجرة والتنمية وسط "
                                  "مشاركة واسعة من الحكومات.", date="")
    t = triples(facts)
    assert ("event/gfmd-beirut", "partOf", "process/gfmd") in t
    assert ("event/gfmd-beirut", "location", "place/beirut") in t
    assert classes(facts, "gfmd-beirut") == {"Meeting"}


def test_capital_with_a_clitic_before_the_city():
    facts = facts_of_text(events, "اختتمت بالعاصمة كيتو أعمال المنتدى العالمي للهجرة والتنمية GFMD.", date="")
    assert ("event/gfmd-quito", "location", "place/quito") in triples(facts)


def test_the_forums_work_with_no_held_verb_is_not_a_meeting():
    facts = facts_of_text(events, "وأوضحت الوزيرة أن أعمال المنتدى العالمي للهجرة والتنمية تتركز على حماية "
                                  "المهاجرين في بيروت.", date="")
    assert not [f for f in facts if f.subject.kind == "event"]


def test_gulf_edition_ordinal_after_the_process_name():
    facts = facts_of_text(events, "يواصل المشاركون في المنتدى العالمي للهجرة والتنمية في نسخته الرابعة عشرة "
                                  "المنعقدة منذ أمس بالدوحة بحث سبل حماية العمال.", date="")
    t = triples(facts)
    assert ("event/gfmd-meeting-14", "partOf", "process/gfmd") in t
    assert ("event/gfmd-meeting-14", "ordinal", "14") in t
    assert ("event/gfmd-meeting-14", "location", "place/doha") in t


def test_a_date_after_hatta_is_the_last_day_of_a_planned_summit():
    facts = facts_of_text(events, "تنطلق بعد غد الإثنين أعمال قمة المنتدى العالمي للهجرة والتنمية في دورتها "
                                  "الخامسة عشرة والتي تستمر حتى 30 مارس الجاري.", date="2031-03-15")
    t = triples(facts)
    assert ("event/gfmd-2031", "ordinal", "15") in t
    assert ("event/gfmd-2031", "endDate", "2031-03-30") in t
    assert ("event/gfmd-2031", "startDate", "2031-03-30") not in t
    assert classes(facts, "gfmd-2031") == {"PlannedMeeting"}


# ------------------------------------------------------------------ a meeting noun for a process's head

def test_euro_african_ministerial_conference_is_the_rabat_process_meeting():
    facts = facts_of_text(events, "وكان المؤتمر الوزاري الأورو-إفريقي الأول حول الهجرة والتنمية قد انعقد سنة 2006 "
                                  "بالرباط.", date="")
    t = triples(facts)
    assert {("event/rabat-process-2006", "partOf", "process/rabat-process"),
            ("event/rabat-process-2006", "ordinal", "1"),
            ("event/rabat-process-2006", "location", "place/rabat")} <= t


def test_spaced_hyphen_and_a_bare_year_after_the_city():
    facts = facts_of_text(events, "أما المؤتمر الأورو - إفريقي الثاني حول الهجرة والتنمية فانعقد بعد ذلك في "
                                  "باريس 2008.", date="")
    t = triples(facts)
    assert {("event/rabat-process-2008", "partOf", "process/rabat-process"),
            ("event/rabat-process-2008", "year", "2008"),
            ("event/rabat-process-2008", "location", "place/paris")} <= t


def test_a_shared_adjective_alone_names_no_process():
    facts = facts_of_text(events, "وكان المؤتمر الإقليمي الأول حول الهجرة والتنمية قد انعقد سنة 2029 في تونس.",
                          date="")
    assert not [f for f in facts if f.predicate == "partOf" and key_of(f.object).startswith("process/")]


def test_hyphen_forms_of_a_name_and_the_matcher():
    assert set(hyphen_forms("الاورو-افريقي")) == {"الاورو-افريقي", "الاورو -افريقي", "الاورو- افريقي",
                                                  "الاورو - افريقي", "الاورو افريقي", "الاوروافريقي"}
    assert hyphen_forms("الهجره والتنميه") == ["الهجره والتنميه"]
    mt = real_matcher()
    for text in ("شركاء الحوار الأورو -إفريقي حول الهجرة والتنمية.", "عن الحوار الأورو ـ إفريقي حول الهجرة والتنمية.",
                 "للحوار الأوروإفريقي حول الهجرة والتنمية."):
        assert [m.entity.slug for m in mt.find(text, ())] == ["rabat-process"], text


# ------------------------------------------------------------------ what is not the meeting's

def test_a_date_in_a_relative_clause_about_an_instrument_is_not_the_meetings():
    facts = facts_of_text(events, "وركز الاجتماع العاشر لعملية التشاور العربية الإقليمية حول الهجرة واللجوء على "
                                  "متابعة الاتفاق العالمي الذي تم اعتماده من قبل الجمعية العامة في ديسمبر 2018.",
                          date="")
    t = triples(facts)
    assert ("event/arcp-meeting-10", "partOf", "process/arcp") in t
    assert not [f for f in facts if f.predicate == "year"]


def test_mazmaa_aqduhu_a_few_words_after_the_meeting_makes_it_planned():
    facts = facts_of_text(events, "وناقش المشاركون التحضير للمشاركة في مؤتمر الاستعراض الإقليمي الثاني في المنطقة "
                                  "العربية المزمع عقده بالقاهرة في مارس 2032.", date="2031-12-01")
    events_ = {f.subject.slug for f in facts if f.subject.kind == "event"}
    assert events_
    assert all(classes(facts, slug) == {"PlannedMeeting"} for slug in events_)


def test_a_resolutions_title_is_not_the_meetings_theme():
    facts = facts_of_text(events, "وعقد المؤتمر في مراكش يوم 10 ديسمبر 2030 تحت رعاية الجمعية العامة التي اعتمدت "
                                  "القرار 71/1 المؤرخ 19 سبتمبر 2016 بعنوان \"إعلان نيويورك من أجل اللاجئين والمهاجرين\".",
                          date="")
    assert ("event/conference-marrakech-2030", "location", "place/marrakech") in triples(facts)
    assert not [f for f in facts if f.predicate == "theme"]


# ------------------------------------------------------------------ a series listed as cities with years

def test_declaration_recalls_earlier_consultations_listed_by_city_and_year():
    facts = facts_of_text(events, "إعلان عمان الصادر عن المشاورة الوزارية الخامسة لمسار كولومبو.",
                          "وإذ نستذكر نتائج المشاورات الوزارية السابقة المعقودة في كولومبو عام 2003، ومانيلا عام 2004، "
                          "وبالي عام 2005؛", date="")
    t = triples(facts)
    for year, city in ((2003, "colombo"), (2004, "manila"), (2005, "bali")):
        ev = f"event/colombo-process-{year}"
        assert {(ev, "partOf", "process/colombo-process"), (ev, "year", str(year)),
                (ev, "location", f"place/{city}")} <= t


def test_maghrebi_other_sessions_respectively_in_brackets():
    facts = facts_of_text(events, "وكان المؤتمر الوزاري الأورو-إفريقي الأول حول الهجرة والتنمية قد انعقد سنة 2006 "
                                  "بالرباط، في حين نظمت الدورات الثلاث الأخرى، على التوالي، بباريس (2008) ودكار (2011) "
                                  "وروما (2014).", date="")
    t = triples(facts)
    assert ("event/rabat-process-2011", "location", "place/dakar") in t
    assert ("event/rabat-process-2014", "partOf", "process/rabat-process") in t
    assert ("event/rabat-process-2008", "year", "2008") in t


def test_a_single_city_and_year_is_no_list_and_a_planned_list_is_nothing_held():
    facts = facts_of_text(events, "وستعقد الدورات المقبلة لمسار كولومبو في كولومبو عام 2033، ومانيلا عام 2034.",
                          date="2031-01-01")
    assert not [f for f in facts if f.subject.cls == "Meeting"]


def test_a_city_the_text_calls_the_capital_of_another_state_is_not_that_city():
    facts = facts_of_text(events, "وتسلم المغرب رئاسة المنتدى العالمي للهجرة والتنمية خلال المؤتمر السنوي الذي انعقد "
                                  "يوم الإثنين 12 دجنبر 2030، في دكار عاصمة بنغلادش.", date="")
    assert ("place/dakar") not in {key_of(f.object) for f in facts if f.predicate == "location"}


# ------------------------------------------------------------------ the writers' ways with places and days

def test_gulf_opening_today_in_a_city_gives_the_first_day_only():
    facts = facts_of_text(events, "تنطلق في الدوحة، اليوم، أعمال اللقاء الوزاري التشاوري التاسع لدول «حوار أبوظبي»، "
                                  "بمشاركة وزراء العمل.", date="2031-02-10")
    t = triples(facts)
    assert {("event/abu-dhabi-dialogue-2031", "partOf", "process/abu-dhabi-dialogue"),
            ("event/abu-dhabi-dialogue-2031", "location", "place/doha"),
            ("event/abu-dhabi-dialogue-2031", "startDate", "2031-02-10")} <= t
    assert not [f for f in facts if f.predicate == "endDate"]


def test_in_the_closing_of_the_proceedings_the_day_is_the_last_one():
    facts = facts_of_text(events, "جاء ذلك في ختام أعمال اللقاء الوزاري التشاوري التاسع لمسار «حوار أبوظبي»، أمس، "
                                  "بعد يومين من الاجتماعات.", date="2031-02-10")
    t = triples(facts)
    assert ("event/abu-dhabi-dialogue-2031", "endDate", "2031-02-09") in t
    assert not [f for f in facts if f.predicate == "startDate"]


def test_a_numbered_term_with_its_years_is_not_a_meeting():
    facts = facts_of_text(events, "وسلمت الكويت رئاسة الدورة العاشرة لحوار أبوظبي 2032 - 2033 إلى الفلبين.",
                          "وحددت الدول أولويات عمل الحوار خلال دورته العاشرة 2032 - 2033.", date="2031-02-10")
    assert not [f for f in facts if f.subject.kind == "event"]


def test_a_headline_city_hosting_and_a_city_after_madina():
    facts = facts_of_text(events, "مدينة اديلايد الاسترالية تستضيف المؤتمر الوزاري التاسع لعملية بالي",
                          date="")
    t = triples(facts)
    assert ("event/bali-process-meeting-9", "location", "place/adelaide") in t
    facts = facts_of_text(events, "عقد في مدينة اديلايد، المؤتمر الوزاري التاسع لعملية بالي.", date="")
    assert ("event/bali-process-meeting-9", "location", "place/adelaide") in triples(facts)
    facts = facts_of_text(events, "وهو اللقاء الوزاري الخامس لحوار أبوظبي الذي عقد في العاصمة السريلانكية (كولومبو)، "
                                  "يومي 23 و24 يناير 2030.", date="")
    assert ("event/abu-dhabi-dialogue-2030", "location", "place/colombo") in triples(facts)


# ------------------------------------------------------------------ hosts named after the meeting, standing conferences

def test_the_conference_morocco_hosted_is_keyed_by_its_host():
    facts = facts_of_text(events, "لكن نحو 30 دولة لم تشارك في المؤتمر الذي استضافته تونس الشهر الماضي.", date="")
    t = triples(facts)
    assert ("event/conference-tun", "hostedBy", "state/TUN") in t


def test_a_conference_a_state_will_host_is_no_held_meeting():
    facts = facts_of_text(events, "وأعلنت الحكومة عن المؤتمر الذي ستستضيفه تونس.", date="")
    assert not [f for f in facts if f.subject.cls == "Meeting"]


def test_numbered_sessions_of_the_international_labour_conference():
    from graph_builder.values import find_ordinals
    assert [o.value for o in find_ordinals("الدورة الثالثة بعد المئة")] == [103]
    assert [o.value for o in find_ordinals("الدورة الحادية عشرة بعد المائة")] == [111]
    facts = facts_of_text(events, "اعتمد مؤتمر العمل الدولي في دورته المائة بجنيف اتفاقية جديدة.", date="")
    t = triples(facts)
    assert {("event/ilc-session-100", "ordinal", "100"), ("event/ilc-session-100", "location", "place/geneva")} <= t
    facts = facts_of_text(events, "يشارك الأردن في أعمال الدورة الثالثة بعد المئة لمؤتمر منظمة العمل الدولية المنعقد "
                                  "حاليا في مدينة جنيف.", date="")
    assert ("event/ilc-session-103", "location", "place/geneva") in triples(facts)
    assert not [f for f in facts if f.predicate == "partOf"]      # the conference is an organisation, not a process


def test_the_next_term_named_before_a_meeting_held_does_not_make_it_planned():
    facts = facts_of_text(events, "وأعلنت اللجنة التوجيهية للمنتدى العالمي للهجرة والتنمية اختيار الكويت رئيسا للدورة "
                                  "المقبلة خلال اجتماع عقدته بمقر الأمم المتحدة في جنيف، الثلاثاء.", date="")
    assert classes(facts, "gfmd-geneva") == {"Meeting"}
    assert ("event/gfmd-geneva", "location", "place/geneva") in triples(facts)


def test_declaration_we_met_in_a_capital_on_days_at_the_numbered_consultation():
    facts = facts_of_text(events, "وقد اجتمعنا في دكا، عاصمة جمهورية بنغلاديش الشعبية، يومي 3 و4 مايو 2032، في المشاورة "
                                  "الوزارية السابعة لمسار كولومبو، بضيافة حكومة بنغلاديش.", date="")
    t = triples(facts)
    assert {("event/colombo-process-2032", "ordinal", "7"), ("event/colombo-process-2032", "location", "place/dhaka"),
            ("event/colombo-process-2032", "startDate", "2032-05-03"),
            ("event/colombo-process-2032", "endDate", "2032-05-04")} <= t


def test_a_minister_who_met_his_counterpart_names_no_meeting():
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الخامس لمسار كولومبو في دكا عام 2032.",
                          "اجتمع الوزير بنظيره الفلبيني في جنيف يوم 5 مايو 2032.", date="")
    assert not [f for f in facts if f.predicate == "location" and key_of(f.object) == "place/geneva"]


def test_the_meeting_named_again_with_its_place_in_a_relative_clause():
    facts = facts_of_text(events, "شاركت الإمارات في أعمال المؤتمر الوزاري التاسع لعملية بالي يومي 6 و7 أغسطس 2031.",
                          "وترأس وفد الدولة في الاجتماع - الذي عقد في جزيرة بالي الإندونيسية - السفير أحمد.", date="")
    t = triples(facts)
    assert ("event/bali-process-2031", "location", "place/bali") in t
    assert not [f for f in facts if f.subject.kind == "event" and f.subject.slug.startswith("meeting-")]
