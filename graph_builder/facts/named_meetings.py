"""Meetings outside known processes: a conference, summit, meeting or seminar named by its kind
and "held in PLACE" (``المؤتمر الوزاري … الذي عقد في داكار في 23 تشرين الثاني/نوفمبر 2011``), with a
year in its sentence. Keyed by kind, place and year (``event/conference-dakar-2011``) with a
composed English label; the actors named in the meeting's own phrase take part in it, and a
meeting held "within" a process (``في إطار``) is part of it.

It does not find meetings of known processes (``process_meetings.py``) nor workshops.
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..recognise.findings import Entity, Fact
from .event_common import RULES, WORKSHOP, Ref, dates_in, day_facts, key_year, year_fact
from .minting import rx, View

HELD_AT = rx(r"(?<![\w])(?:(?:الذي|التي) )?(?:عقد|عقدت|المعقود|المعقوده|جري|جرت)(?: مؤخرا)? (?:في|ب)(?= ?\S)")
MEETING_NOUN = rx(r"(?<![\w])(?:و|ب|ل)?(?:ال)?(مؤتمر|اجتماع|قمه|منتدي|ندوه)(?![\w])")
WITHIN = rx(r"في اطار\s*$")
DATE_REACH = 40             # characters after the place where the meeting's date may begin
_KIND_EN = {"مؤتمر": ("conference", "Conference"), "قمه": ("summit", "Summit"), "اجتماع": ("meeting", "Meeting"),
            "منتدي": ("forum", "Forum"), "ندوه": ("seminar", "Seminar")}
_KIND_EN = {fold(k): v for k, v in _KIND_EN.items()}


def named_meetings(ctx, src, v: View, s: int, e: int, known: list[Ref]) -> list[Ref]:
    """Meetings named by kind and 'held in PLACE' with a year in the sentence (not meetings of a known process)."""
    out = []
    for m, ms, me in v.finditer(HELD_AT, s, e):
        where = [x for x in ctx.mentions_in(src, me, min(e, me + 30)) if x.entity.kind in ("place", "state")][:1]
        if not where or fold(v.text[me:where[0].start]).strip() not in ("", "ال"):
            continue
        nouns = [(n, ns, ne) for n, ns, ne in v.finditer(MEETING_NOUN, max(s, ms - 200), ms)]
        if not nouns:
            continue
        noun, ns, ne = nouns[-1]
        phrase = v.text[ns:ms].strip(" ،,")
        if any(r.start < ms and ns < r.end for r in known) or WORKSHOP.search(fold(v.text[ns:ms])) \
                or re.search(r"[.;؛]", phrase):
            continue
        dates = dates_in(v.text, where[0].end, min(e, where[0].end + 40)) or dates_in(v.text, s, e)
        dates = [d for d in dates if d.year]
        if not dates:
            continue
        place, year = where[0].entity, dates[0].year
        kslug, ken = _KIND_EN[noun.group(1)]
        if noun.group(1) == "اجتماع" and re.match(r"\S+ القمه", fold(v.text[ns:ne + 7])):
            kslug, ken = _KIND_EN[fold("قمه")]
        if "وزاري" in fold(phrase):
            kslug, ken = "ministerial-" + kslug, "Ministerial " + ken.lower()
        label = re.sub(r"^(?:و|ب|ل|في )", "", phrase).strip()
        ev = Entity(kind="event", slug=f"{kslug}-{place.slug.lower()}-{year}", cls="Meeting", label_ar=label,
                    label_en=f"{ken} in {place.label_en} ({year})", from_text=True)
        out.append(Ref(ns, ms, ev, None, "event.named-meeting"))
    return out


def named_meeting_facts(ctx, src, v: View, ref: Ref, s: int, e: int):
    """Year, place, dates, participants and process of a meeting found by :func:`named_meetings`."""
    conf = RULES["event.named-meeting"][1]
    ev = ref.event
    yield year_fact(ev, key_year(ev), src, "event.year")
    after = ref.end
    for x in ctx.mentions_in(src, ref.end, min(e, ref.end + 40)):
        if x.entity.kind == "place":
            yield Fact(ev, "location", x.entity, src, "event.named-meeting", conf)
        if x.entity.kind in ("place", "state"):
            after = x.end
            break
    # a date that starts near the place, whatever its length (في الفترة من 31 تشرين الأول/أكتوبر إلى 2 تشرين
    # الثاني/نوفمبر 2005: a range written with both months in the UN's double names)
    for d in [d for d in dates_in(v.text, after, e, key_year(ev)) if d.start < after + DATE_REACH][:1]:
        if d.precision == "day" and d.start_date and d.year == key_year(ev):
            yield from day_facts(ev, d, src)
    for x in ctx.mentions_in(src, ref.start, ref.end):
        if x.entity.kind in ("state", "org"):
            yield Fact(x.entity, "participatesIn", ev, src, "event.participant", RULES["event.participant"][1])
    for x in ctx.mentions_in(src, s, ref.start):
        if x.entity.kind == "process" and WITHIN.search(fold(v.text[x.end:ref.start])[-40:]) \
                and len(fold(v.text[x.end:ref.start])) < 60:
            yield Fact(ev, "partOf", x.entity, src, "event.named-meeting-process", RULES["event.named-meeting-process"][1])
