"""Readers: a source file of any supported format as plain text in the project's conventions.

Every reader returns a :class:`Source`: the text (paragraphs separated by blank lines, headings
marked ``#``/``##`` where the format marks them, footnote markers as ``<sup>(N)</sup>`` with the
footnote texts as ``(N) …`` lines at the end), the sha256 of the file's bytes, the format, and
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
from dataclasses import dataclass, field
from pathlib import Path

from ..model import SourceError
from .plain import read_plain

FORMATS = {".txt": "text", ".md": "text", ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}
SUFFIXES = tuple(FORMATS)


@dataclass
class Source:
    text: str
    sha256: str
    fmt: str                                   # text, docx, html, pdf
    meta: dict = field(default_factory=dict)   # the file's own metadata


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
    data = _bytes(path)
    return hashlib.sha256(data).hexdigest()


def read(path: Path | str) -> Source:
    """The text of a source file of any supported format."""
    path = Path(path)
    fmt = file_format(path)
    if fmt == "text":
        text, sha = read_plain(path)
        return Source(text, sha, fmt)
    sha = hashlib.sha256(_bytes(path)).hexdigest()
    if fmt == "docx":
        from .docx import read_docx
        text, meta = read_docx(path)
    elif fmt == "html":
        from .html import read_html
        text, meta = read_html(path)
    else:
        from .pdf import read_pdf
        text, meta = read_pdf(path)
    return Source(text, sha, fmt, meta)


def _bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror}") from exc
    if not data.strip():
        raise SourceError(path, "empty file")
    return data
