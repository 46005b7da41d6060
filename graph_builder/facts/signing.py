"""Agreements signed between parties: memoranda of understanding, cooperation agreements, protocols.

Rule ``commitment.signed`` reads a signing verb or verbal noun (lexicon class ``sign_verb``: وقع، وقعت،
وقعا، يوقعان، أبرم، توقيع، التوقيع على، تم توقيع …) and the agreement noun it governs (``agreement_noun``:
مذكرة تفاهم، اتفاق، اتفاقية تعاون، بروتوكول تعاون …), in the orders a writer uses:

* ``وقعت X و Y (في أبوجا) مذكرة تفاهم`` / ``وقع كل من X، …، و Y، …، على الاتفاق`` — the organisations and
  states between the verb and the noun;
* ``X و Y يوقعان مذكرة تفاهم`` — a dual or plural verb (or one with nobody after it) takes the actors
  before it in the sentence;
* ``وقعت X مع Y``، ``مذكرة التفاهم التي وقعتها X مع Y``، ``اتفاقية بين X و Y`` — the party after مع or بين;
* ``وقعت X و Y مذكرة تفاهم خلال الدورة الخامسة من منتدى …``، ``على هامش القمة وقعت …`` — a signing sentence that
  says where, in a paragraph about one held meeting: the agreement was signed (adoptedAt) at that meeting;
* ``افتتحت X مكتبا …، ووقعت مع Y مذكرة تفاهم`` — a coordinated verb with مع right after it and no subject
  of its own signs for the first party of its sentence (the subject of the clause before);
* ``… توقيع اتفاق …، ووقعه X …، و Y …`` — a verb with an object pronoun signs the agreement named
  before it in the paragraph; the parties follow it.

A party named by its post (``الأمين العام``، ``المدير العام للمنظمة الدولية للهجرة``) is the organisation
the post belongs to; a person is no party. The date is the first date of the sentence (relative ones read
against the document's date) that is not an earlier text's (``الموقعة عام 2000``, ``منذ``). The
agreement is minted from its kind, its two parties and its year. A future, planned or negated signing
(``ستوقع``، ``من المقرر توقيع``) gives nothing, nor an expected one (``توقع الخبراء أن توقع X …``، ``يتوقع أن تشهد
الزيارة توقيع …``: lexicon class ``expect_marker``; the headline present ``مصر توقع مع Y اتفاقية`` still signs), an
authorised or negotiated one (``فوض مجلس الوزراء الوزير بالتوقيع``، ``مشروع مرسوم يأذن بالتوقيع``، ``وافق على
التفاوض``: ``authorise_marker``; the states named are not parties yet) or an offered one (``اقترحت X توقيع …``), nor a named multilateral instrument (the gazetteer's
``الاتفاق العالمي``: adopted, not signed between parties), nor a draft (``مشروع اتفاق``).

It does not find meetings, and names no document.
"""
from __future__ import annotations

import re

from ..recognise.findings import Entity, Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .rules import REGISTRY, Rule, register
from .spans import sentence_bounds

RULE = "commitment.signed"
if RULE not in REGISTRY:
    register(Rule(RULE, ("party", "dateAdopted", "year"), 0.8,
                  ("lex:sign_verb", "lex:agreement_noun", "lex:planned_marker", "lex:negation", "entity:org",
                   "entity:state"),
                  "SIGN_VERB X (و Y) AGREEMENT (مع Z | بين X و Y); X و Y يوقعان AGREEMENT; AGREEMENT التي وقعتها X مع Y; "
                  "… ووقعه X و Y: the organisations and states (a post → its organisation) are parties", "commitments"))

PARTY_KINDS = frozenset({"org", "state"})
WINDOW = 30                 # tokens between the verb and the agreement noun
RELATIVES = frozenset({"التي", "الذي", "والتي", "والذي"})
NOT_SIGNED = frozenset({"مشروع", "مسوده", "مسودة"})


AHEAD_WINDOW = 8             # tokens before a signing that may hold its authorising or offering word
THAT = frozenset({"ان", "وان", "بان"})


def _expected(toks, lex, i, j, noun, lo, hi) -> bool:
    """The signing at tokens [i, j) is expected, not done: its own word is توقع followed by أن or by a verbal
    noun of signing (توقع الخبراء أن …، توقعت مصادر توقيع …), or an expecting word earlier in the sentence
    governs it (يتوقع أن توقع X …، يتوقع أن تشهد الزيارة توقيع …)."""
    if not noun and lex.is_a(toks, i, "expect_marker"):
        for k in range(j, min(hi, j + AHEAD_WINDOW)):
            if toks.tokens[k].norm in THAT or any(m.feature("noun") for m in lex.match_at(toks, k, ("sign_verb",))):
                return True
            if lex.is_a(toks, k, "agreement_noun"):
                break
    if noun or (i > lo and toks.tokens[i - 1].norm in THAT):
        return bool(lex.find(toks, "expect_marker", lo, i))
    return False


def not_signed(toks, lex, i, j, noun, lo, hi) -> bool:
    """A signing (or an agreement noun) at tokens [i, j) that the sentence says is expected, authorised or
    negotiated but not yet signed, or offered (lexicon classes ``expect_marker``, ``authorise_marker``,
    ``offer_marker``)."""
    ahead = max(lo, i - AHEAD_WINDOW)
    return _expected(toks, lex, i, j, noun, lo, hi) or bool(lex.find(toks, "authorise_marker", ahead, i)) \
        or any(not m.feature("weak") for m in lex.find(toks, "offer_marker", ahead, i))


def _party(ctx, ent):
    """The party an organisation or state mention stands for: a post (الأمين العام …) → its organisation."""
    from .actors import _is_office, _office_organisation
    if ent.kind not in PARTY_KINDS:
        return None
    if _is_office(ent):
        return _office_organisation(ent, ctx.gazetteer)
    return ent


def _actors(ctx, toks, a, b, stop_at_prep=True):
    """The parties named in tokens [a, b): organisations and states, not those after في/ب (a place)."""
    out = []
    for k in range(a, b):
        t = toks.tokens[k]
        for m in t.ents:
            if toks.index_at(m.start) != k:
                continue
            if stop_at_prep and k > 0 and toks.tokens[k - 1].norm in ("في", "الي", "بمقر", "مقر"):
                continue
            p = _party(ctx, m.entity)
            if p is not None and p not in out:
                out.append(p)
    return out


def _after(ctx, toks, lex, k, hi, word):
    """The parties after ``مع`` (one) or ``بين`` (two, joined by و) at token ``k``."""
    if k >= hi or toks.tokens[k].norm != word:
        return []
    end = k + 1
    while end < hi and not (toks.tokens[end].kind == "punct" and toks.tokens[end].norm in ".؛;") \
            and not lex.is_a(toks, end, "sign_verb") and toks.tokens[end].norm not in RELATIVES and end < k + 16:
        end += 1
    found = _actors(ctx, toks, k + 1, end)            # بين X و Y في النمسا: not the place after في
    return found[:1] if word == "مع" else found[:2]


def _with(ctx, toks, lex, a, b, hi):
    """A party after مع or بين anywhere in tokens [a, b)."""
    for k in range(a, min(b, hi)):
        if toks.tokens[k].norm in ("مع", "بين"):
            return _after(ctx, toks, lex, k, hi, toks.tokens[k].norm)
    return []


def _noun_at(toks, lex, k, hi):
    """The agreement noun at token ``k`` (after an optional على), unless it opens a named instrument."""
    if k < hi and toks.tokens[k].norm == "علي":
        k += 1
    n = lex.is_a(toks, k, "agreement_noun") if k < hi else None
    if n is None or any(m.entity.kind == "commitment" and not m.entity.from_text for m in toks.tokens[k].ents):
        return None
    if k > 0 and toks.tokens[k - 1].norm in NOT_SIGNED:
        return None
    return n


EARLIER = re.compile(r"(?:الموقعه|الموقع|السابقه|السابق|منذ|المورخ|المورخه|مورخ|مورخه)\s*(?:بين \S+(?: \S+)?\s*)?"
                     r"(?:عام|سنه|في)?\s*$")          # …، بموجب القرار 70/296 المؤرخ 25 يوليو: the resolution's date
SAME_DAY = ("اليوم نفسه", "اليوم ذاته", "نفس اليوم", "ذات اليوم")


def _date(ctx, toks, lo, hi, doc_day):
    """The first date of the sentence that is not an earlier text's; in a sentence that says في اليوم
    نفسه, the last full date written before it in the paragraph."""
    from .meeting_setting import dates_of
    s, e = toks.tokens[lo].start, toks.tokens[hi - 1].end
    dates = dates_of(toks, doc_day)
    for d in dates:
        if s <= d.start and d.end <= e and d.year:
            if EARLIER.search(fold(toks.text[max(s, d.start - 30):d.start])):
                continue                           # مذكرة التفاهم الموقعة بين الجانبين عام 2000
            return d
    if any(fold(w) in fold(toks.text[s:e]) for w in SAME_DAY):
        earlier = [d for d in dates if d.end <= s and d.precision == "day" and d.year]
        return earlier[-1] if earlier else None
    return None


def agreement(noun, parties, year) -> Entity:
    mou = bool(noun.feature("mou"))
    kind_ar, kind_en = ("مذكرة تفاهم", "Memorandum of understanding") if mou else ("اتفاق", "Agreement")
    slug = ("mou-" if mou else "agreement-") + "-".join(sorted(p.slug.lower() for p in parties[:2])) \
        + (f"-{year}" if year else "")
    return Entity(kind="commitment", slug=slug, cls="Agreement",
                  label_ar=f"{kind_ar} بين " + " و".join(p.label_ar for p in parties[:2]),
                  label_en=f"{kind_en} between " + " and ".join(p.label_en or p.slug for p in parties[:2]),
                  from_text=True)


def signings(ctx, src, doc_day=None):
    """(agreement, parties, date, first token, last token) of each signing in one source."""
    from .adoption import _not_held
    lex = load()
    toks = ctx.tokens(src)
    last_noun = None
    for v in lex.find(toks, "sign_verb"):
        if _not_held(toks, lex, v) or v.feature("voice") == "passive" and not v.feature("noun"):
            continue
        lo, hi = sentence_bounds(toks, v.i)
        if not_signed(toks, lex, v.i, v.j, bool(v.feature("noun")), lo, hi):
            continue
        parties, noun = [], None
        before_noun = next((n for n in reversed([x for x in lex.find(toks, "agreement_noun", lo, v.i)])), None)
        if v.reading.enc and v.i > lo and toks.tokens[v.i - 1].norm in RELATIVES and before_noun is not None \
                and before_noun.j == v.i - 1 and _noun_at(toks, lex, before_noun.i, hi):
            # مذكرة التفاهم التي وقعتها X مع Y
            noun = before_noun
            end = next((k for k in range(v.j, hi) if toks.tokens[k].norm in ("مع", "بين")
                        or toks.tokens[k].kind == "punct"), hi)
            parties = _actors(ctx, toks, v.j, end) + _with(ctx, toks, lex, v.j, hi, hi)
        elif v.reading.enc and not v.feature("noun"):
            # … توقيع اتفاق …، ووقعه X …، و Y …: the agreement named before it
            noun = before_noun or last_noun
            if noun is None:
                continue
            parties = _actors(ctx, toks, v.j, hi)
        else:
            k = v.j
            while k < min(hi, v.j + WINDOW) and _noun_at(toks, lex, k, hi) is None:
                if toks.tokens[k].kind == "punct" and toks.tokens[k].norm in ".؛;":
                    break
                k += 1
            noun = _noun_at(toks, lex, k, hi) if k < hi else None
            if noun is None:
                continue
            n_at = k if toks.tokens[k].norm != "علي" else k + 1
            parties = [p for p in _actors(ctx, toks, v.j, n_at) if p not in ()]
            if v.feature("dual") or not parties and not v.feature("noun"):
                parties = _actors(ctx, toks, lo, v.i) + parties        # X و Y يوقعان …
            elif not parties and (v.reading.pro.endswith("ب") or toks.tokens[v.i].norm.lstrip("و").startswith("ب")):
                parties = _actors(ctx, toks, lo, v.i)[:1]              # قامت X (ممثلة بـ …) بتوقيع مذكرة مع Y
            elif not v.feature("noun") and v.j < hi and toks.tokens[v.j].norm in ("مع", "بين"):
                # افتتحت X …، ووقعت مع Y مذكرة: the clause before's subject; مصر توقع مع Y (a headline): the subject
                parties = _actors(ctx, toks, lo, v.i)[:1] + parties
            # مذكرة تفاهم (مشتركة|جديدة) بين X و Y / مع Y: a qualifier may stand between the noun and بين/مع
            parties += [p for p in _with(ctx, toks, lex, noun.j, min(hi, noun.j + 3), hi)
                        + _with(ctx, toks, lex, v.j, n_at, hi) if p not in parties]
        last_noun = noun
        parties = list(dict.fromkeys(parties))
        # fewer than two parties recognised: no agreement, but the sentence's signing is read (no guess from
        # every actor the sentence names)
        yield noun, parties[:2], _date(ctx, toks, lo, hi, doc_day), lo, hi


def extract(ctx):
    """Party, date and year facts of the signed agreements of every paragraph; the sentences they cover."""
    from .adoption import AT_RULE, MeetingOf, _at_meeting, _date_facts
    from .event_status import document_day
    doc_day = document_day(ctx.document)
    conf = REGISTRY.confidence(RULE)
    out, covered = [], set()
    meeting_of = None
    lex = load()
    for src in list(ctx.document.paragraphs) + [f for f in ctx.document.footnotes if f.text]:
        toks = ctx.tokens(src)
        for noun, parties, d, lo, hi in signings(ctx, src, doc_day):
            covered.add((id(src), toks.tokens[lo].start, toks.tokens[hi - 1].end))
            if len(parties) < 2:
                continue
            ent = agreement(noun, parties, d.year if d is not None else None)
            for p in parties:
                out.append(Fact(ent, "party", p, src, RULE, conf))
            if d is not None:
                out.extend(_date_facts(ent, d, src, RULE, conf))
            meeting_of = meeting_of or MeetingOf(ctx)
            held = meeting_of(src)
            if held is not None and _at_meeting(toks, lex, lo, hi, held[1]):
                # وقعت X و Y مذكرة تفاهم خلال الدورة الخامسة من منتدى أسوان، على هامش القمة وقعت …
                out.append(Fact(ent, "adoptedAt", held[0], src, AT_RULE, REGISTRY.confidence(AT_RULE)))
    return out, covered


__all__ = ["extract", "signings", "agreement", "RULE"]
