"""Hosts written as organisers: ``نظمت الإسكوا، بالشراكة مع المنظمة الدولية للهجرة، اجتماعا تشاوريا إقليميا``,
``نظم المكتب الإقليمي للمنظمة الدولية للهجرة … مؤتمرا إقليميا``. The organisation, body or state a past organising
verb (``host_verb`` entries marked ``weak``: نظم، نظمت) takes for its subject, written right after the verb, hosts
the meeting that is the verb's object.

It gives nothing when the sentence has a hosting verb of its own (``meeting_relations.hosts`` reads that one:
``احتضنت الجزائر … ندوة نظمتها الوزارة``), for partners named after ``بالشراكة مع`` or ``بالتعاون مع`` (they are
not the subject), for a verb with a pronoun (``نظمتها``), a negated or future verb, or a planned meeting (its
organiser is a planned host).
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.tokens import Tokens
from ..text.word_classes import load
from .event_common import Ref
from .event_status import HELD, PLANNED, UNKNOWN, negated
from .meeting_setting import mention_at
from .rules import REGISTRY, Rule, register

RULE_ID = "event.host-organiser"
register(Rule(RULE_ID, ("hostedBy", "plannedHost"), 0.7, ("host_verb", "entity:org", "entity:body", "entity:state"),
              "the organisation right after a past organising verb (نظمت الإسكوا … اجتماعا) hosts the meeting that is "
              "its object, when no hosting verb is written", "events"))
SUBJECT_GAP = 3              # words before the subject's name (نظم المكتب الإقليمي للمنظمة …)
OBJECT_WINDOW = 30           # tokens from the verb to the meeting it organised (partners and an aside between)
_KINDS = ("org", "body", "state")
# a convening verb (عقدت، تعقد) hosts with an organisation or a body for its subject, not a state (عقدت مصر
# والمغرب اجتماعا: the two states met)
_CONVENORS = ("org", "body")
# the gatherings an organisation convenes as their host (تعقد منظمة العمل العربية ندوة، تعقد منظمة العمل الدولية
# المشاورات); a summit or a process's meeting an organ convenes is hosted by the state or city that receives it
_CONVENED_KINDS = ("workshop", "seminar", "consultation")
CONVENED = (HELD, UNKNOWN)   # statuses of a meeting a present organising verb hosts (not a planned one)


def organisers(src, toks: Tokens, refs: list[Ref], s: int, e: int):
    lex = load()
    lo, hi = toks.token_range(s, e)
    verbs = lex.find(toks, "host_verb", lo, hi)
    if not refs or any(not v.feature("weak") for v in verbs):
        return
    convening = [v for v in lex.find(toks, "held_verb", lo, hi) if v.feature("convene")]
    for vm in sorted(verbs + convening, key=lambda v: v.i):
        if vm.reading.enc or vm.future or vm.feature("tense") not in ("past", "present") or negated(toks, vm.i):
            continue
        subject = None
        for k in range(vm.j, min(hi, vm.j + SUBJECT_GAP)):
            if toks.tokens[k].kind == "punct":
                break
            subject = mention_at(toks, k, _KINDS if vm.cls == "host_verb" else _CONVENORS)
            if subject is not None:
                break
        if subject is None:
            continue
        end = toks.index_at(subject.end - 1) + 1
        hosted = [r for r in refs if end <= toks.index_at(r.start) < min(hi, vm.i + OBJECT_WINDOW)
                  and r.event.kind == "event"]
        if not hosted:
            continue
        ref = hosted[0]
        if vm.cls == "held_verb" and (ref.process is not None or not ref.kind.endswith(_CONVENED_KINDS)):
            continue        # عقدت الجمعية العامة الحوار الرفيع المستوى، عقد الاتحاد الأوروبي قمة: the organ convenes, another hosts
        if vm.feature("tense") == "present" and ref.status not in CONVENED:
            continue        # تنظم المنظمة … ورشة عمل: the present organises only a meeting read as taking place
        pred = "plannedHost" if getattr(ref, "status", "") == PLANNED else "hostedBy"
        yield Fact(ref.event, pred, subject.entity, src, RULE_ID, REGISTRY.confidence(RULE_ID))
