"""Who takes part in a meeting by speaking at it or opening it, and which state a delegation named
by a nisba adjective stands for.

* ``event.speaker``: ``افتتح X أعمال المؤتمر``, ``ألقت X كلمة أمام الاجتماع``, ``قال X في كلمته خلال
  المنتدى``, ``افتتاح الاجتماع بكلمة السفيرة X``: the person, state or organisation X takes part in the
  meeting named after the speech word, else the sentence's nearest meeting, else (a sentence naming
  none) the paragraph's last held meeting. A speech noun that opens the sentence after في, with or without a
  pronoun (``وفي كلمته أمام القمة، دعا X``, ``وفي كلمة بالمناسبة، شددت X``), has its speaker after the comma.
  حول/عن after a meeting named before the speech word open the meeting's theme: they do not take the speech away.
* ``event.delegation-adjective``: ``الوفد البحريني``, ``وفد مصري``, ``الوفد المغربي المشارك في``: the
  state of the adjective takes part in the sentence's meeting (or the last held one, when the
  sentence has a participation or speech word).

Nothing is given for a planned speech or delegation (future verb, planned marker, planned meeting),
a speech or a visit about or away from the meeting (حول، عن، بعد، عقب، زار), a press statement or an
interview (no speech word). It does not find the meetings (``events.py`` gives the references).
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.tokens import Tokens
from ..text.word_classes import load
from .event_common import Ref
from .event_status import PLANNED, negated
from .meeting_relations import _full_person, _name_tail, _ref_tok, _status, _titled_persons
from .minting import person
from . import role_antecedent
from .rules import REGISTRY, Rule, register

register(Rule("event.speaker", ("participatesIn",), 0.75,
              ("speech_word", "planned_marker", "reporting_verb", "entity:person", "entity:state", "entity:org"),
              "SPEECH_WORD (افتتح، ألقى كلمة، في كلمته أمام، بكلمة X): the speaker takes part in the meeting "
              "the speech is at", "events"))
register(Rule("event.delegation-members", ("participatesIn",), 0.75,
              ("delegation_noun", "delegation_include", "entity:person", "entity:state", "planned_marker"),
              "DELEGATION_NOUN + DELEGATION_INCLUDE + persons (وفد يضم السادة NAME ROLE، وNAME ROLE؛ ويضم وفد البحرين "
              "NAME): each member, and the delegation's state, takes part in the meeting the delegation attends",
              "events"))
register(Rule("event.delegation-adjective", ("participatesIn",), 0.75,
              ("delegation_noun", "entity:state", "planned_marker"),
              "DELEGATION_NOUN + state adjective (الوفد البحريني، وفد مصري): the state takes part in the sentence's "
              "meeting", "events"))

SPEAKER_WINDOW = 8           # tokens between a speech word and its speaker
MEETING_WINDOW = 8           # tokens between a speech word and the meeting it is at
_ACTORS = ("person", "state", "org")
_AWAY = frozenset({"حول", "عن", "بشان", "نتائج", "مخرجات", "بعد", "عقب", "قبل", "لدي", "اثر", "تصريح", "تصريحات",
                   "مقابله", "حوار", "لقاء", "زار", "زياره", "يزور", "استعدادا", "تحضيرا", "للتحضير"})
_ABOUT = frozenset({"حول", "عن", "بشان"})
_VISIT = frozenset({"زار", "زياره", "يزور", "بعد", "عقب", "قبل", "استعدادا", "تحضيرا", "للتحضير"})
_STOP = frozenset({",", ";", ".", ":", "ان", "إن", "أن", "بان", "بأن"})


def _actor_at(toks: Tokens, k: int, hi: int):
    for m in toks.tokens[k].ents:
        if toks.index_at(m.start) == k and m.entity.kind in _ACTORS:
            return _full_person(toks, m, hi)
    return None


def _after(toks: Tokens, j: int, hi: int):
    """The actor right after the word (past titles and roles; up to a comma or a meeting)."""
    lex = load()
    for k in range(j, min(hi, j + SPEAKER_WINDOW)):
        if toks.tokens[k].norm in _STOP or lex.is_a(toks, k, "meeting_noun") is not None:
            break
        who = _actor_at(toks, k, hi)
        if who is not None:
            return who
    if j < hi and lex.is_a(toks, j, "role") is not None:
        name = _name_tail(toks, j, hi)
        return person(name) if name else None
    return None


def _each_of(toks: Tokens, k: int, hi: int) -> bool:
    """``كل من`` at ``k``: a list of speakers follows."""
    return k + 1 < hi and toks.tokens[k].norm == "كل" and toks.tokens[k + 1].norm == "من"


def _subject_start(toks: Tokens, j: int, hi: int) -> int:
    """Where the subject of an opening verb starts: right after it, or past the meeting it opened when
    the object comes first (افتتح الاجتماعَ الدكتور X، وافتتح القمة رئيس الوزراء X): the first title or role."""
    lex = load()
    if j >= hi or lex.is_a(toks, j, "meeting_noun") is None:
        return j
    for k in range(j + 1, min(hi, j + SPEAKER_WINDOW)):
        if toks.tokens[k].norm in _STOP:
            break
        if lex.is_a(toks, k, "title") is not None or lex.is_a(toks, k, "role") is not None:
            return k
    return hi


def _before(toks: Tokens, lo: int, i: int, hi: int):
    """The subject before a speech noun (قال X في كلمته، وأكدت السفيرة X – في كلمتها): the nearest actor
    back to the clause's start, with no complement (أن، إن) or comma-less clause break in between."""
    for k in range(i - 1, max(lo, i - SPEAKER_WINDOW) - 1, -1):
        if toks.tokens[k].norm in ("ان", "إن", "أن", "بان", ".", ";", ":"):
            return None
        for m in toks.tokens[k].ents:
            if m.entity.kind in _ACTORS and toks.index_at(m.end - 1) == k or (
                    m.entity.kind in _ACTORS and toks.index_at(m.start) <= k < toks.index_at(m.end - 1) + 1):
                return _full_person(toks, m, hi)
    return None


CARRIED_REACH = 3            # tokens between a sentence's start and the speech noun of a subject left unsaid


def _carried_speaker(ctx, src, toks: Tokens, lo: int, i: int):
    """The speaker of a sentence that opens with a reporting verb and leaves its subject unsaid (``وقالت خلال
    كلمتها في الاجتماع …``, ``وأكد في كلمته أمام المنتدى …``): the one person named before it in the paragraph,
    else in the paragraph before; None when none or several persons are named there."""
    lex = load()
    if i - lo > CARRIED_REACH or lex.is_a(toks, lo, "reporting_verb") is None:
        return None
    if any(m.entity.kind in _ACTORS for k in range(lo, i) for m in toks.tokens[k].ents):
        return None
    start = toks.tokens[lo].start
    persons = {m.entity for m in ctx.mentions_in(src, 0, start) if m.entity.kind == "person"}
    if not persons:
        paras = list(ctx.document.paragraphs)
        at = next((n for n, p in enumerate(paras) if p is src), None)
        if at:
            persons = {m.entity for m in ctx.mentions_in(paras[at - 1]) if m.entity.kind == "person"}
    return next(iter(persons)) if len(persons) == 1 else None


def _opening_at(toks: Tokens, lo: int, i: int) -> bool:
    """A speech noun with no pronoun opening the sentence after في (``وفي كلمة بالمناسبة، شددت X``): its speaker is
    the subject after the comma that ends the opening phrase."""
    return i > lo and fold(toks.tokens[i - 1].norm).lstrip("و") == "في"


def _away(toks: Tokens, a: int, b: int, words=_AWAY) -> bool:
    a, b = min(a, b), min(max(a, b), len(toks.tokens))
    return any(fold(toks.tokens[k].norm).lstrip("و") in words or fold(toks.tokens[k].norm) in words
               for k in range(a, b))


def _meeting(toks: Tokens, refs: list[Ref], taken: Ref | None, i: int, j: int, lo: int, hi: int) -> Ref | None:
    """The meeting the speech at tokens [i, j) is at: the one named after it (nothing about another
    meeting in between), else the nearest named before it in the sentence, else the taken-up one."""
    after = [r for r in refs if j <= _ref_tok(toks, r) < j + MEETING_WINDOW]
    if after:
        ref = after[0]
        return None if _away(toks, j, _ref_tok(toks, ref)) else ref
    before = [r for r in refs if _ref_tok(toks, r) < i]
    if before:
        ref = before[-1]         # حول/عن after a meeting named before the speech open its theme, not "about"
        return None if _away(toks, _ref_tok(toks, ref), i, _AWAY - _ABOUT) else ref
    if refs or taken is None or _away(toks, lo, min(hi, j + MEETING_WINDOW)):
        return None
    return taken


def _planned(toks: Tokens, lo: int, i: int) -> bool:
    lex = load()
    if lex.find(toks, "planned_marker", lo, i):
        return True
    return any(r.pro and "س" in r.pro for k in range(max(lo, i - 4), i) for r in toks.tokens[k].readings()[:1])


def speakers(ctx, src, toks: Tokens, refs: list[Ref], taken: Ref | None, s: int, e: int):
    """Rule ``event.speaker`` over one sentence (``taken``: the meeting a sentence naming none is about)."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    conf = REGISTRY.confidence("event.speaker")
    words = lex.find(toks, "speech_word", lo, hi)
    verbs = [w for w in words if w.feature("form") != "noun"]
    for w in words:
        if w.future or negated(toks, w.i) or _planned(toks, lo, w.i):
            continue
        form = w.feature("form")
        group = []
        if form != "noun" and w.feature("tense") != "past":
            continue
        gov = [v for v in verbs if v.i < w.i and w.i - v.j <= SPEAKER_WINDOW]
        if form == "noun" and gov and (gov[-1].future or gov[-1].feature("tense") != "past"):
            continue                 # سيلقي X كلمة، يلقي كلمة: a speech still to come
        if form == "noun" and gov:
            continue                 # ألقى X كلمة: the verb gave it
        if form == "noun":
            if w.reading.enc:
                who = _before(toks, lo, w.i, hi)
            else:
                who = _after(toks, w.j, hi) if not w.reading.pro or "ب" in w.reading.pro else None
        else:
            at = _subject_start(toks, w.j, hi)
            group = _titled_persons(toks, at, hi) if _each_of(toks, at, hi) else []   # ألقاها كل من X، Y وZ
            who = group[0] if group else _after(toks, at, hi)
            if who is None and at < hi:
                who = role_antecedent.earlier_person(ctx, src, toks, at, hi)   # وألقى الوزير كلمة: named before
        if who is None and form == "noun" and w.reading.enc:
            who = _carried_speaker(ctx, src, toks, lo, w.i)     # NAME … . وقالت خلال كلمتها في الاجتماع …
        if who is None and form == "noun" and w.i - lo <= 2 and (w.reading.enc or _opening_at(toks, lo, w.i)):
            comma = next((k for k in range(w.j, min(hi, w.j + 10)) if toks.tokens[k].norm == ","), None)
            who = _after(toks, comma + 1, hi) if comma is not None else None    # وفي كلمته أمام القمة، دعا X
        if who is None:
            continue
        end = w.j
        if form == "deliver":         # ألقى X كلمة أمام …: the meeting comes after the speech noun
            end = next((n.j for n in words if n.feature("form") == "noun" and 0 < n.i - w.i <= SPEAKER_WINDOW + 2), end)
        ref = _meeting(toks, refs, taken, w.i, end, lo, hi)
        if ref is None or _status(ref) == PLANNED or who == ref.process:
            continue
        for x in (group or [who]):
            yield Fact(x, "participatesIn", ref.event, src, "event.speaker", conf)
    yield from reported_speakers(src, toks, refs, lo, hi)


register(Rule("event.reported-speaker", ("participatesIn",), 0.7, ("reporting_verb", "entity:person"),
              "REPORTING_VERB PERSON [ROLE] خلال/في/أمام MEETING (وقالت X وزيرة … خلال الاجتماع الذي عقد …، وقال X في "
              "مؤتمر إقليمي …): the person spoke at the meeting named right after the preposition", "events"))
REPORTED_REACH = 14          # tokens of a speaker's name and role between the reporting verb and خلال/في/أمام
_AT = frozenset({"خلال", "في", "امام"})


def reported_speakers(src, toks: Tokens, refs: list[Ref], lo: int, hi: int):
    """Rule ``event.reported-speaker``: a person who said something at a meeting the sentence names right
    after خلال/في/أمام (not في تصريح، في بيان: no meeting there)."""
    if not refs:
        return
    lex = load()
    conf = REGISTRY.confidence("event.reported-speaker")
    for vm in lex.find(toks, "reporting_verb", lo, hi):
        if vm.future or negated(toks, vm.i) or vm.j >= hi:
            continue
        who = next((m for k in range(vm.j, min(hi, vm.j + 2)) for m in toks.tokens[k].ents
                    if m.entity.kind == "person" and toks.index_at(m.start) == k), None)
        if who is None:
            continue
        for k in range(toks.index_at(who.end - 1) + 1, min(hi, vm.j + REPORTED_REACH)):
            t = toks.tokens[k]
            if t.norm in _STOP - {","} or t.norm in ("ان", "إن", "أن", "بان"):
                break
            if t.norm in _AT:
                ref = next((r for r in refs if _ref_tok(toks, r) in (k + 1, k + 2)), None)
                if ref is not None and _status(ref) != PLANNED:
                    yield Fact(_full_person(toks, who, hi), "participatesIn", ref.event, src,
                               "event.reported-speaker", conf)
                break


def _adjective_state(ctx, toks: Tokens, k: int):
    """The state a nisba adjective at ``k`` names (البحريني، or the indefinite مصري)."""
    for m in toks.tokens[k].ents:
        if m.entity.kind == "state" and toks.index_at(m.start) == k:
            return m.entity
    gaz = getattr(ctx, "gazetteer", None)
    word = fold(toks.tokens[k].norm)
    if gaz is None or word.startswith("ال") or toks.tokens[k].kind != "word":
        return None
    for key, forms in gaz.adjectives.items():
        if any(fold(f) == "ال" + word for f in forms):
            return gaz.get(*key)
    return None


def delegations(ctx, src, toks: Tokens, refs: list[Ref], taken: Ref | None, s: int, e: int):
    """Rule ``event.delegation-adjective`` over one sentence."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    conf = REGISTRY.confidence("event.delegation-adjective")
    for d in lex.find(toks, "delegation_noun", lo, hi):
        if d.j >= hi or d.reading.enc:
            continue
        state = _adjective_state(ctx, toks, d.j)
        if state is None or _planned(toks, lo, d.i):
            continue
        if any(v.future for v in lex.find(toks, ("participate_verb", "speech_word"), lo, hi)):
            continue                 # سيشارك الوفد المغربي: a delegation still to come
        if _away(toks, lo, hi, _VISIT):
            continue                 # زار وفد مصري …، بعد الاجتماع: a visit, not the meeting
        head = next((v for v in lex.find(toks, "chair_verb", max(lo, d.i - 2), d.i)
                     if v.j == d.i and not v.future and v.feature("tense") == "past" and not negated(toks, v.i)), None)
        if not refs:
            if taken is None or not (head or lex.find(toks, ("participate_verb", "speech_word"), lo, hi)):
                continue
            ref = taken
        else:
            ref = min(refs, key=lambda r: abs(_ref_tok(toks, r) - d.i))
        if _status(ref) == PLANNED:
            continue
        yield Fact(state, "participatesIn", ref.event, src, "event.delegation-adjective", conf)
        if head is not None and not refs:     # وترأس الوفد البحريني، ROLE NAME (a sentence naming no meeting; with
            # one, the chair rule's delegation head gives it): the head of the delegation takes part
            k = d.j + 1 + (d.j + 1 < hi and toks.tokens[d.j + 1].norm == ",")
            who = _after(toks, k, hi)
            if who is not None and getattr(who, "kind", "") == "person":
                yield Fact(who, "participatesIn", ref.event, src, "event.delegation-adjective", conf)


INCLUDE_REACH = 8            # tokens between a delegation noun and the verb saying who it is made of
_LIST_END = frozenset({".", ";", ":"})
_NEW_CLAUSE = frozenset({"فيما", "بينما", "كما", "حيث", "وذلك"})


def delegation_members(ctx, src, toks: Tokens, refs: list[Ref], taken: Ref | None, s: int, e: int):
    """Rule ``event.delegation-members`` over one sentence: ``وفد يضم NAME ROLE، وNAME ROLE`` /
    ``ويضم وفد STATE المشارك في MEETING NAME، وNAME``: every person listed after the verb, and the state the
    delegation is of, take part in the meeting (the one the sentence names nearest the delegation, else the
    one a sentence naming none is about, when it has a participation or representation word). Nothing for a
    delegation still to come (future verb, planned marker), a visit, or a meeting that is planned."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    conf = REGISTRY.confidence("event.delegation-members")
    for d in lex.find(toks, "delegation_noun", lo, hi):
        if d.reading.enc:
            continue
        verb = next((v for v in lex.find(toks, "delegation_include", max(lo, d.i - 1), min(hi, d.j + INCLUDE_REACH))
                     if v.j == d.i or v.i >= d.j), None)
        if verb is None or verb.future or negated(toks, verb.i) or _planned(toks, lo, d.i):
            continue
        if any(v.future for v in lex.find(toks, ("participate_verb", "speech_word"), lo, hi)) or _away(toks, lo, hi, _VISIT):
            continue
        if refs:
            ref = min(refs, key=lambda r: abs(_ref_tok(toks, r) - d.i))
        elif taken is not None and (lex.find(toks, ("participate_verb", "speech_word"), lo, hi)
                                    or any(toks.tokens[k].norm.lstrip("و") in ("يمثل", "تمثل", "المشارك", "المشاركه")
                                           for k in range(lo, hi))):
            ref = taken
        else:
            continue
        if _status(ref) == PLANNED:
            continue
        state = _delegation_state(ctx, toks, d.j, hi)
        if state is not None:
            yield Fact(state, "participatesIn", ref.event, src, "event.delegation-members", conf)
        start = verb.j if verb.i >= d.j else _past_delegation_name(toks, d.j, hi)
        for who in _listed_persons(toks, start, hi):
            yield Fact(who, "participatesIn", ref.event, src, "event.delegation-members", conf)


def _delegation_state(ctx, toks: Tokens, j: int, hi: int):
    """The state a delegation is of: the state named or its adjective right after the noun (وفد المغرب، وفد
    مملكة البحرين، الوفد المغربي), else None."""
    for k in range(j, min(hi, j + 2)):
        st = _adjective_state(ctx, toks, k)
        if st is not None:
            return st
    return None


def _past_delegation_name(toks: Tokens, j: int, hi: int) -> int:
    """The first token after ``وفد STATE [المشارك في MEETING]`` in a verb-first sentence (ويضم وفد البحرين …)."""
    k = j
    while k < hi and (any(m.entity.kind in ("state", "process", "event", "org") for m in toks.tokens[k].ents)
                      or toks.tokens[k].norm in ("المشارك", "المشاركه", "في", "دوله", "مملكه", "جمهوريه")):
        k += 1
    return k


def _listed_persons(toks: Tokens, j: int, hi: int) -> list:
    """The persons named from ``j`` to the end of the list (a full stop, a colon, a new clause)."""
    out = []
    for k in range(j, hi):
        t = toks.tokens[k]
        if t.norm in _LIST_END or t.norm in _NEW_CLAUSE:
            break
        for m in t.ents:
            if m.entity.kind == "person" and toks.index_at(m.start) == k:
                who = _full_person(toks, m, hi)
                if who not in out:
                    out.append(who)
    return out
