"""Commitments in three constructions the earlier rules missed, on sentences written for these tests in several
registers (UN report, Maghrebi, Gulf, Egyptian and Levantine press, a regional process's declaration):

* a state that ratifies or accedes to a named instrument is its party, not its adopter, and the ratification's
  year is not the instrument's (rule ``commitment.ratified``), also after a resumptive pronoun with a list of
  states (``وقد صادق عليها حتى الآن ثماني دول هي A، وB``);
* a bare meeting noun as the adopting verb's subject (``وأقر الاجتماع خطة عمل …``) is the paragraph's held
  meeting, also for an instrument the gazetteer lacks;
* an adopting verbal noun set as a moment of time (``مع/بعد/منذ اعتماد NAME … DATE``) dates the instrument.

Negative cases: a negated, planned or called-for ratification, a bill that approves a convention, a body of a
state; a meeting phrase with a name of its own (another meeting); a called-for adoption, a national plan
that implements the instrument, a date of the next clause."""
from __future__ import annotations

import pytest

from test_rules_adoption_funding import setup  # noqa: F401 (fixture)
from test_rules_numbered_instruments import _facts


def _of(got, pred):
    return {(s, o) for s, p, o in got if p == pred}


# ---------------------------------------------------------------- ratification: parties

@pytest.mark.parametrize("text, instrument, states", [
    # Maghrebi press: the state before the verb, the year of the ratification between
    ("وأضاف الوزير أن موريتانيا صادقت سنة 2007 على الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد "
     "أسرهم.", "icrmw", {"MRT"}),
    # Gulf press: accession, the state after the verb
    ("وانضمت دولة الكويت إلى ميثاق النهر للهجرة الآمنة في يناير 2031.", "river-compact", {"KWT"}),
    # UN register: a list after a resumptive pronoun and a count of states
    ("ودخلت الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم حيز النفاذ في تموز/يوليه 2003. "
     "وقد صادق عليها حتى الآن أربع دول أعضاء هي الأردن، وتونس، والمغرب، ومصر.", "icrmw",
     {"JOR", "TUN", "MAR", "EGY"}),
    # Egyptian press: adopted by the Assembly, then ratified by two states (a dual list after the pronoun)
    ("واعتمدت الجمعية العامة ميثاق النهر للهجرة الآمنة في 2029، وصادقت عليه السودان وليبيا لاحقا.",
     "river-compact", {"SDN", "LBY"}),
])
def test_a_ratifying_state_is_a_party(text, instrument, states, setup):
    got = _facts(text, setup)
    assert {o for s, o in _of(got, "party") if s == instrument} == states, got
    # the ratifying states did not adopt the instrument
    assert not ({o for s, o in _of(got, "adoptedBy") if s == instrument} & states), got


def test_the_ratification_year_is_not_the_instruments(setup):
    got = _facts("وأكد أن تونس صادقت عام 2031 على ميثاق النهر للهجرة الآمنة.", setup)
    assert ("river-compact", "TUN") in _of(got, "party"), got
    assert not _of(got, "dateAdopted") and not _of(got, "year"), got


@pytest.mark.parametrize("text", [
    # negated (Levantine press): the states named after لاسيما are not parties
    "وأعرب عن أسفه لأن الدول الكبرى لم تصادق بعد على ميثاق النهر للهجرة الآمنة، لاسيما الأردن ولبنان.",
    # called for (Gulf press)
    "وتحدث عن ميثاق النهر للهجرة الآمنة، داعيا دول المجلس إلى الانضمام إليه، ومنها الكويت وقطر.",
    # planned (Maghrebi press)
    "وتحدث عن ميثاق النهر للهجرة الآمنة، على أن تصادق عليه تونس والجزائر العام المقبل.",
    # future (UN register)
    "وستنضم موريتانيا إلى ميثاق النهر للهجرة الآمنة في 2032.",
    # a cabinet approves a bill that approves the instrument: not a ratification yet
    "وصادق مجلس الحكومة المغربية على مشروع قانون يوافق بموجبه على ميثاق النهر للهجرة الآمنة.",
])
def test_no_party(text, setup):
    assert not _of(_facts(text, setup), "party"), _facts(text, setup)


# ---------------------------------------------------------------- the meeting itself adopts

@pytest.mark.parametrize("text, verb_head", [
    # regional process's press release: أقر with a declaration the gazetteer lacks
    ("عقد الاجتماع الوزاري الثالث لعملية الرباط في داكار يومي 2 و3 مايو 2031، وأقر الاجتماع إعلان داكار.", "alan-dakar"),
    # Levantine press: اعتمد with an action plan, a qualifier after the meeting noun
    ("عقد الاجتماع الوزاري الثالث لعملية الرباط في داكار يومي 2 و3 مايو 2031، واعتمد الاجتماع الوزاري خطة عمل "
     "داكار.", "khth-ml-dakar"),
    # Egyptian press: the bare meeting noun before the verb takes the named meeting up again
    ("عقد الاجتماع الوزاري الثالث لعملية الرباط في داكار يومي 2 و3 مايو 2031، وكان الاجتماع قد اعتمد خطة عمل "
     "داكار.", "khth-ml-dakar"),
])
def test_the_meeting_adopts_what_the_gazetteer_lacks(text, verb_head, setup):
    got = _facts(text, setup)
    at = {o for s, o in _of(got, "adoptedAt") if s.startswith(verb_head)}
    assert at and all(o.startswith("rabat-process") for o in at), got


def test_a_meeting_with_a_name_of_its_own_is_another_meeting(setup):
    # a summit named by its place, in a paragraph about another meeting, adopted the plan: not the held one
    got = _facts("عقد الاجتماع الوزاري الثالث لعملية الرباط في داكار يومي 2 و3 مايو 2031، وذكر بأن قمة فاليتا "
                 "اعتمدت خطة عمل فاليتا.", setup)
    assert not any(o.startswith("rabat-process") for s, o in _of(got, "adoptedAt")), got


# ---------------------------------------------------------------- a moment of adoption dates the instrument

@pytest.mark.parametrize("text, instrument, date", [
    # UN agency page: a comma and an inserted phrase between the name and the date
    ("ومع اعتماد ميثاق النهر للهجرة الآمنة، في لحظة تاريخية في كانون الأول/ديسمبر 2029، التزمت الدول بوضع الناس "
     "في صميم حوكمة الهجرة.", "river-compact", "2029-12"),
    # Maghrebi press: بعد إقرار, a place before the date
    ("وبعد إقرار إعلان الواحة بشأن تنقل العمالة في مراكش في دجنبر 2029، بدأت الدول تنفيذه.", "oasis-declaration",
     "2029-12"),
    # Gulf press: منذ تبني, a year
    ("ومنذ تبني ميثاق النهر للهجرة الآمنة عام 2029 تضاعفت الجهود.", "river-compact", "2029"),
])
def test_the_moment_of_adoption_dates_the_instrument(text, instrument, date, setup):
    got = _facts(text, setup)
    assert (instrument, date) in _of(got, "dateAdopted"), got


@pytest.mark.parametrize("text", [
    # called for
    "ودعا الوزير إلى اعتماد ميثاق النهر للهجرة الآمنة في ديسمبر 2029.",
    # a national plan that implements the instrument is what was adopted
    "وبعد اعتماد خطة وطنية لتنفيذ ميثاق النهر للهجرة الآمنة في مارس 2031، أطلقت الحكومة برنامجا.",
    # the date of the next clause
    "ومع اعتماد ميثاق النهر للهجرة الآمنة، عقدت الدول في مايو 2031 اجتماعا لمتابعته.",
    # a ratification's date is the state's
    "ومع المصادقة على ميثاق النهر للهجرة الآمنة في 2031 أصبحت الدولة طرفا فيه.",
])
def test_no_date_from_the_moment(text, setup):
    assert not {s for s, o in _of(_facts(text, setup), "dateAdopted") if s == "river-compact"}, _facts(text, setup)


# ---------------------------------------------------------------- recommendations a held meeting produced

def _recs(text, setup):
    from graph_builder.facts import commitments
    from test_rules_adoption_funding import _ctx
    return {(f.subject.cls, f.object.slug) for f in commitments.extract(_ctx(text, setup))
            if f.predicate == "producedBy" and f.rule == "commitment.meeting-recommendations"}


@pytest.mark.parametrize("text", [
    # Gulf press: the members recommend at the close of the workshop
    "نظمت منظمة العمل الدولية ورشة عمل إقليمية في الكويت يومي 14 و15 أكتوبر 2031 حول استقدام العمال المنزليين. "
    "وأوصى المشاركون في ختام الورشة بتوحيد عقود العمل.",
    # Maghrebi press: the meeting comes out with a set of recommendations
    "اختتم المؤتمر العربي الثالث للهجرة أعماله في تونس يوم 9 مارس 2031، وخرج المؤتمر بجملة من التوصيات أبرزها "
    "حماية العمال.",
    # Levantine press: the participants adopt the recommendations
    "عقد الملتقى الإقليمي للهجرة في عمان يوم 3 مارس 2031. وتبنى المشاركون توصيات الملتقى.",
    # regional process's release: issued by the meeting
    "عقد الاجتماع الوزاري الثالث لعملية الرباط في داكار يومي 2 و3 مايو 2031، وصدرت عن الاجتماع توصيات بشأن العودة.",
])
def test_the_held_meeting_produced_recommendations(text, setup):
    got = _recs(text, setup)
    assert len(got) == 1 and next(iter(got))[0] == "Recommendation", got


@pytest.mark.parametrize("text", [
    # planned
    "عقد الملتقى الإقليمي للهجرة في عمان يوم 3 مارس 2031. ومن المقرر أن يخرج الملتقى بتوصيات في ختام أعماله.",
    # an organisation recommends: its own statement, not the meeting's
    "عقد الملتقى الإقليمي للهجرة في عمان يوم 3 مارس 2031. وأوصت المنظمة الدولية للهجرة بتعزيز التعاون.",
    # another meeting named in passing
    "عقد الملتقى الإقليمي للهجرة في عمان يوم 3 مارس 2031. وذكر أن قمة فاليتا خرجت بتوصيات عديدة.",
    # a report's own advice, in the present
    "عقد الملتقى الإقليمي للهجرة في عمان يوم 3 مارس 2031. ويوصي التقرير بتعزيز التعاون.",
    # no held meeting in the paragraph
    "وأوصى المشاركون بتوحيد عقود العمل.",
])
def test_no_recommendations_of_the_meeting(text, setup):
    assert not _recs(text, setup), _recs(text, setup)


# ---------------------------------------------------------------- an extended agreement; a bank named by its group

def _signed_parties(text, setup):
    from graph_builder.facts import signing
    from test_rules_adoption_funding import _ctx
    facts, _ = signing.extract(_ctx(text, setup))
    return {f.object.slug for f in facts if f.predicate == "party"}


@pytest.mark.parametrize("text, parties", [
    # African press: two organisations extend their cooperation through an agreement
    ("مدد الاتحاد الأفريقي والمنظمة الدولية للهجرة تعاونهما الاستراتيجي من خلال اتفاقية مدتها ثلاث سنوات.",
     {"au", "iom"}),
    # Maghrebi press: a state and an organisation extend their agreement
    ("ومددت تونس والمنظمة الدولية للهجرة اتفاق التعاون بينهما لمدة عامين في مارس 2031.", {"TUN", "iom"}),
    # West African wire: the bank named by its group, a memorandum crowning a forum
    ("توجت أعمال المنتدى في أبيدجان بتوقيع مذكرة تفاهم بين مجموعة البنك الإفريقي للتنمية والمنظمة الدولية للهجرة.",
     {"afdb", "iom"}),
])
def test_an_extended_agreement_and_its_parties(text, parties, setup):
    assert _signed_parties(text, setup) == parties


@pytest.mark.parametrize("text", [
    # a mandate extended: no agreement between parties
    "ومدد مجلس الأمن ولاية البعثة الأممية في ليبيا حتى أكتوبر 2031، في إطار الاتفاق السياسي.",
    # a planned extension
    "ومن المقرر أن تمدد تونس والمنظمة الدولية للهجرة اتفاق التعاون بينهما لمدة عامين.",
])
def test_no_extended_agreement(text, setup):
    assert not _signed_parties(text, setup)


# ---------------------------------------------------------------- a state "among the parties"

@pytest.mark.parametrize("text, instrument, state", [
    # UN human-rights library register: a bare head takes up the convention named before
    ("تعد الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم حديثة نسبيا. ومصر من الدول الأطراف في "
     "الاتفاقية منذ 1993.", "icrmw", "EGY"),
    # Maghrebi press: became a state party to a named instrument
    ("وأصبحت تونس دولة طرفا في ميثاق النهر للهجرة الآمنة.", "river-compact", "TUN"),
])
def test_a_state_among_the_parties(text, instrument, state, setup):
    assert (instrument, state) in _of(_facts(text, setup), "party")


@pytest.mark.parametrize("text", [
    # the parties in general: no state named before the phrase
    "وتحدد الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم التزامات الدول الأطراف في مجال الحماية.",
    # not a party
    "ويعد ميثاق النهر للهجرة الآمنة مهما، لكن الأردن ليست طرفا في الميثاق.",
    # the states not party
    "ودعا الاجتماع الدول غير الأطراف في ميثاق النهر للهجرة الآمنة، ومنها لبنان، إلى الانضمام إليه.",
])
def test_not_among_the_parties(text, setup):
    assert not _of(_facts(text, setup), "party"), _facts(text, setup)
