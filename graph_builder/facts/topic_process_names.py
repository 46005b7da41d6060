"""Topics a process's own name states, as this text writes it:

* ``topics.process-name``: a process named here with the words of its subject (``عملية بالي بشأن تهريب الأشخاص
  والاتجار بهم والجرائم عبر الوطنية ذات الصلة``، ``العملية التشاورية العربية للهجرة واللجوء``، ``المنتدى العالمي
  للاجئين``) addresses the topics its written name holds. Its meetings do not inherit them: a meeting addresses
  what its own agenda says (``topic_agenda.py``), not the whole of its process's subject.

A short form (``عملية بالي``، ``المنتدى العالمي``) says nothing, and the gazetteer's other names are not read: only
what this text writes. The topics are found by a matcher of topic names alone (the process's own mention hides
them from the document's matcher). It mints nothing and reads no verb.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from .rules import REGISTRY, register_once
from .topic_structure import _topic_matcher

RULE = "topics.process-name"
register_once(RULE, ("addresses",), 0.8, ("entity:process", "entity:topic"),
              "PROCESS written with its subject's words (عملية بالي بشأن تهريب الأشخاص …، العملية التشاورية العربية "
              "للهجرة واللجوء): the process addresses the topics of its written name",
              "topics")


def extract(ctx) -> list[Fact]:
    matcher = None
    named: dict = {}                           # process key → (process, {topic: evidence})
    for m in ctx.mentions:
        if m.entity.kind != "process" or len(m.surface.split()) < 2:
            continue
        matcher = matcher or _topic_matcher(ctx.gazetteer)
        if matcher is None:
            return []
        for hit in matcher.find(m.surface):
            if hit.entity.kind == "topic":
                named.setdefault(m.entity.key, (m.entity, {}))[1].setdefault(hit.entity, m.source)
    conf = REGISTRY.confidence(RULE)
    return [Fact(p, "addresses", t, src, RULE, conf) for p, topics in named.values() for t, src in topics.items()]
