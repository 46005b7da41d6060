"""Participation and funding written as noun phrases and lists (issue 13): the members of a group named after a
participation participle (``وكان من بين المنظمات المشاركة A وB``), a meeting taken up as ``هذا الحوار``, a list
going on after ``علاوة على``; a fund or initiative funded by a list of donors after a funding verb with an object
pronoun (``وقد موّلتها A وB``), after a receiving verb (``وتلقى الصندوق مساهمات من A وB``) or a funding phrase
(``بتمويل من``); two adopters coordinated after the verb (``أنشأت حكومة X والجماعة …``). Negatives: a group
participle with no list after it (``دعا الدول المشاركة إلى التعاون مع …``), states a meeting discussed, funding
that is planned, received in future or asked for, a pronoun that agrees with another instrument than the last
named, a funding phrase after a meeting. Every sentence here is the author's own."""
from __future__ import annotations

from gold_facts import facts_of_text
from graph_builder.facts import commitments, events


def _name(x) -> str:
    if hasattr(x, "kind"):
        return x.label_ar if x.kind == "person" else f"{x.kind}/{x.slug}"
    return x.lexical


def taking_part(*paras, date="2031-06-10"):
    return {_name(f.subject) for f in facts_of_text(events, *paras, date=date) if f.predicate == "participatesIn"}


def funded(*paras, date="2031-06-10"):
    return {(f.subject.slug, _name(f.object)) for f in facts_of_text(commitments, *paras, date=date)
            if f.predicate == "fundedBy"}


def adopters(*paras, date="2031-06-10"):
    return {(f.subject.slug, _name(f.object)) for f in facts_of_text(commitments, *paras, date=date)
            if f.predicate == "adoptedBy"}


HELD = "عقد المؤتمر الوزاري الرابع لعملية الرباط في مدينة قادس يومي 12 و13 أيار/مايو 2031. "


# ------------------------------------------------------------------ participation

def test_un_style_members_listed_after_the_participating_organisations():
    got = taking_part(HELD + "وكان من بين المنظمات المشاركة المنظمة الدولية للهجرة ومفوضية الأمم المتحدة لشؤون "
                             "اللاجئين والاتحاد الأفريقي.")
    assert {"org/iom", "org/unhcr", "org/au"} <= got


def test_gulf_press_participating_states_after_a_colon():
    got = taking_part(HELD + "وكانت الدول المشاركة: الكويت والبحرين وسلطنة عمان.")
    assert {"state/KWT", "state/BHR", "state/OMN"} <= got


def test_a_group_participle_with_no_list_names_no_participant():
    got = taking_part(HELD + "ودعا المؤتمر الدول المشاركة إلى التعاون مع المنظمة الدولية للهجرة.")
    assert "org/iom" not in got


def test_states_the_meeting_discussed_do_not_take_part():
    got = taking_part(HELD + "وناقش الوزراء أوضاع المهاجرين في ليبيا وتونس والنيجر.")
    assert not {"state/LBY", "state/TUN", "state/NER"} & got


def test_maghrebi_press_this_dialogue_takes_up_the_meeting_and_the_list_goes_on():
    got = taking_part("انعقد الاجتماع الوزاري الخامس عشر لحوار 5+5 في مدينة فاليتا يوم 20 كانون الثاني/يناير 2031. "
                      "وشارك في هذا الحوار دول الضفة الجنوبية وهي (ليبيا وتونس والجزائر)، ودول الضفة الشمالية "
                      "وهي (مالطا وإيطاليا) بالإضافة إلى الاتحاد الأوروبي.", date="2031-01-21")
    assert {"state/LBY", "state/TUN", "state/DZA", "state/MLT", "state/ITA", "org/eu"} <= got


def test_levantine_press_a_list_continued_after_alawa_ala():
    got = taking_part("انطلقت في عمّان أمس أعمال المؤتمر الإقليمي حول الاتجار بالبشر بمشاركة السودان ومصر، علاوة "
                      "على مفوضية الأمم المتحدة لشؤون اللاجئين.", date="2031-03-05")
    assert {"state/SDN", "state/EGY", "org/unhcr"} <= got


def test_participants_of_a_planned_meeting_do_not_take_part():
    got = taking_part("من المقرر أن يعقد المؤتمر الوزاري الخامس لعملية الرباط في مدينة قادس في أيار/مايو 2032. "
                      "وسيشارك فيه كل من المغرب وإسبانيا.", date="2031-06-10")
    assert not {"state/MAR", "state/ESP"} & got


# ------------------------------------------------------------------ funding

def test_press_a_funding_verb_with_a_feminine_pronoun_funds_the_initiative_named_before():
    got = funded("أطلقت منظمة العمل الدولية عام 2031 مبادرة التوظيف العادل. وقد موّلتها السويد والنرويج.")
    assert got >= {("ilo-fair-recruitment-initiative", "state/SWE"), ("ilo-fair-recruitment-initiative", "state/NOR")}


def test_report_a_fund_receives_contributions_from_a_list_of_donors():
    got = funded("أطلقت المنظمة الدولية للهجرة عام 2031 صندوق العودة الطوعية للمهاجرين. وتلقى الصندوق مساهمات من "
                 "ألمانيا وإيطاليا، فضلا عن هولندا.")
    donors = {o for _s, o in got}
    assert {"state/DEU", "state/ITA", "state/NLD"} <= donors


def test_a_gazetteer_fund_funded_by_a_list_after_bitamwil_min():
    got = funded("وتواصل المنظمة تنفيذ أنشطتها في إطار الصندوق الاستئماني المتعدد الشركاء للهجرة بتمويل من "
                 "الدنمارك وحكومة إسبانيا.")
    assert got >= {("migration-mptf", "state/DNK"), ("migration-mptf", "state/ESP")}


def test_planned_received_or_requested_funding_is_none():
    assert not funded("أطلقت المنظمة الدولية للهجرة عام 2031 صندوق العودة الطوعية للمهاجرين. وسيتلقى الصندوق "
                      "مساهمات من ألمانيا وإيطاليا.")
    assert not funded("أطلقت منظمة العمل الدولية عام 2031 مبادرة التوظيف العادل. ودعا الوزير ألمانيا إلى أن "
                      "تموّلها.")
    assert not funded("أطلقت منظمة العمل الدولية عام 2031 مبادرة التوظيف العادل. ومن المقرر أن تموّلها السويد.")


def test_a_masculine_pronoun_does_not_take_up_the_initiative():
    got = funded("أطلقت منظمة العمل الدولية عام 2031 مبادرة التوظيف العادل. وقد موّله الاتحاد الأوروبي.")
    assert ("ilo-fair-recruitment-initiative", "org/eu") not in got


def test_the_donor_of_another_instrument_in_the_paragraph_does_not_fund_this_one():
    got = funded("أطلقت منظمة العمل الدولية عام 2031 مبادرة التوظيف العادل. وقد موّلتها السويد. كما تدير المنظمة "
                 "الدولية للهجرة الصندوق الاستئماني المتعدد الشركاء للهجرة بتمويل من الدنمارك.")
    assert ("ilo-fair-recruitment-initiative", "state/DNK") not in got
    assert ("migration-mptf", "state/SWE") not in got


def test_a_declaration_or_a_meeting_is_not_funded():
    got = funded("اعتمد المؤتمر إعلان فاليتا. وقد موّلته النرويج.",
                 HELD + "وقد عقد الاجتماع بتمويل من الاتحاد الأوروبي.")
    assert not got


# ------------------------------------------------------------------ coordinated adopters

def test_two_adopters_coordinated_after_the_verb_with_a_state_head_noun():
    got = adopters("وفي آذار/مارس 2031، أنشأت حكومة النرويج والمنظمة الدولية للهجرة صندوق دعم العائدين في منطقة "
                   "الساحل بقيمة 5 ملايين دولار.")
    assert {o for _s, o in got} >= {"state/NOR", "org/iom"}


def test_an_actor_after_a_preposition_is_no_coordinated_adopter():
    got = adopters("أطلقت المنظمة الدولية للهجرة في تونس عام 2031 برنامج العودة الطوعية.")
    assert {o for _s, o in got} == {"org/iom"}



# ------------------------------------------------------------------ a contributing verb that takes the sum

def contributions(*paras, date="2031-06-10"):
    return {(f.predicate, _name(f.object)) for f in facts_of_text(commitments, *paras, date=date)
            if f.rule == "commitment.contribution" and f.predicate in ("fundedBy", "managedBy")}


def test_gulf_press_a_donor_before_the_verb_gave_a_sum_to_an_organisation():
    got = contributions("أعلنت المنظمة الدولية للهجرة أن الكويت، وهي من أكبر المانحين، ساهمت بـ 20 مليون دولار إلى "
                        "المنظمة خلال عام 2031.")
    assert got == {("fundedBy", "state/KWT"), ("managedBy", "org/iom")}


def test_report_a_donor_after_the_verb_with_bimablagh_and_a_recipient_after_li():
    got = contributions("وقد ساهمت النرويج بمبلغ 3 ملايين يورو لمفوضية الأمم المتحدة لشؤون اللاجئين.")
    assert got == {("fundedBy", "state/NOR"), ("managedBy", "org/unhcr")}


def test_a_denied_sum_a_contribution_to_a_success_or_into_a_fund_is_no_verbal_contribution():
    assert not contributions("وأكد الوزير أن النرويج لم تساهم بـ 5 ملايين دولار كما أشيع.")
    assert not contributions("وساهمت ألمانيا في إنجاح المؤتمر الذي حضره 300 مشارك.")
    assert not contributions("أسهمت ألمانيا فيه بمبلغ 3 ملايين يورو.")
