"""The subject of a topic cue: a name written after it, a head noun resolved to a name, the
event a meeting/session head noun stands for, the antecedent of a relative clause, the
sentence's subject, or the entity the paragraph is about — and where the cue's object starts.

It does not find cues (``topic_cues.py``) nor the topics of the object (``topic_objects.py``).
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..recognise.findings import Entity, Mention
from .clause_subjects import (ANAPHORS, FILLERS, RELATIVES, Subject, Text, folded_set, resolve_anaphor,
                      subject_after)
from .family_findings import KnownEvents
from .topic_cues import Cue

# Fronted phrases that name what the statement after them is about (وبالنسبة للمشاكل الناجمة عن …، ركز X على …).
TOPICAL_FRONT = folded_set(("بالنسبة", "فيما", "وفيما", "وبالنسبة"))
# Nouns for what an entity does, after a demonstrative (وتتضمن هذه الأنشطة …، أظهرت هذه البحوث …).
ACTIVITY_NOUNS = folded_set(("الأنشطة", "البحوث", "الدراسات", "الجهود", "الأعمال", "البرامج", "المشاريع", "الشبكات"))
# Nouns that are the written subject of a verb without being an entity (the verb then has no
# pronoun subject to resolve).
NON_ENTITY_SUBJECTS = frozenset(fold(w) for w in (
    "التقرير", "الدراسة", "الحكومات", "الدول", "البلدان", "المشاركون", "المندوبون", "الوفود", "المناقشة",
    "المناقشات", "الأعضاء", "المجيبين", "المجيبون", "الخبراء", "البيان", "الورقة", "الاستعراض", "المحاضرون"))
# Complementizers: a verbal noun after one belongs to another clause than the sentence's subject.
COMPLEMENTIZERS = frozenset(fold(w) for w in ("أن", "بأن", "إن", "لأن", "وأن", "أنه", "أنها"))

# Head nouns that stand for an event: the meeting a paragraph names, or the session/cluster
# whose section the paragraph is in.
MEETING_HEADS = folded_set(("الاجتماع",))
# heads that name a meeting or a process (المؤتمر الإقليمي المعني بالهجرة، المنتدى العالمي): the paragraph's
# one meeting when it names one, else the latest name written with that head
MEETING_OR_PROCESS_HEADS = folded_set(("المؤتمر", "المنتدى", "اللقاء", "الملتقى", "القمة", "الندوة", "الدورة"))
SESSION_HEADS = folded_set(("الجلسة", "جلسة", "جلسات", "جلستا", "المجموعة", "الجلسات"))
DEMONSTRATIVES = folded_set(("هذا", "هذه", "ذلك", "تلك"))


def _relative_antecedent(text: Text, cue_start: int, sent_start: int) -> Mention | None:
    """``X، التي <cue>``: the mention the relative pronoun right before the cue hangs on."""
    i = text.token_index(cue_start) - 1
    if i < 0 or text.tokens[i].start < sent_start or text.tokens[i].bare not in RELATIVES:
        return None
    before = [m for m in text.mentions if sent_start <= m.start and m.end <= text.tokens[i].start]
    if not before:
        return None
    m = before[-1]
    gap = text.folded(m.end, text.tokens[i].start)
    gap = re.sub(r"\([^)]*\)|\"[^\"]*\"", " ", gap).strip(" ،,")
    return m if len(gap.split()) <= 1 else None


def _object_ok(text: Text, cue: Cue, subj_end: int, limit: int) -> bool:
    """A prepositional cue (يركز على، تهدف إلى، يقوم ب…) needs its preposition after the subject."""
    if not cue.preps:
        return True
    subj_end = _after_insertion(text, subj_end, limit)
    i = text.token_index(subj_end)
    for tok in text.tokens[i:i + 6]:
        if tok.start >= limit:
            break
        for p in cue.preps:
            if tok.word == p or tok.word == "و" + p or (p == "ب" and tok.word.startswith("ب") and len(tok.word) > 3):
                return True
        if tok.word not in FILLERS:
            return False
    return False


def _after_insertion(text: Text, pos: int, limit: int) -> int:
    """Past a comma-delimited insertion that starts right at ``pos`` (``X، من خلال Y، بأنشطة``,
    ``X، الذي أعلن عنه مؤخرا …، على``), when it closes with a comma within 30 words."""
    m = re.match(r"\s*[،,]", text.original[pos:limit])
    if not m:
        return pos
    rest = text.original[pos + m.end():limit]
    close = re.search(r"[،,]", rest)
    if close is None or len(rest[:close.start()].split()) > 30 or re.search(r"[.؛;]", rest[:close.start()]):
        return pos
    return pos + m.end() + close.end()


def _conjoined(text: Text, cue: Cue) -> bool:
    """Is the cue verb joined to the sentence's first verb by و/ف (``… ، وتعمل على …``)?"""
    tok = text.tokens[text.token_index(cue.start)]
    return tok.word != tok.bare


def _complementizer_between(text: Text, start: int, end: int) -> bool:
    return any(start <= t.start < end and t.word in COMPLEMENTIZERS for t in text.tokens)


def _event_mention(ent: Entity, source, pos: int) -> Mention:
    return Mention(ent, source, pos, pos, "", "topics.event-anaphor")


def resolve_head(text: Text, source, head: str, before: list[Mention], events: KnownEvents,
                 subjects: list[Mention] = (), within: tuple[int, int] | None = None) -> Mention | None:
    """A head noun: the meeting or session it stands for (a head that may name either a meeting or a
    process, such as المؤتمر: the paragraph's one meeting if it names one), else the latest subject of the
    paragraph named with that noun, else the latest mention named with it. With ``within`` (where the head is
    written), a meeting head the events family resolved there is that meeting (``يركز الاجتماع على …`` in a
    paragraph that names another meeting later: the noun takes up the meeting named before). Only a noun that
    names nothing but a meeting (الاجتماع; المؤتمر may be the process) and only in a paragraph that names a meeting
    of its own: the index corrects which meeting, it does not give one where the paragraph had none."""
    if within is not None and events.index is not None and head in MEETING_HEADS and events.meeting(source):
        ref = next(iter(events.index.refs(source, *within)), None)
        if ref is not None:
            return _event_mention(ref.event, source, within[0])
    if head in MEETING_HEADS:
        ev = events.meeting(source)
        return _event_mention(ev, source, 0) if ev else None
    if head in SESSION_HEADS:
        ev = events.session(source)
        return _event_mention(ev, source, 0) if ev else None
    if head in MEETING_OR_PROCESS_HEADS:
        ev = events.meeting(source)       # وتناول المؤتمر … in a paragraph about one conference
        if ev:
            return _event_mention(ev, source, 0)
    return resolve_anaphor(head, list(subjects)) or resolve_anaphor(head, before)


def topical_front(text: Text, s_start: int, cue_start: int) -> tuple[int, int] | None:
    """``وبالنسبة ل… / وفيما يتعلق ب…، <cue>``: the span of a fronted phrase that says what the
    statement opened by the cue right after its comma is about."""
    toks = [t for t in text.tokens if s_start <= t.start < cue_start]
    if not toks or toks[0].word not in TOPICAL_FRONT and toks[0].bare not in TOPICAL_FRONT:
        return None
    last = text.original[toks[-1].start:toks[-1].end]
    return (s_start, toks[-1].end) if last.endswith(("،", ",")) and len(toks) <= 30 else None


def demonstrative_subject(text: Text, start: int, end: int) -> bool:
    """Does the sentence open with a verb whose subject is a demonstrative noun phrase that is
    not an entity (``وصمم هذا النهج العالمي ليركز …``)? A pronoun later in it then refers to that
    noun, not to the entity the paragraph is about."""
    toks = [t for t in text.tokens if start <= t.start < end][:4]
    for a, b in zip(toks, toks[1:]):
        if a.bare in DEMONSTRATIVES and b.word.startswith("ال") and b.bare not in ANAPHORS \
                and b.word not in ACTIVITY_NOUNS and text.mention_at(b) is None:
            return True
    return False


def _activity_subject(text: Text, pos: int, limit: int) -> int | None:
    """``هذه الأنشطة/البحوث`` right after a verb ending at ``pos``: where that subject ends."""
    i = text.token_index(pos)
    toks = [t for t in text.tokens[i:i + 3] if t.start < limit]
    if len(toks) >= 2 and toks[0].bare in DEMONSTRATIVES and toks[1].word in ACTIVITY_NOUNS:
        return toks[1].end
    return None


def cue_subject(text: Text, source, cue: Cue, seg_end: int, s_start: int, earlier: list[Mention],
                sentence: list[Mention], focus: list[Mention], events: KnownEvents, subjects: list[Mention] = ()):
    """(subject mentions, rule id, where the object starts) for one cue; ([], "", 0) if none.

    The object may start after ``seg_end`` when the subject carries a comma-delimited insertion."""
    none = ([], "", 0)
    if cue.role == "activity":
        end = _activity_subject(text, cue.end, seg_end)
        if end is not None and focus:
            return focus, "topics.paragraph-subject", end
        # ويتضمن الإعلان / وتتضمن الاتفاقية …: a written noun that names an instrument again
        subj = subject_after(text, cue.end, seg_end, max_tokens=1)
        if subj.kind == "explicit" and all(m.entity.kind == "commitment" for m in subj.mentions):
            return subj.mentions, "topics.focus-verb", _object_start(text, subj.end, seg_end)
        if subj.kind == "anaphor":
            r = resolve_anaphor(subj.head, list(subjects)) or resolve_anaphor(subj.head, earlier)
            if r is not None and r.entity.kind == "commitment":
                return [r], "topics.anaphor", _object_start(text, subj.end, seg_end)
        return none
    if cue.role == "purpose":
        subj = subject_after(text, cue.end, seg_end, max_tokens=2)
        if subj.kind == "explicit":
            return subj.mentions, "topics.purpose", subj.end
        r = resolve_head(text, source, subj.head, earlier, events, subjects) if subj.kind == "anaphor" else None
        return ([r], "topics.purpose", subj.end) if r else none
    limit = max(seg_end, text.sentence_end(cue.start))
    subj = Subject("none", [], cue.end) if cue.role == "masdar" else subject_after(text, cue.end, seg_end)
    if subj.kind == "explicit":
        ok = _object_ok(text, cue, subj.end, limit)
        return (subj.mentions, "topics.focus-verb", _object_start(text, subj.end, limit)) if ok else none
    if subj.kind == "anaphor":
        r = resolve_head(text, source, subj.head, earlier, events, subjects, within=(cue.end, subj.end))
        if r is None or not _object_ok(text, cue, subj.end, limit):
            return none
        return [r], "topics.anaphor", _object_start(text, subj.end, limit)
    if cue.role == "explicit":
        return none
    transitive = not cue.preps
    if subj.kind == "other":
        word = next((t.word for t in text.tokens if t.start >= subj.end), "")
        if (not transitive and word not in cue.preps) or word in NON_ENTITY_SUBJECTS:
            return none
    if not _object_ok(text, cue, cue.end, seg_end):
        return none
    rel = _relative_antecedent(text, cue.start, s_start)
    if rel:
        return [rel], "topics.focus-verb", cue.end
    coordinated = cue.role != "verb" or _conjoined(text, cue)
    if sentence and coordinated and sentence[0].end <= cue.start \
            and not _complementizer_between(text, sentence[0].end, cue.start):
        # a second verb of the sentence (X يفعل …، ويعمل على …) or a verbal noun in its predicate
        return sentence, ("topics.focus-verb" if cue.role != "verb" else "topics.paragraph-subject"), cue.end
    if cue.role == "masdar":
        return none
    if focus and not (cue.role == "verb" and (_after_indefinite_noun(text, cue) or _noun_subject_before(text, cue))):
        return focus, "topics.paragraph-subject", cue.end
    return none


def _noun_subject_before(text: Text, cue: Cue) -> bool:
    """Is the verb's subject a definite noun written before it, after ``أن/إن`` or at the sentence's start (``وأوضح
    المدير أن الندوة ناقشت …``، ``الاجتماع يبحث …``)? The verb then has a subject of its own (the meeting, the
    study, the ministers), not the entity the paragraph is about; a name there is read by the other rules."""
    i = text.token_index(cue.start) - 1
    if i < 0:
        return False
    tok = text.tokens[i]
    if not tok.word.startswith("ال") or text.mention_at(tok) is not None \
            or text.original[tok.end:cue.start].strip():
        return False
    return i == 0 or bool(_OPENS_SUBJECT.search(text.original[max(0, tok.start - 12):tok.start]))


# what may stand right before a preverbal subject: أن/إن (a comma may be glued to the word before: المنظمة،أن), or
# the end of a sentence
_OPENS_SUBJECT = re.compile(r"(?:(?:^|[\s،,:])(?:و|ب|ل)?[أإا]ن|[.؟!\n])\s*$")


# Particles that may stand right before a verb whose subject is still the paragraph's (كما تهدف، حيث تعمل).
_PARTICLES = folded_set(("كما", "حيث", "قد", "وقد", "لقد", "فقد", "ثم", "لا", "لم", "لن", "إذ", "اذ", "كي", "حتى",
                         "عندما", "بينما", "فيما", "وفيما", "كذلك", "أيضا", "أيضاً", "التي", "الذي", "والتي", "والذي",
                         "ما", "مما", "أن", "إن", "بأن", "وأن", "لكي", "بل", "ولا", "ولم", "ولن", "كانت", "كان"))


def _after_indefinite_noun(text: Text, cue: Cue) -> bool:
    """Is the verb an adjectival clause on the indefinite noun right before it (مذكرة تفاهم تهدف إلى …)?
    Its subject is then that noun, not the entity the paragraph is about."""
    i = text.token_index(cue.start) - 1
    if i < 0:
        return False
    tok = text.tokens[i]
    raw = text.original[tok.start:tok.end]
    if _conjoined(text, cue) or not raw[-1:].isalpha() or text.original[tok.end:cue.start].strip() \
            or text.mention_at(tok) is not None:
        return False                # وتعمل …، a full stop or a comma before it: a clause of its own
    word = tok.word
    return bool(word) and word.isalpha() and not word.startswith("ال") and word not in _PARTICLES \
        and tok.bare not in _PARTICLES and len(word) > 2


def _object_start(text: Text, subj_end: int, limit: int) -> int:
    """Where the object starts: after the subject and a comma-delimited insertion that follows it."""
    return _after_insertion(text, subj_end, limit)


