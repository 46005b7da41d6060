"""Commitment facts (graph_builder/facts/commitments.py) on the real reports: gold precision/recall and rule unit tests."""
from __future__ import annotations

import pytest

from gold_facts import corpus_facts, facts_of_text, key_of, score
from graph_builder.facts import commitments
from graph_builder.text.model import Section

SCORED = {"adoptedBy", "adoptedAt", "dateAdopted", "party", "amountValue", "fundedBy", "managedBy", "producedBy"}
GFMD = "المنتدى العالمي المعني بالهجرة والتنمية هو عملية استشارية تقودها الدولة."


@pytest.fixture(scope="module")
def found():
    return corpus_facts(commitments)


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def by_predicate(facts, predicate):
    return {(f.subject.cls, key_of(f.object)) for f in facts if f.predicate == predicate}


def test_precision_and_recall_against_gold(found):
    precision, recall, false_pos, misses = score(found, "facts_gold_commitments.json", SCORED)
    print(f"commitments: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.9, false_pos
    assert recall >= 0.75, misses


def test_usd_amounts_of_the_2011_report(found):
    values = {(f.object.lexical) for doc, f in found if f.predicate == "amountValue"}
    assert {"2155232", "1280487"} <= values
    currencies = {f.object.lexical for _, f in found if f.predicate == "currency"}
    assert currencies == {"USD", "EUR"}


def test_resolution_symbol_and_adopter():
    facts = facts_of_text(commitments, "وقد أعد هذا التقرير استجابة لقراري الجمعية العامة ٢٠٨/٦١ بشأن الهجرة الدولية والتنمية "
                                       "و ٢٧٠/٦٢ بشأن المنتدى العالمي المعني بالهجرة والتنمية.")
    res = {f.subject for f in facts if f.subject.cls == "Resolution"}
    assert {r.notations for r in res} == {("A/RES/61/208",), ("A/RES/62/270",)}
    assert {key_of(f.object) for f in facts if f.predicate == "adoptedBy"} == {"org/general-assembly"}


def test_policy_framework_adopted_by_the_african_union():
    facts = facts_of_text(commitments, "وفي أفريقيا، اعتمد الاتحاد الأفريقي في عام ٢٠٠٦ إطارا لسياسات الهجرة أهاب فيه بالدول "
                                       "الأعضاء والجماعات الاقتصادية الإقليمية في أفريقيا أن تعزز الارتباط.")
    fw = [f for f in facts if f.predicate == "adoptedBy"]
    assert [(f.subject.cls, f.subject.label_ar, key_of(f.object)) for f in fw] == [
        ("PolicyFramework", "إطار لسياسات الهجرة", "org/au")]
    assert ("dateAdopted", "2006") in {(f.predicate, key_of(f.object)) for f in facts}


def test_fund_funded_by_spain_and_passive_adoption_is_not_an_adopter():
    facts = facts_of_text(
        commitments,
        "ويدير بالإضافة إلى ذلك صندوق تحقيق الأهداف الإنمائية للألفية، الذي تموّله حكومة إسبانيا، ومن أهدافه توفير التمويل.",
        "وأشار ممثل المفوضية الأوروبية إلى النهج العالمي للاتحاد الأوروبي إزاء الهجرة والتنقل الذي اعتمد في تشرين "
        "الثاني/نوفمبر 2011، والذي من المزمع أن يصبح إطارا شاملا لسياسة الهجرة الخارجية للاتحاد الأوروبي.")
    assert by_predicate(facts, "fundedBy") == {("FundingCommitment", "state/ESP")}
    assert not [f for f in facts if f.predicate == "adoptedBy"]


def test_fund_with_amount_and_two_founders():
    facts = facts_of_text(commitments, "ولتطبيق النهج الموحد، أنشأت حكومة إسبانيا والجماعة الاقتصادية لدول غرب أفريقيا في "
                                       "تموز/يوليه ٢٠٠٨ صندوق الجماعة وإسبانيا الخاص بالهجرة والتنمية بقيمة ١٠ ملايين يورو.")
    assert by_predicate(facts, "adoptedBy") == {("FundingCommitment", "state/ESP"), ("FundingCommitment", "org/ecowas")}
    amounts = {(f.predicate, f.object.lexical) for f in facts if f.subject.cls == "MonetaryAmount"}
    assert amounts == {("amountValue", "10000000"), ("currency", "EUR")}


def test_memorandum_of_understanding_parties():
    facts = facts_of_text(commitments, "ووقّعت اللجنة الاقتصادية والاجتماعية لآسيا والمحيط الهادئ والمنظمة الدولية للهجرة "
                                       "مذكرة تفاهم في عام ٢٠٠٧.")
    t = triples(facts)
    assert ("commitment/mou-escap-iom-2007", "party", "org/escap") in t
    assert ("commitment/mou-escap-iom-2007", "party", "org/iom") in t


def test_ilo_convention_by_number():
    facts = facts_of_text(commitments, "ويجب إنفاذ معايير العمل الدولية، بما في ذلك الاتفاقية رقم 181 لمنظمة العمل الدولية.")
    assert triples(facts) == {("commitment/ilo-convention-181", "adoptedBy", "org/ilo")}


def test_numbered_recommendations_belong_to_the_session_above_them():
    top = Section("سادسا - جلسات العمل", 1, 1, 5)
    cluster = Section("ألف - المجموعة الأولى: حركة اليد العاملة والتنمية()", 2, 2, 6, parent=top)
    s11 = Section("جلسة العمل 1-1: إشراك القطاع الخاص في التخطيط لسوق العمل", 3, 3, 15, parent=cluster)
    recs = Section("النتائج والتوصيات", 3, 4, 25, parent=cluster)
    facts = facts_of_text(
        commitments, GFMD, "وسعي منتدى عام 2011 إلى تحقيق ثلاثة أهداف رئيسية.",
        "انبثقت النتائج والتوصيات التالية عن جلسة العمل:\n1 - يمكن للحكومات في بلدان المقصد أن تقدم للشركات حوافز.\n"
        "2 - ينبغي تشجيع الشركات التي تستخدم المهاجرين على الاستثمار.",
        sections=[top, cluster, s11, recs])
    produced = {(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "producedBy"}
    assert produced == {("commitment/gfmd-2011-session-1-1-rec-1", "event/gfmd-2011-session-1-1"),
                        ("commitment/gfmd-2011-session-1-1-rec-2", "event/gfmd-2011-session-1-1")}
    # the 'findings and recommendations' intro sentence itself is not a numbered recommendation
    assert not [f for f in facts if f.subject.slug.endswith("rec-0")]


def test_a_long_recommendation_label_is_cut_without_trailing_space():
    """The label is the item's first sentence cut at 300 characters; a cut that falls after a space
    keeps no space at the end (Virtuoso trims it: the same label would differ between engines)."""
    top = Section("سادسا - جلسات العمل", 1, 1, 5)
    cluster = Section("باء - المجموعة الثانية: الهجرة والتنمية()", 2, 2, 6, parent=top)
    s21 = Section("جلسة العمل 2-1: تحويلات المهاجرين وتكلفتها", 3, 3, 15, parent=cluster)
    recs = Section("النتائج والتوصيات", 3, 4, 25, parent=cluster)
    words = "ينبغي أن تعمل الحكومات والمصارف معا على خفض تكلفة التحويلات المالية " * 6
    cut_at_space = words[:300].endswith(" ")
    long_item = words[:299] + " " + words[299:]   # a space at the 300th character
    facts = facts_of_text(
        commitments, GFMD, "وسعي منتدى عام 2012 إلى تحقيق ثلاثة أهداف رئيسية.",
        f"انبثقت النتائج والتوصيات التالية عن جلسة العمل:\n1 - {long_item}.\n2 - ينبغي دعم المصارف الريفية.",
        sections=[top, cluster, s21, recs])
    labels = {f.subject.slug: f.subject.label_ar for f in facts if f.subject.cls == "Recommendation"}
    assert len(labels) == 2 and not cut_at_space
    long_label = labels["gfmd-2012-session-2-1-rec-1"]
    assert 250 < len(long_label) < 300 and long_label == long_label.strip()
    assert labels["gfmd-2012-session-2-1-rec-2"] == "ينبغي دعم المصارف الريفية."


def test_numbered_items_outside_a_recommendation_list_are_not_recommendations():
    facts = facts_of_text(commitments, GFMD, "وسعي منتدى عام 2011 إلى تحقيق ثلاثة أهداف:\n1 - التركيز على العمل.\n2 - الشراكة.")
    assert not [f for f in facts if f.subject.cls == "Recommendation"]


def test_every_commitment_has_a_vocabulary_class_and_english_labels_where_known(found):
    classes = {"Declaration", "ActionPlan", "Resolution", "Agreement", "LegalInstrument", "PolicyFramework",
               "Recommendation", "FundingCommitment", "Initiative"}
    commitments_seen = {f.subject for _, f in found if f.subject.kind == "commitment"}
    assert commitments_seen and {c.cls for c in commitments_seen} <= classes
    adopted = {f.subject for _, f in found if f.predicate in ("adoptedBy", "adoptedAt", "managedBy", "fundedBy")}
    assert all(c.label_en for c in adopted), sorted(c.slug for c in adopted if not c.label_en)
    assert all(len(c.slug) <= 60 for c in commitments_seen), sorted(c.slug for c in commitments_seen if len(c.slug) > 60)
    dated = {f.subject for _, f in found if f.predicate == "dateAdopted"}
    with_year = {f.subject for _, f in found if f.predicate == "year"}
    assert dated <= with_year


def test_declaration_adopted_at_a_conference_and_by_the_actors_it_names():
    facts = facts_of_text(commitments, "وفي تموز/يوليه ٢٠٠٦، اعتمد المؤتمر الوزاري الأوروبي الأفريقي بشأن الهجرة والتنمية، "
                                       "الذي عُقد في المغرب، إعلان وخطة عمل الرباط. وفي تشرين الثاني/نوفمبر ٢٠٠٦، تم في "
                                       "اجتماع مشترك بين الدول الأفريقية الأعضاء والدول الأعضاء المنتمة إلى عضوية الاتحاد "
                                       "الأوروبي، عقد في طرابلس، اعتماد إعلان بشأن الهجرة والتنمية.")
    at = {(f.subject.label_en, key_of(f.object)) for f in facts if f.predicate == "adoptedAt"}
    assert at == {("Rabat Declaration and Action Plan", "event/rabat-process-2006"),
                  ("Declaration adopted at Meeting in Tripoli (2006)", "event/meeting-tripoli-2006")}
    assert by_predicate(facts, "adoptedBy") == {("Declaration", "org/eu")}
    assert ("dateAdopted", "2006-07") in {(f.predicate, key_of(f.object)) for f in facts}


def test_programme_amount_and_manager_in_the_next_sentence():
    facts = facts_of_text(commitments, "وفي أيار/مايو ٢٠٠٧، أطلقت المفوضية الأوروبية برنامجاً متعدد السنوات لمساعدة البلدان "
                                       "النامية على تحسين إدارة تدفقات المهاجرين بوجه عام. ويسعى البرنامج إلى تعزيز التعاون، "
                                       "ورصد مبلغ ١٥ مليون يورو، على أن يدار بالاشتراك مع برنامج الأمم المتحدة الإنمائي، لدعم المشاريع.")
    prog = {f.subject for f in facts if f.predicate == "adoptedBy"}
    assert len(prog) == 1
    assert by_predicate(facts, "managedBy") == {("FundingCommitment", "org/undp")}
    assert {f.object.lexical for f in facts if f.predicate == "amountValue"} == {"15000000"}
    assert {f.subject for f in facts if f.predicate in ("amount", "managedBy")} == prog


def test_manager_is_the_subject_of_the_paragraph():
    facts = facts_of_text(commitments, "ويقوم برنامج الأمم المتحدة الإنمائي، بالتعاون مع المنظمة الدولية للهجرة، بإعداد دليل. "
                                       "ويدير بالإضافة إلى ذلك صندوق تحقيق الأهداف الإنمائية للألفية، الذي تموّله حكومة إسبانيا.")
    assert by_predicate(facts, "managedBy") == {("FundingCommitment", "org/undp")}
    assert by_predicate(facts, "fundedBy") == {("FundingCommitment", "state/ESP")}
    assert len({f.subject.slug for f in facts}) == 1


@pytest.mark.parametrize("text, manager, managed", [
    # UN style: verb, the managing organisation, then the facility it manages
    ("ويدير الصندوق الدولي للتنمية الزراعية مرفق تمويل الواحة، الذي يموله الاتحاد الأوروبي.", "org/ifad",
     "مرفق تمويل الواحة"),
    # press style: the programme named with its own head word after the manager
    ("وتدير المنظمة الدولية للهجرة برنامج الواحة لدعم العودة الطوعية.", "org/iom", "برنامج الواحة لدعم العودة الطوعية"),
])
def test_the_organisation_right_after_a_managing_verb_manages(text, manager, managed):
    got = {(f.subject.label_ar, key_of(f.object)) for f in facts_of_text(commitments, text) if f.predicate == "managedBy"}
    assert got == {(managed, manager)}, got


def test_the_government_of_the_state_named_at_the_sentence_start_adopted():
    facts = facts_of_text(commitments, "وفي جنوب أفريقيا، حيث تقل المهارات في بعض القطاعات، اعتمدت الحكومة خطة عمل بشأن "
                                       "العمالة تتضمن سجلا للأشخاص ذوي المهارات.")
    assert by_predicate(facts, "adoptedBy") == {("ActionPlan", "state/ZAF")}


def test_passive_adoption_gives_the_date_not_an_adopter():
    facts = facts_of_text(commitments, "وأشار ممثل المفوضية الأوروبية إلى النهج العالمي للاتحاد الأوروبي إزاء الهجرة والتنقل "
                                       "الذي اعتمد في تشرين الثاني/نوفمبر 2011، والذي من المزمع أن يصبح إطارا شاملا.")
    assert {(f.predicate, key_of(f.object)) for f in facts} >= {("dateAdopted", "2011-11"), ("year", "2011")}
    assert not [f for f in facts if f.predicate == "adoptedBy"]


@pytest.mark.parametrize("org_ar, org, month_ar, month, year", [
    ("رابطة أمم جنوب شرق آسيا", "org/asean", "كانون الثاني/يناير", "01", "٢٠٠٧"),
    ("الاتحاد الأفريقي", "org/au", "آذار/مارس", "03", "٢٠١٣"),
])
def test_robust_to_other_adopters_and_dates(org_ar, org, month_ar, month, year):
    """A real sentence of the 2008 report with another adopter and date: the facts follow the text."""
    facts = facts_of_text(commitments, f"وفي آسيا، اعتمدت {org_ar} في {month_ar} {year} إعلانا بشأن حماية حقوق العمال "
                                       "المهاجرين وتعزيزها، وأنشأت لجنة للإشراف على تنفيذ الإعلان.")
    western = year.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    assert by_predicate(facts, "adoptedBy") == {("Declaration", org)}
    assert {(f.predicate, key_of(f.object)) for f in facts if f.predicate == "dateAdopted"} == {
        ("dateAdopted", f"{western}-{month}")}
    assert all(f.subject.label_en.endswith(f"({western})") for f in facts if f.predicate == "adoptedBy")
