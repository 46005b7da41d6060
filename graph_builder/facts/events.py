"""Event facts: meetings of processes, their sessions and workshops, where, when, who hosted and chaired.

A meeting of a standing process is keyed by process + year ("the first meeting of the Forum",
"the 2011 Forum", "the High-level Dialogue held in September 2006" all become
``event/{process}-{year}``), so that reports join. An ordinal meeting without a year in its
sentence takes the year the same document gives that ordinal elsewhere; without any year it
is left out. Working sessions (section headings "جلسة العمل 1-1: …") and the document's
clusters and special sessions are parts of the meeting the document reports on; their
co-chairs come from the session header lines (``Section.notes``).

Planned meetings ("سيعقد", "ستستضيف") get partOf/location/dates/theme like held ones; a
host announced in the future tense is kept with a lower confidence (rule
``event.host-planned``); an OFFER to host or organise ("عرضت … استضافة/تنظيم") gives no
host. Participant counts are kept only with an event in the same sentence.

Meetings that are not meetings of a known process are found from where and when they were
held ("المؤتمر الوزاري … الذي عقد في داكار في 23 تشرين الثاني/نوفمبر 2011"): keyed by kind,
place and year (``event/conference-dakar-2011``), with a composed English label; the actors
named in the meeting's own phrase take part in it. Civil society days, round tables and
workshops are parts of the meeting they are named with (or, failing that, of the meeting the
document reports on, when the sentence gives that meeting's year). Every event gets mdkg:year.

It does not find commitments (``commitments.py``) nor topics, memberships or roles.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..arabic import fold
from ..findings import Entity, Fact, Value
from .context import FactContext, sentences
from .naming import (rx, ORDINAL_RE, ORDINALS, ROLE_WORDS, TITLES, View, clean_name, is_name, person,
                     process_meeting, sub_event, translit)

RULES = {
    "event.ordinal-meeting": ("an ordinal meeting of a process (الاجتماع الأول للمنتدى) is part of that process", 0.95),
    "event.year-meeting": ("a process named with a year (منتدى عام 2011, الحوار الرفيع المستوى لعام 2006) is that year's meeting", 0.9),
    "event.held-meeting": ("a process 'held' on a date (الحوار … الذي أجرته الجمعية العامة في …) is that year's meeting", 0.85),
    "event.location": ("a city named after 'في' in the meeting's clause is its location", 0.9),
    "event.date": ("a day-precision date in the meeting's clause gives its start and end dates", 0.9),
    "event.year": ("a year in the meeting's clause or key", 0.95),
    "event.host": ("استضافت/استضافته/عقدت حكومة X: X hosted the meeting", 0.9),
    "event.host-planned": ("ستستضيف/تستضيف X: X is to host the meeting (planned)", 0.7),
    "event.theme": ("a quoted theme after الموضوع الرئيسي/العام/المركزي/المحوري, شعار, بعنوان, المعنون", 0.9),
    "event.participants": ("the stated number of states taking part in a meeting", 0.9),
    "event.participants-approx": ("an approximate number of participating states (حوالي، ما يربو على)", 0.6),
    "event.chair": ("رئيس منتدى عام YYYY، PERSON / PERSON … برئاسة منتدى عام YYYY / رئاسة STATE لمنتدى عام YYYY", 0.85),
    "event.session": ("a working session, cluster or special session heading is part of the meeting the report is about", 0.9),
    "event.session-cochair": ("a person named in a session's co-chair header line co-chaired it", 0.95),
    "event.session-cochair-state": ("the state a session co-chair represents (last state in the co-chair item)", 0.75),
    "event.workshop": ("a workshop/thematic meeting held in a listed city is part of that year's meeting", 0.8),
    "event.workshop-theme": ("a quoted subject after a workshop's place and date (عن \"…\") is its theme", 0.8),
    "event.named-meeting": ("a conference/summit/meeting 'held in' a place (الذي عقد في / المعقود في) with a year in its sentence", 0.8),
    "event.named-meeting-process": ("a meeting held 'within' a process (عملية X … في إطار المؤتمر …) is part of it", 0.75),
    "event.participant": ("an actor named in a meeting's own phrase (اجتماع مشترك بين … والاتحاد الأوروبي) takes part in it", 0.7),
    "event.host-convened": ("قام(ت) X بعقد MEETING: X held (hosted) the meeting", 0.75),
    "event.civil-society": ("civil society days/meeting (يوما المجتمع المدني، اجتماع لممثلي المجتمع المدني) are part of the meeting named with them", 0.8),
    "event.civil-society-chair": ("رئيس يومي المجتمع المدني PERSON: the person chaired them", 0.85),
    "event.roundtable": ("a numbered round table (جلسة المائدة المستديرة 3-3) in a meeting is part of it", 0.85),
}

_LAM = r"(?:لل|ل|لهذا ال)"
# Head words of "the Forum" / "the Dialogue" after an ordinal meeting, with known extraction slips (data).
FORUM_FORMS = ("منتدي", "متدعي")
ORDINAL_MEETING = rx(rf"(?:ال)?اجتماع ({ORDINAL_RE}) {_LAM}({'|'.join(FORUM_FORMS)}|حوار)")
YEAR_FORUM = rx(r"(?:اجتماع )?(?:ال)?(منتدي|حوار)(?: العالمي)?(?: ل?عام| لعام) (\d{4})|اجتماع عام (\d{4}) لل(منتدي)")
PROCESS_YEAR = rx(r"^(?: ?,)? ?(?:ل|في )?عام (\d{4})")
HELD = rx(r"^[^.;]{0,40}?(?:الذي|التي) (?:اجرته|اجرتها|عقد|عقدت|عقده|عقدته|جري)\b")
CONCLUDING = rx(r"(?:ال)?مناقشه الختاميه(?: للمنتدي)?(?: لعام (\d{4}))?")
BARE_MEETING = rx(r"(?<![\w])(?:و|ف)?الاجتماع(?![\w])(?! (?:" + ORDINAL_RE + r"|الحكومي|المواضيعي|الوزاري|التنسيقي))")
HOST = rx(r"(?<![\w])(?:و|ف)?(?:(س?تستضيف)|استضاف(?:ت|ته|تها|ه)?|(?:عقدت|نظمت)(?= حكوم))(?![\w])")
OFFER = rx(r"عرض")
THEME_CUE = rx(r"(?:ال)?موضوع(?:ه)? (?:العام|المركزي|الرئيسي|المحوري)|شعار|بعنوان|المعنون")
PAPER = rx(r"(?:ورقه|تقرير|تقريرا|دراسه|دليل|موجز|كتيب|منشور)(?: \S+){0,2}\s*$")
QUOTE = re.compile(r'"([^"]{3,200})"')
PARTICIPANTS = [
    rx(r"(?:الدول الاعضاء|الدول|البلدان) (?:ال|الـ)? ?(\d+) (?:التي|الذين) (?:شارك|شاركت)"),
    rx(r"شارك(?:ت)? (?:في|فيه|فيها)(?: الاجتماع)? (?:ممثلون عن |ممثلو |ممثلون )?(ما يربو علي |عما يربو علي |حوالي |نحو )?(\d+) (?:دوله|بلدا|بلد)"),
    rx(r"بحضور (حوالي )?(\d+) (?:بلدا|دوله)"),
]
CHAIR_OF = rx(r"(?:ال)?رئيس (?:منتدي عام (\d{4}))")
CHAIRED = rx(r"برئاسه (?:منتدي عام (\d{4}))")
STATE_CHAIR = rx(r"رئاسه (\S+(?: \S+)?) لمنتدي عام (\d{4})")
SESSION_HEAD = rx(r"^جلسه العمل (\S+)(?: - ?| ?- ?|-)(\d+)(?:/(\d+))?")
CLUSTER_HEAD = rx(r"المجموعه ({})".format(ORDINAL_RE.replace("الاول|", "الاول|")))
COCHAIR_NOTE = rx(r"^(?:الرئيسان المشاركان|الرؤساء المشاركون|الرئيس المشارك|الرئيسه المشاركه)\s*:")
WORKSHOP = rx(r"(?:حلق(?:ه|ات) (?:ال)?عمل|(?:ال)?اجتماع(?:ات)? (?:ال)?مواضيعي(?:ه)?)")
SESSION_OF = rx(r"(?:جلسه|يوم\w*)(?: \S+)? لل?$")
DATE_BLOCK = rx(r"يوم|يومي|يومين|جلسه|اللذان|اللتان|الاجتماع الحكومي")
PRONOUN_PARTICIPANTS = rx(r"شارك(?:ت)? (?:فيه|فيها) ")
HELD_VERB = rx(r"(?<![\w])(?:و)?(?:عقد|عقدت|المعقود|جرت|جري|استضاف\w*|ستستضيف|تستضيف|ستعقد|سيعقد)(?![\w])")
SPECIAL_HEAD = rx(r"الجلسات الاستثنائيه")
FOUNDED = rx(r"(?:افتتح|انشي|انشا|اطلق|تاسس|بدا|ولد)\S*\s*$")
HELD_AT = rx(r"(?<![\w])(?:(?:الذي|التي) )?(?:عقد|عقدت|المعقود|المعقوده|جري|جرت)(?: مؤخرا)? (?:في|ب)(?= ?\S)")
MEETING_NOUN = rx(r"(?<![\w])(?:و|ب|ل)?(?:ال)?(مؤتمر|اجتماع|قمه|منتدي|ندوه)(?![\w])")
WITHIN = rx(r"في اطار\s*$")
CONVENED = rx(r"(?<![\w])قام(?:ت)? (.{2,80}?) بعقد\s*$")
CIVIL = rx(r"(?<![\w])(?:و)?(?:ال)?(?:يوم(?:ي|ين|ا)|اجتماع)(?: \S+){0,4}? (?:لل|ل)?(?:ممثلي |مثلي )?(?:ال)?مجتمع (?:ال)?مدني")
ROUNDTABLE = rx(r"(?:جلسه )?(?:ال)?مايده (?:ال)?مستديره (\d+)(?: ?- ?(\d+))?")
BEFORE_DATE = rx(r"قبل")
_KIND_EN = {"مؤتمر": ("conference", "Conference"), "قمه": ("summit", "Summit"), "اجتماع": ("meeting", "Meeting"),
            "منتدي": ("forum", "Forum"), "ندوه": ("seminar", "Seminar")}
_KIND_EN = {fold(k): v for k, v in _KIND_EN.items()}
_LIST_WORDS = {"في", "و", "عقدت", "عقد", "تحضيريه", "مواضيعيه", "التحضيريه", "المواضيعيه"}
_ORD_FEM = {"الاولي": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6}


@dataclass
class Ref:
    """An event named in a sentence: where the name is (original offsets) and the entity."""

    start: int
    end: int
    event: Entity
    process: Entity | None = None
    rule: str = ""


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

    def view(self, src) -> View:
        v = self.views.get(id(src))
        if v is None:
            v = self.views[id(src)] = View.of(src.text)
        return v


def extract(ctx: FactContext):
    state = _learn(ctx)
    for para in ctx.document.paragraphs:
        yield from _paragraph_facts(ctx, state, para)
    for fn in ctx.document.footnotes:
        if fn.text:
            yield from _paragraph_facts(ctx, state, fn)
    yield from _session_facts(ctx, state)


# ---------------------------------------------------------------- document-level knowledge

def _learn(ctx: FactContext) -> DocState:
    st = DocState()
    counts = Counter()
    for m in ctx.mentions:
        if m.entity.kind == "process":
            counts[m.entity] += 1
    for ent, _ in counts.most_common():
        labels = [fold(ent.label_ar)] + [fold(t) for t, lang in ent.alt_labels if lang == "ar"]
        if st.forum is None and any(l.startswith("المنتدي") for l in labels):
            st.forum = ent
        if st.dialogue is None and any(l.startswith("الحوار") for l in labels):
            st.dialogue = ent
    years = Counter()
    for para in ctx.document.paragraphs:
        v = st.view(para)
        for m in YEAR_FORUM.finditer(v.folded):
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


def _head_process(st: DocState, head: str) -> Entity | None:
    return st.forum if head in FORUM_FORMS else st.dialogue if head == "حوار" else None


def year_fact(ev: Entity, year, src, rule: str = "event.year") -> Fact:
    return Fact(ev, "year", Value(str(year), "gYear"), src, rule, RULES[rule][1])


def _key_year(ev: Entity) -> int | None:
    m = re.search(r"-(\d{4})(?:-|$)", ev.slug)
    return int(m.group(1)) if m else None


def _doc_meeting(st: DocState, v: View, s: int, e: int) -> Entity | None:
    """The meeting the document reports on, when the sentence names the Forum or only that meeting's year."""
    if st.forum is None or st.year is None:
        return None
    years = {d.year for d in _dates(v.text, s, e) if d.year}
    if years == {st.year} and ("منتدي" in fold(v.text[s:e]) or st.year_from_text):
        return process_meeting(st.forum, st.year)
    if not years and st.year_from_text and "منتدي" in fold(v.text[s:e]):
        return process_meeting(st.forum, st.year)
    return None


# ---------------------------------------------------------------- event references in a sentence

def _dates(text: str, start: int, end: int, default_year: int | None = None):
    from ..values import find_dates
    return [d for d in find_dates(text, default_year) if d.start >= start and d.end <= end]


def _ordinal_refs(ctx, st, src, v: View, s: int, e: int, learn: bool = False):
    for m, ms, me in v.finditer(ORDINAL_MEETING, s, e):
        process = _head_process(st, m.group(2))
        if process is None:
            continue
        n = ORDINALS[m.group(1)]
        nxt = _next_ref_start(v, me, e)
        years = {d.year for d in _dates(v.text, me, nxt) if d.year}
        if learn:
            if len(years) == 1:
                st.ordinal_years.setdefault((process.slug, n), years.pop())
            continue
        year = years.pop() if len(years) == 1 else st.ordinal_years.get((process.slug, n))
        if year:
            yield Ref(ms, me, process_meeting(process, year), process, "event.ordinal-meeting")


def _next_ref_start(v: View, after: int, end: int) -> int:
    best = end
    for pat in (ORDINAL_MEETING, YEAR_FORUM):
        for m, ms, me in v.finditer(pat, after, end):
            best = min(best, ms)
    return best


def _refs(ctx: FactContext, st: DocState, src, v: View, s: int, e: int) -> list[Ref]:
    refs = list(_ordinal_refs(ctx, st, src, v, s, e))
    for m, ms, me in v.finditer(YEAR_FORUM, s, e):
        process = _head_process(st, m.group(1) or m.group(4))
        if process is not None:
            refs.append(Ref(ms, me, process_meeting(process, int(m.group(2) or m.group(3))), process,
                            "event.year-meeting"))
    for mention in ctx.mentions_in(src, s, e):
        if mention.entity.kind != "process":
            continue
        if mention.entity.cls != "GlobalProcess":
            before = fold(v.text[max(s, mention.start - 12):mention.start])
            years = [d.year for d in _dates(v.text, s, e) if d.year]
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
            dates = [d for d in _dates(v.text, mention.end, e) if d.year]
            if dates:
                refs.append(Ref(mention.start, mention.end, process_meeting(mention.entity, dates[0].year),
                                mention.entity, "event.held-meeting"))
    for m, ms, me in v.finditer(CONCLUDING, s, e):
        year = int(m.group(1)) if m.group(1) else st.year
        if st.forum is not None and year:
            refs.append(Ref(ms, me, process_meeting(st.forum, year), st.forum, "event.year-meeting"))
    refs += _named_meetings(ctx, src, v, s, e, refs)
    # one reference per span: keep the first found for overlapping spans
    out: list[Ref] = []
    for r in sorted(refs, key=lambda r: (r.start, -r.end)):
        if not any(r.start < o.end and o.start < r.end for o in out):
            out.append(r)
    return out


def _named_meetings(ctx, src, v: View, s: int, e: int, known: list[Ref]) -> list[Ref]:
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
        dates = _dates(v.text, where[0].end, min(e, where[0].end + 40)) or _dates(v.text, s, e)
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
    """Year, place, dates, participants and process of a meeting found by :func:`_named_meetings`."""
    conf = RULES["event.named-meeting"][1]
    ev = ref.event
    yield year_fact(ev, _key_year(ev), src, "event.year")
    held = next((m for m, ms, me in v.finditer(HELD_AT, ref.end, e)), None)
    after = ref.end
    for x in ctx.mentions_in(src, ref.end, min(e, ref.end + 40)):
        if x.entity.kind == "place":
            yield Fact(ev, "location", x.entity, src, "event.named-meeting", conf)
        if x.entity.kind in ("place", "state"):
            after = x.end
            break
    for d in _dates(v.text, after, min(e, after + 40), _key_year(ev))[:1]:
        if d.precision == "day" and d.start_date and d.year == _key_year(ev):
            yield Fact(ev, "startDate", Value(d.start_date.isoformat(), "date"), src, "event.date", RULES["event.date"][1])
            yield Fact(ev, "endDate", Value((d.end_date or d.start_date).isoformat(), "date"), src, "event.date",
                       RULES["event.date"][1])
    for x in ctx.mentions_in(src, ref.start, ref.end):
        if x.entity.kind in ("state", "org"):
            yield Fact(x.entity, "participatesIn", ev, src, "event.participant", RULES["event.participant"][1])
    for x in ctx.mentions_in(src, s, ref.start):
        if x.entity.kind == "process" and WITHIN.search(fold(v.text[x.end:ref.start])[-40:]) \
                and len(fold(v.text[x.end:ref.start])) < 60:
            yield Fact(ev, "partOf", x.entity, src, "event.named-meeting-process", RULES["event.named-meeting-process"][1])
    del held


def _convened(ctx, src, v: View, refs: list[Ref], s: int):
    """قام(ت) X بعقد MEETING: X held the meeting."""
    for ref in refs:
        m = CONVENED.search(fold(v.text[s:ref.start]))
        if not m:
            continue
        actors = [x for x in ctx.mentions_in(src, s, ref.start) if x.entity.kind in ("state", "org")]
        if actors:
            yield Fact(ref.event, "hostedBy", actors[0].entity, src, "event.host-convened", RULES["event.host-convened"][1])


def _civil_society(ctx, st, src, v: View, refs: list[Ref], last: Ref | None, s: int, e: int):
    """Civil society days or meeting named with a meeting: part of it; their chair and dates."""
    for m, ms, me in v.finditer(CIVIL, s, e):
        before = [r for r in refs if r.start < ms and r.process is not None]
        parent = before[-1].event if before else (refs[0].event if refs and refs[0].process else None)
        if parent is None:
            parent = last.event if last is not None and last.process is not None else _doc_meeting(st, v, s, e)
        if parent is None and st.forum is not None and st.year_from_text and not _dates(v.text, s, e) \
                and not [d for d in _dates(v.text, 0, len(v.text)) if d.year and d.year != st.year]:
            parent = process_meeting(st.forum, st.year)
        year = _key_year(parent) if parent is not None else None
        if parent is None or year is None:
            continue
        ev = sub_event(parent, "civil-society-days", "أيام المجتمع المدني " + parent.label_ar,
                       f"{parent.label_en} civil society days")
        conf = RULES["event.civil-society"][1]
        yield Fact(ev, "partOf", parent, src, "event.civil-society", conf)
        yield year_fact(ev, year, src)
        days = [d for d in _dates(v.text, me, min(e, me + 100), year) if d.start - me <= 60 and d.precision == "day"]
        for d in days[:1]:
            if d.start_date and not BEFORE_DATE.search(fold(v.text[me:d.start])):
                yield Fact(ev, "startDate", Value(d.start_date.isoformat(), "date"), src, "event.date", RULES["event.date"][1])
                yield Fact(ev, "endDate", Value((d.end_date or d.start_date).isoformat(), "date"), src, "event.date",
                           RULES["event.date"][1])
        if re.search(r"(?:^|\s)رييس\s*$", fold(v.text[max(s, ms - 8):ms])):
            name = _name_after(v.text, me)
            if name:
                yield Fact(ev, "chairedBy", _person(st, name), src, "event.civil-society-chair",
                           RULES["event.civil-society-chair"][1])


def _roundtables(src, v: View, refs: list[Ref], s: int, e: int):
    for m, ms, me in v.finditer(ROUNDTABLE, s, e):
        after = [r for r in refs if r.start >= me and r.process is not None and r.start - me < 30]
        if not after:
            continue
        parent = after[0].event
        key = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
        ev = sub_event(parent, f"roundtable-{key}", v.text[ms:me].strip(),
                       f"{parent.label_en} roundtable {key.replace('-', '.')}")
        yield Fact(ev, "partOf", parent, src, "event.roundtable", RULES["event.roundtable"][1])
        if _key_year(parent):
            yield year_fact(ev, _key_year(parent), src)


# ---------------------------------------------------------------- facts of paragraphs

def _paragraph_facts(ctx: FactContext, st: DocState, src):
    v = st.view(src)
    last: Ref | None = None
    for s, e in sentences(src.text):
        refs = _refs(ctx, st, src, v, s, e)
        if not refs and last is not None:
            bare = [(ms, me) for m, ms, me in v.finditer(BARE_MEETING, s, e)]
            bare += [(ms, me) for m, ms, me in v.finditer(PRONOUN_PARTICIPANTS, s, e)]
            if bare:
                refs = [Ref(bare[0][0], bare[0][1], last.event, last.process, "")]
        yield from _civil_society(ctx, st, src, v, refs, last, s, e)
        if not refs:
            yield from _workshops(ctx, st, src, v, refs, s, e)
            continue
        for i, ref in enumerate(refs):
            scope_end = refs[i + 1].start if i + 1 < len(refs) else e
            if ref.rule == "event.named-meeting":
                yield from named_meeting_facts(ctx, src, v, ref, s, e)
                continue
            yield from _ref_facts(ctx, st, src, v, ref, s if i == 0 else ref.start, ref.end, scope_end)
        yield from _convened(ctx, src, v, refs, s)
        yield from _roundtables(src, v, refs, s, e)
        yield from _hosts(ctx, src, v, refs, s, e)
        yield from _themes(src, v, refs, s, e)
        yield from _participants(src, v, refs, s, e)
        yield from _workshops(ctx, st, src, v, refs, s, e)
        last = refs[-1]
    yield from _chairs(ctx, st, src, v)


def _ref_facts(ctx, st, src, v: View, ref: Ref, before: int, start: int, end: int):
    ev = ref.event
    if ref.rule and ref.process is not None:
        yield Fact(ev, "partOf", ref.process, src, ref.rule, RULES[ref.rule][1])
        year = ev.slug.rsplit("-", 1)[-1]
        if year.isdigit():
            yield Fact(ev, "year", Value(year, "gYear"), src, "event.year", RULES["event.year"][1])
    for mention in ctx.mentions_in(src, start, end):
        if mention.entity.kind != "place":
            continue
        gap = fold(v.text[start:mention.start])
        if (re.search(r"(?:في|ب)\s*$", gap) and not WORKSHOP.search(gap)
                and (len(gap) <= 60 or HELD_VERB.search(fold(v.text[before:mention.start])))):
            yield Fact(ev, "location", mention.entity, src, "event.location", RULES["event.location"][1])
        break
    key_year = ev.slug.rsplit("-", 1)[-1]
    genitive = SESSION_OF.search(fold(v.text[max(0, ref.start - 30):ref.start]))   # "الجلسة الافتتاحية للمناقشة"
    for d in _dates(v.text, start, end, int(key_year) if key_year.isdigit() else None)[:1]:
        gap = fold(v.text[start:d.start])
        if genitive or DATE_BLOCK.search(gap) or (len(gap) > 80 and not HELD_VERB.search(gap)):
            break
        if d.precision == "day" and d.start_date:
            yield Fact(ev, "startDate", Value(d.start_date.isoformat(), "date"), src, "event.date", RULES["event.date"][1])
            yield Fact(ev, "endDate", Value((d.end_date or d.start_date).isoformat(), "date"), src, "event.date",
                       RULES["event.date"][1])
        if d.year and str(d.year) == ev.slug.rsplit("-", 1)[-1]:
            pass
        elif d.year and not ref.rule:
            yield Fact(ev, "year", Value(str(d.year), "gYear"), src, "event.year", RULES["event.year"][1])


def _nearest(refs: list[Ref], pos: int) -> Ref:
    return min(refs, key=lambda r: min(abs(r.start - pos), abs(r.end - pos)))


def _hosts(ctx, src, v: View, refs, s, e):
    for m, ms, me in v.finditer(HOST, s, e):
        if OFFER.search(fold(v.text[max(s, ms - 30):ms])):
            continue
        actors = [x for x in ctx.mentions_in(src, me, min(e, me + 45))
                  if x.entity.kind in ("state", "org") and not any(r.start <= x.start < r.end for r in refs)]
        if not actors:
            continue
        rule = "event.host-planned" if m.group(1) else "event.host"
        yield Fact(_nearest(refs, ms).event, "hostedBy", actors[0].entity, src, rule, RULES[rule][1])


def _themes(src, v: View, refs, s, e):
    for m, ms, me in v.finditer(THEME_CUE, s, e):
        if PAPER.search(fold(v.text[max(s, ms - 25):ms])):
            continue        # "ورقة عمل بعنوان …": the title of a paper, not a meeting's theme
        q = QUOTE.search(v.folded, _fold_pos(v, me))
        if not q:
            continue
        qs, qe = v.orig(q.start(1), q.end(1))
        if qs > e:
            continue
        theme = v.text[qs:qe].strip()
        yield Fact(_nearest(refs, ms).event, "theme", Value(theme, "langString", "ar"), src, "event.theme",
                   RULES["event.theme"][1])


def _fold_pos(v: View, orig_pos: int) -> int:
    """The folded offset of an original offset (first folded char at or after it)."""
    for i, st in enumerate(v.norm.starts):
        if st >= orig_pos:
            return i
    return len(v.folded)


def _participants(src, v: View, refs, s, e):
    for pat in PARTICIPANTS:
        for m, ms, me in v.finditer(pat, s, e):
            groups = [g for g in m.groups()]
            approx = len(groups) == 2 and groups[0]
            n = groups[-1]
            rule = "event.participants-approx" if approx else "event.participants"
            yield Fact(_nearest(refs, ms).event, "participantCount", Value(str(int(n)), "integer"), src, rule,
                       RULES[rule][1])


def _workshops(ctx, st, src, v: View, refs, s, e):
    """Workshops listed by city in a sentence about a process meeting: parts of that meeting.

    Each cue ("حلقة عمل", "اجتماع مواضيعي") starts its own list of cities; without a meeting in
    the sentence, the parent is the meeting the document reports on when the sentence names
    the Forum or gives only that meeting's year."""
    cues = list(v.finditer(WORKSHOP, s, e))
    if not cues:
        return
    parent = refs[0].event if refs else _doc_meeting(st, v, s, e)
    if parent is None:
        return
    year = _key_year(parent)
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
    place = mention.entity
    ws = sub_event(parent, f"workshop-{place.slug}", f"حلقة عمل في {place.label_ar}",
                   f"{parent.label_en} workshop, {place.label_en}".strip())
    conf = RULES["event.workshop"][1]
    yield Fact(ws, "partOf", parent, src, "event.workshop", conf)
    yield Fact(ws, "location", place, src, "event.workshop", conf)
    if year:
        yield year_fact(ws, year, src)
    after = mention.end
    for d in _dates(v.text, mention.end, min(e, mention.end + 60))[:1]:
        if d.precision == "day" and d.start_date:
            yield Fact(ws, "startDate", Value(d.start_date.isoformat(), "date"), src, "event.date", RULES["event.date"][1])
            yield Fact(ws, "endDate", Value((d.end_date or d.start_date).isoformat(), "date"), src, "event.date",
                       RULES["event.date"][1])
        after = d.end
    q = re.match(r'[\s،,]*عن\s*"([^"]{3,200})"', fold(v.text[after:e]))
    if q:
        fs = _fold_pos(v, after)
        qq = QUOTE.search(v.folded, fs)
        if qq:
            qs, qe = v.orig(qq.start(1), qq.end(1))
            yield Fact(ws, "theme", Value(v.text[qs:qe].strip(), "langString", "ar"), src, "event.workshop-theme",
                       RULES["event.workshop-theme"][1])


# ---------------------------------------------------------------- chairs

def _chairs(ctx, st, src, v: View):
    if st.forum is None:
        return
    for m, ms, me in v.finditer(CHAIR_OF, 0):
        ev = process_meeting(st.forum, int(m.group(1)))
        name = _name_after(v.text, me) or _name_before(v.text, ms)
        if name:
            yield Fact(ev, "chairedBy", _person(st, name), src, "event.chair", RULES["event.chair"][1])
    for m, ms, me in v.finditer(CHAIRED, 0):
        ev = process_meeting(st.forum, int(m.group(1)))
        name = _name_before(v.text, ms)
        if name:
            yield Fact(ev, "chairedBy", _person(st, name), src, "event.chair", RULES["event.chair"][1])
    for m, ms, me in v.finditer(STATE_CHAIR, 0):
        ev = process_meeting(st.forum, int(m.group(2)))
        for x in ctx.mentions_in(src, ms, me):
            if x.entity.kind == "state":
                yield Fact(ev, "chairedBy", x.entity, src, "event.chair", RULES["event.chair"][1])
                break


def _name_after(text: str, pos: int) -> str:
    chunk = re.split(r"[،,؛;(]", text[pos:].lstrip(" ،,"), maxsplit=1)[0]
    name = clean_name(chunk)
    return name if is_name(name) and len(name.split()) >= 2 else ""


def _name_before(text: str, pos: int) -> str:
    chunks = re.split(r"[،,؛;]", text[:pos])
    for chunk in reversed(chunks):
        words = chunk.split()
        if not words:
            continue
        folded = [fold(w) for w in words]
        head = folded[0]
        if head in ROLE_WORDS or (head.startswith("و") and head[1:] in ROLE_WORDS):
            continue
        titled = [i for i, w in enumerate(folded) if w in TITLES or (w.startswith("و") and w[1:] in TITLES)]
        if titled:
            words = words[titled[-1] + 1:]
        else:
            words = words[-2:]
            first = fold(words[0]) if words else ""
            if len(first) > 3 and first[0] in "ولب" and not first.startswith("ال"):
                words[0] = words[0][1:]          # a proclitic on the first name: "لعلي" -> "علي"
        name = clean_name(" ".join(words))
        return name if is_name(name) else ""
    return ""


def _person(st: DocState, name: str) -> Entity:
    key = fold(name)
    if key in st.persons:
        return st.persons[key]
    for full, ent in st.persons.items():
        if full.endswith(" " + key):
            return ent
    ent = person(name)
    st.persons[key] = ent
    return ent


# ---------------------------------------------------------------- sessions

def _session_facts(ctx: FactContext, st: DocState):
    if st.forum is None or st.year is None:
        return
    meeting = process_meeting(st.forum, st.year)
    cluster: Entity | None = None
    special = False
    special_n = 0
    for sec in ctx.document.sections:
        head = fold(sec.heading)
        if sec.level == 1:
            special = bool(SPECIAL_HEAD.search(head))
            cluster = None
        ev = None
        cm = CLUSTER_HEAD.search(head)
        sm = SESSION_HEAD.match(head)
        if sec.level == 2 and cm:
            n = ORDINALS.get(cm.group(1)) or _ORD_FEM.get(cm.group(1))
            ev = sub_event(meeting, f"cluster-{n}", _title(sec.heading), f"{meeting.label_en} cluster {n}")
            yield Fact(ev, "partOf", meeting, sec, "event.session", RULES["event.session"][1])
            yield year_fact(ev, st.year, sec)
            cluster = ev
        elif sm:
            g, n, alt = sm.group(1), int(sm.group(2)), sm.group(3)
            gnum = int(g) if g.isdigit() else ORDINALS.get(g) or _ORD_FEM.get(g)
            if alt and gnum == n:
                n = int(alt)
            if gnum is None:
                continue
            ev = sub_event(meeting, f"session-{gnum}-{n}", _title(sec.heading), f"{meeting.label_en} session {gnum}.{n}")
            yield Fact(ev, "partOf", cluster or meeting, sec, "event.session", RULES["event.session"][1])
            yield year_fact(ev, st.year, sec)
        elif special and sec.level == 2:
            special_n += 1
            ev = sub_event(meeting, f"special-session-{translit(_title(sec.heading))[:40].strip('-')}",
                           _title(sec.heading), f"{meeting.label_en} special session {special_n}")
            yield Fact(ev, "partOf", meeting, sec, "event.session", RULES["event.session"][1])
            yield year_fact(ev, st.year, sec)
        if ev is None:
            continue
        for note in sec.notes:
            yield from _cochairs(ctx, st, sec, ev, note)


def _title(heading: str) -> str:
    """A heading without its numbering word ("ألف - ") and a trailing lost footnote marker ("()")."""
    if re.match(r"^\S+ - ", heading) and not heading.startswith("جلسة"):
        heading = heading.split(" - ", 1)[1]
    return re.sub(r"\(\s*[^)]{0,6}\)\s*$", "", heading).strip()


def _cochairs(ctx, st, sec, ev: Entity, note: str):
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
        yield Fact(ev, "coChairedBy", _person(st, name), sec, "event.session-cochair", RULES["event.session-cochair"][1])
        state = _state_in(ctx, parts[-1]) or _state_named_in(ctx, ", ".join(parts[1:]))
        if state is not None:
            yield Fact(ev, "coChairedBy", state, sec, "event.session-cochair-state",
                       RULES["event.session-cochair-state"][1])


def _state_named_in(ctx, text: str) -> Entity | None:
    """The last state named anywhere in ``text`` (with a proclitic ل/ب/و), e.g. "البعثة الدائمة لسري لانكا"."""
    gaz = ctx.gazetteer
    folded = fold(text)
    if gaz is None or not folded:
        return None
    best = None
    for ent in getattr(gaz, "entities", []):
        if ent.kind != "state":
            continue
        labels = [ent.label_ar] + [t for t, lang in ent.alt_labels if lang == "ar"]
        for label in {fold(l) for l in labels if l}:
            bare = label[2:] if label.startswith("ال") else label
            if len(bare) < 3 or bare not in folded:
                continue
            for m in re.finditer(rf"(?<![\w])(?:[وبل]|لل|ال|بال|وال)?{re.escape(bare)}(?![\w])", folded):
                if best is None or m.start() > best[0]:
                    best = (m.start(), ent)
    return best[1] if best else None


def _state_in(ctx, text: str) -> Entity | None:
    gaz = ctx.gazetteer
    if gaz is None:
        return None
    key = fold(text.strip()).removeprefix("و")
    for ent in getattr(gaz, "entities", []):
        if ent.kind != "state":
            continue
        labels = [ent.label_ar] + [t for t, lang in ent.alt_labels if lang == "ar"]
        if any(fold(l) == key for l in labels if l):
            return ent
    return None
