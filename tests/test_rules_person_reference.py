"""A person the text names in full once and later by the family name alone (``وقال فيتورينو``), by the first
word of the name after a courtesy title (``السيد بان``), or by a bare title (``وألقى الوزير كلمة``, rule
``event.speaker`` through ``facts/role_antecedent.py``): the later sentence's participation is the full
person's, when exactly one person of that name or title is named before. Negatives: two persons with that
title or family name, a chairing title (``الرئيس`` also names a head of state the text never names), and the
complementiser after a name (``قال فيتورينو إن``) is no part of it. Every sentence here is the author's own."""
from __future__ import annotations

from gold_facts import facts_of_text
from graph_builder.facts import events

OPENING = "انطلقت أمس في الرباط أعمال المؤتمر الإقليمي الثالث حول الهجرة."


def speakers(*paras):
    return {f.subject.label_ar for f in facts_of_text(events, *paras, date="2031-05-02")
            if f.predicate == "participatesIn" and f.subject.kind == "person"}


def test_un_page_family_name_after_a_reporting_verb():
    got = speakers(OPENING + " وقال المدير العام للمنظمة الدولية للهجرة أنطونيو فيتورينو إن الهجرة واقع.",
                   "وفي كلمته أمام المؤتمر، قال فيتورينو إن التعاون ضروري.")
    assert "أنطونيو فيتورينو" in got
    assert not any(p.endswith(("إن", "ان")) for p in got)       # the complementiser is no word of the name


def test_io_press_first_word_after_a_courtesy_title():
    got = speakers("انطلقت أمس في الرباط أعمال المؤتمر الإقليمي الثالث حول الهجرة بحضور الأمين العام للأمم المتحدة "
                   "بان كي مون.", "وألقى السيد بان كلمة أمام المؤتمر دعا فيها إلى التعاون.")
    assert "بان كي مون" in got


def test_maghrebi_press_bare_title_of_the_one_minister_named_before():
    got = speakers(OPENING + " وقال وزير الداخلية المغربي عبد الوافي لفتيت إن الهجرة واقع.",
                   "وألقى الوزير كلمة أمام المؤتمر دعا فيها إلى التعاون.")
    assert "عبد الوافي لفتيت" in got


def test_gulf_press_bare_feminine_title_of_the_one_ambassador():
    got = speakers(OPENING + " وقالت سفيرة الاتحاد الأوروبي لدى المغرب ماريا غارسيا إن الدعم مستمر.",
                   "وافتتحت السفيرة أعمال المؤتمر بكلمة عن الشراكة.")
    assert "ماريا غارسيا" in got


def test_two_ministers_the_bare_title_names_nobody():
    got = speakers(OPENING + " وقال وزير الداخلية المغربي عبد الوافي لفتيت إن الهجرة واقع، وقال وزير الداخلية "
                   "الإسباني فرناندو مارلاسكا إن التعاون مهم.", "وألقى الوزير كلمة أمام المؤتمر دعا فيها إلى التعاون.")
    assert not got & {"عبد الوافي لفتيت", "فرناندو مارلاسكا"}


def test_a_chairing_title_names_nobody():
    got = speakers(OPENING + " وقال رئيس المجلس الوطني لحقوق الإنسان محمد الصبار إن الحقوق أولوية.",
                   "وألقى الرئيس كلمة أمام المؤتمر دعا فيها إلى التعاون.")
    assert "محمد الصبار" not in got


def test_two_persons_with_one_family_name_keep_the_short_form_apart():
    got = speakers(OPENING + " وقال أنطونيو فيتورينو إن الهجرة واقع، وقالت ماريا فيتورينو إن التعاون مهم.",
                   "وفي كلمته أمام المؤتمر، قال فيتورينو إن التعاون ضروري.")
    assert not got & {"أنطونيو فيتورينو", "ماريا فيتورينو"}
