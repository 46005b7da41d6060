"""What a fact rule sees of one document: its paragraphs, the mentions in each, sentences.

A :class:`FactContext` is built once per document by the pipeline and handed to every rule
module. It does no extraction itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..recognise.findings import Entity, Mention
from ..text.model import Document, Footnote, Paragraph, Section

# Sentence ends: full stop, Arabic question mark, semicolons; never inside a number (2.5) or a symbol (WP.197).
_SENTENCE_END = re.compile(r"(?<=[.؟!؛;])\s+(?=\S)")


@dataclass
class FactContext:
    document: Document
    mentions: list[Mention]
    gazetteer: object = None          # graph_builder.recognise.gazetteer.Gazetteer
    _by_source: dict = field(default_factory=dict, init=False, repr=False)
    _family_facts: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self):
        for m in self.mentions:
            self._by_source.setdefault(id(m.source), []).append(m)
        for ms in self._by_source.values():
            ms.sort(key=lambda m: (m.start, m.end))

    def family_facts(self, module) -> list:
        """``module.extract(self)``, computed once per document: families that read another
        family's findings (topics reads events and commitments) share one run of it."""
        name = module.__name__
        if name not in self._family_facts:
            self._family_facts[name] = list(module.extract(self))
        return self._family_facts[name]

    def paragraphs(self) -> list[Paragraph]:
        return self.document.paragraphs

    def mentions_in(self, source: Paragraph | Footnote | Section, start: int = 0, end: int | None = None) -> list[Mention]:
        """Mentions in ``source`` (optionally only those inside [start, end))."""
        ms = self._by_source.get(id(source), [])
        if end is None:
            end = 1 << 30
        return [m for m in ms if m.start >= start and m.end <= end]

    def entities_in(self, source, kinds: tuple[str, ...] | None = None, cls: tuple[str, ...] | None = None,
                    start: int = 0, end: int | None = None) -> list[Entity]:
        out: list[Entity] = []
        for m in self.mentions_in(source, start, end):
            if kinds and m.entity.kind not in kinds:
                continue
            if cls and m.entity.cls not in cls:
                continue
            if m.entity not in out:
                out.append(m.entity)
        return out


def sentences(text: str, ends: re.Pattern = _SENTENCE_END) -> list[tuple[int, int]]:
    """(start, end) code-point spans of the sentences of ``text`` (split where ``ends`` matches)."""
    spans, start = [], 0
    for m in ends.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [s for s in spans if text[s[0]:s[1]].strip()]
