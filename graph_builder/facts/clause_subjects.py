"""Sentence grammar shared by the topic and actor rules: a source text as tokens with original
offsets and its mentions (:class:`Text`), the subject written after a verb (:func:`subject_after`)
or at the head of a sentence (:func:`sentence_subject`), and a head noun resolved to the latest
entity named with it (:func:`resolve_anaphor`), with the word lists they read.

It makes no facts and knows no rule; it does not recognise entities (the matcher does).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..text.arabic import Normalised, fold, normalise
from ..recognise.findings import Mention
from .fact_context import sentences as sentence_spans
from .minting import arabic_names


def folded_set(words: Iterable[str]) -> frozenset[str]:
    """A word list in ordinary Arabic as the set of its folded forms."""
    return frozenset(fold(w) for w in words)


# Words that may stand between a verb and its subject, or inside a subject, without being it.
FILLERS = folded_set((
    "أيضا", "أيضاً", "حاليا", "حالياً", "الآن", "عادة", "مؤخرا", "مؤخراً", "كذلك", "بدوره", "بدورها",
    "بشكل", "رئيسي", "رئيسية", "متزايد", "بصفة", "منتظمة", "خاصة", "بوجه", "خاص", "عام", "في", "المقام",
    "الأول", "هي", "الأخرى", "هو", "الآخر", "فقط", "بالفعل", "دائما", "كثيرا", "جزئيا",
    "بقوة", "عن", "كثب", "منذ", "ذلك", "الحين", "الوقت", "نفسه", "ذاته", "كلا", "كل", "من", "هذه", "هذا",
    "العمل", "الأولى", "الثانية", "الثالثة",
))
# Nominal heads of a subject (ستركز أعمال اللجنة، أنشطة بحوث البنك، عمليتا X و Y).
HEADS = folded_set(("أعمال", "أنشطة", "بحوث", "عمل", "عمليتا", "عمليات", "برامج", "جهود", "مسار", "منصة", "آلية"))
# Definite head nouns that stand for a name already given.
ANAPHORS = folded_set((
    "المفوضية", "الصندوق", "المكتب", "البنك", "اللجنة", "الشعبة", "المنظمة", "البرنامج", "المعهد",
    "السوق", "الجامعة", "الفريق", "العملية", "المنتدى", "المركز", "المرفق", "الاتحاد", "الرابطة",
    "الاجتماع", "الحوار", "المؤتمر", "الأمانة", "الإدارة", "الهيئة", "الوكالة", "الجماعة", "المجموعة",
    "الشبكة", "المبادرة", "الإعلان", "الإطار", "الخطة", "القرار", "الاتفاق", "الرئاسة",
    "الاتفاقية", "المذكرة", "الميثاق", "القانون", "البروتوكول",
    "الجلسة", "جلسة", "جلسات", "جلستا",
))
NON_SUBJECT_KINDS = frozenset({"topic", "place", "region", "publication"})
RELATIVES = folded_set(("التي", "الذي", "اللذان", "اللتان", "اللذين", "اللتين", "الذين"))
# Fronted adverbials: a sentence starting with one of these puts its verb after the first comma.
FRONTED = folded_set(("في", "خلال", "منذ", "بحلول", "علاوة", "إضافة", "بالإضافة", "عقب", "داخل", "مع",
                      "بعد", "قبل", "على", "من", "عملا", "وفقا", "ولتحقيق", "لتحقيق", "للتصدي", "لبحث", "أثناء",
                      "ولذلك", "لذلك", "بالتالي", "وبالتالي"))
SENTENCE_OPENERS = folded_set(("أما", "ثم", "وهكذا", "هكذا", "بذا", "كما", "لقد", "قد", "إن"))
_PUNCT = "،,؛;:.()\"“”„«»'–-—…[]"

_WORD_RX = re.compile(r"\S+")


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
        """(start, end) spans of the sentences, split at full stops only."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.original, clauses=False)   # reports list topics across ;
        return self._sentences

    def sentence_end(self, pos: int) -> int:
        """The end of the sentence ``pos`` is in (the end of the text if none)."""
        return next((e for s, e in self.sentences() if s <= pos < e), len(self.original))

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
        if tok.word in FILLERS or tok.bare in HEADS or tok.word in HEADS or not tok.word:
            i += 1
            seen += 1
            continue
        return Subject("none" if _opens_object(tok.word) else "other", [], tok.start)
    return Subject("none", [], pos)


def _opens_object(word: str) -> bool:
    """A preposition or a prepositional verbal noun (the verb's pronoun subject is implied)."""
    return word in folded_set(("على", "إلى", "الى", "في", "ب")) or word.startswith(("ب", "لل", "وب")) and len(word) > 3


def resolve_anaphor(head: str, before: list[Mention]) -> Mention | None:
    """The latest mention whose entity's Arabic name begins with the noun ``head``."""
    stem = head[2:] if head.startswith("ال") else head
    for m in reversed(before):
        names = arabic_names(m.entity) + [m.surface]
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

