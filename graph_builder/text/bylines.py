"""A byline: a line of its own that names a person by office and name, as under a message or a quotation
(``الأمين العام للأمم المتحدة أنطونيو غوتيريش``, ``المديرة العامة للمنظمة السيدة …``, ``السفير … ، رئيس …``).

What it does: :func:`is_byline` says whether a short line opens with a role head (lexicon class ``role``,
``lexicons/classes/persons.toml``) or a courtesy title (class ``title``) and goes on past it, with no colon
(a chair's report's role line, ``الرئيس المشارك: …``, is ``header_lines.py``'s) and no sentence end. The text
parsers keep such a line as a paragraph, so the person rules read it, instead of a section heading.

What it does not: decide that the words after the role are a person's name (the recogniser and the person
rules do), nor read a role inside running text.
"""
from __future__ import annotations

from .tokens import tokenise
from .word_classes import load

MAX_WORDS = 12          # a byline is short; a longer line is a heading or running text


def is_byline(line: str) -> bool:
    """``line`` opens with a role or a courtesy title and names more than it (a person after the office)."""
    text = line.strip()
    if not text or ":" in text or len(text.split()) > MAX_WORDS:
        return False
    toks = tokenise(text)
    if not toks.tokens:
        return False
    lex = load()
    m = lex.is_a(toks, 0, "role") or lex.is_a(toks, 0, "title")
    return bool(m) and m.j < len(toks.tokens) - 1      # at least two words after the role head
