"""Adoption written from the meeting's side (rule commitment.adopted-meeting-side: شهد/توج/اختتم MEETING
باعتماد NAME، MEETING الذي تم خلاله اعتماد NAME، أصدر/صدر عن MEETING NAME) and contributions to a named fund
(rule commitment.contributed-to-fund: ساهمت X بمبلغ … في الصندوق، الصندوق الذي أسهمت فيه X بـ …), on
sentences written for these tests in several registers, with the negative cases: a planned adoption, an
adoption at another meeting mentioned in passing, a meeting that only discussed the text, a planned or
negated contribution, a contribution with no sum; and decisions of a council or organ (rule
commitment.organ-decision: بقرار صادر من مجلس الجامعة …، أصدر مجلس وزراء … قرارا) with a draft and a planned
decision as negatives."""
from __future__ import annotations

import pytest

from graph_builder.facts import adoption, commitments
from graph_builder.recognise.findings import Value
# the invented instruments and fund (so the test does not depend on the real gazetteer's) and their fixture
from test_rules_adoption_funding import _ctx, setup  # noqa: F401 (fixture)


def _side(text, setup):
    facts = [f for f in adoption.extract(_ctx(text, setup)) if f.rule == adoption.SIDE]
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in facts}


GFMD = "وانعقدت القمة الحادية عشرة للمنتدى العالمي للهجرة والتنمية في مراكش يومي 5 و7 ديسمبر 2031، "
MARRAKECH = "انعقد المؤتمر الحكومي الدولي في مراكش يومي 10 و11 ديسمبر 2031، "
NEW_YORK = "وانعقد الاجتماع رفيع المستوى في نيويورك في 19 سبتمبر 2031، "


@pytest.mark.parametrize("text, slug, meeting, day", [
    # Maghrebi press: the summit witnessed the adoption
    (GFMD + "وشهدت القمة اعتماد ميثاق النهر.", "river-compact", "gfmd-", None),
    # UN style: the meeting as antecedent of a relative clause, the adoption day written
    (MARRAKECH + "الذي تم خلاله اعتماد ميثاق النهر يوم 10 ديسمبر 2031.", "river-compact", "conference-", "2031-12-10"),
    # Gulf press: crowned with the adoption, a one-day meeting gives the day
    (NEW_YORK + "وتوج الاجتماع باعتماد إعلان الواحة.", "oasis-declaration", "high-level-meeting", "2031-09-19"),
    # Levantine press: issued by the meeting
    ("وصدر عن الاجتماع رفيع المستوى المنعقد في نيويورك في 19 سبتمبر 2031 إعلان الواحة.", "oasis-declaration",
     "high-level-meeting", "2031-09-19"),
    # Egyptian press: at the close of its work the conference issued the declaration
    (MARRAKECH + "وفي ختام أعماله أصدر المؤتمر إعلان الواحة.", "oasis-declaration", "conference-", None),
])
def test_adopted_at_the_meeting_written_from_its_side(text, slug, meeting, day, setup):
    got = _side(text, setup)
    at = [o for s, p, o in got if s == slug and p == "adoptedAt"]
    assert at and at[0].startswith(meeting), got
    if day:
        assert (slug, "dateAdopted", day) in got


def test_the_agent_after_the_name_is_the_adopter(setup):
    got = _side(NEW_YORK + "وتوج الاجتماع باعتماد إعلان الواحة من قبل الجمعية العامة.", setup)
    assert ("oasis-declaration", "adoptedBy", "general-assembly") in got


@pytest.mark.parametrize("text", [
    # a planned adoption
    GFMD + "ومن المقرر أن تشهد القمة اعتماد ميثاق النهر.",
    # a future verb
    GFMD + "وستشهد القمة اعتماد ميثاق النهر.",
    # another meeting mentioned in passing: the conference in New York, not the summit in Marrakech
    GFMD + "وذكر المتحدثون بالمؤتمر المنعقد في نيويورك الذي تم خلاله اعتماد ميثاق النهر.",
    # the summit witnessed a debate on the text, not its adoption
    GFMD + "وشهدت القمة نقاشا حول ميثاق النهر.",
    # the adopted text is a plan to implement the instrument, not the instrument
    GFMD + "وشهدت القمة اعتماد خطة لتنفيذ ميثاق النهر.",
    # the states, not the meeting, witnessed something
    GFMD + "وشهدت الدول اعتماد ميثاق النهر.",
])
def test_no_adoption_at_the_meeting(text, setup):
    assert not [t for t in _side(text, setup) if t[1] == "adoptedAt"]


def _funders(text, setup):
    return {(f.subject.slug, f.object.slug) for f in commitments.extract(_ctx(text, setup))
            if f.predicate == "fundedBy" and f.rule == "commitment.contributed-to-fund"}


@pytest.mark.parametrize("text, donor", [
    # Gulf press: the state contributed a sum to the named fund
    ("وساهمت الكويت بمبلغ 5 ملايين دولار في صندوق الكثبان لإدماج المهاجرين.", "KWT"),
    # UN style: the fund as antecedent, فيه refers back to it
    ("وأنشئ صندوق الكثبان عام 2030، وقد أسهمت فيه ألمانيا بمبلغ 12 مليون يورو.", "DEU"),
    # Maghrebi press: the fund named in the sentence before, taken up as الصندوق
    ("أطلق صندوق الكثبان في الرباط. وساهمت إسبانيا بـ 3 ملايين يورو في الصندوق.", "ESP"),
])
def test_contribution_to_a_fund_names_its_funder(text, donor, setup):
    got = _funders(text, setup)
    assert got == {("dune-fund", donor)}, got


def _sums(text, setup):
    return {(f.subject.slug, f.object.slug) for f in commitments.extract(_ctx(text, setup)) if f.predicate == "amount"}


@pytest.mark.parametrize("text, donors, sums", [
    # UN style: the verb gapped after the first donor, each donor with its own sum and currency
    ("وأنشئ صندوق الكثبان عام 2030، وأسهمت فيه ألمانيا بمبلغ 3 ملايين يورو، والمملكة المتحدة بمبلغ 2 مليون دولار.",
     {"DEU", "GBR"}, {"eur-3000000", "usd-2000000"}),
    # Gulf press: three donors, بقيمة and بـ as the link
    ("وساهمت الكويت بقيمة 5 ملايين دولار وقطر بـ 4 ملايين دولار والإمارات بقيمة مليون دولار في صندوق الكثبان.",
     {"KWT", "QAT", "ARE"}, {"usd-5000000", "usd-4000000", "usd-1000000"}),
])
def test_each_gapped_donor_funds_the_fund_with_its_own_sum(text, donors, sums, setup):
    assert _funders(text, setup) == {("dune-fund", d) for d in donors}
    assert _sums(text, setup) == {("dune-fund", f"dune-fund-{x}") for x in sums}


def test_a_state_named_after_the_sums_is_no_donor(setup):
    # the list ends at the first donor without a sum: Morocco only hosts
    text = "وساهمت الكويت بمبلغ 5 ملايين دولار في صندوق الكثبان الذي تستضيف المغرب أمانته."
    assert _funders(text, setup) == {("dune-fund", "KWT")}


@pytest.mark.parametrize("text", [
    # planned
    "ومن المقرر أن تساهم الكويت بمبلغ 5 ملايين دولار في صندوق الكثبان.",
    # negated
    "ولم تساهم الكويت بأي مبلغ في صندوق الكثبان رغم وعدها بـ 5 ملايين دولار.",
    # no sum: taking part in a fund's work is no funding
    "وساهمت الكويت في أعمال صندوق الكثبان.",
    # a contribution with a sum but no fund named: not this rule's
    "وساهمت الكويت بمبلغ 5 ملايين دولار في دعم المهاجرين.",
])
def test_no_contribution_to_a_fund(text, setup):
    assert _funders(text, setup) == set()


def _decisions(text, setup):
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in commitments.extract(_ctx(text, setup)) if f.rule == "commitment.organ-decision"}


@pytest.mark.parametrize("text, organ, date", [
    # Egyptian press: created by a decision issued by the Council of the League, a month written
    ("وأوضحت أن العملية أنشئت بقرار صادر من مجلس الجامعة العربية على المستوى الوزاري في سبتمبر 2030، "
     "وعقدت أول اجتماع لها بعد عام.", "las", "2030-09"),
    # UN style: a numbered resolution of the Council with its day
    ("واستند الاجتماع إلى قرار مجلس الجامعة العربية رقم 8042 بتاريخ 10 مارس 2031.", "las", "2031-03-10"),
    # Gulf press: the council issued a decision on a subject
    ("وأصدر مجلس وزراء الشؤون الاجتماعية العرب قرارا بشأن حماية العمال المهاجرين في 5 مايو 2031.",
     "arab-social-affairs-ministers-council", "2031-05-05"),
])
def test_a_decision_of_an_organ_is_adopted_by_it_with_its_date(text, organ, date, setup):
    got = _decisions(text, setup)
    assert {p for s, p, o in got} == {"adoptedBy", "dateAdopted", "year"}, got
    assert any(p == "adoptedBy" and o == organ for s, p, o in got)
    assert any(p == "dateAdopted" and o == date for s, p, o in got)


def test_a_numbered_decision_keeps_its_number(setup):
    got = _decisions("واستند الاجتماع إلى قرار مجلس الجامعة العربية رقم 8042 بتاريخ 10 مارس 2031.", setup)
    assert {s for s, p, o in got} == {"las-decision-8042"}


@pytest.mark.parametrize("text", [
    # planned
    "ومن المقرر أن يصدر مجلس الجامعة العربية قرارا بشأن الهجرة في 5 مايو 2031.",
    # a draft resolution
    "وناقش المجلس مشروع قرار مجلس الجامعة العربية حول الهجرة في 5 مايو 2031.",
    # a decision with no organ named: nobody to adopt it
    "وبموجب القرار الصادر في 5 مايو 2031 تم تشكيل لجنة للهجرة.",
])
def test_no_decision_of_an_organ(text, setup):
    assert _decisions(text, setup) == set()


def test_a_name_ends_before_the_meeting_it_was_adopted_at(setup):
    # UN style: "… adopted the Rome Programme at the fifth ministerial conference": the name is not "… at the conference"
    text = "واعتمدت الحكومات برنامج عمل الواحة في المؤتمر الوزاري الخامس في روما في تشرين الثاني/نوفمبر 2030."
    names = {f.subject.label_ar for f in commitments.extract(_ctx(text, setup)) if f.subject.kind == "commitment"}
    assert names == {"برنامج عمل الواحة"}, names
