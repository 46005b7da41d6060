"""Topics of an instrument whose content is a list announced with a colon: ``نعتمد إعلان دكا هذا، ونتعهد
بما يلي:`` then one item a paragraph (``تعزيز حماية العمال المهاجرين …``، ``خفض تكاليف الاستقدام …``), or
``وتنص الاتفاقية على ما يلي: …`` with the items after the colon in the same paragraph.

The opening sentence names a commitment (a gazetteer instrument or one the commitment rules found in that
paragraph), has a verb of content or undertaking (lexicon class ``content_verb``) and ends with a colon
after ``ما يلي`` / ``التالية`` / ``الآتية``. The items are the text after the colon and the paragraphs
that follow, up to a paragraph that continues the running text with و/ف (``ونتفق على …``), a heading, or
``صدر في …``; every topic they name is one the instrument addresses.

It does not find commitments (the commitment rules do) and reads no list that its sentence does not
announce with a colon.
"""
from __future__ import annotations

import re

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .family_findings import known_commitments
from .rules import REGISTRY, register_once

RULE = "topics.announced-list"
register_once(RULE, ("addresses",), 0.75, ("lex:content_verb", "commitments:named", "entity:topic"),
              "COMMITMENT … CONTENT_VERB (ب)ما يلي: ITEM¶ ITEM¶ …: the instrument addresses the topics its "
              "announced items name (نعتمد إعلان دكا هذا، ونتعهد بما يلي: …)", "topics")

_ANNOUNCE = re.compile(r"(?:ما\s+يلي|التالية|التالي|الآتية|الآتي|الاتية|الاتي)\s*:\s*")
_ISSUED = frozenset(fold(w) for w in ("صدر", "حرر", "وصدر"))
MAX_ITEMS = 15


def _named_commitments(ctx, p, kc) -> list:
    own = [m for m in ctx.mentions_in(p) if m.entity.kind == "commitment"]
    return own + [m for m in kc.names.get(id(p), []) if m.entity.key not in {x.entity.key for x in own}]


def _ends_item_run(p) -> bool:
    words = p.text.split()
    if not words:
        return True
    first = fold(words[0])
    return first[:1] in ("و", "ف") and first not in ("وضع", "وقف", "فتح") or first in _ISSUED


def _topics(ctx, p, start: int = 0) -> list:
    named = [m for m in ctx.mentions_in(p) if m.entity.kind == "commitment"]
    out = []
    for m in ctx.mentions_in(p):
        if m.entity.kind == "topic" and m.start >= start and not any(x.start <= m.start < x.end for x in named):
            if m.entity not in out:
                out.append(m.entity)
    return out


def extract(ctx) -> list[Fact]:
    lex = load()
    kc = known_commitments(ctx)
    conf = REGISTRY.confidence(RULE)
    paras = list(ctx.paragraphs())
    out: list[Fact] = []
    for n, p in enumerate(paras):
        colon = _ANNOUNCE.search(p.text or "")
        if colon is None:
            continue
        named = [m for m in _named_commitments(ctx, p, kc) if m.start < colon.start()]
        if not named:
            continue
        toks = ctx.tokens(p)
        verbs = [v for v in lex.find(toks, "content_verb") if toks.tokens[v.i].start < colon.start()
                 and not v.future]
        if not verbs:
            continue
        subject = named[-1].entity
        items = [(p, colon.end())]
        for q in paras[n + 1:n + 1 + MAX_ITEMS]:
            if getattr(q, "section", None) is not getattr(p, "section", None) or _ends_item_run(q):
                break
            items.append((q, 0))
        for q, start in items:
            for t in _topics(ctx, q, start):
                out.append(Fact(subject, "addresses", t, q, RULE, conf))
    return out
