"""Hosts written as organisers: ``نظمت الإسكوا، بالشراكة مع المنظمة الدولية للهجرة، اجتماعا تشاوريا إقليميا``,
``نظم المكتب الإقليمي للمنظمة الدولية للهجرة … مؤتمرا إقليميا``. The organisation, body or state a past organising
verb (``host_verb`` entries marked ``weak``: نظم، نظمت) takes for its subject, written right after the verb, hosts
the meeting that is the verb's object; so does the organisation a relative organising verb names right after the
meeting (``ورشة العمل التي تنظمها جامعة الدول العربية``, ``meeting_setting.organiser_after``).

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

Organisers written after the meeting (rule ``event.organised-by``): a relative organising verb with the
meeting's pronoun (``الندوة … التي نظمتها X بالشراكة مع Y``, ``المنتدى الذي تنظمه X بالتعاون مع Y``) and the
nouns of class ``organised_by`` (``بتنظيم مشترك بين X وY``, ``من تنظيم X``, ``وينظم الحدث تحت مظلة كل من X وY``):
the first actor hosts the meeting named before it in the sentence when no hosting verb is written, the others
take part; ``بتنظيم مشترك مع Y`` after an organiser makes Y a partner only. Not a planned meeting's.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.tokens import Tokens
from ..text.word_classes import load
from .event_common import Ref
from .event_status import HELD, PLANNED, UNKNOWN, negated
from .meeting_setting import mention_at, organiser_after
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
AFTER_RULE = "event.organised-by"
register(Rule(AFTER_RULE, ("hostedBy", "participatesIn"), 0.7, ("host_verb", "organised_by", "organise_partner",
                                                               "entity:org", "entity:body", "entity:state"),
              "organisers written after the meeting: a relative organising verb with its pronoun (التي نظمتها X بالشراكة "
              "مع Y) or ORGANISED_BY (بتنظيم مشترك بين X وY، من تنظيم X، تحت مظلة كل من X وY): the first hosts when no "
              "hosting verb is written, the others take part; not a planned meeting", "events"))
BACK_REACH = 14              # tokens from the end of the meeting's phrase to the organiser words after it
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
    yield from _relative_organisers(src, toks, refs, lo, hi)
    for vm in sorted(verbs + convening, key=lambda v: v.i):
        if vm.reading.enc or vm.future or vm.feature("tense") not in ("past", "present") or negated(toks, vm.i):
            continue            # a relative verb with the meeting's pronoun: _relative_organisers
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
            yield from _taking_part(src, ref, partners, (subject.entity,))


def _relative_organisers(src, toks: Tokens, refs: list[Ref], lo: int, hi: int):
    """``ورشة العمل التي تنظمها جامعة الدول العربية``، ``الندوة التي نظمها المعهد``: the organisation a relative
    organising verb names right after the meeting hosts it (a planned meeting: its planned host); a present verb
    only a meeting read as taking place."""
    for ref in refs:
        if ref.event.kind != "event" or not lo <= toks.index_at(ref.start) < hi:
            continue
        m = organiser_after(toks, toks.index_at(ref.end - 1) + 1, hi, lo)
        if m is None:
            continue
        verb = load().match_at(toks, toks.index_at(m.start) - 1, ("host_verb",))
        if verb and verb[0].feature("tense") == "present" and ref.status not in CONVENED:
            continue
        pred = "plannedHost" if ref.status == PLANNED else "hostedBy"
        yield Fact(ref.event, pred, m.entity, src, RULE_ID, REGISTRY.confidence(RULE_ID))


def co_organisers(src, toks: Tokens, refs: list[Ref], s: int, e: int, hosts: dict | None = None):
    """``تشترك X، وY، وZ في تنظيم MEETING``: each subject of the verb of sharing takes part in the meeting, but for
    the meeting's hosts in the sentence (``hosts``: event key → its hosts' entities): a co-host hosts, it does not
    also take part."""
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
        yield from _taking_part(src, ref, actors, (hosts or {}).get(ref.event.key, ()))


def _organising_noun(lex, toks: Tokens, k: int) -> bool:
    m = lex.is_a(toks, k, "host_verb")
    return m is not None and m.feature("tense") == "noun" and not m.reading.pro


def _taking_part(src, ref: Ref, actors: list, hosts):
    """``participatesIn`` of each actor in the meeting, but for its ``hosts`` and its own process."""
    if ref.status == PLANNED:
        return
    seen = {h.key for h in hosts}
    for actor in actors:
        if actor.key not in seen and actor != ref.process:
            seen.add(actor.key)
            yield Fact(actor, "participatesIn", ref.event, src, CO_RULE, REGISTRY.confidence(CO_RULE))


def hosts_of(facts) -> dict:
    """Event key → the entities ``facts`` say host it (``hostedBy``): what :func:`co_organisers` leaves out."""
    out: dict = {}
    for f in facts:
        if f.predicate == "hostedBy":
            out.setdefault(f.subject.key, []).append(f.object)
    return out


def _joined_actors(toks: Tokens, k: int, stop: int) -> list:
    """The mentions of actors in tokens [k, stop) joined to the one before ``k``: after و, a comma or a partner word. Another word
    between breaks the link until the next و, comma or partner word (المكتب الإقليمي للمنظمة … للشرق الأوسط وجامعة
    الدول العربية: the region's name is no actor, the League after و is); a comma followed by a word that is no
    actor ends the list (another clause follows)."""
    lex = load()
    out, linked, comma = [], False, False
    while k < stop:
        t = toks.tokens[k]
        marker = lex.is_a(toks, k, "organise_partner")
        if marker is not None:
            k, linked, comma = marker.j, True, False
            continue
        if t.norm in (",", "و"):
            k, linked, comma = k + 1, True, comma or t.norm == ","
            continue
        m = mention_at(toks, k, _KINDS)
        if m is not None and t.norm.startswith("و") and m.start == t.start + 1:
            linked = True            # وجامعة الدول العربية: the conjunction is the name's proclitic
        if m is not None and linked:
            out.append(m)
            k, linked, comma = toks.index_at(m.end - 1) + 1, False, False
            continue
        if t.kind == "punct" and t.norm in (".", ";", ":"):
            break
        if comma:
            break                    # a comma, then a word that is no actor: another clause (، على أن تشارك … والمغرب)
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


def organised_after(src, toks: Tokens, refs: list[Ref], s: int, e: int, hosts: dict | None = None):
    """Rule ``event.organised-by``: organisers written after the meeting, by a relative verb with the meeting's
    pronoun or by an ``organised_by`` noun; the meeting's hosts in the sentence (``hosts``, as for
    :func:`co_organisers`) host it and do not also take part."""
    if not refs:
        return
    lex = load()
    lo, hi = toks.token_range(s, e)
    hosting = any(not v.feature("weak") for v in lex.find(toks, "host_verb", lo, hi))
    for vm in lex.find(toks, ("host_verb", "organised_by"), lo, hi):
        if vm.cls == "host_verb" and not (vm.feature("weak") and vm.reading.enc and vm.feature("tense") in ("past", "present")):
            continue                 # only نظمتها / تنظمه: the pronoun is the meeting named before
        if vm.future or negated(toks, vm.i):
            continue
        ref = _meeting_before(toks, refs, vm.i, lo)
        if ref is None or ref.status == PLANNED:
            continue
        k = vm.j
        if k + 1 < hi and toks.tokens[k].norm == "كل" and toks.tokens[k + 1].norm == "من":
            k += 2                   # تحت مظلة كل من X وY
        first = mention_at(toks, k, _KINDS) if k < hi else None
        if first is None:
            continue
        actors = [first.entity] + [m.entity for m in _joined_actors(toks, toks.index_at(first.end - 1) + 1, hi)]
        host = None
        if not hosting and not vm.feature("with"):
            host = actors[0]
            yield Fact(ref.event, "hostedBy", host, src, AFTER_RULE, REGISTRY.confidence(AFTER_RULE))
        hosted = {h.key for h in (hosts or {}).get(ref.event.key, ())}
        for actor in actors:
            if actor != host and actor != ref.process and actor.key not in hosted:
                yield Fact(actor, "participatesIn", ref.event, src, AFTER_RULE, REGISTRY.confidence(AFTER_RULE))


def _meeting_before(toks: Tokens, refs: list[Ref], i: int, lo: int) -> Ref | None:
    """The meeting whose phrase ends nearest before token ``i`` (within ``BACK_REACH`` tokens), with no full stop
    or semicolon between."""
    best = None
    for r in refs:
        end = toks.index_at(r.end - 1) + 1
        if lo <= toks.index_at(r.start) and end <= i and i - end <= BACK_REACH and r.event.kind == "event" \
                and not any(toks.tokens[n].norm in (".", ";") for n in range(end, i)):
            if best is None or end > toks.index_at(best.end - 1) + 1:
                best = r
    return best
