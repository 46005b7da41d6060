"""Actors who stay away from a meeting take no part in it (lexicon class ``absence_word``,
graph_builder/facts/absence.py): ``وسط غياب ممثلي X``, ``في غياب X``, ``تغيب X عن``, ``قاطعت X``,
in the press registers MDKG reads. Negative cases: the actors the same sentence says took part keep their
``participatesIn``; an absence word about something else (غياب الإرادة السياسية) removes no one. Every sentence
here is the author's own."""
from __future__ import annotations

from gold_facts import facts_of_text
from graph_builder.facts import events


def taking_part(*paras, date="2025-04-10"):
    return {(f.subject.key[1] if hasattr(f.subject, "key") else f.subject, f.object.key[1])
            for f in facts_of_text(events, *paras, date=date) if f.predicate == "participatesIn"}


def states(got):
    return {s for s, _o in got}


def test_maghrebi_press_representatives_absent_take_no_part():
    got = taking_part("اختتمت في الرباط يوم 3 آذار/مارس 2025 أشغال الاجتماع الوزاري لعملية الرباط وسط غياب ممثلي "
                      "تونس والمغرب.")
    assert not {"TUN", "MAR"} & states(got)


def test_gulf_press_participants_kept_and_the_absent_one_dropped():
    got = taking_part("عقد الاجتماع الوزاري لعملية الرباط في الرباط عام 2025 بمشاركة تونس والمغرب وفي غياب الجزائر.")
    assert {"TUN", "MAR"} <= states(got)
    assert "DZA" not in states(got)


def test_egyptian_press_delegations_present_and_a_delegation_absent():
    got = taking_part("عقد الاجتماع الوزاري لعملية الرباط في الرباط عام 2025 بحضور وفود الأردن ومصر، في غياب "
                      "وفد ليبيا.")
    assert {"JOR", "EGY"} <= states(got)
    assert "LBY" not in states(got)


def test_a_boycott_verb_and_a_stayed_away_verb_name_no_participant():
    got = taking_part("عقد الاجتماع الوزاري لعملية الرباط في الرباط عام 2025 بمشاركة المغرب، وقاطعت تونس الاجتماع "
                      "وتغيبت الجزائر عن جلسته الختامية.")
    assert "MAR" in states(got)
    assert not {"TUN", "DZA"} & states(got)


def test_an_absence_of_something_else_removes_no_participant():
    # Levantine register: غياب governs an abstract noun, the states listed take part
    got = taking_part("انعقد الاجتماع الوزاري لعملية الرباط في الرباط عام 2025 بمشاركة الأردن ولبنان، رغم غياب "
                      "الإرادة السياسية لدى بعض الأطراف.")
    assert {"JOR", "LBN"} <= states(got)


def test_the_participant_before_an_absence_clause_keeps_its_part():
    got = taking_part("شاركت تونس في الاجتماع الوزاري لعملية الرباط عام 2025 رغم غياب المغرب.")
    assert "TUN" in states(got)
    assert "MAR" not in states(got)
