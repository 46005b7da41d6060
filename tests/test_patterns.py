"""Token patterns over lexicon classes and entity mentions; the rule registry and its checks."""
from dataclasses import dataclass

import pytest

from graph_builder.facts import all_rules
from graph_builder.text.word_classes import load
from graph_builder.facts.patterns import PatternError, check, matches
from graph_builder.facts.rules import Registry, Rule
from graph_builder.recognise.findings import Entity
from graph_builder.text.tokens import tokenise

LEX = load()


@dataclass(frozen=True)
class M:                      # a mention as the matcher gives it: span + entity
    start: int
    end: int
    entity: Entity


def with_mentions(text, names):
    toks = tokenise(text)
    ms = []
    for surface, kind in names:
        s = text.index(surface)
        ms.append(M(s, s + len(surface), Entity(kind, surface, "State")))
    return toks.attach(ms)


def test_lex_then_entity_with_captures():
    toks = with_mentions("وستستضيف المملكة المغربية القمة المقبلة", [("المملكة المغربية", "state")])
    pat = [{"LEX": "host_verb", "NAME": "verb"}, {"ENT": "state", "NAME": "host"}]
    [m] = matches(pat, toks, LEX)
    i, j, mention = m.captures["host"]
    assert toks.surface(i, j) == "المملكة المغربية" and mention.entity.kind == "state"
    assert m.captures["verb"][2].future is True


def test_feature_and_future_filters():
    toks = with_mentions("وستستضيف ألمانيا القمة", [("ألمانيا", "state")])
    assert matches([{"LEX": "host_verb", "FUTURE": False}, {"ENT": "state"}], toks, LEX) == []
    toks = with_mentions("تحت الرئاسة المشتركة للمغرب وألمانيا", [("ألمانيا", "state")])
    assert matches([{"LEX": "chair_verb", "FEAT": {"co": True}}], toks, LEX)


def test_ordinal_value_and_optional_skip():
    toks = tokenise("عقدت الدورة الحادية عشرة للمنتدى في جنيف")
    pat = [{"LEX": "meeting_noun", "NAME": "noun"}, {"VALUE": "ordinal", "NAME": "ord"}]
    [m] = matches(pat, toks, LEX)
    i, j, _ = m.captures["ord"]
    assert toks.surface(i, j) == "الحادية عشرة"


def test_cardinal_value_carries_its_number_and_an_ordinal_is_not_one():
    pat = [{"VALUE": "cardinal", "NAME": "n"}, {"LEX": "count_unit", "NAME": "unit"}]
    [m] = matches(pat, tokenise("بمشاركة خمسة وعشرين وزيرا من القارة"), LEX)
    assert m.captures["n"][2] == 25
    assert matches(pat, tokenise("في دورته الخامسة والعشرين دولة المقر"), LEX) == []


def test_patterns_never_cross_a_sentence():
    toks = with_mentions("استضافت المدينة اجتماعا. ألمانيا", [("ألمانيا", "state")])
    assert matches([{"LEX": "host_verb"}, {"ANY": True, "OP": "*"}, {"ENT": "state"}], toks, LEX) == []


def test_bad_patterns_are_named():
    with pytest.raises(PatternError, match="rule x.y"):
        check([{"LEX": "no_such_class"}], "rule x.y", LEX)
    with pytest.raises(PatternError, match="unknown key"):
        check([{"WORD": "في"}], "rule x.y", LEX)


def test_registry_refuses_two_rules_with_one_id():
    reg = Registry()
    reg.add(Rule("event.a", ("hostedBy",), 0.8, ("host_verb",), "a"))
    with pytest.raises(ValueError, match="twice"):
        reg.add(Rule("event.a", ("chairedBy",), 0.8, ("chair_verb",), "b"))
    with pytest.raises(ValueError):
        Rule("event.b", (), 1.5, (), "bad confidence")


def test_every_rule_is_registered_with_a_confidence():
    rules = all_rules()
    assert "event.host-written" in rules and "event.count" in rules and "event.written-meeting" in rules
    assert all(0 < conf <= 1 for _, conf in rules.values())


def test_the_class_hierarchy_comes_from_the_ontology():
    from graph_builder.facts.classes import kinds
    assert kinds("Event") == {"Event", "Meeting", "PlannedMeeting"}
    assert {"UNEntity", "RegionalOrganization", "GovernmentBody"} <= kinds("Organization")
    assert "Initiative" in kinds("Commitment") and "State" not in kinds("Organization")
