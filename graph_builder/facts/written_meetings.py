"""Meetings named the way a writer names them: a summit, a numbered session, a ministerial encounter,
a conference "that convened", a workshop or seminar, with or without its process and year.

A meeting noun (lexicon class ``meeting_noun``: قمة، اجتماع، الدورة، اللقاء الوزاري، ورشة عمل …) is read
with what follows it in the sentence: qualifiers (``meeting_qualifier``), an ordinal
(``values.find_ordinals``: ``التاسعة``, ``الحادية عشرة``), a place (``قمة كيتو``) and the process it is
of (``للمنتدى العالمي …``, ``لعملية بالي``). Its identity, in this order of preference:

* process + year   → ``event/{process}-{year}`` (the key the report rules use, so texts join);
* process + ordinal → ``event/{process}-meeting-{n}`` when no year can be found;
* kind + place + year → ``event/{kind}-{place}-{year}``; kind + place when the year is unknown.

The year is the year of the meeting's own date, or of a date the text gives the same ordinal
elsewhere, or, for a meeting the text reports as happening now (``اليوم``, ``أمس``, ``الجاري``), the
document's year (``Document.date``); year-less dates (``من 20 إلى 24 كانون الثاني الجاري``) take the
document's year. Each meeting gets a status (``event_status.py``): a planned meeting is typed
``mdkg:PlannedMeeting``, never ``mdkg:Meeting``, in the source that plans it.

It does not find the meetings the report rules already find (``process_meetings.py``,
``named_meetings.py``): those spans are passed in and skipped. Relations (hosts, chairs,
participants, counts) are ``meeting_relations.py``'s job.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..text.arabic import fold
from ..recognise.findings import Entity, Fact, Value
from ..text.tokens import Tokens, strip_article
from ..values import find_dates, find_ordinals
from .event_common import Ref, key_year, year_fact
from .event_status import HELD, PLANNED, _sentence_bounds, clause_status, document_day
from .lexicon import load
from .naming import process_meeting, sub_event
from .rules import REGISTRY, Rule, register

RULE_ID = "event.written-meeting"
ANAPHOR_ID = "event.written-anaphor"
register(Rule(RULE_ID, ("partOf", "year", "ordinal", "location", "startDate", "endDate"), 0.8,
              ("meeting_noun", "meeting_qualifier", "planned_marker", "relative_time", "entity:process",
               "entity:place", "values:ordinal", "values:date", "document.date"),
              "a meeting noun with its ordinal, place and process (القمة التاسعة للمنتدى، قمة كيتو، اللقاء الوزاري "
              "المنعقد في الرباط); keyed by process+year, process+ordinal or kind+place+year", "events"))
register(Rule(ANAPHOR_ID, ("location", "startDate", "endDate"), 0.75,
              ("meeting_noun", "held_verb", "document"),
              "a bare definite meeting noun (القمة، الاجتماع) or a sentence opening with a held verb (وانعقدت …) names "
              "the document's last meeting again", "events"))
register(Rule("event.written-location", ("location",), 0.8, ("meeting_noun", "held_verb", "entity:place"),
              "the city after في/ب (or العاصمة X) in a written meeting's clause, before any other meeting", "events"))
register(Rule("event.written-date", ("startDate", "endDate"), 0.8,
              ("meeting_noun", "held_verb", "session_noun", "values:date", "relative_time", "document.date"),
              "the first date after a written meeting or its held verb, not after a session noun or a second meeting; "
              "relative dates anchored on the document's date", "events"))
CONF = 0.8

PLANNED_CLASS, HELD_CLASS = "PlannedMeeting", "Meeting"
MAX_GAP = 3                  # tokens between the meeting noun and its process/place
LOCATION_WINDOW = 14         # tokens after the meeting (or its verb) where its place may be named
DATE_WINDOW = 24
_NOW_WORDS = {"اليوم", "امس", "الجاري", "الحالي", "حاليا"}


def _mention_at(toks: Tokens, i: int, kinds: tuple[str, ...]):
    """The mention of one of ``kinds`` that starts in token ``i``."""
    if i >= len(toks.tokens):
        return None
    for m in toks.tokens[i].ents:
        if m.entity.kind in kinds and toks.index_at(m.start) == i:
            return m
    return None


def _covered(toks: Tokens, i: int, kinds: tuple[str, ...]) -> bool:
    return any(m.entity.kind in kinds for m in toks.tokens[i].ents)


def _after(toks: Tokens, m) -> int:
    """Index of the token after a mention."""
    j = toks.index_at(m.start)
    while j < len(toks.tokens) and toks.tokens[j].start < m.end:
        j += 1
    return j


def find(ctx, st, src, toks: Tokens, s: int, e: int, known: list[Ref]) -> list[Ref]:
    """The meetings sentence [s, e) names that the report rules did not find (``known``).

    A bare definite noun (``القمة``, ``الاجتماع``), a sentence that opens with a held verb (``وانعقدت
    في …``) or the proceedings of a process (``أعمال المنتدى``) name again the meeting named before in
    the same paragraph, else the meeting of the title, else the document's main meeting
    (:func:`antecedent`)."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    ordinals = {toks.index_at(o.start): o for o in ordinals_of(toks) if s <= o.start < e}
    doc_day = document_day(ctx.document)
    out: list[Ref] = []
    for m in lex.find(toks, "meeting_noun", lo, hi):
        t0 = toks.tokens[m.i]
        if m.feature("plural") or any(r.start <= t0.start < r.end for r in known + out):
            continue
        if _covered(toks, m.i, ("process", "org", "body", "publication", "commitment")):
            continue            # the noun is part of a name (المنتدى العالمي …, اجتماع الأمم المتحدة التنسيقي …)
        ref = _read(ctx, st, src, toks, m, lo, hi, ordinals, doc_day)
        if ref is not None:
            out.append(ref)
            if (ref.process is not None or ref.place is not None) and ref.rule == RULE_ID and ref.status != PLANNED:
                st.last_meeting, st.last_source = ref, src
                if st.main_meeting is None and ref.status == HELD:
                    st.main_meeting = ref
    out += _held_processes(ctx, st, toks, lo, hi, known + out, doc_day)
    out += _process_proceedings(ctx, st, src, toks, lo, hi, known + out, doc_day)
    if antecedent(st, src) is not None and not any(r.start < toks.tokens[lo].end for r in known + out):
        opener = _held_opener(toks, lo, hi)
        if opener is not None:
            out.insert(0, _anaphor(ctx, st, src, toks, opener, opener + 1, lo, hi, doc_day))
    # a planned clause about a meeting named before (وكانت القمة مقررة بين …) says nothing of the meeting held
    return [r for r in out if not (r.rule == ANAPHOR_ID and r.status == PLANNED)]


def dates_of(toks: Tokens, doc_day) -> list:
    """The dates of a text read against the document's date (``graph_builder.values``: year-less and
    relative dates such as ``أمس الأربعاء``, ``فيفري الجاري`` take it as their anchor); without one, a
    year-less date takes the first year the text writes (``2016-12-10 … (10-12 ديسمبر)``). Memoised per text."""
    key = ("dates", doc_day)
    if key not in toks.cache:
        if doc_day:
            found = find_dates(toks.text, anchor=doc_day)
        else:                   # no document date: a year-less date takes the year the text writes first
            found = find_dates(toks.text)
            years = [d.year for d in found if d.year and not d.year_inferred]
            if years and any(d.year is None for d in found):
                found = find_dates(toks.text, years[0])
        toks.cache[key] = found
    return toks.cache[key]


def ordinals_of(toks: Tokens):
    if "ordinals" not in toks.cache:
        toks.cache["ordinals"] = find_ordinals(toks.text)
    return toks.cache["ordinals"]


def _held_opener(toks: Tokens, lo: int, hi: int) -> int | None:
    """A sentence that opens with a held verb and names no meeting (``وانعقدت في مركز …``): its token."""
    lex = load()
    for k in range(lo, min(hi, lo + 2)):
        vm = lex.is_a(toks, k, "held_verb")
        if vm is not None and vm.feature("tense") == "past" and not vm.reading.enc:
            return k
    return None


def _read(ctx, st, src, toks: Tokens, m, lo: int, hi: int, ordinals: dict, doc_day) -> Ref | None:
    lex = load()
    kind = m.feature("kind", "meeting")
    j = m.j
    n = None
    qualified = False
    for _ in range(4):
        q = lex.is_a(toks, j, "meeting_qualifier") if j < hi else None
        if q:
            kind = _qualified(kind, q.feature("kind"))
            j, qualified = q.j, True
            continue
        if j in ordinals:
            n = ordinals[j].value
            o_end = ordinals[j].end
            while j < hi and toks.tokens[j].start < o_end:
                j += 1
            continue
        break
    place = process = None
    for k in range(j, min(hi, j + MAX_GAP)):
        pm = _mention_at(toks, k, ("process",))
        if pm is not None:
            process = pm.entity
            j = _after(toks, pm)
            break
        plm = _mention_at(toks, k, ("place",))
        if plm is not None and place is None and k == j:
            place = plm.entity
            j = _after(toks, plm)
            continue
        if toks.tokens[k].kind == "punct" or lex.is_a(toks, k, "held_verb"):
            break
    if process is None and m.reading.enc in ("ه", "ها"):
        process = _antecedent_process(toks, lo, m.i, m.reading.enc)     # اجتماعه الأول: the process named before
        if process is None:
            return None
    elif m.reading.enc:
        return None
    definite = m.reading.stem.startswith("ال") or toks.tokens[m.i].norm.startswith(("ال", "وال", "بال", "فال", "لل"))
    qualified = qualified or len(m.entry.words) > 1
    if process is None and place is None and n is None and not qualified and definite \
            and _place_after(toks, j, hi) is None:
        modified = j < hi and toks.tokens[j].norm.startswith("ال")      # الاجتماع الحكومي: another meeting
        ante = antecedent(st, src)
        if ante is not None and not modified and _can_refer(kind, ante.kind):
            return _anaphor(ctx, st, src, toks, m.i, j, lo, hi, doc_day)
        return None
    dates = _own_dates(ctx, toks, j, hi, doc_day) or _dates_before(toks, lo, m.i, doc_day)
    status = clause_status(toks, m.i, dates=dates, doc_day=doc_day)
    if place is None:
        place = (_place_after(toks, j, hi) or _host_place_before(toks, lo, m.i) or _held_place_before(toks, lo, m.i)
                 or _fronted_place(toks, lo, m.i))
    if process is None and place is not None and kind in _PROCESS_KINDS:
        process = _paragraph_process(toks, toks.tokens[m.i].start)
    year = _year(ctx, st, toks, process, n, dates, lo, hi, status, doc_day, j)
    if year is None and (process is None or n is None):
        return None            # a place alone (حلقة العمل التي عقدت في مرسيليا) does not say which meeting
    if kind in _PART_KINDS and process is not None:
        # حلقة العمل المواضيعية للمنتدى: a workshop of the process, a part of its meeting of that year
        if place is None or year is None:
            return None
        parent, process = process_meeting(process, year), None
    else:
        parent = st.report_meeting() if kind in _PART_KINDS and process is None and place is not None else None
    if parent is not None and key_year(parent) == year:
        # a workshop of the year of the meeting the report is about: one of that meeting's parts, keyed as
        # the report rules key the workshops they list (event/{meeting}-workshop-{city})
        ev = replace(sub_event(parent, f"{kind}-{place.slug}", f"{toks.surface(m.i, m.j)} في {place.label_ar}",
                               f"{parent.label_en} {kind}, {place.label_en}".strip()),
                     cls=PLANNED_CLASS if status == PLANNED else HELD_CLASS)
        return Ref(toks.tokens[m.i].start, toks.tokens[j - 1].end, ev, parent, RULE_ID, status, None, place,
                   tuple(dates), year, kind, _phase_dates(toks, lo, hi, doc_day))
    site = place if place is not None else _state_site(toks, lo, m.i, j, hi)
    ev = _entity(process, n, year, kind, site, toks.surface(m.i, j), status)
    if ev is None:
        return None
    if process is not None and n is not None and year is not None:
        st.ordinal_years.setdefault((process.slug, n), year)
    return Ref(toks.tokens[m.i].start, toks.tokens[j - 1].end, ev, process, RULE_ID, status, n, place,
               tuple(dates), year, kind, _phase_dates(toks, lo, hi, doc_day))


# Kinds of meeting that are parts of a process's yearly meeting when named with the process.
_PART_KINDS = frozenset({"workshop", "seminar"})

# Meeting kinds a standing process holds (a summit of the forum); workshops and seminars are their own events.
_PROCESS_KINDS = frozenset({"summit", "meeting", "ministerial-meeting", "ministerial-conference", "conference",
                            "consultative-meeting", "annual-meeting", "regional-meeting", "session"})


# Nouns that may name again a meeting of another kind: "the meeting" for a summit or a conference.
_GENERIC = frozenset({"meeting", "session"})
_PROCESS_MEETING = frozenset({"meeting", "summit", "conference", "session", "ministerial-meeting",
                              "ministerial-conference", "forum"})


def _can_refer(kind: str, antecedent_kind: str) -> bool:
    """A bare noun of ``kind`` may name the antecedent again (الندوة never names a forum meeting)."""
    if not antecedent_kind:                      # a meeting a report rule found: a process meeting
        return kind in _PROCESS_MEETING
    return kind == antecedent_kind or kind in _GENERIC or antecedent_kind.endswith(kind)


def title_meeting(ctx, st) -> Ref | None:
    """The meeting the document's title names (``… عن الاجتماع الرابع للمنتدى …``, ``… في قمة كيتو للمنتدى …``)."""
    toks = ctx.title_tokens()
    if toks is None or not toks.tokens:
        return None
    saved = (st.last_meeting, st.last_source, st.main_meeting)
    refs = find(ctx, st, None, toks, 0, len(toks.text), [])
    st.last_meeting, st.last_source, st.main_meeting = saved
    named = [r for r in refs if r.rule == RULE_ID and r.status != PLANNED and (r.process or r.place)]
    if not named:
        return None
    ref = named[0]
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", toks.text)
    if ref.year is None and ref.process is not None and len(set(years)) == 1:
        # a title's lone year (… عن الاجتماع الرابع للمنتدى (بويرتو فايارتا، 2010)) is its meeting's year
        year = int(years[0])
        st.ordinal_years.setdefault((ref.process.slug, ref.ordinal), year)
        ref = replace(ref, event=replace(process_meeting(ref.process, year), cls=ref.event.cls), year=year)
    return ref


def antecedent(st, src) -> Ref | None:
    """The meeting a bare noun names again: the last one named in the same source, else the meeting the
    document reports on (the Forum year it names most), else its main meeting (the first it names as
    held), else the last one named."""
    if st.last_meeting is not None and st.last_source is src:
        return st.last_meeting
    if st.title_meeting is not None:
        return st.title_meeting
    report = st.report_meeting() if st.year_from_text else None
    if report is not None:                       # the meeting a report on a forum is about
        return Ref(0, 0, report, st.forum, RULE_ID, HELD, year=st.year)
    return st.main_meeting or st.last_meeting


# Nouns of the proceedings of a meeting: أعمال المنتدى = the forum's meeting, not the standing process.
_PROCEEDINGS = frozenset({"اعمال", "اشغال", "فعاليات", "جلسات", "انعقاد", "افتتاح", "اختتام", "ختام", "هامش"})


HELD_OBJECT_WINDOW = 12      # tokens from a held verb to the process it holds (its subject and an aside between)


def _held_processes(ctx, st, toks: Tokens, lo: int, hi: int, known: list[Ref], doc_day) -> list[Ref]:
    """``عقدت الجمعية العامة، عملا بقرارها 60/227، الحوار الرفيع المستوى … في … يومي 14 و 15 أيلول 2006``:
    a process that is the object of a held verb (its subject named between them) is that year's meeting."""
    lex = load()
    out = []
    for vm in lex.find(toks, "held_verb", lo, hi):
        if vm.feature("tense") != "past" or vm.reading.enc or vm.future:
            continue
        subject = False
        for k in range(vm.j, min(hi, vm.j + HELD_OBJECT_WINDOW)):
            t = toks.tokens[k]
            if t.norm in (".", ";") or (lex.is_a(toks, k, "meeting_noun") and not _covered(toks, k, ("process",))):
                break
            pm = _mention_at(toks, k, ("process",))
            if pm is None:
                subject = subject or any(m.entity.kind in ("org", "body", "state") for m in t.ents)
                continue
            if not subject or any(r.start <= pm.start < r.end for r in known + out):
                break
            j = _after(toks, pm)
            dates = _own_dates(ctx, toks, j, hi, doc_day)
            years = [d.year for d in dates if d.year]
            if years:
                status = clause_status(toks, k, vm.i, dates=dates, doc_day=doc_day)
                out.append(Ref(pm.start, pm.end, replace(process_meeting(pm.entity, years[0]),
                                                         cls=PLANNED_CLASS if status == PLANNED else HELD_CLASS),
                               pm.entity, RULE_ID, status, None, _place_after(toks, j, hi), tuple(dates), years[0],
                               "meeting", _phase_dates(toks, lo, hi, doc_day)))
                if status == HELD and st.main_meeting is None:
                    st.main_meeting = out[-1]
            break
    return out


def _process_proceedings(ctx, st, src, toks: Tokens, lo: int, hi: int, known: list[Ref], doc_day) -> list[Ref]:
    """``أعمال المنتدى``, ``المنتدى، الذي … انعقد``: a process named for its meeting is the document's
    main meeting of that process."""
    main = st.title_meeting or st.main_meeting
    if main is None or main.process is None:
        return []
    lex = load()
    out = []
    for k in range(lo, hi):
        pm = _mention_at(toks, k, ("process",))
        if pm is None or pm.entity != main.process or any(r.start <= pm.start < r.end for r in known + out):
            continue
        prev = toks.tokens[k - 1] if k > lo else None
        proceedings = prev is not None and any(r.stem in _PROCEEDINGS for r in prev.readings())
        if prev is not None and prev.norm == "في" and k - 2 >= lo and lex.is_a(toks, k - 2, "participate_verb") \
                and not (k - 3 >= 0 and toks.tokens[k - 3].norm in ("الذي", "التي", "الذين")):
            proceedings = True            # وشارك في الحوار ممثلو 132 دولة (not: التي شاركت في المنتدى حتى الآن)
        j = _after(toks, pm)
        held_after = False
        if j < hi and toks.tokens[j].norm == "," and j + 1 < hi and toks.tokens[j + 1].norm in ("الذي", "التي"):
            held_after = any((vm := lex.is_a(toks, x, "held_verb")) is not None and vm.feature("tense") == "past"
                             for x in range(j + 2, min(hi, j + 14)))
        if proceedings or held_after:
            out.append(_anaphor(ctx, st, src, toks, k, j, lo, hi, doc_day, main))
    return out


def _anaphor(ctx, st, src, toks: Tokens, i: int, j: int, lo: int, hi: int, doc_day, ante: Ref | None = None) -> Ref:
    """A meeting named before (:func:`antecedent`), named again by a bare noun or an opening held verb at token ``i``."""
    ante = ante or antecedent(st, src)
    dates = _own_dates(ctx, toks, j, hi, doc_day)
    phases = _phase_dates(toks, lo, hi, doc_day)
    opener = _phase_before(toks, lo, i)
    if opener and dates and not phases:
        phases, dates = ((opener, dates[0]),), dates[1:]   # افتتحا أشغال القمة يوم الأربعاء الماضي: its first day
    status = clause_status(toks, i, dates=dates, doc_day=doc_day)
    place = _place_after(toks, j, hi)
    years = [d.year for d in list(dates) + [d for _, d in phases] if d.year]
    if ante.process is not None and ante.ordinal and years:
        st.ordinal_years.setdefault((ante.process.slug, ante.ordinal), years[0])
    return Ref(toks.tokens[i].start, toks.tokens[j - 1].end, ante.event, ante.process, ANAPHOR_ID,
               status, None, place, tuple(dates), None, ante.kind, phases)


def _antecedent_process(toks: Tokens, lo: int, i: int, enc: str = "ه"):
    """The process a pronoun on a meeting noun takes up (اجتماعه الأول، مؤتمرها الوزاري الأول), searching
    back through the source: a noun of the pronoun's gender that can hold meetings and stands nearer
    (منتدى الحكومات … في عملية بالي، … اجتماعه) blocks it, unless that noun heads the name of a process
    named before (المؤتمر الإقليمي المعني بالهجرة … وعقد المؤتمر اجتماعه)."""
    lex = load()
    feminine = enc == "ها"
    for k in range(i - 1, -1, -1):
        for m in toks.tokens[k].ents:
            if toks.index_at(m.start) != k and k != i - 1:
                continue
            if m.entity.kind == "process" and _feminine(_head(m.entity.label_ar or m.surface)) == feminine:
                return m.entity
            if m.entity.kind in ("org", "body", "initiative") and _feminine(_head(m.surface)) == feminine:
                return None
        if k < lo:
            continue                      # before the sentence, only names count
        noun = lex.is_a(toks, k, "meeting_noun")
        if noun is not None and not _covered(toks, k, ("process",)) and \
                _feminine(noun.reading.bare) == feminine and not noun.reading.enc:
            return _process_headed_by(toks, k, noun.reading.bare)
    return None


def _head(name: str) -> str:
    words = fold(name).split()
    return strip_article(words[0]) if words else ""


def _feminine(word: str) -> bool:
    return word.endswith("ه")


def _process_headed_by(toks: Tokens, k: int, head: str):
    """The latest process named before token ``k`` whose name starts with ``head`` (المؤتمر → المؤتمر الإقليمي …)."""
    for m in reversed([x for x in toks.mentions if x.end <= toks.tokens[k].start and x.entity.kind == "process"]):
        if _head(m.surface) == head or _head(m.entity.label_ar) == head:
            return m.entity
    return None


def _paragraph_process(toks: Tokens, before: int):
    """The one process a paragraph names before ``before`` (None when it names none or several): the
    context a place-named meeting (قمة دكا) belongs to; a process named after it may be one the meeting
    launched (… المؤتمر الوزاري …، وانطلقت بموجبه عملية براغ)."""
    procs = {m.entity for m in toks.mentions if m.entity.kind == "process" and m.end <= before}
    return procs.pop() if len(procs) == 1 else None


def _governing_before(toks: Tokens, lo: int, i: int):
    """The held or hosting verb (no pronoun on it) that governs a meeting named after it in the clause."""
    lex = load()
    nouns = [x for x in lex.find(toks, "meeting_noun", lo, i) if x.j <= i]
    start = nouns[-1].j if nouns else lo          # never across another meeting named before it
    verbs = [vm for vm in lex.find(toks, ("held_verb", "host_verb"), start, i)
             if not vm.reading.enc and not vm.feature("weak") and vm.feature("tense") in ("past", "present")]
    return verbs[-1] if verbs else None


def _fronted_place(toks: Tokens, lo: int, i: int):
    """``وفي براغ، اعتمد المؤتمر الوزاري المعقود …``: a city fronted at the head of the sentence, set off by a
    comma, is where the sentence's meeting was held."""
    if i - lo < 3 or toks.tokens[lo].norm not in ("في", "وفي"):
        return None
    m = _mention_at(toks, lo + 1, ("place",))
    if m is None:
        return None
    k = toks.index_at(m.end)
    return m.entity if k < i and toks.tokens[k].norm == "," else None


def _held_place_before(toks: Tokens, lo: int, i: int):
    """``اختتمت اليوم في العاصمة القطرية الدوحة أعمال القمة``, ``احتضن المركز … بالجزائر العاصمة … أشغال
    ندوة``: the city after في/ب between a held or hosting verb and the meeting it governs."""
    vm = _governing_before(toks, lo, i)
    return _place_after(toks, vm.j, i, stop_at_meeting=False) if vm is not None else None


def _dates_before(toks: Tokens, lo: int, i: int, doc_day):
    """Dates between a held or hosting verb and the meeting it governs (``احتضن … يومي 26 و27 فيفري
    الجاري، أشغال ندوة``)."""
    vm = _governing_before(toks, lo, i)
    return _own_dates(None, toks, vm.j, i, doc_day, stop=False) if vm is not None else []


def _state_site(toks: Tokens, lo: int, i: int, j: int, hi: int):
    """A state named after في as the site of a meeting of no process when no city is named (``اختتمت في
    الكويت أعمال ورشة العمل``): it keys the meeting, it is not its location (a state is not a place)."""
    vm = _governing_before(toks, lo, i)
    spans = ([(vm.j, i)] if vm is not None else []) + [(j, min(hi, j + LOCATION_WINDOW))]
    for a, b in spans:
        for k in range(a, b):
            m = _mention_at(toks, k, ("state",))
            if m is not None and k > 0 and toks.tokens[k - 1].norm == "في":
                return m.entity
    return None


def _phase_before(toks: Tokens, lo: int, i: int) -> str:
    """The phase (start/end) of a held verb right before a meeting's name (افتتحا أشغال القمة)."""
    lex = load()
    for k in range(max(lo, i - 3), i):
        vm = lex.is_a(toks, k, "held_verb")
        if vm is not None and vm.feature("phase"):
            return vm.feature("phase")
    return ""


def _phase_dates(toks: Tokens, lo: int, hi: int, doc_day) -> tuple:
    """("start"|"end", date) for each dated start or end verb of the sentence (انطلقت يوم 3 مارس، اختتمت اليوم)."""
    lex = load()
    out = []
    for vm in lex.find(toks, "held_verb", lo, hi):
        phase = vm.feature("phase")
        if not phase:
            continue
        k = vm.j
        while k < hi and k < vm.j + 3 and toks.tokens[k].norm in (",", "يوم", "اعماله", "اعمالها", "اشغال", "اعمال"):
            k += 1
        found = [d for d in _own_dates(None, toks, k, min(hi, k + 6), doc_day, stop=False)
                 if toks.index_at(d.start) <= k + 2]
        if found and found[0].precision == "day" and found[0].start_date:
            out.append((phase, found[0]))
    return tuple(out)


def _host_place_before(toks: Tokens, lo: int, i: int):
    """``تستضيف القاهرة … ورشة عمل``: the city right after a hosting word earlier in the clause."""
    lex = load()
    for vm in lex.find(toks, "host_verb", lo, i):
        for k in range(vm.j, min(i, vm.j + 2)):
            pm = _mention_at(toks, k, ("place",))
            if pm is not None:
                return pm.entity
    return None


def _qualified(kind: str, qual: str | None) -> str:
    if not qual or qual in kind or kind not in ("meeting", "conference", "forum", "summit", "session"):
        return kind
    return f"{qual}-{kind}" if qual in ("ministerial", "regional", "consultative", "high-level") else kind


def _place_after(toks: Tokens, j: int, hi: int, stop_at_meeting: bool = True):
    """A city named after في/ب (or العاصمة …) within the meeting's clause, before another meeting noun."""
    lex = load()
    for k in range(j, min(hi, j + LOCATION_WINDOW)):
        if stop_at_meeting and k > j and lex.is_a(toks, k, "meeting_noun") and not _covered(toks, k, ("process",)):
            return None
        if toks.tokens[k].norm == "في" and k + 2 < hi and strip_article(toks.tokens[k + 1].norm) == "مدينه" \
                and toks.tokens[k + 2].norm in ("نفسها", "ذاتها"):
            before = [x for x in toks.mentions if x.entity.kind == "place" and x.end <= toks.tokens[k].start]
            return before[-1].entity if before else None      # في المدينة نفسها: the city named before
        pm = _mention_at(toks, k, ("place",))
        if pm is None:
            continue
        prev = toks.tokens[k - 1].norm if k > 0 else ""
        prev2 = toks.tokens[k - 2].norm if k > 1 else ""
        own = toks.text[toks.tokens[k].start:pm.start]
        if prev == "في" or own.endswith("ب") or strip_article(prev) == "عاصمه" or strip_article(prev2) == "عاصمه":
            return pm.entity
    return None


def _own_dates(ctx, toks: Tokens, j: int, hi: int, doc_day, stop: bool = True):
    """Dates that belong to the meeting: in its clause after its name, before a session noun, another
    meeting noun or a clause that starts with a relative/other subject; year-less ones take the doc year."""
    lex = load()
    limit = min(hi, j + DATE_WINDOW) if stop else hi
    for k in range(j, limit):
        noun = lex.is_a(toks, k, "meeting_noun")
        if lex.is_a(toks, k, "session_noun") or (noun is not None and not noun.feature("plural")
                                                 and not _covered(toks, k, ("process",))):
            limit = k
            break
    stop = limit
    if stop <= j:
        return []
    s, e = toks.tokens[j].start, toks.tokens[stop - 1].end
    out = [d for d in dates_of(toks, doc_day) if s <= d.start and d.end <= e and not _range_tail(toks, d)]
    rel = [r for r in _relative_day(toks, j, stop, doc_day) if not any(d.start <= r.start < d.end for d in out)]
    return out + rel


_RANGE_WORDS = frozenset({"لغايه", "ولغايه", "حتي", "الي", "و", "-"})


def _range_tail(toks: Tokens, d) -> bool:
    """A date that ends a range whose start was not read (``من 14 ولغاية 16 أيار``): not the meeting's start."""
    k = toks.index_at(d.start)
    return k >= 2 and toks.tokens[k - 1].norm in _RANGE_WORDS and toks.tokens[k - 2].kind == "number"


def _relative_day(toks: Tokens, j: int, stop: int, doc_day):
    """``اليوم``, ``أمس`` (the value grammar reads أمس and weekdays; ``اليوم`` "today" it leaves to the
    rules): the document's date ± the lexicon's offset, day precision."""
    if doc_day is None:
        return []
    from datetime import timedelta
    from ..values import DateMatch
    lex = load()
    out = []
    for m in lex.find(toks, "relative_time", j, stop):
        if m.feature("unit") != "day":
            continue
        d = doc_day + timedelta(days=m.feature("offset") or 0)
        t = toks.tokens[m.i]
        out.append(DateMatch(t.start, t.end, "day", d.year, d.month, d.day, d.year, d.month, d.day))
    return out


def _year(ctx, st, toks, process, n, dates, lo, hi, status, doc_day, j):
    years = [d.year for d in dates if d.year]
    if years:
        return years[0]
    rest = fold(toks.text[toks.tokens[j].start:toks.tokens[j].start + 25]) if j < len(toks.tokens) else ""
    m = re.match(r"\s*,?\s*(?:في )?(?:عام|لعام|سنه|للعام|العام) (\d{4})", rest)
    if m:
        return int(m.group(1))
    if doc_day is not None:
        for rm in load().find(toks, "relative_time", j, hi):
            if rm.feature("unit") == "year":
                return doc_day.year + int(rm.feature("offset") or 0)
    if process is not None and n is not None and (process.slug, n) in st.ordinal_years:
        return st.ordinal_years[(process.slug, n)]
    if doc_day is not None and status == HELD and any(
            strip_article(toks.tokens[k].norm) in {strip_article(w) for w in _NOW_WORDS} for k in range(lo, hi)):
        return doc_day.year
    return None


def _entity(process, n, year, kind, place, label_ar, status) -> Entity | None:
    cls = PLANNED_CLASS if status == PLANNED else HELD_CLASS
    if process is not None and year is not None:
        return replace(process_meeting(process, year), cls=cls)
    if process is not None and n is not None:
        acr = process.notations[0] if process.notations else process.label_en
        return Entity("event", f"{process.slug}-meeting-{n}", cls, f"{acr} meeting {n}", label_ar, from_text=True)
    if place is not None:                        # a city, or the state a meeting of no process was held in
        slug = f"{kind}-{place.slug.lower()}" + (f"-{year}" if year else "")
        label = f"{kind.replace('-', ' ').capitalize()} in {place.label_en}" + (f" ({year})" if year else "")
        return Entity("event", slug, cls, label, label_ar, from_text=True)
    return None


register(Rule("event.written-session", ("partOf", "year", "startDate", "endDate", "location"), 0.75,
              ("session_noun", "values:date", "entity:place"),
              "a part of a meeting named in running text (اجتماع لكبار المسؤولين، الاجتماع الحكومي، الجلسة المشتركة) is part "
              "of the meeting of its sentence (else the document's main meeting), with its own dates", "events"))


def sessions(ctx, st, src, toks: Tokens, refs: list[Ref], s: int, e: int):
    """Parts of a meeting named in running text, keyed under the meeting (``{meeting}-{kind}``)."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    doc_day = document_day(ctx.document)
    conf = REGISTRY.confidence("event.written-session")
    for m in lex.find(toks, "session_noun", lo, hi):
        if not m.feature("part"):
            continue
        held = [r for r in refs if r.status != PLANNED and r.event.kind == "event"]
        parent = (min(held, key=lambda r: abs(r.start - toks.tokens[m.i].start)).event if held
                  else (antecedent(st, src).event if antecedent(st, src) is not None else None))
        year = key_year(parent) if parent is not None else None
        if parent is None or year is None:
            continue
        kind = m.feature("kind")
        ev = sub_event(parent, kind, toks.surface(m.i, m.j), f"{parent.label_en} {kind.replace('-', ' ')}")
        yield Fact(ev, "partOf", parent, src, "event.written-session", conf)
        yield year_fact(ev, year, src)
        dates = [d for d in _own_dates(ctx, toks, m.j, hi, doc_day) if d.precision == "day" and d.start_date]
        if dates and not _range_tail(toks, dates[0]):
            d = dates[0]
            yield Fact(ev, "startDate", Value(d.start_date.isoformat(), "date"), src, "event.written-session", conf)
            yield Fact(ev, "endDate", Value((d.end_date or d.start_date).isoformat(), "date"), src,
                       "event.written-session", conf)


def supplement(ctx, src, toks: Tokens, ref: Ref, given: list, e: int):
    """Location and dates, read the written way, for a meeting a report rule found (``الاجتماع الثالث
    للمنتدى … الذي تستضيفه اليونان وانطلقت أعماله أمس … في العاصمة أثينا``) when that rule gave none."""
    have = {f.predicate for f in given if f.subject.key == ref.event.key}
    _lo, hi = toks.token_range(ref.start, e)
    i = toks.index_at(ref.start)
    j = _governing_verb(toks, toks.index_at(ref.end), hi)
    if j is None and _held_subject(toks, i):
        j = toks.index_at(ref.end)          # عقد الاجتماع السادس للمنتدى يومي 21 و 22 … في …
    if j is None or any(load().is_a(toks, k, "session_noun") for k in range(max(0, i - 3), i)):
        return
    doc_day = document_day(ctx.document)
    extra = Ref(ref.start, ref.end, ref.event, ref.process, ANAPHOR_ID, ref.status,
                place=None if "location" in have else _place_after(toks, j, hi),
                dates=() if "startDate" in have else tuple(_own_dates(ctx, toks, j, hi, doc_day)),
                phases=() if "startDate" in have else _phase_dates(toks, _sentence_bounds(toks, i)[0], hi, doc_day))
    if extra.status == PLANNED and "startDate" not in have:
        extra.dates = ()
    yield from ref_facts(src, extra)


def _held_subject(toks: Tokens, i: int) -> bool:
    """The meeting at token ``i`` is the subject of a held verb right before it (عقد الاجتماع …)."""
    lex = load()
    for k in (i - 1, i - 2):
        if k < 0:
            return False
        vm = lex.is_a(toks, k, "held_verb")
        if vm is not None and vm.j in (i, i - 1 if toks.tokens[i - 1].kind == "punct" else i) \
                and vm.feature("tense") in ("past", "present") and not vm.reading.enc:
            return True
    return False


def _governing_verb(toks: Tokens, j: int, hi: int) -> int | None:
    """The token after a held or hosting verb that follows a meeting's name closely (``… الذي تستضيفه
    اليونان وانطلقت أعماله أمس …``); None when the clause goes on to something else."""
    lex = load()
    for k in range(j, min(hi, j + 6)):
        if toks.tokens[k].norm in (".", ";"):
            return None
        vm = lex.match_at(toks, k, ("held_verb", "host_verb"))
        if vm and not vm[0].feature("weak"):
            return vm[0].j
    return None


def ref_facts(src, ref: Ref):
    """partOf, year, ordinal, location and dates of a meeting found by :func:`find`."""
    ev = ref.event
    if ref.process is not None and ref.rule == RULE_ID:
        yield Fact(ev, "partOf", ref.process, src, RULE_ID, CONF)
    if ref.year and ref.rule == RULE_ID:
        yield year_fact(ev, ref.year, src)
    if ref.ordinal:
        yield Fact(ev, "ordinal", Value(str(ref.ordinal), "integer"), src, RULE_ID, CONF)
    if ref.place is not None:
        yield Fact(ev, "location", ref.place, src, "event.written-location", CONF)
    start = next((d.start_date for p, d in ref.phases if p == "start"), None)
    end = next((d.end_date or d.start_date for p, d in ref.phases if p == "end"), None)
    phased = {(d.start, d.end) for _, d in ref.phases}
    days = [d for d in ref.dates if d.precision == "day" and d.start_date]
    if days and start is None:
        d = days[0]
        start = d.start_date
        if end is None and (d.start, d.end) not in phased:
            end = d.end_date or d.start_date
    if start is not None and end is None:
        for later in days:
            gap = (later.start_date - start).days
            if 0 <= gap <= 10 and later.end_date and later.end_date > start and (later.start, later.end) not in phased:
                end = later.end_date                   # "انطلقت … يوم 2016-12-10 … (10-12 ديسمبر)"
                break
    if start is not None and end is not None and end < start:
        end = None
    if start is not None:
        yield Fact(ev, "startDate", Value(start.isoformat(), "date"), src, "event.written-date", CONF)
    if end is not None:
        yield Fact(ev, "endDate", Value(end.isoformat(), "date"), src, "event.written-date", CONF)

