"""What the event and commitment rules found in a document, read back for the topic rules: the
events each paragraph names and the session of each section (:func:`known_events`), and where each
commitment's name or recommendation item stands in its paragraph (:func:`known_commitments`).

It runs the sibling families' public ``extract`` (each may be absent) and makes no facts itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.arabic import Normalised, fold, normalise
from ..text.header_lines import section_owners
from ..recognise.findings import Entity, Mention
from .fact_context import FactContext


_NAMING = frozenset({"ordinal", "location"})   # facts of a meeting that name it where it is written


@dataclass
class KnownEvents:
    """Events the event rules found: those a paragraph names, and the event of each section."""

    in_source: dict
    of_section: dict
    parent: dict = None           # event key → the event it is part of
    sections: tuple = ()          # the document's sections in reading order
    index: object = None          # meeting_coref.MeetingIndex: the meetings each sentence names or takes up
    _owners: dict = None          # id(section) → the section opening its session (computed once)

    def meeting(self, source) -> Entity | None:
        """The one meeting a paragraph names (its sub-events, e.g. civil society days, aside); else the one
        meeting it takes up again (``ويهدف هذا المؤتمر …``, ``وعلى هامشه …``: ``FactContext.meetings()``)."""
        found = [e for e in self.in_source.get(id(source), []) if e.cls in ("Meeting", "PlannedMeeting", "Event")]
        parents = self.parent or {}
        found = [e for e in found if parents.get(e.key) not in found]
        if not found and self.index is not None:
            return self.index.of_source(source)
        return found[0] if len(found) == 1 else None

    def session(self, source) -> Entity | None:
        """The session whose part of the report ``source`` is in: its own section, a sub-heading or part heading
        after the session's heading (``القضايا والملاحظات``), or an enclosing section (``text.header_lines``)."""
        sec = source if source in self.sections else getattr(source, "section", None)
        if sec is None and getattr(source, "line", None) is not None:      # a paragraph placed by its line only
            sec = next((s for s in reversed(self.sections) if s.line < source.line), None)
        if sec is None:
            return None
        owners = self._owners
        if owners is None:
            owners = self._owners = section_owners(list(self.sections), lambda s: id(s) in self.of_section)
        owner = owners.get(id(sec))
        return self.of_section[id(owner)] if owner is not None else None


def known_events(ctx: FactContext) -> KnownEvents:
    """Read the events module's own findings (its public ``extract``), if that module exists."""
    in_source: dict = {}
    of_section: dict = {}
    parent: dict = {}
    sections = tuple(ctx.document.sections)
    try:
        from . import events as events_mod   # noqa: PLC0415 (a sibling family, may be absent)
    except ModuleNotFoundError:
        return KnownEvents(in_source, of_section, parent, sections)
    for f in ctx.family_facts(events_mod):
        if not isinstance(f.subject, Entity):
            continue
        if f.predicate != "partOf":
            if f.subject.kind == "event" and f.predicate in _NAMING and f.rule != "event.workshop":
                lst = in_source.setdefault(id(f.evidence), [])      # a meeting named by ordinal or place only
                if f.subject not in lst:
                    lst.append(f.subject)
            continue
        if isinstance(f.object, Entity) and f.object.kind == "event":
            parent.setdefault(f.subject.key, f.object)
        if f.evidence in ctx.document.sections and f.rule == "event.session":
            of_section[id(f.evidence)] = f.subject
        elif f.rule not in ("event.workshop", "event.civil-society"):    # parts named in passing
            lst = in_source.setdefault(id(f.evidence), [])
            if f.subject not in lst:
                lst.append(f.subject)
    return KnownEvents(in_source, of_section, parent, sections, ctx.meetings())


@dataclass
class KnownCommitments:
    """Commitments the commitment rules found, placed in their paragraphs: named ones by the span of
    their name, recommendations by the span of their numbered item."""

    names: dict                   # id(source) → [Mention] (span = the name as printed)
    items: dict                   # id(source) → [Mention] (span = the whole item)


_ITEM_START = re.compile(r"(?m)^(?:\d+ - |\(\S\) )")


def known_commitments(ctx: FactContext) -> KnownCommitments:
    """Read the commitments module's own findings (its public ``extract``), if that module exists."""
    names: dict = {}
    items: dict = {}
    try:
        from . import commitments as commitments_mod   # noqa: PLC0415 (a sibling family, may be absent)
    except ModuleNotFoundError:
        return KnownCommitments(names, items)
    seen: set = set()
    folded: dict = {}
    for f in ctx.family_facts(commitments_mod):
        ent, src = f.subject, f.evidence
        if not isinstance(ent, Entity) or ent.kind != "commitment" or (id(src), ent.key) in seen:
            continue
        seen.add((id(src), ent.key))
        text = getattr(src, "text", "") or ""
        if id(src) not in folded:
            folded[id(src)] = normalise(text)
        span = _locate(folded[id(src)], ent.label_ar)
        if span is None:
            continue
        if ent.cls == "Recommendation":
            nxt = _ITEM_START.search(text, span[1])
            span = (span[0], nxt.start() if nxt else len(text))
            items.setdefault(id(src), []).append(Mention(ent, src, span[0], span[1], text[span[0]:span[1]],
                                                         "topics.commitment"))
        else:
            names.setdefault(id(src), []).append(Mention(ent, src, span[0], span[1], text[span[0]:span[1]],
                                                         "topics.commitment"))
    return KnownCommitments(names, items)


def _locate(norm: Normalised, name: str) -> tuple[int, int] | None:
    """Original span of ``name`` in ``text`` (folded comparison; the first word may carry the accusative
    alif the text gives it: ``إطارا لسياسات الهجرة`` for the name ``إطار لسياسات الهجرة``)."""
    words = fold(name).split()
    if not words:
        return None
    pattern = r"(?<![^\W\d_])" + re.escape(words[0]) + "ا?" + "".join(r"\s+" + re.escape(w) for w in words[1:])
    m = re.search(pattern, norm.text)
    return norm.to_original(m.start(), m.end()) if m else None


