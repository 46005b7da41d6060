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

A bare definite noun, an opening held verb or the proceedings of a process name again the meeting
named before in the paragraph, else the title's meeting (:func:`title_meeting`), else the document's
main meeting (:func:`antecedent`). A process held by an organ (``عقدت الجمعية العامة … الحوار الرفيع
المستوى``) is that year's meeting; a workshop or seminar of a process is a part of its meeting; parts
named in running text (``الاجتماع الحكومي``, ``اجتماع لكبار المسؤولين``) are keyed under the meeting
(:func:`sessions`); :func:`supplement` adds the place and dates written the writers' way to a meeting
a report rule found.

A meeting "held in PLACE" outside a known process (``اجتماع مشترك بين …، عقد في طرابلس``، ``اجتماع القمة
الرابع …، المعقود في ليما``) is read here too: the phrase's held clause and who meets are the grammar's
(``meeting_phrase.py``), a date fronted at the head of the sentence (``وفي أيار/مايو ٢٠٠٨، …``) its date.

It does not find the meetings the report rules already find (``process_meetings.py``): those spans are
passed in and skipped. Relations (hosts, chairs,
participants, counts) are ``meeting_relations.py``'s job.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..text.arabic import fold
from ..values import find_ordinals, parse_ordinal
from ..recognise.findings import Entity, Fact, Value
from ..text.tokens import Tokens, strip_article
from .event_common import RULES, Ref, key_year, year_fact
from .event_status import HELD, PLANNED, UNKNOWN, _sentence_bounds, clause_status, document_day
from ..text.word_classes import load
from . import meeting_phrase, side_events
from .minting import View, process_meeting, sub_event, translit
from .meeting_setting import (LOCATION_WINDOW, after, clause_place, covered, dates_before, fronted_dates, fronted_place, governing_before, governing_verb, held_place_before, held_subject,
                              host_place_before, mention_at, ordinals_of, own_dates, phase_before, phase_dates,
                              place_after, range_tail, reported, state_site, contradicted, host_after, organiser_after)
from .rules import REGISTRY, Rule, register
from .meeting_coref import demonstrative, head_word as _head, resolve, scope_process

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
SIDE_ID = side_events.RULE_ID
register(Rule(SIDE_ID, ("partOf", "year"), 0.75, ("side_event_noun", "entity:process", "values:date", "document.date"),
              "a side event on the margins of a process's meeting (تشارك X مع Y في استضافة حدث على هامش الحوار …): a part of "
              "that year's meeting, which the sentence reports as taking place", "events"))
MEMBERS_ID = "event.participant"          # who meets, named in the phrase (event_common.RULES)
CONF = 0.8

PLANNED_CLASS, HELD_CLASS = "PlannedMeeting", "Meeting"
MAX_GAP = 3                  # tokens between the meeting noun and its process/place
_NOW_WORDS = {"اليوم", "امس", "الجاري", "الحالي", "حاليا"}


def identified(ref: Ref) -> bool:
    """The reference names which meeting it is (its process, its place, or its number in a standing
    conference's sessions): a later bare noun may name it again."""
    return ref.process is not None or ref.place is not None or (ref.kind == "session" and bool(ref.ordinal)) \
        or ref.minted or ref.rule == OWNED_ID


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
    out: list[Ref] = side_events.find(ctx, toks, lo, hi, known, doc_day, SIDE_ID)    # حدث على هامش الحوار …
    prior = st.last_meeting
    for m in sorted(lex.find(toks, "meeting_noun", lo, hi) + _process_sessions(toks, lo, hi), key=lambda x: x.i):
        t0 = toks.tokens[m.i]
        if m.feature("plural") and not (m.feature("series") and organiser_after(toks, m.j, hi, lo) is not None) \
                or any(r.start <= t0.start < r.end for r in known + out):
            continue            # a plural names no one meeting; a series one organisation organised is one event
        if other_gathering(toks, m, hi):
            continue            # مؤتمر صحفي، الدورة التدريبية: a gathering of another kind, no meeting and no anaphor
        numbered = _numbered_process(toks, m.i, ordinals)
        if numbered is None and covered(toks, m.i, ("process", "org", "body", "publication", "commitment")):
            continue            # the noun is part of a name (المنتدى العالمي …, اجتماع الأمم المتحدة التنسيقي …)
        ref = _read(ctx, st, src, toks, m, lo, hi, ordinals, doc_day, numbered)
        if ref is not None:
            out.append(ref)
            if identified(ref) and ref.rule in (RULE_ID, OWNED_ID) and ref.status != PLANNED:
                st.last_meeting, st.last_source = ref, src
                if st.main_meeting is None and ref.status == HELD:
                    st.main_meeting = ref
    out += _held_processes(ctx, st, toks, lo, hi, known + out, doc_day)
    if not known and not out:
        met = _met_meeting(ctx, toks, lo, hi, doc_day)
        if met is not None:
            out.append(met)
            _remember_held(st, src, met)
    listed, consumed = listed_meetings(st, src, toks, lo, hi, known + out, doc_day, prior)
    if listed:
        out = [r for r in out if r.start not in consumed] + listed
        if st.last_meeting is not None and st.last_meeting.start in consumed and st.last_source is src:
            st.last_meeting = None      # the list's noun is no meeting of its own
    out += _process_proceedings(ctx, st, src, toks, lo, hi, known + out, doc_day)
    if antecedent(st, src) is not None and not any(r.start < toks.tokens[lo].end for r in known + out):
        opener = _held_opener(toks, lo, hi)
        ref = _anaphor(ctx, st, src, toks, opener, opener + 1, lo, hi, doc_day) if opener is not None else None
        obj_end = toks.tokens[min(hi, opener + 3) - 1].end if opener is not None else 0
        if ref is not None and any(r.start < obj_end for r in known + out):
            ref = None      # وعقد الاجتماع العاشر …: the held verb's object is a meeting named right after it
        if ref is not None and _session_object(toks, opener, hi):
            ref = None      # وعقدت في باماكو جلسة مواضيعية …: the verb holds a session, not the meeting named before
        if ref is not None:
            out.insert(0, ref)
    # a planned clause about a meeting named before (وكانت القمة مقررة بين …) says nothing of the meeting held
    # (a planned meeting taken up in a planned clause keeps it: وسيعقد المؤتمر في … of a preview article)
    return [r for r in out if not (r.rule == ANAPHOR_ID and r.status == PLANNED and r.event.cls != PLANNED_CLASS)]


DATELINE_ID = "event.dateline-place"
register(Rule(DATELINE_ID, ("location",), 0.7, ("meeting_noun", "relative_time", "values:date", "document.dateline"),
              "a meeting the lead paragraph of a press text reports held that day or the day before, with no place of "
              "its own: the place of the dateline (نيويورك - الثلاثاء 20 سبتمبر 2016 … اعتمدت … أمس … في افتتاح أول قمة)",
              "events"))
DATELINE_DAYS = 2            # a lead's meeting dated this many days before the dateline is the dateline's news


def dateline_place(ctx, src, toks: Tokens, lo: int, hi: int, i: int, dates, doc_day):
    """The dateline's city for the first meeting (noun at token ``i``) of a press text's lead paragraph that the
    sentence dates on the dateline's day or just before it (its own date, ``أمس``, ``اليوم``): the reporter is where
    the news is. None for a later paragraph or meeting, a text with no dated dateline, a meeting dated otherwise or
    a dateline naming no city."""
    dl = getattr(ctx.document, "dateline", None) or {}
    paras = ctx.document.paragraphs
    matcher = getattr(ctx, "matcher", None)
    if not dl.get("place") or doc_day is None or matcher is None or not paras or src is not paras[0]:
        return None
    lex = load()
    if any((x := lex.is_a(toks, k, "meeting_noun")) is not None and not x.feature("plural") for k in range(0, i)):
        return None             # … أول قمة …، على هامش أعمال الدورة الحادية والسبعين: only the lead's first meeting
    days = [d.start_date for d in dates if d.precision == "day" and d.start_date is not None]
    if not days:
        days = [d.start_date for d in own_dates(ctx, toks, lo, hi, doc_day, stop=False)
                if d.precision == "day" and d.start_date is not None]
    if not days or any(not 0 <= (doc_day - d).days <= DATELINE_DAYS for d in days):
        return None
    found = [x for x in matcher.find(dl["place"], ()) if x.entity.kind == "place"]
    return found[0].entity if found else None


def _preposed_ordinal(toks: Tokens, m, lo: int) -> int | None:
    """The ordinal an indefinite ordinal word written before an indefinite meeting noun gives it (``أول قمة``,
    ``ثاني مؤتمر``, ``في افتتاح أول قمة أممية``); None for a definite noun or a word that is no ordinal."""
    k = m.i - 1
    if k < lo or toks.tokens[k].kind != "word" or m.reading.stem.startswith("ال") \
            or toks.tokens[k].norm.startswith(("ال", "وال")):
        return None             # للمرة الثانية اجتماع …: a definite ordinal qualifies the noun before it
    for r in toks.tokens[k].readings():
        if r.stem.startswith("ال") or r.enc:
            continue
        value = parse_ordinal(r.stem)
        if value is not None and not find_ordinals(r.stem):
            return value
    return None


MET_ID = "event.met-process"
register(Rule(MET_ID, ("partOf", "year", "location", "startDate", "endDate"), 0.7,
              ("held_verb", "count_unit", "participant_filler", "entity:process", "entity:place", "values:date"),
              "a sentence that says states or their delegates met (اجتمعت أكثر من خمسين دولة … في مدينة قادش … تجاه مسار "
              "الرباط، تلتقي اليوم في أبوظبي 11 دولة) in a place about a standing process, and names no meeting: that "
              "process's meeting there", "events"))
MET_SUBJECT_WINDOW = 5       # tokens after a met verb where its plural subject (states, delegates) is counted


def _met_meeting(ctx, toks: Tokens, lo: int, hi: int, doc_day) -> Ref | None:
    """``اجتمعت أكثر من خمسين دولة أفريقية وأوروبية يومي الثلاثاء والأربعاء في مدينة قادش لإعادة تأكيد التزامها تجاه
    مسار الرباط``: a met verb (held_verb with ``met``) whose subject is states or delegates (a count unit or a
    participant filler right after it), a place after في/ب and a standing process further on, in a sentence that
    names no meeting: the process's meeting in that place. A minister meeting a minister (``اجتمع الوزير
    بنظيره``), a meeting with no process or no place, a negated or future verb give none."""
    lex = load()
    if any((x := lex.is_a(toks, k, "meeting_noun")) is not None and not x.feature("plural")
           and not covered(toks, k, ("process",)) for k in range(lo, hi)):
        return None
    for vm in lex.find(toks, "held_verb", lo, hi):
        if not vm.feature("met") or vm.reading.enc or vm.future or vm.feature("tense") not in ("past", "present"):
            continue
        if lex.find(toks, "negation", max(lo, vm.i - 2), vm.i):
            continue
        window = range(vm.j, min(hi, vm.j + MET_SUBJECT_WINDOW))
        if not any((c := lex.is_a(toks, k, "count_unit")) is not None and c.feature("unit") in ("states", "delegations")
                   or lex.is_a(toks, k, "participant_filler") is not None for k in window):
            continue
        pk = next((k for k in range(vm.j, hi) if mention_at(toks, k, ("process",)) is not None), None)
        if pk is None:
            return None
        process = mention_at(toks, pk, ("process",)).entity
        # the place anywhere between the verb and the process (a count and its breakdown may come between)
        place = next((pl for k in range(vm.j, pk) if (pl := place_after(toks, k, min(pk, k + 3))) is not None), None)
        if place is None:
            return None
        dates = own_dates(ctx, toks, vm.j, hi, doc_day)
        status = clause_status(toks, vm.i, vm.i, dates=dates, doc_day=doc_day)
        years = [d.year for d in dates if d.year]
        year = years[0] if years else None
        ev = _entity(process, None, year, "meeting", place, toks.surface(vm.i, vm.j), status)
        t = toks.tokens[vm.i]
        return Ref(t.start, t.end, ev, process, RULE_ID, status, None, place, tuple(dates), year, "meeting",
                   phase_dates(toks, lo, hi, doc_day))
    return None


COORD_GAP = 6                # words of a second meeting noun's own name before the process they share


def _coordinated_process(toks: Tokens, j: int, hi: int):
    """The process a second meeting noun joined by و right after this one is of (``المؤتمر الوزاري الثامن
    والمنتدى الحكومي والأعمال الثالث لعملية بالي``): the genitive after the pair governs both. None when no
    meeting noun follows with و, or its process is not written with ل before a comma."""
    lex = load()
    nm = lex.is_a(toks, j, "meeting_noun")
    if nm is None or nm.reading.pro != "و" or nm.feature("plural"):
        return None
    for k in range(nm.j, min(hi, nm.j + COORD_GAP)):
        t = toks.tokens[k]
        if t.kind == "punct" and t.norm not in _QUOTES:
            return None
        pm = mention_at(toks, k, ("process",))
        if pm is not None:
            return pm.entity if toks.text[t.start:pm.start] in ("ل", "لل") else None
    return None


SESSION_GAP = 3              # tokens from a session noun to the process it is a meeting of (جلسة جديدة من عملية …)


def _process_sessions(toks: Tokens, lo: int, hi: int) -> list:
    """Session nouns marked ``of_process`` that a standing process follows after من or ل (``فعاليات جلسة جديدة من
    عملية الخرطوم``, ``جلسة لمسار الرباط``): a session of a process is one of its meetings. Not ``جلسة حول …``
    (a session about the process), nor a session of a meeting (``الجلسة الافتتاحية للمؤتمر``)."""
    lex = load()
    out = []
    for x in lex.find(toks, "session_noun", lo, hi):
        if not x.feature("of_process") or x.feature("plural"):
            continue
        for k in range(x.j, min(hi, x.j + SESSION_GAP)):
            t = toks.tokens[k]
            if t.kind == "punct" or lex.is_a(toks, k, "meeting_noun"):
                break
            pm = mention_at(toks, k, ("process",))
            if pm is None:
                continue
            lead = toks.text[t.start:pm.start]
            if lead in ("ل", "ول") or (k > x.j and toks.tokens[k - 1].norm == "من" and lead == ""):
                out.append(x)
            break
    return out


def _remember_held(st, src, ref: Ref) -> None:
    """A held meeting becomes the last one named in ``src`` (and the document's main meeting if none yet)."""
    if ref.status == HELD:
        st.last_meeting, st.last_source = ref, src
        if st.main_meeting is None:
            st.main_meeting = ref


def _held_opener(toks: Tokens, lo: int, hi: int) -> int | None:
    """A sentence that opens with a held verb and names no meeting (``وانعقدت في مركز …``): its token."""
    lex = load()
    for k in range(lo, min(hi, lo + 2)):
        vm = lex.is_a(toks, k, "held_verb")
        if vm is not None and vm.feature("tense") == "past" and not vm.reading.enc and not vm.feature("met"):
            return k
    return None


SESSION_OBJECT_WINDOW = 6    # tokens from an opening held verb to the session it holds (a place or a day between)


def _session_object(toks: Tokens, opener: int, hi: int) -> bool:
    """The opening held verb at token ``opener`` holds a session (``وعقدت في باماكو جلسة مواضيعية``، ``وعقدت الجلسة
    الافتتاحية برئاسة …``): a session noun comes before any meeting noun in the words after it."""
    lex = load()
    for k in range(opener + 1, min(hi, opener + 1 + SESSION_OBJECT_WINDOW)):
        if lex.is_a(toks, k, "meeting_noun") is not None:
            return False
        if lex.is_a(toks, k, "session_noun") is not None:
            return True
    return False


def other_gathering(toks: Tokens, m, hi: int) -> bool:
    """The meeting noun ``m`` is qualified right after it as a gathering of another kind (lexicon class
    ``not_meeting_qualifier``: ``المؤتمر الصحفي``, ``مؤتمرا صحفيا``, ``دورة تدريبية``, ``الدورة التكوينية``)."""
    q = load().is_a(toks, m.j, "not_meeting_qualifier") if m.j < hi else None
    return q is not None and _base_kind(m.feature("kind", "meeting")) in q.feature("kinds", ())


def _base_kind(kind: str) -> str:
    return kind.rsplit("-", 1)[-1]


def _numbered_process(toks: Tokens, i: int, ordinals: dict):
    """The process whose short name covers the meeting noun at ``i`` and is followed right away by an ordinal
    (``المنتدى العالمي الحادي عشر للهجرة والتنمية``: the eleventh meeting of the Forum), else None."""
    pm = next((x for x in toks.tokens[i].ents if x.entity.kind == "process" and toks.index_at(x.start) == i), None)
    return pm.entity if pm is not None and after(toks, pm) in ordinals else None


def _read(ctx, st, src, toks: Tokens, m, lo: int, hi: int, ordinals: dict, doc_day, numbered=None) -> Ref | None:
    lex = load()
    kind = m.feature("kind", "meeting")
    j = m.j
    n = _preposed_ordinal(toks, m, lo)          # أول قمة أممية رفيعة المستوى، أول مؤتمر أورو-إفريقي
    qualified = False
    cut = None
    for _ in range(4):
        q = lex.is_a(toks, j, "meeting_qualifier") if j < hi else None
        if q:
            kind = _qualified(kind, q.feature("kind"))
            j, qualified = q.j, True
            continue
        if j in ordinals:
            n = ordinals[j].value
            o_end = ordinals[j].end
            cut = ordinals[j]
            while j < hi and toks.tokens[j].start < o_end:
                j += 1
            continue
        break
    if _term_years(toks, j, hi):
        return None             # خلال دورته التاسعة 2026 - 2027: a term of office, not a meeting
    edition_year = None
    if m.feature("edition") and n is None:
        edition_year, j = _edition_year(toks, j, hi, lambda x: scope_process(ctx, src, toks, x, of=True))      # نسخة العام 2023 من المنتدى: named by its year
        if edition_year is None:
            return None         # نسخة من التقرير: an edition noun names a meeting only with its number or year
    place = process = None
    named_by_place = False      # قمة فاليتا، مؤتمر «الرباط»: the city in the noun's construct names the meeting
    for k in range(j, min(hi, j + MAX_GAP)):
        pm = mention_at(toks, k, ("process",))
        if pm is not None:
            process = pm.entity
            j = after(toks, pm)
            if n is None:
                n, j = _edition(toks, j, hi)      # قمة المنتدى العالمي … في دورتها الثالثة عشرة
            break
        sb = series_body(toks, k) if n is not None and kind == "session" else None
        if sb is not None:                         # الدورة الثالثة بعد المئة لمؤتمر منظمة العمل الدولية
            return _body_session(ctx, toks, sb, m.i, after(toks, sb), n, lo, hi, doc_day)
        plm = mention_at(toks, k, ("place",))
        if plm is None and place is None and k == j and toks.tokens[k].norm in _QUOTES and k + 1 < hi:
            plm = mention_at(toks, k + 1, ("place",))       # قمة «فاليتا»: the city set in quotes
            if plm is not None and (after(toks, plm) >= hi or toks.tokens[after(toks, plm)].norm not in _QUOTES):
                plm = None
        if plm is not None and place is None and k == j:
            place = plm.entity
            j = after(toks, plm)
            if j < hi and toks.tokens[j].norm in _QUOTES:
                j += 1
            named_by_place = not m.reading.stem.startswith("ال") and not toks.tokens[m.i].norm.startswith(("ال", "وال", "بال", "فال", "لل"))
            continue
        if (toks.tokens[k].kind == "punct" and toks.tokens[k].norm not in _QUOTES) or lex.is_a(toks, k, "held_verb"):
            break
        if (n is not None or edition_year is not None) and place is None and (k == j or toks.tokens[k - 1].norm == "من"):
            sp = scope_process(ctx, src, toks, k, of=True)
            if sp is not None:       # نسخة العام 2023 من المنتدى، الدورة السابعة للمؤتمر: the process named before
                process, j = sp, k + 1
                break
    grammar = meeting_phrase.read(toks, m, hi, ordinals, getattr(ctx, "matcher", None)) if not m.reading.enc else None
    if grammar is not None and numbered is None:
        if n is None and grammar.ordinal is not None and process is None:
            n = grammar.ordinal         # الندوة ال15 لوزراء خارجية دول "الحوار 5 + 5"
        owner = grammar.owner
        if process is None and owner is None and grammar.ordinal_at in ordinals and grammar.ordinal_at > m.j:
            named = _name_around_ordinal(ctx, toks, m.i, ordinals[grammar.ordinal_at], hi)
            if named is not None:       # اجتماعات المنتدى الأفريقي الخامس للهجرة: the ordinal inside the process's name
                if not _reported_here(ctx, toks, lo, m.i, named[1], hi, doc_day):
                    return None         # named in passing, not reported as taking place
                process, j = named
                n = grammar.ordinal
        if process is None and owner is not None and owner.kind == "process":
            process, j = owner, max(j, grammar.owner_end)  # الاجتماع الرابع عشر لوزراء خارجية الدول الأعضاء في حوار "5 + 5"
        elif process is None and n is not None and (grammar.owner_words or owner is not None):
            return _owned_meeting(ctx, toks, m, grammar, kind, n, lo, hi, doc_day)
        elif process is None and n is not None and not grammar.scope and kind in st.series and not any(
                x.entity.kind == "process" and x.entity != st.series[kind] for x in toks.mentions
                if toks.tokens[lo].start <= x.start < toks.tokens[hi - 1].end):
            process = st.series[kind]   # … بعد الندوة ال14 المنعقدة بالجزائر: a number of the series the document names
    if grammar is not None and grammar.scope:
        qualified = True        # الاجتماع التنسيقي، القمة العربية: a scope word makes it a meeting of its own kind
    said = meeting_phrase.deliberated(toks, lo, m.i)       # بحث الاجتماع التنسيقي …: the meeting did something
    if process is not None and _term_years(toks, j, hi):
        return None             # رئاسة الدورة التاسعة لحوار أبوظبي 2026 - 2027: a term, not a meeting
    if process is None and not m.reading.enc and j < hi and toks.tokens[j].kind == "word":
        named = _name_after_head(ctx, toks, j, hi, ordinals)   # المؤتمر الوزاري الأورو-إفريقي الأول حول الهجرة والتنمية
        if named is not None:
            process, j, n = named[0], named[1], n if n is not None else named[2]
    if process is None and numbered is None and cut is not None and not m.reading.enc and j < hi:
        named = _name_around_ordinal(ctx, toks, m.i, cut, hi)    # الاجتماع العالمي الخامس لرؤساء وأمانات العمليات …
        if named is not None:
            if not _reported_here(ctx, toks, lo, m.i, named[1], hi, doc_day):
                return None         # named in passing (… أصحاب المصلحة المنتدى الدولي الأول لاستعراض الهجرة، حيث سيتم …)
            process, j = named
    if process is None and numbered is not None and cut is not None and not m.reading.enc and j < hi:
        named = _name_around_ordinal(ctx, toks, m.i, cut, hi)    # المنتدى العالمي الأول للاجئين: a longer name
        if named is not None and named[0] != numbered:              # than the short one the ordinal cuts off
            numbered = named[0]
    if numbered is not None and not _reported_here(ctx, toks, lo, m.i, j, hi, doc_day):
        return None                 # named in passing (سيتشارك في … المنتدى الدولي الأول): not read as a meeting
    if process is None and numbered is not None and n is not None:
        process = numbered          # وانعقد المنتدى العالمي الحادي عشر في مراكش: the short name's process
    if process is None and not m.reading.enc and j < hi and toks.tokens[j].norm in ("له", "لها") and n is not None:
        # وعقدت أول اجتماع لها في أبريل 2015: the possessive after the noun takes up the process named before
        process = _antecedent_process(toks, lo, m.i, toks.tokens[j].norm[1:]) or _topic_process(toks, lo, m.i)
        j += 1 if process is not None else 0
    if process is None and not m.reading.enc and j < hi:
        shared = _coordinated_process(toks, j, hi)     # المؤتمر الوزاري الثامن والمنتدى الحكومي … الثالث لعملية بالي
        if shared is not None:
            process = shared
    if process is None and m.reading.enc in ("ه", "ها"):
        named = _name_under_pronoun(ctx, toks, m, hi, ordinals)        # حوارها الرفيع المستوى الثاني بشأن الهجرة …
        if named is not None:
            process, j = named
        else:
            process = _antecedent_process(toks, lo, m.i, m.reading.enc)     # اجتماعه الأول: the process named before
        if process is None:
            return None
    elif m.reading.enc:
        return None
    if process is None and place is None and n is None and demonstrative(toks, m.i, j, lo, hi):
        # هذا المؤتمر، هذه القمة الوزارية، المؤتمر ذاته: a meeting named before, whatever qualifiers it carries
        ante = resolve(st.chain, kind, pointed=True, extra=_sentence_antecedent(st, src))
        return _anaphor(ctx, st, src, toks, m.i, j, lo, hi, doc_day, ante) if ante is not None else None
    definite = m.reading.stem.startswith("ال") or toks.tokens[m.i].norm.startswith(("ال", "وال", "بال", "فال", "لل"))
    qualified = qualified or len(m.entry.words) > 1
    later = place_after(toks, j, hi) if process is None and place is None and n is None and not qualified \
        and definite else None
    if later is not None:
        # الاجتماع - الذي عقد في جزيرة بالي -: the meeting named before, its place now given (unless it was elsewhere)
        modified = j < hi and toks.tokens[j].norm.startswith("ال")
        ante = antecedent(st, src)
        if ante is not None and not modified and _can_refer(kind, ante.kind, ante.process) and ante.place in (None, later) \
                and ante.status != PLANNED:
            ref = _anaphor(ctx, st, src, toks, m.i, j, lo, hi, doc_day)
            if ref is not None:
                return ref
    if process is None and place is None and n is None and not qualified and definite and later is None:
        modified = j < hi and toks.tokens[j].norm.startswith("ال")      # الاجتماع الحكومي: another meeting
        ante = antecedent(st, src)
        if ante is not None and not modified and _can_refer(kind, ante.kind, ante.process):
            return _anaphor(ctx, st, src, toks, m.i, j, lo, hi, doc_day)
        place = host_place_before(toks, lo, m.i) or held_place_before(toks, lo, m.i) or (
            grammar.place if grammar is not None and grammar.held else None)     # المؤتمر المنعقد في (بروناي)
        ante = resolve(st.chain, kind, extra=_sentence_antecedent(st, src)) if not modified and place is None else None
        if ante is not None:        # المؤتمر after a preparatory meeting: the last conference named, not the last meeting
            return _anaphor(ctx, st, src, toks, m.i, j, lo, hi, doc_day, ante)
        if not modified and len(m.entry.words) == 1:
            process = scope_process(ctx, src, toks, m.i)    # وافتتح المنتدى أعماله: no meeting named yet, the forum's
        if place is None and process is None and host_after(toks, j, hi) is None:
            return None         # افتتحت اليوم، بمراكش، أشغال المؤتمر الحكومي الدولي: named by its place (below)
    dates = own_dates(ctx, toks, j, hi, doc_day)
    verb_dates = not dates          # the dates between its governing verb and it (أطلق … بتاريخ 11 سبتمبر 2021، المنتدى)
    dates = dates or dates_before(toks, lo, m.i, doc_day)
    if not dates and grammar is not None and grammar.held:
        dates = fronted_dates(toks, lo, m.i, doc_day)      # وفي أيار/مايو ٢٠٠٨، جرى في اجتماع القمة …، المعقود في ليما
    status = PLANNED if _later_year_only(dates, doc_day) else clause_status(toks, m.i, dates=dates, doc_day=doc_day)
    if status not in (HELD, PLANNED) and kind.endswith(_ORGANISED) and (
            _organised_by(toks, lo, m.i, past=True) or said):
        status = HELD           # نظمت الإسكوا … اجتماعا: organised, a past verb with its organiser; بحث الاجتماع …
    held_clause = grammar is not None and grammar.held
    if place is None and held_clause:
        place = grammar.place       # اجتماع القمة الرابع بين …، المعقود في ليما: the phrase's own held clause
    if place is None:
        place = (place_after(toks, j, hi) or host_place_before(toks, lo, m.i) or held_place_before(toks, lo, m.i)
                 or fronted_place(toks, lo, m.i) or clause_place(toks, lo, m.i, doc_day))
    if place is None and kind.endswith(_ORGANISED) and _organised_by(toks, lo, m.i):
        place = _organiser_place(toks, lo, m.i)     # نظمت المنظمة الدولية للهجرة في القاهرة ورشة عمل …
    place_rule = ""
    if place is None and process is None and status == HELD:
        place = dateline_place(ctx, src, toks, lo, hi, m.i, dates, doc_day)     # نيويورك - 20 سبتمبر 2016 … أمس
        place_rule = DATELINE_ID if place is not None else ""
    title = st.title_meeting
    if process is None and n is not None and title is not None and title.process is not None \
            and title.ordinal == n and title.kind == kind:
        process = title.process     # the headline's المؤتمر الوزاري الثامن لعملية بالي, named in the body without its process
    if process is None and place is not None and kind in _PROCESS_KINDS:
        process = _paragraph_process(toks, toks.tokens[m.i].start)
        if process is not None and _own_convenors(toks, lo, m.i, process):
            process = None      # وعقد الاتحاد الأوروبي والاتحاد الأفريقي مؤتمر قمة فاليتا: its own convenors'

    host = host_after(toks, j, hi) if place is None and process is None else None
    if host is not None and host.kind == "place":
        place, host = host, None        # المؤتمر الذي احتضنته مراكش: its city
    year = edition_year if edition_year is not None else _year(ctx, st, toks, process, n, dates, lo, hi, status, doc_day, j)
    if year is None and grammar is not None and grammar.year is not None and (place is not None or process is not None):
        year = grammar.year         # منتدى إسطنبول 2015: the year the phrase writes after the name
    if year is None and place_rule == DATELINE_ID and doc_day is not None:
        year = doc_day.year     # the lead's meeting of the dateline's day (or two before): the dateline's year
    phrase = None
    if process is None and place is None and host is None and kind.endswith(_ORGANISED) and not m.reading.enc \
            and not any(x.entity.kind == "process" for x in toks.mentions
                        if toks.tokens[lo].start <= x.start < toks.tokens[hi - 1].end) \
            and (governing_before(toks, lo, m.i) is not None or _organised_by(toks, lo, m.i) or said):
        phrase = _own_phrase(toks, m, hi, lo)   # نظمت الإسكوا … اجتماعا تشاوريا إقليميا: named by its noun phrase
    if year is None and doc_day is not None and status == HELD and not _other_year(toks, lo, hi):
        verb = governing_before(toks, lo, m.i)
        if verb is not None and verb.feature("phase") == "end":
            year = doc_day.year     # اختتمت في الكويت أعمال ورشة العمل: a press report of a meeting that just closed
    # convened by its organiser (تعقد منظمة العمل الدولية … ببيروت المشاورات …) or a numbered meeting written as an event
    # (على هامش الدورة العادية 325 بجنيف): taking place now, though no past verb says it was held
    convened_now = status != PLANNED and ((kind.endswith(_ORGANISED) and (
        _organised_by(toks, lo, m.i) or organiser_after(toks, j, hi, lo) is not None)) or (
        n is not None and meeting_phrase.reported_as_event(toks, lo, m.i)))
    # عقدت منظمة العمل العربية في تونس … ندوة: the state its organiser held it in keys it (a state is no location)
    in_state = place is None and host is None and process is None and kind.endswith(_ORGANISED) \
        and _organised_by(toks, lo, m.i, past=True) and state_site(toks, lo, m.i, j, hi) is not None
    if year is None and (process is None or n is None) and not (
            (place is not None or host is not None or in_state) and (kind not in _PART_KINDS or convened_now)
            and (status == HELD or convened_now)
            and (reported(toks, lo, m.i, j, hi, dates) or (kind.endswith(_ORGANISED) and _organised_by(toks, lo, m.i))
                 or (process is not None and meeting_phrase.reported_as_event(toks, lo, m.i)) or convened_now)) \
            and not (named_by_place and process is None and status == HELD and kind.endswith(_PLACE_NAMED)) \
            and phrase is None:
        return None            # a place alone (حلقة العمل التي عقدت في مرسيليا) does not say which meeting
    if kind in _PART_KINDS and process is not None and n is None:
        # حلقة العمل المواضيعية للمنتدى: a workshop of the process, a part of its meeting of that year (a numbered
        # one is the process's own meeting: الندوة ال15 لوزراء خارجية دول "الحوار 5 + 5")
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
                   tuple(dates), year, kind, phase_dates(toks, lo, hi, doc_day))
    main = st.main_meeting
    if process is not None and n is not None and year is None and place is None and host is None \
            and main is not None and main.rule == RULE_ID and main.process == process and main.ordinal is None \
            and main.status == HELD and status != PLANNED:
        # اجتمعت … دولة في مدينة قادش … تجاه مسار الرباط. … في المؤتمر الوزاري السادس للحوار الأوروإفريقي: the
        # numbered meeting of the process the document is about, written with no place or year, is that meeting
        return Ref(toks.tokens[m.i].start, toks.tokens[j - 1].end, main.event, process, RULE_ID, status, n, None,
                   tuple(dates), main.year, kind, phase_dates(toks, lo, hi, doc_day))
    site = place if place is not None else (host or state_site(toks, lo, m.i, j, hi))
    named_to = max(j, grammar.end) if grammar is not None and process is None else j
    ev = _entity(process, n, year, kind, site, toks.surface(m.i, named_to), status)     # named as written (… العادية 325)
    minted = False
    if ev is None and phrase is not None:
        ev, j, minted = _minted(toks, m.i, kind, phrase, year, status), phrase[1], True
        n = n if n is not None else next((ordinals[k].value for k in phrase[0] if k in ordinals), None)
    if ev is None:
        return None
    if process is not None and n is not None and year is not None:
        st.ordinal_years.setdefault((process.slug, n), year)
    if process is not None and n is not None and st is not None:
        st.series.setdefault(kind, process)     # الندوة ال15 لوزراء خارجية دول الحوار 5+5: the series of its kind
    phases = phase_dates(toks, lo, hi, doc_day)
    opener = phase_before(toks, lo, m.i)
    if not opener and verb_dates and dates:
        verb = governing_before(toks, lo, m.i)
        opener = verb.feature("phase", "") if verb is not None else ""      # launched on that day: its first day
    held_date = (grammar is not None and grammar.held and dates        # … الذي عقد في تونس يوم 4 مايو 2031: the day
                 and toks.index_at(dates[0].start) < grammar.held_end)  # of its own held clause, not the closing verb's
    if opener and dates and not phases and not held_date:
        phases, dates = ((opener, dates[0]),), dates[1:]   # في ختام أعمال اللقاء …، أمس الأول: its last day
    members = grammar.members if grammar is not None else ()
    j = max(j, grammar.end) if members else j       # the phrase spans who meets (… بين الاتحاد الأوروبي ودول …)
    return Ref(toks.tokens[m.i].start, toks.tokens[j - 1].end, ev, process, RULE_ID, status, n, place,
               tuple(dates), year, kind, phases, place_rule, minted, members)


PHRASE_MAX = 10              # words of a meeting's own noun phrase after its noun
SLUG_WORDS = 6               # of them, the words its key is made of
_PHRASE_STOP = frozenset({"الذي", "التي", "والذي", "والتي", "الذين", "في", "وفي", "منذ", "خلال", "يوم", "يومي", "على",
                          "مع", "بين", "وذلك", "من", "عن", "الى", "الي", "لمده", "بمشاركه", "بحضور", "برئاسه"})


def _organised_by(toks: Tokens, lo: int, i: int, past: bool = False) -> bool:
    """An organising verb before the meeting at token ``i`` whose subject (between the verb and the noun) is an
    organisation, a body or a state (``نظمت الإسكوا، بالشراكة مع …، اجتماعا``, ``نظم المكتب الإقليمي للمنظمة …
    مؤتمرا``): the meeting is reported held. A verb with a pronoun, or a future one, is not."""
    lex = load()
    nouns = [x for x in lex.find(toks, "meeting_noun", lo, i) if x.j <= i and not x.feature("plural")]
    start = nouns[-1].j if nouns else lo
    for vm in lex.find(toks, ("host_verb", "held_verb"), start, i):
        if vm.reading.enc or vm.future or (vm.cls == "held_verb" and (vm.feature("weak") or vm.feature("met"))) \
                or vm.feature("tense") not in (("past",) if past else ("past", "present")):
            continue
        if _since_year(toks, vm.j, i):
            continue            # ينظم اليونيتار منذ عام 2007 دورة تدريبية سنوية: a habit since then, not one meeting
        if any(x.entity.kind in ("org", "body", "state") for x in toks.mentions
               if toks.tokens[vm.j - 1].end <= x.start < toks.tokens[i].start):
            return True
    return False


def _since_year(toks: Tokens, a: int, b: int) -> bool:
    """``منذ`` with a year right after it (``منذ عام 2007``, ``منذ 2019``) in tokens [a, b): since then, a habit (not
    ``منذ يومين``, two days ago)."""
    return any(toks.tokens[k].norm in ("منذ", "ومنذ") and any(
        re.fullmatch(r"(?:19|20)\d\d", toks.tokens[x].norm) for x in range(k + 1, min(b, k + 3))) for k in range(a, b))


def _organiser_place(toks: Tokens, lo: int, i: int):
    """The city after في/ب between an organising or hosting verb and the meeting it organised, its subject named
    between them (``نظمت المنظمة الدولية للهجرة في القاهرة ورشة عمل``): where the meeting was held."""
    for vm in load().find(toks, ("host_verb", "held_verb"), lo, i):
        if vm.reading.enc or vm.future:
            continue
        place = place_after(toks, vm.j, i, stop_at_meeting=False)
        if place is not None:
            return place
    return None


def _own_phrase(toks: Tokens, m, hi: int, lo: int | None = None):
    """(words, token after them) of the noun phrase a meeting noun at ``m`` heads, when one of its words says what
    kind of gathering it is (lexicon class ``meeting_scope``): ``اجتماعا تشاوريا إقليميا``, ``مؤتمر الاستعراض الإقليمي
    الأول للاتفاق العالمي …``, ``مؤتمرا إقليميا حول الاتفاق العالمي``. The phrase ends at punctuation, a relative
    pronoun, a preposition of place or time, a verb (يضم، وتهدف) or a purpose لـ (لمناقشة), a number or a date
    word; None without a scope word. A sentence that names a standing process gives none (its meeting is the
    process's: ``اجتماعا دوليا رفيع المستوى … ضمن فعاليات … لعملية الخرطوم``)."""
    lex = load()
    words, k = [], m.j
    while k < hi and k < m.j + PHRASE_MAX:
        t = toks.tokens[k]
        if t.kind != "word" or t.norm in _PHRASE_STOP or t.norm.startswith(("ي", "وي", "وت")) \
                or (t.norm.startswith("ل") and not t.norm.startswith("لل")) or lex.is_a(toks, k, "held_verb") \
                or lex.is_a(toks, k, "host_verb") or lex.is_a(toks, k, "relative_time") \
                or lex.is_a(toks, k, "meeting_noun") or lex.is_a(toks, k, "theme_cue") \
                or mention_at(toks, k, ("place", "person")):
            break               # (… ندوة قومية تحت عنوان «…»: the theme is no part of its name)
        words.append(k)
        k += 1
    if words and lex.is_a(toks, words[0], "process_noun"):
        return None             # اجتماع عملية التشاور …: a meeting of a process (named some other way), not a name
    if not any(lex.is_a(toks, x, "meeting_scope") for x in words):
        return _titled(toks, m.j, hi) or _organised_phrase(toks, words, k, hi, lo)
    return words, k


def _organised_phrase(toks: Tokens, words: list, k: int, hi: int, lo: int | None):
    """(words, token after them) of a meeting named by its organiser: a relative organising verb right after the
    noun's own words (``ورشة العمل التي تنظمها جامعة الدول العربية``، ``ورشات العمل التي نظمتها`` after the
    organisation the sentence opens with), keyed by its own words and the organiser's name; None without one."""
    org = organiser_after(toks, k, hi, lo)
    if org is None:
        return None
    return words + list(range(toks.index_at(org.start), toks.index_at(org.end - 1) + 1)), k


TITLE_REACH = 2              # tokens between a meeting noun and the theme cue that titles it (مؤتمرا دوليا بعنوان)


def _titled(toks: Tokens, j: int, hi: int):
    """(words, token after the closing quote) of the quoted title a theme cue gives a meeting right after its noun
    (``مؤتمرا بعنوان "الهجرة في حوض المتوسط"``, ``ندوة تحت عنوان «…»``): a meeting named by its own title; None
    when no cue follows within ``TITLE_REACH`` tokens or no quoted title follows the cue."""
    lex = load()
    for k in range(j, min(hi, j + TITLE_REACH + 1)):
        cue = lex.is_a(toks, k, "theme_cue")
        if cue is None:
            continue
        q = cue.j + int(cue.j < hi and toks.tokens[cue.j].norm == ":")
        if q >= hi or toks.tokens[q].norm not in _QUOTES:
            return None
        close = next((x for x in range(q + 1, hi) if toks.tokens[x].norm in _QUOTES), None)
        words = [x for x in range(q + 1, close or q + 1) if toks.tokens[x].kind == "word"]
        return (words, close + 1) if close is not None and words else None
    return None


def _minted(toks: Tokens, i: int, kind: str, phrase, year, status) -> Entity:
    """A meeting the gazetteer lacks, keyed by its kind and the words of its own noun phrase (article and
    accusative alif dropped, so ``اجتماعا تشاوريا`` and ``الاجتماع التشاوري`` key alike) and its year when the text
    gives one: ``event/consultative-meeting-hwl-hjrh-2030``. Labelled with the phrase as written."""
    words, end = phrase
    keys = []
    lex = load()
    own = [k for k in words if lex.is_a(toks, k, "meeting_qualifier") is None] or words
    for k in own[:SLUG_WORDS]:
        w = strip_article(toks.tokens[k].norm)         # the qualifiers are in the kind already
        keys.append(w[:-1] if len(w) > 3 and w.endswith("يا") else w)
    slug = f"{kind}-{translit(' '.join(keys))}" + (f"-{year}" if year else "")
    label = f"{kind.replace('-', ' ').capitalize()}: {translit(' '.join(keys)).replace('-', ' ')}" + (f" ({year})" if year else "")
    return Entity("event", slug, PLANNED_CLASS if status == PLANNED else HELD_CLASS, label, toks.surface(i, end),
                  from_text=True)


# Quotation marks a writer sets a process's name in (اللقاء الوزاري السابع لدول «حوار أبوظبي»).
_QUOTES = frozenset({"«", "»", '"', "“", "”", "'"})

# Kinds of meeting a city in the noun's construct names (قمة فاليتا، مؤتمر الرباط); not a session or a workshop.
_PLACE_NAMED = ("summit", "conference", "forum", "meeting", "consultation")
# Kinds of meeting an organisation, a body or a state is written organising or hosting as the verb's subject
# (نظمت الإسكوا … اجتماعا، استضافت منظمة العمل الدولية ورشة عمل فنية إقليمية في اسطنبول): held, its own event.
_ORGANISED = _PLACE_NAMED + ("workshop", "seminar", "dialogue")

# Kinds of meeting that are parts of a process's yearly meeting when named with the process.
_PART_KINDS = frozenset({"workshop", "seminar", "online-seminar", "training-workshop"})

# Meeting kinds a standing process holds (a summit of the forum); workshops and seminars are their own events.
_PROCESS_KINDS = frozenset({"summit", "meeting", "ministerial-meeting", "ministerial-conference", "conference", "annual-conference",
                            "consultative-meeting", "annual-meeting", "regional-meeting", "session"})


# Nouns that may name again a meeting of another kind: "the meeting" for a summit or a conference.
_GENERIC = frozenset({"meeting", "session"})
_PROCESS_MEETING = frozenset({"meeting", "summit", "conference", "session", "ministerial-meeting",
                              "ministerial-conference", "forum"})


def _can_refer(kind: str, antecedent_kind: str, process=None) -> bool:
    """A bare noun of ``kind`` may name the antecedent again (الندوة never names a forum meeting). A process's
    meeting first named by a generic noun (``جلسة جديدة من عملية الخرطوم``) may be named again as its
    conference or summit (``الجلسة الافتتاحية للمؤتمر``)."""
    if not antecedent_kind or (process is not None and antecedent_kind in _GENERIC):
        return kind in _PROCESS_MEETING
    return kind == antecedent_kind or kind in _GENERIC or antecedent_kind.endswith(kind)


def title_meeting(ctx, st, planned: bool = False) -> Ref | None:
    """The meeting the document's title names (``… عن الاجتماع الرابع للمنتدى …``, ``… في قمة كيتو للمنتدى …``);
    with ``planned`` also one the title announces (``بيروت تستضيف الاجتماع التشاوري …``: what a preview's body
    takes up, not the meeting a report is about)."""
    toks = ctx.title_tokens()
    if toks is None or not toks.tokens:
        return None
    saved = (st.last_meeting, st.last_source, st.main_meeting)
    refs = find(ctx, st, None, toks, 0, len(toks.text), [])
    st.last_meeting, st.last_source, st.main_meeting = saved
    named = [r for r in refs if r.rule == RULE_ID and (planned or r.status != PLANNED) and identified(r) and not r.minted]
    if not named:
        # a headline's meeting named by its phrase alone does not outrank the body's; a title that is only a
        # process's name and a year is the page of that year's meeting
        return None if refs else title_process_year(ctx, toks)
    ref = named[0]
    years = re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", toks.text)
    if ref.year is None and ref.process is not None and len(set(years)) == 1:
        # a title's lone year (… عن الاجتماع الرابع للمنتدى (بويرتو فايارتا، 2010)) is its meeting's year
        year = int(years[0])
        st.ordinal_years.setdefault((ref.process.slug, ref.ordinal), year)
        ref = replace(ref, event=replace(process_meeting(ref.process, year), cls=ref.event.cls), year=year)
    return ref


def heading_meetings(ctx, st) -> None:
    """The meeting each section heading names (``ألف - الاجتماع السابع للمنتدى (سانتياغو، 2031)``): a process's
    numbered meeting with the heading's year (its lone year, in brackets or not), or a meeting the heading names
    in full, into ``st.section_meetings``: what a bare noun of the section's paragraphs names again (a document's
    structure carries the meeting a paragraph is about)."""
    from .process_meetings import ORDINALS, _ordinal_matches      # noqa: PLC0415 (the report rules' reader)
    saved = (st.last_meeting, st.last_source, st.main_meeting)
    for sec in ctx.document.sections:
        toks = ctx.tokens(sec)
        if not toks.tokens:
            continue
        years = {int(y) for y in re.findall(r"(?<![0-9])(?:19|20)[0-9][0-9](?![0-9])", fold(toks.text))}
        v = View.of(sec.heading)
        found = [(process, ORDINALS[o], ms, me) for o, process, ms, me in _ordinal_matches(ctx, st, sec, v, 0, len(v.text))
                 if process is not None]
        if len(found) == 1 and len(years) <= 1:
            process, n, ms, me = found[0]
            year = next(iter(years)) if years else st.ordinal_years.get((process.slug, n))
            if year is not None:
                st.ordinal_years.setdefault((process.slug, n), year)
                st.section_meetings[id(sec)] = Ref(ms, me, process_meeting(process, year), process,
                                                   "event.ordinal-meeting", HELD, ordinal=n, year=year, kind="meeting")
            continue
        refs = [r for r in find(ctx, st, sec, toks, 0, len(toks.text), [])
                if r.rule == RULE_ID and r.status != PLANNED and identified(r) and not r.minted and r.process is not None]
        if len(refs) == 1 and key_year(refs[0].event) is not None:
            st.section_meetings[id(sec)] = refs[0]
    st.last_meeting, st.last_source, st.main_meeting = saved


HEADING_ID = "event.heading-meeting"
register(Rule(HEADING_ID, ("partOf", "year", "ordinal", "location"), 0.8,
              ("document.structure", "entity:process", "entity:place", "values:ordinal"),
              "a section heading that names a process's numbered meeting (ألف - الاجتماع السابع للمنتدى (سانتياغو، 2031)): "
              "the meeting, its year, ordinal and the one city the heading names; its paragraphs' bare nouns name it again",
              "events"))


def heading_facts(ctx, st):
    """What a section heading says of the meeting it names, evidenced by the heading, when a paragraph of the
    section reports on it."""
    conf = REGISTRY.confidence(HEADING_ID)
    for sec in ctx.document.sections:
        ref = st.section_meetings.get(id(sec))
        if ref is None or ref.event.key in st.planned_keys or not any(
                p.section is sec for p in ctx.document.paragraphs):
            continue
        yield Fact(ref.event, "partOf", ref.process, sec, HEADING_ID, conf)
        yield year_fact(ref.event, ref.year or key_year(ref.event), sec)
        if ref.ordinal is not None:
            yield Fact(ref.event, "ordinal", Value(str(ref.ordinal), "integer"), sec, HEADING_ID, conf)
        toks = ctx.tokens(sec)
        places = {m.entity for m in ctx.mentions_in(sec) if m.entity.kind == "place" and not _document_name(toks, m)}
        if len(places) == 1:
            yield Fact(ref.event, "location", places.pop(), sec, HEADING_ID, conf)


def _later_year_only(dates, doc_day) -> bool:
    """The meeting's own dates are only years later than the document's (``وقرر الوزراء عقد المؤتمر العاشر في عام 2033``
    in a text of 2031): it cannot have been held as of the text, whatever verb (a verbal noun عقد reads as one) comes
    before it."""
    dated = [d for d in dates if d.year]
    return doc_day is not None and bool(dated) and all(d.precision == "year" and d.year > doc_day.year for d in dated)


def _document_of(toks: Tokens, i: int, lo: int) -> bool:
    """The meeting noun at token ``i`` is the genitive of a document noun (``تقرير الاجتماع``، ``البيان الختامي
    للمؤتمر``): the place after it is where the document was issued, not the meeting's."""
    lex = load()
    return any(m.j == i for m in lex.find(toks, "heading_document_noun", max(lo, i - 3), i))


def _document_name(toks: Tokens, mention) -> bool:
    """The city of a heading is part of a document's name (``إعلان داكار الصادر عن المؤتمر …``، ``خطة عمل نيروبي المنبثقة
    عن الاجتماع …``: a document noun of class ``heading_document_noun`` right before it): not the meeting's place. A city
    set off with the year (``تقرير الرئاسة عن الاجتماع الرابع … (بويرتو فايارتا، 2010)``) is the meeting's."""
    k = toks.index_at(mention.start)
    return any(m.j == k for m in load().find(toks, "heading_document_noun", max(0, k - 3), k))


def section_meeting(st, src) -> Ref | None:
    """The meeting the heading of ``src``'s section (or of an enclosing one) names, None when none does."""
    sec = getattr(src, "section", None)
    while sec is not None:
        ref = st.section_meetings.get(id(sec))
        if ref is not None:
            return ref
        sec = sec.parent
    return None

TITLE_PAGE_ID = "event.title-process-year"
register(Rule(TITLE_PAGE_ID, ("partOf", "year"), 0.7, ("document.title", "entity:process"),
              "a title that is only a process's name and a year (حوار المفوض السامي بشأن تحديات الحماية، 2016): the page "
              "of that year's meeting of the process, its facts evidenced by the first body paragraph", "events"))
_TITLE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TITLE_FILLER = re.compile(r"[\s،,:؛\-–—()\[\]«»\"]+")


def title_process_year(ctx, toks: Tokens) -> Ref | None:
    """The meeting a title names as one process and one year, nothing else (``حوار المفوض السامي بشأن تحديات
    الحماية، 2016``, ``المنتدى العالمي للاجئين 2019``); planned when the document's own date is before that year."""
    procs = [x for x in toks.mentions if x.entity.kind == "process"]
    years = _TITLE_YEAR.findall(toks.text)
    if len(procs) != 1 or len(years) != 1:
        return None
    pm = procs[0]
    rest = _TITLE_YEAR.sub("", toks.text[:pm.start] + " " + toks.text[pm.end:])
    if _TITLE_FILLER.sub("", rest):
        return None             # عن الحوار … 2016، a headline with words of its own: the meeting rules read it
    year = int(years[0])
    day = document_day(ctx.document)
    status = PLANNED if day is not None and day.year < year else HELD
    ev = replace(process_meeting(pm.entity, year), cls=PLANNED_CLASS if status == PLANNED else HELD_CLASS)
    return Ref(pm.start, pm.end, ev, pm.entity, TITLE_PAGE_ID, status, None, None, (), year, "meeting")


def _sentence_antecedent(st, src) -> list:
    """The meeting named earlier in the same source, which the chain may not hold yet."""
    return [st.last_meeting] if st.last_meeting is not None and st.last_source is src else []


def antecedent(st, src) -> Ref | None:
    """The meeting a bare noun names again: the last one named in the same source, else the meeting its
    section's heading names, else the meeting the document reports on (the Forum year it names most), else its main meeting (the first it names as
    held), else the last one named."""
    if st.last_meeting is not None and st.last_source is src:
        return st.last_meeting
    heading = section_meeting(st, src)
    if heading is not None:
        return heading
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
            if t.norm in (".", ";") or (lex.is_a(toks, k, "meeting_noun") and not covered(toks, k, ("process",))):
                break
            pm = mention_at(toks, k, ("process",))
            if pm is None:
                subject = subject or any(m.entity.kind in ("org", "body", "state") for m in t.ents)
                continue
            if not subject or any(r.start <= pm.start < r.end for r in known + out):
                break
            j = after(toks, pm)
            dates = own_dates(ctx, toks, j, hi, doc_day)
            years = [d.year for d in dates if d.year]
            status = clause_status(toks, k, vm.i, dates=dates, doc_day=doc_day)
            if years:
                out.append(Ref(pm.start, pm.end, replace(process_meeting(pm.entity, years[0]),
                                                         cls=PLANNED_CLASS if status == PLANNED else HELD_CLASS),
                               pm.entity, RULE_ID, status, None, place_after(toks, j, hi), tuple(dates), years[0],
                               "meeting", phase_dates(toks, lo, hi, doc_day)))
            elif status == HELD and not vm.feature("met") and not _purpose_between(toks, vm.j, k) \
                    and (place := place_after(toks, j, hi) or held_place_before(toks, lo, k)) is not None:
                # افتتحت الجمعية العامة الحوار الرفيع المستوى … اليوم في نيويورك: no year printed, the process
                # and the city its meeting was held in identify it
                out.append(Ref(pm.start, pm.end, _entity(pm.entity, None, None, "meeting", place,
                                                         toks.surface(k, j), status),
                               pm.entity, RULE_ID, status, None, place, tuple(dates), None, "meeting",
                               phase_dates(toks, lo, hi, doc_day)))
            if out and out[-1].start == pm.start and status == HELD and st.main_meeting is None:
                st.main_meeting = out[-1]
            break
    return out


def _purpose_between(toks: Tokens, i: int, k: int) -> bool:
    """A word of purpose (ل + a noun: لبحث، لمناقشة) between a verb and the process: the process is what the
    meeting discussed, not the meeting the verb holds."""
    return any(toks.tokens[x].norm.startswith("ل") and not toks.tokens[x].norm.startswith("لل") for x in range(i, k))


def _process_proceedings(ctx, st, src, toks: Tokens, lo: int, hi: int, known: list[Ref], doc_day) -> list[Ref]:
    """``أعمال المنتدى``, ``المنتدى، الذي … انعقد``: a process named for its meeting is the document's
    main meeting of that process."""
    main = st.title_meeting or st.main_meeting
    lex = load()
    out = []
    for k in range(lo, hi):
        sb = series_body(toks, k)
        if sb is not None and not any(r.start <= sb.start < r.end for r in known + out):
            n, j = _edition(toks, after(toks, sb), hi)
            ref = _body_session(ctx, toks, sb, k, j, n, lo, hi, doc_day) if n is not None else None
            if ref is not None:            # اعتمد مؤتمر العمل الدولي في دورته المائة بجنيف
                out.append(ref)
            continue
        pm = mention_at(toks, k, ("process",))
        if pm is None or any(r.start <= pm.start < r.end for r in known + out):
            continue
        own = main
        if main is None or main.process is None or pm.entity != main.process:
            ref = _process_occurrence(ctx, toks, pm, k, lo, hi, doc_day)
            if ref is not None:
                out.append(ref)
                _remember_held(st, src, ref)
                continue
            # وسوف تجري فعاليات نسخة العام 2023 من المنتدى … هذه السنة تم افتتاح المنتدى: a meeting of the process the
            # document named before (announced, or held), which its proceedings now report
            own = next((r for r in reversed(getattr(st, "chain", None).refs if getattr(st, "chain", None) else [])
                        if r.process == pm.entity), None)
            if own is None:
                continue
        prev = toks.tokens[k - 1] if k > lo else None
        proceedings = prev is not None and any(r.stem in _PROCEEDINGS for r in prev.readings())
        if prev is not None and prev.norm == "في" and k - 2 >= lo and lex.is_a(toks, k - 2, "participate_verb") \
                and not (k - 3 >= 0 and toks.tokens[k - 3].norm in ("الذي", "التي", "الذين")):
            proceedings = True            # وشارك في الحوار ممثلو 132 دولة (not: التي شاركت في المنتدى حتى الآن)
        j = after(toks, pm)
        held_after = False
        if j < hi and toks.tokens[j].norm == "," and j + 1 < hi and toks.tokens[j + 1].norm in ("الذي", "التي"):
            held_after = any((vm := lex.is_a(toks, x, "held_verb")) is not None and vm.feature("tense") == "past"
                             for x in range(j + 2, min(hi, j + 14)))
        if proceedings or held_after:
            ref = _anaphor(ctx, st, src, toks, k, j, lo, hi, doc_day, own)
            if ref is not None:
                out.append(ref)
    return out


_EDITION = frozenset({"نسخته", "نسختها", "دورته", "دورتها", "طبعته", "طبعتها"})


LIST_ID = "event.written-list"
register(Rule(LIST_ID, ("partOf", "year", "location"), 0.75,
              ("meeting_noun", "held_verb", "host_verb", "entity:place", "entity:process"),
              "a meeting noun held in a list of cities with years (المشاورات الوزارية السابقة المعقودة في كولومبو عام 2003، "
              "ومانيلا عام 2004 / نظمت الدورات الأخرى بباريس (2008) ودكار (2011)): one meeting of the process per city", "events"))
_PAIR_GAP = 3               # tokens between a city and its year (عام، سنة، an opening bracket)


def listed_meetings(st, src, toks: Tokens, lo: int, hi: int, known: list[Ref], doc_day,
                    prior: Ref | None = None) -> tuple[list[Ref], set]:
    """Meetings of one series listed as cities with their years after a meeting noun and a held or hosting
    verb: each city with its year is one meeting, of the process the noun names, else of the process of
    the meeting named before (the document's). Two pairs at least: a single city and year is :func:`_read`'s.
    Also the start offsets of the list's nouns (not meetings of their own)."""
    lex = load()
    out: list[Ref] = []
    consumed: set = set()
    for m in lex.find(toks, "meeting_noun", lo, hi):
        if covered(toks, m.i, ("process", "org", "body")):
            continue
        verb = next((v for v in lex.find(toks, ("held_verb", "host_verb"), m.j, min(hi, m.j + 6))), None)
        noun_verb = next((v for v in lex.find(toks, ("held_verb", "host_verb"), max(lo, m.i - 3), m.i)), None)
        verb = verb or noun_verb
        if verb is None or verb.future:
            continue
        pairs = _place_years(toks, verb.j if verb.i > m.i else m.j, hi)
        if len(pairs) < 2 or any(r.start <= pairs[0][2] < r.end for r in known):
            continue
        process = next((pm.entity for k in range(m.j, min(hi, m.j + MAX_GAP)) if (pm := mention_at(toks, k, ("process",)))), None)
        noun_start = toks.tokens[m.i].start
        if process is None:
            before = [r for r in known if r.process is not None and r.end <= noun_start]
            ante = before[-1] if before else next(
                (r for r in (st.title_meeting, st.main_meeting, prior)
                 if r is not None and r.process is not None and r.start != noun_start), None)
            process = ante.process if ante is not None else None
        if clause_status(toks, m.i, doc_day=doc_day) == PLANNED:
            continue
        kind = m.feature("kind", "meeting")
        for place, year, start, end in pairs:
            ev = _entity(process, None, year, kind, place, toks.surface(m.i, m.j), HELD)
            out.append(Ref(start, end, ev, process, LIST_ID, HELD, None, place, (), year, kind))
        consumed.add(noun_start)
        break
    return out, consumed


def _place_years(toks: Tokens, j: int, hi: int) -> list[tuple]:
    """(place, year, start, end) for each city followed by its year in a list from token ``j`` (``في كولومبو عام
    2003، ومانيلا عام 2004``, ``بباريس (2008) ودكار (2011)``); stops where the list stops."""
    out = []
    k = j
    while k < hi:
        pm = mention_at(toks, k, ("place",))
        if pm is not None and contradicted(toks, pm):
            break
        if pm is None:
            if out or k - j > 8 or toks.tokens[k].norm in (".", ";"):
                if out and toks.tokens[k].norm in (",", "و") and k + 1 < hi:
                    k += 1
                    continue
                break
            k += 1
            continue
        x = after(toks, pm)
        year = None
        for y in range(x, min(hi, x + _PAIR_GAP)):
            t = toks.tokens[y]
            if t.kind == "number" and re.fullmatch(r"(?:19|20)\d\d", t.norm):
                year, x = int(t.norm), y + 1
                break
            if t.norm not in ("(", "عام", "سنه", "في", "لعام"):
                break
        if year is None:
            break
        out.append((pm.entity, year, pm.start, toks.tokens[x - 1].end))
        k = x + 1 if x < hi and toks.tokens[x].norm == ")" else x
    return out


def series_body(toks: Tokens, k: int):
    """An organisation named by a meeting noun (مؤتمر العمل الدولي) at token ``k``: a standing conference that
    meets in numbered sessions. Its mention, else None."""
    m = mention_at(toks, k, ("org", "body"))
    if m is None or toks.index_at(m.start) != k:
        return None
    head = load().is_a(toks, k, "meeting_noun")
    return m if head is not None and not head.feature("plural") and not head.reading.enc else None


def _body_session(ctx, toks: Tokens, body, i: int, j: int, n: int, lo: int, hi: int, doc_day) -> Ref | None:
    """A numbered session of a standing conference (الدورة المائة لمؤتمر العمل الدولي): keyed by the
    conference and the number, with its place, dates and year; not part of a process (the conference is
    an organisation)."""
    dates = own_dates(ctx, toks, j, hi, doc_day)
    status = clause_status(toks, i, dates=dates, doc_day=doc_day)
    # اعتمد المندوبون في الدورة المائة لمؤتمر العمل الدولي اليوم …: "today" dates the act, not a session of weeks
    dates = [d for d in dates if any(c.isdigit() for c in toks.text[d.start:d.end])]
    place = place_after(toks, j, hi) or held_place_before(toks, lo, i)
    year = _year(ctx, None, toks, None, None, dates, lo, hi, status, doc_day, j)
    e = body.entity
    label = e.notations[0] if e.notations else e.label_en
    ev = Entity("event", f"{e.slug}-session-{n}", PLANNED_CLASS if status == PLANNED else HELD_CLASS,
                f"{label} session {n}", toks.surface(min(i, toks.index_at(body.start)), j), from_text=True)
    return Ref(toks.tokens[i].start, toks.tokens[j - 1].end, ev, None, RULE_ID, status, n, place, tuple(dates), year,
               "session", phase_dates(toks, lo, hi, doc_day))


OWNED_ID = "event.owned-meeting"
register(Rule(OWNED_ID, ("ordinal", "year", "location", "startDate", "endDate"), 0.75,
              ("meeting_noun", "meeting_owner_noun", "meeting_members_of", "entity:org", "entity:body",
               "values:ordinal", "held_verb", "chair_verb"),
              "a numbered meeting of a body (الاجتماع السادس لمجلس إدارة المعهد …، الاجتماع الرابع للجنة المشتركة من خبراء …): "
              "keyed by the body (its gazetteer entry, else its own words) and the ordinal; only when the text reports it "
              "(a held, hosting or chair word governs it, its proceedings, its own date)", "events"))


def _owned_meeting(ctx, toks: Tokens, m, phrase, kind: str, n: int, lo: int, hi: int, doc_day) -> Ref | None:
    """The ``n``-th meeting of the body a meeting phrase names after ل (a gazetteer body or organisation, else
    the body's own words), when the text reports it; None when it is only named."""
    j = phrase.end
    if meeting_phrase.margin_of_another(toks, lo, m.i) or not (
            _reported_here(ctx, toks, lo, m.i, j, hi, doc_day) or meeting_phrase.reported_as_event(toks, lo, m.i)):
        return None
    # a relative clause that hangs from another noun after the phrase (… بناء على قرار مجلس وزراء العدل العرب الذي
    # عقد سبتمبر 2013) dates that noun, not this meeting: its own dates come before it
    rel = next((k for k in range(j + 2, hi) if toks.tokens[k].norm in ("الذي", "التي", "والذي", "والتي")), hi)
    dates = [d for d in own_dates(ctx, toks, j, hi, doc_day) if d.start < toks.tokens[rel - 1].end]
    status = clause_status(toks, m.i, dates=dates, doc_day=doc_day)
    place = phrase.place or place_after(toks, j, rel) or held_place_before(toks, lo, m.i)
    year = phrase.year or _year(ctx, None, toks, None, None, dates, lo, rel, status, doc_day, j)
    if phrase.owner is not None:
        e = phrase.owner
        label = e.notations[0] if e.notations else e.label_en
        slug, label_en = f"{e.slug}-{kind}-{n}", f"{label} {kind.replace('-', ' ')} {n}"
    else:
        slug, label_en = meeting_phrase.owner_key(toks, phrase, kind)
    ev = Entity("event", slug, PLANNED_CLASS if status == PLANNED else HELD_CLASS, label_en,
                toks.surface(m.i, j), from_text=True)
    return Ref(toks.tokens[m.i].start, toks.tokens[j - 1].end, ev, None, OWNED_ID, status, n, place, tuple(dates),
               year, kind, phase_dates(toks, lo, hi, doc_day))


def _edition(toks: Tokens, j: int, hi: int) -> tuple[int | None, int]:
    """``في نسخته العاشرة``, ``في دورتها الثالثة عشرة`` at token ``j`` (after a process's name): the ordinal
    of the meeting, and the token after it; (None, j) when it is not there."""
    if j + 2 < hi and toks.tokens[j].norm == "في" and toks.tokens[j + 1].norm in _EDITION:
        o = next((o for o in ordinals_of(toks) if toks.index_at(o.start) == j + 2), None)
        if o is not None:
            return o.value, toks.index_at(o.end - 1) + 1
    return None, j


def _plural_meetings_of(toks: Tokens, lo: int, hi: int, k: int) -> bool:
    """The process at token ``k`` follows a plural meeting noun the sentence reports as an event (``شارك في أعمال
    اجتماعات حوار أبو ظبي``، ``المشاركة في مؤتمرات عملية بالي``), and the sentence names no single meeting: the meetings
    the writer reports are the one meeting the sentence gives a place or date for. Not a plural noun with a single
    meeting named beside it (``في اجتماعات المنتدى منذ اجتماعه الأول``), nor one no event cue reports."""
    lex = load()
    noun = next((m for m in lex.find(toks, "meeting_noun", max(lo, k - 2), k) if m.j == k), None)
    if noun is None or not noun.feature("plural") or not meeting_phrase.reported_as_event(toks, lo, noun.i):
        return False
    return not any(not m.feature("plural") for m in lex.find(toks, "meeting_noun", lo, hi))


def _edition_year(toks: Tokens, j: int, hi: int, scope=None) -> tuple[int | None, int]:
    """(year, token after it) of an edition noun named by its year at token ``j`` (``نسخة العام 2023 من المنتدى``،
    ``طبعة 2019 من منتدى …``): a year word may stand before the year, ``من`` or the process's name right after it; a
    year the noun's process does not follow (``نسخة عام 2023 من التقرير``) or a term (``2026 - 2027``) is none:
    (None, j). ``scope(x)``: the process a bare noun at token x names again (``من المنتدى``), when one is in scope."""
    k = j
    yw = load().is_a(toks, k, "meeting_year_word") if k < hi else None
    k = yw.j if yw is not None else k
    if k >= hi or not re.fullmatch(r"(?:19|20)\d\d", toks.tokens[k].norm) or _term_years(toks, k, hi):
        return None, j
    x = k + 2 if k + 1 < hi and toks.tokens[k + 1].norm == "من" else k + 1
    if x >= hi or (mention_at(toks, x, ("process",)) is None and (scope is None or scope(x) is None)):
        return None, j
    return int(toks.tokens[k].norm), k + 1


def _process_occurrence(ctx, toks: Tokens, pm, k: int, lo: int, hi: int, doc_day) -> Ref | None:
    """A process named for one of its meetings when no meeting of it was named before: its proceedings
    governed by a held verb (``انطلقت بالعاصمة كيتو أعمال المنتدى العالمي للهجرة والتنمية``), its
    edition (``المنتدى العالمي … في نسخته العاشرة المنعقدة منذ الأربعاء ببرلين``), or its meetings reported as an
    event (:func:`_plural_meetings_of`). Keyed by process and year, else process and ordinal, else process and
    place (a held meeting only)."""
    j = after(toks, pm)
    while j < hi and j < after(toks, pm) + 3 and (toks.tokens[j].norm in ("(", ")")
                                                    or toks.tokens[j].norm.isascii() and toks.tokens[j].norm.isalpha()):
        j += 1                            # the acronym or brackets written after the name (… GFMD)
    n, j = _edition(toks, j, hi)
    prev = toks.tokens[k - 1] if k > lo else None
    proceedings = prev is not None and any(r.stem in _PROCEEDINGS for r in prev.readings())
    verb = governing_before(toks, lo, k)      # انطلقت أعمال المنتدى، تم افتتاح المنتدى (the auxiliary with its noun)
    held = verb is not None and load().is_a(toks, verb.i, "held_verb") is not None
    if not ((proceedings and held) or n is not None or _plural_meetings_of(toks, lo, hi, k)):
        return None
    dates = own_dates(ctx, toks, j, hi, doc_day) or dates_before(toks, lo, k, doc_day)
    status = clause_status(toks, k, dates=dates, doc_day=doc_day)
    place = held_place_before(toks, lo, k) or host_place_before(toks, lo, k) or place_after(toks, j, hi)
    year = _year(ctx, None, toks, None, None, dates, lo, hi, status, doc_day, j)
    if year is None and n is None and (place is None or status != HELD):
        return None
    ev = _entity(pm.entity, n, year, "meeting", place, toks.surface(k, j), status)
    return Ref(pm.start, toks.tokens[j - 1].end, ev, pm.entity, RULE_ID, status, n, place, tuple(dates), year,
               "meeting", phase_dates(toks, lo, hi, doc_day))


def _anaphor(ctx, st, src, toks: Tokens, i: int, j: int, lo: int, hi: int, doc_day,
             ante: Ref | None = None) -> Ref | None:
    """A meeting named before (:func:`antecedent`), named again by a bare noun or an opening held verb at token ``i``."""
    ante = ante or antecedent(st, src)
    dates = own_dates(ctx, toks, j, hi, doc_day)
    phases = phase_dates(toks, lo, hi, doc_day)
    opener = phase_before(toks, lo, i + 1)      # the opening verb itself (وقد اختتمت أشغاله يوم …): its last day
    if opener and dates and not phases:
        phases, dates = ((opener, dates[0]),), dates[1:]   # افتتحا أشغال القمة يوم الأربعاء الماضي: its first day
    status = clause_status(toks, i, dates=dates, doc_day=doc_day)
    if status == UNKNOWN:
        status = ante.status        # ويهدف هذا المؤتمر …: the clause says nothing new of it, it is as it was named
    place = place_after(toks, j, hi) if not _document_of(toks, i, lo) else None   # صدر تقرير الاجتماع في نيروبي
    years = [d.year for d in list(dates) + [d for _, d in phases] if d.year]
    ante_year = key_year(ante.event)
    if years and ante_year is not None and ante_year not in years and ante_year + 1 not in years:
        return None         # the clause's own year is another: another meeting, not the one named before
    if ante.process is not None and ante.ordinal and years:
        st.ordinal_years.setdefault((ante.process.slug, ante.ordinal), years[0])
    # صدر، الأربعاء، عن المؤتمر: a day the document's own date anchors gives a meeting keyed with no year its year
    year = next((d.year for d in list(dates) + [d for _, d in phases] if d.relative and d.year and d.precision == "day"), None) \
        if doc_day is not None and ante_year is None and status != PLANNED else None
    return Ref(toks.tokens[i].start, toks.tokens[j - 1].end, ante.event, ante.process, ANAPHOR_ID,
               status, None, place, tuple(dates), year, ante.kind, phases)


# Head nouns of process names a meeting noun may stand in for (الحوار الأورو-إفريقي حول الهجرة والتنمية →
# المؤتمر الوزاري الأورو-إفريقي حول الهجرة والتنمية: the process's ministerial conference).
_PROCESS_HEADS = ("الحوار", "المسار", "العملية", "المسلسل")


_FOLLOWERS: dict = {}


def _head_followers(gazetteer) -> frozenset:
    """The first word after the head noun of every process name headed by one of ``_PROCESS_HEADS``, folded
    (``الاورو`` and ``الاوروافريقي`` of ``الحوار الأورو-أفريقي …``): a cheap test before the matcher is run."""
    key = id(gazetteer)
    if key not in _FOLLOWERS:
        heads = {fold(h) for h in _PROCESS_HEADS}
        out = set()
        for e in gazetteer.entities:
            if e.kind != "process":
                continue
            for name in gazetteer.arabic_names(e):
                words = fold(name).split()
                if len(words) > 1 and words[0] in heads:
                    out.add(words[1].split("-")[0])
                    out.add(words[1].replace("-", ""))
        _FOLLOWERS[key] = frozenset(out)
    return _FOLLOWERS[key]


def _name_after_head(ctx, toks: Tokens, j: int, hi: int, ordinals: dict):
    """(process, token after its name, ordinal or None) when the words after a meeting noun and its qualifiers,
    read after a process's head noun instead (``المؤتمر الوزاري الأورو -إفريقي الأول حول الهجرة والتنمية`` →
    ``الحوار الأورو -إفريقي حول الهجرة والتنمية``), name a known process; an ordinal among the first words
    is the meeting's. The whole rest of the name must match: a shared adjective alone names nothing."""
    matcher = getattr(ctx, "matcher", None)
    if matcher is None:
        return None
    followers = _head_followers(matcher.gazetteer)
    article = ""
    if toks.tokens[j].norm not in followers:
        if toks.tokens[j].norm.startswith("ال") or "ال" + toks.tokens[j].norm not in followers:
            return None
        article = "ال"          # أول مؤتمر أورو - إفريقي حول الهجرة والتنمية: an indefinite noun's adjectives
    t0 = toks.tokens[j]
    last = toks.tokens[min(hi, j + 14) - 1]
    tail = toks.text[t0.start:last.end]
    cut, n = (0, 0), None
    for k in range(j, min(hi, j + 5)):
        if k in ordinals:
            cut = (toks.tokens[k].start - t0.start, ordinals[k].end - t0.start)
            n = ordinals[k].value
            break
    rest = (tail[:cut[0]].rstrip() + " " + tail[cut[1]:].lstrip()).strip() if n is not None else tail
    for head in _PROCESS_HEADS:
        text = f"{head} {article}{rest}"
        for mention in matcher.find(text, ()):
            if mention.start == 0 and mention.entity.kind == "process" and mention.end > len(head) + 8:
                end = mention.end - len(head) - 1 - len(article)          # in ``rest``
                if n is not None and end > cut[0]:
                    end += (cut[1] - cut[0]) - (len(tail[:cut[0]]) - len(tail[:cut[0]].rstrip())) \
                        - (len(tail[cut[1]:]) - len(tail[cut[1]:].lstrip())) + 1
                return mention.entity, toks.index_at(t0.start + max(end, 1) - 1) + 1, n
            if mention.start > 0:
                break
    return None


def _name_under_pronoun(ctx, toks: Tokens, m, hi: int, ordinals: dict):
    """(process, token after its name) when the meeting noun with its pronoun, read with the article
    instead (حوارها الرفيع المستوى الثاني بشأن الهجرة الدولية والتنمية → الحوار الرفيع المستوى …
    بشأن الهجرة الدولية والتنمية), names a known process; an ordinal inside the name is skipped."""
    matcher = getattr(ctx, "matcher", None)
    if matcher is None:
        return None
    t0 = toks.tokens[m.i]
    last = toks.tokens[min(hi, m.i + 14) - 1]
    head = "ال" + m.reading.bare
    tail = toks.text[t0.end:last.end]
    cut = (0, 0)
    for k in range(m.j, min(hi, m.j + 3)):
        if k in ordinals:
            cut = (toks.tokens[k].start - t0.end, ordinals[k].end - t0.end)
            break
    text = head + tail[:cut[0]] + tail[cut[1]:]
    for mention in matcher.find(text, ()):
        if mention.start == 0 and mention.entity.kind == "process":
            end = mention.end - len(head)
            end = t0.end + (end if end <= cut[0] else end + cut[1] - cut[0])
            return mention.entity, toks.index_at(end - 1) + 1
        if mention.start > 0:
            break
    return None


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
        if noun is not None and not covered(toks, k, ("process",)) and \
                _feminine(noun.reading.bare) == feminine and not noun.reading.enc:
            return _process_headed_by(toks, k, noun.reading.bare)
    return None


def _reported_here(ctx, toks: Tokens, lo: int, i: int, j: int, hi: int, doc_day) -> bool:
    """A numbered meeting read out of a process's name (at tokens [i, j)) is reported, not named in passing: a
    held or hosting verb governs it, or its own date follows."""
    return (governing_before(toks, lo, i) is not None or governing_verb(toks, j, hi) is not None
            or bool(own_dates(ctx, toks, j, hi, doc_day))
            or (i > lo and any(r.stem in _PROCEEDINGS for r in toks.tokens[i - 1].readings())))   # في أعمال المنتدى


def _name_around_ordinal(ctx, toks: Tokens, i: int, cut, hi: int):
    """(process, token after its name) when a meeting noun phrase read without the ordinal written inside it
    names a known process (``الاجتماع العالمي الخامس لرؤساء وأمانات العمليات التشاورية`` → ``الاجتماع العالمي لرؤساء
    وأمانات العمليات التشاورية``): the process whose numbered meeting it is. The name must start at the noun and
    go on past the ordinal."""
    matcher = getattr(ctx, "matcher", None)
    if matcher is None:
        return None
    start = toks.tokens[i].start
    last = toks.tokens[min(hi, toks.index_at(cut.end) + 14) - 1]
    head, tail = toks.text[start:cut.start].rstrip(), toks.text[cut.end:last.end].lstrip()
    if not head or not tail:
        return None
    text = f"{head} {tail}"
    for mention in matcher.find(text, ()):
        if mention.start == 0 and mention.entity.kind == "process" and mention.end > len(head) + 1:
            tail_start = last.end - len(tail)
            k = toks.index_at(tail_start + mention.end - len(head) - 2) + 1
            if k < hi and toks.tokens[k].norm.startswith("وال"):
                return None         # المؤتمر الإقليمي الأول حول الهجرة والتنمية: the name goes on past the match
            return mention.entity, k
        if mention.start > 0:
            break
    return None


def _topic_process(toks: Tokens, lo: int, i: int):
    """The process a sentence opens its clause with, when a held verb governs the meeting at ``i`` (``… أن عملية
    التشاور … تم إنشاؤها بقرار من مجلس الجامعة العربية …، وعقدت أول اجتماع لها``): the first process named in the
    sentence before the meeting, the subject the coordinated verbs share."""
    if governing_before(toks, lo, i) is None:
        return None
    for k in range(lo, i):
        pm = mention_at(toks, k, ("process",))
        if pm is not None:
            return pm.entity
    return None


def _feminine(word: str) -> bool:
    return word.endswith("ه")


def _process_headed_by(toks: Tokens, k: int, head: str):
    """The latest process named before token ``k`` whose name starts with ``head`` (المؤتمر → المؤتمر الإقليمي …)."""
    for m in reversed([x for x in toks.mentions if x.end <= toks.tokens[k].start and x.entity.kind == "process"]):
        if _head(m.surface) == head or _head(m.entity.label_ar) == head:
            return m.entity
    return None


def _own_convenors(toks: Tokens, lo: int, i: int, process) -> bool:
    """A held verb of the sentence before token ``i`` whose subject (between it and the meeting noun) is a
    state or an organisation, with ``process`` not named in the sentence: the meeting is theirs."""
    lex = load()
    start, end = toks.tokens[lo].start, toks.tokens[i].start
    if any(x.entity == process for x in toks.mentions if start <= x.start < end):
        return False
    for k in range(lo, i):
        vm = lex.is_a(toks, k, "held_verb")
        if vm is not None and vm.feature("tense") == "past":
            return any(x.entity.kind in ("org", "body", "state") for x in toks.mentions
                       if toks.tokens[vm.j - 1].end <= x.start < end)
    return False


def _paragraph_process(toks: Tokens, before: int):
    """The one process a paragraph names before ``before`` (None when it names none or several): the
    context a place-named meeting (قمة دكا) belongs to; a process named after it may be one the meeting
    launched (… المؤتمر الوزاري …، وانطلقت بموجبه عملية براغ)."""
    procs = {m.entity for m in toks.mentions if m.entity.kind == "process" and m.end <= before}
    return procs.pop() if len(procs) == 1 else None


def _qualified(kind: str, qual: str | None) -> str:
    if not qual or qual in kind or kind not in ("meeting", "conference", "forum", "summit", "session"):
        return kind
    return f"{qual}-{kind}" if qual in ("ministerial", "regional", "consultative", "high-level") else kind


def _year(ctx, st, toks, process, n, dates, lo, hi, status, doc_day, j):
    years = [d.year for d in dates if d.year]
    if years:
        return years[0]
    rest = fold(toks.text[toks.tokens[j].start:toks.tokens[j].start + 25]) if j < len(toks.tokens) else ""
    m = re.match(r"\s*,?\s*(?:في )?(?:عام|لعام|سنه|للعام|العام) (\d{4})", rest)
    if m:
        return int(m.group(1))
    y = _place_year(toks, j, hi)
    if y is not None:
        return y
    if doc_day is not None:
        lex = load()
        stop = next((k for k in range(j, hi) if (x := lex.is_a(toks, k, "meeting_noun")) is not None
                     and not x.feature("plural") and not covered(toks, k, ("process",))), hi)
        for rm in lex.find(toks, "relative_time", j, stop):     # not the year of another meeting named after it
            if rm.feature("unit") == "year":
                return doc_day.year + int(rm.feature("offset") or 0)
    if process is not None and n is not None and (process.slug, n) in st.ordinal_years:
        return st.ordinal_years[(process.slug, n)]
    if doc_day is not None and status == HELD and any(
            strip_article(toks.tokens[k].norm) in {strip_article(w) for w in _NOW_WORDS} for k in range(lo, hi)):
        return doc_day.year
    return None


def _term_years(toks: Tokens, j: int, hi: int) -> bool:
    """Two years joined by a dash or slash at token ``j`` (``2026 - 2027``, ``2019/2020``): the span of a term."""
    t = toks.tokens
    return (j + 2 < hi and t[j].kind == "number" and t[j + 1].norm in ("-", "/", "–")
            and t[j + 2].kind == "number" and all(re.fullmatch(r"(?:19|20)\d\d", t[x].norm) for x in (j, j + 2)))


def _place_year(toks: Tokens, j: int, hi: int) -> int | None:
    """A bare year written right after the meeting's city (``فانعقد … في باريس 2008``, ``بباريس (2008)``), before
    any other meeting is named: the year it was held there."""
    lex = load()
    for k in range(j, min(hi, j + LOCATION_WINDOW)):
        if k > j and lex.is_a(toks, k, "meeting_noun") and not covered(toks, k, ("process",)):
            return None
        pm = mention_at(toks, k, ("place",))
        if pm is None:
            continue
        x = after(toks, pm)
        if x < hi and toks.tokens[x].norm == "(":
            x += 1
        if x < hi and toks.tokens[x].kind == "number" and re.fullmatch(r"(?:19|20)\d\d", toks.tokens[x].norm):
            return int(toks.tokens[x].norm)
        return None
    return None


def _other_year(toks: Tokens, lo: int, hi: int) -> bool:
    """The sentence writes a year (so the document's own year is not to be assumed)."""
    return any(t.kind == "number" and re.fullmatch(r"(?:19|20)\d\d", t.norm) for t in toks.tokens[lo:hi])


def _entity(process, n, year, kind, place, label_ar, status) -> Entity | None:
    """The meeting's key from what the text gives, in this order: process + year, process + ordinal, process +
    place; else kind + place + year, or kind + place + ordinal when no year is known (two numbered sessions
    held in one city are two meetings)."""
    cls = PLANNED_CLASS if status == PLANNED else HELD_CLASS
    if process is not None and year is not None:
        return replace(process_meeting(process, year), cls=cls)
    if process is not None and n is not None:
        acr = process.notations[0] if process.notations else process.label_en
        return Entity("event", f"{process.slug}-meeting-{n}", cls, f"{acr} meeting {n}", label_ar, from_text=True)
    if process is not None and place is not None:    # انطلقت بالعاصمة كيتو أعمال المنتدى …: no year, no ordinal
        acr = process.notations[0] if process.notations else process.label_en
        return Entity("event", f"{process.slug}-{place.slug.lower()}", cls, f"{acr} meeting in {place.label_en}",
                      label_ar, from_text=True)
    if place is not None:                        # a city, or the state a meeting of no process was held in
        n = None if year else n                  # kind + place + year is the key other rules give it too
        slug = f"{kind}-{place.slug.lower()}" + (f"-{n}" if n else "") + (f"-{year}" if year else "")
        label = f"{kind.replace('-', ' ').capitalize()}" + (f" {n}" if n else "") + f" in {place.label_en}" \
            + (f" ({year})" if year else "")
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
        dates = [d for d in own_dates(ctx, toks, m.j, hi, doc_day) if d.precision == "day" and d.start_date]
        if dates and not range_tail(toks, dates[0]):
            first, last = _in_year(dates[0], year)
            if first is not None:
                yield Fact(ev, "startDate", Value(first.isoformat(), "date"), src, "event.written-session", conf)
                yield Fact(ev, "endDate", Value(last.isoformat(), "date"), src, "event.written-session", conf)


def _in_year(d, year: int):
    """(first, last day) of a part's date in its meeting's year: a date whose year was not written takes the
    meeting's (صباح 21 تشرين الثاني … لما بعد عام 2015 is no day of 2015); a written year of another is none."""
    first, last = d.start_date, d.end_date or d.start_date
    if first.year == year:
        return first, last
    if d.year_inferred:
        try:
            return first.replace(year=year), last.replace(year=year + (last.year - first.year))
        except ValueError:               # 29 February
            return None, None
    return None, None


def supplement(ctx, src, toks: Tokens, ref: Ref, given: list, e: int):
    """Location and dates, read the written way, for a meeting a report rule found (``الاجتماع الثالث
    للمنتدى … الذي تستضيفه اليونان وانطلقت أعماله أمس … في العاصمة أثينا``) when that rule gave none."""
    have = {f.predicate for f in given if f.subject.key == ref.event.key}
    _lo, hi = toks.token_range(ref.start, e)
    i = toks.index_at(ref.start)
    j = governing_verb(toks, toks.index_at(ref.end), hi)
    if j is None and held_subject(toks, i):
        j = toks.index_at(ref.end)          # عقد الاجتماع السادس للمنتدى يومي 21 و 22 … في …
    if j is None or any(load().is_a(toks, k, "session_noun") for k in range(max(0, i - 3), i)):
        return
    doc_day = document_day(ctx.document)
    extra = Ref(ref.start, ref.end, ref.event, ref.process, ANAPHOR_ID, ref.status,
                place=None if "location" in have else place_after(toks, j, hi),
                dates=() if "startDate" in have else tuple(own_dates(ctx, toks, j, hi, doc_day)),
                phases=() if "startDate" in have else phase_dates(toks, _sentence_bounds(toks, i)[0], hi, doc_day))
    if extra.status == PLANNED and "startDate" not in have:
        extra.dates = ()
    yield from ref_facts(src, extra)


def ref_facts(src, ref: Ref):
    """partOf, year, ordinal, location and dates of a meeting found by :func:`find`."""
    ev = ref.event
    if any(d.precision != "day" for _, d in ref.phases):      # اختتمت … عام 2017: a year is no first or last day
        ref = replace(ref, phases=tuple((p, d) for p, d in ref.phases if d.precision == "day"))
    if ref.process is not None and ref.rule in (RULE_ID, LIST_ID, SIDE_ID):
        yield Fact(ev, "partOf", ref.process, src, ref.rule, REGISTRY.confidence(ref.rule))
    if ref.year and (ref.rule in (RULE_ID, LIST_ID, OWNED_ID, SIDE_ID) or (ref.rule == ANAPHOR_ID and key_year(ev) is None)):
        yield year_fact(ev, ref.year, src)
    if ref.ordinal:
        yield Fact(ev, "ordinal", Value(str(ref.ordinal), "integer"), src, RULE_ID, CONF)
    if ref.place is not None:
        rule = ref.place_rule or "event.written-location"
        yield Fact(ev, "location", ref.place, src, rule, REGISTRY.confidence(rule))
    if ref.status == HELD:
        for who in ref.members:
            yield Fact(who, "participatesIn", ev, src, MEMBERS_ID, RULES[MEMBERS_ID][1])
    start = next((d.start_date for p, d in ref.phases if p == "start"), None)
    end = next((d.end_date or d.start_date for p, d in ref.phases if p == "end"), None)
    phased = {(d.start, d.end) for _, d in ref.phases}
    ends = {(d.start, d.end) for p, d in ref.phases if p == "end"}
    days = [d for d in ref.dates if d.precision == "day" and d.start_date and (d.start, d.end) not in ends]
    year = ref.year or key_year(ev)
    if year:                 # a day of another year later in the sentence is not this meeting's (… عام 2005 … ثم
        days = [d for d in days if d.start_date.year == year]      # اعتمد المجلس الإطار في 12 آذار/مارس 2006)
    if days and start is None:
        d = days[0]
        start = d.start_date
        if end is None and (d.start, d.end) not in phased and not d.relative:
            end = d.end_date or d.start_date     # a relative day (أمس) dates the news, not the meeting's length
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

