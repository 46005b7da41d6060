"""Text preparation and regex helpers shared by the value grammars (not a public API).

:func:`prepare` folds a text with :func:`graph_builder.text.arabic.normalise` (letter forms,
diacritics, tatweel, Arabic-Indic digits, ``٫``/``٬``), keeps the Arabic comma ``،`` distinct
from ``,`` (it never groups digits) and marks with ``\\n`` every folded space that was not ONE
in-line space (a line break, a run of spaces), so digit groups never join across them. The
returned :class:`Text` maps folded spans back to code-point offsets of the original.

It matches nothing itself and reads no files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..text.arabic import Normalised, fold, normalise

AR = "\u0621-\u063A\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
NB = f"(?<![{AR}])"          # not glued to a preceding Arabic letter
NA = f"(?![{AR}])"           # not glued to a following Arabic letter
INLINE_SPACES = frozenset(" \u00a0\u202f\u2009\u2007\u200a\u2002\u2003\u2004\u2005\u2006\u2008")
BREAK = "\n"                  # marks a folded space that was a line break or a run of spaces
SP = "[ \n]"                  # any folded space


@dataclass(frozen=True)
class Text:
    """The folded text the patterns run on, with the map back to the original."""

    norm: Normalised
    work: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)


def prepare(text: str) -> Text:
    """Fold ``text``; keep ``،`` distinct from ``,`` and mark spaces that were not one in-line space."""
    if not isinstance(text, str):
        raise TypeError(f"values: expected text as str, got {type(text).__name__}")
    return _prepare(text)


@lru_cache(maxsize=4096)
def _prepare(text: str) -> Text:
    """:func:`prepare`, memoised (the result is immutable): rules run several finders on one paragraph."""
    norm = normalise(text)
    folded, original, starts = norm.text, norm.original, norm.starts
    chars = list(folded)
    for i, ch in enumerate(chars):
        if ch == "," and original[starts[i]] == "\u060c":
            chars[i] = "\u060c"
        elif ch == " ":
            stop = starts[i + 1] if i + 1 < len(starts) else len(original)
            run = [c for c in original[starts[i]:stop] if c.isspace() or c in INLINE_SPACES]
            if len(run) != 1 or run[0] not in INLINE_SPACES:
                chars[i] = BREAK
    return Text(norm, "".join(chars))


def key(word: str) -> str:
    """The lookup key of a matched word: folded, spaces as one space, Latin in lower case."""
    return fold(word).replace(BREAK, " ").lower()


def words(*ws: str) -> str:
    """A regex matching any of the folded ``ws`` (a space matches any folded space), preferring
    the longest. Built as a trie (shared prefixes factored out) so the engine tries each
    position's first letter once instead of once per word."""
    trie: dict = {}
    for w in {fold(w) for w in ws if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [(SP if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def pattern(source: str) -> str:
    """Fold the Arabic letters of a regex source written in ordinary spelling."""
    return fold(source).replace(" ", SP)


def non_overlapping(matches: Iterable, span=lambda m: (m.start, m.end)) -> list:
    """Keep the earliest, then longest, of overlapping matches."""
    kept: list = []
    for m in sorted(matches, key=lambda m: (span(m)[0], -span(m)[1])):
        if not kept or span(m)[0] >= span(kept[-1])[1]:
            kept.append(m)
    return kept
