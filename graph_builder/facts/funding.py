"""Contributions with an amount: ``قدمت الكويت مساهمة بلغت 500 ألف دولار للمنظمة الدولية للهجرة``,
``رفعت الحكومة من قيمة مساهمتها من 200 ألف دولار إلى 500 ألف دولار``, ``مساهمة سويسرا البالغة 1,5 مليون
فرنك``.

A sentence with a contribution noun (lexicon class ``contribution_noun``) and an amount with a
currency (``graph_builder.values.find_amounts``) gives a FundingCommitment: ``fundedBy`` the donor —
the state or organisation written right after the noun (``مساهمة الكويت``), else the subject of a
giving verb before it (``قدمت الكويت مساهمة``, class ``give_verb``), else the one written right after
that verb; ``amount`` the sum (after ``من A إلى B`` the new value B, never the old A); ``managedBy``
the organisation it goes to (``لـ/لصالح/إلى ORG``). A future verb or a planned marker makes it no
contribution.

A contributing verb that takes the sum itself (``give_verb`` with ``sum = true``: ``ساهمت الكويت بـ 20 مليون دولار
إلى المنظمة``، ``الكويت … ساهمت بـ …``) gives the same, in a sentence with no contribution noun and no fund named.

It does not read named funds and programmes (``commitments.py``) and knows no document.
"""
from __future__ import annotations

from ..recognise.findings import Entity, Fact
from ..text.word_classes import load
from .minting import translit
from .rules import REGISTRY, Rule, register
from .spans import sentence_bounds, starting

RULE_ID = "commitment.contribution"
if RULE_ID not in REGISTRY:
    register(Rule(RULE_ID, ("fundedBy", "amount", "managedBy"), 0.8,
                  ("lex:contribution_noun", "lex:give_verb", "lex:planned_marker", "values:amount",
                   "entity:state", "entity:org"),
                  "CONTRIBUTION_NOUN + amount + donor (مساهمة X / قدمت X مساهمة) [+ ل ORG], or ساهمت X بـ AMOUNT "
                  "[إلى ORG]: a funding commitment", "commitments"))

DONOR_KINDS = frozenset({"state", "org"})
STATE_HEADS = frozenset({"دوله", "حكومه", "جمهوريه", "مملكه", "سلطنه", "امارة", "اماره"})
RECIPIENT_PREFIX = ("ل", "لل", "لصالح", "الى", "إلى")


def _amount(amounts, text, s, e):
    inside = [a for a in amounts if s <= a.start and a.end <= e and a.currency]
    if not inside:
        return None
    for a, b in zip(inside, inside[1:]):
        between = text[a.end:b.start]
        if ("إلى" in between or "الى" in between) and "من" in text[max(s, a.start - 6):a.start]:
            return b                                # من A إلى B: the raised value
    return inside[0]


def extract(ctx) -> list[Fact]:
    from ..values import find_amounts
    lex = load()
    conf = REGISTRY.confidence(RULE_ID)
    out: list[Fact] = []
    for src in list(ctx.document.paragraphs):
        toks = ctx.tokens(src)
        amounts = None
        done_sent = set()
        for noun in lex.find(toks, "contribution_noun"):
            sent = toks.tokens[noun.i].sent
            if sent in done_sent:
                continue
            lo, hi = sentence_bounds(toks, noun.i)
            if amounts is None:
                amounts = find_amounts(src.text)
            a = _amount(amounts, src.text, toks.tokens[lo].start, toks.tokens[hi - 1].end)
            if a is None:
                continue
            if lex.find(toks, "planned_marker", lo, noun.i) or lex.find(toks, "negation", max(lo, noun.i - 3), noun.i):
                continue
            donor = starting(toks, noun.j, DONOR_KINDS)
            if donor is None and noun.reading.enc == "":
                gives = [g for g in lex.find(toks, "give_verb", lo, noun.i)]
                if gives and gives[-1].future:
                    continue
                if gives:
                    g = gives[-1]
                    k = g.j
                    donor = starting(toks, k, DONOR_KINDS)
                    while donor is None and k < noun.i and toks.tokens[k].norm in STATE_HEADS:
                        k += 1                      # قدمت دولة الكويت: the state after its head noun
                        donor = starting(toks, k, DONOR_KINDS)
                    if donor is None:
                        before = [m for m in toks.mentions if toks.tokens[lo].start <= m.start and m.end <= toks.tokens[g.i].start
                                  and m.entity.kind in DONOR_KINDS]
                        donor = before[-1] if before else None
            if donor is None and noun.reading.enc:
                before = [m for m in toks.mentions if toks.tokens[lo].start <= m.start and m.end <= toks.tokens[noun.i].start
                          and m.entity.kind in DONOR_KINDS]
                donor = before[-1] if before else None
            if donor is None:
                continue
            recipient = None
            for m in toks.mentions:
                if m.entity.kind == "org" and m.entity != donor.entity and m.start > toks.tokens[noun.i].start \
                        and m.end <= toks.tokens[hi - 1].end:
                        k = toks.index_at(m.start)
                        word = toks.tokens[k].norm
                        pre = src.text[toks.tokens[k].start:m.start]
                        if pre in ("ل", "لل", "ول") or toks.tokens[k - 1].norm in ("لصالح", "الي", "الى") if k > 0 else False:
                            recipient = m.entity
                            break
            out.extend(_contribution(donor.entity, recipient, a, src, conf))
            done_sent.add(sent)
        out.extend(_verbal(toks, src, lex, amounts, done_sent, conf))
    return out


def _contribution(donor, recipient, a, src, conf) -> list[Fact]:
    """A contribution of ``donor`` (to ``recipient``) of the sum ``a``: fundedBy, amount, managedBy."""
    from .commitments import _amount as amount_facts      # noqa: PLC0415 (commitments imports this module)
    name = f"مساهمة {donor.label_ar}" + (f" لصالح {recipient.label_ar}" if recipient is not None else "")
    ent = Entity(kind="commitment", slug=translit(f"contribution {donor.slug} {recipient.slug if recipient else ''}"),
                 cls="FundingCommitment", label_ar=name,
                 label_en=f"Contribution of {donor.label_en or donor.slug}"
                          + (f" to {recipient.label_en}" if recipient is not None else ""), from_text=True)
    out = [Fact(ent, "fundedBy", donor, src, RULE_ID, conf)]
    out.extend(Fact(f.subject, f.predicate, f.object, src, RULE_ID, conf) for f in amount_facts(ent, a, src))
    if recipient is not None:
        out.append(Fact(ent, "managedBy", recipient, src, RULE_ID, conf * 0.8))
    return out


SUM_REACH = 3               # tokens between a contributing verb and its sum (بـ، بمبلغ، بما قيمته)


def _verbal(toks, src, lex, amounts, done_sent: set, conf) -> list[Fact]:
    """``ساهمت الكويت بـ 20 مليون دولار إلى/لـ ORG``، ``الكويت … ساهمت بـ …``: a contributing verb (class
    ``give_verb``, feature ``sum = true``) with a sum right after it, in a sentence with no contribution noun and
    no fund named (the noun reading and the commitments family's fund rules read those): the donor right after
    the verb, else the last one before it in the sentence; the recipient an organisation after لـ/إلى."""
    out: list[Fact] = []
    for g in lex.find(toks, "give_verb"):
        sent = toks.tokens[g.i].sent
        if sent in done_sent or not g.feature("sum") or g.future:
            continue
        lo, hi = sentence_bounds(toks, g.i)
        if lex.find(toks, ("contribution_noun", "fund_anaphor"), lo, hi) \
                or any(m.entity.kind == "commitment" for c in range(lo, hi) for m in toks.tokens[c].ents) \
                or lex.find(toks, "planned_marker", max(lo, g.i - 4), g.i) or lex.find(toks, "negation", max(lo, g.i - 2), g.i):
            continue
        if amounts is None:
            from ..values import find_amounts
            amounts = find_amounts(src.text)
        donor = starting(toks, g.j, DONOR_KINDS)
        k = toks.index_at(donor.end - 1) + 1 if donor is not None else g.j
        reach = toks.tokens[min(hi, k + SUM_REACH) - 1].end
        sums = [a for a in amounts if toks.tokens[k].start <= a.start < reach and a.currency] if k < hi else []
        if not sums or any(t.norm in ("فيه", "فيها", "في") for t in toks.tokens[k:toks.index_at(sums[0].start)]):
            continue                                # أسهمت ألمانيا فيه بمبلغ …: into a fund (the commitments family's)
        if donor is None:
            before = [m for m in toks.mentions if toks.tokens[lo].start <= m.start and m.end <= toks.tokens[g.i].start
                      and m.entity.kind in DONOR_KINDS]
            donor = before[-1] if before else None
        if donor is None:
            continue
        after = toks.index_at(sums[0].end)
        recipient = None
        if after < hi and (toks.tokens[after].norm in ("الي", "لصالح") or toks.tokens[after].norm.startswith("ل")):
            c = after + 1 if toks.tokens[after].norm in ("الي", "لصالح") else after
            m = starting(toks, c, {"org"}) if c < hi else None
            recipient = m.entity if m is not None and m.entity != donor.entity else None
        out.extend(_contribution(donor.entity, recipient, sums[0], src, conf))
        done_sent.add(sent)
    return out
