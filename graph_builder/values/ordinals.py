"""Ordinal words: ``الثالث``, ``الحادية عشرة``, ``الثالثة والستون`` (= 63), ``المائة``.

Definite forms (with the proclitics و ف ب ل, and لل), masculine and feminine, 1–10, 11–19
(``الحادي عشر``), tens (``العشرون``/``العشرين``), compounds (``الحادية والعشرين`` = 21), 100
(``المائة``). ``الأول``/``الثاني`` after ``كانون``/``تشرين``/``ربيع``/``جمادى`` (month names)
are skipped, and so is ``المائة`` after ``في`` (per cent). The words are data in
``lexicons/ordinals.toml``. :func:`parse_ordinal` also reads a lone indefinite or adverbial
form (``ثالث``, ``ثانيا``).

This module does not say what is counted (which meeting is the third); the fact rules do that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from ..arabic import fold
from . import lexicon
from ._text import NA, NB, SP, key, pattern, prepare, words


def _load():
    data = lexicon.load("ordinals")
    where = str(lexicon.lexicon_path("ordinals"))
    table = {name: MappingProxyType({key(w): v for w, v in lexicon.int_table(data, name, where).items()})
             for name in ("units", "tens", "adverbs")}
    lists = {name: frozenset(key(w) for w in lexicon.strings(data, name, where))
             for name in ("compound_only", "teens", "month_heads", "numbered_nouns")}
    return table, lists


_TABLES, _LISTS = _load()
_UNITS, _TENS, _ADVERBS = _TABLES["units"], _TABLES["tens"], _TABLES["adverbs"]
_COMPOUND_ONLY = _LISTS["compound_only"]
_ARTICLE = pattern("(?:[وفب]?ال|[وف]?لل)")
_ORDINAL_RE = re.compile(
    rf"{NB}{_ARTICLE}(?P<u>{words(*_UNITS)})"
    rf"(?:(?P<teen>{SP}(?:{words(*_LISTS['teens'])}))|{SP}{pattern('و')}{_ARTICLE}(?P<t>{words(*_TENS)}))?{NA}"
    rf"|{NB}{_ARTICLE}(?P<t0>{words(*_TENS)}){NA}"
)
_MONTH_BEFORE_RE = re.compile(f"(?:{words(*_LISTS['month_heads'])}){SP}$")
_PERCENT_BEFORE_RE = re.compile(NB + pattern(r"في") + SP + "$")     # في المائة = per cent


@dataclass(frozen=True)
class OrdinalMatch:
    """An ordinal word or compound (``الثالثة والستون`` = 63)."""

    start: int
    end: int
    value: int


def _ordinal_value(m: re.Match) -> int | None:
    if m["t0"]:
        return _TENS[m["t0"]]
    unit = _UNITS[m["u"]]
    compound_only = m["u"] in _COMPOUND_ONLY
    if m["teen"]:
        return 10 + unit if unit < 10 and unit != 1 or compound_only else None
    if m["t"]:
        tens = _TENS[m["t"]]
        return tens + unit if unit < 10 and tens < 100 else None
    return None if compound_only else unit


def find_ordinals(text: str) -> list[OrdinalMatch]:
    """Every definite ordinal word in ``text`` (``الاجتماع الثالث``, ``الدورة الثالثة والستون``)."""
    t = prepare(text)
    out = []
    for m in _ORDINAL_RE.finditer(t.work):
        value = _ordinal_value(m)
        before = t.work[max(0, m.start() - 10):m.start()]
        if value is None or (value <= 2 and m["u"] and _MONTH_BEFORE_RE.search(before)) \
                or (value == 100 and _PERCENT_BEFORE_RE.search(before)):
            continue
        out.append(OrdinalMatch(*t.span(m.start() + _clitic_length(m.group()), m.end()), value))
    return out


def _clitic_length(word: str) -> int:
    """How many letters before the article (``وال`` → 1, ``لل`` → 1: the span starts at the article)."""
    for i in range(3):
        if word.startswith("ال", i):
            return i
        if word.startswith("لل", i):
            return i + 1
    return 0


def parse_ordinal(text: str) -> int | None:
    """The first ordinal in ``text``; also a lone indefinite or adverbial form (``ثالث``, ``ثانيا``)."""
    found = find_ordinals(text)
    if found:
        return found[0].value
    word = fold(text).strip()
    if word in _ADVERBS:
        return _ADVERBS[word]
    return _UNITS.get(word) if word and word not in _COMPOUND_ONLY else None


__all__ = ["OrdinalMatch", "find_ordinals", "parse_ordinal"]
