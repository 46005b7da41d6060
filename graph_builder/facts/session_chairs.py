"""Co-chairs of a meeting's sessions written in running text: ``تناولت المائدة المستديرة الأولى، التي
ترأستها بصورة مشتركة حكومتا الفلبين وكندا، …``, ``وخصصت المائدة الثانية، برئاسة مشتركة من بنغلاديش
وفرنسا، لـ…``, ``وأفردت جلسة لتقييم …، ترأستها بصورة مشتركة حكومتا بنغلاديش وإسبانيا``.

A session noun (lexicon class ``session_noun``: المائدة المستديرة، جلسة …) with its ordinal, then within
its clause a chair word (``chair_verb``) and the states or organisations after it: the session is a
part of the meeting the sentence (or else the document) is about, and each actor co-chairs it (two or
more, or a co form) or chairs it (one). A session of a planned meeting, a future or negated chair word
gives nothing; the head of a delegation is no session's chair.

It does not read a chair's report's session headings and their header lines (``sessions.py``) nor the
chairs of whole meetings (``meeting_relations.py``) or of processes (``process_chairs.py``).
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.tokens import Tokens
from ..text.word_classes import load
from .event_common import Ref, key_year, year_fact
from .event_status import PLANNED, negated
from .minting import sub_event, translit
from .process_chairs import _actors_run, ordinal_at
from .rules import REGISTRY, Rule, register
from .written_meetings import antecedent

register(Rule("event.session-chair-written", ("partOf", "chairedBy", "coChairedBy"), 0.75,
              ("session_noun", "chair_verb", "entity:state", "entity:org"),
              "SESSION_NOUN [ordinal]، (التي ترأستها | برئاسة مشتركة من) STATES: a part of the sentence's meeting, "
              "co-chaired by each state (chaired by one)", "events"))

CLAUSE_WINDOW = 14           # tokens after the session noun where its chair word may be
_ENGLISH = {"roundtable": "round table"}


def session_chairs(ctx, st, src, toks: Tokens, refs: list[Ref], s: int, e: int):
    lex = load()
    lo, hi = toks.token_range(s, e)
    sessions = [m for m in lex.find(toks, "session_noun", lo, hi) if not m.feature("plural")]
    if not sessions:
        return
    conf = REGISTRY.confidence("event.session-chair-written")
    for m in sessions:
        n, after = ordinal_at(toks, m.j, hi)
        if m.feature("short") and n is None:
            continue                     # المائدة alone names a session only with its ordinal
        got = _chairs_in_clause(toks, refs, after, hi)
        if got is None:
            continue
        actors, co, end = got
        if not actors:
            continue
        held = [r for r in refs if r.status != PLANNED and r.event.kind == "event"]
        parent_ref = min(held, key=lambda r: abs(r.start - toks.tokens[m.i].start)) if held else antecedent(st, src)
        if parent_ref is None or parent_ref.status == PLANNED:
            continue
        parent = parent_ref.event
        year = key_year(parent)
        kind = m.feature("kind") or "session"
        label = toks.surface(m.i, after if n is not None else _label_end(toks, m.j, hi))
        if n is not None:
            key = f"{kind}-{n}"
        elif m.feature("part"):
            key = kind                   # the one senior officials' meeting of the meeting (as written_meetings keys it)
        else:
            key = f"{kind}-{translit(label)[:40].strip('-')}"
        english = f"{parent.label_en} {_ENGLISH.get(kind, kind.replace('-', ' '))}" + (f" {n}" if n else "")
        ev = sub_event(parent, key, label, english)
        yield Fact(ev, "partOf", parent, src, "event.session-chair-written", conf)
        if year is not None:
            yield year_fact(ev, year, src)
        co = co or len(actors) > 1
        for a in actors:
            yield Fact(ev, "coChairedBy" if co else "chairedBy", a, src, "event.session-chair-written", conf)


def _label_end(toks: Tokens, j: int, hi: int) -> int:
    """The end of a session's name: up to the comma that sets off its chair clause (at most 10 words)."""
    k = j
    while k < hi and k - j < 10 and toks.tokens[k].norm not in (",", ";", "."):
        k += 1
    return k


def _chairs_in_clause(toks: Tokens, refs, k: int, hi: int):
    """(actors, co, end) of the chair word in the session's clause, None when there is none."""
    lex = load()
    for x in range(k, min(hi, k + CLAUSE_WINDOW)):
        t = toks.tokens[x]
        if t.norm in (".", ";") or (x > k and lex.is_a(toks, x, "session_noun") is not None):
            return None
        vm = lex.is_a(toks, x, "chair_verb")
        if vm is None:
            continue
        if negated(toks, x) or vm.future or lex.is_a(toks, vm.j, "delegation_noun") is not None:
            return None
        if vm.feature("tense") != "noun" and toks.tokens[x - 1].norm not in ("التي", "الذي", ","):
            return None              # a chair verb of another subject
        j = vm.j
        co = bool(vm.feature("co"))
        while j < hi and toks.tokens[j].norm in ("بصوره", "مشتركه", "بشكل", "المشتركه", "من", "بين"):
            co = co or toks.tokens[j].norm in ("مشتركه", "المشتركه")
            j += 1
        actors, end = _actors_run(toks, j, hi, refs)
        return actors, co, end
    return None
