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
