"""Topics a meeting's quoted theme names:

* ``topics.meeting-theme``: a meeting the event rules gave a theme (``ورشة عمل فنية إقليمية في اسطنبول بعنوان "الكرامة
  والحقوق والعمل المنزلي في الدول العربية"``، ``ندوة تحت عنوان «هجرة وتنقل العمالة العربية …»``، ``لقاء تشاوري تحت شعار
  "…"``) addresses the topics the theme's words name. The theme is what the event rules read (rule ``event.theme``:
  a quote right after a theme cue, a paper's or a resolution's title left out), so the cue, the quote and which
  meeting it belongs to are theirs; this module only reads the topics inside it.

Not read: a meeting of a process (``partOf`` a process, or part of such a meeting: the Forum's summit ``تحت شعار
…``), whose theme is the title of one year of a standing forum, not a list of what it worked on (the keys judge those
meetings by their agenda); a session's heading (``event.session-theme``, read by ``topic_sessions.py``). The topics
are found by a matcher of topic names alone (an instrument named in the theme does not hide them). It mints nothing
and reads no verb.
"""
from __future__ import annotations

from ..recognise.findings import Entity, Fact
from .rules import REGISTRY, register_once
from .topic_structure import _topic_matcher

RULE = "topics.meeting-theme"
register_once(RULE, ("addresses",), 0.75, ("events:theme", "entity:topic"),
              "MEETING … (بعنوان|تحت عنوان|تحت شعار) «THEME»: a meeting of no process addresses the topics its quoted "
              "theme names", "topics")

_MEETING_CLASSES = ("Meeting", "PlannedMeeting", "Event")


def _of_a_process(facts: list) -> set:
    """Keys of the events that are part of a process, or part of an event that is."""
    parent = {f.subject.key: f.object for f in facts
              if f.predicate == "partOf" and isinstance(f.subject, Entity) and isinstance(f.object, Entity)}
    out = set()
    for key in parent:
        seen, node = set(), parent.get(key)
        while node is not None and node.key not in seen:
            if node.kind == "process":
                out.add(key)
                break
            seen.add(node.key)
            node = parent.get(node.key)
    return out


def extract(ctx) -> list[Fact]:
    try:
        from . import events as events_mod     # noqa: PLC0415 (a sibling family, may be absent)
    except ModuleNotFoundError:
        return []
    facts = ctx.family_facts(events_mod)
    themes = [f for f in facts if f.rule == "event.theme" and isinstance(f.subject, Entity)
              and f.subject.kind == "event" and f.subject.cls in _MEETING_CLASSES]
    if not themes:
        return []
    matcher = _topic_matcher(ctx.gazetteer)
    if matcher is None:
        return []
    skip = _of_a_process(facts)
    conf = REGISTRY.confidence(RULE)
    out: list[Fact] = []
    for f in themes:
        if f.subject.key in skip:
            continue
        found: list = []
        for hit in matcher.find(f.object.lexical):
            if hit.entity.kind == "topic" and hit.entity not in found:
                found.append(hit.entity)
        out.extend(Fact(f.subject, "addresses", t, f.evidence, RULE, conf) for t in found)
    return out
