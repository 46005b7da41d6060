"""Cheap facts read off a SPARQL text by a small lexer, for limits and dataset choice only.

The lexer skips IRIs, strings and comments (a comment ends at ``\\n`` or ``\\r``, as in
pyoxigraph) and tracks brackets. It answers three questions:

- :func:`nesting_depth` / :func:`too_deep`: the deepest nesting of ``{``, ``(`` and ``[``. The service refuses a
  text deeper than ``MAX_NESTING`` (documented in ``config``) with 400 *before* pyoxigraph
  parses it: pyoxigraph's recursive parser overflows its stack (a segfault) somewhere between
  700 and 1,000 nested ``FILTER NOT EXISTS {`` groups.
- :func:`has_dataset_clause`: whether a query has FROM / FROM NAMED (a ``FROM`` word outside
  any bracket), so the engine knows whether to make the default graph the union of all graphs.
- :func:`has_top_level_word`: e.g. whether an update has its own USING or WITH, which cannot be
  combined with the protocol's ``using-graph-uri``.

None of these is a safety barrier: a text the lexer reads differently from pyoxigraph can at
worst be refused as too deep, or get the other default graph. Network access is taken away
by ``sandbox``; syntax errors come from pyoxigraph. This module runs nothing.
"""
from __future__ import annotations

import re

TOKEN = re.compile(r"""
    (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<comment>\#[^\n\r]*)
  | (?P<space>\s+)
  | (?P<open>[{(\[]) | (?P<close>[})\]])
  | (?P<word>[?$]?[^\s{}()<>"'#,;.\[\]]+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_BRACKETS = re.compile(r"[{(\[]")
_FROM = re.compile("from", re.IGNORECASE)


def tokens(text: str):
    """``(kind, text, depth)`` for every token; depth counts the brackets open before it."""
    depth = 0
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "close":
            depth = max(0, depth - 1)
        yield kind, match.group(), depth
        if kind == "open":
            depth += 1


def nesting_depth(text: str) -> int:
    """The deepest bracket nesting of ``text``."""
    return max((depth + 1 for kind, _, depth in tokens(text) if kind == "open"), default=0)


def too_deep(text: str, limit: int) -> bool:
    """True when brackets nest deeper than ``limit`` (no lexing when there are fewer brackets)."""
    if len(_BRACKETS.findall(text)) <= limit:
        return False
    return any(kind == "open" and depth >= limit for kind, _, depth in tokens(text))


def has_top_level_word(text: str, words: set[str]) -> bool:
    """True when one of ``words`` (upper case) stands outside any bracket."""
    return any(kind == "word" and depth == 0 and value.upper() in words
               for kind, value, depth in tokens(text))


def has_dataset_clause(text: str) -> bool:
    """True when the query has FROM or FROM NAMED (only a word outside brackets counts)."""
    return _FROM.search(text) is not None and has_top_level_word(text, {"FROM"})
