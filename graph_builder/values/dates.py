"""Dates written in Arabic (and English front-matter) text: days, day lists, ranges, months, years.

Month names of every regional system (``lexicons/months.toml``): UN pairs (``تموز/يوليه``), the
Levantine names alone (``تموز``), Egyptian/Gulf (``يوليو``), Moroccan (``يوليوز``), Algerian/
Tunisian (``جويلية``), English (``11 August 2008``, never alone). A pair whose two names disagree
is not a date. Forms: day (``١١ آب/أغسطس ٢٠٠٨``), day list (``١٤ و ١٥ أيلول/سبتمبر ٢٠٠٦``:
``days`` keeps each day, start/end are first/last), day range (``9-11``, ``من 2 إلى 5``), range
across months/years (``من 30 تشرين الثاني/نوفمبر إلى 2 كانون الأول/ديسمبر 2011``), month
(``تموز/يوليه ٢٠٠٧`` → gYearMonth), month range, year after a cue word (``عام``/``لعام``/
``سنة``/``عامي``/``الفترة``/``منذ`` → gYear), ``2010-2011``. A bare four-digit number is not a
date. The span covers the date itself, not the cue words (``في``, ``من``, ``عام``). A missing
year is taken from the other end of a range, else from ``default_year`` (``year_inferred`` is
then True), else left None (``start_date``/``end_date`` are None then). Ambiguous month names
(``مارس`` also a verb, ``آب`` folds to ``اب`` "father") alone count only with a day, a year or
the other month name. Impossible dates (31 June) are dropped.

This module does not decide what a date is about (which meeting it belongs to); the fact
rules do that.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from . import lexicon
from ._text import NA, NB, SP, Text, key, pattern, prepare, words


def _load_months():
    data = lexicon.load("months")
    where = str(lexicon.lexicon_path("months"))
    names: dict[str, tuple[str, int]] = {}
    ambiguous: set[str] = set()
    for i, system in enumerate(lexicon.field(data, "system", tuple, where)):
        at = f"{where}: [[system]] #{i + 1} ({system.get('id', '?')})"
        cal = lexicon.field(system, "calendar", str, at)
        if cal not in ("gregorian", "hijri"):
            raise lexicon.LexiconError(f"{at}: calendar must be 'gregorian' or 'hijri', not {cal!r}")
        months = lexicon.field(system, "months", tuple, at)
        if len(months) != 12:
            raise lexicon.LexiconError(f"{at}: 'months' must list 12 months, not {len(months)}")
        for number, spellings in enumerate(months, 1):
            if not isinstance(spellings, tuple) or not spellings or not all(isinstance(s, str) for s in spellings):
                raise lexicon.LexiconError(f"{at}: month {number} must be an array of spellings")
            for s in spellings:
                k = key(s)
                if names.get(k, (cal, number)) != (cal, number):
                    raise lexicon.LexiconError(f"{at}: {s!r} names month {number} here and "
                                               f"{names[k][1]} ({names[k][0]}) in another system")
                names[k] = (cal, number)
        ambiguous.update(key(s) for s in lexicon.strings(system, "ambiguous", at))
    return MappingProxyType(names), frozenset(ambiguous)


_NAMES, _AMBIGUOUS = _load_months()
MONTHS = MappingProxyType({k: m for k, (cal, m) in _NAMES.items() if cal == "gregorian"})
HIJRI_MONTHS = MappingProxyType({k: m for k, (cal, m) in _NAMES.items() if cal == "hijri"})


def _load_words():
    data = lexicon.load("dates")
    where = str(lexicon.lexicon_path("dates"))
    return MappingProxyType({name: lexicon.strings(data, name, where) for name in (
        "year_cues", "bare_year_cues", "first_day", "day_month_links", "gregorian_markers",
        "hijri_markers", "range_openers")})


WORDS = _load_words()

_MONTH_NAME = "(?i:" + words(*MONTHS) + ")(?![A-Za-z])"
_MONTH = rf"(?:{_MONTH_NAME}(?: ?/ ?{_MONTH_NAME})?){NA}"
_YEAR = r"(?:1[89]|2[01])[0-9]{2}(?![0-9])"
_YEAR_LINK = pattern(r"(?: من)?(?: عام| سنة)?") + SP
_DAY = r"[0-9]{1,2}(?![0-9])"
_DAY_JOIN = pattern(r" ?(?:-|و|إلى|حتى) ?")
_RANGE_JOIN = pattern(r" ?(?:-|إلى|حتى) ?")
_OPT_FROM = pattern(r"(?:(?:في|من) )?")
_DAY_TO_MONTH = SP + _OPT_FROM
_CLITIC = "(?:[وفبل])?"
_YEAR_CUE = (pattern("(?:[وفب]?(?:ال|لل|ل)?)") + f"(?:{words(*WORDS['year_cues'])})"
             + f"|(?:{words(*WORDS['bare_year_cues'])})")
_YEAR_CUE = f"(?:{_YEAR_CUE})"

_DATE_RE = re.compile(
    # day forms: 14 و 15 أيلول/سبتمبر 2006 · 30 تشرين الثاني/نوفمبر إلى 2 كانون الأول/ديسمبر 2011
    rf"(?<![0-9./A-Za-z])(?P<days>{_DAY}(?:{_DAY_JOIN}{_DAY})*){_DAY_TO_MONTH}(?P<m1>{_MONTH})"
    rf"(?:{_YEAR_LINK}(?P<y1>{_YEAR}))?"
    rf"(?:{_RANGE_JOIN}{_OPT_FROM}(?P<d2>{_DAY}){_DAY_TO_MONTH}(?P<m2>{_MONTH})"
    rf"(?:{_YEAR_LINK}(?P<y2>{_YEAR}))?)?"
    # month forms: تموز/يوليه 2007 · من كانون الثاني/يناير إلى تشرين الأول/أكتوبر 2011
    rf"|{NB}{_CLITIC}(?P<bm1>{_MONTH})(?:{_YEAR_LINK}(?P<by1>{_YEAR}))?"
    rf"(?:{_RANGE_JOIN}{_CLITIC}(?P<bm2>{_MONTH})(?:{_YEAR_LINK}(?P<by2>{_YEAR}))?)?"
    # year after a cue word: عام 2006 · عامي 2007 و 2008 · الفترة 2007-2009
    rf"|{NB}{_YEAR_CUE}{SP}(?:{pattern('من')}{SP})?(?P<cy1>{_YEAR})"
    rf"(?:(?P<cconn>{_DAY_JOIN})(?P<cy2>{_YEAR}))?"
    # a bare year range: 2010-2011
    rf"|(?<![0-9./A-Za-z-])(?P<ry1>{_YEAR}) ?- ?(?P<ry2>{_YEAR})(?![0-9/-])"
)


@dataclass(frozen=True)
class DateMatch:
    """A date, day list, range, month or year written in the text.

    ``year``/``month``/``day`` give the start, ``end_*`` the end (equal for a single date);
    ``precision`` says which of them are known ("day", "month" or "year"). ``days`` lists
    every day of a day list or range within one month. ``start_date``/``end_date`` are the
    first and last day covered, or None when the year is unknown.
    """

    start: int
    end: int
    precision: str
    year: int | None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    days: tuple[int, ...] = ()
    year_inferred: bool = False

    @property
    def start_date(self) -> date | None:
        if self.year is None:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def end_date(self) -> date | None:
        if self.end_year is None:
            return None
        month = self.end_month or 12
        return date(self.end_year, month, self.end_day or calendar.monthrange(self.end_year, month)[1])

    @property
    def dates(self) -> tuple[date, ...]:
        """Each listed day as a date (day lists and ranges within a month), else ()."""
        if self.year is None or not self.days:
            return ()
        return tuple(date(self.year, self.month, d) for d in self.days)

    @property
    def is_range(self) -> bool:
        return (self.year, self.month, self.day) != (self.end_year, self.end_month, self.end_day)

    @property
    def datatype(self) -> str:
        """The xsd datatype local name for the start: date, gYearMonth or gYear."""
        return {"day": "date", "month": "gYearMonth", "year": "gYear"}[self.precision]

    @property
    def lexical(self) -> str | None:
        """The xsd lexical form of the start (``2007-07-10``, ``2007-07``, ``2007``), or None."""
        if self.year is None:
            return None
        parts = [f"{self.year:04d}", f"{self.month:02d}" if self.month else "", f"{self.day:02d}" if self.day else ""]
        return "-".join(p for p in parts if p)


def _month_number(name: str) -> int | None:
    """The month a (possibly paired) month name gives, None when the pair disagrees."""
    halves = {MONTHS[key(h.strip())] for h in name.split("/")}
    return halves.pop() if len(halves) == 1 else None


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if day is None:
        return True
    leap_year = 2000 if year is None else year        # a year-less 29 February is allowed
    return 1 <= day <= calendar.monthrange(leap_year, month)[1]


def _years(y1: int | None, m1: int, y2: int | None, m2: int, default_year: int | None):
    """Start and end years of a range, one filled from the other or from ``default_year``."""
    inferred = False
    if y1 is None and y2 is None and default_year is not None:
        y1, inferred = default_year, True
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 > m2 else y2
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if m2 < m1 else y1
    return y1, y2, inferred


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text else None


def _day_date(m: re.Match, t: Text, default_year: int | None) -> DateMatch | None:
    days = tuple(int(d) for d in re.findall(r"[0-9]+", m["days"]))
    ranged = re.search(_RANGE_JOIN, m["days"]) is not None
    m1 = _month_number(m["m1"])
    if m1 is None:
        return None
    if m["m2"]:
        m2 = _month_number(m["m2"])
        if m2 is None:
            return None
        first, last = (days[0], m1), (int(m["d2"]), m2)
        listed = ()
    else:
        first, last = (days[0], m1), (days[-1], m1)
        listed = days if len(days) > 1 else ()
        if ranged and len(days) == 2 and days[0] < days[1]:
            listed = tuple(range(days[0], days[1] + 1))
        elif len(days) > 1 and (ranged or sorted(days) != list(days)):
            return None
    y1 = _int_or_none(m["y1"])
    y2 = _int_or_none(m["y2"]) if m["m2"] else y1
    y1, y2, inferred = _years(y1, first[1], y2, last[1], default_year)
    if not all(_valid(y1, first[1], d) for d in (first[0], *listed)) or not _valid(y2, last[1], last[0]):
        return None
    if y1 is not None and (date(y1, first[1], first[0]) > date(y2, last[1], last[0])):
        return None
    return DateMatch(*t.span(m.start("days"), m.end()), "day", y1, first[1], first[0],
                     y2, last[1], last[0], listed, inferred)


def _month_date(m: re.Match, t: Text, default_year: int | None) -> DateMatch | None:
    m1 = _month_number(m["bm1"])
    m2 = _month_number(m["bm2"]) if m["bm2"] else m1
    if m1 is None or m2 is None:
        return None
    lone = not m["by1"] and not m["bm2"] and "/" not in m["bm1"]
    if lone and key(m["bm1"]) in _AMBIGUOUS:
        return None
    y1, y2 = _int_or_none(m["by1"]), _int_or_none(m["by2"])
    if not m["bm2"]:
        y2 = y1
    y1, y2, inferred = _years(y1, m1, y2, m2, default_year)
    if y1 is not None and (y1, m1) > (y2, m2):
        return None
    return DateMatch(*t.span(m.start("bm1"), m.end()), "month", y1, m1, None, y2, m2, None, (), inferred)


def _year_dates(m: re.Match, t: Text) -> list[DateMatch]:
    first, second = ("cy1", "cy2") if m["cy1"] else ("ry1", "ry2")
    y1, y2 = int(m[first]), _int_or_none(m[second])
    if y2 is None:
        return [DateMatch(*t.span(m.start(first), m.end(first)), "year", y1, end_year=y1)]
    if m["cconn"] and m["cconn"].strip() == "و":
        return [DateMatch(*t.span(m.start(g), m.end(g)), "year", y, end_year=y)
                for g, y in ((first, y1), (second, y2))]
    if y2 <= y1:
        return []
    return [DateMatch(*t.span(m.start(first), m.end(second)), "year", y1, end_year=y2)]


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every date expression in ``text`` (see the module docstring for the forms)."""
    t = prepare(text)
    out: list[DateMatch] = []
    for m in _DATE_RE.finditer(t.work):
        if m["days"]:
            found = [_day_date(m, t, default_year)]
        elif m["bm1"]:
            found = [_month_date(m, t, default_year)]
        else:
            found = _year_dates(m, t)
        out.extend(d for d in found if d is not None)
    return out


def parse_date(text: str, default_year: int | None = None) -> DateMatch | None:
    """The first date expression in ``text``, or None."""
    found = find_dates(text, default_year)
    return found[0] if found else None


__all__ = ["DateMatch", "find_dates", "parse_date", "MONTHS", "HIJRI_MONTHS"]
