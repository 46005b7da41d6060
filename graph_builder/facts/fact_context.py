"""What a fact rule sees of one document: its paragraphs, the mentions in each, their tokens.

A :class:`FactContext` is built once per document by the pipeline and handed to every rule
module: :meth:`FactContext.tokens` gives a source's tokens (``graph_builder.text.tokens``) with
the mentions laid over them, computed once per source; :func:`sentences` is the one sentence
splitter (``graph_builder.text.sentences``); :meth:`FactContext.meetings` the meeting each sentence names
or takes up again, resolved once by the events family for every family. It does no extraction itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..recognise.findings import Entity, Mention
from ..text.model import Document, Footnote, Paragraph, Section
from ..text.sentences import sentences as _split
from ..text.tokens import Tokens, tokenise
from .ranges import admitted


@dataclass
class FactContext:
    document: Document
    mentions: list[Mention]
    gazetteer: object = None          # graph_builder.recognise.gazetteer.Gazetteer
    matcher: object = None            # graph_builder.recognise.matcher.Matcher: reads the title (title_tokens)
    _by_source: dict = field(default_factory=dict, init=False, repr=False)
    _family_facts: dict = field(default_factory=dict, init=False, repr=False)
    _tokens: dict = field(default_factory=dict, init=False, repr=False)
    meeting_index: object = field(default=None, init=False, repr=False)   # set by the events family's run

    def __post_init__(self):
        for m in self.mentions:
            self._by_source.setdefault(id(m.source), []).append(m)
        for ms in self._by_source.values():
            ms.sort(key=lambda m: (m.start, m.end))

    def family_facts(self, module) -> list:
        """``module.extract(self)``, computed once per document: families that read another
        family's findings (topics reads events and commitments) share one run of it. Facts outside their
        predicate's domain or range (``ranges.py``, from the ontology) leave no family: dropped, their rule logged."""
        name = module.__name__
        if name not in self._family_facts:
            self._family_facts[name] = list(admitted(module.extract(self), name.rsplit(".", 1)[-1]))
        return self._family_facts[name]

    def meetings(self):
        """The meetings each sentence names or takes up again (``هذا المؤتمر``, ``خلاله``), as the events
        family resolved them (``meeting_coref.MeetingIndex``: ``of_sentence(source, start, end)``,
        ``of_source(source)``, ``refs(source, start, end)``); runs that family once if it has not run."""
        if self.meeting_index is None:
            from . import events     # noqa: PLC0415 (the family that reads meetings; imports this module)
            self.family_facts(events)
        return self.meeting_index

    def paragraphs(self) -> list[Paragraph]:
        return self.document.paragraphs

    def sources(self) -> list:
        """Every text of the document a rule reads: section headings, paragraphs, footnotes with text."""
        return ([s for s in self.document.sections if s.heading] + list(self.document.paragraphs)
                + [f for f in self.document.footnotes if f.text])

    def title_tokens(self) -> Tokens | None:
        """The tokens of the document's title with the entities named in it (None without a title or a
        matcher): what the document is about, e.g. the meeting a press text reports."""
        title = self.document.title_ar
        if not title or self.matcher is None:
            return None
        if "title" not in self._tokens:
            self._tokens["title"] = tokenise(title).attach(self.matcher.find(title))
        return self._tokens["title"]

    def tokens(self, source) -> Tokens:
        """The tokens of ``source`` (heading, paragraph or footnote) with its mentions attached (cached)."""
        toks = self._tokens.get(id(source))
        if toks is None:
            text = source.heading if isinstance(source, Section) else source.text
            toks = self._tokens[id(source)] = tokenise(text).attach(self.mentions_in(source))
        return toks

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


def sentences(text: str, clauses: bool = True) -> list[tuple[int, int]]:
    """(start, end) code-point spans of the sentences of ``text``; ``clauses`` also splits at ``؛``/``;``
    (the one splitter: ``graph_builder.text.sentences``)."""
    return list(_split(text, clauses))
