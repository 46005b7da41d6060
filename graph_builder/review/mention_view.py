"""Plain-text views of the mentions found in a document, for human review (``mdkg mentions``/``entities``).

``render_mentions`` prints each heading, paragraph and footnote that has mentions (or one
paragraph) with every mention marked ``⟦surface⟧{kind/slug}``; ``entity_counts`` tallies
mentions per entity. Nothing here finds mentions or writes RDF.
"""
from __future__ import annotations

from collections import Counter

from ..recognise.findings import Entity, Mention
from ..text.model import Document, Footnote, Paragraph, Section


def mark(text: str, mentions: list[Mention]) -> str:
    """``text`` with each mention wrapped as ``⟦surface⟧{kind/slug}`` (mentions must not overlap)."""
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.start < pos:
            raise ValueError(f"overlapping mentions at {m.start}: {m.surface!r}")
        out.append(text[pos:m.start])
        out.append(f"⟦{text[m.start:m.end]}⟧{{{m.entity.kind}/{m.entity.slug}}}")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def _label(source) -> str:
    if isinstance(source, Paragraph):
        return f"¶ {source.cited_as} (line {source.line})"
    if isinstance(source, Footnote):
        return f"footnote {source.marker or '?'} (line {source.line})"
    if isinstance(source, Section):
        return f"§ heading (line {source.line})"
    return type(source).__name__


def _text(source) -> str:
    return source.heading if isinstance(source, Section) else source.text


def render_mentions(document: Document, mentions: list[Mention], paragraph: int | None = None) -> str:
    """The marked text of every source with mentions, in reading order; only paragraph
    number ``paragraph`` when given (shown even if it has no mention)."""
    by_source: dict[int, list[Mention]] = {}
    for m in mentions:
        by_source.setdefault(id(m.source), []).append(m)
    if paragraph is not None:
        p = document.paragraph(paragraph)
        return f"{_label(p)}\n{mark(p.text, by_source.get(id(p), []))}\n"
    sources = list(document.sections) + list(document.paragraphs) + list(document.footnotes)
    sources.sort(key=lambda s: (s.line, getattr(s, "order", 0)))
    blocks = [f"{_label(s)}\n{mark(_text(s), by_source[id(s)])}\n" for s in sources if id(s) in by_source]
    return "\n".join(blocks)


def entity_counts(mentions: list[Mention]) -> list[tuple[Entity, int]]:
    """(entity, number of mentions), most mentioned first, then by kind and slug."""
    counts = Counter(m.entity for m in mentions)
    return sorted(counts.items(), key=lambda ec: (-ec[1], ec[0].kind, ec[0].slug))
