"""Agreements signed between parties (rule commitment.signed) on sentences written for these tests in
several registers: the parties after the verb, before a dual verb, after مع and بين, in a relative clause
(التي وقعتها X مع Y), after a verb with an object pronoun (ووقعه X …، و Y …), parties named by their posts
(الأمين العام، المدير العام للمنظمة الدولية للهجرة), the date of the sentence and في اليوم نفسه. Negative
cases: a planned or future signing, a negated one, a draft agreement, a named multilateral instrument
(signing the Global Compact is no bilateral agreement), one party only."""
from __future__ import annotations

import pytest

from graph_builder.facts import signing
from graph_builder.recognise.findings import Value
from test_rules_adoption_funding import _ctx, setup  # noqa: F401 (fixture)


def _signed(text, setup, date=""):
    facts, _ = signing.extract(_ctx(text, setup, date))
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in facts}


def _parties(got):
    return {o for s, p, o in got if p == "party"}


@pytest.mark.parametrize("text, parties, year", [
    # UN report: VSO, two organisations, a place between, a fronted month
    ("وفي أيار/مايو 2031، وقعت مفوضية الإيكواس والمنظمة الدولية للهجرة في أبوجا مذكرة تفاهم لدعم حرية التنقل.",
     {"ecowas-commission", "iom"}, "2031"),
    # Levantine press: كل من, posts with names between commas, على الاتفاق
    ("وقع كل من الأمين العام للأمم المتحدة، بان كي مون، والمدير العام للمنظمة الدولية للهجرة، ويليام سوينغ، "
     "على الاتفاق المعني بانضمام المنظمة إلى الأمم المتحدة في 19 أيلول 2031.", {"un", "iom"}, "2031"),
    # headline register: SVO with a dual verb
    ("المنظمة الدولية للهجرة وبرنامج الأمم المتحدة الإنمائي يوقعان مذكرة تفاهم لتعزيز التعاون في 3 مارس 2031",
     {"iom", "undp"}, "2031"),
    # Gulf press: state with organisation after مع
    ("وقعت دولة الكويت مع المنظمة الدولية للهجرة اتفاقية تعاون في مجال مكافحة الاتجار بالبشر في يناير 2031.",
     {"KWT", "iom"}, "2031"),
    # Maghrebi press: a relative clause, the subject after the verb and the other party after مع
    ("وذكرت المفوضة بمذكرة التفاهم التي وقعتها مفوضية الاتحاد الأفريقي مع المنظمة الدولية للهجرة بأديس أبابا "
     "في أفريل 2031.", {"au-commission", "iom"}, "2031"),
    # Egyptian press: a noun, then a verb with an object pronoun naming the signatories by their posts
    ("وشهد مقر الأمم المتحدة في 20 سبتمبر 2031 توقيع اتفاق انضمام منظمة الهجرة الدولية إلى المنظومة، ووقعه "
     "بان كي مون الأمين العام للأمم المتحدة، ووليام سوينج المدير العام للمنظمة الدولية للهجرة.", {"un", "iom"}, "2031"),
    # Egyptian press: أبرم and بين
    ("وأبرمت الحكومة اتفاقا بين مصر والمنظمة الدولية للهجرة في مارس 2031 لدعم العودة الطوعية.", {"EGY", "iom"}, "2031"),
])
def test_the_parties_of_a_signed_agreement(text, parties, year, setup):
    got = _signed(text, setup)
    assert _parties(got) == parties, got
    assert any(p == "year" and o == year for s, p, o in got), got


def test_in_the_same_day(setup):
    got = _signed("في 19 أيلول/سبتمبر 2031، اعتمدت الجمعية العامة إعلانا. وفي اليوم نفسه، وقع الأمين العام "
                  "والمدير العام للمنظمة الدولية للهجرة اتفاقا أصبحت المنظمة بموجبه منظمة ذات صلة.", setup)
    assert _parties(got) == {"un", "iom"}, got
    assert any(p == "dateAdopted" and o == "2031-09-19" for s, p, o in got), got


@pytest.mark.parametrize("text", [
    # a future signing
    "وكشف ممثل المنظمة أن المنظمة الدولية للهجرة ستوقع مع منظمة العمل الدولية مذكرة تفاهم الشهر المقبل.",
    # a planned one
    "ومن المقرر أن توقع المنظمة الدولية للهجرة ومنظمة العمل الدولية مذكرة تفاهم في جنيف.",
    # a negated one
    "ولم توقع المنظمة الدولية للهجرة ومنظمة العمل الدولية أي اتفاق حتى الآن.",
    # a draft
    "وناقشت المنظمة الدولية للهجرة مع منظمة العمل الدولية مشروع اتفاق للتعاون.",
    # a named multilateral instrument is adopted or ratified, not signed between parties
    "ووقع المغرب وتونس على الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية.",
    # one party only
    "ووقعت المنظمة الدولية للهجرة اتفاقا لدعم المهاجرين.",
])
def test_no_signed_agreement(text, setup):
    assert not _parties(_signed(text, setup)), _signed(text, setup)


def test_the_date_of_the_resolution_it_is_signed_under_is_not_the_signing_date(setup):
    # Levantine press: the signing "yesterday" (no document date), under a resolution dated in brackets
    got = _signed("وقع كل من الأمين العام للأمم المتحدة، بان كي مون، والمدير العام للمنظمة الدولية للهجرة، ويليام "
                  "سوينغ، على الاتفاق المعني بانضمام المنظمة إلى الأمم المتحدة أمس، وذلك بموجب القرار 70 / 296 "
                  "المؤرخ 25 من يوليو (تموز) 2031.", setup)
    assert _parties(got) == {"un", "iom"}, got
    assert not {t for t in got if t[1] in ("dateAdopted", "year")}, got


def test_a_place_after_the_parties_is_no_party(setup):
    # Kurdish press register: the second party's seat after في
    got = _signed("أعلن الوزير عن توقيع مذكرة تفاهم مشتركة بين دولة الكويت والمركز الدولي لتطوير سياسات الهجرة في "
                  "النمسا، بهدف توسيع التعاون.", setup)
    assert _parties(got) == {"KWT", "icmpd"}, got


def test_qama_bi_tawqi(setup):
    # IO web-page register: قامت X ممثلة بـ … بتوقيع مذكرة تفاهم محدثة مع Y
    got = _signed("قامت الأمانة العامة لجامعة الدول العربية ممثلة بالسفيرة هيفاء أبو غزالة، الأمين العام المساعد، "
                  "بتوقيع مذكرة تفاهم محدثة مع المنظمة الدولية للهجرة يوم الاثنين 20 يناير 2031 بالقاهرة.", setup)
    assert _parties(got) == {"las", "iom"}, got


@pytest.mark.parametrize("text, parties", [
    # Maghrebi press: the subject of the clause before signs (a coordinated verb, مع right after it)
    ("افتتحت المنظمة الدولية للهجرة أمس مكتبا جديدا في نواذيبو، ووقعت مع حكومة المملكة المغربية مذكرة تفاهم "
     "بشأن العودة الطوعية في مايو 2031.", {"iom", "MAR"}),
    # Gulf press: a state, then its minister's signing with an organisation
    ("واستضافت دولة الكويت اجتماعا تشاوريا، ووقعت مع المنظمة الدولية للهجرة اتفاقية تعاون في مارس 2031.",
     {"KWT", "iom"}),
])
def test_a_coordinated_verb_signs_for_the_clause_before(text, parties, setup):
    got = _parties(_signed(text, setup))
    assert got == parties, got


def test_a_verb_with_no_conjunction_takes_no_earlier_subject(setup):
    # a new sentence's verb with مع after it: no subject of its own, none borrowed from the sentence before
    got = _parties(_signed("افتتحت المنظمة الدولية للهجرة مكتبا في نواذيبو. وقعت مع حكومة المملكة المغربية "
                           "مذكرة تفاهم في مايو 2031.", setup))
    assert got == set(), got


def test_signed_at_the_meeting_the_sentence_names_and_not_elsewhere(setup):
    from graph_builder.facts import signing as sg
    at = sg.extract(_ctx("وقعت المنظمة الدولية للهجرة والمغرب مذكرة تفاهم خلال المؤتمر الوزاري لعملية الرباط الذي "
                         "عقد في الرباط في 4 مايو 2031.", setup))[0]
    assert [f for f in at if f.predicate == "adoptedAt"], at
    # Maghrebi press: the meeting of the paragraph, but the memorandum signed in Geneva days later
    away = sg.extract(_ctx("وعقد المؤتمر الوزاري لعملية الرباط في الرباط في 4 مايو 2031. وفي سياق آخر، وقعت المنظمة "
                           "الدولية للهجرة والمغرب مذكرة تفاهم في جنيف في 9 مايو 2031.", setup))[0]
    assert [f for f in away if f.predicate == "party"] and not [f for f in away if f.predicate == "adoptedAt"], away


def test_a_cairo_centre_is_a_party(setup):
    got = _signed("وقّعت المنظمة الدولية للهجرة ومركز القاهرة الدولي لتسوية النزاعات وحفظ وبناء السلام مذكرة تفاهم "
                  "لتعزيز حوكمة الهجرة في أسوان.", setup)
    assert _parties(got) == {"iom", "cccpa"}, got
