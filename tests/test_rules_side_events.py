"""Side events held on the margins of a process's meeting (rule event.side-event, ``facts/side_events.py``), their
co-hosts written as taking part together in hosting (``meeting_relations._sharing_hosts``) and the purpose of the
side event (``topic_purpose._on_its_margins``), on sentences written for these tests in several institutional
registers, with the negatives: the verb حدث ("happened"), a side event with no frame, several side events named
together, a planned one, a participation that is no hosting."""
from __future__ import annotations

import pytest

from gold_facts import facts_of_text, key_of
from graph_builder.facts import events, topics


def _triples(facts):
    return {(key_of(f.subject), f.predicate, key_of(f.object)) for f in facts}


def _sides(facts):
    return {key_of(f.subject) for f in facts if f.rule == "event.side-event" and "side-event" in f.subject.slug}


@pytest.mark.parametrize("text, frame, hosts", [
    # ILO news: two organisations take part together in hosting an event on the margins of the dialogue, in quotes
    # (the United Nations after the Office, with ب, is its parent, not a third co-host)
    ("نيويورك – تشارك منظمة العمل الدولية مع مفوضية الأمم المتحدة السامية لحقوق الإنسان بالأمم المتحدة في استضافة "
     "حدث على هامش "
     "\"الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية\" بهدف التعريف بأوضاع العمال المنزليين المهاجرين.",
     "event/hld-2031", {"org/ilo", "org/ohchr"}),
    # agency press: an organisation organised a side event on the margins of the Forum's proceedings
    ("ونظمت المنظمة الدولية للهجرة حدثا جانبيا على هامش أعمال المنتدى العالمي للهجرة والتنمية يوم 3 ديسمبر 2031.",
     "event/gfmd-2031", {"org/iom"}),
    # UN style: a side event hosted by a state, the frame with no quotes
    ("استضافت المغرب فعالية جانبية على هامش المنتدى العالمي للهجرة والتنمية لعرض تجربتها في إدماج المهاجرين.",
     "event/gfmd-2031", {"state/MAR"}),
])
def test_a_side_event_is_a_part_of_the_frames_meeting(text, frame, hosts):
    facts = facts_of_text(events, text, date="2031-12-03")
    t = _triples(facts)
    sides = _sides(facts)
    assert len(sides) == 1
    side = sides.pop()
    assert side.startswith(frame + "-side-event")
    assert (side, "partOf", frame) in t
    assert (frame, "partOf", "process/" + frame.split("/")[1].rsplit("-", 1)[0]) in t    # the frame is reported too
    assert {o for s, p, o in t if s == side and p == "hostedBy"} == hosts
    assert not {s for s, p, o in t if p == "participatesIn" and o == side} & hosts    # co-hosts do not "take part"


@pytest.mark.parametrize("text", [
    "وقد حدث على هامش المنتدى العالمي للهجرة والتنمية خلاف بين الوفدين.",        # the verb: it happened
    "ونظمت المنظمة الدولية للهجرة حدثا جانبيا حول العمال المهاجرين في جنيف.",       # no frame named
    "وجرى حدثان جانبيان على هامش المنتدى العالمي للهجرة والتنمية.",                 # two events named together
])
def test_no_side_event_read(text):
    assert not _sides(facts_of_text(events, text, date="2031-12-03"))


def test_a_planned_side_event_is_planned():
    facts = facts_of_text(events, "وستنظم المنظمة الدولية للهجرة حدثا جانبيا على هامش المنتدى العالمي للهجرة والتنمية "
                                  "في ديسمبر المقبل.", date="2031-10-01")
    assert all(f.subject.cls == "PlannedMeeting" for f in facts if "side-event" in f.subject.slug)


def test_taking_part_in_a_meeting_is_not_hosting():
    facts = facts_of_text(events, "شاركت منظمة العمل الدولية في القمة الحادية عشرة للمنتدى العالمي للهجرة والتنمية "
                                  "في مراكش يومي 3 و4 ديسمبر 2031.", date="2031-12-03")
    t = _triples(facts)
    assert ("org/ilo", "participatesIn", "event/gfmd-2031") in t
    assert not any(p == "hostedBy" for _, p, _ in t)


def test_the_purpose_after_the_frame_is_the_side_events():
    text = ("تشارك منظمة العمل الدولية مع مفوضية الأمم المتحدة السامية لحقوق الإنسان في استضافة حدث على هامش "
            "\"الحوار الرفيع المستوى بشأن الهجرة الدولية والتنمية\" بهدف التعريف بأوضاع العمال المنزليين المهاجرين.")
    t = _triples(facts_of_text(topics, text, date="2031-12-03"))
    about = {s for s, p, o in t if p == "addresses" and o == "topic/care-workers"}
    assert about and all("side-event" in s for s in about)
    assert ("process/hld", "addresses", "topic/care-workers") not in t
