"""Value parsers for Arabic report text: dates, money amounts, integers, General Assembly
resolution numbers, UN document symbols and ordinal words.

Every ``find_*`` function takes the ORIGINAL text, matches on its folded form
(:func:`graph_builder.text.arabic.normalise`: letter forms, diacritics, tatweel, Arabic-Indic
digits, ``٫``/``٬`` separators) and returns frozen match objects whose ``start``/``end``
are code-point offsets into the original text, sorted by ``start`` and never overlapping
within one finder. ``parse_*`` returns the first match (or its value), or ``None``.

This module does not decide what a value is about (which meeting a date belongs to, who
pays an amount); the fact rules do that. It reads no files and keeps no state.

Rules worth knowing (each is tested in ``tests/test_values.py``):

* Dates. Months by either name or both (``تموز/يوليه``, ``تموز``, ``يوليه``/``يوليو``); a
  pair whose two names disagree is not a date. Forms: day (``١١ آب/أغسطس ٢٠٠٨``), day list
  (``١٤ و ١٥ أيلول/سبتمبر ٢٠٠٦``: ``days`` keeps each day, start/end are first/last), day
  range (``9-11``, ``من 2 إلى 5``), range across months/years (``من 30 تشرين الثاني/نوفمبر
  إلى 2 كانون الأول/ديسمبر 2011``), month (``تموز/يوليه ٢٠٠٧`` → gYearMonth), month range,
  year after a cue word (``عام``/``لعام``/``سنة``/``عامي``/``الفترة``/``منذ`` → gYear),
  ``2010-2011``. A bare four-digit number is not a date. The span covers the date itself,
  not the cue words (``في``, ``من``, ``عام``). A missing year is taken from the other end
  of a range, else from ``default_year`` (``year_inferred`` is then True), else left None
  (``start_date``/``end_date`` are None then). ``مارس`` (also a verb) and ``آب`` (folds to
  ``اب``, "father") alone count only with a day, a year or the other month name.
  Impossible dates (31 June) are dropped.
* Numbers. Digit groups may be separated by ``,``/``٬`` or by one in-line space (any
  no-break or thin space too; never a line break or a run of spaces). Space-separated
  groups: when every group but the LAST has three digits and the last has one or two, the
  groups were printed in reversed order by right-to-left typesetting (``232 155 2`` →
  2155232); when the first has one to three digits and the rest three, they are in normal
  order (``2 155 232`` → 2155232). All-three-digit groups cannot be told apart and are
  read in normal order. ``٫``/``.`` between digits is the decimal separator; the Arabic
  comma ``،`` is never a separator. Digits glued to ``/``, ``.`` or a Latin letter belong
  to something else (a symbol, a resolution number) and are not numbers.
* English month names are read too (the front matter of a report: ``11 August 2008``),
  but never alone.
* Amounts need a currency: a word (``يورو``, ``دولار``, ``من دولارات الولايات المتحدة``,
  ``فرنك سويسري`` ...), a symbol (``$ € £``) or a Latin ISO 4217 code known to pycountry
  (not those that are also English words: ALL, TOP ...). Scales: ``ألف/آلاف``,
  ``مليون/ملايين``, ``مليار``, ``بليون`` (= 10^9), ``تريليون``, Latin thousand/million/billion;
  a scale word alone counts as one (``مليون دولار``) and its dual as two (``مليونا دولار``).
  A bare dollar is the US dollar (UN usage); a bare franc or pound has currency None.
* Resolutions: ``N/M`` after a cue (``القرار``, ``بقرار``, ``قراري``, ``قرارها`` ...,
  optionally followed by ``الجمعية العامة`` or ``مجلس حقوق الإنسان``), plus further ``و N/M``
  pairs (anywhere in the same sentence after a dual/plural cue, right after the pair
  otherwise), plus Latin ``A/RES/61/208`` symbols. Arabic order is number/session: the
  second number is the session when it can be one (1–99), else the pair is read in Latin
  order (session/number). ``٢٠٨/٦١`` → 61/208, ``61/208`` → 61/208; ``62/7`` reads as 7/62
  (ambiguous by nature).
* Symbols: an upper-case organ/series prefix, then ``/``-separated parts of letters,
  digits, ``.`` and ``-``, at least one digit after the prefix, not inside a URL or path.
* Ordinals: definite forms (with proclitics و ف ب ل), masculine and feminine, 1–10,
  11–19 (``الحادي عشر``), tens (``العشرون``/``العشرين``), compounds (``الثالثة والستون`` = 63),
  100 (``المائة``). ``الأول``/``الثاني`` after ``كانون``/``تشرين`` (month names) are skipped.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Iterable, Iterator

import pycountry

from .text.arabic import Normalised, fold, normalise

# ---------------------------------------------------------------------------------------
# Text preparation

_AR = "\u0621-\u063A\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
_NB = f"(?<![{_AR}])"          # not glued to a preceding Arabic letter
_NA = f"(?![{_AR}])"           # not glued to a following Arabic letter
_INLINE_SPACES = frozenset(" \u00a0\u202f\u2009\u2007\u200a\u2002\u2003\u2004\u2005\u2006\u2008")
_BREAK = "\n"                  # marks a folded space that was a line break or a run of spaces
_MAX_SESSION = 99              # the highest number read as a General Assembly session


@dataclass(frozen=True)
class _Text:
    """The folded text the patterns run on, with the map back to the original."""

    norm: Normalised
    work: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)


def _prepare(text: str) -> _Text:
    """Fold ``text``; keep ``،`` distinct from ``,`` and mark spaces that were not one in-line space."""
    if not isinstance(text, str):
        raise TypeError(f"values: expected text as str, got {type(text).__name__}")
    norm = normalise(text)
    folded, original, starts = norm.text, norm.original, norm.starts
    chars = list(folded)
    for i, ch in enumerate(chars):
        if ch == "," and original[starts[i]] == "\u060c":
            chars[i] = "\u060c"
        elif ch == " ":
            stop = starts[i + 1] if i + 1 < len(starts) else len(original)
            run = [c for c in original[starts[i]:stop] if c.isspace() or c in _INLINE_SPACES]
            if len(run) != 1 or run[0] not in _INLINE_SPACES:
                chars[i] = _BREAK
    return _Text(norm, "".join(chars))


def _words(*words: str) -> str:
    """A regex alternation of the folded ``words``, longest first."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", "[ \n]") for w in folded)


def _pattern(source: str) -> str:
    """Fold the Arabic letters of a regex source written in ordinary spelling."""
    return fold(source).replace(" ", "[ \n]")


def _non_overlapping(matches: Iterable, key=lambda m: (m.start, m.end)) -> list:
    """Keep the earliest, then longest, of overlapping matches."""
    kept: list = []
    for m in sorted(matches, key=lambda m: (key(m)[0], -key(m)[1])):
        if not kept or key(m)[0] >= key(kept[-1])[1]:
            kept.append(m)
    return kept


# ---------------------------------------------------------------------------------------
# Numbers

_NUM = (
    r"(?<![0-9./A-Za-z])(?<![0-9],)"
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?"          # 2,155,232 (also ٬)
    r"|[0-9]{3}(?: [0-9]{3})* [0-9]{1,2}(?![0-9])"       # 232 155 2  (reversed groups)
    r"|[0-9]{1,3}(?: [0-9]{3})+(?![0-9]| [0-9])"         # 2 155 232  (normal groups)
    r"|[0-9]+(?:\.[0-9]+)?)"
    r"(?![0-9/A-Za-z]|[.,][0-9])"
)

_SCALE_WORDS = (
    (("ألف", "آلاف", "ألفا", "ألوف", "thousand"), 10**3),
    (("مليون", "ملايين", "مليونا", "million"), 10**6),
    (("مليار", "مليارات", "مليارا", "بليون", "بلايين", "بليونا", "billion"), 10**9),
    (("تريليون", "ترليون", "trillion"), 10**12),
)
_SCALES = MappingProxyType({fold(w): v for ws, v in _SCALE_WORDS for w in ws})
_SCALE = "(?:" + _words(*_SCALES) + ")" + _NA
# A scale word without a number: singular is one, dual two (مليونا دولار = two million dollars).
_LONE_SCALES = MappingProxyType({fold(w): v for w, v in (
    ("ألف", 10**3), ("مليون", 10**6), ("مليار", 10**9), ("بليون", 10**9),
    ("ألفا", 2 * 10**3), ("ألفي", 2 * 10**3), ("مليونا", 2 * 10**6), ("مليوني", 2 * 10**6),
    ("مليارا", 2 * 10**9), ("ملياري", 2 * 10**9), ("بليونا", 2 * 10**9), ("بليوني", 2 * 10**9))})


def _number_value(digits: str) -> Decimal:
    """The value of a matched number (folded text): separators, decimal point, group order."""
    if "," in digits:
        return Decimal(digits.replace(",", ""))
    if " " in digits:
        groups = digits.split(" ")
        if all(len(g) == 3 for g in groups[:-1]) and len(groups[-1]) < 3:
            groups.reverse()
        return Decimal("".join(groups))
    return Decimal(digits)


def _scale_value(word: str | None) -> int:
    return _SCALES[word.replace(_BREAK, " ").lower()] if word else 1


def _integral(value: Decimal) -> Decimal:
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


_INT_RE = re.compile(rf"(?P<num>{_NUM})(?:[ \n](?P<scale>(?i:{_SCALE})))?")


def find_ints(text: str) -> list[IntMatch]:
    """Every integer in ``text`` (decimals only when a scale makes them whole: ``٢٫٥ مليون``)."""
    t = _prepare(text)
    out = []
    for m in _INT_RE.finditer(t.work):
        value = _number_value(m["num"]) * _scale_value(m["scale"])
        if value != value.to_integral_value():
            continue
        out.append(IntMatch(*t.span(m.start(), m.end()), int(value)))
    return out


def parse_int(text: str) -> int | None:
    """The first integer in ``text``: ``parse_int("١٣٢") == 132``, ``parse_int("214 مليون") == 214000000``."""
    found = find_ints(text)
    return found[0].value if found else None


# ---------------------------------------------------------------------------------------
# Amounts

_CURRENCY_WORDS = (   # (pattern in ordinary spelling, ISO 4217 code or None); specific first
    (r"دولار(?:ا|ات)? من دولارات الولايات المتحدة(?: الأمريكية)?", "USD"),
    (r"(?:من )?دولارات الولايات المتحدة(?: الأمريكية)?", "USD"),
    (r"(?:ال)?دولار(?:ا|ات)? (?:الولايات المتحدة|(?:ال)?أمريكي(?:ا|ة)?|(?:ال)?أمريكى)", "USD"),
    (r"(?:ال)?دولار(?:ا|ات)? (?:ال)?كندي(?:ا|ة)?", "CAD"),
    (r"(?:ال)?دولار(?:ا|ات)? (?:ال)?أسترالي(?:ا|ة)?", "AUD"),
    (r"(?:من )?(?:ال)?دولار(?:ا|ات)?", "USD"),
    (r"(?:من )?(?:ال)?يورو(?:ات)?", "EUR"),
    (r"(?:من )?(?:ال)?فرنك(?:ا|ات)? (?:ال)?سويسري(?:ا|ة)?", "CHF"),
    (r"(?:من )?(?:ال)?فرنك(?:ا|ات)?", None),
    (r"(?:من )?(?:ال)?جنيه(?:ا|ات)? (?:ال)?إسترليني(?:ا|ة)?", "GBP"),
    (r"(?:من )?(?:ال)?جنيه(?:ا|ات)? (?:ال)?مصري(?:ا|ة)?", "EGP"),
    (r"(?:من )?(?:ال)?جنيه(?:ا|ات)?", None),
    (r"(?:من )?(?:ال)?ين(?:ا)? (?:ال)?ياباني(?:ا)?", "JPY"),
    (r"(?:من )?(?:ال)?ريال(?:ا|ات)? (?:ال)?سعودي(?:ا|ة)?", "SAR"),
    (r"(?:من )?(?:ال)?درهم(?:ا)? (?:ال)?إماراتي(?:ا|ة)?", "AED"),
)
_CURRENCY_RES = tuple((re.compile(_pattern(p)), code) for p, code in _CURRENCY_WORDS)
_CURRENCY = "(?:" + "|".join(_pattern(p) for p, _ in _CURRENCY_WORDS) + ")" + _NA
_SYMBOLS = MappingProxyType({"US$": "USD", "US $": "USD", "$": "USD", "€": "EUR", "£": "GBP"})
_SYMBOL = r"(?:US ?\$|\$|€|£)"

_AMOUNT_RES = (
    # ١٥ مليون يورو · 232 155 2 من دولارات الولايات المتحدة
    re.compile(rf"(?P<num>{_NUM})(?:[ \n](?P<scale>(?i:{_SCALE})))?[ \n](?P<cur>{_CURRENCY})"),
    # مليون دولار · مليونا دولار
    re.compile(rf"{_NB}(?P<lone>{_words(*_LONE_SCALES)})[ \n](?P<cur>{_CURRENCY})"),
    # $2.5 million · € 15
    re.compile(rf"(?<![A-Za-z])(?P<sym>{_SYMBOL}) ?(?P<num>{_NUM})(?: (?P<scale>(?i:{_SCALE})))?"),
    # 15 € · 2.5 million $
    re.compile(rf"(?P<num>{_NUM})(?: (?P<scale>(?i:{_SCALE})))? ?(?P<sym>{_SYMBOL})"),
    # CHF 2 155 232 · 15 million EUR
    re.compile(rf"(?<![A-Za-z])(?P<iso>[A-Z]{{3}}) ?(?P<num>{_NUM})(?: (?P<scale>(?i:{_SCALE})))?"),
    re.compile(rf"(?P<num>{_NUM})(?:[ \n](?P<scale>(?i:{_SCALE})))?[ \n](?P<iso>[A-Z]{{3}})(?![A-Za-z])"),
)


@dataclass(frozen=True)
class AmountMatch:
    """A sum of money: ``value`` in units of ``currency`` (ISO 4217, or None when the text
    names a currency that is not specific, such as a bare franc)."""

    start: int
    end: int
    value: Decimal
    currency: str | None


def _currency_code(phrase: str) -> str | None:
    phrase = phrase.replace(_BREAK, " ")
    for regex, code in _CURRENCY_RES:
        if regex.fullmatch(phrase):
            return code
    return None


_WORD_CODES = frozenset({"ALL", "BAM", "BOB", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY"})


def _iso_code(code: str) -> bool:
    """An ISO 4217 code, other than those that are also upper-case English words (ALL, TOP ...)."""
    return code not in _WORD_CODES and pycountry.currencies.get(alpha_3=code) is not None


def _amount(m: re.Match) -> tuple[Decimal, str | None] | None:
    groups = m.groupdict()
    if groups.get("lone"):
        value = Decimal(_LONE_SCALES[groups["lone"].replace(_BREAK, " ")])
    else:
        value = _number_value(m["num"]) * _scale_value(groups.get("scale"))
    if groups.get("cur"):
        return value, _currency_code(m["cur"])
    if groups.get("sym"):
        return value, _SYMBOLS[m["sym"]]
    if _iso_code(m["iso"]):
        return value, m["iso"]
    return None


def find_amounts(text: str) -> list[AmountMatch]:
    """Every sum of money in ``text``; a number without a currency is not an amount."""
    t = _prepare(text)
    found = []
    for regex in _AMOUNT_RES:
        for m in regex.finditer(t.work):
            amount = _amount(m)
            if amount is not None:
                found.append(AmountMatch(*t.span(m.start(), m.end()), _integral(amount[0]), amount[1]))
    return _non_overlapping(found)


def parse_amount(text: str) -> AmountMatch | None:
    """The first sum of money in ``text``, or None."""
    found = find_amounts(text)
    return found[0] if found else None


# ---------------------------------------------------------------------------------------
# Dates

_LEVANTINE_MONTHS = (
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6),
    ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11),
    ("كانون الأول", 12),
)
_LATIN_MONTHS = (
    ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("إبريل", 4), ("مايو", 5),
    ("يونيه", 6), ("يونيو", 6), ("يوليه", 7), ("يوليو", 7), ("أغسطس", 8), ("سبتمبر", 9),
    ("أكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
)
_ENGLISH_MONTHS = tuple((calendar.month_name[m].lower(), m) for m in range(1, 13))   # front matter
_MONTHS = MappingProxyType({fold(n): m for n, m in _LEVANTINE_MONTHS + _LATIN_MONTHS + _ENGLISH_MONTHS})
_AMBIGUOUS_MONTHS = frozenset([fold("مارس"), fold("آب")] + [n for n, _ in _ENGLISH_MONTHS])
_MONTH_NAME = "(?i:" + _words(*_MONTHS) + ")(?![A-Za-z])"
_MONTH = rf"(?:{_MONTH_NAME}(?: ?/ ?{_MONTH_NAME})?){_NA}"
_YEAR = r"(?:1[89]|2[01])[0-9]{2}(?![0-9])"
_YEAR_LINK = _pattern(r"(?: من)?(?: عام| سنة)?") + "[ \n]"
_DAY = r"[0-9]{1,2}(?![0-9])"
_DAY_JOIN = _pattern(r" ?(?:-|و|إلى|حتى) ?")
_RANGE_JOIN = _pattern(r" ?(?:-|إلى|حتى) ?")
_OPT_FROM = _pattern(r"(?:(?:في|من) )?")
_DAY_TO_MONTH = "[ \n]" + _OPT_FROM
_CLITIC = "(?:[وفبل])?"
_YEAR_CUE = _pattern(r"(?:[وفب]?(?:ال|لل|ل)?(?:عام|عامي|سنة|سنتي|فترة)|منذ)")

_DATE_RE = re.compile(
    # day forms: 14 و 15 أيلول/سبتمبر 2006 · 30 تشرين الثاني/نوفمبر إلى 2 كانون الأول/ديسمبر 2011
    rf"(?<![0-9./A-Za-z])(?P<days>{_DAY}(?:{_DAY_JOIN}{_DAY})*){_DAY_TO_MONTH}(?P<m1>{_MONTH})"
    rf"(?:{_YEAR_LINK}(?P<y1>{_YEAR}))?"
    rf"(?:{_RANGE_JOIN}{_OPT_FROM}(?P<d2>{_DAY}){_DAY_TO_MONTH}(?P<m2>{_MONTH})"
    rf"(?:{_YEAR_LINK}(?P<y2>{_YEAR}))?)?"
    # month forms: تموز/يوليه 2007 · من كانون الثاني/يناير إلى تشرين الأول/أكتوبر 2011
    rf"|{_NB}{_CLITIC}(?P<bm1>{_MONTH})(?:{_YEAR_LINK}(?P<by1>{_YEAR}))?"
    rf"(?:{_RANGE_JOIN}{_CLITIC}(?P<bm2>{_MONTH})(?:{_YEAR_LINK}(?P<by2>{_YEAR}))?)?"
    # year after a cue word: عام 2006 · عامي 2007 و 2008 · الفترة 2007-2009
    rf"|{_NB}{_YEAR_CUE}[ \n](?:{_pattern('من')}[ \n])?(?P<cy1>{_YEAR})"
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
    halves = {_MONTHS[h.strip().replace(_BREAK, " ").lower()] for h in name.split("/")}
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


def _day_date(m: re.Match, t: _Text, default_year: int | None) -> DateMatch | None:
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


def _month_date(m: re.Match, t: _Text, default_year: int | None) -> DateMatch | None:
    m1 = _month_number(m["bm1"])
    m2 = _month_number(m["bm2"]) if m["bm2"] else m1
    if m1 is None or m2 is None:
        return None
    lone = not m["by1"] and not m["bm2"] and "/" not in m["bm1"]
    if lone and m["bm1"].replace(_BREAK, " ").lower() in _AMBIGUOUS_MONTHS:
        return None
    y1, y2 = _int_or_none(m["by1"]), _int_or_none(m["by2"])
    if not m["bm2"]:
        y2 = y1
    y1, y2, inferred = _years(y1, m1, y2, m2, default_year)
    if y1 is not None and (y1, m1) > (y2, m2):
        return None
    return DateMatch(*t.span(m.start("bm1"), m.end()), "month", y1, m1, None, y2, m2, None, (), inferred)


def _year_dates(m: re.Match, t: _Text) -> list[DateMatch]:
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
    t = _prepare(text)
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


# ---------------------------------------------------------------------------------------
# UN document symbols and resolutions

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
    return _symbols(_prepare(text))


def _symbols(t: _Text) -> list[SymbolMatch]:
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
    rf"{_NB}(?:[وفب]?(?:ال|لل|ل)?)(?P<cue>{_words(*_CUE_WORDS)}){_NA}"
    + _pattern(r"(?: (?P<body>(?:لل|ال)جمعية العامة|(?:لل|ال)?مجلس حقوق الإنسان))?(?: رقم)? ")
    + _PAIR
)
_MORE_PAIR_RE = re.compile(r"(?:^|[ \n,\u060c])(?:و ?|[,\u060c] ?)" + _PAIR)
_SENTENCE_END_RE = re.compile(r"(?<![0-9])[.;؛\n](?![0-9])|[.;](?=[ \n]|$)")
_RES_SYMBOL_RE = re.compile(r"A/(?P<hrc>HRC/)?RES/(?P<s>[0-9]{1,3})/(?P<n>[0-9]{1,4})")


def _session_number(a: int, b: int) -> tuple[int, int] | None:
    """(session, number) from ``a/b`` as written: Arabic order unless ``b`` cannot be a session."""
    if 1 <= b <= _MAX_SESSION and a >= 1:
        return b, a
    if 1 <= a <= _MAX_SESSION and b >= 1:
        return a, b
    return None


def _resolution(t: _Text, m: re.Match, offset: int, hrc: bool) -> ResolutionMatch | None:
    pair = _session_number(int(m["a"]), int(m["b"]))
    if pair is None:
        return None
    session, number = pair
    prefix = "A/HRC/RES" if hrc else "A/RES"
    start, end = t.span(offset + m.start("a"), offset + m.end("b"))
    return ResolutionMatch(start, end, session, number, f"{prefix}/{session}/{number}", f"{session}/{number}")


def _following_pairs(t: _Text, m: re.Match, plural: bool) -> Iterator[tuple[int, re.Match]]:
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
    t = _prepare(text)
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
    return _non_overlapping(r for r in out if r is not None)


# ---------------------------------------------------------------------------------------
# Ordinal words

_UNITS = MappingProxyType({fold(w): v for w, v in (
    ("أول", 1), ("أولى", 1), ("ثاني", 2), ("ثانية", 2), ("ثالث", 3), ("ثالثة", 3),
    ("رابع", 4), ("رابعة", 4), ("خامس", 5), ("خامسة", 5), ("سادس", 6), ("سادسة", 6),
    ("سابع", 7), ("سابعة", 7), ("ثامن", 8), ("ثامنة", 8), ("تاسع", 9), ("تاسعة", 9),
    ("عاشر", 10), ("عاشرة", 10), ("حادي", 1), ("حادية", 1))})
_TENS = MappingProxyType({fold(w): v for w, v in (
    ("عشرون", 20), ("عشرين", 20), ("ثلاثون", 30), ("ثلاثين", 30), ("أربعون", 40), ("أربعين", 40),
    ("خمسون", 50), ("خمسين", 50), ("ستون", 60), ("ستين", 60), ("سبعون", 70), ("سبعين", 70),
    ("ثمانون", 80), ("ثمانين", 80), ("تسعون", 90), ("تسعين", 90), ("مائة", 100), ("مئة", 100))})
_ADVERBS = MappingProxyType({fold(w): v for w, v in (
    ("أولا", 1), ("ثانيا", 2), ("ثالثا", 3), ("رابعا", 4), ("خامسا", 5), ("سادسا", 6),
    ("سابعا", 7), ("ثامنا", 8), ("تاسعا", 9), ("عاشرا", 10))})
_HADI = fold("حادي")
_ARTICLE = _pattern("(?:[وفب]?ال|[وف]?لل)")
_ORDINAL_RE = re.compile(
    rf"{_NB}{_ARTICLE}(?P<u>{_words(*_UNITS)})"
    rf"(?:(?P<teen>[ \n]{_pattern('عشرة?')})|[ \n]{_pattern('و')}{_ARTICLE}(?P<t>{_words(*_TENS)}))?{_NA}"
    rf"|{_NB}{_ARTICLE}(?P<t0>{_words(*_TENS)}){_NA}"
)
_MONTH_BEFORE_RE = re.compile(_pattern(r"(?:كانون|تشرين|ربيع|جمادى)") + r"[ \n]$")
_PERCENT_BEFORE_RE = re.compile(_NB + _pattern(r"في") + r"[ \n]$")     # في المائة = per cent


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
    if m["teen"]:
        return 10 + unit if unit < 10 and unit != 1 or m["u"].startswith(_HADI) else None
    if m["t"]:
        tens = _TENS[m["t"]]
        return tens + unit if unit < 10 and tens < 100 else None
    return None if m["u"].startswith(_HADI) else unit


def find_ordinals(text: str) -> list[OrdinalMatch]:
    """Every definite ordinal word in ``text`` (``الاجتماع الثالث``, ``الدورة الثالثة والستون``)."""
    t = _prepare(text)
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
    return _UNITS.get(word) if word and not word.startswith(_HADI) else None
