"""The session structure of a chair's report: working sessions (headings "جلسة العمل 1-1: …"),
clusters and special sessions are parts of the meeting the document reports on; their co-chairs
(persons, and the state each represents) come from the session header lines (``Section.notes``).

:func:`session_number` and :func:`cluster_number` read a heading; ``commitments.py`` uses them
to place recommendations under their session. It does not look at running text.
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..recognise.findings import Entity, Fact
from .fact_context import FactContext
from .event_common import RULES, year_fact
from .event_chairs import doc_person
from .minting import rx, ORDINAL_RE, ORDINALS, arabic_names, clean_name, is_name, sub_event, translit
from .process_meetings import DocState

SESSION_HEAD = rx(r"^جلسه العمل (\S+)(?: - ?| ?- ?|-)(\d+)(?:/(\d+))?")
CLUSTER_HEAD = rx(r"المجموعه ({})".format(ORDINAL_RE.replace("الاول|", "الاول|")))
COCHAIR_NOTE = rx(r"^(?:الرئيسان المشاركان|الرؤساء المشاركون|الرئيس المشارك|الرئيسه المشاركه)\s*:")
SPECIAL_HEAD = rx(r"الجلسات الاستثنائيه")
_ORD_FEM = {"الاولي": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6}


def session_number(head: str) -> tuple[int | None, int] | None:
    """(group, number) of a working session's folded heading ("جلسه العمل 2-1", "جلسه العمل الثانيه-1",
    "جلسه العمل 2-2/1"), the group None when its word is not a known ordinal; None for other headings."""
    sm = SESSION_HEAD.match(head)
    if not sm:
        return None
    g, n, alt = sm.group(1), int(sm.group(2)), sm.group(3)
    gnum = int(g) if g.isdigit() else ORDINALS.get(g) or _ORD_FEM.get(g)
    if alt and gnum == n:
        n = int(alt)
    return gnum, n


def cluster_number(head: str) -> int | None:
    """The number of a cluster named in a folded heading ("المجموعه الاولي"), else None."""
    cm = CLUSTER_HEAD.search(head)
    return (ORDINALS.get(cm.group(1)) or _ORD_FEM.get(cm.group(1))) if cm else None


def session_facts(ctx: FactContext, st: DocState):
    """Sessions, clusters and special sessions of the report's own meeting, and their co-chairs."""
    meeting = st.report_meeting()
    if meeting is None:
        return
    cluster: Entity | None = None
    special = False
    special_n = 0
    for sec in ctx.document.sections:
        head = fold(sec.heading)
        if sec.level == 1:
            special = bool(SPECIAL_HEAD.search(head))
            cluster = None
        ev = None
        cn = cluster_number(head)
        sn = session_number(head)
        if sec.level == 2 and cn is not None:
            n = cn
            ev = sub_event(meeting, f"cluster-{n}", heading_title(sec.heading), f"{meeting.label_en} cluster {n}")
            yield Fact(ev, "partOf", meeting, sec, "event.session", RULES["event.session"][1])
            yield year_fact(ev, st.year, sec)
            cluster = ev
        elif sn is not None:
            gnum, n = sn
            if gnum is None:
                continue
            ev = sub_event(meeting, f"session-{gnum}-{n}", heading_title(sec.heading), f"{meeting.label_en} session {gnum}.{n}")
            yield Fact(ev, "partOf", cluster or meeting, sec, "event.session", RULES["event.session"][1])
            yield year_fact(ev, st.year, sec)
        elif special and sec.level == 2:
            special_n += 1
            ev = sub_event(meeting, f"special-session-{translit(heading_title(sec.heading))[:40].strip('-')}",
                           heading_title(sec.heading), f"{meeting.label_en} special session {special_n}")
            yield Fact(ev, "partOf", meeting, sec, "event.session", RULES["event.session"][1])
            yield year_fact(ev, st.year, sec)
        if ev is None:
            continue
        for note in sec.notes:
            yield from _cochairs(ctx, st, sec, ev, note)


def heading_title(heading: str) -> str:
    """A heading without its numbering word ("ألف - ") and a trailing lost footnote marker ("()")."""
    if re.match(r"^\S+ - ", heading) and not heading.startswith("جلسة"):
        heading = heading.split(" - ", 1)[1]
    return re.sub(r"\(\s*[^)]{0,6}\)\s*$", "", heading).strip()


def _cochairs(ctx, st: DocState, sec, ev: Entity, note: str):
    """``الرئيسان المشاركان: NAME، ROLE، …، STATE؛ وNAME …``: each person, and the state each represents."""
    fnote = fold(note.strip())
    if not COCHAIR_NOTE.match(fnote):
        return
    body = note.split(":", 1)[1]
    for i, item in enumerate(re.split(r"[؛;]", body)):
        item = item.strip()
        if i > 0 and item.startswith("و"):
            item = item[1:]          # "؛ وNAME": the conjunction, not part of the name
        parts = [p.strip() for p in re.split(r"[،,]", item) if p.strip()]
        if not parts:
            continue
        name = clean_name(parts[0])
        if not is_name(name):
            continue
        yield Fact(ev, "coChairedBy", doc_person(st, name), sec, "event.session-cochair", RULES["event.session-cochair"][1])
        state = _state_in(ctx, parts[-1]) or _state_named_in(ctx, ", ".join(parts[1:]))
        if state is not None:
            yield Fact(ev, "coChairedBy", state, sec, "event.session-cochair-state",
                       RULES["event.session-cochair-state"][1])


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


def _state_in(ctx, text: str) -> Entity | None:
    """The state whose Arabic name is exactly ``text`` (a leading و aside)."""
    key = fold(text.strip()).removeprefix("و")
    for ent in _states(ctx):
        if any(fold(l) == key for l in arabic_names(ent) if l):
            return ent
    return None
