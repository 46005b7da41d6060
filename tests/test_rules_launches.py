"""Launching or establishing a fund, programme or initiative (adopt_verb entries with launch = true: أطلق،
أنشأ، تم إطلاقه) on sentences written for these tests in several registers: the launcher adopted it, the
date of the clause, and the sum a launched fund starts with. Negative cases: a future or planned launch,
a launch of something that is no named commitment, a sum of another clause."""
from __future__ import annotations

import pytest

from test_rules_adoption_funding import setup  # noqa: F401 (fixture)
from test_rules_numbered_instruments import _facts


@pytest.mark.parametrize("text, launcher, when", [
    # Algerian press: a relative clause with an object pronoun, a month and a sum
    ("وتطرق المشاركون إلى صندوق الكثبان لإدماج المهاجرين، الذي أطلقه الاتحاد الأوروبي في نوفمبر 2031 برصيد "
     "أولي قدره 1,8 مليار أورو.", "eu", "2031-11"),
    # Gulf press: active verb
    ("وأطلقت المنظمة الدولية للهجرة في يناير 2031 صندوق الكثبان لإدماج المهاجرين بقيمة 20 مليون دولار.", "iom", "2031-01"),
    # UN register: passive with an agent
    ("صندوق الكثبان لإدماج المهاجرين الذي تم إطلاقه من قبل الاتحاد الأوروبي في آذار/مارس 2031 بمبلغ 5 ملايين يورو.",
     "eu", "2031-03"),
])
def test_the_launcher_adopts_the_fund(text, launcher, when, setup):
    got = _facts(text, setup)
    assert ("dune-fund", "adoptedBy", launcher) in got, got
    assert ("dune-fund", "dateAdopted", when) in got, got
    assert any(s == "dune-fund" and p == "amount" for s, p, o in got), got


@pytest.mark.parametrize("text", [
    # a future launch
    "وسيطلق الاتحاد الأوروبي صندوق الكثبان لإدماج المهاجرين العام المقبل.",
    # a planned one
    "ومن المقرر أن يطلق الاتحاد الأوروبي صندوق الكثبان لإدماج المهاجرين في 2032.",
    # a report is launched, the fund only mentioned
    "وأطلقت المنظمة الدولية للهجرة تقريرا جديدا عن الهجرة، وأشار التقرير إلى أهمية العمل.",
])
def test_no_launch(text, setup):
    assert not {t for t in _facts(text, setup) if t[1] == "adoptedBy"}, _facts(text, setup)


def test_a_sum_of_another_clause_is_not_the_funds(setup):
    got = _facts("وأطلق الاتحاد الأوروبي صندوق الكثبان لإدماج المهاجرين في 2031. وبلغت تحويلات المهاجرين 20 مليار "
                 "دولار.", setup)
    assert ("dune-fund", "adoptedBy", "eu") in got
    assert not any(s == "dune-fund" and p == "amount" for s, p, o in got), got


def test_a_dual_verb_takes_the_two_actors_before_it_and_the_same_time(setup):
    # IOM press-release register: two agencies sign, "and at the same time launched" a programme
    got = _facts("جنيف، 3 آذار/مارس 2031 — وقعت المنظمة الدولية للهجرة وبرنامج الأمم المتحدة الإنمائي اليوم مذكرة "
                 "تفاهم تضع إطارا جديدا للتعاون، وأطلقتا في الوقت ذاته المرحلة الثانية من \"البرنامج العالمي المشترك "
                 "لإدماج الهجرة في التنمية\".", setup)
    prog = {s for s, p, o in got if p == "adoptedBy" and o == "iom"} & {s for s, p, o in got if p == "adoptedBy" and o == "undp"}
    assert any(s.startswith("albrnamj") for s in prog), got
    assert any(s.startswith("albrnamj") and p == "dateAdopted" and o == "2031-03-03" for s, p, o in got), got
    # the framework the memorandum sets is not adopted by the signatories
    assert not any(s.startswith("atar") for s, p, o in got), got


def test_a_dual_verb_with_one_actor_before_it_has_no_adopter(setup):
    got = _facts("وأشارت المنظمة الدولية للهجرة إلى التحديات، وأطلقتا البرنامج العالمي المشترك لإدماج الهجرة.", setup)
    assert not {t for t in got if t[1] == "adoptedBy"}, got
