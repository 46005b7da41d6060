"""Hosts written as organisers: ``نظمت الإسكوا، بالشراكة مع المنظمة الدولية للهجرة، اجتماعا تشاوريا إقليميا``,
``نظم المكتب الإقليمي للمنظمة الدولية للهجرة … مؤتمرا إقليميا``. The organisation, body or state a past organising
verb (``host_verb`` entries marked ``weak``: نظم، نظمت) takes for its subject, written right after the verb, hosts
the meeting that is the verb's object.

It gives nothing when the sentence has a hosting verb of its own (``meeting_relations.hosts`` reads that one:
``احتضنت الجزائر … ندوة نظمتها الوزارة``), for partners named after ``بالشراكة مع`` or ``بالتعاون مع`` (they are
not the subject), for a verb with a pronoun (``نظمتها``), a negated or future verb, or a planned meeting (its
organiser is a planned host).

An organising verb with a pronoun in a relative clause on a meeting (``ورشة العمل التي تنظمها جامعة الدول العربية``,
``الندوة التي نظمتها المنظمة الدولية للهجرة``) makes the organisation or body right after it the meeting's host (rule
``event.host-relative-organiser``).

Co-organisers take part in the meeting they organise (rule ``event.co-organiser``, ``participatesIn``): the
actors joined to the organiser by و or a comma, or named after a partner word (``organise_partner``:
بالشراكة مع، بالتعاون مع، بالتنسيق مع) between the organiser and the meeting or right after the meeting; and
the subjects of a verb of sharing (``co_organise_verb``) before ``في تنظيم MEETING`` (``تشترك X وY في تنظيم
المؤتمر``). A planned meeting has no participants yet, and a partnership that governs no meeting (``وقعت X
بالشراكة مع Y اتفاقا``) gives nothing.
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
CO_RULE = "event.co-organiser"
register(Rule(CO_RULE, ("participatesIn",), 0.7, ("host_verb", "organise_partner", "co_organise_verb", "entity:org",
                                                  "entity:body", "entity:state"),
              "the actors joined to a meeting's organiser (نظم X وY مؤتمرا، نظمت X، بالشراكة مع Y، اجتماعا) or sharing "
              "in organising it (تشترك X وY في تنظيم المؤتمر) take part in it; not in a planned meeting", "events"))
SUBJECT_GAP = 3              # words before the subject's name (نظم المكتب الإقليمي للمنظمة …)
PARTNER_REACH = 16           # tokens from the meeting's name to a partner word after its phrase (theme, place, date)
OBJECT_WINDOW = 30           # tokens from the verb to the meeting it organised (partners and an aside between)
_KINDS = ("org", "body", "state")
# a convening verb (عقدت، تعقد) hosts with an organisation or a body for its subject, not a state (عقدت مصر
# والمغرب اجتماعا: the two states met)
_CONVENORS = ("org", "body")
# the gatherings an organisation convenes as their host (تعقد منظمة العمل العربية ندوة، تعقد منظمة العمل الدولية
# المشاورات); a summit or a process's meeting an organ convenes is hosted by the state or city that receives it
_CONVENED_KINDS = ("workshop", "seminar", "consultation", "expert-meeting", "dialogue")
CONVENED = (HELD, UNKNOWN)   # statuses of a meeting a present organising verb hosts (not a planned one)


def organisers(src, toks: Tokens, refs: list[Ref], s: int, e: int):
    lex = load()
    lo, hi = toks.token_range(s, e)
    verbs = lex.find(toks, "host_verb", lo, hi)
    if not refs or any(not v.feature("weak") for v in verbs):
        return
    convening = [v for v in lex.find(toks, "held_verb", lo, hi) if v.feature("convene")]
    for vm in sorted(verbs + convening, key=lambda v: v.i):
        if vm.future or vm.feature("tense") not in ("past", "present") or negated(toks, vm.i):
            continue
        if vm.reading.enc:
            yield from _relative_organiser(src, toks, refs, vm, lo, hi)
            continue
        subject = None
        for k in range(vm.j, min(hi, vm.j + SUBJECT_GAP)):
            if toks.tokens[k].kind == "punct" or lex.is_a(toks, k, "organise_partner") is not None:
                break            # نظمت بالتعاون مع X حملة: X is a partner, not the subject
            subject = mention_at(toks, k, _KINDS if vm.cls == "host_verb" else _CONVENORS)
            if subject is not None:
                break
        if subject is None:
            continue
        end = toks.index_at(subject.end - 1) + 1
        joined = _joined_actors(toks, end, min(hi, vm.i + OBJECT_WINDOW))
        # the object may come after the partners and an aside about them: the window runs from the list's end
        reach = max([vm.i] + [toks.index_at(m.start) for m in joined]) + OBJECT_WINDOW
        hosted = [r for r in refs if end <= toks.index_at(r.start) < min(hi, reach) and r.event.kind == "event"]
        if not hosted:
            continue
        ref = hosted[0]
        if vm.cls == "held_verb" and (ref.process is not None or not ref.kind.endswith(_CONVENED_KINDS)):
            continue        # عقدت الجمعية العامة الحوار الرفيع المستوى، عقد الاتحاد الأوروبي قمة: the organ convenes, another hosts
        if vm.feature("tense") == "present" and ref.status not in CONVENED:
            continue        # تنظم المنظمة … ورشة عمل: the present organises only a meeting read as taking place
        pred = "plannedHost" if getattr(ref, "status", "") == PLANNED else "hostedBy"
        yield Fact(ref.event, pred, subject.entity, src, RULE_ID, REGISTRY.confidence(RULE_ID))
        if pred == "hostedBy":
            partners = [m.entity for m in joined if m.end <= ref.start] + _partners_after(toks, ref, hi)
            yield from _taking_part(src, ref, partners, subject.entity)


RELATIVE_ID = "event.host-relative-organiser"
register(Rule(RELATIVE_ID, ("hostedBy",), 0.7, ("host_verb", "held_verb", "entity:org", "entity:body"),
              "the organisation after an organising verb with a pronoun in a relative clause on a meeting (ورشة العمل "
              "التي تنظمها جامعة الدول العربية، الندوة التي نظمتها المنظمة الدولية للهجرة) hosts that meeting", "events"))
_RELATIVE = frozenset({"التي", "الذي", "والتي", "والذي"})
RELATIVE_GAP = 2             # tokens between a meeting's name and the relative pronoun (a qualifier the phrase left)


def _relative_organiser(src, toks: Tokens, refs: list[Ref], vm, lo: int, hi: int):
    """``ورشة العمل التي تنظمها جامعة الدول العربية``: an organising verb whose pronoun takes up the meeting named right
    before its relative pronoun; the organisation or body right after the verb hosts it (a state does not: الندوة التي
    نظمتها مصر is read by the hosting rules). Not a planned meeting, not a partner (بالتعاون مع X)."""
    if vm.reading.enc not in ("ه", "ها") or vm.i - 1 < lo or toks.tokens[vm.i - 1].norm not in _RELATIVE:
        return
    rel = vm.i - 1
    ref = next((r for r in refs if r.event.kind == "event" and toks.index_at(max(r.start, r.end - 1)) < rel
                and rel - toks.index_at(max(r.start, r.end - 1)) <= RELATIVE_GAP), None)
    if ref is None or ref.status == PLANNED:
        return
    if vm.cls == "held_verb" and (ref.process is not None or not ref.kind.endswith(_CONVENED_KINDS)):
        return              # القمة التي عقدها الاتحاد الأفريقي: the organ convenes, another hosts
    lex = load()
    for k in range(vm.j, min(hi, vm.j + SUBJECT_GAP)):
        if toks.tokens[k].kind == "punct" or lex.is_a(toks, k, "organise_partner") is not None:
            return
        subject = mention_at(toks, k, _CONVENORS)
        if subject is not None:
            yield Fact(ref.event, "hostedBy", subject.entity, src, RELATIVE_ID, REGISTRY.confidence(RELATIVE_ID))
            return


def co_organisers(src, toks: Tokens, refs: list[Ref], s: int, e: int):
    """``تشترك X، وY، وZ في تنظيم MEETING``: each subject of the verb of sharing takes part in the meeting."""
    if not refs:
        return
    lex = load()
    lo, hi = toks.token_range(s, e)
    for vm in lex.find(toks, "co_organise_verb", lo, hi):
        if vm.reading.enc or vm.future or negated(toks, vm.i):
            continue
        subject = next((m for k in range(vm.j, min(hi, vm.j + SUBJECT_GAP)) if (m := mention_at(toks, k, _KINDS))), None)
        if subject is None:
            continue
        end = toks.index_at(subject.end - 1) + 1
        at = next((k for k in range(end, min(hi - 1, vm.i + OBJECT_WINDOW)) if toks.tokens[k].norm == "في"
                   and _organising_noun(lex, toks, k + 1)), None)
        if at is None:
            continue
        noun = lex.is_a(toks, at + 1, "host_verb")
        ref = next((r for r in refs if noun.j <= toks.index_at(r.start) < noun.j + 2 and r.event.kind == "event"), None)
        if ref is None or ref.status == PLANNED:
            continue
        actors = [subject.entity] + [m.entity for m in _joined_actors(toks, end, at)] + _partners_after(toks, ref, hi)
        yield from _taking_part(src, ref, actors, None)


def _organising_noun(lex, toks: Tokens, k: int) -> bool:
    m = lex.is_a(toks, k, "host_verb")
    return m is not None and m.feature("tense") == "noun" and not m.reading.pro


def _taking_part(src, ref: Ref, actors: list, host):
    if ref.status == PLANNED:
        return
    seen = {host}
    for actor in actors:
        if actor not in seen and actor != ref.process:
            seen.add(actor)
            yield Fact(actor, "participatesIn", ref.event, src, CO_RULE, REGISTRY.confidence(CO_RULE))


def _joined_actors(toks: Tokens, k: int, stop: int) -> list:
    """The mentions of actors in tokens [k, stop) joined to the one before ``k``: after و, a comma or a partner word. Another word
    between breaks the link until the next و, comma or partner word (المكتب الإقليمي للمنظمة … للشرق الأوسط وجامعة
    الدول العربية: the region's name is no actor, the League after و is)."""
    lex = load()
    out, linked = [], False
    while k < stop:
        t = toks.tokens[k]
        marker = lex.is_a(toks, k, "organise_partner")
        if marker is not None:
            k, linked = marker.j, True
            continue
        if t.norm in (",", "و"):
            k, linked = k + 1, True
            continue
        m = mention_at(toks, k, _KINDS)
        if m is not None and t.norm.startswith("و") and m.start == t.start + 1:
            linked = True            # وجامعة الدول العربية: the conjunction is the name's proclitic
        if m is not None and linked:
            out.append(m)
            k, linked = toks.index_at(m.end - 1) + 1, False
            continue
        if t.kind == "punct" and t.norm in (".", ";", ":"):
            break
        k, linked = k + 1, t.kind == "punct" and t.norm in ("(", ")") and linked
    return out


def _partners_after(toks: Tokens, ref: Ref, hi: int) -> list:
    """The actors after a partner word written right after the meeting or after the first comma that ends its
    phrase (``ورشة عمل حول … في بيروت يوم …، بالتعاون مع X وY``)."""
    lex = load()
    k = toks.index_at(ref.end - 1) + 1
    reach = min(hi, k + PARTNER_REACH)
    while k < reach and toks.tokens[k].norm not in (",", ".", ";", ":") and lex.is_a(toks, k, "organise_partner") is None:
        k += 1
    if k < reach and toks.tokens[k].norm == ",":
        k += 1
    marker = lex.is_a(toks, k, "organise_partner") if k < reach else None
    if marker is None:
        return []
    first = mention_at(toks, marker.j, _KINDS)
    if first is None:
        return []
    return [m.entity for m in [first] + _joined_actors(toks, toks.index_at(first.end - 1) + 1, hi)]
