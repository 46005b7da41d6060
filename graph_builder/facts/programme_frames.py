"""Programmes and projects named as the frame or the means of what a clause reports (issue 13, the institutional
register): ``ساعدت المنظمة الدولية للهجرة … عبر برنامج العودة الطوعية الإنسانية``, ``ورشات العمل التي نظمتها ضمن إطار
مشروع «تعزيز حقوق …»``, ``الحدث الذي تم تنظيمه في إطار البرنامج الإقليمي لمكتب … تحت عنوان «…» والممول من قبل
الاتحاد الأوروبي`` (rule ``commitment.programme-frame``).

The programme is minted from the text (``commitments.commitment``, passed in as ``mint``): its head noun (class
``programme_noun``) after a frame word (class ``programme_frame``), its words up to punctuation, a relative pronoun or
a preposition that starts another part of the clause, with a quoted title a theme cue gives it (``تحت عنوان «…»``).
Facts:

* ``managedBy`` the organisation the name itself names as its owner (``البرنامج الإقليمي لمكتب الأمم المتحدة …``),
  else the organisation that is the subject of the clause the frame belongs to (the first actor of the sentence,
  right after its verb: ``ساعدت المنظمة الدولية للهجرة … عبر برنامج``);
* ``fundedBy`` each actor listed after a funding phrase (class ``fund_cue``, form ``by``: ``والممول من قبل``،
  ``بتمويل من``، ``بفضل الدعم المقدم من``) written right after the name.

It gives nothing for a plural or a pronoun head (``عبر برامجها``), a plan of action or a draft (``في إطار برنامج عمل``،
``ضمن مشروع قرار``), a head that is part of an organisation's name (``برنامج الأمم المتحدة الإنمائي``), a programme
the gazetteer names (the adoption and funding rules read those), or a name of one word. A subject that is a state or
a person manages nothing here, nor does an actor written after a preposition (``بالتعاون مع X``). It knows no
document and finds no meeting.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.word_classes import load
from .funding_lists import donors
from .rules import REGISTRY, Rule, register
from .spans import starting

RULE = "commitment.programme-frame"
if RULE not in REGISTRY:
    register(Rule(RULE, ("managedBy", "fundedBy"), 0.75,
                  ("lex:programme_frame", "lex:programme_noun", "lex:theme_cue", "lex:fund_cue", "entity:org",
                   "entity:state"),
                  "FRAME (عبر، من خلال، في إطار، ضمن إطار) + برنامج/مشروع NAME (تحت عنوان «…») (والممول من قبل X): the "
                  "programme named, managed by its owner or the clause's subject organisation, funded by X", "commitments"))

NAME_MAX = 24                # words of a programme's name, a quoted title included
SUBJECT_REACH = 4            # tokens from the clause's start to its subject (a verb, a time adverb)
FUND_REACH = 2               # tokens between the name's end and a funding phrase
_NOT_A_NAME = frozenset({"عمل", "قرار", "قانون", "اتفاق", "اتفاقيه", "بروتوكول", "مرسوم"})    # برنامج عمل، مشروع قرار
_STOPS = frozenset({"الذي", "التي", "والذي", "والتي", "الذين", "منذ", "مع", "بالتعاون", "بالشراكه", "بالتنسيق",
                    "وذلك", "حيث", "اذ", "لمده", "خلال", "عبر", "من", "بتمويل", "بدعم", "بفضل", "الي", "حتي", "علي"})
_PUNCT_STOPS = frozenset({",", ".", ";", ":", "(", ")", "؟", "!", "-", "–"})
_QUOTES = frozenset({"«", "»", '"', "“", "”"})
_CLASS_OF = {"برنامج": "FundingCommitment", "مشروع": "Initiative", "مبادره": "Initiative"}
_ACTORS = frozenset({"org", "state"})
_CLAUSE_OPEN = frozenset({"-", "–", "—"})    # a dateline's dash: the clause starts after it


def extract_sentence(ctx, src, toks, v, s: int, e: int, mint, seen: dict | None):
    """The programme-frame facts of the sentence [s, e) of ``src``; ``mint(cls, name, start, end, via)`` makes the
    commitment. Yields (entity, facts) pairs, one per programme named."""
    lex = load()
    lo, hi = toks.token_range(s, e)
    conf = REGISTRY.confidence(RULE)
    for fm in lex.find(toks, "programme_frame", lo, hi):
        k = fm.j
        head = lex.is_a(toks, k, "programme_noun") if k < hi else None
        if head is None or head.reading.enc or head.j >= hi or _not_a_name(toks.tokens[head.j].norm):
            continue
        if any(m.entity.kind in ("org", "commitment", "process") and m.start <= toks.tokens[k].start < m.end
               for m in toks.mentions):
            continue             # برنامج الأمم المتحدة الإنمائي: an organisation; a programme the gazetteer names
        end = _name_end(toks, lex, head.j, hi)
        if end - k < 2 + int(toks.tokens[head.j].norm in _QUOTES):
            continue             # في إطار البرنامج: no name
        start, stop = toks.tokens[k].start, toks.tokens[end - 1].end
        name = src.text[start:stop].strip()
        name = name[:-1].rstrip() if name.endswith(("«", "“")) else name
        owner = _owner(toks, head.j, end)
        manager = owner or clause_subject(toks, lo, fm.i)
        funders = _funders(toks, lex, end, hi)
        if manager is None and not funders:
            continue             # named, but nothing said of it here: not minted
        cls = _CLASS_OF.get(head.entry.words[0], "Initiative")
        ent = mint(cls, name, start, stop, f"managed by {manager.label_en}" if manager is not None else "")
        facts = []
        if manager is not None:
            facts.append(Fact(ent, "managedBy", manager, src, RULE, conf))
        facts += [Fact(ent, "fundedBy", f, src, RULE, conf) for f in funders if f != ent and f != manager]
        yield ent, facts


def _not_a_name(norm: str) -> bool:
    """The word after the head makes a plan or a draft (برنامج العمل، برنامج عملها، مشروع قرار), not a name."""
    word = norm[2:] if norm.startswith("ال") else norm
    return any(word == w or word in (w + "ه", w + "ها", w + "هم") for w in _NOT_A_NAME)


def _name_end(toks, lex, k: int, hi: int) -> int:
    """One past the last token of a programme's name whose words start at token ``k`` (after its head): up to
    punctuation, a stop word, a funding phrase or ``NAME_MAX`` words; a quoted title (right after the head, or after
    a theme cue) ends it at its closing quote."""
    j = k
    while j < hi and j - k < NAME_MAX:
        t = toks.tokens[j]
        if t.norm in _QUOTES:
            close = next((x for x in range(j + 1, hi) if toks.tokens[x].norm in _QUOTES), None)
            return close + 1 if close is not None else j
        cue = lex.is_a(toks, j, "theme_cue")
        if cue is not None:
            q = cue.j + int(cue.j < hi and toks.tokens[cue.j].norm == ":")
            if q < hi and toks.tokens[q].norm in _QUOTES:
                j = q
                continue
            return j
        if t.norm in _PUNCT_STOPS or t.norm in _STOPS or lex.is_a(toks, j, "fund_cue") is not None \
                or t.kind == "number":
            return j
        j += 1
    return j


def _owner(toks, k: int, end: int):
    """The organisation the programme's own words name before any quoted title (``البرنامج الإقليمي لمكتب الأمم
    المتحدة المعني بالمخدرات والجريمة``), else None."""
    for j in range(k, end):
        if toks.tokens[j].norm in _QUOTES:
            return None
        m = starting(toks, j, {"org"})
        if m is not None:
            return m.entity
    return None


def clause_subject(toks, lo: int, i: int):
    """The organisation that is the subject of the clause the frame word at token ``i`` belongs to: the first actor
    of the sentence (after a dateline's dash), within ``SUBJECT_REACH`` tokens of its start and not after a
    preposition; None when it is a state, or the sentence names none before the frame."""
    open_ = max((x + 1 for x in range(lo, i) if toks.tokens[x].norm in _CLAUSE_OPEN), default=lo)
    for j in range(open_, min(i, open_ + SUBJECT_REACH + 1)):
        m = next((x for x in toks.tokens[j].ents if x.entity.kind in _ACTORS | {"person", "place"}), None)
        if m is None:
            if toks.tokens[j].norm in ("من", "مع", "عن", "الي", "في", "ب", "ل"):
                return None
            continue
        if m.entity.kind != "org" or toks.tokens[j].norm.startswith(("ل", "ب", "ك")) and m.start > toks.tokens[j].start:
            return None          # a state, a person or a place first; لـ/بـ + actor: not the subject
        return m.entity
    return None


def _funders(toks, lex, end: int, hi: int) -> list:
    """The actors listed after a funding phrase (class ``fund_cue``, form ``by``) written within ``FUND_REACH`` tokens
    of the name's end."""
    for j in range(end, min(hi, end + FUND_REACH + 1)):
        cue = lex.is_a(toks, j, "fund_cue")
        if cue is not None and cue.feature("form") == "by" and not cue.future:
            return donors(toks, lex, cue.j, hi)
    return []
