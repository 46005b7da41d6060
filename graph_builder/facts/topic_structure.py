"""Topic facts read from what other rules found rather than from a cue: a session's heading
(``topics.heading``), a commitment's own name (``topics.name``; for an instrument the gazetteer
names, the name as this text writes it: ``topics.instrument-name``), a numbered recommendation's own
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


_MATCHERS: dict = {}


def _topic_matcher(gazetteer):
    """A matcher of the gazetteer's topics only, with their generated names (an instrument's name would hide the
    topics inside it), made once per gazetteer."""
    if gazetteer is None:
        return None
    key = id(gazetteer)
    if key not in _MATCHERS:
        from ..recognise.gazetteer import Gazetteer   # noqa: PLC0415
        from ..recognise.matcher import Matcher       # noqa: PLC0415
        _MATCHERS.clear()
        topics = Gazetteer([e for e in gazetteer.entities if e.kind == "topic"],
                           variants={k: v for k, v in gazetteer.variants.items() if k[0] == "topic"})
        _MATCHERS[key] = (gazetteer, Matcher(topics))
    return _MATCHERS[key][1]


def instrument_name_facts(ctx: FactContext, source, mentions) -> list[Fact]:
    """An instrument the gazetteer names, written here with the words of its subject (``اتفاقية العمال
    المنزليين رقم 189``، ``إعلان نيويورك من أجل اللاجئين``): the topics its written name holds. A short
    form (``إعلان نيويورك``) says nothing; the gazetteer's other names are not read."""
    matcher = None
    conf = RULES["topics.instrument-name"][1]
    out: list[Fact] = []
    for m in mentions:
        if m.entity.kind != "commitment" or m.entity.from_text or len(m.surface.split()) < 2:
            continue
        matcher = matcher or _topic_matcher(ctx.gazetteer)
        if matcher is None:
            return out
        for hit in matcher.find(m.surface):
            if hit.entity.kind == "topic":
                out.append(Fact(m.entity, "addresses", hit.entity, source, "topics.instrument-name", conf))
    return out


def name_facts(text: Text, source) -> list[Fact]:
    """A commitment's own name states what it is about (``إعلان بشأن حماية حقوق العمال المهاجرين``)."""
    conf = RULES["topics.name"][1]
    out: list[Fact] = []
    for m in text.mentions:
        if m.entity.kind == "commitment" and m.rule == "topics.commitment":
            out += [Fact(m.entity, "addresses", t.entity, source, "topics.name", conf)
                    for t in text.mentions if t.entity.kind == "topic" and m.start <= t.start and t.end <= m.end]
    return out


