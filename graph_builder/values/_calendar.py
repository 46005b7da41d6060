"""What the date grammars share: the month and date words of ``lexicons/months.toml`` and
``lexicons/dates.toml``, the regex pieces built from them, the :class:`DateMatch` value and the
arithmetic of years, months and directions (not a public API: :mod:`.dates` is).

It finds nothing in a text itself.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from . import lexicon
from ._text import NA, NB, SP, key, pattern, words

def load_months(data, where: str):
    """Month names → (calendar, number), and the ambiguous names, from a months lexicon."""
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
                                               f"{names[k][1]} ({names[k][0]}) elsewhere in the lexicon")
                names[k] = (cal, number)
        ambiguous.update(key(s) for s in lexicon.strings(system, "ambiguous", at))
    return MappingProxyType(names), frozenset(ambiguous)


NAMES, AMBIGUOUS = load_months(lexicon.load("months"), str(lexicon.lexicon_path("months")))
MONTHS = MappingProxyType({k: m for k, (cal, m) in NAMES.items() if cal == "gregorian"})
HIJRI_MONTHS = MappingProxyType({k: m for k, (cal, m) in NAMES.items() if cal == "hijri"})


def _load_words():
    data = lexicon.load("dates")
    where = str(lexicon.lexicon_path("dates"))
    lists = {name: lexicon.strings(data, name, where) for name in (
        "year_cues", "bare_year_cues", "first_day", "day_month_links", "gregorian_markers",
        "hijri_markers", "range_openers", "time_words", "this_words", "definite_before_ordinal_day",
        "range_joins", "dateline_ends", "weak_year_cues", "weak_year_followers")}
    tables = {name: MappingProxyType({key(w): v for w, v in lexicon.int_table(data, name, where).items()})
              for name in ("weekdays", "relative_days", "directions")}
    if set(tables["weekdays"].values()) != set(range(7)):
        raise lexicon.LexiconError(f"{where}: [weekdays] must give each of 0-6 (Monday-Sunday)")
    if not set(tables["directions"].values()) <= {-1, 0, 1}:
        raise lexicon.LexiconError(f"{where}: [directions] values must be -1, 0 or 1")
    periods = lexicon.field(data, "periods", dict, where)
    if not set(periods.values()) <= {"month", "year", "week"}:
        raise lexicon.LexiconError(f"{where}: [periods] values must be month, year or week")
    options = lexicon.field(data, "relative_days_options", dict, where)
    needs = frozenset(key(w) for w in lexicon.strings(options, "needs_context", where))
    first = lexicon.field(data, "first_weekday", int, where)
    if not 0 <= first <= 6:
        raise lexicon.LexiconError(f"{where}: first_weekday must be 0-6")
    return (MappingProxyType(lists), MappingProxyType(tables),
            MappingProxyType({key(w): v for w, v in periods.items()}), needs, first)


WORDS, TABLES, PERIODS, NEEDS_CONTEXT, FIRST_WEEKDAY = _load_words()
WEEKDAYS, REL_DAYS, DIRECTIONS = TABLES["weekdays"], TABLES["relative_days"], TABLES["directions"]

MONTH_NAME = "(?i:" + words(*MONTHS) + ")(?![A-Za-z])"
MONTH_NAME_RE = re.compile(MONTH_NAME + NA)
# one name, or two (UN pair with a slash; Levantine and Egyptian side by side: شباط فبراير)
MONTH = rf"(?:{MONTH_NAME}(?:(?:{SP}?/{SP}?|{SP}){MONTH_NAME}|{SP}?\({SP}?{MONTH_NAME}{SP}?\))?){NA}"   # كانون الأول (ديسمبر)
YEAR = r"(?:1[89]|2[01])[0-9]{2}(?![0-9])"
G_MARK = rf"(?:{SP}?(?:{words(*WORDS['gregorian_markers'])})){NA}"      # 2016م, 2016 ميلادي
# 14 ديسمبر, 2016 (English style) · نوفمبر/2014 · نوفمبر2014 (glued: the empty link, only before a year's digits)
YEAR_LINK = "(?:(?:,)?" + pattern(r"(?: من)?(?: عام| سنة)?") + SP + "|/|)"
DAY = r"[0-9]{1,2}(?![0-9])"
FIRST = f"(?:{words(*WORDS['first_day'])}){NA}"
DAY_OR_FIRST = f"(?:{DAY}|{NB}{FIRST})"
RANGE_JOIN = f"{SP}?(?:-|{words(*WORDS['range_joins'])}){SP}?"
DAY_JOIN = f"{SP}?(?:-|{pattern('و')}|[,\u060c]|{words(*WORDS['range_joins'])}){SP}?"   # 14، 15 مايو
AND_JOIN = pattern(r" ?و ?")
OPT_FROM = pattern(r"(?:(?:في|من) )?")
DAY_TO_MONTH = f"{SP}(?:(?:{words(*WORDS['day_month_links'])}){SP})?"
CLITIC = "(?:[وفبل])?"
DIRS = f"(?:{words(*DIRECTIONS)}){NA}"
YEAR_CUE = (pattern("(?:[وفب]?(?:ال|لل|ل)?)") + f"(?:{words(*WORDS['year_cues'])})"
             + f"|(?:{words(*WORDS['bare_year_cues'])})")
YEAR_CUE = f"(?:{YEAR_CUE})"
OPENER_BEFORE_RE = re.compile(f"{NB}(?:{words(*WORDS['range_openers'])}){SP}$")
MONTH_PERIOD = words(*(k for k, v in PERIODS.items() if v == "month"))  # الشهر


@dataclass(frozen=True)
class DateMatch:
    """A date, day list, range, month, year or week written in the text.

    ``year``/``month``/``day`` give the start, ``end_*`` the end (equal for a single date), all
    in the Gregorian calendar; ``precision`` says which of them are known ("day", "month",
    "year", or "week" for الأسبوع الماضي: seven days, day fields set). ``days`` lists every day
    of a day list or range within one month. ``start_date``/``end_date`` are the first and last
    day covered, or None when the year is unknown.

    ``year_inferred``: the year was not written (taken from ``default_year`` or the anchor).
    ``relative``: the whole value comes from the anchor (أمس, الشهر الماضي, يوم الأحد).
    ``calendar``: "hijri" when the text wrote a Hijri date; ``hijri`` then keeps the Hijri
    (year, month, day) as written (None where not written) and the Gregorian fields hold the
    days it covers (Umm al-Qura), so a Hijri month or year is a range of days, never a
    Gregorian month or year.
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
    relative: bool = False
    calendar: str = "gregorian"
    hijri: tuple[int | None, int | None, int | None] | None = None

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
    def partial(self) -> bool:
        """True when the start is not a full date (a year-month, a year or a week)."""
        return self.precision != "day"

    @property
    def datatype(self) -> str | None:
        """The xsd datatype local name for the start: date, gYearMonth or gYear (None for a week)."""
        return {"day": "date", "month": "gYearMonth", "year": "gYear", "week": None}[self.precision]

    @property
    def lexical(self) -> str | None:
        """The xsd lexical form of the start (``2007-07-10``, ``2007-07``, ``2007``), or None
        (year unknown, or a week: use ``start_date``/``end_date`` as its bounds)."""
        if self.year is None or self.precision == "week":
            return None
        parts = [f"{self.year:04d}", f"{self.month:02d}" if self.month else "", f"{self.day:02d}" if self.day else ""]
        return "-".join(p for p in parts if p)


@dataclass(frozen=True)
class Context:
    default_year: int | None
    anchor: date | None
    direction: str | None

    def year_for(self, month: int, step: int | None) -> int | None:
        """The year of a year-less ``month``: from the anchor (with the direction word's
        ``step`` -1/0/+1 or the caller's ``direction``), else ``default_year``."""
        a = self.anchor
        if a is None:
            return self.default_year if step is None else None
        if step == 0:
            return a.year
        if step == -1:
            return a.year if month < a.month else a.year - 1
        if step == 1:
            return a.year if month > a.month else a.year + 1
        if self.direction == "past":
            return a.year if month <= a.month else a.year - 1
        if self.direction == "future":
            return a.year if month >= a.month else a.year + 1
        return a.year


def month_number(name: str) -> int | None:
    """The month a (possibly paired) month name gives, None when the pair disagrees."""
    halves = {MONTHS[key(h.group())] for h in MONTH_NAME_RE.finditer(name)}
    return halves.pop() if len(halves) == 1 else None


def paired(name: str) -> bool:
    return sum(1 for _ in MONTH_NAME_RE.finditer(name)) > 1


def valid_day(year: int | None, month: int, day: int | None) -> bool:
    if day is None:
        return True
    leap_year = 2000 if year is None else year        # a year-less 29 February is allowed
    return 1 <= day <= calendar.monthrange(leap_year, month)[1]


def range_years(y1: int | None, m1: int, y2: int | None, m2: int, fill: int | None):
    """Start and end years of a range, one filled from the other or from ``fill``."""
    inferred = False
    if y1 is None and y2 is None and fill is not None:
        y1, inferred = fill, True
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 > m2 else y2
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if m2 < m1 else y1
    return y1, y2, inferred


def int_or_none(text: str | None) -> int | None:
    return int(text) if text else None


def day_numbers(text: str) -> tuple[int, ...]:
    """The days of a day group: digits, and the first-day word (فاتح) as 1."""
    return tuple(int(d) if d.isdigit() else 1 for d in re.findall(rf"[0-9]+|{FIRST}", text))


def direction_step(word: str | None) -> int | None:
    return DIRECTIONS[key(word)] if word else None


def month_step(a: date, step: int) -> tuple[int, int]:
    """(year, month) ``step`` months from the anchor's month."""
    y, mo = divmod(a.year * 12 + a.month - 1 + step, 12)
    return y, mo + 1
