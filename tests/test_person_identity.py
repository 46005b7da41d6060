"""One person, one entity within a document (graph_builder.facts.person_identity): the family name alone or a
respaced spelling is the person written in full; two persons sharing a family name keep the short form apart."""
from __future__ import annotations

from graph_builder.facts.person_identity import canonical, unify
from graph_builder.recognise.findings import Fact, Value
from graph_builder.recognise.text_entities import person


def test_the_last_words_of_a_full_name_are_that_person():
    full, short = person("بدر عبد العاطي"), person("عبد العاطي")
    assert canonical([full, short]) == {short.key: full}


def test_a_name_spaced_otherwise_is_the_same_person():
    a, b = person("بدر عبد العاطي"), person("بدر عبدالعاطي")
    got = canonical([a, b])
    assert got == {b.key: a} or got == {a.key: b}


def test_a_family_name_two_persons_share_stays_apart():
    a, b, short = person("ناصر بوريطة"), person("ليلى بوريطة"), person("بوريطة")
    assert short.key not in canonical([a, b, short])


def test_unify_moves_the_facts_and_drops_a_bare_title_when_a_role_is_known():
    full, short = person("بدر عبد العاطي"), person("عبد العاطي")
    facts = [Fact(full, "role", Value("وزير الخارجية والهجرة", "string"), None, "actors.role", 0.85),
             Fact(short, "role", Value("الوزير", "string"), None, "actors.role-title", 0.7)]
    got = unify(facts)
    assert [(f.subject.key, f.object.lexical) for f in got] == [(full.key, "وزير الخارجية والهجرة")]
