"""Parts of a meeting named in running text: workshops and thematic meetings listed by city, civil
society days, and numbered round tables.

Each is part of the meeting it is named with or, failing that, of the meeting the document reports
on when the sentence gives that meeting's year; it is keyed under the meeting's slug.

It does not find the meetings themselves, nor the sessions of a chair's report (``sessions.py``).
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..recognise.findings import Entity, Fact, Value
from .event_chairs import doc_person, name_after
from ..text.word_classes import slips_of
from .event_common import QUOTE, RULES, WORKSHOP, Ref, dates_in, day_facts, key_year, year_fact
from .minting import rx, View, process_meeting, sub_event
from .process_meetings import DocState, doc_meeting
from .meeting_setting import place_after
from ..text.word_classes import load

_REPRESENTATIVES = "|".join(("ممثلي",) + slips_of("ممثلي"))        # with its known slips (data)
CIVIL = rx(rf"(?<![\w])(?:و)?(?:ال)?(?:يوم(?:ي|ين|ا)|اجتماع|أيام|يوم (?:ال)?(?:أول|ثاني|ثالث|أخير))(?: \S+){{0,4}}? "
           rf"(?:لل|ل)?(?:(?:{_REPRESENTATIVES}) )?(?:ال)?مجتمع (?:ال)?مدني")
ROUNDTABLE = rx(r"(?:جلسه )?(?:ال)?مايده (?:ال)?مستديره (\d+)(?: ?- ?(\d+))?")
BEFORE_DATE = rx(r"قبل")
_LIST_WORDS = {"في", "و", "عقدت", "عقد", "تحضيريه", "مواضيعيه", "التحضيريه", "المواضيعيه"}


def civil_society(ctx, st: DocState, src, v: View, refs: list[Ref], last: Ref | None, s: int, e: int):
    """Civil society days or meeting named with a meeting: part of it; their chair and dates."""
    for m, ms, me in v.finditer(CIVIL, s, e):
        before = [r for r in refs if r.start < ms and r.process is not None]
        parent = before[-1].event if before else (refs[0].event if refs and refs[0].process else None)
        if parent is None:
            parent = last.event if last is not None and last.process is not None else doc_meeting(st, v, s, e)
        if parent is None and st.forum is not None and st.year_from_text and not dates_in(v.text, s, e) \
                and not [d for d in dates_in(v.text, 0, len(v.text)) if d.year and d.year != st.year]:
            parent = process_meeting(st.forum, st.year)
        if parent is None:
            parent = _main_meeting(st, v, s, e)
        year = key_year(parent) if parent is not None else None
        if parent is None or year is None:
            continue
        ev = sub_event(parent, "civil-society-days", "أيام المجتمع المدني " + parent.label_ar,
                       f"{parent.label_en} civil society days")
        conf = RULES["event.civil-society"][1]
        if parent.key in st.planned_keys:
            st.planned_keys.add(ev.key)     # the days before a planned meeting are planned with it
        yield Fact(ev, "partOf", parent, src, "event.civil-society", conf)
        yield year_fact(ev, year, src)
        days = [d for d in dates_in(v.text, me, min(e, me + 100), year) if d.start - me <= 60 and d.precision == "day"]
        for d in days[:1]:
            if d.start_date and not BEFORE_DATE.search(fold(v.text[me:d.start])):
                yield from day_facts(ev, d, src)
        place = _held_place(ctx, src, ms, me, e)
        if place is not None:
            yield Fact(ev, "location", place, src, "event.civil-society", conf)
        if re.search(r"(?:^|\s)رييس\s*$", fold(v.text[max(s, ms - 8):ms])):
            name = name_after(v.text, me)
            if name:
                yield Fact(ev, "chairedBy", doc_person(st, name), src, "event.civil-society-chair",
                           RULES["event.civil-society-chair"][1])


def _main_meeting(st: DocState, v: View, s: int, e: int):
    """The meeting the document reports on (its title's, else the first it names as held), when the sentence gives them days
    of their own and writes no year or only that meeting's year (or, failing it, the document's own process meeting when the sentence
    writes its year): the parent of civil society days a section reports on by themselves
    (``عقدت أيام المجتمع المدني في … يومي 8 و 9 …``)."""
    found = dates_in(v.text, s, e)
    if not any(d.precision == "day" for d in found):
        return None                                     # a heading or a mention in passing: no days of their own
    years = {d.year for d in found if d.year}
    for main in (st.title_meeting, st.main_meeting):
        if main is not None and main.process is not None and key_year(main.event) is not None \
                and years <= {key_year(main.event)}:
            return main.event
    if st.forum is not None and st.year is not None and years == {st.year}:
        return process_meeting(st.forum, st.year)       # the year of the meeting the document reports on
    return None


def _held_place(ctx, src, ms: int, me: int, e: int):
    """The city after في/ب right after civil society days a held verb governs (``عقدت أيام المجتمع المدني في
    بويرتو فايارتا``, ``أيام المجتمع المدني التي عقدت بالرباط``); None when no held verb is next to them."""
    toks = ctx.tokens(src)
    i, j, hi = toks.index_at(ms), toks.index_at(me - 1) + 1, toks.index_at(e - 1) + 1
    lex = load()
    held = any(lex.is_a(toks, k, "held_verb") is not None for k in range(max(0, i - 2), i)) or \
        any(lex.is_a(toks, k, "held_verb") is not None for k in range(j, min(hi, j + 3)))
    return place_after(toks, j, hi) if held else None


def roundtables(src, v: View, refs: list[Ref], s: int, e: int):
    """A numbered round table right before a process meeting (جلسة المائدة المستديرة 3-3) is part of it."""
    for m, ms, me in v.finditer(ROUNDTABLE, s, e):
        after = [r for r in refs if r.start >= me and r.process is not None and r.start - me < 30]
        if not after:
            continue
        parent = after[0].event
        key = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
        ev = sub_event(parent, f"roundtable-{key}", v.text[ms:me].strip(),
                       f"{parent.label_en} roundtable {key.replace('-', '.')}")
        yield Fact(ev, "partOf", parent, src, "event.roundtable", RULES["event.roundtable"][1])
        if key_year(parent):
            yield year_fact(ev, key_year(parent), src)


def workshops(ctx, st: DocState, src, v: View, refs, s, e):
    """Workshops listed by city in a sentence about a process meeting: parts of that meeting.

    Each cue ("حلقة عمل", "اجتماع مواضيعي") starts its own list of cities; without a meeting in
    the sentence, the parent is the meeting the document reports on when the sentence names
    the Forum or gives only that meeting's year."""
    cues = list(v.finditer(WORKSHOP, s, e))
    if not cues:
        return
    parent = refs[0].event if refs else doc_meeting(st, v, s, e)
    if parent is None:
        return
    year = key_year(parent)
    seen = set()
    for ci, (_cue, _cs, cue_end) in enumerate(cues):
        anchor, first = cue_end, True
        limit = cues[ci + 1][1] if ci + 1 < len(cues) else e
        for mention in ctx.mentions_in(src, anchor, limit):
            if mention.entity.kind != "place":
                continue
            gap = fold(v.text[anchor:mention.start])
            unknown = [t for t in re.findall(r"[^\s,()/]+", gap) if t not in _LIST_WORDS]
            if len(gap) > 40 or len(unknown) > (0 if first else 1):
                break
            anchor, first = mention.end, False
            if mention.entity.slug in seen:
                continue
            seen.add(mention.entity.slug)
            yield from _workshop(src, v, parent, year, mention, e)


def _workshop(src, v: View, parent: Entity, year, mention, e: int):
    """One workshop in the city of ``mention``: partOf, location, year, dates and a quoted subject."""
    place = mention.entity
    ws = sub_event(parent, f"workshop-{place.slug}", f"حلقة عمل في {place.label_ar}",
                   f"{parent.label_en} workshop, {place.label_en}".strip())
    conf = RULES["event.workshop"][1]
    yield Fact(ws, "partOf", parent, src, "event.workshop", conf)
    yield Fact(ws, "location", place, src, "event.workshop", conf)
    if year:
        yield year_fact(ws, year, src)
    after = mention.end
    for d in dates_in(v.text, mention.end, min(e, mention.end + 60))[:1]:
        if d.precision == "day" and d.start_date:
            yield from day_facts(ws, d, src)
        after = d.end
    q = re.match(r'[\s،,]*عن\s*"([^"]{3,200})"', fold(v.text[after:e]))
    if q:
        fs = v.folded_offset(after)
        qq = QUOTE.search(v.folded, fs)
        if qq:
            qs, qe = v.orig(qq.start(1), qq.end(1))
            yield Fact(ws, "theme", Value(v.text[qs:qe].strip(), "langString", "ar"), src, "event.workshop-theme",
                       RULES["event.workshop-theme"][1])
