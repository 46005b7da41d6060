"""States that ratify or accede to a named multilateral instrument (a convention, a compact) are its parties.

Rule ``commitment.ratified`` reads a ratifying verb (``adopt_verb`` entries with ``ratify = true``: صادق،
صادقت، صدقت على، انضمت إلى) in two orders:

* ``STATE صادقت (سنة 2007) على NAME``، ``صادقت STATE على NAME``، ``انضمت STATE إلى NAME`` — read by the token
  rules of ``adoption`` (``adoption._facts`` calls :func:`party_facts`), the state before or after the verb;
* ``NAME … وقد صادق عليها (حتى الآن) ثماني دول (أعضاء في المنظمة) هي A، وB، وC`` — a verb with the resumptive
  pronoun of its object (``عليها``، ``عليه``، ``إليها``) ratifies the last named instrument before it in the
  paragraph; every state listed after it in the sentence is a party (:func:`extract`).

* ``ومصر من الدول الأطراف في الاتفاقية``، ``وأصبحت تونس دولة طرفا في NAME`` — a state right before a phrase of
  class ``party_phrase`` is a party to the instrument after it: a named one, or a bare head (``الاتفاقية``،
  ``المعاهدة``) that takes up the last instrument named before it in the paragraph.

A ratification's date is the state's, not the instrument's adoption date: no ``dateAdopted`` is read from it.
A future, planned, negated or asked-for ratification (``لم تصادق بعد``، ``على أن يصادق عليه``، ``دعا … إلى
الانضمام إليها``) gives nothing, nor a bill that approves an instrument (``صادق البرلمان على مشروع قانون
يوافق على الاتفاقية``: the state is not a party yet), nor a body of a state (a parliament, a cabinet):
only a state named as such is a party.

It reads no meeting, mints no instrument (the gazetteer and the commitments family name them), and names no
document.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.word_classes import load
from .rules import REGISTRY, Rule, register
from .spans import sentence_ends, starting

RULE = "commitment.ratified"
if RULE not in REGISTRY:
    register(Rule(RULE, ("party",), 0.75,
                  ("lex:adopt_verb", "lex:planned_marker", "lex:negation", "lex:call_marker", "entity:commitment",
                   "entity:state"),
                  "STATE صادقت على NAME; صادقت STATE على NAME; NAME … صادق عليها N دول هي A، وB: the ratifying "
                  "states are parties of the instrument (not its adopters)", "commitments"))

RESUMPTIVE = frozenset({"عليه", "عليها", "اليه", "اليها"})
ANTECEDENT_SENTENCES = 2     # the instrument a pronoun stands for is named in its sentence or the one before
LIST_WINDOW = 40             # tokens after the verb that may hold the list of states
NOT_YET = frozenset({"مشروع", "مسوده", "مسودة"})


def party_facts(commitment, states, src):
    """``party`` facts of ``commitment`` for each state (entities) that ratified it."""
    conf = REGISTRY.confidence(RULE)
    return [Fact(commitment, "party", s, src, RULE, conf) for s in dict.fromkeys(states)]


def _antecedent(toks, k: int, lo_sentence: int):
    """The last gazetteer or minted instrument named before token ``k`` from token ``lo_sentence`` on."""
    found = None
    for c in range(lo_sentence, k):
        m = starting(toks, c, {"commitment"})
        if m is not None:
            found = m.entity
    return found


def _listed_states(toks, lex, a: int, hi: int) -> list:
    """The states named from token ``a`` to the end of the sentence, past fillers and a count of states (``ثماني
    دول أعضاء في المنظمة هي``); stops at another instrument or a verb of its own clause (a new subject)."""
    out = []
    for c in range(a, min(hi, a + LIST_WINDOW)):
        t = toks.tokens[c]
        if starting(toks, c, {"commitment"}) is not None:
            break
        out.extend(m.entity for m in t.ents if m.entity.kind == "state" and toks.index_at(m.start) == c)
    return out


BARE_HEADS = frozenset({"الاتفاقيه", "الاتفاقية", "الاتفاق", "المعاهده", "المعاهدة", "البروتوكول", "الميثاق"})
PARTY_BEFORE = 2             # tokens between the state and the party phrase (وتعد، كانت)


def _party_phrases(toks, lex, src) -> list[Fact]:
    """``STATE من الدول الأطراف في NAME|الاتفاقية``: the state is a party (see the module's doc)."""
    out = []
    for ph in lex.find(toks, "party_phrase"):
        k = ph.i
        if k > 0 and (toks.tokens[k - 1].norm in ("غير", "ليست", "ليس") or lex.find(toks, "negation", max(0, k - 3), k)):
            continue                                 # الدول غير الأطراف، ليست طرفا
        states = [m.entity for c in range(max(0, k - PARTY_BEFORE), k) for m in toks.tokens[c].ents
                  if m.entity.kind == "state" and toks.index_at(m.end - 1) == k - 1]
        if not states or ph.j >= len(toks.tokens):
            continue
        named = starting(toks, ph.j, {"commitment"})
        instrument = named.entity if named is not None else None
        if instrument is None and toks.tokens[ph.j].norm in BARE_HEADS:
            instrument = _antecedent(toks, k, 0)
        if instrument is not None and instrument.cls in ("LegalInstrument", "PolicyFramework", "Agreement"):
            out.extend(party_facts(instrument, states, src))
    return out


def extract(ctx, read: set) -> list[Fact]:
    """The parties of the instruments a pronoun-object ratifying verb stands for (see the module's doc). ``read``
    holds (id(source), token) of the verbs the adoption rules already read; it is not changed."""
    from .adoption import _not_held            # noqa: PLC0415 (the family's modality reading)
    lex = load()
    out: list[Fact] = []
    for src in ctx.document.paragraphs:
        toks = ctx.tokens(src)
        if not any(m.entity.kind == "commitment" for m in toks.mentions):
            continue
        out.extend(_party_phrases(toks, lex, src))
        ends = sentence_ends(toks)
        starts = sorted({0} | {e for e in ends.values() if e < len(toks.tokens)})
        for k in range(len(toks.tokens)):
            verb = next((v for v in lex.match_at(toks, k, ("adopt_verb",)) if v.feature("ratify")), None)
            if verb is None or (id(src), k) in read or verb.j >= len(toks.tokens) \
                    or toks.tokens[verb.j].norm not in RESUMPTIVE:
                continue
            if _not_held(toks, lex, verb) or lex.find(toks, "call_marker", max(0, k - 6), k):
                continue
            sent = toks.tokens[k].sent
            hi = ends[sent]
            before = [s for s in starts if s <= k]
            lo = before[-ANTECEDENT_SENTENCES] if len(before) >= ANTECEDENT_SENTENCES else 0
            instrument = _antecedent(toks, k, lo)
            if instrument is None or instrument.cls not in ("LegalInstrument", "PolicyFramework", "Agreement"):
                continue
            if any(toks.tokens[c].norm in NOT_YET for c in range(max(lo, k - 3), k)):
                continue
            out.extend(party_facts(instrument, _listed_states(toks, lex, verb.j + 1, hi), src))
    return out
