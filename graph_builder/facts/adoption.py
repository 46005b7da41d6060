"""Adoption of a named instrument (a gazetteer commitment: a compact, a declaration, a convention):
who adopted it and when, in the forms a writer uses.

* ``commitment.adopted-relative``: ``NAME (،) الذي/التي تم اعتماده (من قبل|من طرف) ACTOR … في DATE`` /
  ``NAME الذي اعتمدته ACTOR في DATE`` — the actor after the verb (or the agent marker) adopted it;
* ``commitment.adopted-active``: ``ADOPT_VERB ACTOR … NAME`` (``اعتمدت الجمعية العامة إعلان نيويورك``) and
  ``ACTOR (قد) ADOPT_VERB NAME`` (``وكانت الجمعية العامة قد اعتمدت الاتفاق``).

* ``commitment.issued-by``: ``NAME (رقم N لعام YYYY) الصادرة عن ACTOR`` — the actor issued it (or, a
  meeting noun after the participle, it was adopted at the paragraph's meeting);
* ``commitment.adopted-unnamed`` also reads ``تم اعتماد NAME (من قبل ACTOR)``: the agent, the date, the place;
  and an adopting verb whose adopter is no entity — the meeting itself
  (``واعتمد الاجتماع إعلان نيويورك``), a count of states (``صادقت 164 دولة … على الاتفاق``,
  ``وافقت 164 دولة على …``) or nobody written (``واعتُمد الاتفاق العالمي في المؤتمر …``): no
  ``adoptedBy``, but the date and the meeting it was adopted at.

The date is the first date of the clause after the verb (``dateAdopted`` at its precision and
``year``), read against the document's own date (``أمس``، ``اليوم الاثنين``); a date after ``منذ`` or one
that belongs to another named instrument is not taken. When the meeting itself adopts and the clause
gives no date, a one-day meeting's date is the adoption's. A
future verb (``سيعتمد``, ``ستتوج باعتماد``), a planned marker before the verb (``من المقرر أن تعتمد``,
``على أن``) or a negation makes it no adoption. The words are lexicon classes (``adopt_verb``,
``agent_marker`` in ``lexicons/classes/relations.toml``; ``planned_marker``, ``negation`` in
``modality.toml``).

* ``commitment.adopted-meeting-side``: the meeting's side of the adoption (lexicon class
  ``meeting_adopt_frame``): ``شهد المؤتمر اعتماد NAME``، ``توج الاجتماع باعتماد NAME``، ``اختتمت القمة أعمالها
  بإقرار NAME``، ``المؤتمر الذي تم خلاله اعتماد NAME``، ``أصدر المؤتمر إعلان NAME``، ``صدر عن الاجتماع NAME``،
  ``أسفر المؤتمر (…) عن (اعتماد) NAME``، ``خرج الاجتماع بـNAME`` (the commitments family passes its own reader to
  mint a NAME the gazetteer lacks): NAME
  adoptedAt the paragraph's held meeting (adoptedBy the agent after ``من قبل``), with the date of the clause or
  the day of a one-day meeting. A meeting phrase that names a place the held meeting was not located in is
  another meeting mentioned in passing: no fact.

* ``commitment.adopted`` (and ``-date``, ``-at``, ``-government``, ``-participants``): ``named_adoptions``, the
  older rule by regular expressions, for an instrument the gazetteer lacks, written with a head word after
  the verb (``اعتمد المؤتمر إعلان الرباط``، ``أنشأت X صندوقا …``): its adopters, date, meeting, amount and
  funders. The commitments family calls it sentence by sentence with its paragraph state; it reads only the
  adopting verbs ``extract``'s token rules did not read (``extract(ctx, read)`` returns them), so a statement
  gives its facts once.

It does not mint commitments itself (``commitments.commitment`` does, for the names ``named_adoptions`` reads;
the gazetteer names the instruments), does not find meetings, and knows no document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..recognise.findings import Entity, Fact, Value
from ..text.arabic import fold
from ..text.word_classes import load
from .event_common import dates_in
from .minting import rx
from .ratification import party_facts
from .rules import REGISTRY, Rule, register
from .spans import coordinated, sentence_bounds, sentence_ends, starting

RELATIVE, ACTIVE, AT_RULE = "commitment.adopted-relative", "commitment.adopted-active", "commitment.adopted-at-meeting"
UNNAMED = "commitment.adopted-unnamed"
ISSUED = "commitment.issued-by"
if ISSUED not in REGISTRY:
    register(Rule(ISSUED, ("adoptedBy", "adoptedAt"), 0.8, ("lex:issued_by", "lex:meeting_noun", "entity:commitment",
                                                            "entity:org", "entity:state", "entity:process"),
                  "NAME (رقم N لعام YYYY) الصادر(ة) عن ACTOR/MEETING: issued by that actor, or at the paragraph's "
                  "meeting", "commitments"))
if UNNAMED not in REGISTRY:
    register(Rule(UNNAMED, ("adoptedBy", "dateAdopted", "year", "adoptedAt"), 0.75,
                  ("lex:adopt_verb", "lex:meeting_noun", "lex:planned_marker", "lex:negation", "entity:commitment",
                   "events:meeting-of-paragraph"),
                  "ADOPT_VERB (الاجتماع | N دولة | nothing) (على) NAME: no adopter entity; the date of the clause "
                  "and the meeting it was adopted at; تم اعتماد NAME (من قبل ACTOR): the agent too", "commitments"))
SIDE = "commitment.adopted-meeting-side"
if SIDE not in REGISTRY:
    register(Rule(SIDE, ("adoptedAt", "adoptedBy", "dateAdopted", "year"), 0.8,
                  ("lex:meeting_adopt_frame", "lex:adopt_verb", "lex:meeting_noun", "lex:agent_marker",
                   "lex:planned_marker", "entity:commitment", "events:meeting-of-paragraph"),
                  "شهد/توج/اختتم MEETING (ب)اعتماد NAME، MEETING الذي تم خلاله اعتماد NAME، أصدر MEETING NAME: "
                  "adopted at the paragraph's meeting", "commitments"))
if AT_RULE not in REGISTRY:
    register(Rule(AT_RULE, ("adoptedAt",), 0.75, ("lex:adopt_verb", "lex:meeting_noun", "events:meeting-of-paragraph",
                                                 "entity:place"),
                  "an adopting clause that says where (في مراكش، خلال المؤتمر) in a paragraph about one held meeting: "
                  "adopted at that meeting", "commitments"))
OWNER = "commitment.adopted-by-owner"
if OWNER not in REGISTRY:
    register(Rule(OWNER, ("adoptedBy",), 0.7, ("events:meeting-of-paragraph", "events:partOf", "lex:meeting_members",
                                               "lex:adopt_verb"),
                  "adopted at a meeting of a process or organ by the meeting itself, its members (واعتمد الوزراء) or "
                  "with no adopter written (واعتمدت الاتفاقية رقم 189): adopted by that process or organ",
                  "commitments"))
for _rid, _desc in ((RELATIVE, "NAME الذي تم اعتماده من قبل ACTOR في DATE / NAME الذي اعتمدته ACTOR: adopter and date"),
                    (ACTIVE, "ADOPT_VERB ACTOR … NAME / ACTOR قد ADOPT_VERB NAME: adopter and date")):
    if _rid not in REGISTRY:
        register(Rule(_rid, ("adoptedBy", "dateAdopted", "year"), 0.85,
                      ("lex:adopt_verb", "lex:agent_marker", "lex:planned_marker", "lex:negation",
                       "entity:commitment", "entity:org", "entity:state", "entity:process"), _desc, "commitments"))

ADOPTER_KINDS = frozenset({"org", "state", "process", "body"})
RELATIVES = frozenset({"الذي", "التي", "والذي", "والتي"})
RESUMPTIVE = frozenset({"عليه", "عليها", "اليه", "اليها"})
FILLERS = frozenset({"قد", "وقد", "كانت", "وكانت", "كان", "وكان", "رسميا", "بالاجماع", "بالإجماع", "امس"})
PLANNED_WINDOW = 6
CALL_WINDOW = 4             # دعا (الوزير) (الدول) إلى اعتماد


def _not_held(toks, lex, verb) -> bool:
    """A future, planned or negated adoption (the text says it is still to come, or did not happen)."""
    if verb.future:
        return True
    lo, _ = sentence_bounds(toks, verb.i)
    start = max(lo, verb.i - PLANNED_WINDOW)
    if lex.find(toks, "planned_marker", start, verb.i) or lex.find(toks, "negation", max(lo, verb.i - 2), verb.i) \
            or lex.find(toks, "call_marker", max(lo, verb.i - CALL_WINDOW), verb.i):
        return True                                # دعا الوزير الدول إلى اعتماد …: asked for, not done
    for k in range(start, verb.i):                 # ستتوج باعتماد، سيشهد اعتماد: a future verb governs the noun
        if any(r.pro.endswith("س") and len(r.stem) > 3 for r in toks.tokens[k].readings()[1:]) \
                and toks.tokens[k].norm.lstrip("و")[:2] in ("سي", "ست"):
            return True
    return False


def _skip(toks, k, hi):
    while k < hi and (toks.tokens[k].norm in FILLERS or toks.tokens[k].kind == "punct" and toks.tokens[k].norm in ",،"):
        k += 1
    return k


def _fronted_date(toks, verb_tok: int, doc_day=None):
    """A date fronted at the head of the verb's sentence and set off by a comma (``وفي 19 أيلول/سبتمبر 2031،
    اعتمدت الجمعية العامة …``): when the clause after the verb gives none, the adoption's date."""
    from .meeting_setting import fronted_dates                # noqa: PLC0415 (the events family's reader)
    found = fronted_dates(toks, sentence_bounds(toks, verb_tok)[0], verb_tok, doc_day)
    return found[0] if found and found[0].year else None


def _date(toks, start_tok, hi, text, stop_tok=None, doc_day=None):
    """The first date written in tokens [start_tok, hi) that is not after منذ, as a DateMatch; relative
    and year-less dates are read against the document's date ``doc_day``."""
    from .meeting_setting import dates_of
    if start_tok >= hi:
        return None
    s, e = toks.tokens[start_tok].start, toks.tokens[(stop_tok or hi) - 1].end
    for d in dates_of(toks, doc_day):
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


def _facts(toks, src, lex, commitment, verb, actor_tok, hi, rule, meeting=None, doc_day=None, by_meeting=False):
    """adoptedBy (the actor at ``actor_tok``), adoptedAt (the paragraph's held meeting, when the clause says
    where or the meeting itself adopts: ``by_meeting``) and the date of the adopting clause."""
    conf = REGISTRY.confidence(rule)
    actor = starting(toks, actor_tok, ADOPTER_KINDS) if actor_tok is not None else None
    if verb.feature("ratify") and actor is not None and actor.entity.kind == "state":
        yield from party_facts(commitment, [actor.entity], src)   # صادقت موريتانيا على الاتفاقية: a party, not
        return                                     # its adopter; the ratification's date is not the text's
    if actor is not None and actor.entity.cls not in ("Person",):
        yield Fact(commitment, "adoptedBy", actor.entity, src, rule, conf)
    at = meeting is not None and (by_meeting or _at_meeting(toks, lex, verb.j, hi, meeting[1]))
    if at:
        at_rule = UNNAMED if by_meeting else AT_RULE
        yield Fact(commitment, "adoptedAt", meeting[0], src, at_rule, REGISTRY.confidence(at_rule))
        if by_meeting and actor is None:
            yield from owner_adopts(commitment, meeting, src)
    nxt_commit = next((k for k in range(verb.j, hi) if starting(toks, k, {"commitment"})
                       and starting(toks, k, {"commitment"}).entity != commitment), None)
    d = _date(toks, verb.j, hi, toks.text, nxt_commit, doc_day) or _fronted_date(toks, verb.i, doc_day)
    if d is not None:
        yield from _date_facts(commitment, d, src, rule, conf)
    elif at and by_meeting and len(meeting) > 4 and meeting[4] is not None:
        d = meeting[4]                             # the day the lead says the meeting adopted texts
        yield from _date_facts(commitment, d, src, LEAD, REGISTRY.confidence(LEAD))
    if verb.feature("launch") and commitment.cls == "FundingCommitment":
        yield from _launch_amount(toks, src, commitment, verb, nxt_commit or hi)
    elif by_meeting and meeting is not None and len(meeting) > 2 and meeting[2] is not None:
        yield from _one_day(commitment, meeting[2], src, UNNAMED)


def _launch_amount(toks, src, fund, verb, stop):
    """The first sum (with its currency) of the clause that launched a fund (الذي أطلقه X في 2015 برصيد
    أولي قدره 1,8 مليار أورو): the fund's amount."""
    from ..values import find_amounts
    from .commitments import _amount                # noqa: PLC0415 (the family's amount facts)
    s, e = toks.tokens[verb.j - 1].end, toks.tokens[stop - 1].end
    for a in find_amounts(toks.text):
        if s <= a.start < e and a.currency:
            yield from _amount(fund, a, src)
            return


def owner_adopts(commitment, meeting, src):
    """The process or organ whose meeting (``meeting[3]``) adopted the text with no other adopter written."""
    owner = meeting[3] if meeting is not None and len(meeting) > 3 else None
    if owner is not None:
        yield Fact(commitment, "adoptedBy", owner, src, OWNER, REGISTRY.confidence(OWNER))


def _one_day(commitment, day: str, src, rule):
    """The date of a one-day meeting that adopted the instrument (the clause gives none)."""
    conf = REGISTRY.confidence(rule)
    yield Fact(commitment, "dateAdopted", Value(day, "date"), src, rule, conf)
    yield Fact(commitment, "year", Value(day[:4], "gYear"), src, rule, conf)


CLAUSE_OPENERS = frozenset({"بهدف", "لتحضير", "تمهيدا", "استعدادا", "قبل", "بعد", "منذ", "المزمع", "المقرر"})
PLACE_NOUNS = frozenset({"مدينه", "العاصمه", "مقر"})     # في مدينة مراكش، بالعاصمة الرباط
FIRST_WORDS = frozenset({"اول", "اولي", "الاول", "الاولي"})   # في افتتاح أول قمة


def _at_meeting(toks, lex, j, hi, places=frozenset()) -> bool:
    """Does the adopting clause (up to the end of its sentence) say where: في/خلال (+ a moment) + a meeting
    noun, or a place where the meeting was held (``places``: تم اعتماده في مراكش، بمدينة مراكش، في مؤتمر …)?"""
    def place_at(n):
        if n < hi and toks.tokens[n].norm.lstrip("ب") in PLACE_NOUNS:
            n += 1
        return n < hi and any(m.entity.kind == "place" and m.entity in places for m in toks.tokens[n].ents)

    comma = False
    for k in range(j, hi):
        t = toks.tokens[k]
        if t.kind == "punct" and t.norm in (".", "؛", ";"):
            return False
        if t.norm in RELATIVES or t.norm in CLAUSE_OPENERS or comma and not (
                t.norm in ("في", "خلال", "اثناء", "علي") or t.kind == "number" or lex.is_a(toks, k, "relative_time")
                or any(r.pro in ("ب", "وب") for r in t.readings()[1:])):
            return False                           # …، بهدف تحضير الدول للمشاركة في مؤتمر …: another clause
        comma = t.kind == "punct" and t.norm in ",،"
        if comma:
            continue
        if t.norm in ("في", "خلال", "اثناء", "علي") and k + 1 < hi:
            n = k + 1
            if lex.is_a(toks, n, "meeting_moment") and n + 1 < hi:
                n = lex.is_a(toks, n, "meeting_moment").j      # في ختام القمة، على هامش المؤتمر
            if n < hi - 1 and toks.tokens[n].norm in FIRST_WORDS:
                n += 1
            if n < hi and lex.is_a(toks, n, "meeting_noun") or place_at(n):
                return True
        if any(r.pro in ("ب", "وب") for r in t.readings()[1:]) and (
                any(m.entity.kind == "place" and m.entity in places for m in t.ents)
                or t.norm.lstrip("و")[1:] in PLACE_NOUNS and place_at(k)):
            return True                            # بمراكش، بمدينة مراكش
    return False


def _issued(toks, src, lex, m, j, hi, meeting):
    """NAME (رقم N) (لعام YYYY) الصادر(ة) عن ACTOR | MEETING: the actor adopted it, or it was adopted at the
    meeting the paragraph is about."""
    while j < hi and (toks.tokens[j].kind == "number" or toks.tokens[j].norm.lstrip("ل") in ("رقم", "عام", "لعام")):
        j += 1
    issued = lex.is_a(toks, j, "issued_by") if j < hi else None
    if issued is None:
        return
    a = issued.j
    actor = starting(toks, a, ADOPTER_KINDS)
    if actor is not None and actor.entity.cls != "Person":
        yield Fact(m.entity, "adoptedBy", actor.entity, src, ISSUED, REGISTRY.confidence(ISSUED))
    elif meeting is not None and a < hi and lex.is_a(toks, a, "meeting_noun"):
        yield Fact(m.entity, "adoptedAt", meeting[0], src, ISSUED, REGISTRY.confidence(ISSUED))


def _relative(toks, src, lex, k, hi, meeting=None, doc_day=None):
    """NAME (،) الذي/التي ADOPT (من قبل) ACTOR …; NAME الصادر عن ACTOR."""
    m = starting(toks, k, {"commitment"})
    j = toks.index_at(m.end)
    yield from _issued(toks, src, lex, m, j, hi, meeting)
    j = _skip(toks, j, hi)
    p = j
    while p < min(hi, j + 4) and (toks.tokens[p].kind == "number" or toks.tokens[p].norm in ",،"):
        p += 1                                     # اتفاقية العمال المهاجرين (أحكام تكميلية)، 1975، المعتمدة …
    participle = next((v for v in lex.match_at(toks, p, ("adopt_verb",)) if v.feature("participle")), None) \
        if p < hi else None
    if participle is not None:                     # اتفاقية …، المعتمدة من قبل X في DATE
        if _not_held(toks, lex, participle):
            return
        a = _skip(toks, participle.j, hi)
        agent = lex.is_a(toks, a, "agent_marker") if a < hi else None
        if agent is None and a + 1 < hi and toks.tokens[a].norm in ("من", "عن"):
            a += 1                                 # المعتمدة من منظمة العمل الدولية
        if agent is None and not (a < hi and starting(toks, a, ADOPTER_KINDS)):
            a = None
        yield from _facts(toks, src, lex, m.entity, participle, agent.j if agent else a, hi, RELATIVE, meeting,
                          doc_day)
        return
    if j >= hi or toks.tokens[j].norm not in RELATIVES:
        return
    j += 1
    verb = next((v for v in lex.match_at(toks, j, ("adopt_verb",))), None)
    if verb is None or verb.feature("noun") and verb.feature("voice") != "passive" or _not_held(toks, lex, verb):
        return
    a = _skip(toks, verb.j, hi)
    if verb.feature("prep") and a < hi and toks.tokens[a].norm in RESUMPTIVE:
        a = _skip(toks, a + 1, hi)                 # الذي وافقت عليه الجمعية العامة: the pronoun of the prepositional object
    agent = lex.is_a(toks, a, "agent_marker")
    if agent is not None:
        a = agent.j
    elif toks.tokens[a].norm == "في" if a < hi else False:
        a = None                                   # تم اعتماده في مراكش: no adopter written
    yield from _facts(toks, src, lex, m.entity, verb, a, hi, RELATIVE, meeting, doc_day)


def _passive_noun(toks, src, lex, verb, hi, meeting, doc_day):
    """تم اعتماد NAME (من قبل ACTOR) …: the agent after the name adopted it; the date and place of the clause."""
    c = _skip(toks, verb.j, hi)
    while c < hi and toks.tokens[c].kind == "punct" and toks.tokens[c].norm in "\"«“'":
        c += 1
    m = starting(toks, c, {"commitment"})
    if m is None:
        return
    j = toks.index_at(m.end)
    while j < hi and j < toks.index_at(m.end) + 5 and not lex.is_a(toks, j, "agent_marker"):
        if toks.tokens[j].kind == "punct" and toks.tokens[j].norm in ".،,؛;":
            break
        j += 1
    agent = lex.is_a(toks, j, "agent_marker") if j < hi else None
    yield from _facts(toks, src, lex, m.entity, verb, agent.j if agent else None, hi, UNNAMED, meeting, doc_day)


def _active(toks, src, lex, k, hi, meeting=None, doc_day=None):
    """ADOPT_VERB ACTOR … NAME, or ACTOR (قد) ADOPT_VERB NAME; else ADOPT_VERB (الاجتماع | N دولة | —) NAME."""
    verb = next((v for v in lex.match_at(toks, k, ("adopt_verb",))), None)
    if verb is not None and verb.feature("voice") == "passive" and verb.feature("noun") and not _not_held(toks, lex, verb):
        yield from _passive_noun(toks, src, lex, verb, hi, meeting, doc_day)
        return
    if verb is None or verb.feature("voice") == "passive" or verb.feature("noun") or _not_held(toks, lex, verb):
        return
    lo, _ = sentence_bounds(toks, k)
    a = _skip(toks, verb.j, hi)
    listed, after = coordinated(toks, a, hi, ADOPTER_KINDS)     # أنشأت حكومة إسبانيا والجماعة …: both adopt
    actor_tok = toks.index_at(listed[0].start) if listed else None
    search_from = after if listed else verb.j
    if actor_tok is None:                          # ACTOR (قد/كانت) VERB
        b = k - 1
        while b >= lo and (toks.tokens[b].norm in FILLERS or toks.tokens[b].norm in RELATIVES
                           or toks.tokens[b].kind == "punct" and toks.tokens[b].norm in ",،" and b + 1 < k
                           and toks.tokens[b + 1].norm in FILLERS):
            b -= 1                                 # الجمعية العامة التي اعتمدت …، وكانت الجمعية العامة، قد أقرت …
        if b >= lo:
            for m in toks.tokens[b].ents:
                if m.entity.kind in ADOPTER_KINDS and toks.index_at(m.end - 1) == b:
                    actor_tok = toks.index_at(m.start)
    for c in range(search_from, min(hi, search_from + 10)):
        m = starting(toks, c, {"commitment"})
        if m is not None:
            if actor_tok is None:
                break
            yield from _facts(toks, src, lex, m.entity, verb, actor_tok, hi, ACTIVE, meeting, doc_day)
            for other in listed[1:]:
                if verb.feature("ratify") and other.entity.kind == "state":
                    yield from party_facts(m.entity, [other.entity], src)
                elif other.entity.cls != "Person":
                    yield Fact(m.entity, "adoptedBy", other.entity, src, ACTIVE, REGISTRY.confidence(ACTIVE))
            return
        if toks.tokens[c].kind == "punct" and toks.tokens[c].norm in ".؛;:":
            return
    if actor_tok is None and verb.feature("tense") != "present":
        yield from _unnamed(toks, src, lex, verb, hi, meeting, doc_day)


UNNAMED_WINDOW = 16         # tokens between the verb and the instrument when no adopter entity is written
_GAP_KINDS = frozenset({"state", "org", "place", "region"})


def _unnamed(toks, src, lex, verb, hi, meeting, doc_day):
    """``واعتمد الاجتماع NAME``، ``صادقت قرابة 164 دولة … على NAME``، ``واعتُمد NAME في المؤتمر …``: the words
    before the instrument are a meeting noun, a count of states, fillers, dates, places; nothing that could
    be the verb's own object."""
    from .meeting_setting import dates_of
    by_meeting = False
    k = verb.j
    if k < hi and lex.is_a(toks, k, "meeting_noun") and not any(m.entity.kind in ADOPTER_KINDS for m in toks.tokens[k].ents):
        # واعتمد الاجتماع/المؤتمر/القمة …: the meeting the paragraph named before, when it named one only
        named = [x for x in lex.find(toks, "meeting_noun", 0, k) if not x.feature("plural")]
        if len(named) != 1:
            return
        by_meeting = True
        k = lex.is_a(toks, k, "meeting_noun").j
    elif k < hi and lex.is_a(toks, k, "meeting_members") and not any(m.entity.kind in ADOPTER_KINDS
                                                                    for m in toks.tokens[k].ents):
        # واعتمد الوزراء …: the members of the paragraph's one meeting adopt it there
        by_meeting = len([x for x in lex.find(toks, "meeting_noun") if not x.feature("plural")]) <= 1
        k = lex.is_a(toks, k, "meeting_members").j
    dated = [(d.start, d.end) for d in dates_of(toks, doc_day)]
    prep = verb.feature("prep")
    after_time = False                             # اليوم الاثنين، أمس الأحد: the weekday after a relative day
    ratifiers = []                                 # انضمت دولة الكويت إلى NAME: the states of a ratifying verb
    for c in range(k, min(hi, verb.j + UNNAMED_WINDOW)):
        was_time, after_time = after_time, bool(lex.match_at(toks, c, ("relative_time",)))
        t = toks.tokens[c]
        m = starting(toks, c, {"commitment"})
        if m is not None and ratifiers:
            yield from party_facts(m.entity, ratifiers, src)
            return
        if m is not None:
            if not by_meeting and c == verb.j and meeting is not None and _passive_opening(toks, lex, verb) \
                    and _date(toks, verb.j, hi, toks.text, None, doc_day) is None:
                by_meeting = True                  # واعتمدت الاتفاقية رقم 189 …: adopted at the paragraph's meeting
            yield from _facts(toks, src, lex, m.entity, verb, None, hi, UNNAMED, meeting, doc_day, by_meeting)
            return
        if any(s <= t.start and t.end <= e for s, e in dated):
            continue
        if verb.feature("ratify"):
            ratifiers.extend(x.entity for x in t.ents if x.entity.kind == "state" and toks.index_at(x.start) == c)
        if t.kind == "punct":
            if t.norm in ",،()\"«»“”'":
                continue
            return
        if t.kind == "number" or t.norm in FILLERS or was_time or (prep and t.norm == fold(prep)) \
                or any(m.entity.kind in _GAP_KINDS for m in t.ents) \
                or any(lex.match_at(toks, c, (cls,)) for cls in ("adopter_filler", "count_unit", "approx_marker",
                                                                  "meeting_noun", "relative_time")):
            continue
        if by_meeting or any(lex.match_at(toks, c, ("meeting_qualifier",))):
            continue                               # المؤتمر الحكومي الدولي
        return


OPENERS = frozenset({"فيما", "كما", "بينما", "ثم", "حيث"})


def _passive_opening(toks, lex, verb) -> bool:
    """A bare past adopting verb that opens its clause, right before the instrument (واعتمدت الاتفاقية …،
    فيما اعتمدت التوصية …): unvocalised, it reads as a passive with no adopter written. A verb with an
    object pronoun, after قد/كان (a pluperfect: background) or after a word that could be its subject is none."""
    if verb.feature("noun") or verb.feature("tense") == "present" or verb.reading.enc \
            or toks.tokens[verb.j - 1].norm.endswith("وا"):
        return False                               # اعتمدوا: "they adopted"
    lo, _ = sentence_bounds(toks, verb.i)
    if verb.i == lo:
        return True
    prev = toks.tokens[verb.i - 1]
    return prev.kind == "punct" and prev.norm in ",،" or prev.norm in OPENERS


SIDE_WINDOW = 14            # tokens between the frame verb and the instrument
MEETING_WORKS = frozenset({"اعماله", "اعمالها", "فعالياته", "فعالياتها", "دورته", "دورتها", "ختام", "اختتام",
                           "المنعقد", "المنعقده", "المنعقدة", "الملتئم", "الملتئمه", "يوم", "يومي", "المستوي"})
ANTECEDENT_WINDOW = 14
_NAME_LINKS = frozenset({"حول", "بشان", "المعني", "المعنيه", "الخاص", "الخاصه", "بين", "لدول", "الافريقي", "الاوروبي",
                         "الاورو", "افريقي", "العربي", "العربيه", "الاقليمي", "الاقليميه", "الدولي", "الدوليه"})


def _meeting_phrase_ok(toks, lex, a, b, meeting) -> bool:
    """Tokens [a, b) of the meeting phrase name no place the held meeting was not located in."""
    places = meeting[1]
    for k in range(a, b):
        for m in toks.tokens[k].ents:
            if m.entity.kind == "place" and places and m.entity not in places:
                return False
    return True


def _meeting_side(toks, src, lex, k, hi, meeting, doc_day, instrument_at=None):
    """شهد/توج/اختتم MEETING … (ب)اعتماد NAME; MEETING الذي تم خلاله اعتماد NAME; أصدر MEETING NAME; أسفر MEETING
    عن (اعتماد) NAME; خرج MEETING بـNAME. ``instrument_at(c)`` (a mention-like object with ``entity``, ``start``,
    ``end``, or None) reads the instrument at token ``c``; by default a gazetteer instrument's mention (the
    commitments family passes one that mints a named instrument the gazetteer lacks)."""
    if meeting is None:
        return
    frame = next(iter(lex.match_at(toks, k, ("meeting_adopt_frame",))), None)
    if frame is None or _not_held(toks, lex, frame):
        return
    lo, _ = sentence_bounds(toks, k)
    j = frame.j
    if frame.feature("relative"):
        # the antecedent: a meeting noun a few words before الذي/التي
        if not (k > lo and toks.tokens[k - 1].norm in RELATIVES):
            return
        noun = next((x for x in reversed(lex.find(toks, "meeting_noun", max(lo, k - ANTECEDENT_WINDOW), k - 1))), None)
        if noun is None or not _meeting_phrase_ok(toks, lex, noun.i, k, meeting):
            return
    else:
        j = _skip(toks, j, hi)
        if j < hi and lex.is_a(toks, j, "meeting_noun"):
            j = lex.is_a(toks, j, "meeting_noun").j
        elif k > lo and toks.tokens[k - 1].norm in RELATIVES:
            noun = next((x for x in reversed(lex.find(toks, "meeting_noun", max(lo, k - ANTECEDENT_WINDOW), k - 1))), None)
            if noun is None or not _meeting_phrase_ok(toks, lex, noun.i, k, meeting):
                return
        else:
            return                                 # شهدت الدول …: the subject is no meeting
    from .meeting_setting import dates_of
    dated = [(d.start, d.end) for d in dates_of(toks, doc_day)]
    need_noun = bool(frame.feature("noun"))
    seen_noun = None
    prep = frame.feature("prep")
    if prep:
        # أسفر MEETING-PHRASE عن …: whatever names the meeting stands before the frame's own preposition
        p = next((c for c in range(j, min(hi, j + SIDE_WINDOW)) if toks.tokens[c].norm == prep), None)
        if p is None or not _meeting_phrase_ok(toks, lex, j, p, meeting):
            return
        j = p + 1
    start = j
    c = j - 1
    while c + 1 < min(hi, j + SIDE_WINDOW):
        c += 1
        t = toks.tokens[c]
        m = instrument_at(c) if instrument_at is not None else starting(toks, c, {"commitment"})
        if m is not None:
            if need_noun and seen_noun is None:
                return
            if not _meeting_phrase_ok(toks, lex, start, c, meeting):
                return
            yield from _side_facts(toks, src, lex, m, seen_noun or frame, hi, meeting, doc_day)
            return
        if seen_noun is not None:
            if t.kind == "punct" and t.norm in "\"«“'":
                continue
            return                                 # اعتماد خطة لتنفيذ NAME: the noun's object is another text
        nv = next((v for v in lex.match_at(toks, c, ("adopt_verb",)) if v.feature("noun")
                   and v.feature("voice") != "passive"), None)
        if nv is not None and (need_noun or frame.feature("noun_optional")):
            seen_noun = nv
            continue
        if frame.feature("prep") and t.norm == frame.feature("prep"):
            continue                               # أسفر المؤتمر عن …: the frame's own preposition
        if t.kind == "punct":
            if t.norm in ",،()\"«»“”'-":
                continue
            return
        from .minting import ORDINALS               # noqa: PLC0415 (minting imports this family's siblings)
        if t.kind == "number" or t.norm in FILLERS or t.norm in MEETING_WORKS or t.norm in ORDINALS \
                or any(s <= t.start and t.end <= e for s, e in dated) \
                or t.norm in _NAME_LINKS or any(m.entity.kind in _GAP_KINDS | {"process", "event", "topic"} for m in t.ents):
            continue                               # … الثاني حول الهجرة والتنمية: the meeting's own name
        skip = next(iter(lex.match_at(toks, c, ("meeting_noun", "meeting_qualifier", "meeting_moment", "relative_time",
                                                "adopter_filler"))), None)
        if skip is not None:
            c = skip.j - 1                         # رفيع المستوى: the whole phrase
            continue
        return


def _side_facts(toks, src, lex, m, noun, hi, meeting, doc_day):
    conf = REGISTRY.confidence(SIDE)
    ent = m.entity
    yield Fact(ent, "adoptedAt", meeting[0], src, SIDE, conf)
    j = toks.index_at(m.end)
    agent = lex.is_a(toks, j, "agent_marker") if j < hi else None
    if agent is not None:
        actor = starting(toks, agent.j, ADOPTER_KINDS)
        if actor is not None and actor.entity.cls != "Person":
            yield Fact(ent, "adoptedBy", actor.entity, src, SIDE, conf)
    nxt = next((c for c in range(j, hi) if starting(toks, c, {"commitment"})
                and starting(toks, c, {"commitment"}).entity != ent), None)
    d = _date(toks, noun.j, hi, toks.text, nxt, doc_day)
    if d is not None and d.precision == "day":
        yield from _date_facts(ent, d, src, SIDE, conf)
    elif len(meeting) > 2 and meeting[2] is not None:
        yield from _one_day(ent, meeting[2], src, SIDE)


def _event_sources(ctx):
    """Per source, the top-level meetings the event rules found there (a meeting of no process too),
    the places they located each meeting in, and the day of each one-day meeting."""
    from . import events as events_mod      # noqa: PLC0415 (a sibling family)
    facts = list(ctx.family_facts(events_mod))
    parent = {f.subject.key for f in facts if f.predicate == "partOf" and getattr(f.object, "kind", "") == "event"}
    places, starts, ends, in_src, process = {}, {}, {}, {}, {}
    for f in facts:
        if getattr(f.subject, "kind", "") != "event" or f.subject.cls not in ("Meeting", "Event"):
            continue
        if f.predicate == "partOf" and getattr(f.object, "kind", "") in ("process", "org"):
            process.setdefault(f.subject.key, set()).add(f.object)
        if f.predicate == "location":       # meeting key → the places the event rules located it in
            places.setdefault(f.subject.key, set()).add(f.object)
        elif f.predicate == "startDate":
            starts.setdefault(f.subject.key, set()).add(f.object.lexical)
        elif f.predicate == "endDate":
            ends.setdefault(f.subject.key, set()).add(f.object.lexical)
        if f.subject.key not in parent:
            lst = in_src.setdefault(id(f.evidence), [])
            if f.subject not in lst:
                lst.append(f.subject)
    days = {key: next(iter(d)) for key, d in starts.items() if len(d) == 1 and ends.get(key) == d}
    owner = {key: next(iter(p)) for key, p in process.items() if len(p) == 1}
    return places, days, in_src, owner


OWNER_KINDS = frozenset({"org", "process", "body"})


def _owner_in_label(ctx, event):
    """The organ or process a meeting is a session of when its name says so and the event rules gave no
    ``partOf``: a meeting noun, then (an ordinal and) لـ + the organ ending the name (الدورة المائة لمؤتمر
    العمل الدولي → the International Labour Conference); None otherwise."""
    from ..text.tokens import tokenise
    from .minting import arabic_names
    gaz = getattr(ctx, "gazetteer", None)
    label = fold(event.label_ar or "").strip()
    toks = tokenise(label) if label else None
    if gaz is None or not toks or not toks.tokens or not load().is_a(toks, 0, "meeting_noun"):
        return None
    index = _OWNER_NAMES.get(id(gaz))
    if index is None or index[0] is not gaz:
        names: dict = {}
        for ent in getattr(gaz, "entities", ()):
            if ent.kind in OWNER_KINDS:
                for name in arabic_names(ent):
                    f = fold(name).strip()
                    if len(f.split()) >= 2:
                        names.setdefault(f[2:] if f.startswith("ال") else f, set()).add(ent)
        index = _OWNER_NAMES[id(gaz)] = (gaz, names)
    words = label.split()
    found = set()
    for n in range(2, len(words)):            # the name's last n words, after their ل / لل
        tail = " ".join(words[-n:])
        for pre in ("لل", "ل"):
            if tail.startswith(pre):
                found |= index[1].get(tail[len(pre):], set())
    return next(iter(found)) if len(found) == 1 else None


_OWNER_NAMES: dict = {}       # id(gazetteer) → (gazetteer, bare folded name → owner entities)


class MeetingOf:
    """The held meeting a paragraph is about: the one it names (a meeting of a process, or of none),
    else, in a paragraph that names none, the document's only meeting. With its places, its day and the
    process or organisation it is a meeting of (``partOf``)."""

    def __init__(self, ctx):
        from .family_findings import known_events
        self.events = known_events(ctx)
        self.places, self.days, self.in_src, self.owner = _event_sources(ctx)
        self.only = list({e.key: e for found in self.in_src.values() for e in found}.values())
        from . import events as events_mod      # noqa: PLC0415 (a sibling family)
        self.ordinal = {f.subject.key: f.object.lexical for f in ctx.family_facts(events_mod)
                        if f.predicate == "ordinal" and getattr(f.subject, "kind", "") == "event"}
        for e in self.only:
            if e.key not in self.owner:
                owner = _owner_in_label(ctx, e)
                if owner is not None:
                    self.owner[e.key] = owner

    def first(self, sources):
        """The first top-level meeting the document names, in reading order (a declaration's own meeting,
        named in its title), with its places, day and owner; None when it names none."""
        for src in sources:
            found = self.in_src.get(id(src))
            if found:
                held = found[0]
                return held, frozenset(self.places.get(held.key, ())), self.days.get(held.key), self.owner.get(held.key)
        return None

    def numbered(self, src, n: int):
        """The one top-level meeting named in ``src`` whose ordinal is ``n`` (مؤتمرها الوزاري الأول), else None."""
        found = [e for e in self.in_src.get(id(src), ()) if self.ordinal.get(e.key) == str(n)]
        return found[0] if len(found) == 1 else None

    def located(self, src, places: set):
        """The one top-level meeting named in ``src`` located in one of ``places`` (entity keys), else None."""
        found = [e for e in self.in_src.get(id(src), ()) if places & {p.key for p in self.places.get(e.key, ())}]
        return found[0] if len(found) == 1 else None

    def __call__(self, src):
        held = self.events.meeting(src)
        if held is None and len(self.in_src.get(id(src), [])) == 1:
            held = self.in_src[id(src)][0]         # a meeting of no process (a UN conference) named there
        if held is None and not self.in_src.get(id(src)) and len(self.only) == 1:
            held = self.only[0]                    # a paragraph of a text about one meeting
        if held is None:
            return None
        return held, frozenset(self.places.get(held.key, ())), self.days.get(held.key), self.owner.get(held.key)


def members_adopt(toks, lex, j) -> bool:
    """The adopting verb's subject at token ``j`` is the meeting or its members (الاجتماع، الوزراء، القادة)."""
    return j < len(toks.tokens) and not any(m.entity.kind in ADOPTER_KINDS for m in toks.tokens[j].ents) \
        and bool(lex.is_a(toks, j, "meeting_members") or lex.is_a(toks, j, "meeting_noun"))


LEAD = "commitment.adopted-lead-day"
if LEAD not in REGISTRY:
    register(Rule(LEAD, ("dateAdopted", "year"), 0.65, ("lex:adopt_verb", "events:meeting-of-paragraph", "values:dates"),
                  "a text adopted at a meeting with no date of its own, in a document whose lead says the meeting "
                  "adopted texts on a day (اعتمد المندوبون … اليوم معايير جديدة): that day", "commitments"))
PRONOUN = "commitment.adopted-pronoun"
if PRONOUN not in REGISTRY:
    register(Rule(PRONOUN, ("dateAdopted", "year"), 0.75, ("lex:adopt_verb", "entity:commitment", "values:dates"),
                  "NAME … (منذ|بعد|عند) اعتماده/إقراره/تبنيها في (عام) DATE: the date of the text the pronoun "
                  "stands for (the last one named before it in the sentence)", "commitments"))
BARE_HEADS = frozenset({"اتفاق", "اتفاقيه", "ميثاق", "اعلان", "اطار", "خطه", "برنامج", "صندوق", "مبادره"})
PRONOUN_WINDOW = 4          # tokens between the verbal noun and its date (في عام ٢٠١٨)


def _pronoun_noun(toks, src, lex, verb, hi, doc_day):
    """``تنفيذ الاتفاق منذ اعتماده في عام ٢٠١٨``: a verbal noun of adopting with an object pronoun, a date right
    after it: the date of the text named last before it in its sentence (the pronoun's antecedent)."""
    if not (verb.feature("noun") and verb.reading.enc in ("ه", "ها") and verb.feature("voice") != "passive") \
            or _not_held(toks, lex, verb):
        return
    lo, _ = sentence_bounds(toks, verb.i)
    named = [starting(toks, c, {"commitment"}) for c in range(lo, verb.i)]
    named = [m for m in named if m is not None]
    if not named and any(toks.tokens[c].norm.removeprefix("ال") in BARE_HEADS for c in range(max(0, verb.i - 3), verb.i)):
        # تنفيذ الاتفاق منذ اعتماده: the head noun names again the text named last in the paragraph
        named = [m for m in (starting(toks, c, {"commitment"}) for c in range(0, verb.i)) if m is not None]
    if not named:
        return
    if verb.j >= hi or lex.is_a(toks, verb.j, "planned_marker"):
        return                                     # بعد اعتماده المرتقب في عام 2032: still to come
    yield from _date_right_after(toks, src, named[-1].entity, verb.j, hi, PRONOUN_WINDOW, doc_day)


def _date_right_after(toks, src, commitment, start: int, hi: int, window: int, doc_day):
    """The date that begins within ``window`` tokens from token ``start`` (before ``hi``) as ``commitment``'s
    adoption date (rule ``commitment.adopted-pronoun``); nothing when none does."""
    from .meeting_setting import dates_of
    if start >= hi:
        return
    s = toks.tokens[start].start
    limit = toks.tokens[min(hi, start + window) - 1].end
    d = next((d for d in dates_of(toks, doc_day) if s <= d.start < limit and d.year), None)
    if d is not None:
        yield from _date_facts(commitment, d, src, PRONOUN, REGISTRY.confidence(PRONOUN))


MOMENT_WINDOW = 6           # tokens after the name (في لحظة تاريخية في كانون الأول 2018) that may hold the date


def _moment_noun(toks, src, lex, verb, hi, doc_day):
    """``مع/بعد/منذ/عقب اعتماد NAME (،) (في) DATE``: a verbal noun of adopting set as a moment of time (lexicon class
    ``adoption_time_cue`` right before it) whose object is a named instrument: the date written right after the
    name is its adoption's. A planned, called-for or negated adoption, an object that is no named instrument
    (``بعد اعتماد خطة وطنية لتنفيذ NAME``), a ratifying noun (a state's date) give nothing."""
    if not verb.feature("noun") or verb.reading.enc or verb.feature("voice") == "passive" or verb.feature("ratify") \
            or verb.i == 0 or not lex.is_a(toks, verb.i - 1, "adoption_time_cue") or _not_held(toks, lex, verb):
        return
    c = verb.j
    while c < hi and toks.tokens[c].kind == "punct" and toks.tokens[c].norm in "\"«“'":
        c += 1
    m = starting(toks, c, {"commitment"}) if c < hi else None
    if m is None or m.entity.from_text:
        return
    j = toks.index_at(m.end)
    stop = next((k for k in range(j, min(hi, j + MOMENT_WINDOW)) if starting(toks, k, {"commitment"})
                 or toks.tokens[k].norm in ",،" and k + 1 < hi and toks.tokens[k + 1].norm not in MOMENT_AFTER_COMMA),
                None)                              # another instrument, or a comma opening a clause of its own
    yield from _date_right_after(toks, src, m.entity, j, stop or hi, MOMENT_WINDOW, doc_day)


MOMENT_AFTER_COMMA = frozenset({"في", "خلال", "عام", "سنه", "سنة", "يوم", "بتاريخ"})


LEAD_PARAGRAPHS = 2         # the paragraphs of a press text's lead


def _lead_dates(ctx, meeting_of, lex, doc_day) -> dict:
    """Meeting key → the day of the first dated adopting clause of the text's lead at that meeting (``اعتمد
    مندوبو … في الدورة المائة … اليوم معايير جديدة``): the day the texts named after it were adopted there."""
    from .meeting_setting import relative_day
    leads: dict = {}
    for src in ctx.document.paragraphs[:LEAD_PARAGRAPHS]:
        held = meeting_of(src)
        if held is None or held[0].key in leads:
            continue
        toks = ctx.tokens(src)
        for v in lex.find(toks, "adopt_verb"):
            if v.feature("noun") or v.feature("voice") == "passive" or v.feature("tense") == "present" \
                    or v.feature("ratify") or _not_held(toks, lex, v):
                continue
            _, hi = sentence_bounds(toks, v.i)
            d = _date(toks, v.j, hi, toks.text, None, doc_day) or next(iter(relative_day(toks, v.j, hi, doc_day)), None)
            if d is not None and d.precision == "day":
                leads[held[0].key] = d
                break
    return leads


# ---------------------------------------------------------------- instruments the gazetteer lacks
# The older rule of this family, by regular expressions over the folded text: an adopting verb, its actors, and a
# commitment head word after it (إعلان، خطة عمل، إطار، قرار، برنامج، صندوق، مرفق، مبادرة، اتفاقية). It reads only
# the verbs the token rules above did not read (``extract``'s ``read``), so a statement gives its facts once.

NAMED, NAMED_DATE, NAMED_AT = "commitment.adopted", "commitment.adopted-date", "commitment.adopted-at"
NAMED_GOVERNMENT, NAMED_PARTICIPANTS = "commitment.adopted-government", "commitment.adopted-participants"
for _rid, _prod, _conf, _desc in (
        (NAMED, ("adoptedBy",), 0.85, "اعتمد/أطلق/أقر/وقع ACTOR … إعلان/خطة عمل/إطار/قرار/برنامج NAME: ACTOR adopted it"),
        (NAMED_DATE, ("dateAdopted", "year"), 0.85, "the date or year in the adopting clause"),
        (NAMED_AT, ("adoptedAt", "dateAdopted", "year"), 0.8,
         "the meeting that adopted it (اعتمد المؤتمر …، الذي عقد في …)"),
        (NAMED_GOVERNMENT, ("adoptedBy",), 0.75, "وفي STATE … اعتمدت الحكومة …: the state of the sentence adopted it"),
        (NAMED_PARTICIPANTS, ("adoptedBy",), 0.6, "the actors named in the phrase of the meeting that adopted it")):
    if _rid not in REGISTRY:
        register(Rule(_rid, _prod, _conf, ("regex:adopting verb", "regex:commitment head word", "entity:org",
                                           "entity:state", "events:meeting-of-sentence"), _desc, "commitments"))

_ACT = r"(?:اعتمد|اعتمدت|باعتماد|اعتماد|اطلق|اطلقت|اقر|اقرت|وقع|وقعت|انشا|انشات|بانشاء|وضع|ووضع|نعتمد|نقر|نتبني|تبني|تبنت|بتبني|اعتمدا|اعتمدتا|اطلقا|اطلقتا|اقرا|اقرتا|تبنيا|تبنتا)"
VERBAL_NOUNS = frozenset({"اعتماد", "باعتماد", "تبني", "بتبني"})
# dual forms (وأطلقتا، واعتمدا): the two actors the sentence named before the verb are the adopters
DUAL = frozenset({"اعتمدا", "اعتمدتا", "اطلقا", "اطلقتا", "اقرا", "اقرتا", "تبنيا", "تبنتا"})
# the first-person forms of a declaration's own operative text (نعتمد إعلان دكا هذا): performative, the
# instrument right after the verb
FIRST_PERSON = frozenset({"نعتمد", "نقر", "نتبني"})

TREATY = rx(r"^(?:ال)?(?:اتفاقيه|معاهده)")

ADOPT = re.compile(rf"(?<![\w])(?:[وف](?=\S))?(?P<verb>{_ACT})(?![\w])")   # واعتمد، فأطلقت: a proclitic conjunction

GOVERNMENT = rx(r"^\s*(?:ال)?حكوم(?:ه|تها|ته)(?![\w])")

MEETING_ANAPHOR = rx(r"(?<![\w])في (?:ال)?(?:منتدي|مؤتمر|اجتماع|قمه)(?![\w])")

def named_adoptions(ctx, src, v, s: int, e: int, meetings=(), ps=None, meeting_of=None,
                    read: frozenset | set = frozenset()):
    """The adoptions of sentence [s, e) of ``src`` whose verb ``extract``'s token rules did not read (``read``):
    ``ADOPT (ACTOR) … HEAD NAME`` with HEAD a commitment head word (إعلان، خطة عمل، إطار، برنامج، صندوق …), the
    instrument minted from its name by the commitments family (``commitments.commitment``) when the gazetteer
    lacks it. ``ps`` is that family's paragraph state (the last fund named, the meeting, the names seen)."""
    from ..values import find_amounts
    from . import commitments as family            # noqa: PLC0415 (the family that mints; it imports this module)
    ps = ps or family.ParaState()
    prev_adopters: list = []
    for m, ms, me in v.finditer(ADOPT, s, e):
        fpos = m.end()
        window = v.folded[fpos:fpos + 160]
        by_relative = None
        if re.search(r"(?:الذي|التي) $", v.folded[max(0, m.start() - 6):m.start()]):
            by_relative = _meeting_antecedent(ctx, src, ms, window, meeting_of)
            if by_relative is None:
                continue     # passive relative clause: the commitment is named before the verb
        actors = [x for x in ctx.mentions_in(src, me, e) if x.entity.kind in ("state", "org")]
        # the commitment: the first commitment head word after the verb, within the window
        found = None
        lam = fold(m.group("verb")) in VERBAL_NOUNS     # تبني منظمة العمل الدولية … لمعاهدة جديدة: its object after لـ
        for head, _cls in family.KINDS:
            hm = re.search(rf"(?<![\w])(?:ال)?{head}(?![\w])", window)
            hl = re.search(rf"(?<![\w])ل(?:ل)?{head}(?![\w])", window) if lam else None
            if hl and (hm is None or hl.start() < hm.start()):
                found = hl.start() + 1 if found is None or hl.start() + 1 < found else found
                continue
            if hm and (found is None or hm.start() < found):
                found = hm.start()
        first_person = fold(m.group("verb")) in FIRST_PERSON
        if found is None or (fold(m.group(0)).lstrip("و") == "وضع" and found > 1) or first_person and found > 1:
            continue
        if fold(m.group("verb")) in ("وقع", "وقعت") and (TREATY.match(window[found:])
                                                      or re.search(r"مذكر[هت]|اتفاق", window[:found])):
            continue     # a convention signed between parties, a memorandum "setting a framework": the signing rule's
        toks_, lex_ = ctx.tokens(src), load()
        k_ = toks_.index_at(ms)
        if (id(src), k_) in read:
            continue     # a statement py's token rules read (a gazetteer instrument's adoption)
        if lex_.find(toks_, "call_marker", max(sentence_bounds(toks_, k_)[0], k_ - CALL_WINDOW), k_):
            continue     # دعا الوزير إلى اعتماد مصر لإطار …، طالب باعتماد …: asked for, not done
        own_verb = [x for x in lex_.find(toks_, "adopt_verb", k_, min(len(toks_.tokens), k_ + 2)) if x.i == k_]
        if own_verb and _not_held(toks_, lex_, own_verb[0]):
            continue     # من المقرر اعتماد …، سيتم اعتماد …، لم يعتمد …: to come, or not done
        if _ANOTHER_ADOPTION.search(window[:found]):
            continue     # "باعتماد أول اتفاق …، الذكرى السبعين لاعتماد الإعلان …": the head is another verb's object
        named = family._named(v, fpos + found, e)
        if named is None:
            continue
        cls, name, name_end = named
        c_start = v.orig(fpos + found, fpos + found + 1)[0]
        if any(x.entity.kind == "commitment" and not x.entity.from_text and me <= x.start < c_start
               for x in ctx.mentions_in(src)):
            continue     # "اعتمدت … الاتفاق العالمي …، وهو أول إطار عمل": the known instrument is the object
        known = _named_entity_at(ctx, src, c_start)
        if known is not None and known.kind != "commitment":
            continue                                     # a process or organisation named with a head word
        adopters = [x.entity for x in actors if x.end <= c_start
                    and not re.search(r"(?:^|\s)(?:في|ب)\s*$", fold(v.text[max(s, x.start - 4):x.start]))]
        toks, lex = ctx.tokens(src), load()
        k_subj = toks.index_at(me)
        if k_subj < len(toks.tokens) and lex.is_a(toks, k_subj, "meeting_noun") \
                and not any(x.entity.kind in ("org", "state", "process") for x in toks.tokens[k_subj].ents):
            adopters = []    # تبنت قمة عقدتها الأمم المتحدة إعلانا: the meeting adopts, not who convened it
        if not adopters and m.group("verb").startswith("ب"):   # "قامت X باعتماد …": X is the sentence subject
            before = [x for x in ctx.mentions_in(src, s, ms) if x.entity.kind in ("state", "org")]
            adopters = [before[0].entity] if before else []
        rule = NAMED
        if not adopters and GOVERNMENT.match(fold(v.text[me:c_start])):   # "وفي جنوب أفريقيا … اعتمدت الحكومة"
            states = [x for x in ctx.mentions_in(src, s, ms) if x.entity.kind == "state"]
            adopters, rule = ([states[-1].entity], NAMED_GOVERNMENT) if states else ([], rule)
        if not adopters and m.group(0) == "ووضع":
            adopters = prev_adopters                     # "باعتماد إعلان …، ووضع خطة عمل": same subject
        if not adopters and fold(m.group("verb")) in DUAL:
            before = list(dict.fromkeys(x.entity for x in ctx.mentions_in(src, s, ms) if x.entity.kind in ("state", "org")))
            adopters = before[:2] if len(before) >= 2 else []   # وقعت X و Y …، وأطلقتا في الوقت ذاته …
        meeting = [r for r in meetings if r.end <= c_start]
        toks, lex = ctx.tokens(src), load()
        if lex.is_a(toks, toks.index_at(me), "meeting_noun"):   # واعتمد مؤتمرها الوزاري الأول …: that one
            meeting = [r for r in meeting if r.start >= ms]
        elif meeting and _own_meeting_subject(toks, lex, toks.index_at(ms), toks.index_at(meeting[-1].end - 1)):
            meeting = []     # وذكر بأن قمة فاليتا اعتمدت …: the verb's own subject is another meeting
        if not meeting and meeting_of is not None and lex.is_a(toks, toks.index_at(me), "meeting_noun"):
            n = _subject_ordinal(toks, lex, toks.index_at(me), toks.index_at(c_start))
            places = {x.entity.key for x in ctx.mentions_in(src, me, c_start) if x.entity.kind == "place"}
            by_number = (meeting_of.numbered(src, n) if n else None) or meeting_of.located(src, places)
            if by_number is not None:          # واعتمد مؤتمرها الوزاري الأول، المعقود في …، إعلان ألماتي
                meeting = [_Ref(by_number)]
        if not meeting and ps.meeting is not None and MEETING_ANAPHOR.search(fold(v.text[s:c_start])):
            meeting_ent = ps.meeting                     # "وتم في المنتدى وضع خطة عمل"
        else:
            meeting_ent = meeting[-1].event if meeting else None
        if meeting_ent is None and not adopters:
            # اعتماد "إعلان القاهرة"، وذلك في إطار أعمال الاجتماع الوزاري الثاني …: the meeting the clause sets it in
            meeting_ent = _meeting_after(ctx, src, v, meetings, name_end, e, meeting_of)
        members_day = adopters_owner = None
        if meeting_ent is None and not adopters and meeting_of is not None:
            held = meeting_of(src)                       # "واعتمد الوزراء إعلان …": the paragraph's meeting
            if held is not None and members_adopt(toks, lex, toks.index_at(me)) \
                    and (not lex.is_a(toks, toks.index_at(me), "meeting_noun")
                         or _bare_meeting_subject(toks, lex, toks.index_at(me), toks.index_at(c_start))):
                meeting_ent, members_day = held[0], held[2]   # "وأقر الاجتماع خطة عمل …": the meeting itself
                adopters_owner = held
        if meeting_ent is None and adopters and meeting_of is not None:
            held = meeting_of(src)                       # اعتمد مؤتمر العمل الدولي في دورته المائة بجنيف اتفاقية …
            k, hi = toks.index_at(me), sentence_ends(toks)[toks.tokens[toks.index_at(ms)].sent]
            if held is not None and _at_meeting(toks, lex, k, min(hi, toks.index_at(c_start)), held[1]):
                meeting_ent = held[0]
        if not adopters and by_relative is not None and (meeting_ent is None or meeting_ent.key == by_relative[0].key):
            # المؤتمر الوزاري … الذي عقد في اسطنبول …، والذي أقر الإعلان الوزاري: the antecedent meeting adopts
            meeting_ent, members_day = by_relative[0], by_relative[2]
        own = meeting_of.first(ctx.sources()) if first_person and meeting_of is not None else None
        if meeting_ent is None and not adopters and own is not None:
            # نعتمد إعلان دكا هذا: the declaration's own text, adopted at the meeting its title names
            meeting_ent, members_day, adopters_owner = own[0], own[2], own
        dates = _clause_dates(src.text, s, e, ms)
        year = next((d.year for d in dates if d.year), None)
        via = f"adopted at {meeting_ent.label_en}" if meeting_ent is not None and not adopters else ""
        ent = known or family.commitment(ctx, src, v, cls, name, c_start, name_end, adopters or None, year, via, ps.seen,
                                  meeting_ent)
        if not ent.slug:
            continue
        prev_adopters = adopters
        if cls == "FundingCommitment":
            ps.funding = ent
        for actor in dict.fromkeys(adopters):
            yield Fact(ent, "adoptedBy", actor, src, rule, REGISTRY.confidence(rule))
        if meeting_ent is not None:
            yield Fact(ent, "adoptedAt", meeting_ent, src, NAMED_AT, REGISTRY.confidence(NAMED_AT))
            yield from owner_adopts(ent, adopters_owner, src)      # the ministers of the Bali Process
            key_year = re.search(r"-(\d{4})$", meeting_ent.slug)
            if key_year and not (dates and dates[0].year):
                yield Fact(ent, "year", Value(key_year.group(1), "gYear"), src, NAMED_AT,
                           REGISTRY.confidence(NAMED_AT))
            if not adopters and meeting:
                for x in ctx.mentions_in(src, meeting[-1].start, meeting[-1].end):
                    if x.entity.kind in ("state", "org"):
                        yield Fact(ent, "adoptedBy", x.entity, src, NAMED_PARTICIPANTS,
                                   REGISTRY.confidence(NAMED_PARTICIPANTS))
        if dates and dates[0].year:
            yield from _date_facts(ent, dates[0], src, NAMED_DATE, REGISTRY.confidence(NAMED_DATE))
        elif members_day:                                # a one-day meeting's day is the adoption's
            yield Fact(ent, "dateAdopted", Value(members_day, "date"), src, NAMED_AT,
                       REGISTRY.confidence(NAMED_AT))
        if cls == "FundingCommitment":
            for a in [a for a in find_amounts(src.text) if name_end <= a.start <= e and a.currency][:1]:
                yield from family._amount(ent, a, src)
        yield from family._funders(ctx, src, v, ent, name_end, e)


# Between an instrument's name and the meeting that frames its adoption: (وذلك) في إطار / خلال / في ختام / على هامش /
# ضمن / أثناء / في (أعمال / أشغال / فعاليات / اجتماعات) MEETING
# (a bare في only before أعمال/أشغال/فعاليات: ``الاتفاقية … المشاركة في المؤتمر`` is a participle's complement)
_FRAMED_AT = re.compile(r"^[\s\"'»”،,)]*(?:وذلك\s+)?(?:(?:في اطار|خلال|في ختام|على هامش|ضمن|اثناء)\s+"
                        r"(?:(?:اعمال|اشغال|فعاليات|اجتماعات|انعقاد)\s+)?|في\s+(?:اعمال|اشغال|فعاليات|اجتماعات)\s+)$")


def _meeting_after(ctx, src, v, meetings, name_end: int, e: int, meeting_of=None):
    """The meeting named right after the instrument's name in its clause, governed by a framing locative
    (``اعتماد إعلان القاهرة، وذلك في إطار أعمال الاجتماع الوزاري الثاني``): the meeting reference there, else,
    when a meeting noun stands there, the paragraph's held meeting; else None."""
    for r in meetings:
        if name_end <= r.start < e and _FRAMED_AT.match(fold(v.text[name_end:r.start])):
            return r.event
    if meeting_of is None:
        return None
    toks, lex = ctx.tokens(src), load()
    k = toks.index_at(name_end)
    hi = min(len(toks.tokens), k + 8)
    for c in range(k, hi):
        t = toks.tokens[c]
        if t.start >= e:
            break
        if lex.is_a(toks, c, "meeting_noun"):
            if _FRAMED_AT.match(fold(v.text[name_end:t.start])):
                held = meeting_of(src)
                return held[0] if held is not None else None
            break
    return None



@dataclass
class _Ref:
    """A meeting the adopting verb's subject names, found by its ordinal (no span of its own)."""

    event: Entity
    start: int = -1
    end: int = -1


def _subject_ordinal(toks, lex, k: int, stop: int) -> int | None:
    """The ordinal written in the meeting phrase that is the verb's subject (مؤتمرها الوزاري الأول)."""
    from .minting import ORDINALS
    for c in range(k, min(stop, k + 4)):
        n = ORDINALS.get(toks.tokens[c].norm)
        if n:
            return n
    return None


SUBJECT_TOKENS = 4          # tokens between a meeting phrase that is the verb's subject and the verb


def _own_meeting_subject(toks, lex, k: int, last_ref: int) -> bool:
    """A meeting phrase with words of its own stands right before the verb at token ``k`` (its subject: ``قمة
    فاليتا اعتمدت``), after the last meeting phrase the sentence named (token ``last_ref``): the verb is that
    other meeting's. A bare meeting noun (``وكان المؤتمر قد اعتمد``) takes the named meeting up again."""
    lo = max(last_ref + 1, sentence_bounds(toks, k)[0], k - SUBJECT_TOKENS)
    return any(not _bare_meeting_subject(toks, lex, x.i, k)
               for x in lex.find(toks, "meeting_noun", lo, k) if not x.feature("plural"))


def _bare_meeting_subject(toks, lex, k: int, stop: int) -> bool:
    """The verb's subject at token ``k`` is a bare meeting noun (``الاجتماع``، ``المؤتمر الوزاري``، ``القمة``) that
    runs, past its qualifiers, straight into the instrument at token ``stop``: it takes up the paragraph's held
    meeting. A meeting phrase with words of its own (an ordinal, a place, a name: ``قمة فاليتا``) names one."""
    m = lex.is_a(toks, k, "meeting_noun")
    if m is None or m.feature("plural"):
        return False
    c = m.j
    while c < stop:
        q = lex.is_a(toks, c, "meeting_qualifier")
        if q is not None and not toks.tokens[c].ents:
            c = q.j
        elif toks.tokens[c].norm in FILLERS or toks.tokens[c].norm in ",،":
            c += 1
        else:
            return False
    return c == stop


ANTECEDENT_TOKENS = 16      # tokens between a meeting noun and the relative of its adopting clause



def _meeting_antecedent(ctx, src, ms: int, window: str, meeting_of):
    """``MEETING … (،) (و)الذي ADOPT NAME``: the paragraph's held meeting when a meeting noun stands a few words
    before the relative (its antecedent) and the instrument's head word right after the verb; else None (a
    passive relative whose instrument is named before it: ``الإطار الذي اعتمد في 2012``)."""
    from .commitments import _HEAD_FIRST          # noqa: PLC0415 (the family's head words)
    if meeting_of is None or not _HEAD_FIRST.match(window):
        return None
    held = meeting_of(src)
    if held is None:
        return None
    toks, lex = ctx.tokens(src), load()
    k = toks.index_at(ms)
    lo = sentence_bounds(toks, k)[0]
    b = k - 1
    while b >= lo and (toks.tokens[b].kind == "punct" or toks.tokens[b].norm in RELATIVES):
        b -= 1
    if b >= lo and any(m.entity.kind in ADOPTER_KINDS for m in toks.tokens[b].ents):
        return None      # الجمعية العامة التي اعتمدت القرار …: the organisation right before is the antecedent
    return held if lex.find(toks, "meeting_noun", max(lo, k - ANTECEDENT_TOKENS), k) else None


_ANOTHER_ADOPTION = re.compile(r"(?<![\w])[وفلب]?(?:اعتماد|اقرار|اطلاق|انشاء|توقيع)(?![\w])")
_NAMED_KINDS = frozenset({"commitment", "process", "org", "body"})


def _named_entity_at(ctx, src, start: int):
    """The gazetteer instrument, process or organisation named where the head word stands (إعلان نيويورك،
    مبادرة طريق الهجرة … = the Khartoum Process, صندوق الأمم المتحدة للسكان), else None: the known entity
    wins over a minted one."""
    return next((x.entity for x in ctx.mentions_in(src) if x.entity.kind in _NAMED_KINDS
                 and not x.entity.from_text and x.start <= start < x.end
                 and not (x.entity.kind != "commitment" and _bare_head(src.text[x.start:x.end])
                          and len(src.text[x.end:x.end + 40].split()) >= 2 and not _NAME_ENDS.match(src.text[x.end:]))),
                None)


_NAME_ENDS = re.compile(r"^\s*(?:[،,.؛;:)\]\"“”»]|و(?:\s|ال))")


def _bare_head(surface: str) -> bool:
    """A one-word short form that is only the head word (البرنامج، الصندوق، المبادرة): when more name words
    follow it (البرنامج العالمي المشترك …), it opens a programme's name, it is no organisation's short form."""
    from .commitments import KINDS                 # noqa: PLC0415 (the family's head words)
    return len(surface.split()) == 1 and any(re.fullmatch(rf"(?:ال)?{h}", fold(surface)) for h, _ in KINDS)


def _clause_dates(text: str, s: int, e: int, verb: int) -> list:
    """The dates of the adopting clause: those after the verb first; else the last one before it with no
    comma between (``في 2014 اعتمدت الحكومة …``) or fronted (``وفي تموز 2006، اعتمد …``); a date of an earlier clause (``المعقود في آذار 2011،
    واعتمد …``) is another event's, a deadline (``بحلول عام 2018``) is none."""
    dates = [d for d in dates_in(text, s, e) if not _DEADLINE.search(text[max(s, d.start - 12):d.start])]
    after = [d for d in dates if d.start >= verb]
    if not after and _SAME_TIME.match(fold(text[verb:verb + 40])):
        return [d for d in dates if d.end <= verb][-1:]   # وأطلقتا في الوقت ذاته: the date of the clause before
    if after:
        return after
    before = [d for d in dates if d.end <= verb and (not re.search(r"[،,؛;]", text[d.end:verb])
                                                     or _FRONTED.match(text[s:d.start]))]
    return before[-1:]


_SAME_TIME = re.compile(r"^\S+\s+(?:في\s+)?(?:الوقت|اليوم|التاريخ)\s+(?:ذاته|نفسه)")
_DEADLINE = re.compile(r"(?:بحلول|حتى|قبل|موعد أقصاه)\s*(?:عام|سنة|نهاية)?\s*$")   # a deadline, not the adoption's date
_FRONTED = re.compile(r"^\W*(?:[وف])?(?:في|خلال|منذ)?\s*$")   # وفي تموز/يوليه 2006، اعتمد …: a fronted date


def extract(ctx, read: set | None = None) -> list[Fact]:
    """Every adoption the token rules read. ``read``, when given, receives (id(source), token index) of each
    adopting verb they read a fact from: the statement is theirs, the commitments family's rule of names the
    gazetteer lacks (``commitments._adoptions``) does not read it again."""
    from .event_status import document_day
    lex = load()
    out: list[Fact] = []
    meeting_of = leads = None
    doc_day = document_day(ctx.document)
    read = set() if read is None else read
    for src in list(ctx.document.paragraphs) + [f for f in ctx.document.footnotes if f.text]:
        toks = ctx.tokens(src)
        if not any(m.entity.kind == "commitment" for m in toks.mentions):
            continue                               # nothing named to adopt
        meeting_of = meeting_of or MeetingOf(ctx)
        leads = _lead_dates(ctx, meeting_of, lex, doc_day) if leads is None else leads
        meeting = meeting_of(src)
        if meeting is not None:
            meeting = meeting + (leads.get(meeting[0].key),)
        ends = sentence_ends(toks)
        for k in range(len(toks.tokens)):
            hi = ends[toks.tokens[k].sent]
            found: list[Fact] = []
            if starting(toks, k, {"commitment"}) is not None:
                found.extend(_relative(toks, src, lex, k, hi, meeting, doc_day))
            if lex.match_at(toks, k, ("adopt_verb",)) and (id(src), k) not in read:   # not the verb of a relative read
                found.extend(_active(toks, src, lex, k, hi, meeting, doc_day))
                found.extend(_pronoun_noun(toks, src, lex, lex.match_at(toks, k, ("adopt_verb",))[0], hi, doc_day))
                found.extend(_moment_noun(toks, src, lex, lex.match_at(toks, k, ("adopt_verb",))[0], hi, doc_day))
            if lex.match_at(toks, k, ("meeting_adopt_frame",)):
                found.extend(_meeting_side(toks, src, lex, k, hi, meeting, doc_day))
            if found:
                verb = next((v for v in lex.find(toks, "adopt_verb", k, hi)), None)
                if verb is not None:
                    read.add((id(src), verb.i))
            out.extend(found)
    return out
