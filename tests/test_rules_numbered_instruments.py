"""Numbered instruments and adoptions with no adopter written, on sentences written for these tests in
several registers: the year in a numbered instrument's title (rule commitment.numbered-year: القانون رقم
N لسنة YYYY، الاتفاقية رقم N بشأن …، YYYY، C143 (1975)), a law or decree minted from its number and year,
"its convention" (اتفاقيتها رقم N) of the organisation named before, a bare past verb that opens its
clause read as a passive (واعتمدت الاتفاقية رقم 189 …) at the paragraph's meeting, the process whose
meeting's members adopted a text (rule commitment.adopted-by-owner), and the adopting clause that says
where further on (في افتتاح أول قمة، بمدينة مراكش). Negative cases: a target year of an unnumbered plan,
a year after منذ, a call to ratify, a pluperfect, a dated background adoption, a verb whose subject is
written, a planned adoption."""
from __future__ import annotations

import pytest

from graph_builder.facts import adoption, commitments, numbered
from graph_builder.recognise.findings import Value
from graph_builder.text.arabic import fold
from test_rules_adoption_funding import _ctx, setup  # noqa: F401 (fixture)


def _facts(text, setup, date=""):
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in commitments.extract(_ctx(text, setup, date))}


@pytest.mark.parametrize("name, after, year", [
    ("القانون رقم 28 لسنة 2012", "", "2012"),
    ("قانون العمالة المنزلية رقم 68 لسنه 2015", "، الذي أقره", "2015"),
    ("الاتفاقية رقم 97 بشأن الهجرة من أجل العمل", " (مراجعة)، 1949، والاتفاقية", "1949"),
    ("الاتفاقية رقم 143", " بشأن العمال المهاجرين (أحكام تكميلية)، لعام 1975.", "1975"),
    ("C143", " (1975)", "1975"),
    ("التوصية رقم 201", " لعام 2011 المكملة لها", "2011"),
    ("المرسوم", " رقم 5 لعام 2019 المتعلق بالهجرة", "2019"),
])
def test_the_year_of_a_numbered_title(name, after, year):
    assert numbered.title_year(fold(name), fold(after)) == year


@pytest.mark.parametrize("name, after", [
    # an unnumbered plan's target year is no adoption year
    ("خطة التنمية المستدامة", " لعام 2030"),
    # the year of an act on the instrument, after a verb or منذ, is not its title's
    ("الاتفاقية رقم 189", " التي دخلت حيز النفاذ في 2013"),
    ("الاتفاقية رقم 189", " منذ 2013"),
    # a number that is no year
    ("الاتفاقية رقم 189", " بأغلبية 396 صوتا"),
])
def test_no_title_year(name, after):
    assert numbered.title_year(fold(name), fold(after)) is None


@pytest.mark.parametrize("text, slug, year", [
    # Iraqi press, a law cited in a speech
    ("واستعرض الوزير الجهود التشريعية لمكافحة الاتجار بالبشر ومنها القانون رقم 28 لسنة 2031.", "law-28-2031", "2031"),
    # Gulf press, a law with a title before its number
    ("وقال المدير إن قانون العمالة المنزلية رقم 68 لسنة 2031 منح العمال راحة أسبوعية.", "law-68-2031", "2031"),
    # Levantine press, a decree
    ("وأصدرت الحكومة المرسوم رقم 12 لعام 2031 المتعلق بتنظيم العمالة الوافدة.", "decree-12-2031", "2031"),
])
def test_a_numbered_law_is_minted_with_its_year(text, slug, year, setup):
    assert (slug, "year", year) in _facts(text, setup)


def test_its_convention_is_the_organisation_named_before(setup):
    got = _facts("ودعا المجلس الدول إلى النظر في التصديق على اتفاقية منظمة العمل الدولية رقم 97 بشأن الهجرة من "
                 "أجل العمل (مراجعة)، لعام 1949، واتفاقيتها رقم 143 بشأن العمال المهاجرين (أحكام تكميلية)، "
                 "لعام 1975.", setup)
    assert {("ilo-convention-97", "year", "1949"), ("ilo-convention-143", "year", "1975"),
            ("ilo-convention-97", "adoptedBy", "ilo"), ("ilo-convention-143", "adoptedBy", "ilo")} <= got
    # a call to ratify is no ratification and no adoption date
    assert not {t for t in got if t[1] in ("dateAdopted", "adoptedAt")}


OASIS = "وانعقد المؤتمر الوزاري الثالث لعملية الواحة في مدينة الرباط يومي 3 و4 مارس 2031. "


@pytest.mark.parametrize("text", [
    # UN press-release register: a bare past verb that opens the sentence, no adopter written
    OASIS + "واعتمدت الاتفاقية رقم 189 بأغلبية 396 صوتا، فيما اعتمدت التوصية رقم 201 بأغلبية 434 صوتا.",
    # Maghrebi press: فيما before the verb
    OASIS + "وناقش المشاركون الهجرة، فيما اعتمد إعلان الواحة بالإجماع.",
])
def test_a_bare_past_verb_opening_its_clause_adopts_at_the_meeting(text, setup):
    got = {(s, p) for s, p, o in _facts(text, setup) if p == "adoptedAt"}
    assert got, _facts(text, setup)


@pytest.mark.parametrize("text", [
    # a dated background adoption keeps its own date, not the meeting
    OASIS + "واعتمدت الاتفاقية رقم 189 في يونيو 2011.",
    # a pluperfect: background
    OASIS + "وكانت قد اعتمدت الاتفاقية رقم 189 قبل سنوات.",
    # a subject written before the verb
    OASIS + "وقال الوزير إن بلاده اعتمدت الاتفاقية رقم 189.",
    # a planned adoption
    OASIS + "ومن المقرر أن تعتمد الاتفاقية رقم 189 في الدورة المقبلة.",
    # a call to ratify
    OASIS + "ودعا الوزير الدول إلى التصديق على الاتفاقية رقم 189.",
    # Levantine press: the meeting named in a later clause is what the states prepare for, not where it was adopted
    OASIS + "وركز المؤتمر على متابعة ميثاق النهر للهجرة الآمنة الذي تم اعتماده من قبل الجمعية العامة في ديسمبر "
            "2018، بهدف تحضير الدول للمشاركة في مؤتمر الاستعراض الإقليمي.",
])
def test_no_adoption_at_the_meeting(text, setup):
    assert not {t for t in _facts(text, setup) if t[1] == "adoptedAt"}, _facts(text, setup)


def test_members_of_a_process_meeting_adopt_for_the_process(setup):
    text = ("وعقدت عملية بالي الإقليمية مؤتمرها الوزاري السادس في بالي في 23 مارس 2031. واعتمد الوزراء "
            "إعلان الواحة بشأن تنقل العمالة.")
    got = _facts(text, setup)
    assert ("oasis-declaration", "adoptedBy", "bali-process") in got, got


def test_an_adopter_written_is_not_replaced_by_the_process(setup):
    text = ("وعقدت عملية بالي الإقليمية مؤتمرها الوزاري السادس في بالي في 23 مارس 2031. واعتمدت الجمعية العامة "
            "إعلان الواحة بشأن تنقل العمالة.")
    got = _facts(text, setup)
    assert ("oasis-declaration", "adoptedBy", "bali-process") not in got, got


@pytest.mark.parametrize("text", [
    # Egyptian press: the meeting after the instrument, with a moment and "first"
    "وانعقدت القمة في نيويورك في 19 سبتمبر 2031. اعتمدت الجمعية العامة أمس الاثنين \"إعلان الواحة بشأن تنقل "
    "العمالة\"، في افتتاح أول قمة رفيعة المستوى بشأن اللاجئين.",
    # Maghrebi press: a count of states, بمدينة + the meeting's city
    "انعقد المؤتمر الحكومي الدولي في مراكش يومي 10 و11 ديسمبر 2031. وصادقت قرابة 164 دولة، أمس الاثنين بمدينة "
    "مراكش، على ميثاق النهر للهجرة الآمنة.",
])
def test_the_clause_says_where_further_on(text, setup):
    got = {t for t in _facts(text, setup, "2031-12-11") if t[1] == "adoptedAt"}
    assert got, _facts(text, setup, "2031-12-11")


@pytest.mark.parametrize("text, slug, date", [
    # Levantine press: a resolution and its date after المؤرخ
    ("وانضمت المنظمة إلى الأمم المتحدة بموجب القرار 70/296 المؤرخ 25 تموز/يوليو 2031.", "a-res-70-296", "2031-07-25"),
    # Gulf press: a law and the date it was issued
    ("وينظم قانون العمالة المنزلية رقم 68 لسنة 2031 الصادر في 24 يونيو 2031 ساعات العمل.", "law-68-2031", "2031-06-24"),
])
def test_a_dated_instrument(text, slug, date, setup):
    assert (slug, "dateAdopted", date) in _facts(text, setup)


def test_a_date_after_a_verb_is_not_the_dated_instruments(setup):
    got = _facts("وأشار إلى القرار 70/296 ودخل حيز التنفيذ في 25 تموز/يوليو 2031.", setup)
    assert not {t for t in got if t[0] == "a-res-70-296" and t[1] == "dateAdopted"}, got


@pytest.mark.parametrize("text", [
    # Egyptian press: the resolution "titled" the instrument
    "ويعقد المؤتمر تحت رعاية الجمعية العامة للأمم المتحدة التي اعتمدت القرار 71/1 المؤرخ 19 سبتمبر 2031 "
    "بعنوان \"إعلان الواحة بشأن تنقل العمالة\".",
    # UN register: the resolution in brackets after the instrument
    "وفي 19 أيلول/سبتمبر 2031، اعتمدت الجمعية العامة إعلان الواحة بشأن تنقل العمالة (القرار 71/1).",
])
def test_the_instrument_a_resolution_carries(text, setup):
    got = _facts(text, setup)
    assert ("oasis-declaration", "adoptedBy", "general-assembly") in got, got
    assert ("oasis-declaration", "year", "2031") in got, got


def test_a_resolution_mentioned_near_another_instrument_does_not_carry_it(setup):
    got = _facts("واستند المؤتمر إلى القرار 71/1، كما ناقش إعلان الواحة بشأن تنقل العمالة.", setup)
    assert not {t for t in got if t[0] == "oasis-declaration"}, got


def test_a_declarations_own_text_is_adopted_at_its_meeting(setup):
    # a regional process's final declaration: "we adopt this declaration"
    text = ("وعقدت عملية بالي الإقليمية مؤتمرها الوزاري السادس في بالي في 23 مارس 2031.\n\n"
            "نعتمد إعلان الواحة بشأن تنقل العمالة هذا، ونتعهد بما يلي:")
    from graph_builder.text.model import Document, Paragraph, Section
    from graph_builder.facts.fact_context import FactContext
    from graph_builder.recognise.matcher import mentions_in
    from pathlib import Path
    gaz, matcher = setup
    sec = Section(heading="إعلان", level=1, order=1, line=1)
    paras = [Paragraph(number=i + 1, text=t, order=i + 1, line=2 + i, section=sec) for i, t in enumerate(text.split("\n\n"))]
    doc = Document(path=Path("d.txt"), slug="d", paragraphs=paras, sections=[sec])
    facts = commitments.extract(FactContext(doc, mentions_in(doc, matcher), gaz))
    got = {(f.subject.slug, f.predicate, getattr(f.object, "slug", None)) for f in facts}
    assert ("oasis-declaration", "adoptedBy", "bali-process") in got, got
    assert any(s == "oasis-declaration" and p == "adoptedAt" for s, p, o in got), got


def test_we_acknowledge_is_no_adoption(setup):
    got = _facts("وعقدت عملية بالي الإقليمية مؤتمرها الوزاري السادس في بالي في 23 مارس 2031. "
                 "نقر بأهمية إعلان الواحة بشأن تنقل العمالة في حماية العمال.", setup)
    assert not {t for t in got if t[0] == "oasis-declaration" and t[1] in ("adoptedAt", "adoptedBy")}, got


@pytest.mark.parametrize("text", [
    # Gulf agency register: a convention described, not titled, adopted by an organ at its session in a city
    "اعتمد مؤتمر العمل الدولي في دورته المائة بجنيف اتفاقية دولية تنظم عمل الخدمة المنزلية للمرة الأولى.",
    # Maghrebi press: تبنى and a treaty
    "تبنت منظمة العمل الدولية معاهدة جديدة لحماية العمالة المنزلية.",
])
def test_a_described_convention_is_adopted_by_its_organ(text, setup):
    got = _facts(text, setup)
    assert any(p == "adoptedBy" and o in ("ilc", "ilo") for s, p, o in got), got


def test_a_convention_signed_between_parties_is_not_adopted_by_them(setup):
    got = _facts("ووقعت مصر والمنظمة الدولية للهجرة اتفاقية تعاون لمكافحة الاتجار بالبشر.", setup)
    assert not {t for t in got if t[1] == "adoptedBy"}, got


def test_who_convened_the_adopting_meeting_is_not_the_adopter(setup):
    got = _facts("تبنت قمة عقدتها الأمم المتحدة اليوم إعلانا بشأن اللاجئين والمهاجرين.", setup, "2031-09-19")
    assert not {t for t in got if t[1] == "adoptedBy"}, got


@pytest.mark.parametrize("text, state", [
    # Maghrebi press: a state ratifies a numbered convention
    ("صادقت موريتانيا على الاتفاقية رقم 143 في مارس 2031.", "MRT"),
    # Levantine press: accession
    ("وانضمت تونس إلى الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم عام 2031.", "TUN"),
])
def test_a_state_that_ratifies_keeps_the_conventions_own_date(text, state, setup):
    got = _facts(text, setup)
    # the ratifying state is a party of the convention (rule commitment.ratified), not its adopter
    assert any(p == "party" and o == state for s, p, o in got), got
    assert not any(p == "adoptedBy" and o == state for s, p, o in got), got
    # the ratification's date is not the date the convention was adopted
    assert not {t for t in got if t[1] in ("dateAdopted", "year") and t[2].startswith("2031")}, got


@pytest.mark.parametrize("text", [
    "وقال إن المغرب سيصادق على الاتفاقية رقم 143 قريبا.",
    "ودعا الوزير الدول إلى المصادقة على الاتفاقية رقم 143.",
    "ولم تصادق الكويت على الاتفاقية رقم 189 حتى الآن.",
])
def test_a_call_or_a_plan_to_ratify_is_no_ratification(text, setup):
    assert not {t for t in _facts(text, setup) if t[1] == "adoptedBy"}, _facts(text, setup)


def test_a_numbered_law_in_a_heading(setup):
    from pathlib import Path
    from graph_builder.facts.fact_context import FactContext
    from graph_builder.recognise.matcher import mentions_in
    from graph_builder.text.model import Document, Paragraph, Section
    gaz, matcher = setup
    sec = Section(heading="القانون رقم 28 لسنة 2031 بشأن مكافحة الاتجار بالبشر", level=1, order=1, line=1)
    para = Paragraph(number=1, text="ويجرم القانون الاتجار بالبشر.", order=1, line=2, section=sec)
    doc = Document(path=Path("h.txt"), slug="h", paragraphs=[para], sections=[sec])
    facts = commitments.extract(FactContext(doc, mentions_in(doc, matcher), gaz))
    assert ("law-28-2031", "year", "2031") in {(f.subject.slug, f.predicate, getattr(f.object, "lexical", None))
                                               for f in facts}


@pytest.mark.parametrize("text, date", [
    # Levantine / Egyptian press: the other calendar's month name in brackets
    ("قد أقرت في 18 كانون أول (ديسمبر) 2031، الاتفاقية", "2031-12-18"),
    ("بموجب القرار 70 / 296 المؤرخ 25 من يوليو (تموز) 2031.", "2031-07-25"),
])
def test_a_month_with_its_other_name_in_brackets(text, date):
    from graph_builder.values import find_dates
    assert [d.start_date.isoformat() for d in find_dates(text) if d.start_date] == [date]


def test_the_adopter_before_a_comma_and_qad(setup):
    # Egyptian press: a pluperfect with a comma between the adopter and قد
    got = _facts("وكانت الجمعية العامة للأمم المتحدة، قد أقرت في 18 كانون أول (ديسمبر) 2031، ميثاق النهر للهجرة "
                 "الآمنة.", setup)
    assert ("river-compact", "adoptedBy", "general-assembly") in got, got
    assert ("river-compact", "dateAdopted", "2031-12-18") in got, got


@pytest.mark.parametrize("text", [
    # a call written before a verbal noun with its subject and a لـ object
    "ودعا الوزير إلى اعتماد مصر لإطار وطني للهجرة.",
    # a demand
    "وطالب النواب باعتماد مصر إطارا وطنيا للهجرة.",
    # urging to ratify
    "وحثت المفوضة السامية موريتانيا على التصديق على الاتفاقية رقم 143.",
])
def test_a_call_to_adopt_is_no_adoption(text, setup):
    assert not {t for t in _facts(text, setup) if t[1] == "adoptedBy"}, _facts(text, setup)


@pytest.mark.parametrize("text, adopter, date", [
    # Gulf press: a verbal noun with its subject, a date, and its object after لـ
    ("قالت منظمات حقوقية إن تبني منظمة العمل الدولية في 16 يونيو 2031 لمعاهدة جديدة لحماية العمالة المنزلية "
     "خطوة مهمة.", "ilo", "2031-06-16"),
    # welcoming a done adoption
    ("ورحب المجلس باعتماد الاتحاد الأفريقي في 3 مارس 2031 لإطار سياسات الهجرة.", "au", "2031-03-03"),
])
def test_the_object_of_a_verbal_noun_after_lam(text, adopter, date, setup):
    got = _facts(text, setup)
    assert any(p == "adoptedBy" and o == adopter for s, p, o in got), got
    assert any(p == "dateAdopted" and o == date for s, p, o in got), got
