"""Ordinal words: ``الثالث``, ``الحادية عشرة``, ``الثالثة والستون`` (= 63), ``المائة``,
``الثالثة بعد المئة`` (= 103).

Definite forms (with the proclitics و ف ب ل, and لل), masculine and feminine, 1–10, 11–19
(``الحادي عشر``), tens (``العشرون``/``العشرين``), compounds (``الحادية والعشرين`` = 21), 100
(``المائة``). ``الأول``/``الثاني`` after ``كانون``/``تشرين``/``ربيع``/``جمادى`` (month names)
are skipped, and so is ``المائة`` after ``في`` (per cent). The words are data in
``lexicons/ordinals.toml``. Digits are an ordinal after a numbered noun (``الدورة 11``,
``الدورة الـ11``, ``الدورة رقم 11``, ``دورته الـ11``; also after the noun's adjectives:
``الاجتماع الوزاري الـ5``, ``الدورة العادية 325``; ``digits`` is then True), unless bare digits are followed by the indefinite
noun they count (``وحضر المؤتمر 303 مندوبين``). :func:`parse_ordinal` also reads a lone indefinite
or adverbial form (``ثالث``, ``ثانيا``) and ``الـ11`` alone.

This module does not say what is counted (which meeting is the third); the fact rules do that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType

from ..text.arabic import fold
from . import lexicon
from ._text import AR, NA, NB, SP, Text, key, pattern, prepare, words


def _load():
    data = lexicon.load("ordinals")
    where = str(lexicon.lexicon_path("ordinals"))
    table = {name: MappingProxyType({key(w): v for w, v in lexicon.int_table(data, name, where).items()})
             for name in ("units", "tens", "adverbs")}
    lists = {name: frozenset(key(w) for w in lexicon.strings(data, name, where))
             for name in ("compound_only", "teens", "month_heads", "numbered_nouns", "not_counted", "number_words")}
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
_DIGIT_ARTICLE = pattern("ال") + "(?:ـ)?"      # الـ11: the article written apart from digits (ـ folds away)
_DIGITS = r"(?P<n>[0-9]{1,3})(?![0-9]|[/.,][0-9])"
_DIGIT_ORDINAL_RE = re.compile(rf"(?=[0-9]|ال){NB}(?:{_DIGIT_ARTICLE} ?)?{_DIGITS}")
_LONE_DIGIT_RE = re.compile(rf"{_DIGIT_ARTICLE} ?{_DIGITS}$")
# An indefinite Arabic word right after bare digits is the thing counted (303 مندوبين), unless it
# is a preposition or conjunction (الدورة 11 في جنيف) or starts with the article or ل (للمنتدى).
_COUNTED_NOUN_AFTER_RE = re.compile(
    rf"{SP}(?!{pattern('(?:[وفب]?ال|ل)')}|(?:{words(*_LISTS['not_counted'])}){NA})[{AR}]")
_NOUN_STEMS = tuple(sorted({w[2:] if w.startswith("ال") else w for w in _LISTS["numbered_nouns"]}))
_PRONOUN = pattern("(?:ها|ه)")
_NUMBER_WORD = f"(?:{words(*_LISTS['number_words'])})"       # الدورة رقم 11
_MONTH_BEFORE_RE = re.compile(f"(?:{words(*_LISTS['month_heads'])}){SP}$")
_PERCENT_BEFORE_RE = re.compile(NB + pattern(r"في") + SP + "$")     # في المائة = per cent


@dataclass(frozen=True)
class OrdinalMatch:
    """An ordinal word or compound (``الثالثة والستون`` = 63)."""

    start: int
    end: int
    value: int
    digits: bool = False       # written in digits after a numbered noun (الدورة 11, الدورة الـ11)


def _noun_re(nouns, adjectives: bool = False) -> re.Pattern:
    """The numbered noun right before digits (``الدورة 11``, ``الدورة رقم 11``, ``دورته الـ11``); with
    ``adjectives``, also with up to three definite adjectives between (``الاجتماع الوزاري الـ5``)."""
    stems = {key(n)[2:] if key(n).startswith("ال") else key(n) for n in nouns}
    owned = {_owned(s) for s in stems}          # دورته, دورتها, اجتماعه, منتداه: the noun with a pronoun
    adj = rf"(?:{SP}{_ARTICLE}[{AR}]{{2,}}){{0,3}}" if adjectives else ""
    return re.compile(rf"{NB}(?:(?:{_ARTICLE})?(?:{words(*stems)})|(?:{words(*owned)}){_PRONOUN}){NA}{adj}"
                      rf"{SP}(?:(?P<num>{_NUMBER_WORD}){SP})?$")


def _owned(stem: str) -> str:
    """The stem as written before an enclitic pronoun: ة → ت (دورة → دورت), ى → ا (منتدى → منتدا)."""
    if stem.endswith("ه"):
        return stem[:-1] + "ت"
    if stem.endswith("ي"):
        return stem[:-1] + "ا"
    return stem


_DEFAULT_NOUN_RE = _noun_re(_NOUN_STEMS)
_DEFAULT_NOUN_ADJ_RE = _noun_re(_NOUN_STEMS, adjectives=True)


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


def find_ordinals(text: str, *, numbered_nouns=None) -> list[OrdinalMatch]:
    """Every definite ordinal word in ``text`` (``الاجتماع الثالث``, ``الدورة الثالثة والستون``),
    and every number of one to three digits right after a numbered noun (``الدورة 11``,
    ``النسخة الـ3``, ``للقمة 29``): the nouns of ``lexicons/ordinals.toml`` unless the caller
    gives its own ``numbered_nouns`` (``()`` for none). ``الـ132`` after any other word is a
    count (``الدول الأعضاء الـ132``), not an ordinal."""
    t = prepare(text)
    out = []
    if numbered_nouns is None:
        noun_re, adj_re = _DEFAULT_NOUN_RE, _DEFAULT_NOUN_ADJ_RE
    elif numbered_nouns:
        noun_re, adj_re = _noun_re(numbered_nouns), _noun_re(numbered_nouns, adjectives=True)
    else:
        noun_re = adj_re = None
    if noun_re is not None:
        for m in _DIGIT_ORDINAL_RE.finditer(t.work):
            value = int(m["n"])
            articled = m.group().startswith("ال")
            # الـ11 may follow the noun's adjectives (الاجتماع الوزاري الـ5); bare digits follow the noun or
            # its adjectives too (الدورة العادية 325), unless a counted noun follows them (below)
            before = adj_re.search(t.work, max(0, m.start() - 64), m.start())
            if value < 1 or not before:
                continue
            if not articled and _COUNTED_NOUN_AFTER_RE.match(t.work, m.end()):
                continue              # وحضر المؤتمر 303 مندوبين: a count of what follows
            start = before.start("num") if before["num"] else m.start()     # رقم 11: the span covers رقم
            out.append(OrdinalMatch(*t.span(start, m.end()), value, True))
    for start, end, value in ordinal_words(t):
        out.append(OrdinalMatch(*t.span(start, end), value))
    return sorted(out, key=lambda o: o.start)


def ordinal_words(t: Text) -> list[tuple[int, int, int]]:
    """(start, end, value) of every ordinal word of a prepared text, in FOLDED offsets, the span
    starting at the article (for the date grammar: ``الخامس من مارس``)."""
    out = []
    for m in _ORDINAL_RE.finditer(t.work):
        value = _ordinal_value(m)
        before = t.work[max(0, m.start() - 10):m.start()]
        if value is None or (value <= 2 and m["u"] and _MONTH_BEFORE_RE.search(before)) \
                or (value == 100 and _PERCENT_BEFORE_RE.search(before)):
            continue
        out.append((m.start() + _clitic_length(m.group()), m.end(), value))
    return _after_hundred(t, out)


_AFTER_RE = re.compile(r"\s+" + pattern("بعد") + r"\s+")


def _after_hundred(t: Text, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``الثالثة بعد المئة`` (103rd): an ordinal below 100 followed by بعد and المئة/المائة is one ordinal."""
    out: list[tuple[int, int, int]] = []
    for item in found:
        if out and item[2] == 100 and out[-1][2] < 100 and _AFTER_RE.fullmatch(t.work[out[-1][1]:item[0]]):
            start, _end, value = out.pop()
            out.append((start, item[1], value + 100))
            continue
        out.append(item)
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
    digits = _LONE_DIGIT_RE.match(word)
    if digits:                         # الـ11 handed over alone
        return int(digits["n"]) or None
    if word in _ADVERBS:
        return _ADVERBS[word]
    return _UNITS.get(word) if word and word not in _COMPOUND_ONLY else None


__all__ = ["OrdinalMatch", "find_ordinals", "parse_ordinal"]
