"""Numbers written in digits, with scale words: ``١٣٢``, ``214 مليون``, ``2 155 232``, ``٢٫٥ مليون``.

Digit groups may be separated by ``,``/``٬`` or by one in-line space (any no-break or thin
space too; never a line break or a run of spaces). Space-separated groups: when every group
but the LAST has three digits and the last has one or two, the groups were printed in reversed
order by right-to-left typesetting (``232 155 2`` → 2155232); when the first has one to three
digits and the rest three, they are in normal order (``2 155 232`` → 2155232). All-three-digit
groups cannot be told apart and are read in normal order. ``٫``/``.`` between digits is the
decimal separator, and so is ``,`` before one or two final digits (``1,8 مليار``, Maghrebi and
European usage; ``1,500`` stays one thousand five hundred), and ``ر`` in Gulf agency copy, where
the fraction is written first (``8ر3`` = 3.8); the Arabic comma ``،`` is never a separator.
A slash after a space delimits a number (``بمشاركة /21 دولة``, Gulf agency style). Digits glued to ``/``, ``.``
or a Latin letter belong to something else (a symbol, a resolution number) and are not numbers.

A compound of scales is one number (``مليار و200 مليون`` = 1 200 000 000). In a count, a dot
before groups of three digits separates thousands (``1.500 مشارك`` = 1500): a count is whole, so
the decimal reading cannot be meant.

Scale words (``ألف/آلاف``, ``مليون/ملايين``, ``مليار``, ``بليون`` = 10^9, ``تريليون``, Latin
thousand/million/billion; a fraction before one: ``نصف مليون``, ``ربع مليون``) and the qualifiers of a count (``نحو``, ``أكثر من`` …) are data in
``lexicons/numbers.toml``; a match's ``qualifier`` says when the text qualifies it (``نحو 200``
→ "about", ``أكثر من 40`` → "more-than", ``20 تقريبا`` → "about"). Cardinals in words
(``ثلاثة``, ``خمسة وعشرون``, ``مائتين``, ``عشرة آلاف``) are read when the caller asks
(``words=True``); ``خمس``/``ست``/``سبع``/``عشر`` are then read as numbers even where a writer
meant a fraction or a noun (خمس = a fifth). Vague plurals (عشرات, مئات, آلاف alone) and a lone
``ألف`` (also a section label) are not numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from . import lexicon
from ._text import NA, NB, SP, Text, key, non_overlapping, pattern, prepare, words

NUM = (
    # not inside a symbol or a date (A/63/150, 12/05/2008); a slash after a space is the
    # delimiter of Gulf agency style (بمشاركة /21 دولة منها / 11 / دولة)
    r"(?=[0-9])(?:(?<![0-9./A-Za-z])|(?<=[ \n]/)|(?<=[ \n]/ ))(?<![0-9],)"
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"          # 2,155,232 (also ٬)
    r"|[0-9]+,[0-9]{1,2}(?![0-9])"                       # 1,8  (decimal comma: Maghrebi, European)
    r"|[0-9]+ر[0-9]+(?![0-9])"                           # 8ر3 = 3.8 (Gulf agencies, digits reversed)
    r"|[0-9]{3}(?: [0-9]{3})* [0-9]{1,2}(?![0-9])"       # 232 155 2  (reversed groups)
    r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9]| [0-9])"         # 2 155 232  (normal groups)
    r"|[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9])"            # 1.500.000 (dots between groups: European, Maghrebi)
    r"|[0-9]+(?:\.[0-9]+)?)"
    r"(?![0-9A-Za-z]|/[^ \n]|[.,][0-9])"
)


def _load_scales():
    data = lexicon.load("numbers")
    where = str(lexicon.lexicon_path("numbers"))
    scales: dict[str, int] = {}
    lone: dict[str, int] = {}
    for i, entry in enumerate(lexicon.field(data, "scale", tuple, where)):
        at = f"{where}: [[scale]] #{i + 1}"
        value = lexicon.field(entry, "value", int, at)
        for w in lexicon.strings(entry, "words", at):
            scales[key(w)] = value
        for w, times in lexicon.int_table(entry, "alone", at).items():
            lone[key(w)] = value * times
    quals = []
    for name in ("qualifiers", "qualifiers_after"):
        table = lexicon.field(data, name, dict, where)
        if not all(v in QUALIFIER_KINDS for v in table.values()):
            raise lexicon.LexiconError(f"{where}: every value of table {name!r} must be one of {QUALIFIER_KINDS}")
        quals.append(MappingProxyType({key(w): q for w, q in table.items()}))
    fractions = lexicon.field(data, "fractions", dict, where)
    try:
        fractions = MappingProxyType({key(w): Decimal(v) for w, v in fractions.items()})
    except (InvalidOperation, TypeError):
        raise lexicon.LexiconError(f"{where}: every value of table 'fractions' must be a decimal string") from None
    cardinals = [MappingProxyType({key(w): v for w, v in lexicon.int_table(data, name, where).items()})
                 for name in ("cardinal_units", "cardinal_teens", "cardinal_tens", "cardinal_hundreds")]
    return MappingProxyType(scales), MappingProxyType(lone), *quals, fractions, *cardinals


QUALIFIER_KINDS = ("about", "more-than", "less-than", "at-least", "up-to")
(SCALES, LONE_SCALES, QUALIFIERS, QUALIFIERS_AFTER, FRACTIONS,
 _UNITS, _TEENS, _TENS, _HUNDREDS) = _load_scales()
SCALE = "(?:" + words(*SCALES) + ")" + NA
# نصف مليون · ربع مليار: a fraction of a scale word (the caller adds what follows)
_FRACTION = rf"(?P<frac>{words(*FRACTIONS)}){SP}(?P<fscale>{SCALE})"
FRACTION_OF_SCALE = rf"{NB}[وب]?{_FRACTION}"
_QUAL_BEFORE_RE = re.compile(f"{NB}[وفبل]?(?P<q>{words(*QUALIFIERS)}){SP}$")
_QUAL_AFTER_RE = re.compile(f"{SP}(?P<q>{words(*QUALIFIERS_AFTER)}){NA}")


def qualifier(t: Text, start: int, end: int) -> str | None:
    """The qualifier (about, more-than …) written right before or after the folded span, or None."""
    before = _QUAL_BEFORE_RE.search(t.work, max(0, start - 24), start)
    if before:
        return QUALIFIERS[key(before["q"])]
    after = _QUAL_AFTER_RE.match(t.work, end)
    return QUALIFIERS_AFTER[key(after["q"])] if after else None


def number_value(digits: str) -> Decimal:
    """The value of a matched number (folded text): separators, decimal point, group order."""
    if "ر" in digits:                                   # 8ر3: the fraction is written first
        fraction, _, whole = digits.partition("ر")
        return Decimal(f"{whole}.{fraction}")
    if "," in digits:
        whole, _, last = digits.rpartition(",")
        if len(last) < 3 and "," not in whole:           # a decimal comma: 1,8 → 1.8
            return Decimal(f"{whole}.{last}")
        return Decimal(digits.replace(",", ""))
    if digits.count(".") >= 2:                         # 1.500.000: every dot separates thousands
        return Decimal(digits.replace(".", ""))
    if " " in digits:
        groups = digits.split(" ")
        if all(len(g) == 3 for g in groups[:-1]) and len(groups[-1]) < 3:
            groups.reverse()
        return Decimal("".join(groups))
    return Decimal(digits)


def scale_value(word: str | None) -> int:
    return SCALES[key(word)] if word else 1


def integral(value: Decimal) -> Decimal:
    """``2500000000.0`` → ``2500000000``; other values as they are."""
    try:
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value
    except InvalidOperation:       # more digits than the decimal context holds
        return value


@dataclass(frozen=True)
class IntMatch:
    """An integer written in digits, with an optional scale word (``214 مليون``)."""

    start: int
    end: int
    value: int
    qualifier: str | None = None      # about, more-than, less-than, at-least, up-to (نحو 200)
    spelled: bool = False             # written in words (خمسين دولة)


_INT_RE = re.compile(rf"(?P<num>{NUM})(?:{SP}(?P<scale>(?i:{SCALE})))?")
# مليار و200 مليون · 3 ملايين و500 ألف: a larger scale, و, then the rest (one number)
_COMPOUND_RE = re.compile(
    rf"(?:(?P<c1>{NUM}){SP}|{NB}[وب]?(?=(?P<clone>{words(*LONE_SCALES)})))(?P<cscale>(?i:{SCALE}))"
    rf"{SP}?{pattern('و')}{SP}?(?P<num>{NUM}){SP}(?P<scale>(?i:{SCALE}))")
# 1.500 مشارك: a dot before groups of three digits separates thousands in a count (European usage)
_DOT_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_AND = f"{SP}{pattern('و')}{SP}?"
_REST = (rf"(?:(?P<teen>{words(*_TEENS)}){NA}"
         rf"|(?P<tu>{words(*(w for w, v in _UNITS.items() if 3 <= v <= 9))}){SP}{pattern('عشرة?')}{NA}"
         rf"|(?P<u>{words(*_UNITS)}){NA}(?:{_AND}(?P<t>{words(*_TENS)}){NA})?"
         rf"|(?P<t0>{words(*_TENS)}){NA})")
WORD_INT_RES = (   # led by a hundred (مائة وخمسون), or not (خمسة وعشرون), or a fraction (نصف مليون)
    re.compile(rf"{NB}[وب]?(?P<n>{_FRACTION})"),
    re.compile(rf"{NB}[وفبل]?(?P<n>(?P<h>{words(*_HUNDREDS)}){NA}(?:{_AND}{_REST})?(?:{SP}(?P<scale>{SCALE}))?)"),
    re.compile(rf"{NB}[وفبل]?(?P<n>{_REST}(?:{SP}(?P<scale>{SCALE}))?)"),
)


def word_value(m: re.Match) -> int:
    """The value of a match of one of ``WORD_INT_RES`` (a cardinal written in words, with its scale)."""
    if m.groupdict().get("frac"):
        return int(FRACTIONS[key(m["frac"])] * scale_value(m["fscale"]))
    value = _HUNDREDS[m["h"]] if m.groupdict().get("h") else 0
    if m["teen"]:
        value += _TEENS[key(m["teen"])]
    elif m["tu"]:
        value += 10 + _UNITS[m["tu"]]
    elif m["u"]:
        value += _UNITS[m["u"]] + (_TENS[m["t"]] if m["t"] else 0)
    elif m["t0"]:
        value += _TENS[m["t0"]]
    return value * scale_value(m["scale"])


def _word_ints(t: Text) -> list[IntMatch]:
    from .ordinals import ordinal_words          # the ordinal الحادية عشرة holds the word عشرة
    ordinal = [(s, e) for s, e, _ in ordinal_words(t)]
    found = []
    for regex in WORD_INT_RES:
        for m in regex.finditer(t.work):
            s, e = m.start("n"), m.end("n")
            if not any(s < oe and os_ < e for os_, oe in ordinal):
                found.append((s, e, m))
    return [IntMatch(*t.span(s, e), word_value(m), qualifier(t, m.start(), e), True)
            for s, e, m in non_overlapping(found, span=lambda f: (f[0], f[1]))]


def find_ints(text: str, *, words: bool = False) -> list[IntMatch]:
    """Every integer in ``text`` (decimals only when a scale makes them whole: ``٢٫٥ مليون``);
    with ``words=True`` also cardinal numbers written in words (``خمسين دولة``, ``خمسة وعشرون``,
    ``ثلاثة آلاف``; ``spelled`` is then True)."""
    t = prepare(text)
    out = _word_ints(t) if words else []
    found = []
    for m in _COMPOUND_RE.finditer(t.work):
        if scale_value(m["cscale"]) > scale_value(m["scale"]):
            head = LONE_SCALES[key(m["clone"])] if m["clone"] else number_value(m["c1"]) * scale_value(m["cscale"])
            found.append((m.start() if m["c1"] else m.start("cscale"), m.end(),
                          head + number_value(m["num"]) * scale_value(m["scale"])))
    for m in _INT_RE.finditer(t.work):
        value = number_value(m["num"]) * scale_value(m["scale"])
        if value != value.to_integral_value():
            if m["scale"] or not _DOT_THOUSANDS_RE.fullmatch(m["num"]):
                continue
            value = Decimal(m["num"].replace(".", ""))
        found.append((m.start(), m.end(), value))
    for s, e, value in non_overlapping(found, span=lambda f: (f[0], f[1])):
        out.append(IntMatch(*t.span(s, e), int(value), qualifier(t, s, e)))
    return sorted(out, key=lambda m: m.start)


def parse_int(text: str, *, words: bool = False) -> int | None:
    """The first integer in ``text``: ``parse_int("١٣٢") == 132``, ``parse_int("214 مليون") == 214000000``
    (``parse_int("خمسين", words=True) == 50``)."""
    found = find_ints(text, words=words)
    return found[0].value if found else None


__all__ = ["IntMatch", "WORD_INT_RES", "find_ints", "parse_int", "word_value"]
