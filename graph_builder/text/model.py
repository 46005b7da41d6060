"""The document model: what a report is once read, before anything is recognised in it.

Document → Section (heading text, level) → Paragraph (number, full text, order) → Footnote.
Plain data classes; reading them from files is ``structure.py``, turning them into RDF is
``emit.py``. Texts are kept as printed (no normalisation): offsets of mentions are code
points in ``Paragraph.text`` / ``Footnote.text`` / ``Section.heading``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SourceIssue:
    """A problem found while reading a file (a warning unless ``--strict``)."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass
class Footnote:
    marker: str            # as printed: "1", "٢", "*", "أأ", "" for a lost marker
    text: str              # footnote text ("" when the text was lost in extraction)
    order: int             # reading order within the document, from 1
    line: int              # 1-based line in the source file


@dataclass
class Paragraph:
    number: int | None     # the number printed in the report (Arabic-Indic digits read as int); None if none is
    text: str              # the complete text, page-break continuations joined, number prefix removed
    order: int             # reading order within the document, from 1
    line: int              # 1-based line where the paragraph starts
    section: "Section | None" = None
    footnote_markers: list[str] = field(default_factory=list)  # markers cited in the text, in order

    @property
    def cited_as(self) -> str:
        """How a reader cites it: the printed number, or ``#order`` where none is printed."""
        return str(self.number) if self.number is not None else f"#{self.order}"


@dataclass
class Section:
    heading: str           # heading text as printed (without '##' marks)
    level: int             # 1 = top (أولا/ثانيا…), 2 = ألف/باء…, 3 = unnumbered sub-heading
    order: int             # reading order among sections, from 1
    line: int
    parent: "Section | None" = None
    label: str = ""        # the numbering word ("أولا", "ألف"), "" if none
    footnote_markers: list[str] = field(default_factory=list)  # markers cited in the heading
    notes: list[str] = field(default_factory=list)  # unnumbered lines under it: session header lines, figure captions


@dataclass
class Document:
    path: Path
    slug: str
    language: str = "ar"
    title_ar: str = ""
    title_en: str = ""
    date: str = ""         # ISO 8601 date of the document, "" if unknown: manifest, header or dateline;
                           # the fact rules read it to anchor year-less and relative dates
    symbol: str = ""       # UN document symbol, "" if unknown
    session: str = ""
    agenda_item: str = ""
    origin: str = ""
    sha256: str = ""
    front_matter: str = ""  # text before the first numbered paragraph that is not a heading/TOC
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    issues: list[SourceIssue] = field(default_factory=list)
    notices: list[SourceIssue] = field(default_factory=list)  # metadata guessed or missing (warnings, never --strict errors)
    guessed: dict = field(default_factory=dict)  # metadata not given but guessed: {"title": "first heading", ...}
    dateline: dict = field(default_factory=dict)  # {"place", "date" as printed, "agency"} of a press dateline
    kind: str = ""         # report, summary, press-release, web-page, declaration, note (see DOCUMENT_KINDS)
    extra: dict = field(default_factory=dict)  # further manifest keys

    def paragraph(self, number: int) -> Paragraph:
        for p in self.paragraphs:
            if p.number == number:
                return p
        raise KeyError(f"{self.slug}: no paragraph {number}")


class SourceError(Exception):
    """A source file that cannot be built: names the file and, where it can, the line."""

    def __init__(self, path: Path, message: str, line: int | None = None):
        self.path, self.line, self.message = Path(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
