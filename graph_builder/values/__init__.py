"""Value grammars for Arabic text: dates, sums of money, numbers, UN symbols and resolutions, ordinals.

One module per grammar, each with its words in a reviewed data file under ``lexicons/``
(months, dates, ordinals, numbers, amounts; read by :mod:`.lexicon`, errors name the file):

* :mod:`.dates` — ``find_dates(text, default_year=None, *, anchor=None, direction=None)`` →
  ``list[DateMatch]``; ``parse_date`` (same arguments) → the first or None. ``anchor`` is the
  document's date (``datetime.date``): it resolves relative dates (أمس الأحد, الشهر الماضي) and
  year-less ones (في 26 يناير); ``direction`` ("past", "future", None) is the caller's reading
  of the sentence's tense. A :class:`DateMatch` has ``start``/``end`` (offsets into the text),
  ``precision`` ("day", "month", "year", "week"), ``start_date``/``end_date``, ``partial`` (not a
  full date), ``datatype``/``lexical`` (xsd date, gYearMonth, gYear), ``year_inferred``,
  ``relative``, ``calendar`` and ``hijri``. ``find_dateline(text)`` → the DateMatch of a
  press dateline or header at the head of a document (the anchor to pass), or None.
  Hijri dates come from :mod:`.hijri`, relative ones from :mod:`.relative`; both return the
  same :class:`DateMatch` through ``find_dates``.
* :mod:`.amounts` — ``find_amounts(text, *, regional=None)``/``parse_amount`` → :class:`AmountMatch`
  (``value``, ``currency`` ISO 4217 or None, ``end_value`` of a range, ``qualifier`` such as
  "about"); ``regional`` is the code a bare درهم/ريال/دينار/جنيه stands for where the text was written.
* :mod:`.numbers` — ``find_ints(text, *, words=False)``/``parse_int`` → :class:`IntMatch`
  (``value``, ``qualifier``, ``spelled``); ``words=True`` also reads cardinals in words (خمسين دولة).
* :mod:`.symbols` — ``find_symbols`` → :class:`SymbolMatch`, ``find_resolutions`` → :class:`ResolutionMatch`.
* :mod:`.ordinals` — ``find_ordinals(text, *, numbered_nouns=None)`` → :class:`OrdinalMatch`
  (``value``, ``digits``); ``parse_ordinal(text)`` → int or None.

The contract every finder keeps: it takes the ORIGINAL text, matches on its folded form
(:func:`graph_builder.text.arabic.normalise`) and returns frozen match objects whose ``start``/``end``
are code-point offsets into the original text (so evidence offsets stay exact), sorted by
``start`` and never overlapping within one finder; it raises ``TypeError`` on anything but a
``str`` (``ValueError`` on a bad ``direction``) and never otherwise. ``parse_*`` returns the
first match (or its value), or ``None``.

This package does not decide what a value is about (which meeting a date belongs to, who pays
an amount) nor the tense of a sentence; the fact rules do that. It keeps no state beyond the
lexicons, read once.
"""
from __future__ import annotations

from .amounts import AmountMatch, find_amounts, parse_amount
from .dates import DateMatch, find_dateline, find_dates, parse_date
from . import lexicon
from .lexicon import LexiconError
from .numbers import IntMatch, find_ints, parse_int
from .ordinals import OrdinalMatch, find_ordinals, parse_ordinal
from .symbols import ResolutionMatch, SymbolMatch, find_resolutions, find_symbols

__all__ = [
    "AmountMatch", "DateMatch", "IntMatch", "LexiconError", "OrdinalMatch", "ResolutionMatch", "SymbolMatch",
    "find_amounts", "find_dateline", "find_dates", "find_ints", "find_ordinals", "find_resolutions", "find_symbols",
    "parse_amount", "parse_date", "parse_int", "parse_ordinal", "lexicon",
]
