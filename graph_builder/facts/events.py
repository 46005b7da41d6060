"""Event facts: meetings of processes, their sessions and workshops, where, when, who hosted and chaired.

This module walks a document sentence by sentence and hands each job to its module:
``process_meetings.py`` (which meetings of a process a sentence names, what the document says of
them), ``named_meetings.py`` (meetings outside known processes), ``meeting_details.py`` (partOf,
year, location, dates, hosts, theme, participants), ``meeting_parts.py`` (workshops, civil
society days, round tables), ``event_chairs.py`` (chairs of a year's meeting) and ``sessions.py``
(the sessions and co-chairs of a chair's report). ``event_common.py`` holds the rule table
(re-exported here as :data:`RULES`). Every event gets mdkg:year.

It does not find commitments (``commitments.py``) nor topics, memberships or roles.
"""
from __future__ import annotations

from .context import FactContext, sentences
from .event_chairs import meeting_chairs
from .event_common import RULES, Ref, year_fact
from .meeting_details import convened, hosts, participants, ref_facts, themes
from .meeting_parts import civil_society, roundtables, workshops
from .named_meetings import named_meeting_facts
from .naming import rx, ORDINAL_RE
from .process_meetings import DocState, learn_document, sentence_refs
from .sessions import session_facts

# The public names of this module (kept where they were before it was split).
__all__ = ["RULES", "extract", "Ref", "DocState", "year_fact", "named_meeting_facts"]

BARE_MEETING = rx(r"(?<![\w])(?:و|ف)?الاجتماع(?![\w])(?! (?:" + ORDINAL_RE + r"|الحكومي|المواضيعي|الوزاري|التنسيقي))")
PRONOUN_PARTICIPANTS = rx(r"شارك(?:ت)? (?:فيه|فيها) ")


def extract(ctx: FactContext):
    state = learn_document(ctx)
    for para in ctx.document.paragraphs:
        yield from _paragraph_facts(ctx, state, para)
    for fn in ctx.document.footnotes:
        if fn.text:
            yield from _paragraph_facts(ctx, state, fn)
    yield from session_facts(ctx, state)


# ---------------------------------------------------------------- facts of paragraphs

def _paragraph_facts(ctx: FactContext, st: DocState, src):
    v = st.view(src)
    last: Ref | None = None
    for s, e in sentences(src.text):
        refs = sentence_refs(ctx, st, src, v, s, e)
        if not refs and last is not None:
            bare = [(ms, me) for m, ms, me in v.finditer(BARE_MEETING, s, e)]
            bare += [(ms, me) for m, ms, me in v.finditer(PRONOUN_PARTICIPANTS, s, e)]
            if bare:
                refs = [Ref(bare[0][0], bare[0][1], last.event, last.process, "")]
        yield from civil_society(ctx, st, src, v, refs, last, s, e)
        if not refs:
            yield from workshops(ctx, st, src, v, refs, s, e)
            continue
        for i, ref in enumerate(refs):
            scope_end = refs[i + 1].start if i + 1 < len(refs) else e
            if ref.rule == "event.named-meeting":
                yield from named_meeting_facts(ctx, src, v, ref, s, e)
                continue
            yield from ref_facts(ctx, st, src, v, ref, s if i == 0 else ref.start, ref.end, scope_end)
        yield from convened(ctx, src, v, refs, s)
        yield from roundtables(src, v, refs, s, e)
        yield from hosts(ctx, src, v, refs, s, e)
        yield from themes(src, v, refs, s, e)
        yield from participants(src, v, refs, s, e)
        yield from workshops(ctx, st, src, v, refs, s, e)
        last = refs[-1]
    yield from meeting_chairs(ctx, st, src, v)
