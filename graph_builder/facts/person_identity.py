"""One person, one entity, within one document: a person the facts name by a shorter form of a name the
document also writes in full (the family name alone, ``باين`` after ``ماريس باين``; the last words of the
name, ``عبد العاطي`` after ``بدر عبد العاطي``) or by the same name spelt with other hamzas or
spacing (``عبدالعاطي``, ``عبد العاطي``) is that person, and every fact about the short form is rewritten to
the full one.

A short form is folded to one entity only when exactly one longer name of the document ends with it
(two persons sharing a family name keep their short form apart). It reads only the persons of the
document's facts, adds no fact, and never touches a gazetteer entity.
"""
from __future__ import annotations

from dataclasses import replace

from ..recognise.findings import Entity, Fact
from ..text.arabic import fold


def _words(e: Entity) -> tuple[str, ...]:
    return tuple(fold(e.label_ar or "").split())


def _joined(e: Entity) -> str:
    return "".join(_words(e))


def _persons(facts: list[Fact]) -> list[Entity]:
    seen: dict[tuple, Entity] = {}
    for f in facts:
        for x in (f.subject, f.object):
            if isinstance(x, Entity) and x.kind == "person" and x.from_text and x.key not in seen:
                seen[x.key] = x
    return list(seen.values())


def canonical(persons: list[Entity]) -> dict[tuple, Entity]:
    """Person key → the entity it is the same person as (only the persons that change)."""
    out: dict[tuple, Entity] = {}
    by_joined: dict[str, Entity] = {}
    for p in sorted(persons, key=lambda e: (-len(_words(e)), e.label_ar)):
        j = _joined(p)
        if not j:
            continue
        if j in by_joined and by_joined[j].key != p.key:
            out[p.key] = by_joined[j]          # عبدالعاطي / عبد العاطي: one name, spaced otherwise
        else:
            by_joined.setdefault(j, p)
    full = [p for p in by_joined.values() if len(_words(p)) >= 2]
    for p in persons:
        if p.key in out:
            continue
        w = _words(p)
        if not w:
            continue
        longer = {q.key: q for q in full if len(_words(q)) > len(w) and _words(q)[-len(w):] == w}
        if len(longer) == 1:
            out[p.key] = next(iter(longer.values()))
    return out


def unify(facts: list[Fact]) -> list[Fact]:
    """The facts with every short or respaced form of a person's name rewritten to the one full entity."""
    mapping = canonical(_persons(facts))
    if not mapping:
        return facts

    def to(x):
        return mapping.get(x.key, x) if isinstance(x, Entity) and x.kind == "person" else x

    out = [f if to(f.subject) is f.subject and to(f.object) is f.object
           else replace(f, subject=to(f.subject), object=to(f.object)) for f in facts]
    merged = {v.key for v in mapping.values()}
    roled = {f.subject.key for f in out if f.predicate == "role" and f.rule != TITLE_ONLY and f.subject.key in merged}
    # a bare office title stands for a person's role only when the document gives no other (rule TITLE_ONLY)
    return [f for f in out if not (f.rule == TITLE_ONLY and f.subject.key in roled)]


TITLE_ONLY = "actors.role-title"
