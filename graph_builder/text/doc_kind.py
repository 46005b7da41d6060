"""The kind of a source document: report, summary, press release, web page, declaration or note.

What it does: loads the kinds and their title words from ``ontology/document-kinds.toml`` and
guesses a document's kind from, in order, a word of its title that names a kind (the title's
first words, or those after a colon), numbered paragraphs (a report), the format (a saved web
page), a dateline (a press release); anything else is a note. ``corpus.py`` records whether
the kind came from the manifest or was guessed.

What it does not: read the document or its manifest entry, or emit RDF (``emit.py`` writes
``mdkg:documentKind`` with the term named here).
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from ..resources import ontology_file
from .structure import match_key

KINDS_FILE = "document-kinds.toml"


@lru_cache(maxsize=1)
def kinds() -> dict[str, dict]:
    """``{kind: {"term": local name in mdkg:, "title_words": [...]}}`` in the file's order."""
    return tomllib.loads(ontology_file(KINDS_FILE).read_text(encoding="utf-8"))


def term(kind: str) -> str:
    """The ontology term (local name) of a kind; KeyError for an unknown kind."""
    return kinds()[kind]["term"]


def _key(text: str) -> str:
    words = [match_key(w).lower() for w in re.findall(r"[\w\u0600-\u06ff]+", text)]
    return " ".join(w[1:] if w.startswith("و") and len(w) > 3 else w for w in words)


def title_kind(title: str) -> str:
    """The kind a title names by its first words (or the words after a colon), "" if none."""
    heads = [title] + [part for part in re.split(r"[:：]", title)[1:]]
    for head in heads:
        head_key = _key(head)
        for kind, spec in kinds().items():
            for word in spec["title_words"]:
                word_key = _key(word)
                if head_key == word_key or head_key.startswith(word_key + " "):
                    return kind
    return ""


def guess_kind(title: str, numbered: bool, fmt: str, has_dateline: bool) -> tuple[str, str]:
    """``(kind, why)`` for a document whose manifest does not say its kind."""
    named = title_kind(title)
    if named:
        return named, "a word of its title"
    if numbered:
        return "report", "its numbered paragraphs"
    if fmt == "html":
        return "web-page", "its format"
    if has_dateline:
        return "press-release", "its dateline"
    return "note", "nothing more specific"
