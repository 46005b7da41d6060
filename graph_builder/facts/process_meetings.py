"""Meetings of standing processes (GFMD-style): which meeting a sentence names, and what the whole
document says about them.

A meeting of a process is keyed by process + year ("the first meeting of the Forum", "the 2011
Forum", "the High-level Dialogue held in September 2006" all become ``event/{process}-{year}``),
so that reports join. An ordinal meeting without a year in its sentence takes the year the same
document gives that ordinal elsewhere; without any year it is left out. :func:`learn_document`
reads, once per document, which process "the Forum" / "the Dialogue" stands for and the year of
the meeting the document reports on; :func:`sentence_refs` lists the meetings of the Forum and the Dialogue
one sentence names (meetings outside known processes are ``written_meetings.py``'s).

It makes no facts itself: the facts of a named meeting are ``meeting_details.py``'s job.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..text.arabic import fold
from ..recognise.findings import Entity
from .fact_context import FactContext, sentences
from ..text.word_classes import slips_of
from .event_common import Ref, dates_in
from .meeting_coref import Chain
from .minting import rx, ORDINAL_RE, ORDINALS, View, arabic_names, process_meeting

_LAM = r"(?:لل|ل|لهذا ال)"
# Head words of "the Forum" after an ordinal meeting, with its known slips (lexicons/known_slips.toml).
FORUM_FORMS = ("منتدي",) + slips_of("منتدى")
ORDINAL_MEETING = rx(rf"(?:ال)?اجتماع ({ORDINAL_RE}) {_LAM}({'|'.join(FORUM_FORMS)}|حوار)")
# An ordinal meeting whose process is not written after it ("وعقدت الاجتماع السابع في ستوكهولم", "اجتماع
# القمة الثاني عشر"): the process is the Forum named earlier in the paragraph, when no other process is
# named in between and no other genitive follows the ordinal ("الاجتماع السابع للجنة" is not the Forum's).
BARE_ORDINAL_MEETING = rx(rf"(?<![\w])(?:[وب]?ال|[وب])?اجتماع(?: القمه)? ({ORDINAL_RE})(?![\w])(?! (?:لل|ل|لهذه? ال)\S)")
FORUM_WORD = rx(rf"(?<![\w])(?:[وب]?ال|لل)({'|'.join(FORUM_FORMS)})(?![\w])")
YEAR_FORUM = rx(r"(?:اجتماع )?(?:ال)?(منتدي|حوار)(?: العالمي)?(?: ل?عام| لعام) (\d{4})|اجتماع عام (\d{4}) لل(منتدي)")
PROCESS_YEAR = rx(r"^(?: ?,)? ?(?:ل|في )?عام (\d{4})")
HELD = rx(r"^[^.;]{0,40}?(?:الذي|التي) (?:اجرته|اجرتها|عقد|عقدت|عقده|عقدته|جري)\b")
CONCLUDING = rx(r"(?:ال)?مناقشه الختاميه(?: للمنتدي)?(?: لعام (\d{4}))?")
# "تولت إكوادور رئاسة المنتدى لعام 2019", "عرضت رئاسة المنتدى لعام 2020": the chair's year, not a meeting.
CHAIR_YEAR = rx(r"(?<![\w])(?:[وب]?ال|[وب]|ل)?رئاس(?:ه|تها|ته)(?: المشترك[هة])?\s*$")
FOUNDED = rx(r"(?:افتتح|انشي|انشا|اطلق|تاسس|بدا|ولد)\S*\s*$")


@dataclass
class DocState:
    """What the rules learn from the whole document before emitting (no global state)."""

    ordinal_years: dict = field(default_factory=dict)   # (process slug, ordinal) -> year
    forum: Entity | None = None                        # the process "المنتدى" refers to
    dialogue: Entity | None = None                     # the process "الحوار" refers to
    year: int | None = None                            # the year of the meeting the document reports on
    persons: dict = field(default_factory=dict)        # folded full name -> Entity
    year_from_text: bool = False                       # the year was read from the text, not the date
    views: dict = field(default_factory=dict)          # id(source) -> View (folded once per document)
    last_meeting: object = None                        # the last meeting named (written_meetings.py): a Ref
    last_source: object = None                         # the source it was named in
    main_meeting: object = None                        # the first meeting the document names as held (its topic)
    title_meeting: object = None                       # the meeting the document's title names
    planned_keys: set = field(default_factory=set)     # meetings referred to as planned / as held
    held_keys: set = field(default_factory=set)
    opened_keys: set = field(default_factory=set)     # held by a held verb governing them (انطلقت أعمال …، تم افتتاح …)
    headline: object = None                            # the title's meeting, held or planned (events.py)
    chain: object = field(default_factory=Chain)          # meetings named so far, for anaphors (meeting_coref.py)
    series: dict = field(default_factory=dict)         # meeting kind -> the process whose numbered meetings it names
    section_meetings: dict = field(default_factory=dict)  # id(section) -> the meeting its heading names (a Ref)

    def view(self, src) -> View:
        v = self.views.get(id(src))
        if v is None:
            v = self.views[id(src)] = View.of(src.text)
        return v

    def report_meeting(self) -> Entity | None:
        """The meeting the document reports on (its Forum's meeting of its year), None if either is unknown."""
        if self.forum is None or self.year is None:
            return None
        return process_meeting(self.forum, self.year)


def learn_document(ctx: FactContext) -> DocState:
    """The processes "the Forum" and "the Dialogue" stand for, the years of ordinal meetings, and the
    year of the meeting the document reports on (the Forum year the text names most, else its date)."""
    st = DocState()
    counts = Counter()
    for m in ctx.mentions:
        if m.entity.kind == "process":
            counts[m.entity] += 1
    for ent, _ in counts.most_common():
        labels = [fold(l) for l in arabic_names(ent)]
        if st.forum is None and any(l.startswith("المنتدي") for l in labels):
            st.forum = ent
        if st.dialogue is None and any(l.startswith("الحوار") for l in labels):
            st.dialogue = ent
    years = Counter()
    for para in ctx.document.paragraphs:
        v = st.view(para)
        for m in YEAR_FORUM.finditer(v.folded):
            if CHAIR_YEAR.search(v.folded, max(0, m.start() - 16), m.start()):
                continue
            if (m.group(1) or m.group(4)) == "منتدي":
                years[int(m.group(2) or m.group(3))] += 1
        for s, e in sentences(para.text):
            for ref in _ordinal_refs(ctx, st, para, v, s, e, learn=True):
                pass
    if years:
        st.year = years.most_common(1)[0][0]
        st.year_from_text = True
    elif ctx.document.date[:4].isdigit():
        st.year = int(ctx.document.date[:4])
    return st


def _named_in_full(ctx, src, ms: int, me: int) -> Entity | None:
    """The process whose full name starts at the head word of an ordinal meeting (``الاجتماع السابع لحوار أبو ظبي``):
    it, not the process "the Dialogue" or "the Forum" stands for in the document."""
    found = [x for x in ctx.mentions_in(src, ms, me + 80) if x.entity.kind == "process" and x.start < me]
    return found[0].entity if found else None


def _head_process(st: DocState, head: str) -> Entity | None:
    return st.forum if head in FORUM_FORMS else st.dialogue if head == "حوار" else None


def doc_meeting(st: DocState, v: View, s: int, e: int) -> Entity | None:
    """The meeting the document reports on, when the sentence names the Forum or only that meeting's year."""
    if st.forum is None or st.year is None:
        return None
    years = {d.year for d in dates_in(v.text, s, e) if d.year}
    if years == {st.year} and ("منتدي" in fold(v.text[s:e]) or st.year_from_text):
        return process_meeting(st.forum, st.year)
    if not years and st.year_from_text and "منتدي" in fold(v.text[s:e]):
        return process_meeting(st.forum, st.year)
    return None


def _forum_before(ctx, st, src, v: View, pos: int) -> Entity | None:
    """The Forum, when the paragraph names it before ``pos`` (رئاسة المنتدى …) and no other process after it."""
    if st.forum is None:
        return None
    last = None
    for last in FORUM_WORD.finditer(v.folded, 0, v.folded_offset(pos)):
        pass
    if last is None:
        return None
    start, _ = v.orig(last.start(), last.end())
    if any(m.entity.kind == "process" and m.entity != st.forum for m in ctx.mentions_in(src, start, pos)):
        return None
    return st.forum


def _ordinal_matches(ctx, st, src, v: View, s: int, e: int):
    """(ordinal, process, start, end) of each ordinal meeting of sentence [s, e)."""
    spans = []
    for m, ms, me in v.finditer(ORDINAL_MEETING, s, e):
        spans.append((ms, me))
        yield m.group(1), _named_in_full(ctx, src, ms, me) or _head_process(st, m.group(2)), ms, me
    for m, ms, me in v.finditer(BARE_ORDINAL_MEETING, s, e):
        if any(ms < oe and os_ < me for os_, oe in spans):
            continue
        yield m.group(1), _forum_before(ctx, st, src, v, ms), ms, me


def _ordinal_refs(ctx, st, src, v: View, s: int, e: int, learn: bool = False):
    for ordinal, process, ms, me in _ordinal_matches(ctx, st, src, v, s, e):
        if process is None:
            continue
        n = ORDINALS[ordinal]
        nxt = _next_ref_start(v, me, e)
        years = {d.year for d in dates_in(v.text, me, nxt) if d.year}
        if learn:
            if len(years) == 1:
                st.ordinal_years.setdefault((process.slug, n), years.pop())
            continue
        year = years.pop() if len(years) == 1 else st.ordinal_years.get((process.slug, n))
        if year:
            yield Ref(ms, me, process_meeting(process, year), process, "event.ordinal-meeting", ordinal=n)


def _next_ref_start(v: View, after: int, end: int) -> int:
    best = end
    for pat in (ORDINAL_MEETING, YEAR_FORUM):
        for m, ms, me in v.finditer(pat, after, end):
            best = min(best, ms)
    return best


def sentence_refs(ctx: FactContext, st: DocState, src, v: View, s: int, e: int) -> list[Ref]:
    """The meetings sentence [s, e) of ``src`` names, one per span, in reading order."""
    refs = list(_ordinal_refs(ctx, st, src, v, s, e))
    for m, ms, me in v.finditer(YEAR_FORUM, s, e):
        if CHAIR_YEAR.search(v.folded, max(0, m.start() - 16), m.start()):
            continue
        process = _head_process(st, m.group(1) or m.group(4))
        if process is not None:
            refs.append(Ref(ms, me, process_meeting(process, int(m.group(2) or m.group(3))), process,
                            "event.year-meeting"))
    for mention in ctx.mentions_in(src, s, e):
        if mention.entity.kind != "process":
            continue
        if mention.entity.cls != "GlobalProcess":
            before = fold(v.text[max(s, mention.start - 12):mention.start])
            years = [d.year for d in dates_in(v.text, s, e) if d.year]
            if re.search(r"(?:بعقد|عقد|عقدت|استضاف\S*)\s*$", before) and years:
                refs.append(Ref(mention.start, mention.end, process_meeting(mention.entity, years[0]),
                                mention.entity, "event.held-meeting"))
            continue
        rest = fold(v.text[mention.end:e])
        ym = PROCESS_YEAR.match(rest)
        if ym and FOUNDED.search(fold(v.text[max(s, mention.start - 25):mention.start])):
            continue        # "افتتح المنتدى … في عام 2006": the process began, no meeting
        if ym:
            refs.append(Ref(mention.start, mention.end, process_meeting(mention.entity, int(ym.group(1))),
                            mention.entity, "event.year-meeting"))
            continue
        if HELD.match(rest):
            dates = [d for d in dates_in(v.text, mention.end, e) if d.year]
            if dates:
                refs.append(Ref(mention.start, mention.end, process_meeting(mention.entity, dates[0].year),
                                mention.entity, "event.held-meeting"))
    for m, ms, me in v.finditer(CONCLUDING, s, e):
        year = int(m.group(1)) if m.group(1) else st.year
        if st.forum is not None and year:
            refs.append(Ref(ms, me, process_meeting(st.forum, year), st.forum, "event.year-meeting"))
    # one reference per span: keep the first found for overlapping spans
    out: list[Ref] = []
    for r in sorted(refs, key=lambda r: (r.start, -r.end)):
        if not any(r.start < o.end and o.start < r.end for o in out):
            out.append(r)
    return out
