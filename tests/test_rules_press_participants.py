"""Who takes part in, chairs and co-chairs a meeting, and the roles of the persons named, in the forms press
writers use (issue 13): persons listed after a participation word, a state represented at a meeting, a
delegation headed by a minister (he heads the delegation, he chairs nothing), chains of co-chairs and a
second chair after بالشراكة مع, and names written after a role that ends in a state's nisba, after a
role opened by ل, or printed with a hamza on their first alif. Negative cases: a partnership that opens a
new clause is no co-chair, a copula تمثل is no representation, a person represented by another does not
take part, a noun in construct after a name is not part of it. Every sentence here is the author's own."""
from __future__ import annotations

import pytest

from gold_facts import facts_of_text
from graph_builder.facts import actors, events


def _name(x) -> str:
    if hasattr(x, "kind"):
        return x.label_ar if x.kind == "person" else f"{x.kind}/{x.slug}"
    return x.lexical


def rel(module, *paras, date="2025-04-10", preds=None):
    return {(_name(f.subject), f.predicate, _name(f.object)) for f in facts_of_text(module, *paras, date=date)
            if preds is None or f.predicate in preds}


def taking_part(*paras, date="2025-04-10"):
    return {(s, o) for s, p, o in rel(events, *paras, date=date, preds={"participatesIn"})}


def chairs(*paras, date="2025-04-10"):
    return {(p, o) for s, p, o in rel(events, *paras, date=date, preds={"chairedBy", "coChairedBy"})}


def roles(*paras, date="2025-04-10"):
    return {(s, p, o) for s, p, o in rel(actors, *paras, date=date, preds={"role", "affiliation"})}


# ------------------------------------------------------------------ persons listed after a participation word

def test_levantine_persons_attending_listed_after_the_meeting_object():
    got = taking_part("انطلق في عمّان يوم 3 آذار/مارس 2031 الاجتماع الوزاري الثالث لعملية الخرطوم. ويحضر الاجتماع "
                      "وزيرة الخارجية الكندية ماري لوران، ومدير عام المنظمة الدولية للهجرة جون بيترسون، وممثل "
                      "الأمين العام للأمم المتحدة كلارا فونتين.", date="2031-03-03")
    names = {s for s, _o in got}
    assert {"ماري لوران", "جون بيترسون", "كلارا فونتين"} <= names


def test_gulf_persons_after_bhudur_joined_by_waw():
    got = taking_part("عقد المنتدى العالمي للهجرة والتنمية اجتماعه الرابع عشر في الدوحة عام 2032 بحضور الأمين العام "
                      "للأمم المتحدة أنطونيو غوتيريش ووزير الخارجية المغربي ناصر بوريطة.", date="2032-05-01")
    assert {"أنطونيو غوتيريش", "ناصر بوريطة"} <= {s for s, _o in got}


def test_maghrebi_a_person_taking_part_for_his_president_but_not_the_president():
    got = taking_part("اختتمت قمة فاليتا حول الهجرة التي انعقدت في فاليتا يوم 12 نوفمبر 2031 والتي شارك فيها الوزير "
                      "الأول عبد المالك سلال ممثلا عن رئيس الجمهورية عبد العزيز بوتفليقة بمخطط عمل.",
                      date="2031-11-13")
    names = {s for s, _o in got}
    assert "عبد المالك سلال" in names
    assert not any("بوتفليقة" in n for n in names)


def test_maghrebi_a_state_represented_at_the_conference_and_its_minister():
    got = taking_part("وانعقد المؤتمر الحكومي الدولي لاعتماد الميثاق العالمي للهجرة في مراكش يوم 10 دجنبر 2031. "
                      "ويمثل المغرب في المؤتمر، وزير الشؤون الخارجية والتعاون الإفريقي، السيد ناصر بوريطة.",
                      date="2031-12-10")
    names = {s for s, _o in got}
    assert {"state/MAR", "ناصر بوريطة"} <= names


def test_a_copula_tamaththal_is_no_representation():
    got = taking_part("وتمثل الجزائر في هذا المجال نموذجا يحتذى في الاجتماع الوزاري الثاني لعملية الخرطوم المنعقد "
                      "في القاهرة عام 2031.", date="2031-05-01")
    assert not any(s == "state/DZA" for s, _o in got)


# ------------------------------------------------------------------ delegations

def test_egyptian_vso_minister_heads_the_delegation_and_chairs_nothing():
    text = ("ترأس وزير العمل والتأهيل بحكومة الوحدة الوطنية، علي العابد، وفد ليبيا المشارك في الاجتماع الوزاري "
            "الثاني لعملية الخرطوم، الذي عقد اليوم الأربعاء 9 أبريل 2031 في القاهرة.")
    got = taking_part(text, date="2031-04-09")
    assert {"state/LBY", "علي العابد"} <= {s for s, _o in got}
    assert chairs(text, date="2031-04-09") == set()


# ------------------------------------------------------------------ chairs and co-chairs

def test_gulf_chain_of_five_co_chairs():
    got = chairs("انطلقت في جنيف يوم 13 ديسمبر 2031 أعمال الدورة الثالثة للمنتدى العالمي للاجئين، وهذه النسخة "
                 "تترأسها كل من كولومبيا وفرنسا واليابان والأردن وأوغندا.", date="2031-12-13")
    assert {("coChairedBy", "state/" + c) for c in ("COL", "FRA", "JPN", "JOR", "UGA")} <= got


def test_un_style_second_chair_in_partnership_co_chairs():
    got = chairs("وعقدت قمة الأمم المتحدة للاجئين والمهاجرين في نيويورك يوم 19 سبتمبر 2031 برئاسة رئيس الجمعية "
                 "العامة بيتر تومسون بالشراكة مع الرئيس السابق للجمعية العامة مونز ليكيتوفت.", date="2031-09-19")
    assert {("coChairedBy", "بيتر تومسون"), ("coChairedBy", "مونز ليكيتوفت")} <= got


def test_states_co_chairing_in_partnership():
    got = chairs("وعقد المنتدى العالمي للهجرة والتنمية اجتماعه في برلين عام 2031 برئاسة ألمانيا بالاشتراك مع "
                 "المغرب.", date="2031-07-01")
    assert {("coChairedBy", "state/DEU"), ("coChairedBy", "state/MAR")} <= got


def test_a_partnership_opening_a_new_clause_is_no_co_chair():
    got = chairs("وانعقد الاجتماع الوزاري الرابع لعملية بالي في بالي عام 2031 برئاسة إندونيسيا، وبالشراكة مع "
                 "المنظمة الدولية للهجرة نظمت ورشة عمل.", date="2031-06-01")
    assert ("chairedBy", "state/IDN") in got
    assert not any(o == "org/iom" for _p, o in got)


# ------------------------------------------------------------------ names and roles

@pytest.mark.parametrize("text,name,role,state", [
    ("أكد وزير الخارجية الاسترالي كيفين رود على الزيادة الكبيرة في أعداد اللاجئين.",
     "كيفين رود", "وزير الخارجية الاسترالي", "state/AUS"),
    ("ووصفها وزير الخارجية الاندونيسي مارتي ناتا ليجاوا بأنها متعددة الأبعاد.",
     "مارتي ناتا ليجاوا", "وزير الخارجية الاندونيسي", "state/IDN"),
    ("انعقد المؤتمر برئاسة وزير الخارجية الإيطالي أنجيلينو ألفانو.",
     "أنجيلينو ألفانو", "وزير الخارجية الإيطالي", "state/ITA"),
    ("وجاء ذلك إثر سياسة صارمة لرئيس وزراء أستراليا (جون هوارد) تجاه اللاجئين.",
     "جون هوارد", "رئيس وزراء أستراليا", "state/AUS"),
])
def test_a_name_after_a_role_in_press_forms(text, name, role, state):
    got = roles(text)
    assert (name, "role", role) in got
    assert (name, "affiliation", state) in got


def test_a_noun_in_construct_after_the_name_is_not_part_of_it():
    got = roles("وقرر مجلس الوزراء تخويل وزير الخارجية هوشيار زيباري صلاحية التفاوض والتوقيع على الاتفاقية.")
    assert ("هوشيار زيباري", "role", "وزير الخارجية") in got
    assert not any("صلاحية" in s for s, _p, _o in got)


def test_a_verbal_noun_with_the_article_after_the_name_is_not_its_family_name():
    got = roles("وعرض رئيس الوزراء البلجيكي شارل ميشيل الاستقالة من منصبه الثلاثاء.")
    assert ("شارل ميشيل", "affiliation", "state/BEL") in got
    assert not any("الاستقالة" in s for s, _p, _o in got)
    assert ("سامي الانصاري", "role", "وزير الخارجية") in roles("وقال وزير الخارجية سامي الانصاري إن الوضع خطير.")


def test_a_clause_after_the_name_is_not_part_of_it():
    got = roles("وقالت وزيرة الهجرة الكندية ليلى حسين بأنها ستشارك في الاجتماع.")
    assert ("ليلى حسين", "role", "وزيرة الهجرة الكندية") in got
    assert not any("بأنها" in s for s, _p, _o in got)


def test_a_time_word_after_a_nisba_role_is_no_name():
    assert roles("وقال وزير الداخلية الفرنسي يوم الثلاثاء إن الحكومة ستدعم الخطة.") == set()


# ------------------------------------------------------------------ lists introduced by كل من

def test_speeches_delivered_by_each_of_a_comma_list():
    got = taking_part("افتتح صباح اليوم في الرباط المنتدى العالمي للهجرة والتنمية في نسخته الخامسة عشرة عام 2031 "
                      "بكلمات ألقاها كل من فخامة السيدة فرانسيا ماركيز نائبة رئيس كولومبيا، ووزيرة الخارجية "
                      "الفرنسية كاترين كولونا.", date="2031-06-02")
    assert {"فرانسيا ماركيز", "كاترين كولونا"} <= {s for s, _o in got}


def test_each_of_two_ministers_took_part():
    got = taking_part("عقد المنتدى العالمي للهجرة والتنمية اجتماعه الخامس عشر في الرباط عام 2031، وشارك فيه كل من "
                      "وزير الخارجية المغربي ناصر بوريطة، ووزيرة الدولة الألمانية ماريا بومر.", date="2031-06-02")
    assert {"ناصر بوريطة", "ماريا بومر"} <= {s for s, _o in got}


def test_a_person_named_in_anothers_role_is_not_listed():
    got = taking_part("عقد المنتدى العالمي للهجرة والتنمية اجتماعه الخامس عشر في الرباط عام 2031 بحضور الوزير "
                      "المنتدب سامي عادل، مستشار الرئيس ليلى يوسف.", date="2031-06-02")
    assert "ليلى يوسف" not in {s for s, _o in got}


def test_the_representative_of_a_post_works_for_the_posts_organisation():
    got = roles("وحضر الاجتماع ممثل الأمين العام للأمم المتحدة للهجرة الدولية لويز آربور، ومستشار الأمين العام "
                "لجامعة الدول العربية أحمد سالم.")
    assert {("لويز آربور", "affiliation", "org/un"), ("أحمد سالم", "affiliation", "org/las")} <= got
    assert not any(p == "affiliation" and "secretary" in o for s, p, o in got)


# ------------------------------------------------------------------ a bare role names the person named before

def test_egyptian_chair_named_again_by_the_bare_role():
    got = chairs("أعلن وزير الخارجية والهجرة، بدر عبد العاطي، اليوم الأربعاء، اعتماد إعلان القاهرة.",
                 "وانعقد الاجتماع الوزاري الثاني لعملية الخرطوم في القاهرة يوم 9 أبريل 2031 برئاسة وزير الخارجية، "
                 "وذلك في إطار رئاسة مصر للعملية.", date="2031-04-09")
    assert ("chairedBy", "بدر عبد العاطي") in got


def test_a_bare_role_two_earlier_persons_hold_names_nobody():
    got = chairs("أعلن وزير الخارجية الإيطالي أنجيلينو ألفانو أمس دعم بلاده. وقال وزير الخارجية المصري سامح شكري إن "
                 "التعاون ضروري.",
                 "وانعقد الاجتماع الوزاري الثاني لعملية الخرطوم في القاهرة يوم 9 أبريل 2031 برئاسة وزير الخارجية.",
                 date="2031-04-09")
    assert not any(o in ("أنجيلينو ألفانو", "سامح شكري") for _p, o in got)


def test_gulf_the_head_of_a_delegation_in_a_later_sentence_takes_part():
    got = taking_part("انعقد الاجتماع الوزاري الخامس لحوار أبوظبي في كولومبو عام 2031.",
                      "وترأس الوفد البحريني، وزير العمل والتنمية الاجتماعية جميل حميدان.", date="2031-10-01")
    assert {"state/BHR", "جميل حميدان"} <= {s for s, _o in got}


def test_a_delegation_head_still_to_come_takes_no_part():
    got = taking_part("انعقد الاجتماع الوزاري الخامس لحوار أبوظبي في كولومبو عام 2031.",
                      "وسيترأس الوفد البحريني وزير العمل جميل حميدان في الاجتماع المقبل.", date="2031-10-01")
    assert "جميل حميدان" not in {s for s, _o in got}


# ------------------------------------------------------------------ a person who said something at the meeting

def test_levantine_reporting_verb_then_at_the_meeting():
    got = taking_part("وقال ستيفن سميث في المؤتمر الوزاري الثالث لعملية بالي المنعقد في بالي عام 2031 إن الوضع خطير.",
                      date="2031-04-16")
    assert "ستيفن سميث" in {s for s, _o in got}


def test_a_press_statement_after_the_meeting_is_not_speaking_at_it():
    got = taking_part("وقال ستيفن سميث في تصريح صحفي عقب المؤتمر الوزاري الثالث لعملية بالي المنعقد في بالي عام 2031 "
                      "إن الوضع خطير.", date="2031-04-16")
    assert "ستيفن سميث" not in {s for s, _o in got}


def test_saying_that_a_meeting_will_be_held_is_not_taking_part():
    got = taking_part("وقال ستيفن سميث إن المؤتمر الوزاري الثالث لعملية بالي سيعقد في بالي عام 2031.",
                      date="2031-01-16")
    assert "ستيفن سميث" not in {s for s, _o in got}


# ------------------------------------------------------------------ a participant list that goes on after إلى جانب

def test_egyptian_list_goes_on_after_besides_entities_most_prominently():
    got = taking_part("انعقد الاجتماع الوزاري الثاني لعملية الخرطوم في القاهرة يوم 9 أبريل 2031. ويشارك في اللقاء ممثلون "
                      "عن سويسرا، والنرويج، وعدد من بلدان القرن الأفريقي، إلى جانب كيانات إقليمية ودولية من أبرزها "
                      "المفوضية الأوروبية، والاتحاد الأفريقي، والمنظمة الدولية للهجرة.", date="2031-04-09")
    assert {"state/CHE", "state/NOR", "org/iom"} <= {s for s, _o in got}


def test_besides_other_challenges_is_no_participant():
    got = taking_part("انعقد الاجتماع الوزاري الثاني لعملية الخرطوم في القاهرة يوم 9 أبريل 2031 بمشاركة مصر والسودان، "
                      "في ظل أوضاع صعبة تشهدها المنطقة، إلى جانب تحديات أخرى تواجه الاتحاد الأفريقي.", date="2031-04-09")
    assert {"state/EGY", "state/SDN"} <= {s for s, _o in got}
    assert "org/au" not in {s for s, _o in got}


def test_states_added_after_a_council_are_not_its_members():
    got = rel(actors, "تلتقي اليوم في أبوظبي 11 دولة آسيوية مصدرة للعمالة، مع 10 دول مستقبلة لها، وهي دول مجلس التعاون "
                      "الخليجي بالإضافة إلى اليمن وكوريا وسنغافورة وماليزيا.", preds={"memberOf"})
    assert not any(s in ("state/YEM", "state/SGP", "state/MYS") for s, _p, _o in got)
