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
    "topics.name": ("a commitment whose own name states its subject (إعلان بشأن اللجوء، صندوق تحقيق الأهداف "
                    "الإنمائية للألفية)", 0.8),
    "topics.commitment-clause": ("a clause that hangs on a commitment by a resumptive pronoun (اعتمدوا قرارا … "
                                 "وجهوا فيه الانتباه إلى …)", 0.75),
    "topics.recommendation": ("the topics a numbered recommendation of a session names in its own text", 0.75),
    "topics.heading": ("a session's heading (or a sub-heading of its part of the report) names the topic", 0.85),
    "topics.purpose": ("a stated purpose: 'الهدف من الجلسة …' / 'هدف X …'", 0.8),
    "topics.adjective": ("'X، المعنية ب…': an adjective clause on a name says what it is concerned with", 0.8),
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
    (("يسدي", "تسدي", "أسدى", "أسدت"), "focus", "verb", ()),                 # gives advice on
    (("أصدر", "أصدرت", "يصدر", "تصدر"), "focus", "explicit", ()),            # published (a brief on …)
    (("أنشأ", "أنشأت", "ينشئ", "تنشئ"), "support", "explicit", ()),          # set up (networks for …)
    (("سيدعم", "ستدعم"), "support", "verb", ()),
    (("يساعد", "تساعد", "سيساعد", "ستساعد", "ساعد", "ساعدت"), "support", "verb", _ON),
    (("تتضمن", "يتضمن", "تضمنت", "تضمن", "أظهرت", "أظهر"), "focus", "activity", ()),
)
_CUES = MappingProxyType({fold(w): (strength, role, tuple(fold(p) for p in preps))
                          for words, strength, role, preps in _CUE_TABLE for w in words})
# role "explicit": a verb that gives a fact only with a written subject (a name or a head noun);
# role "activity": only with a subject like "هذه الأنشطة/البحوث" (the activities of the paragraph's entity).
_WORK_WITH = fold("مع")
_PURPOSE = _f(("الهدف", "هدف", "والهدف"))
_ADJECTIVES = _f(("المعنية", "المعني", "المعنيان", "المعنيتان"))
# A preposition with a pronoun right after a verb: the verb is inside a relative clause that hangs on a
# noun of the clause before (التي قام بها، الذي أعلن عنه): it does not start a new statement.
RESUMPTIVES = _f(("به", "بها", "بهما", "فيه", "فيها", "عنه", "عنها", "عليه", "عليها", "إليه", "إليها", "له", "لها"))
# Fronted phrases that name what the statement after them is about (وبالنسبة للمشاكل الناجمة عن …، ركز X على …).
TOPICAL_FRONT = _f(("بالنسبة", "فيما", "وفيما", "وبالنسبة"))
# Nouns for what an entity does, after a demonstrative (وتتضمن هذه الأنشطة …، أظهرت هذه البحوث …).
ACTIVITY_NOUNS = _f(("الأنشطة", "البحوث", "الدراسات", "الجهود", "الأعمال", "البرامج", "المشاريع", "الشبكات"))
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
        self._sentences: list[tuple[int, int]] | None = None
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
        if self._sentences is None:
            self._sentences = self._split()
        return self._sentences

    def _split(self) -> list[tuple[int, int]]:
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


_WORKS = _f(("يعمل", "تعمل", "عملت", "ستعمل", "سيعمل"))


def _inside_mention(text: Text, tok: Token) -> Mention | None:
    return next((m for m in text.mentions if m.start < tok.end and tok.start < m.end), None)


def _cues(text: Text, start: int, end: int) -> list[_Cue]:
    out = []
    for k, tok in enumerate(text.tokens):
        if tok.start < start or tok.start >= end:
            continue
        if text.mention_at(tok) is not None and text.mention_at(tok).start == tok.start:
            continue
        nxt = text.tokens[k + 1] if k + 1 < len(text.tokens) else None
        for w in (tok.word, tok.bare):
            if w in _CUES:
                if nxt is not None and nxt.word in RESUMPTIVES:
                    break
                strength, role, preps = _CUES[w]
                if w in _WORKS:
                    preps = preps + (_WORK_WITH,)
                out.append(_Cue(tok.start, tok.end, w, strength, role, preps))
                break
        else:
            if tok.bare in (_INTEREST, _INTEREST + "ا") and k > 0 and text.tokens[k - 1].bare == _INTEREST_BEFORE:
                out.append(_Cue(tok.start, tok.end, tok.bare, "focus", "interest", ()))
            elif tok.word in _PURPOSE and nxt is not None and nxt.word == fold("من") and nxt.start < end:
                out.append(_Cue(tok.start, nxt.end, tok.word, "focus", "purpose", ()))
            elif tok.word in _ADJECTIVES and k > 0 and _inside_mention(text, tok) is None \
                    and text.original[text.tokens[k - 1].start:text.tokens[k - 1].end].endswith(("،", ",")):
                out.append(_Cue(tok.start, tok.end, tok.word, "focus", "adjective", ()))
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
    """Topic mentions in [start, end), except those inside ``exclude`` or inside a commitment's name
    (a commitment's name says what *it* is about: ``اعتمدت X إعلانا بشأن اللجوء``)."""
    out: list[Entity] = []
    named = [m for m in text.mentions if m.entity.kind == "commitment"]
    for m in text.mentions:
        if m.entity.kind != "topic" or m.start < start or m.end > end:
            continue
        if any(x.start <= m.start < x.end for x in list(exclude) + named):
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
    sections: tuple = ()          # the document's sections in reading order

    def meeting(self, source) -> Entity | None:
        """The one meeting a paragraph names (its sub-events, e.g. civil society days, aside)."""
        found = [e for e in self.in_source.get(id(source), []) if e.cls in ("Meeting", "Event")]
        parents = self.parent or {}
        found = [e for e in found if parents.get(e.key) not in found]
        return found[0] if len(found) == 1 else None

    def session(self, source) -> Entity | None:
        """The session whose part of the report ``source`` is in: its own section, a sibling sub-heading
        after the session's heading (``القضايا والملاحظات``), or an enclosing section."""
        sec = source if source in self.sections else getattr(source, "section", None)
        if sec is None:
            return None
        if id(sec) in self.of_section:
            return self.of_section[id(sec)]
        level = sec.level
        before = [s for s in self.sections if s.order < sec.order]
        for prev in reversed(before):
            if prev.level > level:
                continue
            if id(prev) in self.of_section:
                return self.of_section[id(prev)]
            level = min(level, prev.level)
            if prev.level == 1:
                return None
        return None


def known_events(ctx: FactContext) -> _Events:
    """Read the events module's own findings (its public ``extract``), if that module exists."""
    in_source: dict = {}
    of_section: dict = {}
    parent: dict = {}
    sections = tuple(ctx.document.sections)
    try:
        from . import events as events_mod   # noqa: PLC0415 (a sibling family, may be absent)
    except ModuleNotFoundError:
        return _Events(in_source, of_section, parent, sections)
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
    return _Events(in_source, of_section, parent, sections)


@dataclass
class _Commitments:
    """Commitments the commitment rules found, placed in their paragraphs: named ones by the span of
    their name, recommendations by the span of their numbered item."""

    names: dict                   # id(source) → [Mention] (span = the name as printed)
    items: dict                   # id(source) → [Mention] (span = the whole item)


_ITEM_START = re.compile(r"(?m)^(?:\d+ - |\(\S\) )")


def known_commitments(ctx: FactContext) -> _Commitments:
    """Read the commitments module's own findings (its public ``extract``), if that module exists."""
    names: dict = {}
    items: dict = {}
    try:
        from . import commitments as commitments_mod   # noqa: PLC0415 (a sibling family, may be absent)
    except ModuleNotFoundError:
        return _Commitments(names, items)
    seen: set = set()
    folded: dict = {}
    for f in commitments_mod.extract(ctx):
        ent, src = f.subject, f.evidence
        if not isinstance(ent, Entity) or ent.kind != "commitment" or (id(src), ent.key) in seen:
            continue
        seen.add((id(src), ent.key))
        text = getattr(src, "text", "") or ""
        if id(src) not in folded:
            folded[id(src)] = normalise(text)
        span = _locate(folded[id(src)], ent.label_ar)
        if span is None:
            continue
        if ent.cls == "Recommendation":
            nxt = _ITEM_START.search(text, span[1])
            span = (span[0], nxt.start() if nxt else len(text))
            items.setdefault(id(src), []).append(Mention(ent, src, span[0], span[1], text[span[0]:span[1]],
                                                         "topics.commitment"))
        else:
            names.setdefault(id(src), []).append(Mention(ent, src, span[0], span[1], text[span[0]:span[1]],
                                                         "topics.commitment"))
    return _Commitments(names, items)


def _locate(norm: Normalised, name: str) -> tuple[int, int] | None:
    """Original span of ``name`` in ``text`` (folded comparison; the first word may carry the accusative
    alif the text gives it: ``إطارا لسياسات الهجرة`` for the name ``إطار لسياسات الهجرة``)."""
    words = fold(name).split()
    if not words:
        return None
    pattern = r"(?<![^\W\d_])" + re.escape(words[0]) + "ا?" + "".join(r"\s+" + re.escape(w) for w in words[1:])
    m = re.search(pattern, norm.text)
    return norm.to_original(m.start(), m.end()) if m else None


def _event_mention(ent: Entity, source, pos: int) -> Mention:
    return Mention(ent, source, pos, pos, "", "topics.event-anaphor")


def _resolve(text: Text, source, head: str, before: list[Mention], events: _Events,
             subjects: list[Mention] = ()) -> Mention | None:
    """A head noun: the meeting or session it stands for, else the latest subject of the paragraph
    named with that noun, else the latest mention named with it."""
    if head in MEETING_HEADS:
        ev = events.meeting(source)
        return _event_mention(ev, source, 0) if ev else None
    if head in SESSION_HEADS:
        ev = events.session(source)
        return _event_mention(ev, source, 0) if ev else None
    return resolve_anaphor(head, list(subjects)) or resolve_anaphor(head, before)


def topic_names(ctx: FactContext) -> list[tuple[re.Pattern, Entity]]:
    """(pattern of a topic's folded Arabic name with its article and clitics, topic) for every topic."""
    out = []
    for e in getattr(ctx.gazetteer, "entities", []) if ctx.gazetteer is not None else []:
        if e.kind == "topic":
            for n in [e.label_ar] + [t for t, lang in e.alt_labels if lang == "ar"]:
                if n and len(fold(n)) >= 5:
                    out.append((re.compile(r"(?<![^\W\d_])(?:ال|بال|لل|وال)?" + re.escape(fold(n).removeprefix("ال"))
                                           + r"(?![^\W\d_])"), e))
    return out


def _topics_in_names(names: list, text: Text, start: int, end: int, exclude: list[Mention]) -> list[Entity]:
    """Topics named inside the names of the bodies a supporter supports (``المقررة الخاصة المعنية بالاتجار``)."""
    out: list[Entity] = []
    for m in text.mentions:
        if m.start < start or m.end > end or m in exclude or m.entity.kind not in ("org", "body"):
            continue
        surface = " " + fold(m.surface) + " "
        for rx_name, e in names:
            if e not in out and rx_name.search(surface):
                out.append(e)
    return out


def _paragraph_facts(names: list, source, text: Text, carried: list[Mention],
                     events: _Events) -> tuple[list[Fact], list[Mention]]:
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
            r = _resolve(text, source, s_subj.head, scope + [m for m in text.mentions if m.end < s_subj.end],
                         events, subjects)
            resolved_sentence = [r] if r else []
        cues = _cues(text, s_start, s_end)
        other_subject = _demonstrative_subject(text, s_start, s_end)
        front = _topical_front(text, s_start, cues[0].start) if cues else None
        for n, cue in enumerate(cues):
            seg_end = cues[n + 1].start if n + 1 < len(cues) else s_end
            earlier = scope + [m for m in text.mentions if m.end <= cue.start]
            if cue.role == "interest":
                facts.extend(_interest_facts(text, source, cue, s_start, s_end))
                continue
            if cue.role == "adjective":
                facts.extend(_adjective_facts(text, source, cue, s_start, seg_end))
                continue
            subjects_, rule, obj_start = _cue_subject(text, source, cue, seg_end, s_start, earlier,
                                                      resolved_sentence, focus, events, subjects)
            if not subjects_ or (rule == "topics.paragraph-subject" and other_subject):
                continue
            if obj_start > seg_end:       # the subject had an insertion with a cue in it: go on past it
                seg_end = next((c.start for c in cues if c.start >= obj_start), s_end)
            if cue.strength == "support":
                rule = "topics.support"
            conf = RULES[rule][1]
            found = _topics(text, obj_start, seg_end, subjects_)
            if n == 0 and front is not None:
                found += [t for t in _topics(text, front[0], front[1], subjects_) if t not in found]
            if cue.strength == "support":
                found += [t for t in _topics_in_names(names, text, obj_start, seg_end, subjects_) if t not in found]
            for e in _fact_subjects(subjects_):
                for t in found:
                    facts.append(Fact(e, "addresses", t, source, rule, conf))
        if resolved_sentence:
            focus = resolved_sentence
            subjects.extend(resolved_sentence)
        scope.extend(m for m in text.mentions if s_start <= m.start < s_end)
    facts.extend(_commitment_clause_facts(text, source))
    return facts, [m for m in scope if m.entity.kind not in NON_SUBJECT_KINDS | {"state"}]


def _topical_front(text: Text, s_start: int, cue_start: int) -> tuple[int, int] | None:
    """``وبالنسبة ل… / وفيما يتعلق ب…، <cue>``: the span of a fronted phrase that says what the
    statement opened by the cue right after its comma is about."""
    toks = [t for t in text.tokens if s_start <= t.start < cue_start]
    if not toks or toks[0].word not in TOPICAL_FRONT and toks[0].bare not in TOPICAL_FRONT:
        return None
    last = text.original[toks[-1].start:toks[-1].end]
    return (s_start, toks[-1].end) if last.endswith(("،", ",")) and len(toks) <= 30 else None


def _adjective_facts(text: Text, source, cue: _Cue, s_start: int, seg_end: int) -> list[Fact]:
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
            for t in _topics(text, cue.end, end, [before[-1]])]


def _commitment_clause_facts(text: Text, source) -> list[Fact]:
    """``… قرارا بشأن X وجهوا فيه الانتباه إلى Y``: a verb with a resumptive فيه/فيها right after a
    commitment's name starts a clause about that commitment (to the end of the sentence)."""
    out: list[Fact] = []
    conf = RULES["topics.commitment-clause"][1]
    for m in text.mentions:
        if m.entity.kind != "commitment" or m.rule != "topics.commitment":
            continue
        i = text.token_after(m.end)
        if i + 1 >= len(text.tokens) or text.tokens[i + 1].word not in _f(("فيه", "فيها")):
            continue
        start = text.tokens[i + 1].end
        end = next((e for s, e in text.sentences() if s <= start < e), len(text.original))
        out += [Fact(m.entity, "addresses", t, source, "topics.commitment-clause", conf)
                for t in _topics(text, start, end, [])]
    return out


DEMONSTRATIVES = _f(("هذا", "هذه", "ذلك", "تلك"))


def _demonstrative_subject(text: Text, start: int, end: int) -> bool:
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


def _interest_facts(text: Text, source, cue: _Cue, s_start: int, s_end: int) -> list[Fact]:
    """``مجال اهتمام X``: X addresses the topics named before it in the sentence."""
    subj = subject_after(text, cue.end, s_end, max_tokens=2)
    if subj.kind != "explicit":
        return []
    conf = RULES["topics.interest"][1]
    return [Fact(e, "addresses", t, source, "topics.interest", conf)
            for t in _topics(text, s_start, cue.start, subj.mentions) for e in _fact_subjects(subj.mentions)]


def _cue_subject(text: Text, source, cue: _Cue, seg_end: int, s_start: int, earlier: list[Mention],
                 sentence: list[Mention], focus: list[Mention], events: _Events, subjects: list[Mention] = ()):
    """(subject mentions, rule id, where the object starts) for one cue; ([], "", 0) if none.

    The object may start after ``seg_end`` when the subject carries a comma-delimited insertion."""
    none = ([], "", 0)
    if cue.role == "activity":
        end = _activity_subject(text, cue.end, seg_end)
        return (focus, "topics.paragraph-subject", end) if end is not None and focus else none
    if cue.role == "purpose":
        subj = subject_after(text, cue.end, seg_end, max_tokens=2)
        if subj.kind == "explicit":
            return subj.mentions, "topics.purpose", subj.end
        r = _resolve(text, source, subj.head, earlier, events, subjects) if subj.kind == "anaphor" else None
        return ([r], "topics.purpose", subj.end) if r else none
    limit = max(seg_end, _s_end(text, cue.start))
    subj = Subject("none", [], cue.end) if cue.role == "masdar" else subject_after(text, cue.end, seg_end)
    if subj.kind == "explicit":
        ok = _object_ok(text, cue, subj.end, limit)
        return (subj.mentions, "topics.focus-verb", _object_start(text, subj.end, limit)) if ok else none
    if subj.kind == "anaphor":
        r = _resolve(text, source, subj.head, earlier, events, subjects)
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
    if focus:
        return focus, "topics.paragraph-subject", cue.end
    return none


def _s_end(text: Text, pos: int) -> int:
    return next((e for s, e in text.sentences() if s <= pos < e), len(text.original))


def _object_start(text: Text, subj_end: int, limit: int) -> int:
    """Where the object starts: after the subject and a comma-delimited insertion that follows it."""
    return _after_insertion(text, subj_end, limit)


def _heading_facts(ctx: FactContext, events: _Events) -> list[Fact]:
    """A session's heading, or a sub-heading of its part of the report, names what it addressed."""
    out: list[Fact] = []
    conf = RULES["topics.heading"][1]
    for sec in ctx.document.sections:
        ev = events.session(sec)
        if ev is None:
            continue
        for m in ctx.mentions_in(sec):
            if m.entity.kind == "topic":
                out.append(Fact(ev, "addresses", m.entity, sec, "topics.heading", conf))
    return out


def _recommendation_facts(text: Text, source, items: list[Mention]) -> list[Fact]:
    """A numbered recommendation addresses the topics its own item names."""
    conf = RULES["topics.recommendation"][1]
    examples = [Mention(m.entity, source, x.start(), x.end()) for m in items
                for x in _EXAMPLE.finditer(text.original, m.start, m.end)]
    return [Fact(m.entity, "addresses", t, source, "topics.recommendation", conf)
            for m in items for t in _topics(text, m.start, m.end, examples)]


# A parenthesis that gives examples (على سبيل المثال، مثل): what it names illustrates, it is not the subject.
_EXAMPLE = re.compile(r"\((?:على سبيل المثال|مثل|ومنها|منها)[^)]*\)")


def _name_facts(text: Text, source) -> list[Fact]:
    """A commitment's own name states what it is about (``إعلان بشأن حماية حقوق العمال المهاجرين``)."""
    conf = RULES["topics.name"][1]
    out: list[Fact] = []
    for m in text.mentions:
        if m.entity.kind == "commitment" and m.rule == "topics.commitment":
            out += [Fact(m.entity, "addresses", t.entity, source, "topics.name", conf)
                    for t in text.mentions if t.entity.kind == "topic" and m.start <= t.start and t.end <= m.end]
    return out


def extract(ctx: FactContext) -> list[Fact]:
    facts: list[Fact] = []
    carried: list[Mention] = []
    section = object()
    events = known_events(ctx)
    commitments = known_commitments(ctx)
    facts.extend(_heading_facts(ctx, events))
    names = topic_names(ctx)
    for p in ctx.paragraphs():
        if p.section is not section:
            carried, section = [], p.section
        mentions = ctx.mentions_in(p)
        keys = {m.entity.key for m in mentions}
        named = [m for m in commitments.names.get(id(p), []) if m.entity.key not in keys]
        text = Text(p.text, mentions + named)
        facts.extend(_name_facts(text, p))
        facts.extend(_recommendation_facts(text, p, commitments.items.get(id(p), [])))
        new, carried = _paragraph_facts(names, p, text, carried, events)
        facts.extend(new)
    return _unique(facts)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.subject.key, f.object.key, id(f.evidence), f.rule)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
