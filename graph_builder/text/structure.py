"""Parse the text of one report into its structure: front matter, sections, numbered
paragraphs and footnotes.

What it does: recognises paragraph numbers (Arabic-Indic or Western digits, strict
sequence, restarted ``1 - `` lists kept inside their paragraph), headings (``##``/``###``
marks, ordinal words ``أولا``/``ألف``…, unmarked sub-headings of plain-text reports),
table-of-contents blocks, paragraphs continued after a page break, footnote markers
(``<sup>(N)</sup>`` and the lost ones ``()``, ``(أأ)``, ``(ـ)``, ``*``) and footnote texts,
figure captions and session header lines (kept as ``Section.notes``).

What it does not: read files (``corpus.py``), fill document metadata (``corpus.py``), or
normalise text. Texts are kept as printed, except that the number prefix, markdown escapes
and ``<sup>`` markup are removed and page-break continuations are joined.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .header_lines import role_label
from .model import Footnote, Paragraph, Section, SourceIssue

DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
DASHES = "\\-\u2013\u2014"
AR_LETTER = "\u0621-\u064a"
TATWEEL = "\u0640"
# diacritics (harakat, tanween, shadda, sukun, superscript alef) ignored when matching words
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")

_PARA = re.compile(rf"^([{DIGITS}]+)\s*[{DASHES}]\s+(.*)$", re.S)
_ORDINAL_HEAD = re.compile(rf"^([{AR_LETTER}\u064b-\u065f\u0670{TATWEEL}]+(?: [{AR_LETTER}{TATWEEL}]+)?)\s*[{DASHES}]\s*(.+)$")
_MD_HEAD = re.compile(r"^(#{1,6})\s*(.*)$")
_TOC_LINE = re.compile(rf"^\s*[{DIGITS}]+\t|\.{{4,}}\s*$|\t\s*$")
_FOOTNOTE_TEXT = re.compile(rf"^(?:\(([{DIGITS}]+)\)|\\?(\*))\s+(.*)$")
_BULLET = re.compile("^[\u2022\u25aa\u25e6\u25cf\u00b7]")
_LETTERED = re.compile(rf"^\(\s*[{AR_LETTER}]{TATWEEL}?\s*\)")
# a figure or table label ("الشكل", "الجدول ٢:") or the note/source line under one
_CAPTION = re.compile(rf"^(?:(?:الشكل|شكل|الجدول|جدول)(?:\s*[{DIGITS}]+)?\s*(?::|$)|(?:ملاحظة|ملاحظات|المصدر)\s*:)")
# a bare figure or table label on a line of its own: the line after it is the caption's title
_CAPTION_LABEL = re.compile(rf"^(?:الشكل|شكل|الجدول|جدول)(?:\s*[{DIGITS}]+)?\s*:?\s*$")
_SUP = re.compile(r"<sup>\s*\(?\s*([^()<]*?)\s*\)?\s*</sup>")
# markers whose footnote text was lost in extraction: "()", "(ـ)", doubled letters "(أأ)", "(هـ هـ)"
_LOST = re.compile(rf"\(\s*\)|(?<=\S)\((?:{TATWEEL}|([{AR_LETTER}]){TATWEEL}?\s?\1{TATWEEL}?)\)|(?<=[{AR_LETTER}{TATWEEL}])\*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_TERMINAL = ".\u061f?!:\u2026"  # not ";" or "؛": they end list items, not paragraphs
_CLOSERS = "\"'\u201d\u2019\u00bb)]\u201c"
_WORD = re.compile(rf"[{AR_LETTER}\u064b-\u065f\u0670{TATWEEL}A-Za-z\u00ad]+")

LEVEL1 = ["اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا",
          "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر"]
LEVEL2 = ["الف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
          "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد",
          "ظاء", "غين"]


@dataclass
class ParsedText:
    """What ``parse`` finds in one text."""

    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    issues: list[SourceIssue] = field(default_factory=list)
    front_matter: str = ""
    front_headings: list[str] = field(default_factory=list)
    dateline: object = None       # a ``dateline.Dateline`` (texts without paragraph numbers only)


def match_key(word: str) -> str:
    """A word reduced for comparison only: no diacritics or tatweel, one alef form."""
    return re.sub("[أإآ]", "ا", _MARKS.sub("", word)).strip()


def ordinal_label(text: str) -> tuple[int, int, str, str] | None:
    """``(level, index, label, rest)`` when ``text`` starts with a numbering word and a dash."""
    m = _ORDINAL_HEAD.match(text)
    if not m:
        return None
    key = match_key(m.group(1))
    for level, words in ((1, LEVEL1), (2, LEVEL2)):
        if key in words:
            return level, words.index(key) + 1, m.group(1), m.group(2)
    return None


def is_finished(text: str) -> bool:
    """True when a paragraph's text ends a sentence (so a following plain line is not its rest)."""
    tail = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(tail) and tail[-1] in _TERMINAL


def strip_markup(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Text without markdown escapes and ``<sup>`` markup, and the ``<sup>`` markers with the
    position where each stood in the cleaned text."""
    text = _MD_ESCAPE.sub(r"\1", text)
    out, markers, last = [], [], 0
    for m in _SUP.finditer(text):
        out.append(text[last:m.start()])
        markers.append((sum(map(len, out)), m.group(1)))
        last = m.end()
    out.append(text[last:])
    return "".join(out), markers


def footnote_markers(text: str, sup: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """All markers of a cleaned text in reading order: ``<sup>`` ones and lost ones."""
    lost = [(m.start(), lost_marker(m.group())) for m in _LOST.finditer(text)]
    return sorted(sup + lost)


def lost_marker(printed: str) -> str:
    """The marker of a lost footnote as printed: "" for "()", "أأ", "ـ", "*"."""
    printed = printed.strip()
    return printed[1:-1].strip() if printed.startswith("(") else printed


def word_counts(text: str) -> Counter:
    return Counter(_WORD.findall(text))


def joiner(before: str, after: str, words: Counter) -> str:
    """How to join two pieces of a paragraph split by a page break: "" inside a word, else " ".

    A break is inside a word when the piece ends with a soft hyphen (U+00AD), or when
    the two fragments glued together form a word printed elsewhere in the report while neither
    fragment is printed anywhere else as a word of its own.
    """
    before, after = before.rstrip(), after.lstrip()
    if before.endswith("\u00ad"):
        return ""
    head = _WORD.match(after)
    tail = _WORD.findall(before[-60:])
    if not head or not tail or not before.endswith(tail[-1]):
        return " "
    frag1, frag2 = tail[-1], head.group()
    if words[frag1 + frag2] > 0 and words[frag1] <= 1 and words[frag2] <= 1:
        return ""
    return " "


def toc_lines(lines: list[str]) -> set[int]:
    """Indexes of table-of-contents lines: every line of a block of consecutive non-blank
    lines that holds at least two lines with a page number and tab, leader dots or a
    trailing tab (the column head "الصفحة")."""
    found, block = set(), []
    for i, line in enumerate(lines + [""]):
        if line.strip():
            block.append(i)
            continue
        if sum(1 for j in block if _TOC_LINE.search(lines[j]) and not _PARA.match(lines[j].strip())) >= 2:
            found.update(block)
        block = []
    return found


class _Builder:
    """The state of one pass over the lines (kept in an object, not in the module)."""

    def __init__(self, text: str, path: Path):
        self.path = path
        self.lines = [ln.rstrip("\r") for ln in text.split("\n")]
        self.toc = toc_lines(self.lines)
        self.markdown = any(_MD_HEAD.match(ln.strip()) for ln in self.lines)
        self.words = word_counts(_MD_ESCAPE.sub(r"\1", _SUP.sub("", text)))
        self.out = ParsedText()
        self.front = True
        self.front_lines: list[str] = []
        self.stack: list[Section] = []
        self.para: Paragraph | None = None     # the paragraph lines may still be added to
        self.pieces: list[str] = []
        self.sublist = 0
        self.expected = 1
        self.seen: set[int] = set()
        self.last_index = {1: 0, 2: 0}
        self.text_footnotes: list[Footnote] = []
        self.lost: list[Footnote] = []
        self.cited: list[tuple[int, str]] = []
        self.numbers = [(i, int(m.group(1))) for i, ln in enumerate(self.lines)
                        if i not in self.toc and (m := _PARA.match(ln.strip()))]

    # -- helpers ---------------------------------------------------------------------------
    def warn(self, line: int, message: str) -> None:
        self.out.issues.append(SourceIssue(self.path, line, message))

    def next_is_blank(self, i: int) -> bool:
        return i + 1 >= len(self.lines) or not self.lines[i + 1].strip()

    def close_paragraph(self) -> None:
        if self.para is not None:
            self.para.text = "".join(self.pieces).strip()
        self.para, self.pieces, self.sublist = None, [], 0

    def add_markers(self, lineno: int, text: str, sup: list[tuple[int, str]]) -> list[str]:
        markers = footnote_markers(text, sup)
        for _, marker in sup:
            self.cited.append((lineno, marker))
        for m in _LOST.finditer(text):
            self.lost.append(Footnote(lost_marker(m.group()), "", 0, lineno))
        return [marker for _, marker in markers]

    # -- line kinds ------------------------------------------------------------------------
    def paragraph(self, lineno: int, number: int, body: str) -> None:
        self.close_paragraph()
        self.front = False
        if number in self.seen:
            self.warn(lineno, f"duplicate paragraph number {number} (expected {self.expected})")
        elif number != self.expected:
            self.warn(lineno, f"paragraph number {number} out of sequence (expected {self.expected})")
        self.seen.add(number)
        self.expected = max(self.expected, number + 1)
        text, sup = strip_markup(body)
        section = self.stack[-1] if self.stack else None
        self.para = Paragraph(number, "", len(self.out.paragraphs) + 1, lineno, section)
        self.para.footnote_markers = self.add_markers(lineno, text, sup)
        self.pieces = [text]
        self.out.paragraphs.append(self.para)

    def append(self, lineno: int, body: str, sep: str) -> None:
        text, sup = strip_markup(body)
        if sep == "page":
            sep = joiner(self.pieces[-1], text, self.words)
        self.para.footnote_markers += self.add_markers(lineno, text, sup)
        self.pieces.append(sep + text)

    def heading(self, lineno: int, level: int, label: str, body: str) -> None:
        self.close_paragraph()
        self.front = False
        text, sup = strip_markup(body)
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        if level == 2 and (parent is None or parent.level != 1):
            self.warn(lineno, f"cannot place heading {text!r}: a level-2 heading outside any level-1 section")
        section = Section(text, level, len(self.out.sections) + 1, lineno, parent, label)
        section.footnote_markers = self.add_markers(lineno, text, sup)
        self.out.sections.append(section)
        self.stack.append(section)

    def ordinal_heading(self, lineno: int, found: tuple[int, int, str, str], full: str) -> None:
        level, index, label, _ = found
        if level == 1:
            self.last_index[2] = 0
        if index != self.last_index[level] + 1:
            self.warn(lineno, f"heading {label!r} out of sequence (after number {self.last_index[level]})")
        self.last_index[level] = index
        self.heading(lineno, level, label, full)

    def note(self, lineno: int, body: str) -> None:
        text, _ = strip_markup(body)
        if self.front or not self.stack:
            self.front_lines.append(text)
        else:
            self.stack[-1].notes.append(text)

    def footnote_text(self, lineno: int, marker: str, body: str) -> None:
        text, _ = strip_markup(body)
        self.text_footnotes.append(Footnote(marker, text.strip(), 0, lineno))

    # -- the pass --------------------------------------------------------------------------
    def run(self) -> ParsedText:
        for i, raw in enumerate(self.lines):
            if not raw.strip() or i in self.toc:
                continue
            self.line(i, i + 1, raw.strip())
        self.close_paragraph()
        self.finish()
        return self.out

    def line(self, i: int, lineno: int, s: str) -> None:
        md = _MD_HEAD.match(s)
        body = md.group(2).strip() if md else s
        fn = _FOOTNOTE_TEXT.match(s)
        num = None if md else _PARA.match(s)
        ordinal = ordinal_label(_MD_ESCAPE.sub(r"\1", body))
        if fn and not md and self.cited_before(i, fn.group(1) or fn.group(2)):
            self.footnote_text(lineno, fn.group(1) or fn.group(2), fn.group(3))
        elif num:
            self.numbered(i, int(num.group(1)), num.group(2), s)
        elif ordinal:
            self.ordinal_heading(lineno, ordinal, body)
        elif md:
            if self.front:
                self.close_paragraph()
                self.out.front_headings.append(strip_markup(body)[0])
            else:
                self.heading(lineno, 3, "", body)
        elif _BULLET.match(s) or _LETTERED.match(s) or fn:
            if self.para is not None:
                after_break = i > 0 and not self.lines[i - 1].strip()
                unfinished = after_break and not is_finished("".join(self.pieces))
                self.append(lineno, s, "page" if unfinished else "\n")
            else:
                self.note(lineno, s)
        else:
            self.plain(i, lineno, s)

    def cited_before(self, i: int, marker: str) -> bool:
        """True when a footnote text's marker is cited above it (``<sup>(N)</sup>``, ``*``), or
        when the report marks no footnote at all with ``<sup>``."""
        above = "\n".join(self.lines[:i])
        if marker == "*":
            return bool(re.search(rf"[{AR_LETTER}{TATWEEL}A-Za-z.]\\?\*", above))
        if "<sup>" not in "\n".join(self.lines):
            return True
        return any(m.group(1) == marker for m in _SUP.finditer(above))

    def numbered(self, i: int, number: int, body: str, whole: str) -> None:
        in_list = self.para is not None and (number == 1 or (self.sublist and number == self.sublist + 1))
        if in_list and (number != self.expected or self.printed_again(i, number)):
            self.sublist = number
            self.append(i + 1, whole, "\n")
        else:
            self.paragraph(i + 1, number, body)

    def printed_again(self, i: int, number: int) -> bool:
        """True when the list that line ``i`` would continue is followed by another line
        numbered ``number``: then line ``i`` is a list item, and that later line the paragraph."""
        later = [n for j, n in self.numbers if j > i]
        k = number
        for n in later:
            if n != k + 1:
                return n == number
            k = n
        return False

    def plain(self, i: int, lineno: int, s: str) -> None:
        if self.front:
            self.front_lines.append(strip_markup(s)[0])
        elif _CAPTION.match(s) or self.after_label(i) or role_label(strip_markup(s)[0].strip()):
            self.close_paragraph()
            self.note(lineno, s)           # a caption, or a session header line (المقررة: …)
        elif self.para is not None and not is_finished("".join(self.pieces)):
            self.append(lineno, s, "page")
        elif self.markdown:
            self.close_paragraph()
            self.note(lineno, s)
        elif self.next_is_blank(i) or self.para is not None:
            self.heading(lineno, 3, "", s)
        else:
            self.note(lineno, s)

    def after_label(self, i: int) -> bool:
        """True when the line before line ``i`` (blank lines aside) is a bare figure or table label."""
        before = next((ln.strip() for ln in reversed(self.lines[:i]) if ln.strip()), "")
        return bool(_CAPTION_LABEL.match(before))

    def finish(self) -> None:
        out = self.out
        out.front_matter = "\n".join(t for t in self.front_lines if t.strip())
        given = {f.marker for f in self.text_footnotes}
        lost = [f for f in self.lost if f.marker not in given]
        for lineno, marker in self.cited:
            if marker not in given:
                self.warn(lineno, f"footnote marker ({marker}) has no footnote text")
        out.footnotes = sorted(self.text_footnotes + lost, key=lambda f: f.line)
        for order, note in enumerate(out.footnotes, 1):
            note.order = order


def parse(text: str, path: Path) -> ParsedText:
    """The structure of ``text`` (the content of the file ``path``, named in issues)."""
    return _Builder(text, Path(path)).run()
