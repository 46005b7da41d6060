"""Read a saved web page into plain text with trafilatura: the main text without navigation,
advertising, related links and comments, and the page's own metadata.

What it does: trafilatura's Markdown output (headings as ``#``, one paragraph per block, tables
as text) and its metadata (``title``, ``date`` of publication, ``site`` name, page ``language``);
a page whose main text is too short to be one (navigation only, an error page) is refused.

What it does not: fetch pages (it reads a saved file), run scripts, or follow links to
further pages of an article.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import SourceError

MIN_LETTERS = 80      # less main text than this is not an article


def read_html(path: Path) -> tuple[list[str], dict]:
    import trafilatura
    path = Path(path)
    raw = path.read_bytes()
    try:
        html = raw.decode("utf-8")
    except UnicodeDecodeError:            # the page's own charset (windows-1256 for many Arabic sites)
        html = trafilatura.utils.decode_file(raw)
    text = trafilatura.extract(html, output_format="markdown", include_comments=False, include_tables=True,
                               include_links=False, include_images=False, deduplicate=True) or ""
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        raise SourceError(path, f"no main text found in the web page ({letters} letters after removing "
                                "navigation, advertising and comments)")
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta = {}
    for key, attr in (("title", "title"), ("date", "date"), ("site", "sitename"), ("language", "language")):
        value = getattr(doc, attr, None) if doc is not None else None
        if value:
            meta[key] = str(value).strip()
    if meta.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]):
        meta.pop("date")
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()], meta
