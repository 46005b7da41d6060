"""What a topic fact points at and from where: the topic mentions of a span (names of commitments
aside), the topics inside the names of supported bodies, and which subjects may address a topic.

It finds no cue and no subject.
"""
from __future__ import annotations

import re

from ..text.arabic import fold
from ..recognise.findings import Entity, Mention
from .fact_context import FactContext
from .clause_subjects import Text
from .minting import arabic_names
from .topic_rules import SUBJECT_CLASSES


def fact_subjects(ms: list[Mention]) -> list[Entity]:
    return [m.entity for m in ms if m.entity.cls in SUBJECT_CLASSES]


def topics_in(text: Text, start: int, end: int, exclude: list[Mention]) -> list[Entity]:
    """Topic mentions in [start, end), except those inside ``exclude`` or inside a commitment's name
    (a commitment's name says what *it* is about: ``اعتمدت X إعلانا بشأن اللجوء``)."""
    out: list[Entity] = []
    named = [m for m in text.mentions if m.entity.kind == "commitment"]
    for m in text.mentions:
        if m.entity.kind != "topic" or m.start < start or m.end > end:
            continue
        if any(x.start <= m.start < x.end for x in list(exclude) + named):
            continue
        if m.entity not in out:
            out.append(m.entity)
    return out


_NAMES: dict[int, tuple[object, list]] = {}     # id(gazetteer) → (gazetteer, its topic patterns)


def topic_names(ctx: FactContext) -> list[tuple[re.Pattern, Entity]]:
    """(pattern of a topic's folded Arabic name with its article and clitics, topic) for every topic
    (compiled once per gazetteer: a document's rules ask for them several times, and the gazetteer
    outlives the documents of a build)."""
    gaz = ctx.gazetteer
    hit = _NAMES.get(id(gaz))
    if hit is not None and hit[0] is gaz:
        return hit[1]
    out = _compile_topic_names(gaz)
    if len(_NAMES) > 4:
        _NAMES.clear()
    _NAMES[id(gaz)] = (gaz, out)
    return out


def _compile_topic_names(gazetteer) -> list[tuple[re.Pattern, Entity]]:
    out = []
    for e in getattr(gazetteer, "entities", []) if gazetteer is not None else []:
        if e.kind == "topic":
            for n in arabic_names(e):
                if n and len(fold(n)) >= 5:
                    out.append((re.compile(r"(?<![^\W\d_])(?:ال|بال|لل|وال)?" + re.escape(fold(n).removeprefix("ال"))
                                           + r"(?![^\W\d_])"), e))
    return out


def topics_in_names(names: list, text: Text, start: int, end: int, exclude: list[Mention]) -> list[Entity]:
    """Topics named inside the names of the bodies a supporter supports (``المقررة الخاصة المعنية بالاتجار``)."""
    out: list[Entity] = []
    for m in text.mentions:
        if m.start < start or m.end > end or m in exclude or m.entity.kind not in ("org", "body"):
            continue
        surface = " " + fold(m.surface) + " "
        for rx_name, e in names:
            if e not in out and rx_name.search(surface):
                out.append(e)
    return out


