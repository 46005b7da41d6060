"""Parse a text whose paragraphs are not numbered (press releases, chair's summaries,
declarations, notes, text read from Word, PDF or web pages) into the same structure as a
numbered report: front matter, sections, paragraphs (``number`` None, ``order`` from 1).

What it does: the first non-blank line is the title (kept as a front heading, as a numbered
report's title is) when it is marked (``#``) or reads as one (it ends no sentence and is not a
paragraph's length; a page whose text starts with a sentence has no title in its text); leading lines of a UN header block (``Distr.: General``, a date, a symbol,
``Original: …``) and a dateline on a line of its own are front matter. Paragraphs end at blank
lines and at line breaks that end a sentence; lines that merely wrap are joined with a space.
A line starting with a bullet or a lettered marker starts a paragraph. A block ``(N) …``
whose marker ``<sup>(N)</sup>`` is cited above is that footnote's text. Headings are marked
ones (``##``), ordinal ones (``أولا -``, ``ألف -``) as in numbered reports, and short
single-line blocks that do not end a sentence or a clause (``مقدمة``, ``الجلسة الافتتاحية``) and
are not a table row (cells separated by `` | ``) nor a byline (an office and a person's name on a line of its
own, ``bylines.py``: a paragraph the person rules read). Heading levels are relative: the highest
level used below the title is 1. A chair's report's verbless lines (grammar in ``header_lines.py``): a session
heading line (``الجلسة 1-2: …``) is a heading even inside a block of lines; a session header line (``المقررة: …``)
is a note of the current section (``Section.notes``), never a heading that would close the session's section nor a
paragraph; a table of contents (a block opened by ``المحتويات``/``الفهرس``) stays one paragraph.

What it does not: read files or metadata (``corpus.py``), find numbered paragraphs
(``structure.py``: a text with numbered paragraphs never comes here), or normalise text.
"""
from __future__ import annotations

import re
from pathlib import Path

from .arabic import fold
from .bylines import is_byline
from .dateline import Dateline, find_dateline
from .header_lines import role_label, session_heading
from .model import Footnote, Paragraph, Section
from .structure import (_BULLET, _FOOTNOTE_TEXT, _LETTERED, _MD_ESCAPE, _MD_HEAD, ParsedText, footnote_markers,
                        is_finished, ordinal_label, strip_markup)

HEADING_MAX_WORDS = 12
TITLE_MAX_WORDS = 40
_CLAUSE_END = ".\u061f?!:\u2026;\u061b,\u060c"        # a line ending so is text, not a heading
_CONTENTS = {"المحتويات", "جدول المحتويات", "الفهرس", "فهرس المحتويات"}
_HEADER_LINE = re.compile(
    r"^(?:Distr\.?\s*:.*|Original\s*:.*|(?:Arabic|English|French|Spanish|Russian|Chinese)"
    r"|[0-9]{1,2}\s+[A-Za-z]+\s+[0-9]{4}|[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+(?:\s*\*)?)$")


def parse_unnumbered(text: str, path: Path) -> ParsedText:
    """The structure of ``text`` (the content of ``path``), a text without paragraph numbers."""
    out = ParsedText()
    lines = [ln.rstrip("\r") for ln in text.split("\n")]
    blocks = _blocks(lines)
    headed = any(ordinal_label(_MD_ESCAPE.sub(r"\1", _md_body(ln))) for blk in blocks for _, ln in blk)
    stack: list[Section] = []
    front: list[str] = []
    title_seen = False
    for b, block in enumerate(blocks):
        lineno, first = block[0]
        if not title_seen:
            if _HEADER_LINE.match(first.strip()):
                front.extend(ln.strip() for _, ln in block if _HEADER_LINE.match(ln.strip()))
                rest = [(n, ln) for n, ln in block if not _HEADER_LINE.match(ln.strip())]
                if not rest:
                    continue
                block = rest
                lineno, first = block[0]
            title_seen = True
            if _MD_HEAD.match(first) or _is_title_line(first):
                out.front_headings.append(strip_markup(_md_body(first))[0].strip())
                block = block[1:]
                if not block:
                    continue
                lineno, first = block[0]
        if not out.paragraphs and out.dateline is None:
            found = find_dateline(strip_markup(first.strip())[0])
            if found is not None:
                out.dateline = found
                if found.whole_line:
                    front.append(first.strip())
                    block = block[1:]
                    if not block:
                        continue
        if _footnote(out, block):
            continue
        _read_block(out, block, stack, headed, last=b == len(blocks) - 1)
    out.front_matter = "\n".join(front)
    top = min((sec.level for sec in out.sections), default=1)
    for sec in out.sections:          # levels relative to the highest heading used (the title is not one)
        sec.level -= top - 1
    return out


def _footnote(out: ParsedText, block: list[tuple[int, str]]) -> bool:
    """A one-line block ``(N) text`` whose marker a paragraph or heading above cites: a footnote."""
    if len(block) != 1:
        return False
    m = _FOOTNOTE_TEXT.match(block[0][1])
    marker = m and (m.group(1) or m.group(2))
    cited = {mk for part in out.paragraphs + out.sections for mk in part.footnote_markers}
    if not m or marker not in cited:
        return False
    out.footnotes.append(Footnote(marker, strip_markup(m.group(3))[0].strip(), len(out.footnotes) + 1, block[0][0]))
    return True


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines as ``(1-based line number, line)``."""
    blocks, cur = [], []
    for i, ln in enumerate(lines, 1):
        if ln.strip():
            cur.append((i, ln.strip()))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _md_body(line: str) -> str:
    md = _MD_HEAD.match(line.strip())
    return md.group(2).strip() if md else line.strip()


def _is_title_line(line: str) -> bool:
    """A first line that can be a title: it does not end a sentence and is not a paragraph's length."""
    body = strip_markup(line)[0].strip()
    return bool(body) and not is_finished(body) and len(body.split()) <= TITLE_MAX_WORDS


def _is_heading_line(line: str) -> bool:
    body = strip_markup(line)[0].strip()
    return (bool(body) and body[-1] not in _CLAUSE_END and len(body.split()) <= HEADING_MAX_WORDS
            and not _BULLET.match(body) and not _LETTERED.match(body) and " | " not in body)   # a table row


def _read_block(out: ParsedText, block: list[tuple[int, str]], stack: list[Section], headed: bool,
                last: bool) -> None:
    pieces: list[tuple[int, str]] = []
    contents = _is_contents(block)
    for k, (lineno, line) in enumerate(block):
        md = _MD_HEAD.match(line)
        body = _MD_ESCAPE.sub(r"\1", md.group(2).strip() if md else line)
        ordinal = None if md and len(md.group(1)) == 1 and not out.sections else ordinal_label(body)
        alone = len(block) == 1
        if stack and not md and not contents and role_label(strip_markup(body)[0].strip()):
            _flush(out, pieces, stack)              # الرئيس المشارك: …: a header line of the section's session
            stack[-1].notes.append(strip_markup(body)[0].strip())
            continue
        session = not contents and not ordinal and session_heading(strip_markup(body)[0]) is not None
        if md or ordinal or session or (alone and not last and _is_heading_line(line) and not is_byline(body)):
            _flush(out, pieces, stack)
            if ordinal:
                level = ordinal[0]
            elif md:
                level = max(1, min(3, len(md.group(1)) - 1))
            else:
                level = 3 if headed else 1
            _heading(out, stack, lineno, level, ordinal[2] if ordinal else "", body)
            continue
        if pieces and (_BULLET.match(line) or _LETTERED.match(line) or is_finished(pieces[-1][1])):
            _flush(out, pieces, stack)
        pieces.append((lineno, line))
    _flush(out, pieces, stack)


def _is_contents(block: list[tuple[int, str]]) -> bool:
    """A table of contents: a block opened by its own heading word (المحتويات، الفهرس): its lines name
    sections, they do not open them."""
    first = strip_markup(_md_body(block[0][1]))[0].strip().rstrip(":").strip()
    return fold(first) in _CONTENTS


def _heading(out: ParsedText, stack: list[Section], lineno: int, level: int, label: str, body: str) -> None:
    text, sup = strip_markup(body)
    while stack and stack[-1].level >= level:
        stack.pop()
    parent = stack[-1] if stack else None
    section = Section(text.strip(), level, len(out.sections) + 1, lineno, parent, label)
    section.footnote_markers = [m for _, m in footnote_markers(text, sup)]
    out.sections.append(section)
    stack.append(section)


def _flush(out: ParsedText, pieces: list[tuple[int, str]], stack: list[Section]) -> None:
    """Close the paragraph made of ``pieces`` (lines joined with a space) and empty the list."""
    if not pieces:
        return
    text, sup = strip_markup(" ".join(line for _, line in pieces))
    para = Paragraph(None, text.strip(), len(out.paragraphs) + 1, pieces[0][0], stack[-1] if stack else None)
    para.footnote_markers = [m for _, m in footnote_markers(text, sup)]
    out.paragraphs.append(para)
    pieces.clear()


__all__ = ["parse_unnumbered", "Dateline"]
