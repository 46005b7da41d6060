"""Who chairs a standing process and who takes part, on sentences written for these tests in several
registers (Maghrebi, Gulf, Egyptian, Levantine press, a UN report, a regional process's communiqué),
with the negative cases: a planned or announced chairmanship is not a chairmanship, the head of a
delegation chairs nothing, a chair of a meeting is not the chair of the process. Every sentence here is
the author's own."""
from __future__ import annotations

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
