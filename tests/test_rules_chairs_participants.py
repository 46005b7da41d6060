"""Who chairs a standing process and who takes part, on sentences written for these tests in several
registers (Maghrebi, Gulf, Egyptian, Levantine press, a UN report, a regional process's communiqué),
with the negative cases: a planned or announced chairmanship is not a chairmanship, the head of a
delegation chairs nothing, a chair of a meeting is not the chair of the process. Every sentence here is
the author's own."""
from __future__ import annotations

import pytest

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events

GFMD = "المنتدى العالمي المعني بالهجرة والتنمية هو عملية استشارية تقودها الدول."


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def chairs(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts
            if f.predicate in ("chairedBy", "coChairedBy")}


# ------------------------------------------------------------------ chairs of a standing process

def test_egyptian_vso_taking_verb_before_the_chairmanship_of_a_named_process():
    facts = facts_of_text(events, "وتتولى تونس رئاسة «عملية الخرطوم» منذ مارس 2031، وسط ترحيب الدول الأعضاء.",
                          date="2031-06-01")
    assert ("process/khartoum-process", "chairedBy", "state/TUN") in chairs(facts)


def test_maghrebi_two_states_take_the_task_of_chairing_the_forum_are_co_chairs():
    facts = facts_of_text(events, GFMD,
                          "تولى كل من السنغال وإسبانيا مهمة رئاسة المنتدى العالمي حول الهجرة والتنمية ابتداء من فاتح "
                          "يناير 2033.", date="2033-01-05")
    assert {("process/gfmd", "coChairedBy", "state/SEN"), ("process/gfmd", "coChairedBy", "state/ESP")} <= chairs(facts)


def test_gulf_relative_clause_with_a_chair_verb_after_the_process():
    facts = facts_of_text(events, GFMD,
                          "وجمع المنتدى، الذي ترأسه الكويت منذ مطلع 2032، مئات المسؤولين من أنحاء العالم.",
                          date="2032-10-01")
    assert ("process/gfmd", "chairedBy", "state/KWT") in chairs(facts)


def test_levantine_pronoun_of_the_chairmanship_takes_up_the_process():
    facts = facts_of_text(events, GFMD,
                          "وذكر البيان أن المنتدى، الذي تولت النرويج رئاسته للمدة من كانون الثاني 2031 ولغاية حزيران "
                          "2032، يضم دولا من كل القارات.", date="2032-07-01")
    assert ("process/gfmd", "chairedBy", "state/NOR") in chairs(facts)


def test_a_succession_list_gives_each_past_chair():
    facts = facts_of_text(events, GFMD,
                          "وتعد قطر أول دولة عربية تترأس المنتدى العالمي للهجرة والتنمية، بعد أن تعاقبت على رئاسته "
                          "كل من البرازيل والهند والمكسيك، إضافة إلى كندا.", date="2033-02-01")
    got = chairs(facts)
    assert {("process/gfmd", "chairedBy", "state/BRA"), ("process/gfmd", "chairedBy", "state/IND"),
            ("process/gfmd", "chairedBy", "state/MEX"), ("process/gfmd", "chairedBy", "state/CAN"),
            ("process/gfmd", "chairedBy", "state/QAT")} <= got


def test_a_hand_over_names_the_outgoing_and_the_incoming_chair():
    facts = facts_of_text(events,
                          "وسلمت دولة الكويت، في ختام الأعمال، رئاسة الدورة العاشرة لحوار أبوظبي إلى جمهورية "
                          "إندونيسيا.", date="2034-03-01")
    got = chairs(facts)
    assert {("process/abu-dhabi-dialogue", "chairedBy", "state/KWT"),
            ("process/abu-dhabi-dialogue", "chairedBy", "state/IDN")} <= got


def test_a_rotating_chairmanship_moving_from_one_state_to_another():
    facts = facts_of_text(events,
                          "اجتمع الوزراء في المشاورة الوزارية السادسة لمسار كولومبو.",
                          "وإذ نرحب بانتقال الرئاسة الدورية للمسار من نيبال إلى سري لانكا؛", date="2030-05-01")
    got = chairs(facts)
    assert {("process/colombo-process", "chairedBy", "state/NPL"),
            ("process/colombo-process", "chairedBy", "state/LKA")} <= got


def test_a_partner_after_the_chairmanship_makes_co_chairs():
    facts = facts_of_text(events, GFMD,
                          "تتولى فرنسا بدءا من اليوم رئاسة المنتدى العالمي للهجرة والتنمية 2035، بشراكة مع السنغال، "
                          "حسب بيان للسفارة.", date="2035-01-01")
    assert {("process/gfmd", "coChairedBy", "state/FRA"), ("process/gfmd", "coChairedBy", "state/SEN")} <= chairs(facts)


def test_the_chairmanship_noun_with_the_holder_then_the_process():
    facts = facts_of_text(events, GFMD,
                          "واختتمت القمة في ختام رئاسة البرتغال للمنتدى، وتسلمت كندا الرئاسة بعدها.", date="2036-01-01")
    assert ("process/gfmd", "chairedBy", "state/PRT") in chairs(facts)


def test_the_process_noun_stands_for_the_process_whose_name_it_begins():
    facts = facts_of_text(events,
                          "شارك الأردن في المؤتمر الوزاري لمسار بودابست الذي أطلق شراكة طرق الحرير من أجل الهجرة، "
                          "لافتا إلى أن المسار تترأسه اليونان وتشاركها بلغاريا في الرئاسة.", date="2030-06-01")
    got = chairs(facts)
    assert ("process/budapest-process", "chairedBy", "state/GRC") in got
    assert ("process/budapest-process", "coChairedBy", "state/BGR") in got
    assert not [c for c in got if c[0] == "process/silk-routes-partnership"]


def test_this_forum_in_a_report_on_one_meeting_is_that_meeting():
    facts = facts_of_text(events, GFMD,
                          "انطلقت اليوم بأكادير أشغال القمة الخامسة عشرة للمنتدى العالمي حول الهجرة والتنمية.",
                          "ويعرف هذا المنتدى، الذي يترأسه كل من المغرب والبرتغال، مشاركة وزراء من كل القارات.",
                          date="2036-10-10")
    got = chairs(facts)
    assert {(s, p, o) for s, p, o in got if o in ("state/MAR", "state/PRT")} and \
        all(s.startswith("event/gfmd") for s, p, o in got if o in ("state/MAR", "state/PRT"))
    assert all(p == "coChairedBy" for s, p, o in got if o in ("state/MAR", "state/PRT"))


# ------------------------------------------------------------------ negative cases

def test_a_planned_chairmanship_is_not_a_chairmanship():
    facts = facts_of_text(events, GFMD,
                          "ومن المقرر أن تتسلم اليابان رئاسة المنتدى العالمي للهجرة والتنمية من حكومة كينيا في القمة "
                          "المقبلة.", date="2033-05-01")
    assert not chairs(facts)


def test_a_future_chairmanship_is_not_a_chairmanship():
    facts = facts_of_text(events, GFMD, "وستتولى غانا رئاسة المنتدى العالمي للهجرة والتنمية العام المقبل.",
                          date="2033-05-01")
    assert not chairs(facts)


def test_a_vision_of_a_chairmanship_names_no_chair():
    facts = facts_of_text(events, GFMD,
                          "وذلك في إطار رؤية الدولة لرئاسة المنتدى العالمي للهجرة والتنمية، بمشاركة أكثر من ألف مسؤول.",
                          date="2033-05-01")
    assert not chairs(facts)


def test_the_head_of_a_state_delegation_chairs_nothing_and_the_state_takes_part():
    facts = facts_of_text(events,
                          "بحث اللقاء الوزاري الخامس لحوار أبو ظبي اليوم في العاصمة الفلبينية مانيلا، بمشاركة وزير "
                          "العمل الدكتور خالد المنصوري، الذي يترأس وفد دولة الكويت، سبل تنظيم استقدام العمالة.",
                          date="2031-04-04")
    t = triples(facts)
    assert not chairs(facts)
    assert any(s == "state/KWT" and p == "participatesIn" and o.startswith("event/abu-dhabi-dialogue") for s, p, o in t)


# ------------------------------------------------------------------ who takes part

def participants(facts):
    return {(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "participatesIn"}


def test_sudanese_list_after_bimusharakat_kull_min_with_latin_commas():
    facts = facts_of_text(events, "انطلقت اليوم في الخرطوم أعمال الاجتماع الوزاري الثالث لعملية الخرطوم بمشاركة كل من "
                                  "تشاد, والنيجر, ومالي، والمنظمة الدولية للهجرة.", date="2031-05-01")
    got = {s for s, o in participants(facts) if o.startswith("event/khartoum-process")}
    assert {"state/TCD", "state/NER", "state/MLI", "org/iom"} <= got


def test_communique_observers_listed_in_a_clause_of_their_own_past_a_relative_clause():
    facts = facts_of_text(events,
                          "اجتمعنا في كاتماندو يومي 3 و4 أيار 2031 في المشاورة الوزارية السابعة لمسار كولومبو؛",
                          "وبحضور ممثلي الدول والجهات التالية بصفة مراقب: كندا، وإيطاليا، والاتحاد الأوروبي، إلى جانب "
                          "المنظمة الدولية للهجرة، التي تتولى مهام الأمانة، ومنظمة العمل الدولية؛", date="2031-05-05")
    got = {s for s, o in participants(facts) if o.startswith("event/colombo-process")}
    assert {"state/CAN", "state/ITA", "org/eu", "org/iom", "org/ilo"} <= got


def test_gulf_meeting_gathered_ministers_of_listed_states():
    facts = facts_of_text(events, "اختتم في أبوظبي الاجتماع الوزاري السادس لحوار أبوظبي يوم 3 أبريل 2031.",
                          "وضم الاجتماع إلى جانب وزراء العمل في دول الخليج، وزراء كل من نيبال وسريلانكا وكبار ممثلي "
                          "منظمة العمل الدولية.", date="2031-04-04")
    got = {s for s, o in participants(facts) if o.startswith("event/abu-dhabi-dialogue")}
    assert {"state/NPL", "state/LKA", "org/ilo"} <= got


def test_a_delegations_members_are_not_the_meetings_participants():
    facts = facts_of_text(events, "شاركت الكويت في القمة التاسعة للمنتدى العالمي للهجرة والتنمية في نيروبي بوفد ترأسه "
                                  "وزير العمل، وضم سفير الدولة لدى جمهورية كينيا.", date="2031-04-04")
    assert not any(s == "state/KEN" for s, o in participants(facts))


def test_egyptian_titled_person_after_bimusharakat_takes_part():
    facts = facts_of_text(events, "عقدت في نيويورك أمس القمة الأولى للأمم المتحدة بشأن اللاجئين والمهاجرين بمشاركة "
                                  "الرئيس عبدالفتاح السيسي، ووفود 190 دولة.", date="2031-09-20")
    assert any(s == "person/bdalftah-alsysy" for s, o in participants(facts))


def test_the_head_of_a_delegation_takes_part():
    facts = facts_of_text(events, GFMD,
                          "شارك العراق في أعمال الاجتماع العاشر للمنتدى العالمي للهجرة والتنمية في برلين، بوفد ترأسه "
                          "وزير الهجرة والمهجرين كامران علي حسن.", date="2031-06-01")
    got = participants(facts)
    assert any(s.startswith("person/kamran") or s.startswith("person/kmran") for s, o in got), got
    assert not chairs(facts)


def test_a_count_in_a_sentence_that_takes_up_the_meeting():
    facts = facts_of_text(events, GFMD,
                          "احتضنت أكادير القمة الخامسة عشرة للمنتدى العالمي للهجرة والتنمية يومي 3 و4 أكتوبر 2036.",
                          "وعرف هذا الموعد الدولي مشاركة أزيد من 900 مشارك يمثلون حوالي 150 دولة.",
                          "وجمع المنتدى كذلك نحو 40 منظمة دولية.", date="2036-10-05")
    t = triples(facts)
    assert {("event/gfmd-2036", "stateCount", "150"), ("event/gfmd-2036", "delegateCount", "900"),
            ("event/gfmd-2036", "participantCount", "150")} <= t
    assert ("event/gfmd-2036", "participantCount", "900") not in t      # the states are the participant count


_AGADIR = "احتضنت أكادير القمة الخامسة عشرة للمنتدى العالمي للهجرة والتنمية يومي 3 و4 أكتوبر 2036."


@pytest.mark.parametrize("sentence, predicate, n", [
    ("وجمع الحوار وفودا من 80 بلدا و40 منظمة غير حكومية.", "stateCount", "80"),      # UN agency page
    ("واستقطب الحدث نحو 600 مشارك من الحكومات والمجتمع المدني.", "participantCount", "600"),   # Maghrebi press
    ("وضم الموعد ممثلي 35 دولة.", "stateCount", "35"),                                # Gulf press
])
def test_a_meeting_named_again_as_what_gathered_them_counts_them(sentence, predicate, n):
    facts = facts_of_text(events, GFMD, _AGADIR, sentence, date="2036-10-05")
    assert ("event/gfmd-2036", predicate, n) in triples(facts)


@pytest.mark.parametrize("sentence", [
    "ويجمع الحوار عادة ممثلي 150 دولة.",          # present: what the process does, not this meeting
    "وجمع الوزير 80 مسؤولا في مكتبه.",            # a person gathered them, no meeting named again
])
def test_no_count_for_a_gathering_not_the_meetings(sentence):
    facts = facts_of_text(events, GFMD, _AGADIR, sentence, date="2036-10-05")
    assert not [f for f in facts if f.predicate.endswith("Count") and f.evidence.text == sentence]


def test_delegates_are_the_participant_count_when_no_states_are_counted():
    facts = facts_of_text(events, GFMD,
                          "انعقدت القمة الثالثة عشرة للمنتدى العالمي للهجرة والتنمية في دبي يوم 24 يناير 2031، وشارك "
                          "فيها أكثر من ألف مندوب من الحكومات والمنظمات الدولية.", date="2031-01-25")
    assert ("event/gfmd-2031", "participantCount", "1000") in triples(facts)


def test_members_of_a_process_are_not_participants_of_its_meeting():
    facts = facts_of_text(events, GFMD,
                          "وانعقد الاجتماع الرابع عشر للمنتدى العالمي للهجرة والتنمية في جنيف عام 2033، والمنتدى يضم في "
                          "عضويته 190 دولة.", date="2033-12-01")
    assert not [f for f in facts if f.predicate.endswith("Count")]


def test_a_succession_of_chairs_is_not_a_membership_list():
    from graph_builder.facts import actors
    facts = facts_of_text(actors, GFMD,
                          "وتعد قطر أول دولة عربية تترأس المنتدى العالمي للهجرة والتنمية، الذي يضم في عضويته 190 دولة، "
                          "بعد أن تعاقبت على رئاسته كل من البرازيل والهند والمكسيك.", date="2033-02-01")
    assert not [f for f in facts if f.predicate == "memberOf" and key_of(f.subject) in ("state/BRA", "state/IND", "state/MEX")]


# ------------------------------------------------------------------ session co-chairs in running text

def test_round_tables_co_chaired_by_states_in_running_text():
    facts = facts_of_text(events, GFMD,
                          "عقد الاجتماع السابع للمنتدى العالمي المعني بالهجرة والتنمية في جنيف يومي 3 و4 كانون الأول 2031.",
                          "فقد تناولت المائدة المستديرة الأولى، التي ترأستها بصورة مشتركة حكومتا المكسيك وكينيا، حماية "
                          "العمال المهاجرين، وخصصت المائدة الثانية، برئاسة مشتركة من الهند والبرتغال، للتحويلات المالية.",
                          date="2031-12-05")
    t = triples(facts)
    assert {("event/gfmd-2031-roundtable-1", "partOf", "event/gfmd-2031"),
            ("event/gfmd-2031-roundtable-1", "coChairedBy", "state/MEX"),
            ("event/gfmd-2031-roundtable-1", "coChairedBy", "state/KEN"),
            ("event/gfmd-2031-roundtable-2", "coChairedBy", "state/IND"),
            ("event/gfmd-2031-roundtable-2", "coChairedBy", "state/PRT")} <= t
    assert not [x for x in t if x[0] == "event/gfmd-2031" and x[1] == "coChairedBy"]


def test_a_session_named_by_its_subject_chaired_by_one_state():
    facts = facts_of_text(events, GFMD,
                          "عقد الاجتماع السابع للمنتدى العالمي المعني بالهجرة والتنمية في جنيف يومي 3 و4 كانون الأول 2031، "
                          "وأفرد جلسة لتقييم العلاقة بين الهجرة والتصحر، ترأستها السنغال.", date="2031-12-05")
    got = {(s, p, o) for s, p, o in triples(facts) if o == "state/SEN"}
    assert got and all(s.startswith("event/gfmd-2031-session") and p == "chairedBy" for s, p, o in got)


def test_a_table_without_an_ordinal_and_a_delegation_head_are_no_session_chairs():
    facts = facts_of_text(events, GFMD,
                          "عقد الاجتماع السابع للمنتدى العالمي المعني بالهجرة والتنمية في جنيف عام 2031، وحول المائدة، "
                          "التي ترأستها السويد، جلس الوزراء.",
                          "وشارك الأردن في الجلسة الختامية بوفد ترأسه وزير العمل.", date="2031-12-05")
    assert not [f for f in facts if f.rule == "event.session-chair-written"]


def test_the_host_that_also_chaired_a_meeting_by_a_coordinated_verb():
    facts = facts_of_text(events, "استضافت المملكة الأردنية الهاشمية الاجتماع الوزاري الثاني لعملية الخرطوم في عمان يوم 3 "
                                  "مايو 2031 وترأست أعماله.", date="2031-05-04")
    assert ("event/khartoum-process-2031", "chairedBy", "state/JOR") in chairs(facts)


def test_a_coordinated_chair_verb_after_a_subjectless_held_verb_names_no_chair():
    facts = facts_of_text(events, "عقد الاجتماع الوزاري الثاني لعملية الخرطوم في عمان يوم 3 مايو 2031 وترأس أعماله "
                                  "وزير الخارجية.", date="2031-05-04")
    assert not [c for c in chairs(facts) if c[2].startswith("state/")]


def test_two_state_adjectives_after_a_chairmanship_are_co_chairs():
    facts = facts_of_text(events, GFMD,
                          "انكب المشاركون في المنتدى العالمي للهجرة والتنمية في نسخته الرابعة عشرة المنعقدة منذ الأربعاء "
                          "بداكار، تحت الرئاسة السنغالية الإسبانية، على بحث قضايا الهجرة.", date="2033-06-30")
    got = chairs(facts)
    assert {(s, o) for s, p, o in got if p == "coChairedBy"} >= {("event/gfmd-meeting-14", "state/SEN"),
                                                                 ("event/gfmd-meeting-14", "state/ESP")}


def test_a_forecast_count_is_no_count():
    facts = facts_of_text(events, "افتتحت اليوم بالرباط أشغال المؤتمر الوزاري السابع لمسلسل الرباط.",
                          "وسيعرف المؤتمر إقرار خطة عمل جديدة، حيث سيشارك فيه ما لا يقل عن 60 بلدا عضوا.",
                          date="2031-06-30")
    assert not [f for f in facts if f.predicate.endswith("Count")]


@pytest.mark.parametrize("printed, value", [("1.500", "1500"), ("1,500", "1500"), ("١٥٠٠", "1500")])
def test_a_count_printed_with_thousands_separators_or_arabic_digits(printed, value):
    facts = facts_of_text(events, GFMD,
                          f"انعقدت القمة الثالثة عشرة للمنتدى العالمي للهجرة والتنمية في دبي يوم 24 يناير 2031، وشارك "
                          f"فيها أكثر من {printed} مندوب من الحكومات والمنظمات الدولية.", date="2031-01-25")
    assert ("event/gfmd-2031", "participantCount", value) in triples(facts)
