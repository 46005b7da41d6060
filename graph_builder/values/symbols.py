"""UN document symbols (``E/ESCWA/SDD/2007/2``) and General Assembly resolution numbers (``القرار ٢٠٨/٦١``).

Symbols: an upper-case organ/series prefix, then ``/``-separated parts of letters, digits,
``.`` and ``-``, at least one digit after the prefix, not inside a URL or path.

Resolutions: ``N/M`` after a cue (``القرار``, ``بقرار``, ``قراري``, ``قرارها`` ..., optionally
followed by ``الجمعية العامة`` or ``مجلس حقوق الإنسان``), plus further ``و N/M`` pairs
(anywhere in the same sentence after a dual/plural cue, right after the pair otherwise), plus
Latin ``A/RES/61/208`` symbols. Arabic order is number/session: the second number is the
session when it can be one (1–99), else the pair is read in Latin order (session/number).
Which number is the session: a session is at most 99, and the sessions of the resolutions these
texts cite are recent (40–99, since 1985), so when exactly one of the two numbers is a recent
session it is the session, whatever the order (``٤/٦٨`` and ``68/4`` → 68/4, ``١/٧١`` → 71/1,
``٢٠٨/٦١`` and ``61/208`` → 61/208). Otherwise the printed order decides: Arabic-Indic digits are
printed number/session (the Arabic order), Western digits session/number (as the symbol is
written): ``٧/٦٢`` → 62/7, ``73/95`` → 73/95, ``٩٥/٧٣`` → 73/95.

This module does not resolve a symbol to a document or say what a resolution decided.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..text.arabic import fold
from ._text import NA, NB, Text, non_overlapping, pattern, prepare, words

_MAX_SESSION = 99              # the highest number read as a General Assembly session
_RECENT_SESSION = 40           # sessions from 1985 on: the lowest a cited resolution's session is taken to be

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


def _session_number(a: int, b: int, arabic_digits: bool = True) -> tuple[int, int] | None:
    """(session, number) from ``a/b`` as written: the one recent session (40–99) when only one number
    can be it; else Arabic order (number/session) for Arabic-Indic digits, session/number for Western."""
    if a < 1 or b < 1:
        return None
    recent_a, recent_b = _RECENT_SESSION <= a <= _MAX_SESSION, _RECENT_SESSION <= b <= _MAX_SESSION
    if recent_a != recent_b:
        return (a, b) if recent_a else (b, a)
    orders = ((b, a), (a, b)) if arabic_digits else ((a, b), (b, a))
    for session, number in orders:
        if session <= _MAX_SESSION:
            return session, number
    return None


def _resolution(t: Text, m: re.Match, offset: int, hrc: bool) -> ResolutionMatch | None:
    start, end = t.span(offset + m.start("a"), offset + m.end("b"))
    arabic_digits = any("\u0660" <= c <= "\u0669" or "\u06f0" <= c <= "\u06f9" for c in t.norm.original[start:end])
    pair = _session_number(int(m["a"]), int(m["b"]), arabic_digits)
    if pair is None:
        return None
    session, number = pair
    prefix = "A/HRC/RES" if hrc else "A/RES"
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
