"""The focus cues of topic facts: which words open a statement of what an entity addresses
(يركز على، تتناول، بحث، تعمل على، تهدف إلى، تدعم، مجال اهتمام، الهدف من، المعنية ب …), how
strong each is, what role it plays (finite verb, verbal noun, …) and which preposition must open
its object; :func:`find_cues` lists them in a sentence.

It does not look for subjects or topics (``topic_subjects.py``, ``topic_objects.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..text.arabic import fold
from ..recognise.findings import Mention
from .clause_subjects import Text, Token, folded_set

# cue word (folded, without the conjunction و/ف) → (strength, role, prepositions)
#   role "verb": a finite verb, subject follows; "masdar": a verbal noun, subject is the sentence's;
#   "both": either. prepositions: what must open the object after the subject (() = transitive).
_ON, _TO, _IN, _BI, _AN = ("على",), ("إلى",), ("في",), ("ب",), ("عن",)
_PLATFORMS = ("منبرا", "منبر", "منتدى", "إطارا", "فضاء", "منصة")      # a platform (for dialogue on …)
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
    (("ينص", "تنص", "نص", "نصت"), "focus", "explicit", _ON),                  # stipulates (an instrument)
    (("أنشأ", "أنشأت", "ينشئ", "تنشئ"), "support", "explicit", ()),          # set up (networks for …)
    (("سيدعم", "ستدعم"), "support", "verb", ()),
    (("يساعد", "تساعد", "سيساعد", "ستساعد", "ساعد", "ساعدت"), "support", "verb", _ON),
    (("تتضمن", "يتضمن", "تضمنت", "تضمن", "أظهرت", "أظهر"), "focus", "activity", ()),
    # a platform for dialogue on … (ويتيح X منبرا للتشاور بشأن …): the sentence's subject works on what follows
    (_PLATFORMS, "focus", "masdar",
     ("للتشاور", "للحوار", "للنقاش", "لتبادل", "للتعاون", "للتنسيق")),
)
# a platform noun's object is its own clause: it ends at the next comma (منبرا للحوار … المرسلة للعمالة، وذلك …)
PLATFORM_NOUNS = frozenset(fold(w) for w in _PLATFORMS)
_CUES = MappingProxyType({fold(w): (strength, role, tuple(fold(p) for p in preps))
                          for words, strength, role, preps in _CUE_TABLE for w in words})
# role "explicit": a verb that gives a fact only with a written subject (a name or a head noun);
# role "activity": only with a subject like "هذه الأنشطة/البحوث" (the activities of the paragraph's entity).
_WORK_WITH = fold("مع")
_PURPOSE = folded_set(("الهدف", "هدف", "والهدف"))
_ADJECTIVES = folded_set(("المعنية", "المعني", "المعنيان", "المعنيتان"))
# A preposition with a pronoun right after a verb: the verb is inside a relative clause that hangs on a
# noun of the clause before (التي قام بها، الذي أعلن عنه): it does not start a new statement.
RESUMPTIVES = folded_set(("به", "بها", "بهما", "فيه", "فيها", "عنه", "عنها", "عليه", "عليها", "إليه", "إليها", "له", "لها"))
_INTEREST = fold("اهتمام")
_INTEREST_BEFORE = fold("مجال")


@dataclass
class Cue:
    """A cue word in a text (original offsets), its strength ("focus"/"support"), role and prepositions."""

    start: int
    end: int
    word: str
    strength: str
    role: str
    preps: tuple[str, ...] = ()


_WORKS = folded_set(("يعمل", "تعمل", "عملت", "ستعمل", "سيعمل"))


def _inside_mention(text: Text, tok: Token) -> Mention | None:
    return next((m for m in text.mentions if m.start < tok.end and tok.start < m.end), None)


def find_cues(text: Text, start: int, end: int) -> list[Cue]:
    """The cues of text[start:end] in reading order (a cue word that starts a mention's name is not one)."""
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
                out.append(Cue(tok.start, tok.end, w, strength, role, preps))
                break
        else:
            if tok.bare in (_INTEREST, _INTEREST + "ا") and k > 0 and text.tokens[k - 1].bare == _INTEREST_BEFORE:
                out.append(Cue(tok.start, tok.end, tok.bare, "focus", "interest", ()))
            elif tok.word in _PURPOSE and nxt is not None and nxt.word == fold("من") and nxt.start < end:
                out.append(Cue(tok.start, nxt.end, tok.word, "focus", "purpose", ()))
            elif tok.word in _ADJECTIVES and k > 0 and _inside_mention(text, tok) is None \
                    and text.original[text.tokens[k - 1].start:text.tokens[k - 1].end].endswith(("،", ",")):
                out.append(Cue(tok.start, tok.end, tok.word, "focus", "adjective", ()))
    return out

