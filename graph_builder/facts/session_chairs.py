"""Co-chairs of a meeting's sessions written in running text: ``تناولت المائدة المستديرة الأولى، التي
ترأستها بصورة مشتركة حكومتا الفلبين وكندا، …``, ``وخصصت المائدة الثانية، برئاسة مشتركة من بنغلاديش
وفرنسا، لـ…``, ``وأفردت جلسة لتقييم …، ترأستها بصورة مشتركة حكومتا بنغلاديش وإسبانيا``.

A session noun (lexicon class ``session_noun``: المائدة المستديرة، جلسة …) with its ordinal, then within
its clause a chair word (``chair_verb``) and the states or organisations after it: the session is a
part of the meeting the sentence (or else the document) is about, and each actor co-chairs it (two or
more, or a co form) or chairs it (one). A session of a planned meeting, a future or negated chair word
gives nothing; the head of a delegation is no session's chair. A numbered round table with no chair word,
written in the account of a held meeting (``ناقشت المائدة المستديرة الأولى …``, ``أما المائدة الثالثة فـ…``), is a
part of that meeting (rule ``event.session-written``); not after a future verb, in a planned clause, or with an owner
of its own after its ordinal (``للاجتماع السابق``).

It does not read a chair's report's session headings and their header lines (``sessions.py``) nor the
chairs of whole meetings (``meeting_relations.py``) or of processes (``process_chairs.py``).
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.tokens import Tokens
from ..text.word_classes import load
from .event_common import Ref, key_year, year_fact
from .event_status import PLANNED, clause_status, negated
from .minting import sub_event, translit
from .process_chairs import _actors_run, ordinal_at
from .rules import REGISTRY, Rule, register
from .written_meetings import antecedent

register(Rule("event.session-chair-written", ("partOf", "chairedBy", "coChairedBy"), 0.75,
              ("session_noun", "chair_verb", "entity:state", "entity:org"),
              "SESSION_NOUN [ordinal]، (التي ترأستها | برئاسة مشتركة من) STATES: a part of the sentence's meeting, "
              "co-chaired by each state (chaired by one)", "events"))

register(Rule("event.session-written", ("partOf",), 0.7,
              ("session_noun", "values:ordinal", "document.meeting"),
              "a numbered round table written in the account of a held meeting (ناقشت المائدة المستديرة الأولى …، أما "
              "المائدة الثالثة فـ…) is part of that meeting; not in a planned or future clause, not one owned by another "
              "meeting or process (المائدة المستديرة الأولى للاجتماع السابق)", "events"))

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
        if got is None or not got[0]:
            if n is not None and m.feature("kind") == "roundtable" and _numbered_in_account(toks, m, after, hi):
                got = ([], False, after)         # ناقشت المائدة المستديرة الأولى …: a part of the meeting reported on
            else:
                continue
        actors, co, end = got
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
        rule = "event.session-chair-written" if actors else "event.session-written"
        yield Fact(ev, "partOf", parent, src, rule, REGISTRY.confidence(rule))
        if year is not None:
            yield year_fact(ev, year, src)
        co = co or len(actors) > 1
        for a in actors:
            yield Fact(ev, "coChairedBy" if co else "chairedBy", a, src, "event.session-chair-written", conf)


def _numbered_in_account(toks: Tokens, m, after: int, hi: int) -> bool:
    """The numbered session at ``m`` (its ordinal ends at ``after``) is reported as held: no future verb right
    before it, no planned clause, no owner of its own after the ordinal (ل/ال + another meeting or a process)."""
    for k in range(max(0, m.i - 3), m.i):
        if any(r.pro.endswith("س") for r in toks.tokens[k].readings()) and toks.tokens[k].kind == "word":
            return False                  # ستتناول المائدة المستديرة الأولى: still to come
    if clause_status(toks, m.i) == PLANNED:
        return False
    if after < hi:
        nxt = toks.tokens[after]
        if any(e.entity.kind == "process" for e in nxt.ents) or load().is_a(toks, after, "meeting_noun") is not None:
            return False                  # … الأولى للاجتماع الوزاري السابق / لعملية بالي: another meeting's
    return True


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
