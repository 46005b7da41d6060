"""Meetings as press reports write them: the place after a bracketed aside or after ``وذلك``, a meeting
reported by a held participle (``المؤتمر المنعقد في …``) at the text's date, co-hosts joined by و, a session
of a standing process (``جلسة جديدة من عملية …``) named again as its conference. Sentences written for these
tests in the registers of Gulf, Egyptian, Maghrebi and Levantine press and UN pages, with the negative cases."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events


def triples(*paragraphs, date="2030-04-16"):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts_of_text(events, *paragraphs, date=date)}


def subjects(t):
    return {s for s, _, _ in t}


# ---- the place after an aside in brackets, or after وذلك

def test_place_after_a_bracketed_aside_is_the_meetings():
    t = triples("افتتحت الأمينة العامة المساعدة أعمال الاجتماع التاسع لعملية التشاور العربية الإقليمية حول الهجرة "
                "واللجوء، الذي نظمته الأمانة العامة (قطاع الشؤون الاجتماعية - إدارة شؤون اللاجئين والمغتربين والهجرة) "
                "بمقرها بالقاهرة يومي 29-30/5/2030.", date="2030-05-29")
    assert ("event/arcp-2030", "location", "place/cairo") in t


def test_place_after_wadhalika_resumes_the_meetings_clause():
    t = triples("بدأت اليوم فعاليات اللقاء الوزاري التشاوري حول العمالة التعاقدية في الدول المرسلة والمستقبلة "
                "والذي تنظمه وزارة العمل ويستمر يومين بمشاركة 21 دولة وبحضور كبار المسؤولين والخبراء وممثلين عن "
                "المنظمات الدولية ذات العلاقة وذلك بقصر المؤتمرات في أبوظبي.", date="")
    assert ("event/ministerial-meeting-abu-dhabi", "location", "place/abu-dhabi") in t
    assert ("event/ministerial-meeting-abu-dhabi", "stateCount", "21") in t


def test_a_place_beyond_the_window_without_wadhalika_is_not_the_meetings():
    t = triples("بدأت اليوم فعاليات اللقاء الوزاري التشاوري حول العمالة التعاقدية في الدول المرسلة والمستقبلة "
                "والذي تنظمه وزارة العمل ويستمر يومين بمشاركة 21 دولة وبحضور كبار المسؤولين والخبراء وممثلين عن "
                "المنظمات التي لها مكاتب في أبوظبي.", date="")
    assert not any(p == "location" for _, p, _ in t)


def test_a_full_stop_ends_the_reach_of_wadhalika():
    t = triples("بدأت اليوم في الرباط فعاليات اللقاء الوزاري التشاوري حول العمالة. وذلك في القاهرة أيضا.", date="")
    assert not any(o == "place/cairo" for _, _, o in t)


# ---- a held participle reports the meeting as convened at the text's date

def test_a_held_participle_reports_the_meeting_held():
    t = triples("ويحضر المؤتمر المنعقد في بالي على مدار يومين والذي تستضيفه إندونيسيا وأستراليا وزراء ومسؤولون "
                "من 40 دولة لبحث الحلول.")
    assert ("event/conference-bali", "location", "place/bali") in t
    assert ("event/conference-bali", "hostedBy", "state/IDN") in t
    assert ("event/conference-bali", "hostedBy", "state/AUS") in t


def test_a_planned_participle_is_not_held():
    t = triples("ويحضر المؤتمر المزمع عقده في بالي على مدار يومين وزراء من 40 دولة.")
    assert not any(p in ("hostedBy", "stateCount") for _, p, _ in t)


def test_a_participle_with_a_later_date_is_planned():
    t = triples("وتستعد الوفود للمؤتمر المنعقد في الدوحة يوم 20 أيار/مايو 2030 بمشاركة 30 دولة.", date="2030-04-16")
    assert not any(p == "stateCount" for _, p, _ in t)


# ---- co-hosts joined by و

def test_co_hosts_joined_by_wa_both_host():
    t = triples("واستضافت مصر والأردن الاجتماع الإقليمي حول الهجرة في القاهرة يوم أمس.", date="2030-05-02")
    assert ("event/regional-meeting-cairo-2030", "hostedBy", "state/EGY") in t
    assert ("event/regional-meeting-cairo-2030", "hostedBy", "state/JOR") in t


def test_a_co_host_offer_is_no_host():
    t = triples("وعرضت مصر والأردن استضافة الاجتماع الإقليمي حول الهجرة في عمان في 2031.", date="2030-05-02")
    assert not any(p == "hostedBy" for _, p, _ in t)


def test_a_state_after_the_object_is_no_co_host():
    t = triples("واستضافت مصر الاجتماع الإقليمي حول الهجرة في القاهرة أمس والأردن غائب عنه.", date="2030-05-02")
    assert ("event/regional-meeting-cairo-2030", "hostedBy", "state/EGY") in t
    assert ("event/regional-meeting-cairo-2030", "hostedBy", "state/JOR") not in t


# ---- a session of a standing process is one of its meetings

def test_a_new_session_of_a_process_is_its_meeting():
    t = triples("انطلقت اليوم في القاهرة فعاليات جلسة جديدة من عملية الخرطوم، التي تمثل مبادرة إقليمية لمكافحة "
                "تهريب المهاجرين.", date="")
    assert ("event/khartoum-process-cairo", "partOf", "process/khartoum-process") in t
    assert ("event/khartoum-process-cairo", "location", "place/cairo") in t


def test_the_session_named_again_as_its_conference_takes_the_count():
    t = triples("انطلقت اليوم في القاهرة فعاليات جلسة جديدة من عملية الخرطوم.",
                "وقد شارك في الجلسة الافتتاحية للمؤتمر وزراء الخارجية، بمشاركة ممثلي ما يقرب من ٥٠ دولة.", date="")
    assert ("event/khartoum-process-cairo", "stateCount", "50") in t


def test_a_session_about_a_process_is_no_meeting_of_it():
    t = triples("وناقشت جلسة حول عملية الخرطوم في القاهرة أمس التحديات.", date="2030-05-02")
    assert not any(o == "process/khartoum-process" for _, p, o in t if p == "partOf")


def test_a_session_of_a_meeting_is_not_a_process_meeting():
    t = triples("وعقدت أمس في القاهرة الجلسة الافتتاحية لعملية الخرطوم.", date="2030-05-02")
    # الجلسة الافتتاحية is an opening session (no of_process mark): it is not itself the process's meeting
    assert not any(s.startswith("event/khartoum-process") and p == "partOf" and s.endswith("opening-session")
                   for s, p, _ in t)


# ---- two meeting nouns joined by و share the process written after the second

def test_coordinated_meeting_nouns_share_the_process():
    t = triples("عقد في مدينة أديلايد المؤتمر الوزاري الثامن والمنتدى الحكومي والأعمال الثالث لعملية بالي، "
                "يومي 9 و10 شباط/فبراير الحالي.", date="")
    assert any(s.startswith("event/bali-process") and p == "partOf" and o == "process/bali-process"
               for s, p, o in t)
    assert any(s.startswith("event/bali-process") and p == "location" and o == "place/adelaide" for s, p, o in t)


def test_a_second_noun_of_another_process_after_a_comma_is_not_shared():
    t = triples("عقد في مدينة أديلايد المؤتمر الوزاري الثامن، والمنتدى الحكومي لعملية بالي غائب.", date="")
    assert not any(p == "ordinal" and s.startswith("event/bali-process") for s, p, _ in t)


# ---- the state a باعتبارها before a host participle takes up

def test_the_state_in_the_capacity_of_host():
    t = triples("عقد في مدينة أديلايد المؤتمر الوزاري الثامن لعملية بالي، وترأس الاجتماع وزيرتا خارجية إندونيسيا "
                "(ريتنو مارسودي)، ووزيرة خارجية أستراليا (بيني وونغ)، باعتبارها الدولة المضيفة للمؤتمر.", date="")
    ev = next(s for s, p, o in t if p == "partOf" and o == "process/bali-process")
    assert (ev, "hostedBy", "state/AUS") in t
    assert (ev, "hostedBy", "state/IDN") not in t


def test_a_host_participle_without_the_capacity_word_takes_no_earlier_state():
    t = triples("عقد في مدينة أديلايد المؤتمر الوزاري الثامن لعملية بالي بحضور وزيرة خارجية أستراليا، "
                "وتحدث عن دور الدولة المضيفة للمؤتمر.", date="")
    assert not any(p == "hostedBy" for _, p, _ in t)


# ---- a dual role after a chair verb: two co-chairs

def test_a_dual_role_after_the_chair_verb_gives_co_chairs():
    t = triples("عقد في مدينة أديلايد المؤتمر الوزاري الثامن لعملية بالي، وترأس الاجتماع وزيرتا خارجية إندونيسيا "
                "(ريتنو مارسودي)، ووزيرة خارجية أستراليا (بيني وونغ).", date="")
    co = {o for _, p, o in t if p == "coChairedBy"}
    assert len(co) == 2 and not any(p == "chairedBy" for _, p, _ in t)


def test_a_single_role_after_the_chair_verb_is_one_chair():
    t = triples("عقد في مدينة أديلايد المؤتمر الوزاري الثامن لعملية بالي، وترأست الاجتماع وزيرة خارجية إندونيسيا "
                "ريتنو مارسودي.", date="")
    assert not any(p == "coChairedBy" for _, p, _ in t)
    assert any(p == "chairedBy" for _, p, _ in t)


# ---- states that met in a place about a standing process: that process's meeting there

def test_states_that_met_in_a_city_about_a_process_give_its_meeting():
    t = triples("اجتمعت أكثر من خمسين دولة أفريقية وأوروبية، منها 28 دولة أفريقية و29 دولة أوروبية، يومي الثلاثاء "
                "والأربعاء في مدينة قادش الإسبانية لإعادة تأكيد التزامها تجاه مسار الرباط.", date="")
    assert ("event/rabat-process-cadiz", "partOf", "process/rabat-process") in t
    assert ("event/rabat-process-cadiz", "location", "place/cadiz") in t


def test_delegates_meeting_today_in_a_city_govern_the_meeting_named_after():
    t = triples("تلتقي اليوم في أبوظبي 11 دولة آسيوية مصدرة للعمالة مع 10 دول مستقبلة لها، ضمن اللقاء الوزاري "
                "التشاوري حول العمالة التعاقدية.", date="")
    assert ("event/ministerial-meeting-abu-dhabi", "location", "place/abu-dhabi") in t


def test_the_numbered_meeting_named_later_without_place_is_the_same_meeting():
    t = triples("اجتمعت وفود 57 دولة يومي الثلاثاء والأربعاء في مدينة قادش الإسبانية تجاه مسار الرباط.",
                "وتسلم الوزير المغربي الرئاسة في المؤتمر الوزاري السادس لمسار الرباط.", date="")
    assert ("event/rabat-process-cadiz", "ordinal", "6") in t
    assert not any(s == "event/rabat-process-meeting-6" for s in subjects(t))


def test_a_minister_meeting_his_counterpart_is_no_process_meeting():
    t = triples("اجتمع وزير الخارجية بنظيره الإسباني أمس في مدريد لبحث مسار الرباط.", date="2030-05-02")
    assert not any(p == "partOf" for _, p, _ in t)


def test_states_that_will_meet_give_no_held_meeting():
    facts = facts_of_text(events, "ستجتمع أكثر من خمسين دولة في مدينة قادش تجاه مسار الرباط.", date="2030-05-02")
    assert not any(f.predicate in ("stateCount", "hostedBy") for f in facts)
    assert all(f.subject.cls != "Meeting" for f in facts if getattr(f.subject, "kind", "") == "event")


def test_a_met_sentence_with_a_meeting_noun_is_left_to_the_noun():
    t = triples("اجتمعت وفود 30 دولة في الرباط في إطار الاجتماع الوزاري الخامس لمسار الرباط عام 2030.", date="2030-05-02")
    assert ("event/rabat-process-2030", "partOf", "process/rabat-process") in t
    assert not any(s == "event/rabat-process-rabat" for s in subjects(t))


# ---- an ordinal written before an indefinite meeting noun; a process named by an indefinite noun's adjectives

def test_an_ordinal_before_an_indefinite_noun_numbers_the_meeting():
    t = triples("وعقدت الجمعية العامة أول مؤتمر أورو - إفريقي حول الهجرة والتنمية في الرباط في تموز/يوليو 2026.",
                date="2027-01-01")
    assert ("event/rabat-process-2026", "partOf", "process/rabat-process") in t
    assert ("event/rabat-process-2026", "ordinal", "1") in t


def test_first_time_is_no_ordinal_of_a_meeting():
    t = triples("واستضافت المغرب لأول مرة مؤتمرا إقليميا حول الهجرة في الرباط يوم 3 أيار/مايو 2026.", date="2027-01-01")
    assert not any(p == "ordinal" for _, p, _ in t)


def test_this_city_that_hosted_is_the_city_named_before():
    t = triples("وانعقد هذا الاجتماع بالرباط يوم الخميس.",
                "وتجدر الإشارة أن مسلسل الرباط، الذي رأى النور بهذه المدينة التي احتضنت أول مؤتمر أورو - إفريقي حول "
                "الهجرة والتنمية في تموز/يوليو 2006، يروم خلق إطار للحوار.", date="")
    assert ("event/rabat-process-2006", "location", "place/rabat") in t
    assert not any(p == "hostedBy" for _, p, _ in t)      # the city is where, not who hosted


def test_a_city_without_a_demonstrative_is_not_taken_up():
    t = triples("وانعقد هذا الاجتماع بالرباط يوم الخميس.",
                "وكانت مدينة أخرى قد احتضنت أول مؤتمر أورو - إفريقي حول الهجرة والتنمية في تموز/يوليو 2006.", date="")
    assert ("event/rabat-process-2006", "location", "place/rabat") not in t


# ---- the dateline's city for the lead's meeting of the day

def _dated(*paragraphs, dateline, date):
    from pathlib import Path
    from graph_builder.facts.fact_context import FactContext
    from gold_facts import real_gazetteer, real_matcher
    from graph_builder.recognise.matcher import mentions_in
    from graph_builder.text.model import Document, Paragraph
    gaz, matcher = real_gazetteer(), real_matcher()
    paras = [Paragraph(number=i + 1, text=t, order=i + 1, line=10 * (i + 1)) for i, t in enumerate(paragraphs)]
    doc = Document(path=Path("test.txt"), slug="test", date=date, paragraphs=paras, sections=[], dateline=dateline)
    facts = events.extract(FactContext(doc, mentions_in(doc, matcher), gaz, matcher))
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


LEAD = ("اعتمد القادة أمس الاثنين إعلانا بشأن اللاجئين، في افتتاح أول قمة أممية رفيعة المستوى تخصص لمعالجة "
        "التحركات الكبيرة للاجئين، عقدت بمقر المنظمة على هامش أعمال الدورة الحادية والسبعين للجمعية العامة.")


def test_the_leads_meeting_of_the_day_is_in_the_datelines_city():
    t = _dated(LEAD, dateline={"place": "نيويورك", "date": "17 سبتمبر 2030", "agency": ""}, date="2030-09-17")
    assert ("event/summit-new-york-2030", "location", "place/new-york") in t
    assert not any(s.startswith("event/session") for s in subjects(t))     # only the lead's first meeting


def test_a_meeting_of_another_day_is_not_in_the_datelines_city():
    lead = LEAD.replace("أمس الاثنين", "في 3 أيار/مايو 2030")
    t = _dated(lead, dateline={"place": "نيويورك", "date": "17 سبتمبر 2030", "agency": ""}, date="2030-09-17")
    assert not any(o == "place/new-york" for _, _, o in t)


def test_a_later_paragraph_is_not_in_the_datelines_city():
    t = _dated("ويتضمن الإعلان التزامات بحماية حقوق اللاجئين.", LEAD,
               dateline={"place": "نيويورك", "date": "17 سبتمبر 2030", "agency": ""}, date="2030-09-17")
    assert not any(o == "place/new-york" for _, _, o in t)


# ---- a process's numbered meeting written inside or after its name, or with a possessive لها

def test_an_ordinal_inside_a_process_name_numbers_its_meeting():
    t = triples("وأشارت إلى أن العملية أطلقت رسميا في الاجتماع العالمي الخامس لرؤساء وأمانات العمليات التشاورية "
                "الإقليمية بشأن الهجرة في أكتوبر 2025.", date="2026-01-01")
    assert ("event/global-rcp-meeting-2025", "partOf", "process/global-rcp-meeting") in t
    assert ("event/global-rcp-meeting-2025", "ordinal", "5") in t


def test_a_short_process_name_followed_by_an_ordinal_is_its_numbered_meeting():
    for text in ("وعقد المنتدى العالمي الحادي عشر للهجرة والتنمية في مراكش في كانون الأول/ديسمبر 2026.",
                 "وانعقد المنتدى العالمي الحادي عشر في مراكش في دجنبر 2026."):
        t = triples(text, date="2027-01-01")
        assert ("event/gfmd-2026", "ordinal", "11") in t
        assert ("event/gfmd-2026", "location", "place/marrakech") in t


def test_a_short_process_name_without_an_ordinal_is_no_meeting():
    t = triples("ويعد المنتدى العالمي منصة للحوار بين الحكومات منذ 2007.", date="2027-01-01")
    assert not any(p == "ordinal" for _, p, _ in t)


def test_a_first_meeting_with_a_possessive_takes_the_clauses_process():
    t = triples("وأوضحت أن عملية التشاور العربية الإقليمية حول الهجرة تم إنشاؤها بقرار صادر من مجلس الجامعة العربية "
                "في سبتمبر 2024، وعقدت أول اجتماع لها في أبريل 2025.", date="2026-01-01")
    assert ("event/arcp-2025", "partOf", "process/arcp") in t
    assert ("event/arcp-2025", "ordinal", "1") in t


def test_a_first_meeting_still_to_come_is_planned():
    facts = facts_of_text(events, "وأوضحت أن عملية التشاور العربية الإقليمية حول الهجرة تنتظر أول اجتماع لها في أبريل "
                                  "2027.", date="2026-01-01")
    assert facts and all(f.subject.cls == "PlannedMeeting" for f in facts if f.subject.kind == "event")


# ---- a meeting written as an adverbial of a clause that gives its day and city

def test_the_clauses_day_and_city_place_a_meeting_written_as_its_adverbial():
    t = triples("صادقت قرابة 160 دولة، أمس الاثنين بمدينة مراكش، على الاتفاق العالمي من أجل الهجرة، في مؤتمر "
                "رعته الأمم المتحدة واستضافته المملكة المغربية.", date="2030-12-10")
    assert ("event/conference-marrakech-2030", "location", "place/marrakech") in t
    assert ("event/conference-marrakech-2030", "hostedBy", "state/MAR") in t


def test_a_city_without_the_clauses_day_does_not_place_the_meeting():
    t = triples("وقال الوزير بمدينة الرباط إن بلاده شاركت في مؤتمر رعته الأمم المتحدة واستضافته المملكة المغربية "
                "أمس.", date="2030-12-10")
    assert not any(o == "place/rabat" for _, _, o in t)


def test_a_meeting_named_before_the_city_blocks_the_clause_place():
    t = triples("وعقب الاجتماع الوزاري، صادقت الدول أمس بمدينة مراكش على الاتفاق في مؤتمر رعته الأمم المتحدة "
                "واستضافته المملكة المغربية.", date="2030-12-10")
    assert not any(s.startswith("event/conference") and o == "place/marrakech" for s, _, o in t)


# ---- participant lists that go on after a described item; a person after a long role chain

def test_a_participant_list_resumes_after_a_described_item():
    t = triples("بدأت اليوم بالقاهرة أعمال الاجتماع الخامس لعملية التشاور العربية الإقليمية حول الهجرة واللجوء بمشاركة "
                "ممثلي الجهات المعنية بشؤون الهجرة والمغتربين والجاليات المقيمة بالخارج والمسؤولين عن ملف الهجرة، "
                "وممثلي المنظمة الدولية للهجرة والمفوضية السامية للأمم المتحدة لشؤون اللاجئين.", date="2030-03-04")
    ev = next(s for s, p, o in t if p == "partOf" and o == "process/arcp")
    assert ("org/iom", "participatesIn", ev) in t
    assert ("org/unhcr", "participatesIn", ev) in t


def test_a_list_does_not_resume_across_another_clause():
    t = triples("بدأت اليوم بالقاهرة أعمال الاجتماع الخامس لعملية التشاور العربية الإقليمية حول الهجرة واللجوء بمشاركة "
                "ممثلي الجهات المعنية بشؤون الهجرة والمغتربين والجاليات المقيمة بالخارج. وأشادت الوزيرة بدعم "
                "المنظمة الدولية للهجرة، وممثلي المفوضية.", date="2030-03-04")
    assert not any(p == "participatesIn" and s == "org/iom" for s, p, _ in t)


def test_a_person_after_a_long_role_chain_takes_part():
    t = triples("بدأت اليوم بالقاهرة أعمال الاجتماع الخامس لعملية التشاور العربية الإقليمية حول الهجرة واللجوء بحضور "
                "الأمين العام المساعد رئيس قطاع الشؤون الاجتماعية بالجامعة العربية السفيرة الدكتورة هيفاء أبو غزالة.",
                date="2030-03-04")
    assert any(p == "participatesIn" and s.startswith("person/") for s, p, _ in t)


# ---- a future auxiliary (سيتم، ستجري) makes what follows planned

def test_a_chair_that_will_be_transferred_is_no_chair_yet():
    t = triples("وقال الوكيل إنه سيتم نقل رئاسة مسار حوار أبوظبي من دولة الكويت إلى جمهورية سريلانكا.", date="2030-01-01")
    assert not any(p in ("chairedBy", "coChairedBy") and o == "state/LKA" for _, p, o in t)


def test_a_meeting_that_will_be_held_is_planned():
    facts = facts_of_text(events, "وسيتم عقد الاجتماع الوزاري الخامس لمسار الرباط في قادش.", date="2030-01-01")
    assert all(f.subject.cls != "Meeting" for f in facts if getattr(f.subject, "kind", "") == "event")


# ---- a process's meetings (plural) reported as one event

def test_plural_meetings_of_a_process_taken_part_in_are_its_meeting_with_the_clauses_place():
    t = triples("شاركت مديرة إدارة العمالة الوافدة في أعمال اجتماعات عملية كولومبو، التي انطلقت أمس، وتتواصل حتى "
                "الخميس، في العاصمة دكا.", date="")
    assert {("event/colombo-process-dhaka", "partOf", "process/colombo-process"),
            ("event/colombo-process-dhaka", "location", "place/dhaka")} <= t


def test_plural_meetings_with_a_held_clause_and_a_dated_range():
    t = triples("وشارك الوفد في اجتماعات حوار أبو ظبي التي عقدت في دبي يومي 3 و4 مارس 2029.", date="")
    assert {("event/abu-dhabi-dialogue-2029", "location", "place/dubai"),
            ("event/abu-dhabi-dialogue-2029", "startDate", "2029-03-03")} <= t


def test_plural_meetings_not_reported_as_an_event_or_beside_a_single_meeting_are_no_meeting():
    for text in ("وتناقش اجتماعات حوار أبو ظبي في دبي قضايا استقدام العمالة.",                  # no event cue
                 "وتستعد الوزارة للمشاركة في اجتماعات عملية كولومبو المقبلة في دكا."):          # planned, no year
        assert not {s for s, p, o in triples(text, date="") if p == "partOf" and o.startswith("process/")}, text
    t = triples("ويواظب الأردن على المشاركة في اجتماعات حوار أبو ظبي منذ الاجتماع الأول في دبي.", date="")
    assert {s for s, p, o in t if p == "partOf"} == {"event/abu-dhabi-dialogue-meeting-1"}   # the single one only


# ---- an edition named by its year (نسخة العام 2023 من المنتدى)

def test_an_edition_named_by_its_year_is_the_processs_meeting_of_that_year():
    t = triples("وتجري فعاليات نسخة العام 2031 من المنتدى العالمي للاجئين في مدينة جنيف من 13 إلى 15 ديسمبر.",
                date="2031-10-01")
    assert {("event/global-refugee-forum-2031", "partOf", "process/global-refugee-forum"),
            ("event/global-refugee-forum-2031", "location", "place/geneva")} <= t
    t = triples("واختتمت في الرباط طبعة سنة 2030 من الحوار الأورو-أفريقي حول الهجرة والتنمية.", date="")
    assert ("event/rabat-process-2030", "location", "place/rabat") in t


def test_an_edition_year_of_no_process_or_a_term_is_no_meeting():
    for text in ("وصدرت نسخة عام 2031 من التقرير العالمي للهجرة في جنيف.",       # a report's edition
                 "وانطلقت أمس فعاليات نسخة العام 2031 في مدينة جنيف.",             # no process named
                 "وتتولى المغرب رئاسة نسخة 2030 - 2031 من حوار أبو ظبي."):        # a term
        assert not {s for s, p, o in triples(text, date="2031-12-14") if p == "partOf"}, text
