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
}

_LAM = r"(?:لل|ل|لهذا ال)"
ORDINAL_MEETING = rx(rf"(?:ال)?اجتماع ({ORDINAL_RE}) {_LAM}(منتدي|حوار)")
YEAR_FORUM = rx(r"(?:اجتماع )?(?:ال)?(منتدي|حوار)(?: العالمي)?(?: ل?عام| لعام) (\d{4})|اجتماع عام (\d{4}) لل(منتدي)")
PROCESS_YEAR = rx(r"^(?: ?,)? ?(?:ل|في )?عام (\d{4})")
HELD = rx(r"^[^.;]{0,40}?(?:الذي|التي) (?:اجرته|اجرتها|عقد|عقدت|عقده|عقدته|جري)\b")
CONCLUDING = rx(r"(?:ال)?مناقشه الختاميه(?: للمنتدي)?(?: لعام (\d{4}))?")
BARE_MEETING = rx(r"(?<![\w])(?:و|ف)?الاجتماع(?![\w])(?! (?:" + ORDINAL_RE + r"|الحكومي|المواضيعي|الوزاري|التنسيقي))")
HOST = rx(r"(?<![\w])(?:و|ف)?(?:(س?تستضيف)|استضاف(?:ت|ته|تها|ه)?|(?:عقدت|نظمت)(?= حكوم))(?![\w])")
OFFER = rx(r"عرض")
THEME_CUE = rx(r"(?:ال)?موضوع(?:ه)? (?:العام|المركزي|الرئيسي|المحوري)|شعار|بعنوان|المعنون")
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
        v = View.of(para.text)
        for m in YEAR_FORUM.finditer(v.folded):
            if (m.group(1) or m.group(4)) == "منتدي":
                years[int(m.group(2) or m.group(3))] += 1
        for s, e in sentences(para.text):
            for ref in _ordinal_refs(ctx, st, para, v, s, e, learn=True):
                pass
    if years:
        st.year = years.most_common(1)[0][0]
    elif ctx.document.date[:4].isdigit():
        st.year = int(ctx.document.date[:4])
    return st


def _head_process(st: DocState, head: str) -> Entity | None:
    return st.forum if head == "منتدي" else st.dialogue if head == "حوار" else None


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
        if mention.entity.kind != "process" or mention.entity.cls != "GlobalProcess":
            continue
        rest = fold(v.text[mention.end:e])
        ym = PROCESS_YEAR.match(rest)
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
    # one reference per span: keep the first found for overlapping spans
    out: list[Ref] = []
    for r in sorted(refs, key=lambda r: (r.start, -r.end)):
        if not any(r.start < o.end and o.start < r.end for o in out):
            out.append(r)
    return out


# ---------------------------------------------------------------- facts of paragraphs

def _paragraph_facts(ctx: FactContext, st: DocState, src):
    v = View.of(src.text)
    last: Ref | None = None
    for s, e in sentences(src.text):
        refs = _refs(ctx, st, src, v, s, e)
        if not refs and last is not None:
            bare = [(ms, me) for m, ms, me in v.finditer(BARE_MEETING, s, e)]
            bare += [(ms, me) for m, ms, me in v.finditer(PRONOUN_PARTICIPANTS, s, e)]
            if bare:
                refs = [Ref(bare[0][0], bare[0][1], last.event, last.process, "")]
        if not refs:
            yield from _workshops(ctx, st, src, v, refs, s, e)
            continue
        for i, ref in enumerate(refs):
            scope_end = refs[i + 1].start if i + 1 < len(refs) else e
            yield from _ref_facts(ctx, st, src, v, ref, s if i == 0 else ref.start, ref.end, scope_end)
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
    """Workshops listed by city in a sentence about a process meeting: parts of that meeting."""
    cues = list(v.finditer(WORKSHOP, s, e))
    if not cues:
        return
    if refs:
        parent = refs[0].event
    else:
        years = {d.year for d in _dates(v.text, s, e) if d.year}
        if st.forum is None or len(years) != 1 or "منتدي" not in fold(v.text[s:e]):
            return
        parent = process_meeting(st.forum, years.pop())
    anchor = cues[0][2]
    for mention in ctx.mentions_in(src, anchor, e):
        if mention.entity.kind != "place":
            continue
        gap = fold(v.text[anchor:mention.start])
        unknown = [t for t in re.findall(r"[^\s,()/]+", gap) if t not in _LIST_WORDS]
        if len(gap) > 40 or len(unknown) > (0 if anchor == cues[0][2] else 1):
            break
        anchor = mention.end
        ws = sub_event(parent, f"workshop-{mention.entity.slug}", f"حلقة عمل في {mention.entity.label_ar}",
                       f"{parent.label_en} workshop, {mention.entity.label_en}".strip())
        yield Fact(ws, "partOf", parent, src, "event.workshop", RULES["event.workshop"][1])
        yield Fact(ws, "location", mention.entity, src, "event.workshop", RULES["event.workshop"][1])
        for d in _dates(v.text, mention.end, min(e, mention.end + 60))[:1]:
            if d.precision == "day" and d.start_date:
                yield Fact(ws, "startDate", Value(d.start_date.isoformat(), "date"), src, "event.date", RULES["event.date"][1])
                yield Fact(ws, "endDate", Value((d.end_date or d.start_date).isoformat(), "date"), src, "event.date",
                           RULES["event.date"][1])


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
    cluster_section = None
    special = False
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
            cluster, cluster_section = ev, sec
        elif sm:
            g, n, alt = sm.group(1), int(sm.group(2)), sm.group(3)
            gnum = int(g) if g.isdigit() else ORDINALS.get(g) or _ORD_FEM.get(g)
            if alt and gnum == n:
                n = int(alt)
            if gnum is None:
                continue
            ev = sub_event(meeting, f"session-{gnum}-{n}", _title(sec.heading), f"{meeting.label_en} session {gnum}.{n}")
            yield Fact(ev, "partOf", cluster or meeting, sec, "event.session", RULES["event.session"][1])
        elif special and sec.level == 2:
            ev = sub_event(meeting, f"special-session-{translit(_title(sec.heading))[:40].strip('-')}",
                           _title(sec.heading), "")
            yield Fact(ev, "partOf", meeting, sec, "event.session", RULES["event.session"][1])
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
        state = _state_in(ctx, parts[-1])
        if state is not None:
            yield Fact(ev, "coChairedBy", state, sec, "event.session-cochair-state",
                       RULES["event.session-cochair-state"][1])


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
