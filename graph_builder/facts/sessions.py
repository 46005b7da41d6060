"""The session structure of a chair's report: sessions named by a heading line (``جلسة العمل 1-1: …``,
``الجلسة 1-2: …``, ``المائدة المستديرة 2: …``; grammar in ``text/header_lines.py``), clusters and special
sessions are parts of the meeting the document reports on (the Forum's meeting of its year, else the held
meeting its title or first paragraphs name), with the heading's title as their theme; who chairs, co-chairs,
reports or speaks comes from the session's header lines (``Section.notes``) and verbless header paragraphs
(``session_headers.py``).

The sections a session owns (``header_lines.section_owners``: a document's structure carries the session a
paragraph is about) give it their header lines and the chairs of a bare ``الجلسة`` in their paragraphs; the
recommendations listed there are placed by ``commitments.py`` through ``family_findings.KnownEvents.session``.
It does not read sessions named in running text (``session_chairs.py``, ``meeting_parts.py``).
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..text.header_lines import SessionHead, digit_value, section_owners, session_heading
from ..text.word_classes import load
from ..recognise.findings import Entity, Fact, Value
from . import meeting_relations, speakers
from .fact_context import FactContext, sentences
from .event_common import RULES, Ref, key_year, year_fact
from .event_status import HELD
from .minting import rx, ORDINAL_RE, ORDINALS, sub_event, translit
from .process_meetings import DocState
from .rules import REGISTRY, Rule, register
from .session_headers import header_paragraph, role_facts

register(Rule("event.session-theme", ("theme",), 0.85, ("header_session", "document.structure"),
              "SESSION_NOUN NUMBER: TITLE (a session heading line): the session's theme is its title", "events"))

CLUSTER_HEAD = rx(r"المجموعه ({})".format(ORDINAL_RE.replace("الاول|", "الاول|")))
SPECIAL_HEAD = rx(r"الجلسات الاستثنائيه")
_ORD_FEM = {"الاولي": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6}
_ENGLISH = {"session": "session", "roundtable": "round table", "panel": "panel", "plenary": "plenary session",
            "workshop": "workshop"}


def session_number(head: str) -> tuple[int | None, int] | None:
    """(group, number) of a working session's heading ("جلسة العمل 2-1", "الجلسة الثانية-1"); None for others."""
    found = session_heading(head, max_words=None)
    return (found.group, found.number) if found is not None and found.kind == "session" else None


def cluster_number(head: str) -> int | None:
    """The number of a cluster named in a folded heading ("المجموعه الاولي"), else None."""
    cm = CLUSTER_HEAD.search(head)
    return (ORDINALS.get(cm.group(1)) or _ORD_FEM.get(cm.group(1))) if cm else None


def parent_meeting(st: DocState) -> Entity | None:
    """The meeting a chair's report's sessions belong to: the Forum's meeting of the year the text names most,
    else the held meeting the title names, else the Forum's meeting of the document's year, else the first meeting
    the document names as held. A report is often dated the year after the meeting it transmits (a note of
    2030 on the meeting held in December 2029): the date's year does not outrank the meeting its title names."""
    meeting = st.report_meeting()
    if meeting is not None and st.year_from_text:
        return meeting
    title = st.title_meeting
    if title is not None and title.event.key not in st.planned_keys:
        return title.event
    if meeting is not None:
        return meeting
    main = st.main_meeting
    return main.event if main is not None and main.event.key not in st.planned_keys else None


def _session_of_heading(meeting: Entity, sec, cluster: Entity | None) -> tuple[Entity, SessionHead] | None:
    head = session_heading(sec.heading, max_words=None)
    if head is None:
        return None
    if head.kind == "session" and head.group is None and cluster is None and not head.title:
        return None          # "الجلسة 3" alone: too little to key a part of the meeting
    title = heading_title(sec.heading)
    words = _ENGLISH.get(head.kind, head.kind)
    number = f"{head.group}.{head.number}" if head.group is not None else str(head.number)
    return sub_event(meeting, head.key, title, f"{meeting.label_en} {words} {number}"), head


def session_facts(ctx: FactContext, st: DocState):
    """Sessions, clusters and special sessions of the report's own meeting, and who their header lines name."""
    meeting = parent_meeting(st)
    if meeting is None:
        return
    year = key_year(meeting) or st.year
    conf = RULES["event.session"][1]
    cluster: Entity | None = None
    special = False
    special_n = 0
    opened: dict[int, Entity] = {}
    for sec in ctx.document.sections:
        head = fold(sec.heading)
        if sec.level == 1:
            special = bool(SPECIAL_HEAD.search(head))
            cluster = None
        cn = cluster_number(head) if sec.level == 2 else None
        found = _session_of_heading(meeting, sec, cluster) if cn is None else None
        parent = meeting
        if cn is not None:
            ev = cluster = sub_event(meeting, f"cluster-{cn}", heading_title(sec.heading),
                                     f"{meeting.label_en} cluster {cn}")
        elif found is not None:
            (ev, head_), parent = found, cluster or meeting
        elif special and sec.level == 2:
            special_n += 1
            ev = sub_event(meeting, f"special-session-{translit(heading_title(sec.heading))[:40].strip('-')}",
                           heading_title(sec.heading), f"{meeting.label_en} special session {special_n}")
        else:
            continue
        if ev.key in {e.key for e in opened.values()}:
            continue                         # named again (a contents line read as a heading)
        opened[id(sec)] = ev
        yield Fact(ev, "partOf", parent, sec, "event.session", conf)
        if year:
            yield year_fact(ev, year, sec)
        if found is not None and head_.title:
            yield Fact(ev, "theme", Value(heading_title(head_.title), "langString", "ar"), sec,
                       "event.session-theme", REGISTRY.confidence("event.session-theme"))
    owners = section_owners(ctx.document.sections, lambda sec: id(sec) in opened)
    for sec in ctx.document.sections:
        owner = owners.get(id(sec))
        for note in sec.notes if owner is not None else ():
            yield from role_facts(ctx, st, sec, opened[id(owner)], note)
    for para in ctx.document.paragraphs:
        owner = owners.get(id(para.section)) if para.section is not None else None
        if owner is None:
            continue
        if header_paragraph(para.text):
            yield from role_facts(ctx, st, para, opened[id(owner)], para.text)
            continue
        rest = []
        for s, e in sentences(para.text):
            if header_paragraph(para.text[s:e]):     # ٦ - الرئيسان المشاركان: فيجي والنرويج. المقررة: …
                yield from role_facts(ctx, st, para, opened[id(owner)], para.text[s:e].strip())
            else:
                rest.append((s, e))
        if rest:
            yield from _bare_session(ctx, para, opened[id(owner)], session_heading(owner.heading, max_words=None), rest)


def _bare_session(ctx: FactContext, src, session: Entity, head: SessionHead | None = None, spans=None):
    """``ترأست الجلسة السيدة …``, ``وتحدث في الجلسة السيد …``: a bare definite session noun in a paragraph of a
    session's section names that session; so does the section's session named again by its kind and number
    (``ترأس المائدة المستديرة ١-١ بصورة مشتركة …`` under the heading ``المائدة المستديرة ١-١: …``; another number
    names another session). Its chairs and speakers (the meeting relation rules) are the session's."""
    toks = ctx.tokens(src)
    lex = load()
    for s, e in spans if spans is not None else sentences(src.text):
        lo, hi = toks.token_range(s, e)
        refs = []
        for m in lex.find(toks, "session_noun", lo, hi):
            t = toks.tokens[m.i]
            again = _named_again(toks, m, hi, head)
            if again is not None:
                refs.append(Ref(t.start, toks.tokens[again - 1].end, session, None, "", HELD, kind="session"))
                continue
            if m.j - m.i != 1 or m.feature("plural") or m.feature("kind") or not m.reading.stem.startswith("ال") \
                    or m.reading.enc or (m.j < hi and toks.tokens[m.j].norm.startswith("ال") and not toks.tokens[m.j].ents
                                         and lex.is_a(toks, m.j, "title") is None):
                continue             # الجلسة alone: not جلسات، الجلسة الافتتاحية، جلستها (الجلسة السفير X: a title)
            refs.append(Ref(t.start, t.end, session, None, "", HELD, kind="session"))
        if refs:
            yield from meeting_relations.chairs(ctx, src, toks, refs, s, e)
            yield from speakers.speakers(ctx, src, toks, refs, None, s, e)


def _named_again(toks, m, hi: int, head: SessionHead | None) -> int | None:
    """The token after ``KIND NUMBER`` when the session noun match ``m`` names the section's own session by its
    kind and number (``المائدة المستديرة ١-١``، ``الجلسة 2``), else None."""
    if head is None or m.reading.enc or m.feature("plural") or m.feature("kind", "session") != head.kind \
            or m.j >= hi or toks.tokens[m.j].kind != "number":
        return None
    numbers = [digit_value(x) for x in re.findall(r"[0-9\u0660-\u0669]+", toks.tokens[m.j].norm)]   # ١-١ is one token
    k = m.j + 1
    if len(numbers) == 1 and k + 1 < hi and toks.tokens[k].norm in ("-", "\u2013", "/") \
            and toks.tokens[k + 1].kind == "number":
        numbers += [digit_value(x) for x in re.findall(r"[0-9\u0660-\u0669]+", toks.tokens[k + 1].norm)]
        k += 2
    wanted = [head.group, head.number] if head.group is not None else [head.number]
    return k if numbers == wanted else None


def heading_title(heading: str) -> str:
    """A heading without its numbering word ("ألف - ") and a trailing lost footnote marker ("()")."""
    if re.match(r"^\S+ - ", heading) and not heading.startswith("جلسة"):
        heading = heading.split(" - ", 1)[1]
    return re.sub(r"\(\s*[^)]{0,6}\)\s*$", "", heading).strip()
