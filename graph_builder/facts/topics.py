"""Topic facts: ``mdkg:addresses`` from an organization, process, event or commitment to the
development topics that its own sentences attribute to it.

A fact needs a *focus cue* (يركز على، تتناول، بحث، ناقش، تعمل على، تهدف إلى، تسعى إلى، تدعم،
مجال اهتمام، تبدي اهتماما …) and a *subject* the sentence gives that cue:

* ``topics.focus-verb``: an entity named right after the verb (verb–subject order, the usual
  order of these reports), with its co-ordinated siblings (``عمليتا X و Y``), or the entity a
  relative clause hangs on (``X، التي تتناول …``);
* ``topics.anaphor``: a definite head noun standing for a name (``الصندوق``، ``المفوضية``،
  ``الشعبة``) resolved to the latest entity of the paragraph (or of the paragraphs before it in
  the same section) whose Arabic name begins with that noun;
* ``topics.paragraph-subject``: no written subject (a pronoun in the verb): the entity the
  paragraph is about, i.e. the subject of the latest sentence that names one;
* ``topics.interest``: ``مجال اهتمام X`` with the topics before it;
* commitments (read from ``commitments.extract``) are subjects like names: ``topics.name`` (a
  declaration/fund whose own name says what it is about; its adopter does not get those topics),
  ``topics.commitment-clause`` (``… إطارا … أهاب فيه …``), head nouns (``المرفق``، ``البرنامج``) and
  ``topics.recommendation`` (a session's numbered recommendation names its topics, examples in
  parentheses aside);
* sessions (read from ``events.extract``): ``topics.heading`` (the session's heading or a sub-heading
  of its part of the report) and ``topics.purpose`` (``الهدف من الجلسة …``);
* ``topics.adjective``: ``X ("…")، المعنية ب…`` up to the next comma.

The topics are the topic mentions (found by the matcher from the cue phrases of the topic
gazetteer) that follow the cue and its subject up to the next cue or the end of the sentence.
Sentences are split at full stops only: the reports list topics across semicolons.

It does not recognise entities (the matcher does), does not look at co-occurrence alone, and
knows nothing of a particular report. This module walks the paragraphs and makes the cue facts;
the jobs it hands on: ``topic_rules.py`` (the rule table, re-exported here), ``topic_cues.py``
(the cues), ``topic_subjects.py`` (the subject of a cue), ``topic_objects.py`` (the topics of a
span), ``topic_structure.py`` (heading, name, recommendation and commitment-clause facts),
``family_findings.py`` (the events and commitments of the sibling families) and ``clause_subjects.py``
(tokens, sentence subjects, anaphora; shared with ``actors.py``).
"""
from __future__ import annotations

import re

from ..text.arabic import fold

from ..recognise.findings import Fact, Mention
from . import (dedupe, topic_agenda, topic_clauses, topic_copula, topic_lists, topic_priorities,
               topic_objectives, topic_process_names, topic_purpose, topic_sessions, topic_themes)
from .fact_context import FactContext
from .clause_subjects import NON_SUBJECT_KINDS, Subject, Text, resolve_anaphor, sentence_subject, subject_after
from .family_findings import KnownEvents, known_commitments, known_events
from .topic_cues import PLATFORM_NOUNS, Cue, find_cues
from .topic_objects import fact_subjects, topic_names, topics_in, topics_in_names
from .topic_rules import RULES, SUBJECT_CLASSES
from .topic_structure import (commitment_clause_facts, heading_facts, instrument_name_facts, name_facts,
                              recommendation_facts)
from .topic_subjects import cue_subject, demonstrative_subject, resolve_head, topical_front

# The public names of this module (kept where they were before it was split).
__all__ = ["RULES", "SUBJECT_CLASSES", "extract", "Text", "Subject", "subject_after", "sentence_subject",
           "resolve_anaphor", "known_events", "known_commitments", "topic_names"]

def _paragraph_facts(names: list, source, text: Text, carried: list[Mention],
                     events: KnownEvents, by_ordinal: dict | None = None) -> tuple[list[Fact], list[Mention]]:
    """Facts of one paragraph; returns them and the mentions that stay in scope for anaphora."""
    facts: list[Fact] = []
    focus: list[Mention] = []
    subjects: list[Mention] = []
    scope = list(carried)
    for s_start, s_end in text.sentences():
        s_subj = sentence_subject(text, s_start, s_end)
        resolved_sentence: list[Mention] = []
        if s_subj.kind == "explicit":
            resolved_sentence = s_subj.mentions
        elif s_subj.kind == "anaphor":
            r = resolve_head(text, source, s_subj.head, scope + [m for m in text.mentions if m.end < s_subj.end],
                             events, subjects)
            resolved_sentence = [r] if r else []
        cues = find_cues(text, s_start, s_end)
        other_subject = demonstrative_subject(text, s_start, s_end)
        front = topical_front(text, s_start, cues[0].start) if cues else None
        for n, cue in enumerate(cues):
            seg_end = cues[n + 1].start if n + 1 < len(cues) else s_end
            earlier = scope + [m for m in text.mentions if m.end <= cue.start]
            if cue.role == "interest":
                facts.extend(_interest_facts(text, source, cue, s_start, s_end))
                continue
            if cue.role == "adjective":
                facts.extend(_adjective_facts(text, source, cue, s_start, seg_end))
                continue
            subjects_, rule, obj_start = cue_subject(text, source, cue, seg_end, s_start, earlier,
                                                     resolved_sentence, focus, events, subjects)
            if not subjects_ or (rule == "topics.paragraph-subject" and other_subject):
                continue
            if obj_start > seg_end:       # the subject had an insertion with a cue in it: go on past it
                seg_end = next((c.start for c in cues if c.start >= obj_start), s_end)
            if rule == "topics.paragraph-subject" and _held_own_meeting(text, s_start, cue.start):
                ev = events.meeting(source) or _own_meeting_by_ordinal(text, s_start, cue.start, by_ordinal or {})
                # وعقد المؤتمر اجتماعه (الحادي والعشرين) … وركز على …: the meeting focused, and so did the process
                # that held it (the verb's subject)
                held = [m for m in subjects_ if m.entity.kind == "process"]
                subjects_ = ([Mention(ev, source, cue.start, cue.start, "", "topics.event-anaphor")] if ev else []) + held
                if not subjects_:
                    continue
            if cue.word in PLATFORM_NOUNS:            # منبرا للتشاور بشأن X، …: X's clause only
                close = re.search(r"[،,؛;]", text.original[obj_start:seg_end])
                seg_end = obj_start + close.start() if close else seg_end
            if cue.strength == "support":
                rule = "topics.support"
            conf = RULES[rule][1]
            found = topics_in(text, obj_start, seg_end, subjects_)
            if n == 0 and front is not None:
                found += [t for t in topics_in(text, front[0], front[1], subjects_) if t not in found]
            if cue.strength == "support":
                found += [t for t in topics_in_names(names, text, obj_start, seg_end, subjects_) if t not in found]
            for e in fact_subjects(subjects_):
                for t in found:
                    facts.append(Fact(e, "addresses", t, source, rule, conf))
        if resolved_sentence:
            focus = resolved_sentence
            subjects.extend(resolved_sentence)
        scope.extend(m for m in text.mentions if s_start <= m.start < s_end)
    facts.extend(commitment_clause_facts(text, source))
    return facts, [m for m in scope if m.entity.kind not in NON_SUBJECT_KINDS | {"state"}]


_HELD = frozenset(fold(w) for w in ("عقد", "عقدت", "وعقد", "وعقدت", "عقدا", "وعقدا"))
OWN_WINDOW = 9             # tokens after the verb where اجتماعه may stand (past a subject of several words)
_OWN_MEETING = re.compile(r"^(?:ال)?(?:اجتماع|مؤتمر|لقاء|دورت|قمت|منتدا|مشاورت)\w*(?:ه|ها|هم)$")


def _own_meeting_by_ordinal(text: Text, s_start: int, cue_start: int, by_ordinal: dict):
    """The meeting the event rules found with the ordinal written after ``اجتماعه`` (a paragraph that names
    two meetings of the process: ``اجتماعه الحادي والعشرين`` … ``اجتماعه الثالث عشر``), else None."""
    from ..values.ordinals import find_ordinals     # noqa: PLC0415
    toks = [t for t in text.tokens if s_start <= t.start < cue_start]
    held = next((n for n, t in enumerate(toks) if t.word in _HELD), None)
    if held is None:
        return None
    own = next((t for t in toks[held + 1:held + OWN_WINDOW] if _OWN_MEETING.match(t.bare)), None)
    if own is None:
        return None
    found = [o for o in find_ordinals(text.original[own.end:cue_start]) if o.start <= 2]
    if not found:
        return None
    meetings = by_ordinal.get(str(found[0].value), [])
    return meetings[0] if len(meetings) == 1 else None


def _held_own_meeting(text: Text, s_start: int, cue_start: int) -> bool:
    """Does the sentence, before the cue, say that its subject held its own meeting (وعقد المؤتمر
    اجتماعه الحادي والعشرين …، وركز على …)? The cue's unwritten subject is then that meeting."""
    toks = [t for t in text.tokens if s_start <= t.start < cue_start]
    held = next((n for n, t in enumerate(toks) if t.word in _HELD), None)
    return held is not None and any(_OWN_MEETING.match(t.bare) for t in toks[held + 1:held + OWN_WINDOW])


def _adjective_facts(text: Text, source, cue: Cue, s_start: int, seg_end: int) -> list[Fact]:
    """``X ("Y")، المعنية (في المقام الأول) بـ…``: X addresses the topics up to the next comma."""
    before = [m for m in text.mentions if s_start <= m.start and m.end <= cue.start]
    if not before:
        return []
    gap = re.sub(r"\([^)]*\)|\"[^\"]*\"|«[^»]*»", " ", text.original[before[-1].end:cue.start])
    if gap.strip(" ،,\"“”()") or before[-1].entity.cls not in SUBJECT_CLASSES:
        return []
    close = re.search(r"[،,؛;]", text.original[cue.end:seg_end])
    end = cue.end + close.start() if close else seg_end
    conf = RULES["topics.adjective"][1]
    return [Fact(before[-1].entity, "addresses", t, source, "topics.adjective", conf)
            for t in topics_in(text, cue.end, end, [before[-1]])]


def _interest_facts(text: Text, source, cue: Cue, s_start: int, s_end: int) -> list[Fact]:
    """``مجال اهتمام X``: X addresses the topics named before it in the sentence."""
    subj = subject_after(text, cue.end, s_end, max_tokens=2)
    if subj.kind != "explicit":
        return []
    conf = RULES["topics.interest"][1]
    return [Fact(e, "addresses", t, source, "topics.interest", conf)
            for t in topics_in(text, s_start, cue.start, subj.mentions) for e in fact_subjects(subj.mentions)]


def extract(ctx: FactContext) -> list[Fact]:
    facts: list[Fact] = []
    carried: list[Mention] = []
    section = object()
    events = known_events(ctx)
    commitments = known_commitments(ctx)
    facts.extend(heading_facts(ctx, events))
    names = topic_names(ctx)
    by_ordinal = topic_sessions.meetings_by_ordinal(ctx)
    for p in ctx.paragraphs():
        if p.section is not section:
            carried, section = [], p.section
        mentions = ctx.mentions_in(p)
        keys = {m.entity.key for m in mentions}
        named = [m for m in commitments.names.get(id(p), []) if m.entity.key not in keys]
        text = Text(p.text, mentions + named)
        facts.extend(name_facts(text, p))
        facts.extend(instrument_name_facts(ctx, p, mentions))
        facts.extend(recommendation_facts(text, p, commitments.items.get(id(p), [])))
        new, carried = _paragraph_facts(names, p, text, carried, events, by_ordinal)
        facts.extend(new)
    facts.extend(topic_purpose.extract(ctx, events))
    facts.extend(topic_sessions.extract(ctx))
    facts.extend(topic_sessions.titled_meeting_facts(ctx))
    facts.extend(topic_lists.extract(ctx))
    facts.extend(topic_copula.extract(ctx))
    facts.extend(topic_agenda.extract(ctx))
    facts.extend(topic_clauses.extract(ctx))
    facts.extend(topic_process_names.extract(ctx))
    facts.extend(topic_themes.extract(ctx))
    facts.extend(topic_objectives.extract(ctx))
    facts.extend(topic_priorities.extract(ctx))
    return dedupe(facts)
