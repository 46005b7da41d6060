"""Read a plain-text or Markdown source: the bytes checked (not empty, not binary, valid UTF-8)
and decoded, a leading byte-order mark dropped.

What it does not: parse the text (the structure parsers do) or read any other format.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import SourceError


def source_bytes(path: Path) -> bytes:
    """A source file's bytes; ``SourceError`` for a file that cannot be read or is empty."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(path, f"cannot read: {exc.strerror}") from exc
    if not data.strip():
        raise SourceError(path, "empty file")
    return data


def read_plain(path: Path | str) -> tuple[str, str]:
    """``(text, sha256 of the bytes)``; ``SourceError`` for an empty, binary or non-UTF-8 file."""
    path = Path(path)
    data = source_bytes(path)
    if b"\x00" in data:
        nul = data.index(b"\x00")
        raise SourceError(path, "binary file (NUL byte), not a text report", data.count(b"\n", 0, nul) + 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(path, f"not valid UTF-8: byte 0x{data[exc.start]:02x} at column {column}"
                                f" ({exc.reason})", line) from exc
    return text.removeprefix("\ufeff"), hashlib.sha256(data).hexdigest()
