"""Who a session's header lines name: ``الرئيسان المشاركان: NAME، ROLE، STATE؛ وNAME …``, ``المقررة: NAME``,
``الرؤساء المشاركون: غانا والمكسيك``, ``المتحدثون: السيد X، البنك الدولي؛ والسيدة Y …`` and the verbless
paragraph ``رئيس الجلسة السيد X، سفير أيرلندا، ومقررها السيدة Y، …`` (labels: class ``header_role``, read by
``text/header_lines.py``).

:func:`role_lines` cuts a line into (role, names text) segments, a new segment at each label (``، ومقررها``);
:func:`role_facts` gives each segment's persons (a name before its role, set off by a comma) or, when a segment
names no person, the states and organisations it lists: a chair chairs the session, co-chairs co-chair it
(with the state each co-chair's item ends with), a rapporteur, moderator, speaker or coordinator takes part
in it. It does not decide which session a line belongs to (``sessions.py``), nor read running text.
"""
from __future__ import annotations

import re

from ..recognise.findings import Entity, Fact
from ..text.arabic import fold
from ..text.header_lines import role_label
from .event_chairs import doc_person
from .minting import TITLES, arabic_names, clean_name, is_name
from .rules import REGISTRY, Rule, register

RULE_ID = "event.session-header"
register(Rule(RULE_ID, ("chairedBy", "coChairedBy", "participatesIn"), 0.9,
              ("header_role", "document.structure", "entity:state", "entity:org"),
              "a session header line (ROLE_LABEL: NAME، ROLE، STATE؛ و NAME …, or رئيس الجلسة NAME …، ومقررها NAME): "
              "the chair chairs the section's session, co-chairs co-chair it (and the state an item ends with), "
              "rapporteurs, moderators, speakers and coordinators take part in it", "events"))

_PREDICATE = {"chair": "chairedBy", "cochair": "coChairedBy"}
_ACTOR_KINDS = ("state", "org")


def role_lines(text: str) -> list[tuple[str, str]]:
    """(role, names text) of each labelled segment of a header line, in order; [] when it opens with no label."""
    first = role_label(text, bare=True)
    if first is None:
        return []
    out: list[tuple[str, str]] = []
    role, start = first
    for m in re.finditer(r"[،,؛;]\s*", text):
        if m.end() <= start:
            continue
        nxt = role_label(text[m.end():], bare=True)
        if nxt is not None and (text[m.end():].startswith("و") or ":" in text[m.end():m.end() + nxt[1]]):
            out.append((role, text[start:m.start()]))
            role, start = nxt[0], m.end() + nxt[1]
    out.append((role, text[start:]))
    return out


def role_facts(ctx, st, src, session: Entity, text: str):
    """The facts of the header line ``text`` (evidence ``src``) about ``session``."""
    conf = REGISTRY.confidence(RULE_ID)
    for role, names in role_lines(text):
        pred = _PREDICATE.get(role, "participatesIn")
        persons = list(_persons(ctx, names))
        if persons:
            for name, rest in persons:
                person = doc_person(st, name)
                yield _fact(person, pred, session, src, conf)
                if role == "cochair" and rest:
                    state = _last_actor(ctx, rest, ("state",)) or _state_named_in(ctx, rest)
                    if state is not None:
                        yield _fact(state, pred, session, src, conf)
            continue
        for actor in _actors(ctx, names):
            yield _fact(actor, pred, session, src, conf)


def _fact(actor: Entity, pred: str, session: Entity, src, conf: float) -> Fact:
    if pred == "participatesIn":
        return Fact(actor, pred, session, src, RULE_ID, conf)
    return Fact(session, pred, actor, src, RULE_ID, conf)


def _persons(ctx, names: str):
    """(name, the rest of its item) for each person a header line lists: items set off by ؛, or by commas when
    each opens with a title (``السيد X (غانا)، والسيدة Y (المكسيك)``); an item's first chunk is the name (titled,
    or followed by its role; not a state or an organisation the gazetteer names), a bracket after it its rest."""
    for i, item in enumerate(re.split(r"[؛;]", names)):
        chunks = [c.strip() for c in re.split(r"[،,]", item) if c.strip()]
        people: list[list[str]] = []
        by_title = bool(chunks) and _titled(chunks[0])
        for k, chunk in enumerate(chunks):
            if k == 0 or (by_title and _titled(chunk) and (chunk.startswith("و") or "(" in chunks[k - 1])):
                people.append([chunk])
            else:
                people[-1].append(chunk)
        for parts in people:
            first = parts[0]
            if first.startswith("و") and (i > 0 or parts is not people[0]):
                first = first[1:]           # "؛ وNAME": the conjunction, not part of the name
            bracket = re.search(r"\(([^)]*)\)", first)
            rest = parts[1:] + ([bracket.group(1)] if bracket else [])
            first = re.sub(r"\([^)]*\)", "", first).strip()
            name = clean_name(first)
            if not is_name(name) or _actors(ctx, first):
                continue
            if name != first or rest:
                yield name, "، ".join(rest)


def _titled(chunk: str) -> bool:
    words = fold(chunk).split()
    return bool(words) and words[0].removeprefix("و") in TITLES


def _actors(ctx, text: str) -> list[Entity]:
    """The states and organisations ``text`` lists (gazetteer names), in order."""
    if ctx.matcher is None:
        return []
    out: list[Entity] = []
    for m in ctx.matcher.find(text):
        if m.entity.kind in _ACTOR_KINDS and m.entity not in out:
            out.append(m.entity)
    return out


def _last_actor(ctx, text: str, kinds: tuple[str, ...]) -> Entity | None:
    if ctx.matcher is None:
        return None
    found = [m for m in ctx.matcher.find(text) if m.entity.kind in kinds]
    return max(found, key=lambda m: m.start).entity if found else None


def header_paragraph(text: str) -> bool:
    """A paragraph that is a verbless header line (it opens with a role label and is short)."""
    return bool(role_lines(text)) and len(fold(text).split()) <= 60


def _states(ctx) -> list[Entity]:
    """The states of the gazetteer (none without one)."""
    gaz = ctx.gazetteer
    return [ent for ent in getattr(gaz, "entities", []) if ent.kind == "state"] if gaz is not None else []


def _state_named_in(ctx, text: str) -> Entity | None:
    """The last state named anywhere in ``text`` (with a proclitic ل/ب/و), e.g. "البعثة الدائمة لسري لانكا"."""
    folded = fold(text)
    if not folded:
        return None
    best = None
    for ent in _states(ctx):
        for label in {fold(l) for l in arabic_names(ent) if l}:
            bare = label[2:] if label.startswith("ال") else label
            if len(bare) < 3 or bare not in folded:
                continue
            for m in re.finditer(rf"(?<![\w])(?:[وبل]|لل|ال|بال|وال)?{re.escape(bare)}(?![\w])", folded):
                if best is None or m.start() > best[0]:
                    best = (m.start(), ent)
    return best[1] if best else None


