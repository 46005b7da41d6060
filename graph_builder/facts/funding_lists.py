"""Funding written as a verb, a receiving clause or a phrase, with the donors as a list (issue 13):

* ``وقد موّلتها السويد والنرويج`` — a funding verb with an object pronoun: the fund or initiative named last
  before it in the paragraph is funded by each actor listed after the verb;
* ``وتلقى الصندوق مساهمات من ألمانيا وإيطاليا`` — a receiving verb whose subject is a fund (its name, or its
  anaphor ``الصندوق``/``المشروع`` …) and whose object is a sum or contributions from the listed donors;
* ``… إعلان/صندوق NAME بتمويل من A وB`` — a funding phrase right after an instrument the gazetteer names (the
  names the gazetteer lacks are the commitments family's regex rule, ``commitments._funded_named``).

The list is ``spans.coordinated`` (X، Y وZ; a state's head noun before its name), going on after a comma and
a continuation word of class ``list_continuation`` (فضلا عن، إضافة إلى، علاوة على). The words are lexicon classes
(``fund_cue``, ``fund_anaphor``, ``contribution_noun``, ``list_continuation`` in ``lexicons/classes/relations.toml``).
A future or planned verb, a negation, a call (``دعا إلى تمويل``) or a request gives nothing; a list
after anything but the cue (``ناقش … ألمانيا``) is not read; only funding commitments and initiatives are
funded (a declaration or a meeting is not). It does not mint commitments (it funds the ones the family named)
and knows no document.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .rules import REGISTRY, Rule, register
from .spans import coordinated, sentence_bounds, starting

RULE = "commitment.funded-list"
if RULE not in REGISTRY:
    register(Rule(RULE, ("fundedBy",), 0.8, ("lex:fund_cue", "lex:fund_anaphor", "lex:contribution_noun",
                                             "lex:list_continuation", "lex:planned_marker", "lex:negation",
                                             "lex:call_marker", "entity:state", "entity:org", "entity:commitment"),
                  "وقد موّلتها A وB / وتلقى الصندوق مساهمات من A وB / NAME بتمويل من A وB: each listed actor funds the "
                  "fund or initiative named (or taken up) there", "commitments"))

DONORS = frozenset({"state", "org"})
FUNDED = frozenset({"FundingCommitment", "Initiative"})
PRONOUNS = frozenset({"ه", "ها"})
MODAL_WINDOW = 6            # tokens before the cue where a planned marker or a call makes it no funding
RECEIVE_WINDOW = 4          # tokens between a receiving verb's object (مساهمات) and its من


def donors(toks, lex, k: int, hi: int) -> list:
    """The actors listed from token ``k``: coordinated items, on after ``، فضلا عن / إضافة إلى …`` (class
    ``list_continuation``)."""
    out, j = [], k
    while j < hi:
        if toks.tokens[j].norm == "كل" and j + 1 < hi and toks.tokens[j + 1].norm == "من":
            j += 2                                 # كل من A وB
        listed, end = coordinated(toks, j, hi, DONORS)
        if not listed:
            break
        out.extend(m.entity for m in listed)
        n = end
        while n < hi and toks.tokens[n].norm in (",", "و"):
            n += 1
        cont = lex.is_a(toks, n, "list_continuation") if n < hi else None
        if cont is None:
            break
        j = cont.j
    return list(dict.fromkeys(out))


def _held_back(toks, lex, cue, lo: int) -> bool:
    """A funding still to come, asked for or denied."""
    if cue.future:
        return True
    start = max(lo, cue.i - MODAL_WINDOW)
    return bool(lex.find(toks, "planned_marker", start, cue.i) or lex.find(toks, "call_marker", start, cue.i)
                or lex.find(toks, "negation", max(lo, cue.i - 2), cue.i))


def _funded(ent) -> bool:
    return ent is not None and ent.kind == "commitment" and ent.cls in FUNDED


def _feminine(ent) -> bool:
    """The instrument's Arabic head word is feminine (مبادرة، خطة): it ends in ta marbuta."""
    words = fold(ent.label_ar or "").split()
    return bool(words) and words[0].endswith("ه")


def _last_named(named: list, before: int, pronoun: str = ""):
    """The fund or initiative named last before character ``before`` (``named``: (offset, entity)); with an object
    pronoun, the last one whose head word agrees with it (ه: صندوق، برنامج، مشروع; ها: مبادرة)."""
    found = [e for at, e in named if at < before and _funded(e)
             and (not pronoun or _feminine(e) == (pronoun == "ها"))]
    return found[-1] if found else None


def extract_paragraph(src, toks, named: list) -> list[Fact]:
    """The funding facts of one paragraph; ``named`` lists (offset, entity) of the commitments named in it so far
    (the gazetteer's mentions and the ones the family minted, at the start of the sentence that named them)."""
    lex = load()
    conf = REGISTRY.confidence(RULE)
    named = sorted(named + [(m.start, m.entity) for m in toks.mentions if m.entity.kind == "commitment"],
                   key=lambda x: x[0])
    out: list[Fact] = []
    for cue in lex.find(toks, "fund_cue"):
        lo, hi = sentence_bounds(toks, cue.i)
        if _held_back(toks, lex, cue, lo):
            continue
        form, start = cue.feature("form"), toks.tokens[cue.i].start
        fund, k = None, cue.j
        if form == "verb":
            if cue.reading.enc not in PRONOUNS or cue.i > lo and toks.tokens[cue.i - 1].norm in ("الذي", "التي"):
                continue                           # الذي تموله X: the regex rule's; no pronoun: no object read
            fund = _last_named(named, start, cue.reading.enc)
        elif form == "receive":
            subj = starting(toks, k, {"commitment"})
            if subj is not None:
                fund, k = subj.entity, toks.index_at(subj.end - 1) + 1
            elif k < hi and lex.is_a(toks, k, "fund_anaphor") is not None:
                fund, k = _last_named(named, start), k + 1
            if k >= hi or lex.is_a(toks, k, "contribution_noun") is None:
                continue                           # تلقى الصندوق طلبات …: no sum received
            k = next((c + 1 for c in range(k, min(hi, k + RECEIVE_WINDOW)) if toks.tokens[c].norm == "من"), hi)
        else:                                      # بتمويل من: right after a gazetteer instrument
            before = [m for m in toks.mentions if m.entity.kind == "commitment" and cue.i - 2 <= toks.index_at(m.end - 1) < cue.i]
            fund = before[-1].entity if before and not before[-1].entity.from_text else None
        if not _funded(fund):
            continue
        for donor in donors(toks, lex, k, hi):
            if donor != fund:
                out.append(Fact(fund, "fundedBy", donor, src, RULE, conf))
    return out
