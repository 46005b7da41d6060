"""Numbers written in digits, with scale words: ``١٣٢``, ``214 مليون``, ``2 155 232``, ``٢٫٥ مليون``.

Digit groups may be separated by ``,``/``٬`` or by one in-line space (any no-break or thin
space too; never a line break or a run of spaces). Space-separated groups: when every group
but the LAST has three digits and the last has one or two, the groups were printed in reversed
order by right-to-left typesetting (``232 155 2`` → 2155232); when the first has one to three
digits and the rest three, they are in normal order (``2 155 232`` → 2155232). All-three-digit
groups cannot be told apart and are read in normal order. ``٫``/``.`` between digits is the
decimal separator, and so is ``,`` before one or two final digits (``1,8 مليار``, Maghrebi and
European usage; ``1,500`` stays one thousand five hundred); the Arabic comma ``،`` is never a separator. Digits glued to ``/``, ``.``
or a Latin letter belong to something else (a symbol, a resolution number) and are not numbers.

Scale words (``ألف/آلاف``, ``مليون/ملايين``, ``مليار``, ``بليون`` = 10^9, ``تريليون``, Latin
thousand/million/billion) and the qualifiers of a count (``نحو``, ``أكثر من`` …) are data in
``lexicons/numbers.toml``; a match's ``qualifier`` says when the text qualifies it (``نحو 200``
→ "about", ``أكثر من 40`` → "more-than", ``20 تقريبا`` → "about"). This module does not read
numbers written in words (``ثلاثة``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

from . import lexicon
from ._text import NA, NB, SP, Text, key, prepare, words

NUM = (
    r"(?<![0-9./A-Za-z])(?<![0-9],)"
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"          # 2,155,232 (also ٬)
    r"|[0-9]+,[0-9]{1,2}(?![0-9])"                       # 1,8  (decimal comma: Maghrebi, European)
    r"|[0-9]{3}(?: [0-9]{3})* [0-9]{1,2}(?![0-9])"       # 232 155 2  (reversed groups)
    r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9]| [0-9])"         # 2 155 232  (normal groups)
    r"|[0-9]+(?:\.[0-9]+)?)"
    r"(?![0-9/A-Za-z]|[.,][0-9])"
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
    return MappingProxyType(scales), MappingProxyType(lone), *quals


QUALIFIER_KINDS = ("about", "more-than", "less-than", "at-least", "up-to")
SCALES, LONE_SCALES, QUALIFIERS, QUALIFIERS_AFTER = _load_scales()
SCALE = "(?:" + words(*SCALES) + ")" + NA
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
    if "," in digits:
        whole, _, last = digits.rpartition(",")
        if len(last) < 3 and "," not in whole:           # a decimal comma: 1,8 → 1.8
            return Decimal(f"{whole}.{last}")
        return Decimal(digits.replace(",", ""))
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


_INT_RE = re.compile(rf"(?P<num>{NUM})(?:{SP}(?P<scale>(?i:{SCALE})))?")


def find_ints(text: str) -> list[IntMatch]:
    """Every integer in ``text`` (decimals only when a scale makes them whole: ``٢٫٥ مليون``)."""
    t = prepare(text)
    out = []
    for m in _INT_RE.finditer(t.work):
        value = number_value(m["num"]) * scale_value(m["scale"])
        if value != value.to_integral_value():
            continue
        out.append(IntMatch(*t.span(m.start(), m.end()), int(value), qualifier(t, m.start(), m.end())))
    return out


def parse_int(text: str) -> int | None:
    """The first integer in ``text``: ``parse_int("١٣٢") == 132``, ``parse_int("214 مليون") == 214000000``."""
    found = find_ints(text)
    return found[0].value if found else None


__all__ = ["IntMatch", "find_ints", "parse_int"]
