"""Event facts: meetings of processes, their sessions and workshops, where, when, who hosted and chaired.

This module walks a document sentence by sentence and hands each job to its module:
``process_meetings.py`` (which meetings of a process a sentence names, what the document says of
them), ``written_meetings.py`` (meetings named the way a writer names them), ``meeting_details.py`` (partOf,
year, location, dates, hosts, theme, participants), ``meeting_parts.py`` (workshops, civil
society days, round tables), ``event_chairs.py`` (chairs of a year's meeting) and ``sessions.py``
(the sessions and co-chairs of a chair's report). ``event_common.py`` holds the rule table
(re-exported here as :data:`RULES`). Every event gets mdkg:year.

It does not find commitments (``commitments.py``) nor topics, memberships or roles.
"""
from __future__ import annotations

from dataclasses import replace

from . import meeting_organisers, meeting_relations, process_chairs, session_chairs, speakers, written_meetings
from . import absence, event_status, meeting_coref
from .meeting_coref import Chain, MeetingIndex
from .meeting_setting import dates_of, ordinals_of, phase_before, phase_dates
from .fact_context import FactContext, sentences
from .event_chairs import meeting_chairs
from .event_common import RULES, Ref, dates_in, year_fact
from .event_status import HELD, PLANNED, clause_status, document_day
from ..text.word_classes import load
from .meeting_details import convened, participants, ref_facts, quoted_themes, themes
from .meeting_parts import civil_society, roundtables, workshops
from .minting import rx, ORDINAL_RE
from .process_meetings import DocState, learn_document, sentence_refs
from .sessions import session_facts
from .rules import REGISTRY, Rule, register

# The public names of this module (kept where they were before it was split).
__all__ = ["RULES", "extract", "Ref", "DocState", "year_fact"]

# a bare الاجتماع takes up the paragraph's last meeting, unless a held clause of its own follows it (… بعد الاجتماع
# المنعقد بمدينة وهران سنة 2005: another meeting, the written rule's to name)
BARE_MEETING = rx(r"(?<![\w])(?:و|ف)?الاجتماع(?![\w])(?! (?:" + ORDINAL_RE + r"|الحكومي|المواضيعي|الوزاري|التنسيقي"
                  r"|المنعقد|المنعقدة|المعقود|الذي عقد|الذي انعقد"
                  r"|المقبل|القادم|التالي|المرتقب|المزمع|السابق)(?![\w]))")   # the next or previous meeting is another
PRONOUN_PARTICIPANTS = rx(r"شارك(?:ت)? (?:فيه|فيها) ")


_FRAMING = frozenset({"بعد", "عقب", "قبل", "اثر"})


def _framing(toks, ref) -> bool:
    """The meeting is named as the time of something else (``بعد الندوة ال14 المنعقدة بالجزائر …``, ``عقب
    القمة``): later sentences that name no meeting do not take it up, and it is not the paragraph's last."""
    k = toks.index_at(ref.start)
    return k > 0 and toks.tokens[k - 1].norm.lstrip("و") in _FRAMING


def extract(ctx: FactContext):
    state = learn_document(ctx)
    ctx.meeting_index = MeetingIndex()
    _learn_written(ctx, state)
    state.title_meeting = written_meetings.title_meeting(ctx, state)
    written_meetings.heading_meetings(ctx, state)
    state.chain = Chain()
    head = state.headline = state.title_meeting or written_meetings.title_meeting(ctx, state, planned=True)
    if head is not None:
        state.chain.add(head)          # the headline's meeting, held or announced: what the lead's "the conference" is
        if head.status == PLANNED:
            state.planned_keys.add(head.event.key)
    facts = []
    for para in ctx.document.paragraphs:
        facts.extend(absence.drop_absent(ctx.tokens(para), _paragraph_facts(ctx, state, para)))
    for fn in ctx.document.footnotes:
        if fn.text:
            facts.extend(absence.drop_absent(ctx.tokens(fn), _paragraph_facts(ctx, state, fn)))
    facts.extend(written_meetings.heading_facts(ctx, state))
    facts.extend(session_facts(ctx, state))
    facts.extend(_title_facts(ctx, state, facts))
    return _settle(facts, state.planned_keys - state.held_keys, state.opened_keys & state.planned_keys)


TITLE_ID = "event.title-meeting"
register(Rule(TITLE_ID, ("partOf", "year", "ordinal", "location", "startDate", "endDate"), 0.75,
              ("document.title", "meeting_noun", "entity:process", "entity:place", "values:ordinal"),
              "the meeting a headline names (افتتاح المؤتمر الوزاري الخامس لعملية الخرطوم في القاهرة), taken up in the body "
              "(وشارك في المؤتمر …): its process, ordinal, place and dates as the headline writes them, evidenced by the "
              "first body paragraph that takes it up (a title has no paragraph of its own)", "events"))


def _title_facts(ctx: FactContext, st: DocState, facts: list):
    """What the headline says of its meeting when the body only takes it up: partOf, year, ordinal, location and
    dates from the title, on the first body paragraph that refers to the meeting, for each predicate the body
    does not give that meeting itself; none when the body names another meeting of the title's process by its
    own name (perhaps the same one under another key: its year where the title has its number)."""
    ref = st.headline
    if ref is None:
        return
    first = next((p for p in ctx.document.paragraphs
                  if any(r.event.key == ref.event.key for r in ctx.meeting_index.refs(p))), None)
    if first is None and ref.rule == written_meetings.TITLE_PAGE_ID and ctx.document.paragraphs:
        first = ctx.document.paragraphs[0]      # the page of a process's meeting of a year: its first paragraph
    if first is None or any(r.how == "named" and r.event.key != ref.event.key
                            and (ref.process is None or r.event.slug.startswith(f"{ref.process.slug}-"))
                            for p in ctx.document.paragraphs for r in ctx.meeting_index.refs(p)):
        return          # the body names another meeting of that process (or any, for a meeting of no process)
    have = {f.predicate for f in facts if getattr(f.subject, "key", None) == ref.event.key and f.predicate != "participatesIn"}
    conf = REGISTRY.confidence(TITLE_ID)
    for f in written_meetings.ref_facts(first, replace(ref, rule=written_meetings.RULE_ID)):
        if f.predicate not in have:
            yield replace(f, rule=TITLE_ID, confidence=conf)


def _learn_written(ctx: FactContext, st: DocState) -> None:
    """A first pass over the written meetings: the year the document gives each numbered meeting
    (``القمة التاسعة`` in one paragraph, ``انطلقت أعمال القمة يوم 2016-12-10`` in the next)."""
    for src in ctx.document.paragraphs:
        toks = ctx.tokens(src)
        marks = dates_of(toks, document_day(ctx.document)) + ordinals_of(toks)
        for s, e in sentences(src.text):
            if any(s <= d.start < e for d in marks):      # a year is learnt from a dated or numbered meeting
                written_meetings.find(ctx, st, src, toks, s, e, [])
    st.last_meeting = st.last_source = st.main_meeting = None     # pass 2 names them with the years learned


# Relations a planned meeting does not have yet: its host is a planned host; chairs, participants
# and counts announced for it are left out.
_NOT_YET = {"chairedBy", "coChairedBy", "participatesIn", "participantCount", "stateCount", "delegateCount",
            "organizationCount"}


def _settle(facts, planned: set, announced_held: set = frozenset()):
    """One class per meeting in a document (PlannedMeeting only when every reference to it is planned),
    hostedBy of a planned meeting as plannedHost and the announced host of a meeting the text announces and
    then reports held by a verb that governs it (``announced_held``: ``انطلقت أعمال الاجتماع``, not a past verb of
    something else in its sentence) as its host, and one fact per (subject, predicate, object, evidence)."""
    out, seen = [], {}
    for f in facts:
        subj, obj = f.subject, f.object
        if getattr(subj, "kind", "") == "event":
            subj = replace(subj, cls=written_meetings.PLANNED_CLASS if subj.key in planned else
                           ("Meeting" if subj.cls == written_meetings.PLANNED_CLASS else subj.cls))
        if getattr(obj, "kind", "") == "event":
            obj = replace(obj, cls=written_meetings.PLANNED_CLASS if obj.key in planned else
                          ("Meeting" if obj.cls == written_meetings.PLANNED_CLASS else obj.cls))
        pred = f.predicate
        planned_subj = getattr(subj, "key", None) in planned
        if planned_subj and pred == "hostedBy":
            pred = "plannedHost"
        elif pred == "plannedHost" and getattr(subj, "key", None) in announced_held:
            pred = "hostedBy"       # announced (من المقرر أن تستضيف أبوظبي الاجتماع), then reported held in the same text
        if (planned_subj and pred in _NOT_YET) or (pred == "participatesIn" and getattr(obj, "key", None) in planned):
            continue
        if (subj, pred, obj) != (f.subject, f.predicate, f.object):
            f = replace(f, subject=subj, predicate=pred, object=obj)
        key = (f.subject.key, f.predicate, f.object.key if hasattr(f.object, "key") else f.object, id(f.evidence))
        if key in seen:
            continue
        seen[key] = f
        out.append(f)
    return out


# ---------------------------------------------------------------- facts of paragraphs

def _remember(ctx: FactContext, st: DocState, src, refs: list[Ref]) -> None:
    """Record a sentence's meetings in the document's index (what every family reads) and add every one it
    names (not takes up) to the chain of antecedents, held or planned (a preview article's meeting, the
    conference a preparatory meeting prepares), but not the next meeting of a series (القمة المقبلة)."""
    for r in refs:
        anaphor = r.rule in ("", written_meetings.ANAPHOR_ID)
        ctx.meeting_index.add(src, r.start, r.end, r.event, r.status, "anaphor" if anaphor else "named")
        if anaphor or r.event.kind != "event":
            continue
        if r.status == PLANNED and meeting_coref.next_meeting(ctx.tokens(src), r):
            continue
        st.chain.add(r)


def _taken_meeting(st: DocState, toks, ref: Ref, last: Ref | None) -> Ref:
    """A sentence's participation word taking up a meeting (``ويشارك في المؤتمر …``): when it is a meeting
    noun the paragraph's last meeting may not be named by, the most recent meeting of the chain it may name (the
    conference, not the preparatory meeting named after it), else ``ref`` as it was taken up."""
    k = toks.index_at(ref.start)
    noun = load().is_a(toks, k, "meeting_noun")
    if noun is None:
        return ref
    pointed = meeting_coref.demonstrative(toks, k, noun.j, max(0, k - 1), len(toks.tokens))
    kind = noun.feature("kind", "meeting")
    if last is None or meeting_coref.compatible(kind, last.kind, last.process, pointed):
        return ref                  # the paragraph's last meeting is one the noun may name: it is the one
    ante = meeting_coref.resolve(st.chain, kind, pointed)
    if ante is None or ante.event.key == ref.event.key:
        return ref
    return replace(ref, event=ante.event, process=ante.process, status=ante.status)


def _pronoun_meeting(st: DocState, toks, s: int, e: int, last: Ref | None, day) -> Ref | None:
    """A sentence that names no meeting but takes one up with a pronoun on a proceedings noun (``والتقى الوزير
    على هامشه بنظيره``، ``واختتمت أعماله أمس``): the last meeting of the chain (or of the paragraph), held or
    planned as it was named, dated by a start or end verb that governs the pronoun; None when the clause is
    planned about a meeting held (what it will do then says nothing of the meeting)."""
    lo, hi = toks.token_range(s, e)
    anchor = meeting_coref.pronoun_anchor(toks, lo, hi)
    if anchor is None:
        return None
    ante = meeting_coref.resolve(st.chain, None, extra=[last] if last is not None else [])
    if ante is None:
        return None
    status = clause_status(toks, anchor.i, doc_day=day)
    if status == PLANNED and ante.status != PLANNED:
        return None
    t = toks.tokens[anchor.i]
    phases = phase_dates(toks, lo, hi, day) if phase_before(toks, lo, anchor.i + 1) else ()
    return Ref(t.start, t.end, ante.event, ante.process, written_meetings.ANAPHOR_ID, ante.status, None, None, (),
               None, ante.kind, phases)


def _paragraph_facts(ctx: FactContext, st: DocState, src):
    v = st.view(src)
    toks = ctx.tokens(src)
    day = document_day(ctx.document)
    last: Ref | None = None
    head = written_meetings.section_meeting(st, src)     # the meeting the section's heading names
    part: Ref | None = None          # the civil society days the paragraph names (their counts)
    for s, e in sentences(src.text):
        refs = sentence_refs(ctx, st, src, v, s, e)
        if not refs and last is not None:
            bare = [(ms, me) for m, ms, me in v.finditer(BARE_MEETING, s, e)]
            bare += [(ms, me) for m, ms, me in v.finditer(PRONOUN_PARTICIPANTS, s, e)]
            if bare:
                refs = [Ref(bare[0][0], bare[0][1], last.event, last.process, "", last.status)]
        for r in refs:
            if r.rule:
                r.status = clause_status(toks, toks.index_at(r.start), dates=dates_in(v.text, r.end, e), doc_day=day)
        written = written_meetings.find(ctx, st, src, toks, s, e, refs)
        if not refs and not written and last is None and head is not None:
            bare = [(ms, me) for m, ms, me in v.finditer(BARE_MEETING, s, e)]
            refs = [Ref(bare[0][0], bare[0][1], head.event, head.process, "", head.status)] if bare else []
        if not refs and not written:
            taken = _pronoun_meeting(st, toks, s, e, last, day)     # على هامشه، خلالها، في ختام أعماله
            written = [taken] if taken is not None else []
        named = [r for r in refs + written if written_meetings.identified(r) and not _framing(toks, r)]
        if named and named[-1].status != PLANNED:
            st.last_meeting, st.last_source = max(named, key=lambda r: r.start), src
            if st.main_meeting is None and st.last_meeting.status == HELD:
                st.main_meeting = st.last_meeting
        for r in refs + written:
            if r.status == PLANNED:
                st.planned_keys.add(r.event.key)
            elif r.status == HELD:
                st.held_keys.add(r.event.key)
                if event_status.opened(toks, toks.index_at(r.start)):
                    st.opened_keys.add(r.event.key)
        _remember(ctx, st, src, refs + written)
        parts = list(civil_society(ctx, st, src, v, refs, last, s, e))
        yield from parts
        part = next((Ref(s, e, f.subject, None, "", HELD) for f in parts if f.predicate == "partOf"), part)
        yield from process_chairs.chairmanships(ctx, st, src, toks, sorted(refs + written, key=lambda r: r.start), s, e)
        yield from session_chairs.session_chairs(ctx, st, src, toks, refs + written, s, e)
        if not refs and not written:
            up = [part] if part is not None else meeting_relations.taken_up(toks, last or st.last_meeting, s, e)
            up = [_taken_meeting(st, toks, r, last) for r in up]
            if up:
                for r in up:
                    ctx.meeting_index.add(src, r.start, r.end, r.event, r.status, "anaphor")
                yield from meeting_relations.pattern_facts(ctx, src, toks, up, s, e)
                yield from meeting_relations.participant_lists(ctx, src, toks, up, s, e)
                yield from meeting_relations.chairs(ctx, src, toks, up, s, e)
            held = last or st.last_meeting
            taken = Ref(s, s, held.event, held.process, "", held.status) if held is not None else None
            yield from speakers.speakers(ctx, src, toks, [], taken, s, e)
            yield from speakers.delegations(ctx, src, toks, [], taken, s, e)
            yield from speakers.delegation_members(ctx, src, toks, [], taken, s, e)
            yield from workshops(ctx, st, src, v, refs, s, e)
            yield from written_meetings.sessions(ctx, st, src, toks, [], s, e)
            yield from quoted_themes(src, toks, v, [], held, s, e)
            continue
        for i, ref in enumerate(refs):
            scope_end = refs[i + 1].start if i + 1 < len(refs) else e
            given = list(ref_facts(ctx, st, src, v, ref, s if i == 0 else ref.start, ref.end, scope_end))
            yield from given
            if ref.rule and ref.process is not None:
                yield from written_meetings.supplement(ctx, src, toks, ref, given, scope_end)
        old_ws = list(workshops(ctx, st, src, v, refs, s, e))
        ws_places = {f.object.key for f in old_ws if f.predicate == "location"}
        written = [r for r in written if not (r.place is not None and r.place.key in ws_places)]
        for ref in written:
            yield from written_meetings.ref_facts(src, ref)
        every = sorted(refs + written, key=lambda r: r.start)
        yield from convened(ctx, src, v, refs, s)
        yield from roundtables(src, v, refs, s, e)
        hosting = list(meeting_relations.hosts(ctx, src, toks, every, s, e))
        hosting += meeting_organisers.organisers(src, toks, every, s, e)
        yield from hosting
        hosts = meeting_organisers.hosts_of(hosting)
        yield from meeting_organisers.organised_after(src, toks, every, s, e, hosts)
        yield from meeting_organisers.co_organisers(src, toks, every, s, e, hosts)
        yield from themes(src, v, every, s, e)
        yield from quoted_themes(src, toks, v, every, None, s, e)
        yield from participants(src, v, refs, s, e)
        yield from meeting_relations.chairs(ctx, src, toks, every, s, e)
        yield from meeting_relations.pattern_facts(ctx, src, toks, every, s, e)
        yield from meeting_relations.participant_lists(ctx, src, toks, every, s, e)
        yield from speakers.speakers(ctx, src, toks, every, None, s, e)
        yield from speakers.delegations(ctx, src, toks, every, None, s, e)
        yield from speakers.delegation_members(ctx, src, toks, every, None, s, e)
        yield from written_meetings.sessions(ctx, st, src, toks, every, s, e)
        yield from old_ws
        ahead = [r for r in every if not _framing(toks, r)]
        if ahead:
            last = ahead[-1]
    yield from meeting_chairs(ctx, st, src, v)
