"""What a process, an organisation or an instrument is for, as its own page or the press states its aims:

* ``topics.objectives``: a noun of aims or fields of work (class ``objective_noun``: أهداف، الهدف، مجالات عمل …)
  right before a named process, organisation or instrument, at the head of its clause (the sentence's start, ``ومن``,
  or a verb of class ``objective_frame``: تتمثل، تشمل، يتمحور …): ``تتمثل أهداف عملية الرباط في مكافحة …``، ``ومن أهداف
  عملية الخرطوم مكافحة …``، ``وتشمل مجالات عمل عملية بودابست …``، ``يتمحور عمل حوار أبوظبي حول …``. The named one
  addresses the topics that follow, to the end of the sentence (topic_agenda's reading of an object: it stops at
  another named commitment or meeting, at another actor's clause, at an item with no topic set off by a comma).

Not read: a noun governed by another word (``تحقيق أهداف الاتفاق العالمي …``، ``وأشاد بأهداف …``: someone else's act
on those aims), a noun with no name after it (``أهداف التنمية المستدامة``), a meeting's aims (``أهداف الورشة``:
topic_agenda.py, for the meeting of the paragraph), a negated clause. It mints nothing.
"""
from __future__ import annotations

from ..recognise.findings import Fact
from ..text.arabic import fold
from ..text.word_classes import load
from .rules import REGISTRY, register_once
from .spans import negated
from .topic_agenda import _sentence_end, _topics

RULE = "topics.objectives"
register_once(RULE, ("addresses",), 0.75, ("lex:objective_noun", "lex:objective_frame", "entity:process", "entity:org",
                                          "entity:commitment", "entity:topic"),
              "(OBJECTIVE_FRAME | ومن | ^) OBJECTIVE_NOUN (عمل) NAME … TOPIC…: the named process, organisation or instrument "
              "addresses the topics its stated aims or fields of work name", "topics")

_OWNER_KINDS = ("process", "org", "commitment")
_FROM = frozenset(fold(w) for w in ("من", "ومن"))
_WORK = fold("عمل")


def _heads_its_clause(lex, toks, i: int, frame_only: bool = False) -> bool:
    """Is the noun at ``i`` at the head of its clause (sentence start, after ومن, after a frame verb)? With
    ``frame_only`` (a noun that is also a common word: عمل), only after a frame verb (يتمحور عمل X حول …)."""
    if i == 0 or toks.tokens[i - 1].sent != toks.tokens[i].sent:
        return not frame_only
    prev = toks.tokens[i - 1]
    if prev.norm in _FROM:
        return not frame_only
    frame = next((m for m in lex.find(toks, "objective_frame", max(0, i - 3), i) if m.j == i), None)
    return frame is not None and not frame.future


def _owner_at(toks, k: int):
    """The process, organisation or instrument whose name starts at token ``k`` (and the token after it), else None."""
    if k >= len(toks.tokens):
        return None
    starting = [m for m in toks.tokens[k].ents if toks.index_at(m.start) == k and m.entity.kind in _OWNER_KINDS]
    if not starting:
        return None
    m = max(starting, key=lambda x: x.end - x.start)
    return m, toks.index_at(m.end - 1) + 1


def extract(ctx) -> list[Fact]:
    lex = load()
    conf = REGISTRY.confidence(RULE)
    out: list[Fact] = []
    for src in ctx.paragraphs():
        toks = ctx.tokens(src)
        if not any(m.entity.kind == "topic" for m in toks.mentions):
            continue
        for noun in lex.find(toks, "objective_noun"):
            if noun.reading.enc or negated(toks, noun.i) or negated(toks, noun.i - 1) or \
                    not _heads_its_clause(lex, toks, noun.i, bool(noun.feature("needs_frame"))):
                continue
            k = noun.j
            if k < len(toks.tokens) and toks.tokens[k].norm == _WORK:
                k += 1                                 # أهداف عمل X، مجالات عمل X
            owner = _owner_at(toks, k)
            if owner is None:
                continue
            mention, after = owner
            hi = _sentence_end(toks, noun.i)
            out.extend(Fact(mention.entity, "addresses", t, src, RULE, conf) for t in _topics(toks, lex, after, hi, True))
    return out
