"""Planned, expected, authorised, offered or asked-for commitments are not done (rules commitment.signed,
commitment.mou, commitment.adopted*), on sentences written for these tests in several registers:
``توقع`` read as "expected" (توقع الخبراء أن …، يتوقع توقيع …), a cabinet that authorises negotiating or
signing an agreement (فوض مجلس الوزراء … بالتوقيع، وافق على التفاوض), an offer or a proposal to adopt
(اقترح … اعتماد، عرض … مشروع إعلان), a call to adopt; and the positive cases next to them (a headline
present ``مصر توقع مع …``، an agreement described and referred back to)."""
from __future__ import annotations

import pytest

from graph_builder.facts import adoption, commitments, signing
from graph_builder.recognise.findings import Value
from test_rules_adoption_funding import _triples
from test_rules_adoption_funding import _ctx, setup  # noqa: F401 (fixture)


def _all(text, setup, date=""):
    facts = commitments.extract(_ctx(text, setup, date))
    return {(f.subject.slug, f.predicate, f.object.lexical if isinstance(f.object, Value) else f.object.slug)
            for f in facts if f.subject.kind == "commitment"}


def _done(got):
    return {t for t in got if t[1] in ("party", "adoptedBy", "adoptedAt", "dateAdopted")}


@pytest.mark.parametrize("text", [
    # Egyptian press: توقع = expected, followed by أن
    "وتوقع خبراء المنظمة الدولية للهجرة أن توقع مصر مع الاتحاد الأوروبي اتفاقا للشراكة في مجال الهجرة خلال 2031.",
    # Gulf press: an expectation verb governing the signing noun
    "ويتوقع أن تشهد الزيارة توقيع مذكرة تفاهم بين دولة الكويت والمنظمة الدولية للهجرة.",
    "وتوقعت مصادر دبلوماسية توقيع اتفاقية تعاون بين تونس وإيطاليا في مجال الهجرة الشهر المقبل.",
    # Maghrebi press: the government council authorises the minister to sign: not signed yet
    "وصادق مجلس الحكومة على مشروع مرسوم يأذن بالتوقيع على اتفاق بين المغرب وإسبانيا بشأن الهجرة.",
    # Egyptian press: the cabinet delegates negotiating and signing
    "وفوض مجلس الوزراء وزير الخارجية في التفاوض والتوقيع على مذكرة تفاهم بين مصر وإيطاليا في مجال الهجرة.",
    # Levantine press: the cabinet approves negotiating an agreement
    "ووافق مجلس الوزراء على التفاوض مع المنظمة الدولية للهجرة لإبرام اتفاقية تعاون بين الأردن والمنظمة.",
    # UN style: a proposed memorandum
    "واقترحت المنظمة الدولية للهجرة على تونس توقيع مذكرة تفاهم بين الطرفين في مجال العودة الطوعية.",
])
def test_expected_authorised_or_proposed_signing_is_no_agreement(text, setup):
    got = _all(text, setup)
    assert not {t for t in got if t[1] == "party"}, got


@pytest.mark.parametrize("text", [
    # an offer to adopt is no adoption
    "واقترح المغرب اعتماد إعلان الرباط بشأن الهجرة والتنمية خلال الاجتماع المقبل.",
    "وعرضت الرئاسة على الوفود مشروع إعلان الواحة بشأن تنقل العمالة.",
    # a call to adopt
    "ودعا الوزير الدول الأعضاء إلى اعتماد خطة عمل إقليمية لمكافحة الاتجار بالبشر.",
    "وطالبت المنظمات غير الحكومية باعتماد إطار وطني لحماية العمال المهاجرين.",
    # an expectation
    "ومن المتوقع أن يعتمد الوزراء إعلان الواحة في ختام أعمالهم.",
    "ويتوقع أن تعتمد القمة خطة عمل للهجرة.",
])
def test_offered_called_or_expected_adoption_is_none(text, setup):
    got = _all(text, setup)
    assert not {t for t in got if t[1] in ("adoptedBy", "adoptedAt", "dateAdopted")}, got


@pytest.mark.parametrize("text, parties", [
    # headline register: the present tense is a signing
    ("مصر توقع مع المنظمة الدولية للهجرة اتفاقية تعاون في مجال الهجرة في 3 مارس 2031.", {"EGY", "iom"}),
    # Gulf press: an agreement described, parties in a list
    ("ووقعت دولة الكويت والمنظمة الدولية للهجرة أمس اتفاقا بشأن مكافحة الاتجار بالبشر في 4 مايو 2031.", {"KWT", "iom"}),
])
def test_signings_still_read(text, parties, setup):
    got = _all(text, setup)
    assert {o for s, p, o in got if p == "party"} == parties, got


def _doc_ctx(text, setup, slug):
    from pathlib import Path
    from graph_builder.facts.fact_context import FactContext
    from graph_builder.recognise.matcher import mentions_in
    from graph_builder.text.model import Document, Paragraph, Section
    gaz, matcher = setup
    sec = Section(heading="خبر", level=1, order=1, line=1)
    para = Paragraph(number=1, text=text, order=1, line=2, section=sec)
    doc = Document(path=Path(f"{slug}.txt"), slug=slug, paragraphs=[para], sections=[sec], date="")
    return FactContext(doc, mentions_in(doc, matcher), gaz)


def _adopted_slugs(text, setup, slug="s"):
    return {f.subject.slug for f in commitments.extract(_doc_ctx(text, setup, slug))
            if f.subject.kind == "commitment" and f.subject.from_text and f.predicate == "adoptedBy"}


def test_a_generic_name_is_keyed_by_its_adopter_and_year(setup):
    # two different national action plans with the same common name: two IRIs
    egypt = _adopted_slugs("واعتمدت الحكومة المصرية خطة عمل وطنية لمكافحة الهجرة غير الشرعية في مارس 2031.", setup)
    tunisia = _adopted_slugs("واعتمدت الحكومة التونسية خطة عمل وطنية لمكافحة الهجرة غير الشرعية في مارس 2032.", setup)
    assert egypt and tunisia and not egypt & tunisia, (egypt, tunisia)


def test_a_generic_name_with_no_adopter_or_meeting_is_keyed_by_its_document(setup):
    text = "وقامت المنظمة الدولية للهجرة باعتماد إطار عمل بشأن الهجرة والتنمية."
    a, b = _adopted_slugs(text, setup, "doc-a"), _adopted_slugs(text, setup, "doc-b")
    assert a == b, (a, b)              # the adopter keys it: the same organisation's framework in two reports
    # nobody named adopts it: two reports may speak of two different frameworks
    text = "ويظل إطار العمل بشأن الهجرة والتنمية الذي اعتمد في 12 مارس 2031 مرجعا."
    a = {f.subject.slug for f in commitments.extract(_doc_ctx(text, setup, "doc-a")) if f.subject.from_text}
    b = {f.subject.slug for f in commitments.extract(_doc_ctx(text, setup, "doc-b")) if f.subject.from_text}
    assert a and b and not a & b, (a, b)


def test_a_name_ends_before_its_funder_and_its_date(setup):
    got = _all("وأطلقت المنظمة الدولية للهجرة برنامجا للعودة الطوعية بتمويل من الاتحاد الأوروبي في 2031.", setup)
    assert any(p == "fundedBy" and o == "eu" for s, p, o in got), got
    assert any(p == "adoptedBy" and o == "iom" for s, p, o in got), got


def test_a_named_instrument_keeps_one_iri_across_documents(setup):
    text = "واعتمدت المنظمة الدولية للهجرة خطة عمل الرباط بشأن الهجرة في 2031."
    a, b = _adopted_slugs(text, setup, "doc-a"), _adopted_slugs(text, setup, "doc-b")
    assert a and a == b and not any(s.startswith(("iom-", "doc-")) for s in a) and len(a) == 1, (a, b)


@pytest.mark.parametrize("text, day", [
    # Levantine press: the meeting is the antecedent of an active relative clause
    ("وشارك العراق في المؤتمر الوزاري لعملية بودابست الذي عقد في إسطنبول في 19 نيسان 2031، والذي أقر "
     "الإعلان الوزاري لإسطنبول.", "2031-04-19"),
    # Maghrebi press: وهو الاجتماع الذي اعتمد …, a generic plan keyed by its meeting
    ("واختتم الاجتماع الإقليمي للمنظمة الدولية للهجرة الذي عقد في تونس يوم 4 مايو 2031 أعماله، وهو الاجتماع "
     "الذي اعتمد خطة عمل إقليمية لحماية المهاجرين.", "2031-05-04"),
])
def test_the_meeting_that_adopts_in_a_relative_clause(text, day, setup):
    got = _all(text, setup)
    at = {(s, o) for s, p, o in got if p == "adoptedAt"}
    assert len(at) == 1, got
    subj, meeting = next(iter(at))
    assert (subj, "dateAdopted", day) in got, got
    assert subj.startswith(meeting) or not subj.startswith("doc-"), got


def test_a_passive_relative_is_not_the_meetings_adoption(setup):
    got = _all("وعرض المؤتمر الوزاري الذي عقد في إسطنبول في 19 نيسان 2031 إطار العمل الذي اعتمد في 12 مارس 2030.",
               setup)
    assert not {t for t in got if t[1] == "adoptedAt"}, got


def test_a_described_instrument_is_the_one_named_later_xinhua_register(setup):
    got = _all("وتبنت الجمعية العامة في 19 أيلول 2031 إعلانا بشأن تنقل العمالة. ويتضمن إعلان الواحة بشأن تنقل "
               "العمالة توصيات عديدة.", setup)
    assert ("oasis-declaration", "dateAdopted", "2031-09-19") in got, got
    assert not [t for t in got if t[0] != "oasis-declaration" and t[1] in ("adoptedBy", "dateAdopted")], got


def test_a_description_that_fits_no_named_instrument_stays_its_own(setup):
    got = _all("وتبنت الجمعية العامة في 19 أيلول 2031 إعلانا بشأن حماية الأطفال المهاجرين. ويتضمن إعلان الواحة "
               "بشأن تنقل العمالة توصيات عديدة.", setup)
    assert not [t for t in got if t[0] == "oasis-declaration" and t[1] == "dateAdopted"], got


def test_an_organisation_before_the_relative_is_its_antecedent_not_the_meeting(setup):
    got = _all("واعتمدت الدول المجتمعة في مؤتمر مراكش اليوم ميثاق النهر، ويعقد المؤتمر تحت رعاية الجمعية العامة "
               "التي اعتمدت القرار 71/1 المؤرخ 19 أيلول 2016.", setup)
    assert not [t for t in got if t[1] == "adoptedAt" and t[0] != "river-compact"], got


def test_a_session_of_an_organ_named_in_the_meetings_name_adopts_ilo_register(setup):
    text = ("واعتمد المندوبون في الدورة المائة لمؤتمر العمل الدولي المنعقدة في جنيف يوم 16 حزيران/يونيو 2031 معايير "
            "جديدة، واعتمدت الاتفاقية رقم 189 بشأن العمل اللائق للعمال المنزليين بأغلبية كبيرة.")
    got = {(f.subject.slug, f.predicate, f.object.slug) for f in adoption.extract(_ctx(text, setup))
           if f.rule == "commitment.adopted-by-owner"}
    assert got == {("ilo-convention-189", "adoptedBy", "ilc")}, got
    # a meeting whose name names no organ: nobody adopts it but the meeting
    other = text.replace("الدورة المائة لمؤتمر العمل الدولي المنعقدة", "الاجتماع الإقليمي")
    assert not [f for f in adoption.extract(_ctx(other, setup)) if f.predicate == "adoptedBy"]


@pytest.mark.parametrize("text", [
    # UN register: the process's first ministerial conference, named by its place
    "وفي جنوب شرق آسيا، انطلقت عملية بالي عن اجتماع إقليمي في شباط/فبراير 2030، واعتمد مؤتمرها الوزاري الأول، "
    "المعقود في جاكرتا في 5 حزيران/يونيه 2031، إعلان بالي بشأن الاتجار بالأشخاص.",
])
def test_the_meeting_that_is_the_subject_adopts_at_itself(text, setup):
    got = _all(text, setup)
    assert any(p == "adoptedAt" for s, p, o in got), got
    assert any(p == "dateAdopted" and o == "2031-06-05" for s, p, o in got), got


@pytest.mark.parametrize("text, adopter", [
    # UN register: a relative with an object pronoun, the adopter after it, a year
    ("واستعرض الاجتماع تنفيذ إطار سياسات الهجرة الإقليمي الذي اعتمدته الهيئة الحكومية الدولية المعنية بالتنمية "
     "عام 2031، وناقش الهجرة المختلطة.", "igad"),
])
def test_a_relative_with_its_adopter(text, adopter, setup):
    got = _all(text, setup)
    assert any(p == "adoptedBy" and o == adopter for s, p, o in got), got
    assert any(p == "year" and o == "2031" for s, p, o in got), got
    # no adopter written after the pronoun: no adoption
    assert not _all(text.replace("الهيئة الحكومية الدولية المعنية بالتنمية ", ""), setup)


@pytest.mark.parametrize("text, date", [
    # Maghrebi press: since its adoption (a pronoun), the year in Eastern Arabic digits
    ("ويستعرض المؤتمر التقدم المحرز في تنفيذ ميثاق النهر منذ اعتماده في عام ٢٠٣١ كأول ميثاق من نوعه.", "2031"),
    # the text named again by its head noun in the next sentence
    ("وتبحث الدول ميثاق النهر للهجرة الآمنة. ويستعرض المؤتمر تنفيذ الميثاق منذ اعتماده في عام 2031.", "2031"),
])
def test_since_its_adoption_dates_the_text_it_stands_for(text, date, setup):
    got = _triples(adoption.extract(_ctx(text, setup)))
    assert ("river-compact", "dateAdopted", date) in got, got


def test_since_its_adoption_with_no_date_or_a_future_one_gives_nothing(setup):
    assert not _triples(adoption.extract(_ctx("ويستعرض المؤتمر ميثاق النهر منذ اعتماده قبل خمس سنوات.", setup)))
    assert not _triples(adoption.extract(_ctx("وسيراجع المؤتمر ميثاق النهر بعد اعتماده المرتقب في عام 2032.", setup)))


def test_the_participle_after_the_name_gives_adopter_and_date_maghrebi_register(setup):
    got = _triples(adoption.extract(_ctx(
        "ويتعلق مشروع القانون بميثاق النهر للهجرة الآمنة، 2031، المعتمد من قبل الجمعية العامة في دورتها الستين "
        "المنعقدة بنيويورك في 24 يونيو 2031.", setup)))
    assert {("river-compact", "adoptedBy", "general-assembly"), ("river-compact", "dateAdopted", "2031-06-24")} <= got, got


def test_a_law_approved_in_a_relative_with_a_resumptive_pronoun_egyptian_register(setup):
    text = ("وقالت السفيرة إن القانون العربي النموذجي لمكافحة تهريب المهاجرين، الذي وافق عليه مجلس جامعة الدول "
            "العربية الشهر الجاري، يدخل حيز التنفيذ قريبا.")
    got = _all(text, setup, "2031-05-05")
    assert {(p, o) for s, p, o in got} >= {("adoptedBy", "las"), ("dateAdopted", "2031-05")}, got
    assert not _all(text.replace("الذي وافق", "الذي سيوافق").replace("الجاري", "المقبل"), setup, "2031-05-05")


def _paras_ctx(paras, setup, date):
    from pathlib import Path
    from graph_builder.facts.fact_context import FactContext
    from graph_builder.recognise.matcher import mentions_in
    from graph_builder.text.model import Document, Paragraph, Section
    gaz, matcher = setup
    sec = Section(heading="خبر", level=1, order=1, line=1)
    ps = [Paragraph(number=i + 1, text=t, order=i + 1, line=i + 2, section=sec) for i, t in enumerate(paras)]
    doc = Document(path=Path("p.txt"), slug="p", paragraphs=ps, sections=[sec], date=date)
    return FactContext(doc, mentions_in(doc, matcher), gaz)


def test_the_leads_day_dates_the_texts_adopted_at_the_meeting_ilo_press_register(setup):
    lead = ("جنيف، 16 حزيران/يونيو 2031 — اعتمد مندوبو الحكومات في الدورة المائة لمؤتمر العمل الدولي اليوم معايير "
            "دولية جديدة لحماية العمال المنزليين.")
    body = "واعتمدت الاتفاقية رقم 189 بشأن العمل اللائق للعمال المنزليين بأغلبية كبيرة."
    got = _triples(adoption.extract(_paras_ctx([lead, body], setup, "2031-06-16")))
    assert ("ilo-convention-189", "dateAdopted", "2031-06-16") in got, got
    # a lead that says the meeting will adopt: no day
    planned = lead.replace("اعتمد مندوبو", "سيعتمد مندوبو")
    got = _triples(adoption.extract(_paras_ctx([planned, body], setup, "2031-06-16")))
    assert not [t for t in got if t[1] == "dateAdopted"], got


def test_a_budget_that_names_the_programme_again_is_its_amount_press_register(setup):
    first = "وأطلقت المنظمة الدولية للهجرة في جنيف برنامج العودة الطوعية للمهاجرين العالقين في 3 آذار 2031."
    facts = commitments.extract(_paras_ctx(
        [first, "وتبلغ ميزانية المرحلة الثانية من البرنامج، الممتدة حتى 2034، نحو 4.6 مليون فرنك سويسري."],
        setup, "2031-03-03"))
    amounts = {(f.subject.label_ar, f.object.slug) for f in facts if f.predicate == "amount"}
    assert any(label.startswith("برنامج العودة") for label, _ in amounts), amounts
    facts = commitments.extract(_paras_ctx(
        [first, "وتبلغ ميزانية المنظمة لهذا العام نحو 4.6 مليون فرنك سويسري."], setup, "2031-03-03"))
    assert not [f for f in facts if f.predicate == "amount" and f.subject.label_ar.startswith("برنامج")]


@pytest.mark.parametrize("text", [
    # Algerian press: مخطط عمل for an action plan
    "واعتمدت القمة الإفريقية الأوروبية مخطط عمل لمكافحة الهجرة غير الشرعية في 12 نوفمبر 2031.",
    # Levantine press: the definite construct خطة العمل
    "واعتمد الوزراء خطة العمل الإقليمية لحماية المهاجرين في 12 نوفمبر 2031.",
])
def test_an_action_plan_in_every_form(text, setup):
    got = _all(text, setup)
    assert any(p == "dateAdopted" and o == "2031-11-12" for s, p, o in got), got


def test_a_relative_with_a_prepositional_pronoun_gives_the_adopter_gulf_register(setup):
    got = _triples(adoption.extract(_ctx(
        "ويأتي انعقاد المنتدى عقب ميثاق النهر للهجرة الآمنة، الذي وافقت عليه الجمعية العامة في كانون الأول 2031.",
        setup)))
    assert {("river-compact", "adoptedBy", "general-assembly"), ("river-compact", "dateAdopted", "2031-12")} <= got, got
