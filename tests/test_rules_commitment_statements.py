"""The commitments family on sentences written for these tests: one fact per statement when the token-based
adoption rules (facts/adoption.py) and the older regex rules (facts/commitments.py) both read it; a memorandum is
signed only when its sentence says so; an instrument named with an inserted adjective (الميثاق العالمي الجديد …)."""
from collections import Counter

import pytest

from graph_builder.facts import commitments

from gold_facts import facts_of_text, key_of


def statements(facts):
    return Counter((key_of(f.subject), f.predicate, key_of(f.object)) for f in facts)


@pytest.mark.parametrize("text", [
    # UN style: the General Assembly adopts a gazetteer instrument, with its date
    "واعتمدت الجمعية العامة للأمم المتحدة إعلان نيويورك من أجل اللاجئين والمهاجرين في 19 أيلول/سبتمبر 2016.",
    # Egyptian press: the relative clause with a resumptive pronoun
    "وأشار إلى الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم التي اعتمدتها الجمعية العامة في "
    "18 ديسمبر 1990.",
])
def test_one_fact_per_statement(text):
    facts = facts_of_text(commitments, text, date="2019-01-01")
    counts = statements(facts)
    assert counts and max(counts.values()) == 1, counts
    assert any(p == "adoptedBy" and o == "org/general-assembly" for s, p, o in counts)


@pytest.mark.parametrize("text", [
    # Maghrebi press: a memorandum merely named as a frame
    "وناقش الطرفان، في إطار مذكرة التفاهم بين المنظمة الدولية للهجرة والمملكة المغربية، سبل دعم العودة الطوعية.",
    # Gulf press: a memorandum under study
    "واستعرض الاجتماع مذكرة تفاهم بين منظمة العمل الدولية ودولة الكويت بشأن العمالة المنزلية.",
])
def test_a_memorandum_merely_named_is_not_signed(text):
    facts = facts_of_text(commitments, text, date="2031-01-01")
    assert not [f for f in facts if f.predicate == "party"], [(f.rule, key_of(f.subject), key_of(f.object)) for f in facts]


def test_a_memorandum_signed_in_its_sentence_still_has_its_parties():
    facts = facts_of_text(commitments, "وقعت منظمة العمل الدولية ودولة الكويت أمس مذكرة تفاهم بشأن العمالة المنزلية.",
                          date="2031-01-01")
    assert {key_of(f.object) for f in facts if f.predicate == "party"} == {"org/ilo", "state/KWT"}


@pytest.mark.parametrize("text,date", [
    # Gulf press (Saudi): "the new Global Compact on Refugees, which the General Assembly approved last December"
    ("ويأتي انعقاد المنتدى عقب الميثاق العالمي الجديد بشأن اللاجئين، الذي وافقت عليه الجمعية العامة للأمم المتحدة "
     "في ديسمبر الماضي.", "2018-12"),
    # Levantine press: the active verb
    ("وأقرت الجمعية العامة للأمم المتحدة الميثاق العالمي الجديد للاجئين في 17 كانون الأول/ديسمبر 2018.", "2018-12-17"),
])
def test_an_instrument_with_an_inserted_adjective_is_adopted(text, date):
    got = statements(facts_of_text(commitments, text, date="2019-12-17"))
    assert ("commitment/gcr", "adoptedBy", "org/general-assembly") in got, got
    assert ("commitment/gcr", "dateAdopted", date) in got, got


@pytest.mark.parametrize("text", [
    # Egyptian press: a reporting verb, the verbal noun, the name in quotes, the meeting set after وذلك في إطار أعمال
    'أعلن وزير الخارجية، اليوم الأربعاء، اعتماد "إعلان القاهرة"، وذلك في إطار أعمال الاجتماع الوزاري الثاني لعملية الخرطوم.',
    # Maghrebi press: a passive verbal noun, خلال and the meeting phrase
    "وتم اعتماد إعلان القاهرة خلال الاجتماع الوزاري الثاني لعملية الخرطوم المنعقد في القاهرة.",
    # Gulf press: في ختام
    "واعتمد الوزراء إعلان القاهرة في ختام الاجتماع الوزاري الثاني لعملية الخرطوم.",
])
def test_the_meeting_set_after_the_name_is_where_it_was_adopted(text):
    facts = facts_of_text(commitments, text, date="2025-04-09")
    at = {(key_of(f.subject), key_of(f.object)) for f in facts if f.predicate == "adoptedAt"}
    assert any(s.startswith("commitment/alan-alqahrh") and o.startswith("event/khartoum-process") for s, o in at), at


@pytest.mark.parametrize("text", [
    'ومن المقرر اعتماد "إعلان القاهرة" في إطار أعمال الاجتماع الوزاري الثاني لعملية الخرطوم.',     # planned
    "وسيتم اعتماد إعلان القاهرة خلال الاجتماع الوزاري الثاني لعملية الخرطوم.",                      # future
    "ودعا الوزير إلى اعتماد إعلان القاهرة خلال الاجتماع الوزاري الثاني لعملية الخرطوم.",           # asked for
])
def test_an_adoption_to_come_is_no_adoption(text):
    facts = facts_of_text(commitments, text, date="2025-04-09")
    assert not [f for f in facts if f.predicate in ("adoptedAt", "adoptedBy", "dateAdopted")], \
        [(f.rule, key_of(f.subject), f.predicate, key_of(f.object)) for f in facts]


def test_a_participles_complement_is_no_meeting_of_adoption():
    # UN/Gulf register: "the three parties taking part in the conference adopted the new convention": في المؤتمر
    # completes المشاركة, it does not set the adoption in a meeting
    facts = facts_of_text(commitments, "وتبنى الاتفاقية الجديدة أطراف العمل الثلاثة المشاركة في المؤتمر من حكومات "
                                       "وعمال وأصحاب عمل.", date="2031-06-16")
    assert not [f for f in facts if f.predicate == "adoptedAt"], \
        [(f.rule, key_of(f.subject), f.predicate, key_of(f.object)) for f in facts]


@pytest.mark.parametrize("text,slug", [
    # Gulf press: the meeting closed its works by issuing the declaration
    ("واختتم الاجتماع الوزاري الرابع لعملية بالي أعماله في بالي يوم 30 مارس 2031 بإصدار إعلان بالي بشأن تهريب البشر.",
     "alan-baly"),
    # UN style: the conference resulted in adopting the programme, the meeting phrase long and hyphenated
    ("وأسفر المؤتمر الوزاري الأورو-إفريقي الثاني حول الهجرة والتنمية المنعقد في باريس عام 2031 عن اعتماد برنامج "
     "عمل باريس.", "brnamj-ml-barys"),
    # Maghrebi press: the meeting came out with the declaration
    ("وخرج الاجتماع الوزاري الخامس لعملية الرباط المنعقد في روما يوم 27 نوفمبر 2031 بإعلان روما.", "alan-rwma"),
    # Egyptian press: issued by the summit
    ("وصدر عن قمة فاليتا المنعقدة يوم 11 نوفمبر 2031 إعلان سياسي.", "alan-syasy"),
])
def test_the_meeting_side_of_an_instrument_the_gazetteer_lacks(text, slug):
    facts = facts_of_text(commitments, text, date="2031-12-01")
    at = {(key_of(f.subject), f.rule) for f in facts if f.predicate == "adoptedAt"}
    assert any(slug in s and r == "commitment.adopted-meeting-side" for s, r in at), at


@pytest.mark.parametrize("text", [
    "ومن المقرر أن يختتم الاجتماع الوزاري الخامس لعملية الرباط أعماله بإصدار إعلان روما.",     # planned
    "وناقش الاجتماع الوزاري الخامس لعملية الرباط في روما يوم 27 نوفمبر 2031 مشروع إعلان روما.",  # discussed, a draft
    "وأسفرت القمة المنعقدة في روما يوم 27 نوفمبر 2031 عن نتائج مهمة في مجال الهجرة.",             # no instrument
])
def test_no_meeting_side_adoption(text):
    facts = facts_of_text(commitments, text, date="2031-12-01")
    assert not [f for f in facts if f.rule == "commitment.adopted-meeting-side"], \
        [(f.rule, key_of(f.subject), f.predicate, key_of(f.object)) for f in facts]
