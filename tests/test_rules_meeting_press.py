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
