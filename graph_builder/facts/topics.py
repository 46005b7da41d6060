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


# cue word (folded, without the conjunction و/ف) → (strength, role)
#   role "verb": a finite verb, subject follows; "masdar": a verbal noun, subject is the sentence's;
#   "both": either; strength "focus" or "support".
_CUES: dict[str, tuple[str, str]] = {}
for _w in ("يركز", "تركز", "ركز", "ركزت", "سيركز", "ستركز", "يتركز",
           "يتناول", "تتناول", "تناولت", "يتناولان", "تتناولان",
           "يبحث", "تبحث", "بحثت", "سيبحث", "ستبحث",
           "يناقش", "تناقش", "ناقش", "ناقشت",
           "يعمل", "تعمل", "عملت", "ستعمل", "سيعمل",
           "يهدف", "تهدف", "هدفت",
           "يسعى", "تسعى", "سعت",
           "تبدي", "يبدي", "يولي", "تولي",
           "تشمل", "يشمل"):
    _CUES[fold(_w)] = ("focus", "verb")
for _w in ("تناول", "بحث"):                       # past verb or verbal noun
    _CUES[fold(_w)] = ("focus", "both")
for _w in ("بمناقشة", "ببحث", "بتناول", "مناقشة", "لمناقشة", "لبحث"):
    _CUES[fold(_w)] = ("focus", "masdar")
for _w in ("يدعم", "تدعم", "دعمت", "يسهم", "تسهم", "أسهمت"):
    _CUES[fold(_w)] = ("support", "verb")
_INTEREST = fold("اهتمام")
_INTEREST_BEFORE = fold("مجال")
_WORK_VERBS = _f(("يعمل", "تعمل", "عملت", "ستعمل", "سيعمل"))
_WORK_OBJECT = _f(("على", "في"))                   # تعمل على / يعمل في مجال
_AIM_VERBS = _f(("يهدف", "تهدف", "هدفت", "يسعى", "تسعى", "سعت"))

# Words that may stand between a verb and its subject, or inside a subject, without being it.
FILLERS = _f((
    "أيضا", "أيضاً", "حاليا", "حالياً", "الآن", "عادة", "مؤخرا", "مؤخراً", "كذلك", "بدوره", "بدورها",
    "بشكل", "رئيسي", "رئيسية", "متزايد", "بصفة", "منتظمة", "خاصة", "بوجه", "خاص", "عام", "في", "المقام",
    "الأول", "هي", "الأخرى", "هو", "الآخر", "فقط", "بالفعل", "دائما", "كثيرا", "جزئيا",
    "بقوة", "عن", "كثب", "منذ", "ذلك", "الحين", "الوقت", "نفسه", "ذاته", "كلا", "كل", "من",
))
# Nominal heads of a subject (ستركز أعمال اللجنة، أنشطة بحوث البنك، عمليتا X و Y).
HEADS = _f(("أعمال", "أنشطة", "بحوث", "عمل", "عمليتا", "عمليات", "برامج", "جهود"))
# Definite head nouns that stand for a name already given.
ANAPHORS = _f((
    "المفوضية", "الصندوق", "المكتب", "البنك", "اللجنة", "الشعبة", "المنظمة", "البرنامج", "المعهد",
    "السوق", "الجامعة", "الفريق", "العملية", "المنتدى", "المركز", "المرفق", "الاتحاد", "الرابطة",
    "الاجتماع", "الحوار", "المؤتمر", "الأمانة", "الإدارة", "الهيئة", "الوكالة", "الجماعة", "المجموعة",
    "الشبكة", "المبادرة", "الإعلان", "الإطار", "الخطة", "القرار", "الاتفاق", "الرئاسة",
))
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
    if raw.startswith("(") or raw.startswith("\"") or raw.startswith("“") or raw.startswith("”") \
            or raw.startswith("("):
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
        if m is not None:
            found = [m]
            end = m.end
            j = text.token_index(m.end)
            while j < len(text.tokens) and text.tokens[j].start < limit:
                j2 = _skip_parenthetical(text, j, limit)
                if j2 != j:
                    end = text.tokens[j2 - 1].end
                    j = j2
                    continue
                nxt = text.tokens[j]
                if nxt.word.startswith("و"):
                    m2 = text.mention_at(nxt)
                    if m2 is not None and m2.start - nxt.start <= 3:
                        found.append(m2)
                        end = m2.end
                        j = text.token_index(m2.end)
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


def _cues(text: Text, start: int, end: int) -> list[_Cue]:
    out = []
    for k, tok in enumerate(text.tokens):
        if tok.start < start or tok.start >= end:
            continue
        if text.mention_at(tok) is not None and text.mention_at(tok).start == tok.start:
            continue
        for w in (tok.word, tok.bare):
            if w in _CUES:
                strength, role = _CUES[w]
                out.append(_Cue(tok.start, tok.end, w, strength, role))
                break
        else:
            if tok.bare in (_INTEREST, _INTEREST + "ا") and k > 0:
                prev = text.tokens[k - 1].bare
                role = "interest" if prev == _INTEREST_BEFORE else "verbless"
                if role == "interest":
                    out.append(_Cue(tok.start, tok.end, tok.bare, "focus", role))
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
    """Work verbs need على/في and aim verbs إلى after their subject."""
    if cue.word not in _WORK_VERBS and cue.word not in _AIM_VERBS:
        return True
    i = text.token_index(subj_end)
    for tok in text.tokens[i:i + 3]:
        if tok.start >= limit:
            break
        if cue.word in _WORK_VERBS and tok.word in _WORK_OBJECT:
            return True
        if cue.word in _AIM_VERBS and tok.word in _f(("إلى", "الى")):
            return True
        if tok.word not in FILLERS:
            return False
    return False


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


def _paragraph_facts(ctx: FactContext, source, text: Text, carried: list[Mention]) -> tuple[list[Fact], list[Mention]]:
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
            r = resolve_anaphor(s_subj.head, scope + [m for m in text.mentions if m.end <= s_subj.end - len(s_subj.head)])
            resolved_sentence = [r] if r else []
        cues = _cues(text, s_start, s_end)
        for n, cue in enumerate(cues):
            seg_end = cues[n + 1].start if n + 1 < len(cues) else s_end
            earlier = scope + [m for m in text.mentions if m.end <= cue.start]
            subjects: list[Mention] = []
            rule = ""
            obj_start = cue.end
            if cue.role == "interest":
                subj = subject_after(text, cue.end, s_end, max_tokens=2)
                if subj.kind == "explicit":
                    ents = _fact_subjects(subj.mentions)
                    for t in _topics(text, s_start, cue.start, subj.mentions):
                        for e in ents:
                            facts.append(Fact(e, "addresses", t, source, "topics.interest",
                                              RULES["topics.interest"][1]))
                continue
            subj = Subject("none", [], cue.end) if cue.role == "masdar" else subject_after(text, cue.end, seg_end)
            if subj.kind == "explicit":
                subjects, rule, obj_start = subj.mentions, "topics.focus-verb", subj.end
            elif subj.kind == "anaphor":
                r = resolve_anaphor(subj.head, earlier)
                if r:
                    subjects, rule, obj_start = [r], "topics.anaphor", subj.end
            elif subj.kind == "none" or (subj.kind == "other" and cue.role in ("both", "masdar")):
                rel = _relative_antecedent(text, cue.start, s_start)
                if rel:
                    subjects, rule = [rel], "topics.focus-verb"
                elif cue.role in ("both", "masdar") and resolved_sentence and resolved_sentence[0].start < cue.start:
                    subjects, rule = resolved_sentence, "topics.focus-verb"
                elif focus:
                    subjects, rule = focus, "topics.paragraph-subject"
            if not subjects or not _object_ok(text, cue, obj_start if subj.kind in ("explicit", "anaphor") else cue.end, seg_end):
                continue
            if cue.strength == "support":
                rule = "topics.support"
            conf = RULES[rule][1]
            for e in _fact_subjects(subjects):
                for t in _topics(text, obj_start, seg_end, subjects):
                    facts.append(Fact(e, "addresses", t, source, rule, conf))
        if resolved_sentence:
            focus = resolved_sentence
        scope.extend(m for m in text.mentions if s_start <= m.start < s_end)
    return facts, [m for m in scope if m.entity.kind not in ("topic", "state", "place", "region")]


def extract(ctx: FactContext) -> list[Fact]:
    facts: list[Fact] = []
    carried: list[Mention] = []
    section = object()
    for p in ctx.paragraphs():
        if p.section is not section:
            carried, section = [], p.section
        text = Text(p.text, ctx.mentions_in(p))
        new, carried = _paragraph_facts(ctx, p, text, carried)
        facts.extend(new)
    return facts
