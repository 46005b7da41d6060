"""Topic facts read from what other rules found rather than from a cue: a session's heading
(``topics.heading``), a commitment's own name (``topics.name``), a numbered recommendation's own
text (``topics.recommendation``) and a clause that hangs on a commitment by a resumptive pronoun
(``topics.commitment-clause``).

It does not find sessions or commitments (``family_findings.py`` reads them from their families).
"""
from __future__ import annotations

import re

from ..recognise.findings import Fact, Mention
from .fact_context import FactContext
from .clause_subjects import Text, folded_set
from .family_findings import KnownEvents
from .topic_objects import topics_in
from .topic_rules import RULES


def commitment_clause_facts(text: Text, source) -> list[Fact]:
    """``… قرارا بشأن X وجهوا فيه الانتباه إلى Y``: a verb with a resumptive فيه/فيها right after a
    commitment's name starts a clause about that commitment (to the end of the sentence)."""
    out: list[Fact] = []
    conf = RULES["topics.commitment-clause"][1]
    for m in text.mentions:
        if m.entity.kind != "commitment" or m.rule != "topics.commitment":
            continue
        i = text.token_after(m.end)
        if i + 1 >= len(text.tokens) or text.tokens[i + 1].word not in folded_set(("فيه", "فيها")):
            continue
        start = text.tokens[i + 1].end
        end = text.sentence_end(start)
        out += [Fact(m.entity, "addresses", t, source, "topics.commitment-clause", conf)
                for t in topics_in(text, start, end, [])]
    return out


def heading_facts(ctx: FactContext, events: KnownEvents) -> list[Fact]:
    """A session's heading, or a sub-heading of its part of the report, names what it addressed."""
    out: list[Fact] = []
    conf = RULES["topics.heading"][1]
    for sec in ctx.document.sections:
        ev = events.session(sec)
        if ev is None:
            continue
        for m in ctx.mentions_in(sec):
            if m.entity.kind == "topic":
                out.append(Fact(ev, "addresses", m.entity, sec, "topics.heading", conf))
    return out


def recommendation_facts(text: Text, source, items: list[Mention]) -> list[Fact]:
    """A numbered recommendation addresses the topics its own item names."""
    conf = RULES["topics.recommendation"][1]
    examples = [Mention(m.entity, source, x.start(), x.end()) for m in items
                for x in _EXAMPLE.finditer(text.original, m.start, m.end)]
    return [Fact(m.entity, "addresses", t, source, "topics.recommendation", conf)
            for m in items for t in topics_in(text, m.start, m.end, examples)]


# A parenthesis that gives examples (على سبيل المثال، مثل): what it names illustrates, it is not the subject.
_EXAMPLE = re.compile(r"\((?:على سبيل المثال|مثل|ومنها|منها)[^)]*\)")


def name_facts(text: Text, source) -> list[Fact]:
    """A commitment's own name states what it is about (``إعلان بشأن حماية حقوق العمال المهاجرين``)."""
    conf = RULES["topics.name"][1]
    out: list[Fact] = []
    for m in text.mentions:
        if m.entity.kind == "commitment" and m.rule == "topics.commitment":
            out += [Fact(m.entity, "addresses", t.entity, source, "topics.name", conf)
                    for t in text.mentions if t.entity.kind == "topic" and m.start <= t.start and t.end <= m.end]
    return out


