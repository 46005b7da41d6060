"""Event rules on sentences written for these tests, in several registers (UN report, Maghrebi, Gulf,
Egyptian and Levantine press, a regional process's communiqué), with the negative cases: planned is
not held, an offer to host is not hosting, hosting an organisation is not hosting a meeting, a date
that belongs to something else in the sentence is not the meeting's date, the head of a delegation
is not the chair of the meeting. Every sentence here is the author's own."""
from __future__ import annotations

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events

GFMD = "المنتدى العالمي المعني بالهجرة والتنمية هو عملية استشارية تقودها الدول."


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def classes(facts, slug):
    return {f.subject.cls for f in facts if f.subject.slug == slug}


# ------------------------------------------------------------------ meetings as writers name them

def test_gulf_summit_with_ordinal_process_city_and_day_range():
    facts = facts_of_text(events, GFMD,
                          "الدوحة في 5 مارس / قنا / اختتمت اليوم في العاصمة القطرية الدوحة أعمال القمة الرابعة عشرة "
                          "للمنتدى العالمي للهجرة والتنمية التي انطلقت يوم 3 مارس واستمرت ثلاثة أيام.",
                          date="2031-03-05")
    t = triples(facts)
    assert ("event/gfmd-2031", "partOf", "process/gfmd") in t
    assert ("event/gfmd-2031", "ordinal", "14") in t
    assert ("event/gfmd-2031", "location", "place/doha") in t
    assert ("event/gfmd-2031", "startDate", "2031-03-03") in t
    assert ("event/gfmd-2031", "endDate", "2031-03-05") in t          # اختتمت اليوم: the document's day
    assert classes(facts, "gfmd-2031") == {"Meeting"}


def test_levantine_numbered_session_without_a_year_is_keyed_by_its_ordinal():
    facts = facts_of_text(events, GFMD,
                          "شارك لبنان في أعمال الدورة الحادية عشرة للمنتدى العالمي للهجرة والتنمية التي استضافتها "
                          "العاصمة المغربية مراكش.", date="")
    t = triples(facts)
    assert ("event/gfmd-meeting-11", "partOf", "process/gfmd") in t
    assert ("event/gfmd-meeting-11", "ordinal", "11") in t
    assert ("state/LBN", "participatesIn", "event/gfmd-meeting-11") in t
    assert not [f for f in facts if f.predicate == "year"]


def test_egyptian_relative_dates_anchor_on_the_document_date():
    facts = facts_of_text(events, GFMD,
                          "جاء ذلك أمام الاجتماع الخامس للمنتدى العالمي للهجرة والتنمية، الذي تستضيفه تركيا "
                          "وانطلقت أعماله أمس الثلاثاء في مدينة إسطنبول وتختتم اليوم.", date="2027-10-13")
    t = triples(facts)
    assert ("event/gfmd-2027", "startDate", "2027-10-12") in t
    assert ("event/gfmd-2027", "endDate", "2027-10-13") in t
    assert ("event/gfmd-2027", "hostedBy", "state/TUR") in t


def test_the_year_of_a_numbered_meeting_comes_from_another_paragraph():
    facts = facts_of_text(events, GFMD,
                          "شاركت الأردن في القمة العاشرة للمنتدى العالمي للهجرة والتنمية في العاصمة الكينية نيروبي.",
                          "وانطلقت أعمال القمة يوم 14 أيار 2029 بمشاركة أكثر من 600 مندوب يمثلون 130 دولة.", date="")
    t = triples(facts)
    assert ("event/gfmd-2029", "ordinal", "10") in t
    assert ("event/gfmd-2029", "delegateCount", "600") in t
    assert ("event/gfmd-2029", "stateCount", "130") in t
    assert ("event/gfmd-2029", "participantCount", "130") in t


def test_conference_of_no_known_process_keyed_by_kind_place_and_year():
    facts = facts_of_text(events, "انعقدت الندوة الإقليمية حول المناخ والتنقل في تونس العاصمة يومي 4 و5 نيسان 2030.",
                          date="2030-04-06")
    t = triples(facts)
    assert {("event/seminar-tunis-2030", "location", "place/tunis"),
            ("event/seminar-tunis-2030", "startDate", "2030-04-04"),
            ("event/seminar-tunis-2030", "endDate", "2030-04-05")} <= t


# ------------------------------------------------------------------ planned, offered, held

def test_planned_meeting_is_not_held_and_its_host_is_a_planned_host():
    facts = facts_of_text(events, GFMD,
                          "ومن المقرر أن تستضيف كينيا الاجتماع الثاني عشر للمنتدى العالمي للهجرة والتنمية في "
                          "تشرين الأول 2028.", date="2028-02-01")
    t = triples(facts)
    assert ("event/gfmd-2028", "plannedHost", "state/KEN") in t
    assert not [f for f in facts if f.predicate == "hostedBy"]
    assert classes(facts, "gfmd-2028") == {"PlannedMeeting"}


def test_future_verb_next_year_is_planned():
    facts = facts_of_text(events, GFMD, "وأعلنت البرتغال أنها ستستضيف الاجتماع السادس للمنتدى العام المقبل.",
                          date="2035-11-20")
    t = triples(facts)
    assert ("event/gfmd-2036", "plannedHost", "state/PRT") in t
    assert classes(facts, "gfmd-2036") == {"PlannedMeeting"}


def test_an_offer_to_host_is_not_hosting():
    for sentence in ("وعرضت الأرجنتين استضافة الاجتماع الثالث للمنتدى العالمي للهجرة والتنمية.",
                     "وأبدت الأرجنتين استعدادها لاستضافة الاجتماع الثالث للمنتدى العالمي للهجرة والتنمية."):
        facts = facts_of_text(events, GFMD, sentence, date="")
        t = triples(facts)
        assert ("event/gfmd-meeting-3", "hostOfferedBy", "state/ARG") in t, sentence
        assert not [f for f in facts if f.predicate in ("hostedBy", "plannedHost")], sentence


def test_hosting_an_organisation_is_not_hosting_a_meeting():
    facts = facts_of_text(events, GFMD,
                          "وعقد الاجتماع الرابع للمنتدى العالمي في جنيف عام 2031، ويستضيف البنك الدولي الشراكة "
                          "العالمية للمعارف المتعلقة بالهجرة والتنمية.", date="2031-12-01")
    assert not [f for f in facts if f.predicate == "hostedBy"]


def test_a_postponed_summits_first_dates_are_not_its_dates():
    facts = facts_of_text(events, GFMD,
                          "شاركت تونس في القمة الخامسة عشرة للمنتدى العالمي للهجرة والتنمية في أكرا من 3 إلى 5 "
                          "شباط الجاري. وكانت القمة مقررة بين 10 و12 كانون الأول 2031، قبل إرجائها.",
                          date="2032-02-07")
    t = triples(facts)
    assert ("event/gfmd-2032", "startDate", "2032-02-03") in t
    assert not any(p == "startDate" and o.startswith("2031") for _, p, o in t)


# ------------------------------------------------------------------ dates that belong to something else

def test_a_date_of_something_else_in_the_sentence_is_not_the_meetings():
    facts = facts_of_text(events, GFMD,
                          "وشارك الوفد في القمة التاسعة للمنتدى العالمي للهجرة والتنمية في عمّان، وسبقتها أيام "
                          "المجتمع المدني يومي 8 و9 أيلول 2033.", date="2033-09-12")
    assert not [f for f in facts if f.predicate == "startDate" and f.subject.slug.startswith("gfmd-")
                and "civil-society" not in f.subject.slug and f.object.lexical == "2033-09-08"]
    parts = {(f.subject.slug, f.predicate, getattr(f.object, "lexical", None)) for f in facts}
    assert ("gfmd-2033-civil-society-days", "startDate", "2033-09-08") in parts    # the days' own date


# ------------------------------------------------------------------ chairs, co-chairs, counts

def test_maghrebi_co_chairmanship_of_two_states():
    facts = facts_of_text(events, GFMD,
                          "اختتمت اليوم بالرباط أشغال القمة الثالثة عشرة للمنتدى العالمي حول الهجرة والتنمية تحت "
                          "الرئاسة المشتركة للمملكة المغربية وجمهورية السنغال.", date="2034-06-30")
    t = triples(facts)
    assert {("event/gfmd-2034", "coChairedBy", "state/MAR"), ("event/gfmd-2034", "coChairedBy", "state/SEN")} <= t


def test_chair_named_without_a_title_before_a_role():
    facts = facts_of_text(events, GFMD,
                          "وافتتح القمة الحادية عشرة للمنتدى العالمي للهجرة والتنمية في أثينا رئيس الوزراء، فيما "
                          "ترأس جلساتها كوستاس ديمترو، نائب وزير الخارجية.", date="2026-10-10")
    t = triples(facts)           # no year in the text: the meeting is keyed by its ordinal
    assert ("event/gfmd-meeting-11", "chairedBy", "person/kwstas-dymtrw") in t


def test_the_head_of_a_delegation_is_not_the_chair_of_the_meeting():
    facts = facts_of_text(events, GFMD,
                          "شاركت الكويت في القمة الثامنة للمنتدى العالمي للهجرة والتنمية في أثينا بوفد من وزارة "
                          "الخارجية ترأسه سالم الصباح، وكيل الوزارة.", date="2026-10-10")
    assert not [f for f in facts if f.predicate in ("chairedBy", "coChairedBy")]


def test_counts_of_states_delegates_and_organisations_are_kept_apart_and_observers_left_out():
    facts = facts_of_text(events, GFMD,
                          "وانعقد الاجتماع الرابع للمنتدى العالمي للهجرة والتنمية في ليما عام 2030 بمشاركة وفود "
                          "أكثر من 120 دولة وممثلي نحو 25 منظمة دولية، وشاركت فيه أيضا 9 دول بصفة مراقب.",
                          date="2030-12-01")
    t = triples(facts)
    assert {("event/gfmd-2030", "stateCount", "120"), ("event/gfmd-2030", "organizationCount", "25")} <= t
    assert not any(o == "9" for _, p, o in t if p.endswith("Count"))


def test_participation_of_states_joined_by_wa():
    facts = facts_of_text(events, GFMD,
                          "وعقد الاجتماع الثالث للمنتدى العالمي للهجرة والتنمية في بانكوك عام 2029 بمشاركة الأردن "
                          "ولبنان.", date="2029-12-01")
    t = triples(facts)
    assert {("state/JOR", "participatesIn", "event/gfmd-2029"), ("state/LBN", "participatesIn", "event/gfmd-2029")} <= t


def test_planned_participation_is_not_participation():
    facts = facts_of_text(events, GFMD,
                          "ومن المقرر أن تشارك مصر في الاجتماع السابع للمنتدى العالمي للهجرة والتنمية في برلين "
                          "الشهر المقبل.", date="2030-05-01")
    assert not [f for f in facts if f.predicate == "participatesIn"]


def test_an_offered_meeting_is_typed_planned():
    facts = facts_of_text(events, GFMD, "وعرضت الأرجنتين استضافة الاجتماع الثالث للمنتدى العالمي للهجرة والتنمية عام 2030.",
                          date="2029-05-01")
    assert classes(facts, "gfmd-2030") == {"PlannedMeeting"}


def test_a_planned_marker_set_off_by_a_comma_after_the_meeting():
    facts = facts_of_text(events, "وتعد الوزارة مؤتمرا وطنيا للكفاءات المهاجرة في الخارج، المزمع عقده في بيروت في آب 2031.",
                          date="2031-05-17")
    planned = {f.subject.cls for f in facts if f.subject.kind == "event"}
    assert planned == {"PlannedMeeting"}


def test_the_chair_of_a_process_is_not_the_chair_of_its_meeting():
    facts = facts_of_text(events,
                          "وشارك الأردن في المؤتمر الوزاري لعملية بودابست الذي عقد في إسطنبول في 3 أيار 2030، "
                          "علما بأن العملية تترأسها تركيا.", date="2030-06-01")
    assert not [f for f in facts if f.predicate == "chairedBy" and f.subject.kind == "event"]


def test_a_chairs_name_runs_on_over_initials_and_plain_words():
    facts = facts_of_text(events, GFMD,
                          "وعقد الاجتماع الخامس للمنتدى العالمي للهجرة والتنمية في جنيف عام 2030 تحت الرئاسة المشتركة "
                          "لمعالي السيدة ماريا ل. ك. دونوسو، وزيرة خارجية شيلي، ومعالي السيد كريم بنعلي، وزير الهجرة.",
                          date="2030-12-01")
    chairs = {key_of(f.object) for f in facts if f.predicate == "coChairedBy"}
    assert any(c.startswith("person/marya-l-k-dwnwsw") for c in chairs), chairs


def test_states_listed_after_a_count_take_part():
    facts = facts_of_text(events,
                          "وانعقد المؤتمر الوزاري الإقليمي الرابع لعملية بالي في بانكوك في 4 أيار 2031، وحضره 120 "
                          "مندوبا يمثلون 5 دول، هي: الأردن، وتايلند، وفرنسا (كاليدونيا الجديدة)، وماليزيا، وفيجي.",
                          date="2031-05-05")
    t = triples(facts)
    got = {s for s, p, o in t if p == "participatesIn" and o == "event/bali-process-2031"}
    assert got == {"state/JOR", "state/THA", "state/FRA", "state/MYS", "state/FJI"}


def test_gulf_workshop_with_delegations_listed_after_wa_hiya():
    facts = facts_of_text(events,
                          "اختتمت في الكويت أعمال ورشة العمل الإقليمية حول استقدام العمالة خلال الفترة 14-16 أكتوبر "
                          "2030، بمشاركة ممثلين عن دول الخليج، وهي قطر والبحرين، إلى جانب وفود من الفلبين ونيبال.",
                          date="2030-10-18")
    t = triples(facts)
    ws = {s for s, p, o in t if p == "startDate" and o == "2030-10-14"}
    assert len(ws) == 1
    got = {s for s, p, o in t if p == "participatesIn" and o in ws}
    assert got == {"state/QAT", "state/BHR", "state/PHL", "state/NPL"}


def test_a_workshop_of_the_forum_is_not_the_forums_meeting():
    facts = facts_of_text(events, GFMD, "وقد استضافت الفلبين في تشرين الأول/أكتوبر 2031 حلقة العمل المواضيعية للمنتدى "
                                        "بشأن موجزات الهجرة.", date="2031-12-01")
    assert not [f for f in facts if f.predicate == "hostedBy" and f.subject.slug == "gfmd-2031"]


def test_a_process_named_by_its_head_noun_holds_the_numbered_meeting_and_the_same_city():
    facts = facts_of_text(events,
                          "وانبثقت عملية ألماتي عن المؤتمر الإقليمي المعقود في ألماتي في آذار/مارس 2031، واعتمد "
                          "مؤتمرها الوزاري الثاني، المعقود في المدينة نفسها في 5 حزيران/يونيه 2033، إعلانا.",
                          date="")
    t = triples(facts)
    assert {("event/almaty-process-2033", "partOf", "process/almaty-process"),
            ("event/almaty-process-2033", "location", "place/almaty"),
            ("event/almaty-process-2033", "startDate", "2033-06-05")} <= t


def test_a_process_held_by_an_organ_is_that_years_meeting():
    facts = facts_of_text(events,
                          "عقدت الجمعية العامة، عملا بقرارها 70/300، الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية "
                          "في مقر الأمم المتحدة بنيويورك يومي 3 و 4 تشرين الأول/أكتوبر 2029. وشارك في الحوار ممثلو "
                          "150 دولة عضوا.", date="2030-01-15")
    t = triples(facts)
    assert {("event/hld-2029", "partOf", "process/hld"), ("event/hld-2029", "location", "place/new-york"),
            ("event/hld-2029", "startDate", "2029-10-03"), ("event/hld-2029", "endDate", "2029-10-04"),
            ("event/hld-2029", "stateCount", "150")} <= t


def test_taking_part_in_a_process_so_far_is_not_its_meeting():
    facts = facts_of_text(events, GFMD,
                          "وعقد الاجتماع الخامس للمنتدى العالمي للهجرة والتنمية في جنيف عام 2031. واجتمع مندوبو "
                          "المنظمات التي شاركت في المنتدى حتى الآن في برن.", date="2031-12-20")
    t = triples(facts)
    assert ("event/gfmd-2031", "location", "place/geneva") in t
    assert ("event/gfmd-2031", "location", "place/bern") not in t


def test_a_fronted_city_and_a_declarations_title_is_not_a_theme():
    facts = facts_of_text(events,
                          "وفي براغ، اعتمد المؤتمر الوزاري المعقود يومي 7 و 8 أيار/مايو 2031، بمبادرة من الجمهورية "
                          "التشيكية التي كانت تتولى رئاسة مجلس الاتحاد الأوروبي، إعلانا مشتركا بعنوان \"شراكات للتنقل\".",
                          date="2031-09-01")
    t = triples(facts)
    ev = "event/ministerial-conference-prague-2031"
    assert {(ev, "location", "place/prague"), (ev, "startDate", "2031-05-07"), (ev, "endDate", "2031-05-08")} <= t
    assert not [f for f in facts if f.predicate in ("theme", "chairedBy")]


def test_the_state_holding_a_chairmanship_chairs_the_meeting_named_after_it():
    facts = facts_of_text(events, GFMD,
                          "وانطلقت أعمال القمة العاشرة للمنتدى العالمي للهجرة والتنمية في داكار يوم 3 أيار 2032 "
                          "برئاسة السنغال التي تتولى رئاسة المنتدى للعام 2032.", date="2032-05-05")
    assert ("event/gfmd-2032", "chairedBy", "state/SEN") in triples(facts)


def test_the_host_before_a_relative_clause_hosted_the_meeting_after_its_verb():
    facts = facts_of_text(events, GFMD,
                          "تولت كينيا رئاسة المنتدى العالمي المعني بالهجرة والتنمية لعام 2032، خلفا لحكومة البرتغال "
                          "التي استضافت الاجتماع الخامس للمنتدى في لشبونة في أيار 2031.", date="2032-03-01")
    hosts = {(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "hostedBy"}
    assert hosts == {("event/gfmd-2031", "state/PRT")}


def test_an_opening_day_is_not_the_last_day():
    facts = facts_of_text(events, GFMD,
                          "شاركت الأردن في القمة العاشرة للمنتدى العالمي للهجرة والتنمية في نيروبي من 3 إلى 5 أيار 2032.",
                          "وكان الوزيران قد افتتحا أشغال القمة يوم 3 أيار 2032 بحضور الأمين العام.", date="2032-05-06")
    ends = {f.object.lexical for f in facts if f.predicate == "endDate"}
    assert ends == {"2032-05-05"}


def test_parts_of_a_meeting_named_in_running_text_and_the_title_gives_the_main_meeting():
    facts = facts_of_text(events, "وعقد الاجتماع الحكومي يومي 10 و 11 تشرين الثاني/نوفمبر 2031، وسبقه اجتماع لكبار "
                                  "المسؤولين عقد في 9 تشرين الثاني/نوفمبر 2031.",
                          title="تقرير الرئاسة عن الاجتماع الثامن للمنتدى العالمي المعني بالهجرة والتنمية (كيتو، 2031)",
                          date="")
    t = triples(facts)
    assert {("event/gfmd-2031-government-meeting", "partOf", "event/gfmd-2031"),
            ("event/gfmd-2031-government-meeting", "startDate", "2031-11-10"),
            ("event/gfmd-2031-government-meeting", "endDate", "2031-11-11"),
            ("event/gfmd-2031-senior-officials-meeting", "partOf", "event/gfmd-2031"),
            ("event/gfmd-2031-senior-officials-meeting", "startDate", "2031-11-09")} <= t


def test_a_year_less_range_takes_the_year_written_before_it():
    facts = facts_of_text(events, GFMD, "شاركت قطر في القمة التاسعة للمنتدى العالمي للهجرة والتنمية في دكا.",
                          "وانطلقت أعمال القمة يوم السبت 2033-12-10 في مركز المؤتمرات، واستمرت ثلاثة أيام (10-12 ديسمبر).",
                          date="")
    t = triples(facts)
    assert {("event/gfmd-2033", "startDate", "2033-12-10"), ("event/gfmd-2033", "endDate", "2033-12-12")} <= t


def test_a_workshop_that_just_closed_in_a_state_gets_the_reports_year_and_its_delegations():
    facts = facts_of_text(events,
                          "الدوحة - 20/11/2032 (قنا) - اختتمت في قطر أعمال ورشة العمل الإقليمية حول تنقل العمالة التي "
                          "نظمتها الوزارة خلال الفترة 17-19 نوفمبر، بمشاركة ممثلين عن دول الخليج، وهي الكويت وعمان.",
                          date="2032-11-20")
    t = triples(facts)
    assert {("event/workshop-qat-2032", "startDate", "2032-11-17"), ("event/workshop-qat-2032", "endDate", "2032-11-19"),
            ("state/KWT", "participatesIn", "event/workshop-qat-2032")} <= t
    assert not [f for f in facts if f.predicate == "location"]          # a state is not a place
