"""Dates written in Arabic (and English front-matter) text, with exact spans into the original.

Month names of every regional system (data in ``lexicons/months.toml``): UN pairs
(``تموز/يوليه``, either order, or side by side: ``شباط فبراير``), the Levantine names alone
(``تموز``, also without the article: ``تشرين ثاني``), Egyptian/Gulf (``يوليو``,
``يونيه``), Moroccan (``يوليوز``, ``غشت``, ``دجنبر``), Algerian/Tunisian (``جويلية``, ``أوت``),
English (``11 August 2008``, never alone), with و ف ب ل glued on. A pair whose two names
disagree is not a date; a name that is also a word (``مارس``, ``آب``, ``ماي``, ``جوان``) counts
only with a day, a year, the other name of a pair or a direction word.

Forms: day (``١١ آب/أغسطس ٢٠٠٨``, ``فاتح ماي`` = 1 May, ``الخامس من مارس`` — an ordinal day,
not when it qualifies the noun before it: ``الأسبوع الأول من مارس``); day list (``١٤ و ١٥ أيلول/سبتمبر``:
``days`` keeps each day; also ``14، 15 مايو``); day range (``9-11``, ``من 2 إلى 5``,
``بين 2 و 5``, ``من 14 ولغاية 16``); range across
months or years (``من 30 نونبر إلى 2 دجنبر 2018``); dates listed in different months share the
written year (``28 يونيو و 2 يوليوز 2016`` → two dates); numeric dates, day first or ISO
(``18/10/2015``, ``10.12.2016``, ``2016-12-10``, a day range ``29-30/5/2023``); an English-style
comma before the year (``14 ديسمبر, 2016``); month (``تموز/يوليه ٢٠٠٧`` → gYearMonth);
month range; year after a cue word (``عام``/``لعام``/``سنة``/``عامي``/``الفترة``/``منذ``), in
brackets (``(2014)``) or with a calendar marker (``2009م``) → gYear; ``2010-2011``. A bare
four-digit number is not a date. Impossible dates (31 June) are dropped. The span covers the
date itself (a calendar marker glued to it included), not the cue words (``في``, ``من``, ``عام``).

Hijri dates (``3 رمضان 1437 هـ``, ``ذي الحجة 1439``, ``1437 هـ``, ``3/9/1437هـ``) are recognised and converted
with hijridate (Umm al-Qura): ``calendar == "hijri"``, ``hijri`` keeps the written Hijri
values and the Gregorian fields the days covered. A Hijri year is never read as Gregorian.

Year-less and relative dates: a missing year comes from the other end of a range, else from
the ``anchor`` (the document's date: with the text's direction word ``الماضي``/``الجاري``/
``المقبل`` or the caller's ``direction``), else from ``default_year`` (``year_inferred`` is then
True), else stays None (``start_date``/``end_date`` are None). With an anchor, relative dates
are read: ``أمس الأحد``, ``اليوم الجمعة``, ``صباح اليوم``, ``الأربعاء الماضي``, ``يوم الأحد``,
``الشهر الجاري``, ``العام الماضي``, ``الأسبوع المقبل``, ``الحادي عشر من الشهر الجاري``,
``20 من الشهر المقبل`` (``relative`` is True). Their words are data in ``lexicons/dates.toml``.
:func:`find_dateline` finds the date of a press dateline or header (``جنيف، 3 آذار/مارس 2016 —``,
``الكويت - 18/10/2015 (كونا)``), the anchor a caller passes for the rest of the document.

This module does not decide what a date is about (which meeting it belongs to), nor the tense
of a sentence (the caller passes ``direction``); the fact rules do that.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType

from . import lexicon
from ._text import NA, NB, SP, Text, key, non_overlapping, pattern, prepare, words
from .ordinals import ordinal_words


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


_NAMES, _AMBIGUOUS = load_months(lexicon.load("months"), str(lexicon.lexicon_path("months")))
MONTHS = MappingProxyType({k: m for k, (cal, m) in _NAMES.items() if cal == "gregorian"})
HIJRI_MONTHS = MappingProxyType({k: m for k, (cal, m) in _NAMES.items() if cal == "hijri"})


def _load_words():
    data = lexicon.load("dates")
    where = str(lexicon.lexicon_path("dates"))
    lists = {name: lexicon.strings(data, name, where) for name in (
        "year_cues", "bare_year_cues", "first_day", "day_month_links", "gregorian_markers",
        "hijri_markers", "range_openers", "time_words", "this_words", "definite_before_ordinal_day",
        "range_joins", "dateline_ends")}
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


WORDS, _TABLES, _PERIODS, _NEEDS_CONTEXT, _FIRST_WEEKDAY = _load_words()
_WEEKDAYS, _REL_DAYS, _DIRECTIONS = _TABLES["weekdays"], _TABLES["relative_days"], _TABLES["directions"]

_MONTH_NAME = "(?i:" + words(*MONTHS) + ")(?![A-Za-z])"
_MONTH_NAME_RE = re.compile(_MONTH_NAME + NA)
# one name, or two (UN pair with a slash; Levantine and Egyptian side by side: شباط فبراير)
_MONTH = rf"(?:{_MONTH_NAME}(?:(?:{SP}?/{SP}?|{SP}){_MONTH_NAME})?){NA}"
_YEAR = r"(?:1[89]|2[01])[0-9]{2}(?![0-9])"
_G_MARK = rf"(?:{SP}?(?:{words(*WORDS['gregorian_markers'])})){NA}"      # 2016م, 2016 ميلادي
_YEAR_LINK = "(?:,)?" + pattern(r"(?: من)?(?: عام| سنة)?") + SP        # 14 ديسمبر, 2016 (English style)
_DAY = r"[0-9]{1,2}(?![0-9])"
_FIRST = f"(?:{words(*WORDS['first_day'])}){NA}"
_DAY_OR_FIRST = f"(?:{_DAY}|{NB}{_FIRST})"
_RANGE_JOIN = f"{SP}?(?:-|{words(*WORDS['range_joins'])}){SP}?"
_DAY_JOIN = f"{SP}?(?:-|{pattern('و')}|[,\u060c]|{words(*WORDS['range_joins'])}){SP}?"   # 14، 15 مايو
_AND_JOIN = pattern(r" ?و ?")
_OPT_FROM = pattern(r"(?:(?:في|من) )?")
_DAY_TO_MONTH = f"{SP}(?:(?:{words(*WORDS['day_month_links'])}){SP})?"
_CLITIC = "(?:[وفبل])?"
_DIRS = f"(?:{words(*_DIRECTIONS)}){NA}"
_YEAR_CUE = (pattern("(?:[وفب]?(?:ال|لل|ل)?)") + f"(?:{words(*WORDS['year_cues'])})"
             + f"|(?:{words(*WORDS['bare_year_cues'])})")
_YEAR_CUE = f"(?:{_YEAR_CUE})"
_OPENER_BEFORE_RE = re.compile(f"{NB}(?:{words(*WORDS['range_openers'])}){SP}$")

_DATE_RE = re.compile(
    # day forms: 14 و 15 أيلول/سبتمبر 2006 · 30 تشرين الثاني/نوفمبر إلى 2 كانون الأول/ديسمبر 2011
    # · فاتح ماي · 26 يناير الجاري
    rf"(?=[0-9]|{_FIRST})(?<![0-9./A-Za-z])(?P<days>{_DAY_OR_FIRST}(?:{_DAY_JOIN}{_DAY})*){_DAY_TO_MONTH}(?P<m1>{_MONTH})"
    rf"(?:{_YEAR_LINK}(?P<y1>{_YEAR})(?:{_G_MARK})?|{SP}(?P<dir1>{_DIRS}))?"
    rf"(?:(?P<j2>{_RANGE_JOIN}|{_AND_JOIN}){_OPT_FROM}(?P<d2>{_DAY_OR_FIRST}){_DAY_TO_MONTH}(?P<m2>{_MONTH})"
    rf"(?:{_YEAR_LINK}(?P<y2>{_YEAR})(?:{_G_MARK})?|{SP}(?P<dir2>{_DIRS}))?)?"
    # month forms: تموز/يوليه 2007 · من كانون الثاني/يناير إلى تشرين الأول/أكتوبر 2011 · دجنبر الماضي
    rf"|{NB}{_CLITIC}(?P<bm1>{_MONTH})(?:{_YEAR_LINK}(?P<by1>{_YEAR})(?:{_G_MARK})?|{SP}(?P<bdir>{_DIRS}))?"
    rf"(?:{_RANGE_JOIN}{_CLITIC}(?P<bm2>{_MONTH})(?:{_YEAR_LINK}(?P<by2>{_YEAR})(?:{_G_MARK})?)?)?"
    # year after a cue word: عام 2006 · عامي 2007 و 2008 · الفترة 2007-2009 · بين عامي 2010 و2015
    rf"|{NB}{_YEAR_CUE}{SP}(?:{pattern('من')}{SP})?(?P<cy1>{_YEAR})(?P<cmk>{_G_MARK})?"
    rf"(?:(?P<cconn>{_DAY_JOIN})(?P<cy2>{_YEAR}))?"
    # a bare year range: 2010-2011
    rf"|(?<![0-9./A-Za-z-])(?P<ry1>{_YEAR}) ?- ?(?P<ry2>{_YEAR})(?![0-9/-])"
)

# 18/10/2015 · 10.12.2016 · 18-10-2015 (day first, as Arabic writers print them) · 2016-12-10 · 2016/12/10
_NUMERIC_RE = re.compile(
    rf"(?<![0-9./A-Za-z:-])(?:(?:(?P<d0>[0-9]{{1,2}}) ?- ?)?(?P<d>[0-9]{{1,2}})(?P<sep>[/.-])(?P<m>[0-9]{{1,2}})"
    rf"(?P=sep)(?P<y>{_YEAR})"
    rf"|(?P<iy>{_YEAR})(?P<isep>[/-])(?P<im>[0-9]{{1,2}})(?P=isep)(?P<id>[0-9]{{1,2}})(?![0-9]))"
    rf"(?:{_G_MARK})?(?![0-9]|[/.:-][0-9])"
)
# (2014) · (2014م) · 2009م · 2009 ميلادية
_MARKED_YEAR_RE = re.compile(
    rf"(?<=\() ?(?P<py>{_YEAR})(?:{_G_MARK})? ?(?=\))"
    rf"|(?<![0-9./A-Za-z-])(?P<my>{_YEAR}){_G_MARK}"
)

_HIJRI_NAME = f"(?:{words(*HIJRI_MONTHS)}){NA}"
_HIJRI_YEAR = r"1[34][0-9]{2}(?![0-9])"
_H_MARK = rf"(?:{SP}?(?:{words(*WORDS['hijri_markers'])})){NA}"     # 1437هـ, 1437 للهجرة
_HIJRI_RE = re.compile(
    rf"(?<![0-9./A-Za-z])(?P<hd>{_DAY_OR_FIRST}){_DAY_TO_MONTH}(?P<hm>{_HIJRI_NAME})"
    rf"(?:{_YEAR_LINK}(?P<hy>{_HIJRI_YEAR})(?:{_H_MARK})?)?"
    rf"|{NB}{_CLITIC}(?P<hm2>{_HIJRI_NAME}){_YEAR_LINK}(?P<hy2>{_HIJRI_YEAR})(?:{_H_MARK})?"
    rf"|(?<![0-9./A-Za-z-])(?P<hy3>{_HIJRI_YEAR}){_H_MARK}"
    # numeric, with the marker: 3/9/1437هـ · 1437/09/03 هـ
    rf"|(?<![0-9./A-Za-z-])(?:(?P<nhd>[0-9]{{1,2}})(?P<nsep>[/.-])(?P<nhm>[0-9]{{1,2}})(?P=nsep)(?P<nhy>{_HIJRI_YEAR})"
    rf"|(?P<ihy>{_HIJRI_YEAR})(?P<isep2>[/.-])(?P<ihm>[0-9]{{1,2}})(?P=isep2)(?P<ihd>[0-9]{{1,2}})(?![0-9])){_H_MARK}"
)

_TIME = f"(?:{words(*WORDS['time_words'])})"
_WEEKDAY = f"(?:{words(*_WEEKDAYS)}){NA}"
_ARTICLE = pattern("(?:[وفب]?ال|[وف]?لل)")
_PERIOD_STEMS = {k[2:] if k.startswith("ال") else k: v for k, v in _PERIODS.items()}
_RELATIVE_RE = re.compile(
    # أمس الأحد · اليوم الجمعة · صباح اليوم · يوم أمس · أول أمس
    rf"{NB}(?:[وفل]?(?P<pre>{_TIME}){SP}|[وف])?(?P<rd>{words(*_REL_DAYS)}){NA}(?:{SP}?[/(]?{SP}?(?P<rdw>{_WEEKDAY}))?"
    # يومي الاثنين والثلاثاء الماضيين: two weekdays, one direction
    rf"|{NB}(?:[وفبل]?(?P<w2pre>{_TIME}){SP}|[وفب])?(?P<wa>{_WEEKDAY}){SP}?{pattern('و')}(?P<wb>{_WEEKDAY})"
    rf"(?:{SP}(?P<w2dir>{_DIRS}))?"
    # الأربعاء الماضي · يوم الأحد · الخميس المقبل
    rf"|{NB}(?:[وفبل]?(?P<wpre>{_TIME}){SP}|[وفب])?(?P<wd>{_WEEKDAY})(?:{SP}(?P<wdir>{_DIRS}))?"
    # 11 من الشهر الجاري · يوم 5 الشهر المقبل
    rf"|(?<![0-9./A-Za-z])(?P<dd>{_DAY}){SP}(?:{pattern('من')}{SP})?(?:{words(*(k for k, v in _PERIODS.items() if v == 'month'))})"
    rf"{SP}(?P<ddir>{_DIRS})"
    # الشهر الجاري · العام الماضي · الأسبوع المقبل · هذا العام
    rf"|{NB}(?:[وف]?(?P<this>{words(*WORDS['this_words'])}){SP}(?P<tper>{words(*_PERIODS)}){NA}"
    rf"|{_ARTICLE}(?P<per>{words(*_PERIOD_STEMS)}){SP}(?P<pdir>{_DIRS}))"
)


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
class _Context:
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


def _month_number(name: str) -> int | None:
    """The month a (possibly paired) month name gives, None when the pair disagrees."""
    halves = {MONTHS[key(h.group())] for h in _MONTH_NAME_RE.finditer(name)}
    return halves.pop() if len(halves) == 1 else None


def _paired(name: str) -> bool:
    return sum(1 for _ in _MONTH_NAME_RE.finditer(name)) > 1


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if day is None:
        return True
    leap_year = 2000 if year is None else year        # a year-less 29 February is allowed
    return 1 <= day <= calendar.monthrange(leap_year, month)[1]


def _years(y1: int | None, m1: int, y2: int | None, m2: int, fill: int | None):
    """Start and end years of a range, one filled from the other or from ``fill``."""
    inferred = False
    if y1 is None and y2 is None and fill is not None:
        y1, inferred = fill, True
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 > m2 else y2
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if m2 < m1 else y1
    return y1, y2, inferred


def _int_or_none(text: str | None) -> int | None:
    return int(text) if text else None


def _day_numbers(text: str) -> tuple[int, ...]:
    """The days of a day group: digits, and the first-day word (فاتح) as 1."""
    return tuple(int(d) if d.isdigit() else 1 for d in re.findall(rf"[0-9]+|{_FIRST}", text))


def _step(word: str | None) -> int | None:
    return _DIRECTIONS[key(word)] if word else None


def _day_date(m: re.Match, t: Text, ctx: _Context) -> list[DateMatch | None]:
    days = _day_numbers(m["days"])
    opened = _OPENER_BEFORE_RE.search(t.work, 0, m.start("days")) is not None
    ranged = re.search(_RANGE_JOIN, m["days"]) is not None or (opened and len(days) == 2)
    m1 = _month_number(m["m1"])
    if m1 is None:
        return [None]
    if m["m2"]:
        m2 = _month_number(m["m2"])
        if m2 is None:
            return [None]
        if m["j2"].strip() == "و" and not opened:           # two dates listed: 28 يونيو و 2 يوليو 2016
            y1, y2 = _int_or_none(m["y1"]), _int_or_none(m["y2"])
            if y1 is None and y2 is not None:                 # the year written once, after the last
                y1 = y2 - 1 if m1 > m2 else y2
            elif y2 is None and y1 is not None and not m["dir2"]:
                y2 = y1 + 1 if m2 < m1 else y1
            first = _day_date_of(t, m.start("days"), m.start("j2"), days, m1, y1, m["dir1"], ctx)
            second = _day_date_of(t, m.start("d2"), m.end(), _day_numbers(m["d2"]), m2, y2, m["dir2"], ctx)
            return [first, second]
        first, last = (days[0], m1), (_day_numbers(m["d2"])[0], m2)
        listed = ()
    else:
        first, last = (days[0], m1), (days[-1], m1)
        listed = days if len(days) > 1 else ()
        if ranged and len(days) == 2 and days[0] < days[1]:
            listed = tuple(range(days[0], days[1] + 1))
        elif len(days) > 1 and (ranged or sorted(days) != list(days)):
            return [None]
    y1 = _int_or_none(m["y1"])
    y2 = _int_or_none(m["y2"]) if m["m2"] else y1
    y1, y2, inferred = _years(y1, first[1], y2, last[1], ctx.year_for(first[1], _step(m["dir1"] or m["dir2"])))
    if not all(_valid(y1, first[1], d) for d in (first[0], *listed)) or not _valid(y2, last[1], last[0]):
        return [None]
    if y1 is not None and (date(y1, first[1], first[0]) > date(y2, last[1], last[0])):
        return [None]
    return [DateMatch(*t.span(m.start("days"), m.end()), "day", y1, first[1], first[0],
                      y2, last[1], last[0], listed, inferred)]


def _day_date_of(t: Text, start: int, end: int, days: tuple[int, ...], month: int, year: int | None,
                 direction: str | None, ctx: _Context) -> DateMatch | None:
    """One date of a list of dates in different months (its own days, month and year)."""
    inferred = year is None
    if year is None:
        year = ctx.year_for(month, _step(direction))
    inferred = inferred and year is not None
    if len(days) > 1 and sorted(days) != list(days):
        return None
    if not all(_valid(year, month, d) for d in days):
        return None
    return DateMatch(*t.span(start, end), "day", year, month, days[0], year, month, days[-1],
                     days if len(days) > 1 else (), inferred)


def _month_date(m: re.Match, t: Text, ctx: _Context) -> DateMatch | None:
    m1 = _month_number(m["bm1"])
    m2 = _month_number(m["bm2"]) if m["bm2"] else m1
    if m1 is None or m2 is None:
        return None
    lone = not m["by1"] and not m["bm2"] and not m["bdir"] and not _paired(m["bm1"])
    if lone and key(m["bm1"]) in _AMBIGUOUS:
        return None
    y1, y2 = _int_or_none(m["by1"]), _int_or_none(m["by2"])
    if not m["bm2"]:
        y2 = y1
    y1, y2, inferred = _years(y1, m1, y2, m2, ctx.year_for(m1, _step(m["bdir"])))
    if y1 is not None and (y1, m1) > (y2, m2):
        return None
    return DateMatch(*t.span(m.start("bm1"), m.end()), "month", y1, m1, None, y2, m2, None, (), inferred)


def _year_dates(m: re.Match, t: Text) -> list[DateMatch]:
    first, second = ("cy1", "cy2") if m["cy1"] else ("ry1", "ry2")
    y1, y2 = int(m[first]), _int_or_none(m[second])
    if y2 is None:
        end = m.end("cmk") if m["cmk"] else m.end(first)
        return [DateMatch(*t.span(m.start(first), end), "year", y1, end_year=y1)]
    if m["cconn"] and m["cconn"].strip() == "و" and not _OPENER_BEFORE_RE.search(t.work, 0, m.start()):
        return [DateMatch(*t.span(m.start(g), m.end(g)), "year", y, end_year=y)
                for g, y in ((first, y1), (second, y2))]             # عامي 2016 و2017: two years
    if y2 <= y1:
        return []
    return [DateMatch(*t.span(m.start(first), m.end(second)), "year", y1, end_year=y2)]


def _ordinal_days(t: Text, ctx: _Context) -> list[DateMatch]:
    """في الخامس من مارس 2016 · الثامن عشر من ديسمبر · الأول من يوليوز الماضي."""
    out = []
    for start, end, value in ordinal_words(t):
        m = _ORDINAL_DAY_TAIL_RE.match(t.work, end)
        if m is None or value > 31:
            continue
        before = _WORD_BEFORE_RE.search(t.work, max(0, start - 30), start)
        if before and _DEFINITE_RE.match(before["w"]) and key(before["w"]) not in _WEEKDAYS \
                and key(before["w"]) not in _ORDINAL_DAY_OK:
            continue                  # الأسبوع الأول من مارس: the ordinal qualifies the noun
        if m["pdir"]:                 # الحادي عشر من الشهر الجاري: the month from the anchor
            if ctx.anchor is None:
                continue
            year, month = _month_step(ctx.anchor, _step(m["pdir"]))
            if _valid(year, month, value):
                out.append(DateMatch(*t.span(start, m.end()), "day", year, month, value, year, month, value,
                                     year_inferred=True, relative=True))
            continue
        month = _month_number(m["m"])
        if month is None:
            continue
        year = _int_or_none(m["y"])
        inferred = year is None
        if year is None:
            year = ctx.year_for(month, _step(m["dir"]))
        if not _valid(year, month, value):
            continue
        out.append(DateMatch(*t.span(start, m.end()), "day", year, month, value, year, month, value,
                             (), inferred and year is not None))
    return out


def _numeric_dates(t: Text) -> list[DateMatch]:
    out = []
    for m in _NUMERIC_RE.finditer(t.work):
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["iy"], m["im"], m["id"])
        y, mo, d = int(y), int(mo), int(d)
        if not (1 <= mo <= 12 and d >= 1 and _valid(y, mo, d)):
            continue
        if m["d0"] and m["sep"] != "-":                    # 29-30/5/2023: a range of days
            d0 = int(m["d0"])
            if 1 <= d0 < d:
                out.append(DateMatch(*t.span(m.start(), m.end()), "day", y, mo, d0, y, mo, d,
                                     tuple(range(d0, d + 1))))
            continue
        start = m.start("d") if m["d0"] else m.start()
        out.append(DateMatch(*t.span(start, m.end()), "day", y, mo, d, y, mo, d))
    return out


def _marked_years(t: Text) -> list[DateMatch]:
    out = []
    for m in _MARKED_YEAR_RE.finditer(t.work):
        g = "py" if m["py"] else "my"
        y = int(m[g])
        end = m.end(g) if g == "py" else m.end()
        out.append(DateMatch(*t.span(m.start(g), end), "year", y, end_year=y))
    return out


def _hijri_span(y: int, m1: int, d1: int | None, m2: int, d2: int | None):
    """Gregorian (start, end) of a Hijri day, month or year (Umm al-Qura), None outside its range."""
    from hijridate import Hijri       # imported here: only Hijri dates need it
    try:
        start = Hijri(y, m1, d1 or 1).to_gregorian()
        last = Hijri(y, m2, 1)
        end = Hijri(y, m2, d2 or last.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(start.year, start.month, start.day), date(end.year, end.month, end.day)


def _hijri_dates(t: Text, ctx: _Context) -> list[DateMatch]:
    out = []
    for m in _HIJRI_RE.finditer(t.work):
        if m["hd"]:
            month, day, year = HIJRI_MONTHS[key(m["hm"])], _day_numbers(m["hd"])[0], _int_or_none(m["hy"])
            inferred = year is None and ctx.anchor is not None
            if year is None and ctx.anchor is not None:
                from hijridate import Gregorian
                try:
                    year = Gregorian(ctx.anchor.year, ctx.anchor.month, ctx.anchor.day).to_hijri().year
                except (ValueError, OverflowError):
                    year = None
            span = (m.start("hd"), m.end())
            bounds = (month, day, month, day)
        elif m["hm2"]:
            month, day, year, inferred = HIJRI_MONTHS[key(m["hm2"])], None, int(m["hy2"]), False
            span = (m.start("hm2"), m.end())
            bounds = (month, None, month, None)
        elif m["nhy"] or m["ihy"]:
            year, month, day = (int(m[g]) for g in (("nhy", "nhm", "nhd") if m["nhy"] else ("ihy", "ihm", "ihd")))
            inferred, span = False, (m.start(), m.end())
            if not (1 <= month <= 12 and 1 <= day <= 30):
                continue
            bounds = (month, day, month, day)
        else:
            month, day, year, inferred = None, None, int(m["hy3"]), False
            span = (m.start("hy3"), m.end())
            bounds = (1, None, 12, None)
        if year is None:
            if day is not None and day <= 30:
                out.append(DateMatch(*t.span(*span), "day", None, calendar="hijri", hijri=(None, month, day)))
            continue
        greg = _hijri_span(year, *bounds)
        if greg is None:
            continue
        (s, e) = greg
        out.append(DateMatch(*t.span(*span), "day", s.year, s.month, s.day, e.year, e.month, e.day, (),
                             inferred, False, "hijri", (year, month, day)))
    return out


def _nearest(base: date, weekday: int) -> date:
    """The date with ``weekday`` nearest to ``base`` (within three days either side)."""
    delta = (weekday - base.weekday()) % 7
    return base + timedelta(days=delta - 7 if delta > 3 else delta)


def _weekday_date(anchor: date, weekday: int, step: int | None, direction: str | None) -> date:
    back = (anchor.weekday() - weekday) % 7          # days since the last such weekday (0 = today)
    ahead = (weekday - anchor.weekday()) % 7
    if step == -1:
        return anchor - timedelta(days=back or 7)
    if step == 1:
        return anchor + timedelta(days=ahead or 7)
    if step is None and direction == "past":
        return anchor - timedelta(days=back)
    if step is None and direction == "future":
        return anchor + timedelta(days=ahead)
    return _nearest(anchor, weekday)


def _day_match(t: Text, start: int, end: int, d: date) -> DateMatch:
    return DateMatch(*t.span(start, end), "day", d.year, d.month, d.day, d.year, d.month, d.day,
                     year_inferred=True, relative=True)


def _relative_dates(t: Text, ctx: _Context) -> list[DateMatch]:
    a = ctx.anchor
    out = []
    for m in _RELATIVE_RE.finditer(t.work):
        if m["rd"]:
            word = key(m["rd"])
            if word in _NEEDS_CONTEXT and not (m["pre"] or m["rdw"]):
                continue
            d = a + timedelta(days=_REL_DAYS[word])
            if m["rdw"]:
                d = _nearest(d, _WEEKDAYS[key(m["rdw"])])
            out.append(_day_match(t, m.start("rd"), m.end(), d))
        elif m["dd"]:
            y, mo = _month_step(a, _step(m["ddir"]))
            if _valid(y, mo, int(m["dd"])):
                out.append(_day_match(t, m.start("dd"), m.end(), date(y, mo, int(m["dd"]))))
        elif m["wa"]:
            if not (m["w2pre"] or m["w2dir"]):
                continue
            step = _step(m["w2dir"])
            first = _weekday_date(a, _WEEKDAYS[key(m["wa"])], step, ctx.direction)
            second = first + timedelta(days=(_WEEKDAYS[key(m["wb"])] - first.weekday()) % 7)
            if step == -1 and second >= a or step == 1 and first <= a:
                continue
            out.append(DateMatch(*t.span(m.start("wa"), m.end()), "day", first.year, first.month, first.day,
                                 second.year, second.month, second.day,
                                 (first.day, second.day) if first.month == second.month else (),
                                 year_inferred=True, relative=True))
        elif m["wd"]:
            if not (m["wpre"] or m["wdir"]):
                continue
            d = _weekday_date(a, _WEEKDAYS[key(m["wd"])], _step(m["wdir"]), ctx.direction)
            out.append(_day_match(t, m.start("wd"), m.end(), d))
        else:
            period, step = (_PERIODS[key(m["tper"])], 0) if m["this"] else \
                (_PERIOD_STEMS[key(m["per"])], _step(m["pdir"]))
            start = m.start("this") if m["this"] else m.start("per") - 2 if t.work.startswith("ال", m.start("per") - 2) \
                else m.start("per") - 1
            out.append(_period(t, start, m.end(), a, period, step))
    return out


def _month_step(a: date, step: int) -> tuple[int, int]:
    """(year, month) ``step`` months from the anchor's month."""
    y, mo = divmod(a.year * 12 + a.month - 1 + step, 12)
    return y, mo + 1


def _period(t: Text, start: int, end: int, a: date, period: str, step: int) -> DateMatch:
    span = t.span(start, end)
    if period == "year":
        return DateMatch(*span, "year", a.year + step, end_year=a.year + step, year_inferred=True, relative=True)
    if period == "month":
        y, mo = _month_step(a, step)
        return DateMatch(*span, "month", y, mo, None, y, mo, None, year_inferred=True, relative=True)
    first = a - timedelta(days=(a.weekday() - _FIRST_WEEKDAY) % 7) + timedelta(days=7 * step)
    last = first + timedelta(days=6)
    return DateMatch(*span, "week", first.year, first.month, first.day, last.year, last.month, last.day,
                     year_inferred=True, relative=True)


_DIRECTION_NAMES = (None, "past", "future")
_MONTH_PERIOD = words(*(k for k, v in _PERIODS.items() if v == "month"))     # الشهر
_ORDINAL_DAY_TAIL_RE = re.compile(
    rf"{SP}{pattern('من')}{SP}(?:(?:{pattern('شهر')}{SP})?(?P<m>{_MONTH})"
    rf"(?:{_YEAR_LINK}(?P<y>{_YEAR})(?:{_G_MARK})?|{SP}(?P<dir>{_DIRS}))?"
    rf"|(?:{_MONTH_PERIOD}){SP}(?P<pdir>{_DIRS}))")
_WORD_BEFORE_RE = re.compile(r"(?P<w>[^ \n]+)[ \n]$")
_DEFINITE_RE = re.compile(pattern("[وفبل]?(?:ال|لل)"))
_ORDINAL_DAY_OK = frozenset(key(w) for w in WORDS["definite_before_ordinal_day"])
_NUMERIC_HINT = re.compile("[0-9][/.-][0-9]")
_YEAR_HINT = re.compile(_YEAR)
_HIJRI_HINT = re.compile(f"{NB}[وفبل]?(?:{words(*HIJRI_MONTHS)}){NA}|{_HIJRI_YEAR}")
# an ordinal day needs "من" and a month name (or الشهر) after it
_ORDINAL_DAY_HINT = re.compile(rf"{SP}{pattern('من')}{SP}(?:{pattern('شهر')}{SP})?(?:{_MONTH_NAME}|{_MONTH_PERIOD})")


def find_dates(text: str, default_year: int | None = None, *, anchor: date | None = None,
               direction: str | None = None) -> list[DateMatch]:
    """Every date expression in ``text`` (see the module docstring for the forms).

    ``anchor``: the document's own date. With it, relative dates are read (أمس الأحد, الشهر
    الماضي, يوم الأحد, دجنبر الماضي) and a missing year is taken from it; without it relative
    dates are not returned. ``direction`` ("past", "future" or None) says which way a year-less
    date or a bare weekday points from the anchor: in a past-tense sentence (``direction="past"``)
    a month after the anchor's month is last year's, and ``يوم الأحد`` is the last Sunday on or
    before the anchor; None takes the anchor's year (and the nearest such weekday). The
    direction words of the text (الماضي, المقبل, الجاري) always win over ``direction``.
    ``default_year`` fills a missing year when there is no anchor.
    """
    if direction not in _DIRECTION_NAMES:
        raise ValueError(f"values: direction must be 'past', 'future' or None, not {direction!r}")
    if anchor is not None and not isinstance(anchor, date):
        raise TypeError(f"values: anchor must be a datetime.date, got {type(anchor).__name__}")
    t = prepare(text)
    ctx = _Context(default_year, anchor, direction)
    out: list[DateMatch | None] = []
    for m in _DATE_RE.finditer(t.work):
        if m["days"]:
            out.extend(_day_date(m, t, ctx))
        elif m["bm1"]:
            out.append(_month_date(m, t, ctx))
        else:
            out.extend(_year_dates(m, t))
    if _ORDINAL_DAY_HINT.search(t.work):    # a month name (or الشهر) after من may follow an ordinal day
        out.extend(_ordinal_days(t, ctx))
    # cheap tests first: most paragraphs hold no numeric date, no marked year, no Hijri date
    if _NUMERIC_HINT.search(t.work):
        out.extend(_numeric_dates(t))
    if _YEAR_HINT.search(t.work):
        out.extend(_marked_years(t))
    if _HIJRI_HINT.search(t.work):
        out.extend(_hijri_dates(t, ctx))
    written = [d for d in out if d is not None]
    if anchor is not None:
        starts = {d.start for d in written if d.precision == "day"}
        out.extend(r for r in _relative_dates(t, ctx) if not _followed_by(text, r.end, starts))
    return non_overlapping(d for d in out if d is not None)


_GAP_RE = re.compile(rf"[ \u00a0,\u060c\n/()]*(?:(?:{'|'.join(map(re.escape, WORDS['definite_before_ordinal_day']))})"
                     rf"[ \u00a0,\u060c\n]*)?")


def _followed_by(text: str, end: int, starts: set[int]) -> bool:
    """Whether a written day date starts right after ``end`` (الأحد 3 مارس, يوم الاثنين الموافق 20
    يناير: the weekday only names it)."""
    return _GAP_RE.match(text, end).end() in starts


_DATELINE_PREFIX = 60         # the place and a weekday before the date of a dateline, at most
_DATELINE_ENDS = tuple(WORDS["dateline_ends"])


def find_dateline(text: str, *, within: int = 600) -> DateMatch | None:
    """The date of a press dateline or header among the first ``within`` characters of a document.

    A dateline is a line that starts with a place (and maybe a weekday) and a separator, then a
    Gregorian day date, then the end of the line, a dash or the news agency:
    ``جنيف، 3 آذار/مارس 2016 —``, ``الكويت - 18/10/2015 (كونا)``, ``أثينا - الخميس 5 نوفمبر 2009``,
    ``بغداد / 17 أيار 2014 / واع``, ``نوسا دوا، بالي، 23 آذار/مارس 2016``. Its year may be missing
    (``دكا في 12 ديسمبر / وام /``: ``year`` is None). A date inside a sentence (``41 - في 19 أيلول/
    سبتمبر 2016، اعتمدت``) is not a dateline. None when the head of the text has none. The
    caller passes the result's ``start_date`` as the ``anchor`` of :func:`find_dates`.
    """
    head = text[:within]
    offset = 0
    for line in head.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        for d in find_dates(body):
            if d.precision != "day" or d.calendar != "gregorian" or d.start > _DATELINE_PREFIX:
                break
            before, after = body[:d.start].strip(), body[d.end:].strip()
            if before and not before.endswith((",", "،", "-", "–", "—", "/", ":")) and \
                    not any(before.endswith(w) for w in (" في", "\u00a0في")) and \
                    not _ends_with_weekday(before):
                break
            if after and not after.startswith(_DATELINE_ENDS):
                break
            if before and before[0].isdigit():          # a numbered paragraph: 41 - في 19 …
                break
            return replace(d, start=d.start + offset, end=d.end + offset)
        offset += len(line)
    return None


def _ends_with_weekday(before: str) -> bool:
    words_before = before.split()
    return bool(words_before) and key(words_before[-1]) in _WEEKDAYS


def parse_date(text: str, default_year: int | None = None, *, anchor: date | None = None,
               direction: str | None = None) -> DateMatch | None:
    """The first date expression in ``text``, or None."""
    found = find_dates(text, default_year, anchor=anchor, direction=direction)
    return found[0] if found else None


__all__ = ["DateMatch", "find_dateline", "find_dates", "parse_date", "MONTHS", "HIJRI_MONTHS"]
