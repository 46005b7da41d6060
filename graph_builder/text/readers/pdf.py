"""Read the text layer of a PDF into plain text: lines in logical order, page furniture removed,
paragraphs separated by blank lines and joined across pages.

What it does, with pypdfium2 (PDFium; Apache-2.0/BSD-3), chosen by measurement against
pdfminer.six, pypdf, PyMuPDF and poppler's pdftotext (docs/benchmarks.md, "Reading PDF"):

* takes every character by its own index with its ink box, advance box, pen position, baseline
  and font size (not PDFium's text order, which keeps the order of the content stream:
  LibreOffice and Word write the neutral characters of an Arabic line in runs of their own, so
  full stops and slashes land at the wrong end);
* groups glyphs into lines by baseline (a superscript joins the line below it and is kept as
  ``<sup>…</sup>``, the project's marker convention), drops a glyph drawn twice over itself,
  orders each line right to left when it holds Arabic letters (left to right otherwise), turns
  runs of digits and Latin text back to left to right (digit groups with a space between them
  stay one number), and puts the letters of one glyph that stands for several in logical order
  (a lam-alef ligature ``لا``/``لأ`` is lam then alef);
* puts a space where the advance boxes of two glyphs leave a gap (inside a word, digits of a
  number and letters that do not join included, they touch);
* folds Arabic presentation forms back to letters (NFKC on those code points only);
* drops page furniture: lines repeated at the top or bottom of most pages (running heads,
  the symbol), page numbers, UN job numbers (``08-45891 (A)``) and barcode lines;
* separates paragraphs where the gap between baselines is wider than the page's line spacing
  (a gap that would hold two more lines is an empty paragraph: an empty block), joins a line
  ending in a hyphen to the next, and carries a paragraph over a page break when its last line
  does not end a sentence and had no room for the next line's first word.

What it does not: OCR (a PDF without a text layer is refused: :class:`NeedsOCR`), read tables
as tables, columns side by side (one column per page is assumed), or find headings by font
(the structure parsers find headings in the text as in a plain-text report).
"""
from __future__ import annotations

import ctypes
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import SourceError

MIN_LETTERS_PER_PAGE = 20     # fewer letters than this on average: no text layer (a scan)
WORD_GAP = 0.1               # a gap between advance boxes wider than this (em): a word space
FURNITURE_SHARE = 0.4         # a top/bottom line on at least this share of pages is a running head/foot
_TERMINAL = ".\u061f?!:\u2026"
_CLOSERS = "\"'\u201d\u2019\u00bb)]\u201c"
_JOB_NUMBER = re.compile(r"^\s*\d{2}-\d{5}\s*(?:\(\s*[A-Z]\s*\))?(?:\s+.*)?$")
_PAGE_NUMBER = re.compile(r"^\s*[-\u2013\u2014]?\s*[0-9\u0660-\u0669]{1,4}\s*[-\u2013\u2014]?\s*$")
_NUMBERED = re.compile(r"^[0-9\u0660-\u0669]{1,3}\s*[-\u2013\u2014]\s")   # "12 - ": a numbered paragraph starts
# a paragraph number whose dash touches the first word: a lam-alef glyph overhangs the space
_NUMBER_DASH = re.compile(r"^([0-9\u0660-\u0669]{1,3}) ?([-\u2013\u2014])(?=[^\s\d])")
_LEADERS = re.compile(r"\.{4,}|\u2026{2,}")
_BARCODE = re.compile(r"^\s*\*[0-9A-Z]+\*\s*$")
_LTR_CLASSES = {"L", "EN", "AN"}
_LTR_JOINERS = {"ES", "ET", "CS"}      # inside a number or a symbol: 62/270, 1,5, A/63/265
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_ALEFS = "\u0627\u0623\u0625\u0622"


class NeedsOCR(SourceError):
    """A PDF without a text layer."""


@dataclass
class _Glyph:
    text: str
    left: float              # the ink box (PDFium's char box)
    right: float
    baseline: float
    size: float
    adv_left: float = 0.0    # the advance box (PDFium's loose char box: origin to origin + advance)
    adv_right: float = 0.0
    origin: tuple = (0.0, 0.0)   # the pen position: the characters of one drawn glyph share it


@dataclass
class _Line:
    text: str
    baseline: float
    size: float
    left: float = 0.0
    right: float = 0.0


def _open(path: Path):
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise SourceError(path, "encrypted PDF: it needs a password; save an unprotected copy first") from exc
        raise SourceError(path, f"not a readable PDF (corrupt or not a PDF): {message}") from exc


def read_pdf(path: Path) -> tuple[list[str], dict]:
    """``(blocks, metadata)`` of a PDF with a text layer; ``SourceError`` otherwise."""
    path = Path(path)
    doc = _open(path)
    try:
        meta = _metadata(doc.get_metadata_dict(skip_empty=True))
        pages = [_page_lines(doc[i]) for i in range(len(doc))]
    finally:
        doc.close()
    letters = sum(ch.isalpha() for lines in pages for ln in lines for ch in ln.text)
    if not pages or letters < MIN_LETTERS_PER_PAGE * len(pages):
        raise NeedsOCR(path, f"no text layer ({letters} letters on {len(pages)} page(s)): a scanned PDF "
                             "needs OCR first (for example ocrmypdf -l ara), then add the OCRed PDF")
    pages = _drop_furniture(pages)
    return _join(pages), meta


def _metadata(info: dict) -> dict:
    """The document information dictionary as ``title`` and ``created`` (ISO date)."""
    meta = {}
    if (info.get("Title") or "").strip():
        meta["title"] = info["Title"].strip()
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", info.get("CreationDate") or "")
    if m:
        meta["created"] = "-".join(m.groups())
    return meta


# ---------------------------------------------------------------- one page

def _glyphs(page) -> list[_Glyph]:
    import pypdfium2.raw as raw
    tp = page.get_textpage()
    try:
        x, y = ctypes.c_double(), ctypes.c_double()
        loose = raw.FS_RECTF()
        out = []
        for k in range(tp.count_chars()):     # each character by its own index, not the page's text
            code = raw.FPDFText_GetUnicode(tp.raw, k)     # (whose indices differ where PDFium adds
            ch = chr(code) if 0 < code < 0x110000 else ""  # or drops characters: pypdfium2 < 5)
            if not ch or ch in "\r\n" or raw.FPDFText_IsGenerated(tp.raw, k) == 1:
                continue
            if ch in "\x02\ufffe":          # PDFium's mark for a hyphen at a line end
                ch = "-"
            left, _, right, _ = tp.get_charbox(k)
            raw.FPDFText_GetCharOrigin(tp.raw, k, x, y)
            raw.FPDFText_GetLooseCharBox(tp.raw, k, loose)
            out.append(_Glyph(ch, left, right, y.value, raw.FPDFText_GetFontSize(tp.raw, k),
                              min(loose.left, left), max(loose.right, right), (x.value, y.value)))
        return out
    finally:
        tp.close()


def _page_lines(page) -> list[_Line]:
    glyphs = [g for g in _glyphs(page) if g.text.strip() or g.text == " "]
    visible = [g for g in glyphs if g.text.strip()]
    if not visible:
        return []
    body = statistics.median(g.size for g in visible)
    page_rtl = sum(_arabic(g.text) for g in visible) >= sum(_latin_letter(g.text) for g in visible)
    rows: list[list[_Glyph]] = []
    for g in sorted((g for g in glyphs if g.size >= 0.8 * body or _is_mark(g.text) or not g.text.strip()),
                    key=lambda g: -g.baseline):
        if rows and abs(rows[-1][0].baseline - g.baseline) <= 0.5 * body:   # marks and hamzas sit higher
            rows[-1].append(g)
        else:
            rows.append([g])
    for g in visible:             # superscripts (and small print) join the line whose baseline is just below
        if g.size >= 0.8 * body or _is_mark(g.text):
            continue
        below = [r for r in rows if 0 <= g.baseline - r[0].baseline <= 1.2 * body]
        target = min(below, key=lambda r: g.baseline - r[0].baseline) if below else None
        if target is None:
            rows.append([g])
        else:
            target.append(replace(g, baseline=target[0].baseline))
    rows.sort(key=lambda r: -r[0].baseline)
    rows = _superscripts(rows, body)
    lines = []
    for row in rows:
        text = _line_text(row, body, page_rtl)
        if text.strip():
            size = statistics.median(g.size for g in row if g.text.strip() and not _is_mark(g.text))\
                if any(g.text.strip() and not _is_mark(g.text) for g in row) else body
            ink = [g for g in row if g.text.strip()]
            lines.append(_Line(text, row[0].baseline, size, min(g.left for g in ink), max(g.right for g in ink)))
    return lines


_SUP_CHARS = set("0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669()*")


def _superscripts(rows: list[list[_Glyph]], body: float) -> list[list[_Glyph]]:
    """Footnote markers set as superscripts (digits, brackets, asterisks raised by a third of an
    em or more) moved into the line they belong to and marked small, so that ``_line_text``
    wraps them in ``<sup>``."""
    def sup(g: _Glyph) -> _Glyph:
        return replace(g, size=min(g.size, 0.6 * body))

    out: list[list[_Glyph]] = []
    for i, row in enumerate(rows):
        ink = [g for g in row if g.text.strip() and not _is_mark(g.text)]
        below = rows[i + 1] if i + 1 < len(rows) else None
        if ink and all(g.text in _SUP_CHARS for g in ink) and below is not None \
                and 0 < row[0].baseline - below[0].baseline <= 0.8 * body:
            below.extend(sup(g) if g in ink else g for g in row if g.text.strip())   # marks go with their letters
            continue
        base = statistics.median(g.baseline for g in ink) if ink else 0
        out.append([sup(g) if g.text in _SUP_CHARS and g.baseline - base >= 0.3 * body else g for g in row])
    return out


def _drawn(row: list[_Glyph]) -> list[list[_Glyph]]:
    """The row's characters grouped by the glyph that draws them: one glyph may stand for several
    characters (a lam-alef ligature, a letter with its vowel mark), which then share the pen position."""
    drawn: dict[tuple, list[_Glyph]] = {}
    for g in row:
        key = (round(g.origin[0], 2), round(g.origin[1], 2)) if g.text.strip() else ("space", id(g))
        drawn.setdefault(key, []).append(g)
    return list(drawn.values())


def _without_doubles(row: list[_Glyph]) -> list[_Glyph]:
    """The row without a glyph drawn a second time over itself (LibreOffice draws a letter that
    carries a positioned mark, أُ, once more with the mark): a glyph for the same characters
    whose advance box overlaps a kept one by half."""
    kept: list[list[_Glyph]] = []
    seen: dict[str, list[tuple[float, float]]] = {}
    for glyph in _drawn(row):
        left, right = min(g.adv_left for g in glyph), max(g.adv_right for g in glyph)
        width = max(right - left, 0.01)
        key = "".join(sorted(g.text for g in glyph))
        same = seen.setdefault(key, [])
        if key.strip() and any(min(r, right) - max(lft, left) >= 0.5 * min(width, max(r - lft, 0.01))
                               for lft, r in same):
            continue
        same.append((left, right))
        kept.append(glyph)
    return [g for glyph in kept for g in glyph]


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff" for c in text)


def _latin_letter(text: str) -> bool:
    return any(c.isalpha() and unicodedata.bidirectional(c) == "L" for c in text)


def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.category(c) == "Mn" for c in text)


def _line_text(row: list[_Glyph], body: float, page_rtl: bool = True) -> str:
    """The glyphs of one line in logical order, with spaces and ``<sup>`` markers. A line with
    Arabic letters is right to left, one with Latin letters only left to right, one with neither
    (``2015.``, a line of figures) goes the way of the page. A space stands where the advance
    boxes of two neighbouring glyphs leave a gap (inside a word they touch or overlap, the
    letters that do not join to the next one and the digits of a number included)."""
    rtl = any(_arabic(g.text) for g in row) or (page_rtl and not any(_latin_letter(g.text) for g in row))
    row = _without_doubles(row)
    # by the left edge: a lam-alef ligature overhangs to the right of its place
    bases = sorted((g for g in row if not _is_mark(g.text)), key=lambda g: (g.left, g.right))
    groups: list[list[_Glyph]] = []
    for g in bases:                                                       # one glyph, several letters
        if groups and g.text.strip() and groups[-1][0].text.strip() and (
                groups[-1][0].origin == g.origin or (abs(groups[-1][0].left - g.left) < 0.01
                                                     and abs(groups[-1][0].right - g.right) < 0.01)):
            groups[-1].append(g)
        else:
            groups.append([g])
    marks: dict[int, list[_Glyph]] = {}
    for m in (g for g in row if _is_mark(g.text)):                        # a mark goes with its letter
        own = [i for i, grp in enumerate(groups) if grp[0].origin == m.origin and grp[0].text.strip()]
        overlaps = [(min(m.right, grp[0].right) - max(m.left, grp[0].left), i) for i, grp in enumerate(groups)
                    if grp[0].text.strip()]
        if own or overlaps:
            marks.setdefault(own[0] if own else max(overlaps)[1], []).append(m)
    tokens: list[tuple[str, bool, float, float, float]] = []   # (text, superscript, left, right, size), visual order
    for i, grp in enumerate(groups):
        ink = grp + [m for m in marks.get(i, []) if m.origin == grp[0].origin]   # not a mark drawn apart
        tokens.append((_fold_forms(_letters(grp, rtl)) + "".join(m.text for m in marks.get(i, [])),
                       grp[0].size < 0.8 * body, min(g.adv_left for g in ink), max(g.adv_right for g in ink),
                       grp[0].size))
    spaced: list[tuple[str, bool]] = []
    prev_right, prev_size = None, body
    for text, sup, left, right, size in tokens:
        if text == " ":
            continue
        if prev_right is not None and left - prev_right > WORD_GAP * max(size, prev_size) \
                and spaced and spaced[-1][0] != " ":
            spaced.append((" ", False))
        spaced.append((text, sup))
        prev_right, prev_size = right, size
    if rtl:
        spaced = _logical_rtl(spaced)
    out, in_sup = [], False
    for text, sup in spaced:
        if sup != in_sup:
            out.append("<sup>" if sup else "</sup>")
            in_sup = sup
        out.append(text)
    if in_sup:
        out.append("</sup>")
    return re.sub(r" {2,}", " ", "".join(out)).strip()


def _letters(glyph: list[_Glyph], rtl: bool) -> str:
    """The letters of one glyph in logical order. A lam-alef ligature (لا لأ لإ لآ) is lam then
    alef whatever order PDFium gives; other glyphs of several letters come in visual order."""
    text = "".join(g.text for g in glyph)
    if len(text) == 2 and "\u0644" in text and set(text) - {"\u0644"} <= set(_ALEFS):
        return "\u0644" + (text.replace("\u0644", "", 1) or "\u0644")
    return text[::-1] if rtl and len(glyph) > 1 else text


def _balance(text: str) -> str:
    """Brackets opened and closed in reading order: in right-to-left text the PDF maps a bracket's
    mirrored glyph to the mirror character, so ``(`` and ``)`` come out swapped, but not inside
    left-to-right runs; which one is meant follows from the nesting."""
    out, depth = [], {o: 0 for o in _BRACKETS}
    closers = {c: o for o, c in _BRACKETS.items()}
    for ch in text:
        kind = ch if ch in _BRACKETS else closers.get(ch)
        if kind is None:
            out.append(ch)
        elif depth[kind] == 0:
            out.append(kind)
            depth[kind] += 1
        else:
            out.append(_BRACKETS[kind])
            depth[kind] -= 1
    return "".join(out)


def _logical_rtl(visual: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Visual left-to-right tokens of a right-to-left line → logical order: reverse the line, then
    turn each run of left-to-right text back, as the Unicode bidi algorithm lays runs out. Latin
    text goes on over spaces and separators, its digits included (``Global Forum``,
    ``A/63/265``). Digits after Arabic are Arabic numbers, joined by one common separator only
    (``62/270``, ``1.5``; ``20-30`` is laid out as two numbers); digits after Latin text are
    European numbers, joined by one separator or sign (``(GIZ)(2007-2010)``)."""
    seq = visual[::-1]
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(seq):
        if not _is_ltr(seq[i][0]):
            out.append(seq[i])
            i += 1
            continue
        j = i                                   # the candidate: LTR tokens and the separators between them
        while True:
            k = j + 1
            while k < len(seq) and _joins_ltr(seq[k][0]):
                k += 1
            if k < len(seq) and _is_ltr(seq[k][0]):
                j = k
            else:
                break
        segment = seq[i:j + 1]
        if any(_latin(t) for t, _ in segment):
            out.extend(segment[::-1])
        else:
            after_latin = next((_latin_letter(t) for t, _ in reversed(out) if _arabic(t) or _latin_letter(t)), False)
            out.extend(_number_runs(segment, after_latin))
        i = j + 1
    return out


def _number_runs(segment: list[tuple[str, bool]], european: bool) -> list[tuple[str, bool]]:
    """Digits and separators in right-to-left order → logical: each number back to left to right,
    the numbers and the separators between them kept right to left. Groups of digits with one
    space between them are one number (``232 155 2``: the space between digit groups is a
    no-break space, a common separator to the bidi algorithm; a PDF draws both as a gap)."""
    out, run, gap = [], [], []
    for tok in segment + [("", False)]:
        if tok[0] and _is_ltr(tok[0]):
            marks = [t for t, _ in gap if t != " "]
            joins = not gap or gap == [(" ", False)] or len(marks) == 1 and (_common_separator(marks[0]) or (european and all(
                unicodedata.bidirectional(c) in _LTR_JOINERS for c in marks[0])))
            if run and not joins:
                out.extend(run[::-1])
                out.extend(gap)
                run = []
            elif run:
                run.extend(gap)
            run.append(tok)
            gap = []
        elif tok[0]:
            gap.append(tok)
    out.extend(run[::-1])
    out.extend(gap)
    return out


def _common_separator(text: str) -> bool:
    return all(unicodedata.bidirectional(c) == "CS" for c in text)


def _latin(text: str) -> bool:
    return all(unicodedata.bidirectional(c) == "L" for c in text)


def _is_ltr(text: str) -> bool:
    return bool(text.strip()) and all(unicodedata.bidirectional(c) in _LTR_CLASSES for c in text)


def _joins_ltr(text: str) -> bool:
    return text == " " or all(unicodedata.bidirectional(c) in _LTR_JOINERS for c in text)


def _fold_forms(text: str) -> str:
    """Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) folded back to letters."""
    if not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in text):
        return text
    return "".join(unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"
                   else c for c in text)


# ---------------------------------------------------------------- furniture and paragraphs

def _furniture_key(text: str) -> str:
    return re.sub(r"[0-9\u0660-\u0669]+", "#", text).strip()


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without running heads and feet, page numbers, job numbers and barcodes."""
    edge = Counter()
    for lines in pages:
        keys = {_furniture_key(ln.text) for ln in lines[:2] + lines[-2:]}
        edge.update(keys)
    repeated = {k for k, n in edge.items() if len(pages) >= 3 and n >= FURNITURE_SHARE * len(pages)}
    out = []
    for lines in pages:
        ends = set(range(min(2, len(lines)))) | set(range(max(0, len(lines) - 2), len(lines)))
        kept = [ln for i, ln in enumerate(lines)
                if not (i in ends and (_furniture_key(ln.text) in repeated or _PAGE_NUMBER.match(ln.text)
                                       or _JOB_NUMBER.match(ln.text) or _BARCODE.match(ln.text)))]
        out.append(kept)
    return out


def _full(line: "_Line | None", width: tuple[float, float]) -> bool:
    """True when a line runs from margin to margin (a justified line, not a paragraph's last)."""
    if line is None or width[1] <= width[0]:
        return False
    return line.right - line.left >= 0.97 * (width[1] - width[0])


def _room_for(line: "_Line | None", nxt: _Line, width: tuple[float, float]) -> bool:
    """True when the first word of ``nxt`` would have fitted at the end of ``line``: then the
    line did not break for want of room, so its paragraph ended there (ragged or justified)."""
    if line is None or width[1] <= width[0]:
        return False
    text = re.sub(r"</?sup>", "", nxt.text).strip()
    if not text:
        return False
    first = text.split()[0]
    word = (nxt.right - nxt.left) * len(first) / len(text)
    room = line.left - width[0] if _arabic(line.text) else width[1] - line.right
    return room > word + 0.5 * nxt.size


def _finished(text: str) -> bool:
    tail = re.sub(r"<sup>.*?</sup>\s*$", "", text).rstrip().rstrip(_CLOSERS).rstrip()
    return bool(tail) and tail[-1] in _TERMINAL


def _join(pages: list[list[_Line]]) -> list[str]:
    """The paragraphs of the text, each on one line (a table of contents one block): a paragraph ends
    at a gap wider than the document's usual line spacing, or at a page break after a finished
    sentence or when the last line had room for the next line's first word; wrapped lines are
    joined with a space (a Latin word hyphenated at a line end without it); lines of a table of
    contents (leader dots) stay lines of their own. A gap that would hold two more lines is an
    empty paragraph of the source (an empty block: a blank line, as in the text version)."""
    steps = Counter(round(a.baseline - b.baseline) for lines in pages for a, b in zip(lines, lines[1:])
                    if a.baseline > b.baseline)
    normal = steps.most_common(1)[0][0] if steps else 0
    sizes = Counter(round(ln.size) for lines in pages for ln in lines)
    body = sizes.most_common(1)[0][0] if sizes else 0
    paragraphs: list[list[str]] = []
    last, width = None, (0.0, 0.0)
    for lines in pages:
        if not lines:
            continue
        for i, ln in enumerate(lines):
            if i == 0:   # a page break ends a paragraph when the last line ends a sentence short of the margin
                new = not paragraphs or _LEADERS.search(ln.text) or _NUMBERED.match(ln.text) or (
                    _finished(paragraphs[-1][-1]) and not _full(last, width)) or _room_for(last, ln, width)
            else:      # the usual step between lines, scaled to the type size (headings are set larger)
                step = normal * max(ln.size, lines[i - 1].size) / body if body else normal
                gap = lines[i - 1].baseline - ln.baseline
                new = bool(normal) and gap > step + 0.35 * ln.size
                if new and gap > 3 * step:
                    paragraphs.append([])
            if new or _LEADERS.search(ln.text) or _LEADERS.search(paragraphs[-1][-1]):
                paragraphs.append([ln.text])
            else:
                paragraphs[-1].append(ln.text)
        last, width = lines[-1], (min(ln.left for ln in lines), max(ln.right for ln in lines))
    out = []
    for lines in paragraphs:
        if not lines:
            out.append("")
            continue
        text = lines[0]
        for ln in lines[1:]:
            text = text[:-1] + ln if re.search(r"[A-Za-z]-$", text) and re.match(r"[a-z]", ln) else text + " " + ln
        text = _NUMBER_DASH.sub(r"\1 \2 ", _balance(text))
        if out and _LEADERS.search(text) and _LEADERS.search(out[-1]):
            out[-1] += "\n" + text
        else:
            out.append(text)
    return out
