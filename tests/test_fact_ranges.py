"""Every family's facts leave it only within their predicates' domains and ranges, read from the ontology
(``graph_builder/facts/ranges.py``, run by ``FactContext.family_facts``): a state is never a meeting's location,
whichever rule reads it, and the dropped fact's rule is logged. Sentences written for these tests."""
from __future__ import annotations

import logging

import pytest

from gold_facts import facts_of_text, key_of
from graph_builder.facts import classes, events, ranges
from graph_builder.recognise.findings import Entity, Fact, Value
from graph_builder.text.model import Paragraph


def triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def _ranges_log(caplog):
    return [r.getMessage() for r in caplog.records if r.name == ranges.LOG.name]


def test_a_state_in_a_held_clause_is_no_location_and_its_rule_is_named(caplog):
    """Body sentence (Maghrebi press register): ``، الذي عقد في المغرب`` keys the meeting but gives no location."""
    caplog.set_level(logging.WARNING, logger=ranges.LOG.name)
    got = triples(facts_of_text(events, "وحضر الوزير الاجتماع الوزاري لمسار الرباط، الذي عقد في المغرب عام 2006."))
    assert ("event/rabat-process-2006", "partOf", "process/rabat-process") in got
    assert not [t for t in got if t[1] == "location"]
    assert any("event.written-location" in m and "state/MAR" in m for m in _ranges_log(caplog))


def test_a_state_in_a_headlines_held_participle_is_no_location_either(caplog):
    """Headline register, another rule (the title's meeting taken up by the body): the same check drops it."""
    caplog.set_level(logging.WARNING, logger=ranges.LOG.name)
    got = triples(facts_of_text(events, "وشارك في المؤتمر وزراء من عشرين دولة.", date="2031-05-06",
                                title="اختتام أعمال المؤتمر الوزاري الخامس لعملية الخرطوم المنعقد في المغرب"))
    assert ("event/khartoum-process-meeting-5", "partOf", "process/khartoum-process") in got
    assert not [t for t in got if t[1] == "location"]
    assert any("event.title-meeting" in m and "state/MAR" in m for m in _ranges_log(caplog))


@pytest.mark.parametrize("text, title, meeting", [
    ("وحضر الوزير الاجتماع الوزاري لمسار الرباط، الذي عقد في الرباط عام 2006.", "", "event/rabat-process-2006"),
    ("وشارك في المؤتمر وزراء من عشرين دولة.", "اختتام أعمال المؤتمر الوزاري الخامس لعملية الخرطوم المنعقد في القاهرة",
     "event/khartoum-process-meeting-5"),
])
def test_a_city_in_the_same_constructions_is_the_location(text, title, meeting, caplog):
    caplog.set_level(logging.WARNING, logger=ranges.LOG.name)
    got = triples(facts_of_text(events, text, title=title, date="2031-05-06"))
    assert [o for s, p, o in got if s == meeting and p == "location"] in (["place/rabat"], ["place/cairo"])
    assert not _ranges_log(caplog)


_MEETING = Entity("event", "m-2031", "Meeting")
_STATE = Entity("state", "MAR", "State")
_CITY = Entity("place", "rabat", "Place")
_PROCESS = Entity("process", "rabat-process", "RegionalConsultativeProcess")
_DECLARATION = Entity("commitment", "d", "Declaration")
_EVIDENCE = Paragraph(number=1, text="-", order=1, line=1)


@pytest.mark.parametrize("subject, predicate, obj, broken", [
    (_MEETING, "location", _STATE, "range"),           # Actor and Place are disjoint
    (_MEETING, "location", _CITY, None),
    (_MEETING, "hostedBy", _CITY, "range"),            # a city hosts nothing: its state does
    (_MEETING, "hostedBy", _STATE, None),
    (_CITY, "location", _CITY, "domain"),              # only an event has a location
    (_STATE, "participatesIn", _MEETING, None),
    (_DECLARATION, "adoptedBy", _PROCESS, None),       # a process whose meeting adopted it (Actor ∪ Process)
    (_DECLARATION, "adoptedBy", _CITY, "range"),
    (_MEETING, "year", Value("2031", "gYear"), None),  # a literal is the shapes' to check
    (_MEETING, "mdkg-unknown-predicate", _STATE, None),
])
def test_the_ontologys_domains_and_ranges(subject, predicate, obj, broken):
    assert ranges.breach(Fact(subject, predicate, obj, _EVIDENCE, "r")) == broken


@pytest.fixture
def other_ontology(tmp_path, monkeypatch):
    """An ontology whose location ranges over actors (a class under a class under it): the check follows the file."""
    ttl = tmp_path / "o.ttl"
    ttl.write_text("@prefix mdkg: <https://w3id.org/mdkg/ontology#> .\n"
                   "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                   "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                   "mdkg:State rdfs:subClassOf mdkg:Actor . mdkg:Meeting rdfs:subClassOf mdkg:Event .\n"
                   "mdkg:location rdfs:domain mdkg:Event ; rdfs:range [ a owl:Class ; owl:unionOf ( mdkg:Actor ) ] .\n",
                   encoding="utf-8")
    caches = (ranges.signatures, classes._children, classes.kinds)
    for c in caches:
        c.cache_clear()
    monkeypatch.setattr(ranges, "ontology_file", lambda *a: ttl)
    monkeypatch.setattr(classes, "ontology_file", lambda *a: ttl)
    yield
    for c in caches:
        c.cache_clear()


def test_the_check_reads_the_ontology_file_not_a_list(other_ontology):
    assert ranges.breach(Fact(_MEETING, "location", _STATE, _EVIDENCE, "r")) is None
    assert ranges.breach(Fact(_MEETING, "location", _CITY, _EVIDENCE, "r")) == "range"
    assert ranges.breach(Fact(_MEETING, "hostedBy", _CITY, _EVIDENCE, "r")) is None     # no range declared


def test_admitted_keeps_the_order_and_logs_each_dropped_rule(caplog):
    caplog.set_level(logging.WARNING, logger=ranges.LOG.name)
    facts = [Fact(_MEETING, "location", _CITY, _EVIDENCE, "rule.a"), Fact(_MEETING, "location", _STATE, _EVIDENCE, "rule.b"),
             Fact(_MEETING, "hostedBy", _STATE, _EVIDENCE, "rule.c"), Fact(_MEETING, "hostedBy", _CITY, _EVIDENCE, "rule.d")]
    assert [f.rule for f in ranges.admitted(facts, "events")] == ["rule.a", "rule.c"]
    log = _ranges_log(caplog)
    assert len(log) == 2 and "rule.b" in log[0] and "rule.d" in log[1] and log[0].startswith("events:")
