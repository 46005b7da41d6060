"""Readers: a source file of any supported format as plain text in the project's conventions.

Every reader returns a :class:`Source`: the text's blocks (one per paragraph, heading, table
row or table-of-contents block; headings marked ``#``/``##`` where the format marks them,
footnote markers as ``<sup>(N)</sup>`` with the footnote texts as ``(N) …`` blocks at the end), the sha256 of the file's bytes, the format, and
the file's own metadata (``title``, ``date``, ``created``, ``language``, ``site`` where the
format has them). The structure parsers (``structure.py``, ``unnumbered.py``) then read that
text exactly as they read a ``.txt``/``.md`` report.

| suffix | reader | library |
|---|---|---|
| ``.txt``, ``.md`` | :mod:`.plain` | (UTF-8 checks) |
| ``.docx`` | :mod:`.docx` | python-docx, lxml (footnotes part) |
| ``.html``, ``.htm`` | :mod:`.html` | trafilatura (main text, page metadata) |
| ``.pdf`` | :mod:`.pdf` | pypdfium2 (PDFium) |

What it does not: parse structure, fill a ``Document``'s metadata (``corpus.py`` decides which
value wins), or OCR. Each reader refuses what it cannot read with a ``SourceError`` naming the file.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import SourceError
from .plain import read_plain, source_bytes

FORMATS = {".txt": "text", ".md": "text", ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}
SUFFIXES = tuple(FORMATS)


@dataclass
class Source:
    text: str
    sha256: str
    fmt: str                                   # text, docx, html, pdf
    meta: dict = field(default_factory=dict)   # the file's own metadata
    blocks: list[str] | None = None            # a format that knows its paragraphs: one block each

    def as_text(self, numbered: bool) -> str:
        """The text for a structure parser: a report with numbered paragraphs has one paragraph
        per line (as a plain-text report prints them), any other text blank lines between them."""
        if self.blocks is None:
            return self.text
        if not numbered:
            return "\n\n".join(b for b in self.blocks if b) + "\n"
        out: list[str] = []
        for i, block in enumerate(self.blocks):      # a table of contents stays one block of lines
            toc = _toc_like(block) or (0 < i < len(self.blocks) - 1 and _toc_like(self.blocks[i - 1])
                                       and _toc_like(self.blocks[i + 1]))
            prev_toc = bool(out) and out[-1][0]
            if out and toc and prev_toc:
                out[-1] = (True, out[-1][1] + "\n" + block)
            elif not block:                  # an empty paragraph: a blank line before the next block
                if out:
                    out[-1] = (True, out[-1][1])
            else:
                out.append((toc or "\n" in block, block))
        text = ""
        for k, (separate, block) in enumerate(out):
            if k:
                text += "\n\n" if separate or out[k - 1][0] else "\n"
            text += block
        return text + "\n"


_TOC = re.compile(r"\.{4,}\s*$|\u2026{2,}\s*$|\t\s*[0-9\u0660-\u0669]+\s*$")


def _toc_like(block: str) -> bool:
    return all(_TOC.search(line) for line in block.split("\n") if line.strip())


def file_format(path: Path) -> str:
    """The format of a file by its suffix; ``SourceError`` for an unsupported one."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise SourceError(path, f"unsupported format {Path(path).suffix or '(no suffix)'}: MDKG reads "
                                + ", ".join(SUFFIXES))
    return fmt


def source_sha(path: Path | str) -> str:
    """The sha256 of a source file's bytes after the cheap checks (readable, not empty; a text
    file also valid UTF-8 and not binary), without reading its content."""
    path = Path(path)
    if file_format(path) == "text":
        return read_plain(path)[1]
    data = source_bytes(path)
    return hashlib.sha256(data).hexdigest()


def read(path: Path | str) -> Source:
    """The text of a source file of any supported format."""
    path = Path(path)
    fmt = file_format(path)
    if fmt == "text":
        text, sha = read_plain(path)
        return Source(text, sha, fmt)
    sha = hashlib.sha256(source_bytes(path)).hexdigest()
    if fmt == "docx":
        from .docx import read_docx
        blocks, meta = read_docx(path)
    elif fmt == "html":
        from .html import read_html
        blocks, meta = read_html(path)
    else:
        from .pdf import read_pdf
        blocks, meta = read_pdf(path)
    return Source("\n\n".join(blocks) + "\n", sha, fmt, meta, blocks)
