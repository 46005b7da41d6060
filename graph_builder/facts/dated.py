"""A dated instrument, and the instrument a resolution carries.

* ``commitment.dated``: ``NAME المؤرخ(ة) (في) DATE`` / ``NAME الصادر(ة) (في|بتاريخ) DATE`` / ``NAME بتاريخ
  DATE`` — a resolution, decision, law or convention followed by its date (``بموجب القرار 70/296 المؤرخ 25
  يوليو 2016``): the date it was adopted (``dateAdopted`` at its precision, ``year``).
* ``commitment.titled``: ``القرار 71/1 (المؤرخ …) بعنوان "إعلان نيويورك …"`` and ``إعلان نيويورك … (القرار
  71/1)`` — the resolution carries the named instrument: the adopter and date the rules found for the
  resolution in that sentence hold for the instrument too.

It does not read a date that is not right after the name and its participle (a date after a verb is the
adoption rules'; ``منذ`` and ``حتى`` dates are none), and names no document.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .rules import REGISTRY, Rule, register
from .spans import sentence_bounds, starting

DATED, TITLED = "commitment.dated", "commitment.titled"
if DATED not in REGISTRY:
    register(Rule(DATED, ("dateAdopted", "year"), 0.85, ("entity:commitment", "values:dates"),
                  "NAME المؤرخ/الصادر في/بتاريخ DATE: the date of the resolution, decision or law", "commitments"))
if TITLED not in REGISTRY:
    register(Rule(TITLED, ("adoptedBy", "dateAdopted", "year"), 0.8, ("entity:commitment",),
                  "القرار N بعنوان NAME / NAME (القرار N): the resolution's adopter and date are the named "
                  "instrument's", "commitments"))

DATED_WORDS = frozenset(fold(w) for w in ("المؤرخ", "المؤرخة", "مؤرخ", "مؤرخة", "بتاريخ", "الصادر", "الصادرة"))
GLUE = frozenset(fold(w) for w in ("في", "بتاريخ", "يوم", "،", ","))
TITLE_WORDS = frozenset(fold(w) for w in ("بعنوان", "المعنون", "المعنونة", "وعنوانه"))
CARRIED = ("adoptedBy", "dateAdopted", "year")


def _dated(toks, src, doc_day):
    """(commitment, date) for each commitment followed by المؤرخ/الصادر في/بتاريخ and a date."""
    from .meeting_setting import dates_of
    dates = {d.start: d for d in dates_of(toks, doc_day) if d.year}
    for m in toks.mentions:
        if m.entity.kind != "commitment":
            continue
        k = toks.index_at(m.end)
        if k >= len(toks.tokens) or toks.tokens[k].norm not in DATED_WORDS:
            continue
        k += 1
        while k < len(toks.tokens) and toks.tokens[k].norm in GLUE:
            k += 1
        if k < len(toks.tokens):
            d = next((d for s, d in dates.items() if toks.tokens[k].start <= s <= toks.tokens[k].end), None)
            if d is not None:
                yield m.entity, d


def _titled_pairs(toks):
    """(resolution, instrument) pairs: القرار N (…) بعنوان NAME and NAME (القرار N)."""
    ms = [m for m in toks.mentions if m.entity.kind == "commitment"]
    for a in ms:
        if a.entity.cls != "Resolution":
            continue
        lo, hi = sentence_bounds(toks, toks.index_at(a.start))
        k = toks.index_at(a.end)
        for j in range(k, min(hi, k + 12)):
            t = toks.tokens[j]
            if t.kind == "punct" and t.norm in ".؛;":
                break
            if t.norm in TITLE_WORDS:
                n = j + 1
                while n < hi and toks.tokens[n].kind == "punct":
                    n += 1
                b = starting(toks, n, {"commitment"})
                if b is not None and b.entity != a.entity:
                    yield a.entity, b.entity
                break
        i = toks.index_at(a.start)          # NAME (القرار 71/1)
        if i >= 2 and toks.tokens[i - 1].norm in ("القرار", "قرار") and toks.tokens[i - 2].norm == "(":
            prev = [b for b in ms if b.end <= toks.tokens[i - 2].start and b.entity != a.entity
                    and toks.index_at(b.end) == i - 2]
            if prev:
                yield a.entity, prev[-1].entity


def extract(ctx, facts):
    """The dated and titled facts of every paragraph; ``facts``: the family's facts found so far."""
    from .adoption import _date_facts
    from .event_status import document_day
    load()
    doc_day = document_day(ctx.document)
    conf_d, conf_t = REGISTRY.confidence(DATED), REGISTRY.confidence(TITLED)
    out = []
    for src in list(ctx.document.paragraphs) + [f for f in ctx.document.footnotes if f.text]:
        toks = ctx.tokens(src)
        found = []
        for ent, d in _dated(toks, src, doc_day):
            found.extend(_date_facts(ent, d, src, DATED, conf_d))
        out.extend(found)
        pairs = list(_titled_pairs(toks))
        if not pairs:
            continue
        here = [f for f in list(facts) + found if f.evidence is src and f.predicate in CARRIED]
        for res, inst in pairs:
            for f in here:
                if f.subject == res:
                    out.append(Fact(inst, f.predicate, f.object, src, TITLED, conf_t))
    return out


__all__ = ["extract", "DATED", "TITLED"]
