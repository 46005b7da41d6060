"""Meetings the gazetteer lacks, named the way press writers name them: a summit named by its city (in quotes or
not, with no year in an undated text), a numbered edition of a process (``النسخة الـ11``), a held participle set
off by a comma, and a forum or meeting named only by its own noun phrase (``نظمت الإسكوا … اجتماعا تشاوريا
إقليميا``). Sentences written for these tests in several registers, with the negative cases (a bilateral talk,
a copy of a report, a planned conference, a sentence about a standing process)."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events


def triples(*paragraphs, date=""):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts_of_text(events, *paragraphs, date=date)}


def classes(*paragraphs, date=""):
    return {key_of(f.subject): f.subject.cls for f in facts_of_text(events, *paragraphs, date=date)
            if getattr(f.subject, "kind", "") == "event"}


def events_of(t):
    return {s for s, _, _ in t if s.startswith("event/")} | {o for _, _, o in t if str(o).startswith("event/")}


# ---- a summit or conference named by its city, no year printed

def test_summit_named_by_a_quoted_city_in_an_undated_text():
    t = triples("وشهدت «قمة نواكشوط» توقيع اتفاق لتمويل مشاريع التنمية في بلدان المنشأ.")
    assert ("event/summit-nouakchott", "location", "place/nouakchott") in t


def test_the_city_in_quotes_after_the_noun_names_the_summit():
    t = triples("شاركت تونس في قمة «نيامي» حول الهجرة التي انطلقت الأربعاء.")
    assert ("event/summit-niamey", "location", "place/niamey") in t
    assert ("state/TUN", "participatesIn", "event/summit-niamey") in t


def test_taking_part_in_a_summit_that_starts_on_wednesday_is_no_participation():
    # an undated text: تشارك … التي تنطلق الأربعاء is news of a summit still to come
    t = triples("تشارك تونس في قمة «نيامي» حول الهجرة التي تنطلق الأربعاء.")
    assert not any(p == "participatesIn" for _, p, _ in t)


def test_a_fronted_quoted_city_is_the_meetings_place():
    t = triples("تنطلق اليوم بمدينة «الرباط» العاصمة المغربية، القمة الإفريقية حول الهجرة التي تعقد على مدى يومين.")
    assert any(p == "location" and o == "place/rabat" for _, p, o in t)


def test_a_definite_noun_before_a_city_is_no_name():
    # القمة + a city in the genitive is not Arabic for a summit's name: nothing is keyed on the city alone
    t = triples("وقال الوزير إن القمة نواكشوط ستكون حاسمة.")
    assert "event/summit-nouakchott" not in events_of(t)


# ---- a held participle set off by a comma

def test_a_held_participle_after_a_comma_places_an_undated_summit():
    t = triples("اتفق المشاركون في أشغال قمة قادة دول الاتحاد الأفريقي، المنعقدة في أديس أبابا عاصمة إثيوبيا، على خطة.")
    assert ("event/summit-addis-ababa", "location", "place/addis-ababa") in t


def test_a_planned_participle_after_a_comma_is_not_held():
    t = triples("يستعد قادة دول الاتحاد الأفريقي لقمة الهجرة، المزمع عقدها في أديس أبابا، بعد شهرين.")
    assert all(c != "Meeting" for c in classes("يستعد قادة دول الاتحاد الأفريقي لقمة الهجرة، المزمع عقدها في "
                                               "أديس أبابا، بعد شهرين.").values())
    assert not any(p == "participatesIn" for _, p, _ in t)


# ---- a numbered edition of a process

def test_a_numbered_edition_of_a_process_is_its_meeting():
    t = triples("احتضنت مدينة مراكش، يوم أمس الجمعة، اختتام فعاليات النسخة الـ11 للمنتدى العالمي حول الهجرة والتنمية.")
    assert ("event/gfmd-meeting-11", "partOf", "process/gfmd") in t
    assert ("event/gfmd-meeting-11", "ordinal", "11") in t


def test_an_edition_in_words_is_its_meeting():
    t = triples("وانطلقت الطبعة الثالثة عشرة للمنتدى العالمي للهجرة والتنمية في جنيف.")
    assert ("event/gfmd-meeting-13", "partOf", "process/gfmd") in t


def test_a_copy_of_a_report_is_no_meeting():
    t = triples("وسلم الوزير نسخة من التقرير إلى رئيس المنتدى العالمي للهجرة والتنمية في جنيف.")
    assert not events_of(t)


# ---- a meeting named by its own noun phrase (the gazetteer lacks it)

def test_an_organised_consultative_meeting_is_minted_from_its_phrase():
    t = triples("نظمت الإسكوا بالشراكة مع المنظمة الدولية للهجرة اجتماعاً تشاورياً إقليمياً في إطار التحضير للاتفاق "
                "العالمي.", "وشارك في الاجتماع ممثلون عن 18 دولة عربية.")
    ev = "event/consultative-meeting-tshawry-aqlymy"
    assert (ev, "stateCount", "18") in t


def test_the_same_phrase_definite_or_indefinite_keys_one_meeting():
    a = events_of(triples("نظمت الإسكوا اجتماعاً تشاورياً إقليمياً في بيروت.", "وشارك في الاجتماع ممثلو 12 دولة."))
    b = events_of(triples("نظمت الإسكوا الاجتماع التشاوري الإقليمي في بيروت.", "وشارك في الاجتماع ممثلو 12 دولة."))
    assert a and a == b
    a = events_of(triples("نظمت الإسكوا اجتماعاً تشاورياً إقليمياً حول الهجرة.", "وشارك في الاجتماع ممثلو 12 دولة."))
    b = events_of(triples("نظمت الإسكوا الاجتماع التشاوري الإقليمي حول الهجرة.", "وشارك في الاجتماع ممثلو 12 دولة."))
    assert a and a == b


def test_a_review_conference_with_its_ordinal_is_minted():
    t = triples("بدأت اليوم أعمال مؤتمر الاستعراض الإقليمي الأول للميثاق العالمي في المنطقة العربية.",
                "ويشارك في المؤتمر ممثلو 22 دولة.")
    minted = [s for s in events_of(t) if s.startswith("event/conference-")]
    assert len(minted) == 1
    assert (minted[0], "ordinal", "1") in t
    assert (minted[0], "stateCount", "22") in t


def test_a_bilateral_meeting_is_not_minted():
    assert not events_of(triples("عقد وزير الخارجية اجتماعا مع نظيره الفرنسي لبحث ملف الهجرة."))
    assert not events_of(triples("وعقد الوزير اجتماعا ثنائيا مع نظيره."))


def test_a_phrase_with_no_reporting_verb_is_not_minted():
    assert not events_of(triples("وأشار التقرير إلى أهمية مؤتمر إقليمي حول الهجرة."))


def test_a_planned_minted_meeting_is_not_held():
    cls = classes("من المقرر أن تنظم الإسكوا الشهر المقبل مؤتمرا إقليميا حول الهجرة يشارك فيه ممثلو 20 دولة.",
                  date="2030-03-02")
    assert all(c != "Meeting" for c in cls.values())


def test_a_sentence_about_a_process_mints_no_meeting_of_its_own():
    t = triples("وتستضيف مصر اليوم اجتماعا دوليا رفيع المستوى يضم وزراء من 40 دولة، ضمن فعاليات الاجتماعات الوزارية "
                "لعملية الخرطوم.", date="2030-04-09")
    assert not any(s.startswith("event/high-level-meeting-") for s in events_of(t))


# ---- the organiser of a meeting is its host when no hosting verb is written

def test_the_organiser_right_after_the_verb_hosts_the_meeting():
    t = triples("نظمت الإسكوا بالشراكة مع المنظمة الدولية للهجرة اجتماعاً تشاورياً إقليمياً حول الهجرة.")
    hosts = {(s, o) for s, p, o in t if p == "hostedBy"}
    assert hosts and all(o == "org/escwa" for _, o in hosts)


def test_an_office_of_an_organisation_organising_makes_the_organisation_host():
    t = triples("نظم المكتب الإقليمي للمنظمة الدولية للهجرة وجامعة الدول العربية مؤتمراً إقليمياً حول الاتفاق العالمي.")
    assert any(p == "hostedBy" and o == "org/iom" for _, p, o in t)
    assert not any(p == "hostedBy" and o == "org/las" for _, p, o in t)


def test_a_negated_or_planned_organiser_hosts_nothing():
    assert not any(p == "hostedBy" for _, p, _ in triples("لم تنظم الإسكوا مؤتمرا إقليميا حول الهجرة هذا العام."))
    t = triples("من المقرر أن تنظم الإسكوا الشهر المقبل مؤتمرا إقليميا حول الهجرة.", date="2030-03-02")
    assert not any(p == "hostedBy" for _, p, _ in t)


# ---- a meeting keyed without a year takes the year of a day the document's date anchors

def test_a_closing_yesterday_gives_a_summit_named_by_its_city_its_year():
    t = triples("وشهدت «قمة نواكشوط» توقيع اتفاق لتمويل المشاريع.", "واختتمت القمة أعمالها أمس.", date="2030-11-13")
    assert ("event/summit-nouakchott", "year", "2030") in t


def test_no_year_without_the_documents_date_or_for_a_planned_closing():
    t = triples("وشهدت «قمة نواكشوط» توقيع اتفاق لتمويل المشاريع.", "واختتمت القمة أعمالها أمس.")
    assert not any(p == "year" for _, p, _ in t)
    t = triples("وشهدت «قمة نواكشوط» توقيع اتفاق لتمويل المشاريع.", "ومن المقرر أن تختتم القمة أعمالها غدا.",
                date="2030-11-13")
    assert not any(p == "year" for _, p, _ in t)


# ---- an ordinal inside a longer name than the short one it cuts off; a meeting that began and goes on

def test_an_ordinal_inside_the_global_refugee_forums_name():
    t = triples("انطلقت اليوم في جنيف أعمال المنتدى العالمي الأول للاجئين الذي يستمر حتى 18 ديسمبر.", date="2030-12-17")
    assert ("event/global-refugee-forum-2030", "partOf", "process/global-refugee-forum") in t
    assert not any(o == "process/gfmd" for _, _, o in t)


def test_a_meeting_that_began_today_and_goes_on_is_held():
    cls = classes("انطلقت اليوم في جنيف أعمال المنتدى العالمي الأول للاجئين الذي يستمر حتى 18 ديسمبر.",
                  date="2030-12-17")
    assert cls.get("event/global-refugee-forum-2030") == "Meeting"


def test_taking_part_tomorrow_in_the_proceedings_is_a_planned_meeting():
    t = triples("تشارك المملكة، غدا الاثنين، في أعمال المنتدى العالمي الأول للاجئين بجنيف.", date="2030-12-15")
    cls = classes("تشارك المملكة، غدا الاثنين، في أعمال المنتدى العالمي الأول للاجئين بجنيف.", date="2030-12-15")
    assert any(p == "location" and o == "place/geneva" for _, p, o in t)
    assert all(c == "PlannedMeeting" for c in cls.values())
    assert not any(p == "participatesIn" for _, p, _ in t)


def test_the_short_name_with_its_ordinal_stays_the_forum_on_migration():
    t = triples("انطلقت اليوم في مراكش أعمال المنتدى العالمي الحادي عشر للهجرة والتنمية.", date="2030-12-06")
    assert ("event/gfmd-2030", "partOf", "process/gfmd") in t


def test_a_meeting_of_a_process_the_gazetteer_names_otherwise_is_not_minted():
    t = triples("عقدت الجامعة العربية اجتماع عملية التشاور الإقليمية حول الهجرة واللجوء.")
    assert not any(s.startswith("event/meeting-") for s in events_of(t))


def test_next_years_date_of_a_meeting_named_later_is_not_this_ones():
    t = triples("انطلقت في القاهرة أعمال الاجتماع الوزاري الثاني لعملية الخرطوم، تمهيدا للقمة الأفريقية الأوروبية "
                "المقررة العام المقبل.", date="2030-10-03")
    assert ("event/khartoum-process-meeting-2", "partOf", "process/khartoum-process") in t
    assert not any(p == "year" and o == "2031" for _, p, o in t)
