"""Commitment facts (graph_builder/facts/commitments.py) on the real reports: gold precision/recall and rule unit tests."""
from __future__ import annotations

import pytest

from facts_ev_com_helpers import corpus_facts, facts_of_text, key_of, score
from graph_builder.facts import commitments
from graph_builder.model import Section

SCORED = {"adoptedBy", "dateAdopted", "party", "amountValue", "fundedBy", "managedBy", "producedBy"}
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


def test_numbered_items_outside_a_recommendation_list_are_not_recommendations():
    facts = facts_of_text(commitments, GFMD, "وسعي منتدى عام 2011 إلى تحقيق ثلاثة أهداف:\n1 - التركيز على العمل.\n2 - الشراكة.")
    assert not [f for f in facts if f.subject.cls == "Recommendation"]
