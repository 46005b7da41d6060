"""Adoption of a named instrument (a gazetteer commitment: a compact, a declaration, a convention):
who adopted it and when, in the forms a writer uses.

* ``commitment.adopted-relative``: ``NAME (،) الذي/التي تم اعتماده (من قبل|من طرف) ACTOR … في DATE`` /
  ``NAME الذي اعتمدته ACTOR في DATE`` — the actor after the verb (or the agent marker) adopted it;
* ``commitment.adopted-active``: ``ADOPT_VERB ACTOR … NAME`` (``اعتمدت الجمعية العامة إعلان نيويورك``) and
  ``ACTOR (قد) ADOPT_VERB NAME`` (``وكانت الجمعية العامة قد اعتمدت الاتفاق``).

The date is the first date of the clause after the verb (``dateAdopted`` at its precision and
``year``); a date after ``منذ`` or one that belongs to another named instrument is not taken. A
future verb (``سيعتمد``, ``ستتوج باعتماد``), a planned marker before the verb (``من المقرر أن تعتمد``,
``على أن``) or a negation makes it no adoption. The words are lexicon classes (``adopt_verb``,
``agent_marker`` in ``lexicons/classes/relations.toml``; ``planned_marker``, ``negation`` in
``modality.toml``).

It does not mint commitments (``commitments.py`` does for names it reads; the gazetteer names the
instruments), does not find meetings, and knows no document.
"""
from __future__ import annotations

from ..recognise.findings import Fact, Value
from ..text.word_classes import load
from .rules import REGISTRY, Rule, register
from .spans import sentence_bounds, sentence_ends, starting

RELATIVE, ACTIVE, AT_RULE = "commitment.adopted-relative", "commitment.adopted-active", "commitment.adopted-at-meeting"
if AT_RULE not in REGISTRY:
    register(Rule(AT_RULE, ("adoptedAt",), 0.75, ("lex:adopt_verb", "lex:meeting_noun", "events:meeting-of-paragraph",
                                                 "entity:place"),
                  "an adopting clause that says where (في مراكش، خلال المؤتمر) in a paragraph about one held meeting: "
                  "adopted at that meeting", "commitments"))
for _rid, _desc in ((RELATIVE, "NAME الذي تم اعتماده من قبل ACTOR في DATE / NAME الذي اعتمدته ACTOR: adopter and date"),
                    (ACTIVE, "ADOPT_VERB ACTOR … NAME / ACTOR قد ADOPT_VERB NAME: adopter and date")):
    if _rid not in REGISTRY:
        register(Rule(_rid, ("adoptedBy", "dateAdopted", "year"), 0.85,
                      ("lex:adopt_verb", "lex:agent_marker", "lex:planned_marker", "lex:negation",
                       "entity:commitment", "entity:org", "entity:state", "entity:process"), _desc, "commitments"))

ADOPTER_KINDS = frozenset({"org", "state", "process", "body"})
RELATIVES = frozenset({"الذي", "التي", "والذي", "والتي"})
FILLERS = frozenset({"قد", "وقد", "كانت", "وكانت", "كان", "وكان", "رسميا", "بالاجماع", "بالإجماع", "امس"})
PLANNED_WINDOW = 6


def _not_held(toks, lex, verb) -> bool:
    """A future, planned or negated adoption (the text says it is still to come, or did not happen)."""
    if verb.future:
        return True
    lo, _ = sentence_bounds(toks, verb.i)
    start = max(lo, verb.i - PLANNED_WINDOW)
    if lex.find(toks, "planned_marker", start, verb.i) or lex.find(toks, "negation", max(lo, verb.i - 2), verb.i):
        return True
    for k in range(start, verb.i):                 # ستتوج باعتماد، سيشهد اعتماد: a future verb governs the noun
        if any(r.pro.endswith("س") and len(r.stem) > 3 for r in toks.tokens[k].readings()[1:]) \
                and toks.tokens[k].norm.lstrip("و")[:2] in ("سي", "ست"):
            return True
    return False


def _skip(toks, k, hi):
    while k < hi and (toks.tokens[k].norm in FILLERS or toks.tokens[k].kind == "punct" and toks.tokens[k].norm in ",،"):
        k += 1
    return k


def _date(toks, start_tok, hi, text, stop_tok=None):
    """The first date written in tokens [start_tok, hi) that is not after منذ, as a DateMatch."""
    from ..values import find_dates
    if start_tok >= hi:
        return None
    s, e = toks.tokens[start_tok].start, toks.tokens[(stop_tok or hi) - 1].end
    for d in find_dates(text):
        if s <= d.start and d.end <= e and d.year:
            before = text[max(0, d.start - 6):d.start]
            if "منذ" in before:
                continue
            return d
    return None


def _date_facts(ent, d, src, rule, conf):
    if d.precision == "day" and d.start_date:
        lex, dt = d.start_date.isoformat(), "date"
    elif d.precision == "month" and d.month:
        lex, dt = f"{d.year}-{d.month:02d}", "gYearMonth"
    else:
        lex, dt = str(d.year), "gYear"
    yield Fact(ent, "dateAdopted", Value(lex, dt), src, rule, conf)
    yield Fact(ent, "year", Value(str(d.year), "gYear"), src, rule, conf)


def _facts(toks, src, lex, commitment, verb, actor_tok, hi, rule, meeting=None):
    conf = REGISTRY.confidence(rule)
    actor = starting(toks, actor_tok, ADOPTER_KINDS) if actor_tok is not None else None
    if actor is not None and actor.entity.cls not in ("Person",):
        yield Fact(commitment, "adoptedBy", actor.entity, src, rule, conf)
    if meeting is not None and _at_meeting(toks, lex, verb.j, hi, meeting[1]):
        yield Fact(commitment, "adoptedAt", meeting[0], src, AT_RULE, REGISTRY.confidence(AT_RULE))
    nxt_commit = next((k for k in range(verb.j, hi) if starting(toks, k, {"commitment"})
                       and starting(toks, k, {"commitment"}).entity != commitment), None)
    d = _date(toks, verb.j, hi, toks.text, nxt_commit)
    if d is not None:
        yield from _date_facts(commitment, d, src, rule, conf)


def _at_meeting(toks, lex, j, hi, places=frozenset()) -> bool:
    """Does the adopting clause say where: في/خلال + a meeting noun, or a place where the meeting was held
    (``places``: تم اعتماده في مراكش، بمراكش)?"""
    for k in range(j, min(hi, j + 8)):
        t = toks.tokens[k]
        if t.kind == "punct" and t.norm in (".", "؛", ";"):
            return False
        if t.norm in ("في", "خلال", "اثناء") and k + 1 < hi:
            nxt = toks.tokens[k + 1]
            if lex.is_a(toks, k + 1, "meeting_noun") or any(m.entity.kind == "place" and m.entity in places
                                                            for m in nxt.ents):
                return True
        if any(r.pro in ("ب", "وب") for r in t.readings()[1:]) and any(m.entity.kind == "place" and m.entity in places
                                                                          for m in t.ents):
            return True                            # بمراكش
    return False


def _relative(toks, src, lex, k, hi, meeting=None):
    """NAME (،) الذي/التي ADOPT (من قبل) ACTOR …"""
    m = starting(toks, k, {"commitment"})
    j = toks.index_at(m.end)
    j = _skip(toks, j, hi)
    if j >= hi or toks.tokens[j].norm not in RELATIVES:
        return
    j += 1
    verb = next((v for v in lex.match_at(toks, j, ("adopt_verb",))), None)
    if verb is None or verb.feature("noun") and verb.feature("voice") != "passive" or _not_held(toks, lex, verb):
        return
    a = _skip(toks, verb.j, hi)
    agent = lex.is_a(toks, a, "agent_marker")
    if agent is not None:
        a = agent.j
    elif toks.tokens[a].norm == "في" if a < hi else False:
        a = None                                   # تم اعتماده في مراكش: no adopter written
    yield from _facts(toks, src, lex, m.entity, verb, a, hi, RELATIVE, meeting)


def _active(toks, src, lex, k, hi, meeting=None):
    """ADOPT_VERB ACTOR … NAME, or ACTOR (قد) ADOPT_VERB NAME."""
    verb = next((v for v in lex.match_at(toks, k, ("adopt_verb",))), None)
    if verb is None or verb.feature("voice") == "passive" or verb.feature("noun") or _not_held(toks, lex, verb):
        return
    lo, _ = sentence_bounds(toks, k)
    a = _skip(toks, verb.j, hi)
    actor_tok = a if starting(toks, a, ADOPTER_KINDS) else None
    search_from = toks.index_at(starting(toks, a, ADOPTER_KINDS).end) if actor_tok is not None else verb.j
    if actor_tok is None:                          # ACTOR (قد/كانت) VERB
        b = k - 1
        while b >= lo and (toks.tokens[b].norm in FILLERS or toks.tokens[b].norm in RELATIVES):
            b -= 1                                 # الجمعية العامة التي اعتمدت …
        if b >= lo:
            for m in toks.tokens[b].ents:
                if m.entity.kind in ADOPTER_KINDS and toks.index_at(m.end - 1) == b:
                    actor_tok = toks.index_at(m.start)
    for c in range(search_from, min(hi, search_from + 10)):
        m = starting(toks, c, {"commitment"})
        if m is not None:
            if actor_tok is None:
                return
            yield from _facts(toks, src, lex, m.entity, verb, actor_tok, hi, ACTIVE, meeting)
            return
        if toks.tokens[c].kind == "punct" and toks.tokens[c].norm in ".؛;:":
            return


def extract(ctx) -> list[Fact]:
    from .family_findings import known_events
    lex = load()
    out: list[Fact] = []
    events = None
    for src in list(ctx.document.paragraphs) + [f for f in ctx.document.footnotes if f.text]:
        toks = ctx.tokens(src)
        if not any(m.entity.kind == "commitment" for m in toks.mentions):
            continue                               # nothing named to adopt
        if events is None:
            events, places = known_events(ctx), {}
            from . import events as events_mod      # noqa: PLC0415 (a sibling family)
            for f in ctx.family_facts(events_mod):
                if f.predicate == "location":       # meeting key → the places the event rules located it in
                    places.setdefault(f.subject.key, set()).add(f.object)
        held = events.meeting(src)                 # the one held meeting the paragraph names, if any
        meeting = (held, frozenset(places.get(held.key, ()))) if held is not None else None
        ends = sentence_ends(toks)
        for k in range(len(toks.tokens)):
            hi = ends[toks.tokens[k].sent]
            if starting(toks, k, {"commitment"}) is not None:
                out.extend(_relative(toks, src, lex, k, hi, meeting))
            if lex.match_at(toks, k, ("adopt_verb",)):
                out.extend(_active(toks, src, lex, k, hi, meeting))
    return out
