"""UN document symbols (``E/ESCWA/SDD/2007/2``) and General Assembly resolution numbers (``القرار ٢٠٨/٦١``).

Symbols: an upper-case organ/series prefix, then ``/``-separated parts of letters, digits,
``.`` and ``-``, at least one digit after the prefix, not inside a URL or path.

Resolutions: ``N/M`` after a cue (``القرار``, ``بقرار``, ``قراري``, ``قرارها`` ..., optionally
followed by ``الجمعية العامة`` or ``مجلس حقوق الإنسان``), plus further ``و N/M`` pairs
(anywhere in the same sentence after a dual/plural cue, right after the pair otherwise), plus
Latin ``A/RES/61/208`` symbols. Arabic order is number/session: the second number is the
session when it can be one (1–99), else the pair is read in Latin order (session/number).
``٢٠٨/٦١`` → 61/208, ``61/208`` → 61/208; ``62/7`` reads as 7/62 (ambiguous by nature).

This module does not resolve a symbol to a document or say what a resolution decided.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..text.arabic import fold
from ._text import NA, NB, Text, non_overlapping, pattern, prepare, words

_MAX_SESSION = 99              # the highest number read as a General Assembly session

_SYMBOL_RE = re.compile(
    r"(?<![A-Za-z0-9/.:@_\-])"
    r"(?P<sym>[A-Z]{1,10}(?:/[A-Z0-9][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*)+)"
    r"(?![/:@A-Za-z0-9])"
)


@dataclass(frozen=True)
class SymbolMatch:
    """A UN document symbol (``E/ESCWA/SDD/2007/2``), digits in ASCII."""

    start: int
    end: int
    symbol: str


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every UN document symbol in ``text`` (not URLs, paths, dates or ``HIV/AIDS``)."""
    return _symbols(prepare(text))


def _symbols(t: Text) -> list[SymbolMatch]:
    out = []
    for m in _SYMBOL_RE.finditer(t.work):
        parts = m["sym"].split("/")
        if any(c.isdigit() for part in parts[1:] for c in part):
            out.append(SymbolMatch(*t.span(m.start(), m.end()), m["sym"]))
    return out


@dataclass(frozen=True)
class ResolutionMatch:
    """A General Assembly (or Human Rights Council) resolution: session and number."""

    start: int
    end: int
    session: int
    number: int
    symbol: str          # "A/RES/61/208"
    label: str           # "61/208"


_CUE_WORDS = ("قرار", "قراري", "قرارين", "قرارات", "قرارها", "قراره", "قراريها", "قراراتها", "قراريهما")
_PLURAL_CUES = frozenset(fold(w) for w in _CUE_WORDS if w not in ("قرار", "قرارها", "قراره"))
_PAIR = r"(?<![0-9/])(?P<a>[0-9]{1,4}) ?/ ?(?P<b>[0-9]{1,4})(?![0-9/])"
_RESOLUTION_RE = re.compile(
    rf"{NB}(?:[وفب]?(?:ال|لل|ل)?)(?P<cue>{words(*_CUE_WORDS)}){NA}"
    + pattern(r"(?: (?P<body>(?:لل|ال)جمعية العامة|(?:لل|ال)?مجلس حقوق الإنسان))?(?: رقم)? ")
    + _PAIR
)
_MORE_PAIR_RE = re.compile(r"(?:^|[ \n,\u060c])(?:و ?|[,\u060c] ?)" + _PAIR)
_SENTENCE_END_RE = re.compile(r"(?<![0-9])[.;؛\n](?![0-9])|[.;](?=[ \n]|$)")
_RES_SYMBOL_RE = re.compile(r"A/(?P<hrc>HRC/)?RES/(?P<s>[0-9]{1,3})/(?P<n>[0-9]{1,4})")


def _session_number(a: int, b: int) -> tuple[int, int] | None:
    """(session, number) from ``a/b`` as written: Arabic order unless ``b`` cannot be a session."""
    if 1 <= b <= _MAX_SESSION and a >= 1:
        return b, a
    if 1 <= a <= _MAX_SESSION and b >= 1:
        return a, b
    return None


def _resolution(t: Text, m: re.Match, offset: int, hrc: bool) -> ResolutionMatch | None:
    pair = _session_number(int(m["a"]), int(m["b"]))
    if pair is None:
        return None
    session, number = pair
    prefix = "A/HRC/RES" if hrc else "A/RES"
    start, end = t.span(offset + m.start("a"), offset + m.end("b"))
    return ResolutionMatch(start, end, session, number, f"{prefix}/{session}/{number}", f"{session}/{number}")


def _following_pairs(t: Text, m: re.Match, plural: bool) -> Iterator[tuple[int, re.Match]]:
    """``و N/M`` pairs continuing a resolution list after the cue's first pair."""
    rest_start = m.end()
    stop = _SENTENCE_END_RE.search(t.work, rest_start)
    rest = t.work[rest_start:stop.start() if stop else len(t.work)]
    pos = 0
    while True:
        more = _MORE_PAIR_RE.search(rest, pos)
        if more is None or (not plural and more.start() != pos):
            return
        yield rest_start, more
        pos = more.end()


def find_resolutions(text: str) -> list[ResolutionMatch]:
    """Every resolution number in ``text`` (``القرار ٢٠٨/٦١``, ``A/RES/61/208``)."""
    t = prepare(text)
    out = []
    for m in _RESOLUTION_RE.finditer(t.work):
        hrc = bool(m["body"]) and "مجلس" in m["body"]
        out.append(_resolution(t, m, 0, hrc))
        for offset, more in _following_pairs(t, m, m["cue"] in _PLURAL_CUES):
            out.append(_resolution(t, more, offset, hrc))
    for s in _symbols(t):
        r = _RES_SYMBOL_RE.fullmatch(s.symbol)
        if r:
            session, number = int(r["s"]), int(r["n"])
            out.append(ResolutionMatch(s.start, s.end, session, number, s.symbol, f"{session}/{number}"))
    return non_overlapping(r for r in out if r is not None)


__all__ = ["ResolutionMatch", "SymbolMatch", "find_resolutions", "find_symbols"]
