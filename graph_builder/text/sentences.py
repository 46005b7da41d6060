"""The one sentence splitter every rule uses.

``sentences(text)`` gives the (start, end) code-point spans of the sentences of a source text:
a sentence ends at a full stop, ``!``, ``?``/``؟`` followed by white space; ``clauses=True`` also ends one at a semicolon (``؛``/``;``), the way
UN reports chain independent clauses (and lists) in one sentence. A full stop inside a number
(``2.5``), a symbol (``WP.197``) or after a one-letter abbreviation (``د.`` for Dr, ``أ.``) never ends a
sentence. Spans exclude the separating white space and are never empty.

It does not tokenise (``tokens.py``) nor normalise.
"""
from __future__ import annotations

import re
from functools import lru_cache

# A stop followed by white space; never after a one-letter word (an initial, ``د.``).
_STOP = r"(?<![\s(][^\W\d_][.])(?<=[.؟!?])\s+(?=\S)"
_SEMI = r"(?<=[؛;])\s+(?=\S)"
_STRONG = re.compile(_STOP)
_CLAUSE = re.compile(f"{_STOP}|{_SEMI}")


@lru_cache(maxsize=4096)
def sentences(text: str, clauses: bool = True) -> tuple[tuple[int, int], ...]:
    """Spans of the sentences of ``text``; ``clauses`` also splits at semicolons."""
    ends = _CLAUSE if clauses else _STRONG
    spans, start = [], 0
    for m in ends.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def sentence_at(text: str, pos: int, clauses: bool = True) -> tuple[int, int]:
    """The span of the sentence that contains ``pos`` (the whole text when none does)."""
    for s, e in sentences(text, clauses):
        if s <= pos < e:
            return s, e
    return 0, len(text)
