"""Value grammars for Arabic text: dates, sums of money, numbers, UN symbols and resolutions, ordinals.

One module per grammar, each with its words in a reviewed data file under ``lexicons/``:

* :mod:`.dates` — ``find_dates``/``parse_date`` → :class:`DateMatch` (months of every regional
  system, day lists and ranges, months, years after a cue).
* :mod:`.amounts` — ``find_amounts``/``parse_amount`` → :class:`AmountMatch` (ISO 4217 currency).
* :mod:`.numbers` — ``find_ints``/``parse_int`` → :class:`IntMatch`.
* :mod:`.symbols` — ``find_symbols`` → :class:`SymbolMatch`, ``find_resolutions`` → :class:`ResolutionMatch`.
* :mod:`.ordinals` — ``find_ordinals``/``parse_ordinal`` → :class:`OrdinalMatch`.

The contract every finder keeps: it takes the ORIGINAL text, matches on its folded form
(:func:`graph_builder.arabic.normalise`) and returns frozen match objects whose ``start``/``end``
are code-point offsets into the original text (so evidence offsets stay exact), sorted by
``start`` and never overlapping within one finder; it raises ``TypeError`` on anything but a
``str`` and never otherwise. ``parse_*`` returns the first match (or its value), or ``None``.

This package does not decide what a value is about (which meeting a date belongs to, who pays
an amount); the fact rules do that. It keeps no state beyond the lexicons read once.
"""
from __future__ import annotations

from .amounts import AmountMatch, find_amounts, parse_amount
from .dates import DateMatch, find_dates, parse_date
from .lexicon import LexiconError
from .numbers import IntMatch, find_ints, parse_int
from .ordinals import OrdinalMatch, find_ordinals, parse_ordinal
from .symbols import ResolutionMatch, SymbolMatch, find_resolutions, find_symbols

__all__ = [
    "AmountMatch", "DateMatch", "IntMatch", "LexiconError", "OrdinalMatch", "ResolutionMatch", "SymbolMatch",
    "find_amounts", "find_dates", "find_ints", "find_ordinals", "find_resolutions", "find_symbols",
    "parse_amount", "parse_date", "parse_int", "parse_ordinal",
]
