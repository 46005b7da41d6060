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
* ``topics.interest``: ``مجال اهتمام X`` with the topics before it.

The topics are the topic mentions (found by the matcher from the cue phrases of the topic
gazetteer) that follow the cue and its subject up to the next cue or the end of the sentence.
Sentences are split at full stops only: the reports list topics across semicolons.

It does not recognise entities (the matcher does), does not look at co-occurrence alone, and
knows nothing of a particular report. The small text helpers at the end (``Text``,
``subject_after``, ``sentence_subject``) are shared with ``actors.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable

from ..arabic import Normalised, fold, normalise
from ..findings import Entity, Fact, Mention
from .context import FactContext

RULES = {
    "topics.focus-verb": ("a focus verb (يركز على، تتناول، بحث، تعمل على …) whose written subject, or the "
                          "entity its relative clause hangs on, is the organization/process", 0.85),
    "topics.anaphor": ("a focus verb whose subject is a head noun (الصندوق، المفوضية …) resolved to the "
                       "latest entity named with that noun", 0.75),
    "topics.paragraph-subject": ("a focus verb with a pronoun subject: the entity the paragraph is about",
                                 0.7),
    "topics.interest": ("'مجال اهتمام X': the topics named before it", 0.8),
    "topics.support": ("a weaker cue (تدعم، يسهم في، أعلن عن مبادرة) with a resolved subject", 0.6),
}

# Classes that can address a topic (vocabulary: Process/Event/Commitment/Organization).
SUBJECT_CLASSES = frozenset({
    "Organization", "UNEntity", "InternationalOrganization", "RegionalOrganization",
    "CivilSocietyOrganization", "GovernmentBody", "PrivateSectorOrganization",
    "Process", "GlobalProcess", "RegionalConsultativeProcess",
    "Event", "Meeting",
    "Commitment", "Declaration", "ActionPlan", "Resolution", "Agreement", "LegalInstrument",
    "PolicyFramework", "Recommendation", "FundingCommitment", "Initiative",
})


def _f(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


# cue word (folded, without the conjunction و/ف) → (strength, role, prepositions)
#   role "verb": a finite verb, subject follows; "masdar": a verbal noun, subject is the sentence's;
#   "both": either. prepositions: what must open the object after the subject (() = transitive).
_ON, _TO, _IN, _BI, _AN = ("على",), ("إلى",), ("في",), ("ب",), ("عن",)
_CUE_TABLE = (
    (("يركز", "تركز", "ركز", "ركزت", "سيركز", "ستركز", "يتركز"), "focus", "verb", _ON),
    (("يتناول", "تتناول", "تناولت", "يتناولان", "تتناولان"), "focus", "verb", ()),
    (("يبحث", "تبحث", "بحثت", "سيبحث", "ستبحث", "يناقش", "تناقش", "ناقش", "ناقشت"), "focus", "verb", ()),
    (("يعمل", "تعمل", "عملت", "ستعمل", "سيعمل"), "focus", "verb", _ON + _IN),
    (("يهدف", "تهدف", "هدفت", "يسعى", "تسعى", "سعت"), "focus", "verb", _TO),
    (("تبدي", "يبدي", "يولي", "تولي", "تشمل", "يشمل", "تستهدف", "يستهدف"), "focus", "verb", ()),
    (("يقوم", "تقوم", "قام", "قامت"), "focus", "verb", _BI),
    (("تناول", "بحث"), "focus", "both", ()),                                 # past verb or verbal noun
    (("بمناقشة", "ببحث", "بتناول", "مناقشة", "لمناقشة", "لبحث"), "focus", "masdar", ()),
    (("يدعم", "تدعم", "دعمت"), "support", "verb", ()),
    (("يسهم", "تسهم", "أسهمت"), "support", "verb", _IN),
    (("أعلن", "أعلنت", "يعلن", "تعلن"), "support", "verb", _AN),
    (("تلتزم", "يلتزم", "التزمت", "التزم", "تعهدت", "تعهد", "يتعهد", "تتعهد"), "focus", "verb", _BI),
    (("تضطلع", "يضطلع", "اضطلعت", "اضطلع"), "focus", "verb", _BI),
    (("توسعت", "توسع"), "focus", "verb", _IN),
    (("شجعت", "شجع", "يشجع", "تشجع", "يسهل", "تسهل", "سهلت"), "support", "verb", ()),
    (("تشدد", "يشدد", "شددت", "شدد"), "support", "verb", _ON),
)
_CUES = MappingProxyType({fold(w): (strength, role, tuple(fold(p) for p in preps))
                          for words, strength, role, preps in _CUE_TABLE for w in words})
_INTEREST = fold("اهتمام")
_INTEREST_BEFORE = fold("مجال")
# Nouns that are the written subject of a verb without being an entity (the verb then has no
# pronoun subject to resolve).
NON_ENTITY_SUBJECTS = frozenset(fold(w) for w in (
    "التقرير", "الدراسة", "الحكومات", "الدول", "البلدان", "المشاركون", "المندوبون", "الوفود", "المناقشة",
    "المناقشات", "الأعضاء", "المجيبين", "المجيبون", "الخبراء", "البيان", "الورقة", "الاستعراض", "المحاضرون"))
# Complementizers: a verbal noun after one belongs to another clause than the sentence's subject.
COMPLEMENTIZERS = frozenset(fold(w) for w in ("أن", "بأن", "إن", "لأن", "وأن", "أنه", "أنها"))

# Words that may stand between a verb and its subject, or inside a subject, without being it.
FILLERS = _f((
    "أيضا", "أيضاً", "حاليا", "حالياً", "الآن", "عادة", "مؤخرا", "مؤخراً", "كذلك", "بدوره", "بدورها",
    "بشكل", "رئيسي", "رئيسية", "متزايد", "بصفة", "منتظمة", "خاصة", "بوجه", "خاص", "عام", "في", "المقام",
    "الأول", "هي", "الأخرى", "هو", "الآخر", "فقط", "بالفعل", "دائما", "كثيرا", "جزئيا",
    "بقوة", "عن", "كثب", "منذ", "ذلك", "الحين", "الوقت", "نفسه", "ذاته", "كلا", "كل", "من", "هذه", "هذا",
    "العمل", "الأولى", "الثانية", "الثالثة",
))
# Nominal heads of a subject (ستركز أعمال اللجنة، أنشطة بحوث البنك، عمليتا X و Y).
HEADS = _f(("أعمال", "أنشطة", "بحوث", "عمل", "عمليتا", "عمليات", "برامج", "جهود"))
# Definite head nouns that stand for a name already given.
ANAPHORS = _f((
    "المفوضية", "الصندوق", "المكتب", "البنك", "اللجنة", "الشعبة", "المنظمة", "البرنامج", "المعهد",
    "السوق", "الجامعة", "الفريق", "العملية", "المنتدى", "المركز", "المرفق", "الاتحاد", "الرابطة",
    "الاجتماع", "الحوار", "المؤتمر", "الأمانة", "الإدارة", "الهيئة", "الوكالة", "الجماعة", "المجموعة",
    "الشبكة", "المبادرة", "الإعلان", "الإطار", "الخطة", "القرار", "الاتفاق", "الرئاسة",
    "الجلسة", "جلسة", "جلسات", "جلستا",
))
# Head nouns that stand for an event: the meeting a paragraph names, or the session/cluster
# whose section the paragraph is in.
MEETING_HEADS = _f(("الاجتماع",))
SESSION_HEADS = _f(("الجلسة", "جلسة", "جلسات", "جلستا", "المجموعة", "الجلسات"))
NON_SUBJECT_KINDS = frozenset({"topic", "place", "region", "publication"})
RELATIVES = _f(("التي", "الذي", "اللذان", "اللتان", "اللذين", "اللتين", "الذين"))
# Fronted adverbials: a sentence starting with one of these puts its verb after the first comma.
FRONTED = _f(("في", "خلال", "منذ", "بحلول", "علاوة", "إضافة", "بالإضافة", "عقب", "داخل", "مع",
              "بعد", "قبل", "على", "من", "عملا", "وفقا", "ولتحقيق", "لتحقيق", "للتصدي", "لبحث", "أثناء",
              "ولذلك", "لذلك", "بالتالي", "وبالتالي"))
SENTENCE_OPENERS = _f(("أما", "ثم", "وهكذا", "هكذا", "بذا", "كما", "لقد", "قد", "إن"))
_PUNCT = "،,؛;:.()\"“”„«»'–-—…[]"

_WORD_RX = re.compile(r"\S+")
_SENT_RX = re.compile(r"(?<=[.؟!])\s+(?=\S)")


# ---------------------------------------------------------------- text helpers (shared)

@dataclass
class Token:
    start: int          # original code points
    end: int
    word: str           # folded, punctuation stripped, leading conjunction و/ف kept
    bare: str           # ``word`` without a leading و/ف conjunction


class Text:
    """One source text: folded view, tokens with original offsets, and its mentions."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.original = text
        self.norm: Normalised = normalise(text)
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.tokens: list[Token] = []
        for m in _WORD_RX.finditer(text):
            word = fold(m.group()).strip(_PUNCT)
            bare = word[1:] if len(word) > 2 and word[0] in "وف" and word[1:] not in ("ي", "ق") else word
            self.tokens.append(Token(m.start(), m.end(), word, bare))

    def token_index(self, pos: int) -> int:
        """Index of the first token that ends after ``pos``."""
        for i, t in enumerate(self.tokens):
            if t.end > pos:
                return i
        return len(self.tokens)

    def token_after(self, pos: int) -> int:
        """Index of the first token that starts at or after ``pos``."""
        for i, t in enumerate(self.tokens):
            if t.start >= pos:
                return i
        return len(self.tokens)

    def mention_at(self, tok: Token) -> Mention | None:
        """The mention that starts inside ``tok`` (a proclitic may precede it)."""
        for m in self.mentions:
            if tok.start <= m.start < tok.end:
                return m
        return None

    def sentences(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in _SENT_RX.finditer(self.original):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(self.original)))
        return [s for s in spans if self.original[s[0]:s[1]].strip()]

    def folded(self, start: int, end: int) -> str:
        return fold(self.original[start:end])


def _skip_parenthetical(text: Text, i: int, limit: int) -> int:
    """Skip tokens of a parenthesis or quotation that starts at token ``i``."""
    tok = text.tokens[i]
    raw = text.original[tok.start:tok.end]
    if raw.startswith(("(", "\"", "“", "”")):
        closer = ")" if raw.startswith("(") else None
        j = i
        while j < len(text.tokens) and text.tokens[j].start < limit:
            r = text.original[text.tokens[j].start:text.tokens[j].end]
            if (closer and closer in r) or (not closer and j > i and any(q in r for q in "\"“”")) \
                    or (not closer and j == i and sum(r.count(q) for q in "\"“”") >= 2):
                return j + 1
            j += 1
    return i


@dataclass
class Subject:
    kind: str                   # "explicit", "anaphor", "none" (object follows), "other"
    mentions: list[Mention]
    end: int                    # original offset where the subject ends
    head: str = ""              # the anaphoric head noun, folded


def subject_after(text: Text, pos: int, limit: int, max_tokens: int = 8) -> Subject:
    """The subject written after a verb ending at ``pos`` (verb–subject order)."""
    i = text.token_index(pos)
    seen = 0
    while i < len(text.tokens) and text.tokens[i].start < limit and seen < max_tokens:
        tok = text.tokens[i]
        m = text.mention_at(tok)
        if m is not None and m.entity.kind in NON_SUBJECT_KINDS:
            return Subject("other", [], tok.start)
        if m is not None:
            found = [m]
            end = m.end
            j = text.token_after(m.end)
            while j < len(text.tokens) and text.tokens[j].start < limit:
                j2 = _skip_parenthetical(text, j, limit)
                if j2 != j:
                    end = text.tokens[j2 - 1].end
                    j = j2
                    continue
                nxt = text.tokens[j]
                if nxt.word.startswith("و"):
                    m2 = text.mention_at(nxt)
                    if m2 is not None and m2.start - nxt.start <= 3 and m2 not in found:
                        found.append(m2)
                        end = m2.end
                        j = max(j + 1, text.token_after(m2.end))
                        continue
                    if nxt.bare in HEADS:
                        j += 1
                        continue
                break
            return Subject("explicit", found, end)
        if tok.bare in ANAPHORS or tok.word in ANAPHORS:
            return Subject("anaphor", [], tok.end, tok.bare if tok.bare in ANAPHORS else tok.word)
        if tok.word in FILLERS or tok.bare in HEADS or not tok.word:
            i += 1
            seen += 1
            continue
        return Subject("none" if _opens_object(tok.word) else "other", [], tok.start)
    return Subject("none", [], pos)


def _opens_object(word: str) -> bool:
    """A preposition or a prepositional verbal noun (the verb's pronoun subject is implied)."""
    return word in _f(("على", "إلى", "الى", "في", "ب")) or word.startswith(("ب", "لل", "وب")) and len(word) > 3


def resolve_anaphor(head: str, before: list[Mention]) -> Mention | None:
    """The latest mention whose entity's Arabic name begins with the noun ``head``."""
    stem = head[2:] if head.startswith("ال") else head
    for m in reversed(before):
        names = [m.entity.label_ar] + [t for t, lang in m.entity.alt_labels if lang == "ar"] + [m.surface]
        for name in names:
            first = fold(name).split(" ")[0] if name else ""
            first = first[2:] if first.startswith("ال") else first
            if first and (first == stem or first == stem + "ه" or first.rstrip("ه") == stem.rstrip("ه")):
                return m
    return None


def sentence_subject(text: Text, start: int, end: int) -> Subject:
    """The subject of the sentence text[start:end]: after its leading verb, or a leading name."""
    i = text.token_index(start)
    if i >= len(text.tokens) or text.tokens[i].start >= end:
        return Subject("none", [], start)
    tok = text.tokens[i]
    if tok.bare in SENTENCE_OPENERS or tok.word in SENTENCE_OPENERS:
        i += 1
    if i < len(text.tokens) and text.tokens[i].bare in FRONTED:
        # skip a fronted adverbial up to its comma (within 14 tokens)
        for j in range(i, min(i + 14, len(text.tokens))):
            raw = text.original[text.tokens[j].start:text.tokens[j].end]
            if raw.endswith("،") or raw.endswith(","):
                i = j + 1
                break
    if i >= len(text.tokens) or text.tokens[i].start >= end:
        return Subject("none", [], start)
    tok = text.tokens[i]
    if tok.bare in SENTENCE_OPENERS:
        i += 1
        if i >= len(text.tokens):
            return Subject("none", [], start)
        tok = text.tokens[i]
    if text.mention_at(tok) is not None:            # nominal sentence: the name comes first
        return subject_after(text, tok.start, end)
    if tok.bare in ANAPHORS:
        return Subject("anaphor", [], tok.end, tok.bare)
    return subject_after(text, tok.end, end)         # verb first


# ---------------------------------------------------------------- the rules

@dataclass
class _Cue:
    start: int
    end: int
    word: str
    strength: str
    role: str
    preps: tuple[str, ...] = ()


def _cues(text: Text, start: int, end: int) -> list[_Cue]:
    out = []
    for k, tok in enumerate(text.tokens):
        if tok.start < start or tok.start >= end:
            continue
        if text.mention_at(tok) is not None and text.mention_at(tok).start == tok.start:
            continue
        for w in (tok.word, tok.bare):
            if w in _CUES:
                strength, role, preps = _CUES[w]
                out.append(_Cue(tok.start, tok.end, w, strength, role, preps))
                break
        else:
            if tok.bare in (_INTEREST, _INTEREST + "ا") and k > 0 and text.tokens[k - 1].bare == _INTEREST_BEFORE:
                out.append(_Cue(tok.start, tok.end, tok.bare, "focus", "interest", ()))
    return out


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


def _object_ok(text: Text, cue: _Cue, subj_end: int, limit: int) -> bool:
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


def _conjoined(text: Text, cue: _Cue) -> bool:
    """Is the cue verb joined to the sentence's first verb by و/ف (``… ، وتعمل على …``)?"""
    tok = text.tokens[text.token_index(cue.start)]
    return tok.word != tok.bare


def _complementizer_between(text: Text, start: int, end: int) -> bool:
    return any(start <= t.start < end and t.word in COMPLEMENTIZERS for t in text.tokens)


def _fact_subjects(ms: list[Mention]) -> list[Entity]:
    return [m.entity for m in ms if m.entity.cls in SUBJECT_CLASSES]


def _topics(text: Text, start: int, end: int, exclude: list[Mention]) -> list[Entity]:
    out: list[Entity] = []
    for m in text.mentions:
        if m.entity.kind != "topic" or m.start < start or m.end > end:
            continue
        if any(x.start <= m.start < x.end for x in exclude):
            continue
        if m.entity not in out:
            out.append(m.entity)
    return out


@dataclass
class _Events:
    """Events the event rules found: those a paragraph names, and the event of each section."""

    in_source: dict
    of_section: dict
    parent: dict = None           # event key → the event it is part of

    def meeting(self, source) -> Entity | None:
        """The one meeting a paragraph names (its sub-events, e.g. civil society days, aside)."""
        found = [e for e in self.in_source.get(id(source), []) if e.cls in ("Meeting", "Event")]
        parents = self.parent or {}
        found = [e for e in found if parents.get(e.key) not in found]
        return found[0] if len(found) == 1 else None

    def session(self, source) -> Entity | None:
        sec = getattr(source, "section", None)
        while sec is not None:
            if id(sec) in self.of_section:
                return self.of_section[id(sec)]
            sec = sec.parent
        return None


def known_events(ctx: FactContext) -> _Events:
    """Read the events module's own findings (its public ``extract``), if that module exists."""
    in_source: dict = {}
    of_section: dict = {}
    parent: dict = {}
    try:
        from . import events as events_mod   # noqa: PLC0415 (a sibling family, may be absent)
    except ModuleNotFoundError:
        return _Events(in_source, of_section, parent)
    for f in events_mod.extract(ctx):
        if f.predicate != "partOf" or not isinstance(f.subject, Entity):
            continue
        if isinstance(f.object, Entity) and f.object.kind == "event":
            parent.setdefault(f.subject.key, f.object)
        if f.evidence in ctx.document.sections and f.rule == "event.session":
            of_section[id(f.evidence)] = f.subject
        elif f.rule != "event.workshop":
            lst = in_source.setdefault(id(f.evidence), [])
            if f.subject not in lst:
                lst.append(f.subject)
    return _Events(in_source, of_section, parent)


def _event_mention(ent: Entity, source, pos: int) -> Mention:
    return Mention(ent, source, pos, pos, "", "topics.event-anaphor")


def _resolve(text: Text, source, head: str, before: list[Mention], events: _Events) -> Mention | None:
    if head in MEETING_HEADS:
        ev = events.meeting(source)
        return _event_mention(ev, source, 0) if ev else None
    if head in SESSION_HEADS:
        ev = events.session(source)
        return _event_mention(ev, source, 0) if ev else None
    return resolve_anaphor(head, before)


def _topics_in_names(ctx: FactContext, text: Text, start: int, end: int, exclude: list[Mention]) -> list[Entity]:
    """Topics named inside the names of the bodies a supporter supports (``المقررة الخاصة المعنية بالاتجار``)."""
    gaz = ctx.gazetteer
    if gaz is None:
        return []
    names = []
    for e in getattr(gaz, "entities", []):
        if e.kind == "topic":
            for n in [e.label_ar] + [t for t, lang in e.alt_labels if lang == "ar"]:
                if n and len(fold(n)) >= 5:
                    names.append((fold(n), e))
    out: list[Entity] = []
    for m in text.mentions:
        if m.start < start or m.end > end or m in exclude or m.entity.kind not in ("org", "body"):
            continue
        surface = " " + fold(m.surface) + " "
        for n, e in names:
            if re.search(r"(?<![^\W\d_])(?:ال|بال|لل|وال)?" + re.escape(n.removeprefix("ال")) + r"(?![^\W\d_])", surface) \
                    and e not in out:
                out.append(e)
    return out


def _paragraph_facts(ctx: FactContext, source, text: Text, carried: list[Mention],
                     events: _Events) -> tuple[list[Fact], list[Mention]]:
    """Facts of one paragraph; returns them and the mentions that stay in scope for anaphora."""
    facts: list[Fact] = []
    focus: list[Mention] = []
    scope = list(carried)
    for s_start, s_end in text.sentences():
        s_subj = sentence_subject(text, s_start, s_end)
        resolved_sentence: list[Mention] = []
        if s_subj.kind == "explicit":
            resolved_sentence = s_subj.mentions
        elif s_subj.kind == "anaphor":
            r = _resolve(text, source, s_subj.head, scope + [m for m in text.mentions if m.end < s_subj.end],
                         events)
            resolved_sentence = [r] if r else []
        cues = _cues(text, s_start, s_end)
        other_subject = _demonstrative_subject(text, s_start, s_end)
        for n, cue in enumerate(cues):
            seg_end = cues[n + 1].start if n + 1 < len(cues) else s_end
            earlier = scope + [m for m in text.mentions if m.end <= cue.start]
            if cue.role == "interest":
                facts.extend(_interest_facts(text, source, cue, s_start, s_end))
                continue
            subjects, rule, obj_start = _cue_subject(text, source, cue, seg_end, s_start, earlier,
                                                     resolved_sentence, focus, events)
            if not subjects or (rule == "topics.paragraph-subject" and other_subject):
                continue
            if cue.strength == "support":
                rule = "topics.support"
            conf = RULES[rule][1]
            found = _topics(text, obj_start, seg_end, subjects)
            if cue.strength == "support":
                found += [t for t in _topics_in_names(ctx, text, obj_start, seg_end, subjects) if t not in found]
            for e in _fact_subjects(subjects):
                for t in found:
                    facts.append(Fact(e, "addresses", t, source, rule, conf))
        if resolved_sentence:
            focus = resolved_sentence
        scope.extend(m for m in text.mentions if s_start <= m.start < s_end)
    return facts, [m for m in scope if m.entity.kind not in NON_SUBJECT_KINDS | {"state"}]


DEMONSTRATIVES = _f(("هذا", "هذه", "ذلك", "تلك"))


def _demonstrative_subject(text: Text, start: int, end: int) -> bool:
    """Does the sentence open with a verb whose subject is a demonstrative noun phrase that is
    not an entity (``وصمم هذا النهج العالمي ليركز …``)? A pronoun later in it then refers to that
    noun, not to the entity the paragraph is about."""
    toks = [t for t in text.tokens if start <= t.start < end][:4]
    for a, b in zip(toks, toks[1:]):
        if a.bare in DEMONSTRATIVES and b.word.startswith("ال") and b.bare not in ANAPHORS \
                and text.mention_at(b) is None:
            return True
    return False


def _interest_facts(text: Text, source, cue: _Cue, s_start: int, s_end: int) -> list[Fact]:
    """``مجال اهتمام X``: X addresses the topics named before it in the sentence."""
    subj = subject_after(text, cue.end, s_end, max_tokens=2)
    if subj.kind != "explicit":
        return []
    conf = RULES["topics.interest"][1]
    return [Fact(e, "addresses", t, source, "topics.interest", conf)
            for t in _topics(text, s_start, cue.start, subj.mentions) for e in _fact_subjects(subj.mentions)]


def _cue_subject(text: Text, source, cue: _Cue, seg_end: int, s_start: int, earlier: list[Mention],
                 sentence: list[Mention], focus: list[Mention], events: _Events):
    """(subject mentions, rule id, where the object starts) for one cue; ([], "", 0) if none."""
    none = ([], "", 0)
    subj = Subject("none", [], cue.end) if cue.role == "masdar" else subject_after(text, cue.end, seg_end)
    if subj.kind == "explicit":
        ok = _object_ok(text, cue, subj.end, seg_end)
        return (subj.mentions, "topics.focus-verb", subj.end) if ok else none
    if subj.kind == "anaphor":
        r = _resolve(text, source, subj.head, earlier, events)
        if r is None or not _object_ok(text, cue, subj.end, seg_end):
            return none
        return [r], "topics.anaphor", subj.end
    transitive = not cue.preps
    if subj.kind == "other":
        word = next((t.word for t in text.tokens if t.start >= subj.end), "")
        if not transitive or word in NON_ENTITY_SUBJECTS:
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
    if focus:
        return focus, "topics.paragraph-subject", cue.end
    return none


def extract(ctx: FactContext) -> list[Fact]:
    facts: list[Fact] = []
    carried: list[Mention] = []
    section = object()
    events = known_events(ctx)
    for p in ctx.paragraphs():
        if p.section is not section:
            carried, section = [], p.section
        text = Text(p.text, ctx.mentions_in(p))
        new, carried = _paragraph_facts(ctx, p, text, carried, events)
        facts.extend(new)
    return facts
