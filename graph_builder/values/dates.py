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
(``18/10/2015``, ``10.12.2016``, ``2016-12-10``, ``١٢ / ٣ / ٢٠١٩`` with spaced slashes, a day range
``29-30/5/2023``, a range of two numeric dates ``من 2023/05/29 إلى 2023/05/30``); an English-style
comma before the year (``14 ديسمبر, 2016``), a year glued to its month or after a slash (``14-16 نوفمبر2014``,
``دجنبر/2018``); month (``تموز/يوليه ٢٠٠٧`` → gYearMonth);
month range; year after a cue word (``عام``/``لعام``/``سنة``/``عامي``/``الفترة``/``منذ``/``خلال``/``مطلع``/
``نهاية``), after ``في`` when no counted noun follows (``في 2018،``, not ``في 2018 حالة``), in
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

Hijri dates are read by :mod:`.hijri`, relative dates by :mod:`.relative`, and the words,
regex pieces and :class:`DateMatch` they share live in :mod:`._calendar`; this module reads the
written Gregorian forms and puts the three together. It does not decide what a date is about
(which meeting it belongs to), nor the tense of a sentence (the caller passes ``direction``);
the fact rules do that.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from datetime import date

from ._calendar import (AMBIGUOUS, AND_JOIN, CLITIC, DAY, DAY_JOIN, DAY_OR_FIRST, DAY_TO_MONTH, DIRS, FIRST,
                        G_MARK, HIJRI_MONTHS, MONTH, MONTH_NAME, MONTH_PERIOD, MONTHS, OPENER_BEFORE_RE, OPT_FROM,
                        RANGE_JOIN, WEEKDAYS, WORDS, YEAR, YEAR_CUE, YEAR_LINK, Context, DateMatch, day_numbers,
                        direction_step, int_or_none, load_months, month_number, month_step,
                        paired, range_years, valid_day)
from ._text import AR, NA, NB, SP, Text, key, non_overlapping, pattern, prepare, words
from .hijri import HIJRI_HINT, hijri_dates
from .ordinals import ordinal_words
from .relative import followed_by, relative_dates

_DATE_RE = re.compile(
    # day forms: 14 و 15 أيلول/سبتمبر 2006 · 30 تشرين الثاني/نوفمبر إلى 2 كانون الأول/ديسمبر 2011
    # · فاتح ماي · 26 يناير الجاري
    rf"(?=[0-9]|{FIRST})(?<![0-9./A-Za-z])(?P<days>{DAY_OR_FIRST}(?:{DAY_JOIN}{DAY})*){DAY_TO_MONTH}(?P<m1>{MONTH})"
    rf"(?:{YEAR_LINK}(?P<y1>{YEAR})(?:{G_MARK})?|{SP}(?P<dir1>{DIRS}))?"
    rf"(?:(?P<j2>{RANGE_JOIN}|{AND_JOIN}){OPT_FROM}(?P<d2>{DAY_OR_FIRST}){DAY_TO_MONTH}(?P<m2>{MONTH})"
    rf"(?:{YEAR_LINK}(?P<y2>{YEAR})(?:{G_MARK})?|{SP}(?P<dir2>{DIRS}))?)?"
    # month forms: تموز/يوليه 2007 · من كانون الثاني/يناير إلى تشرين الأول/أكتوبر 2011 · دجنبر الماضي
    rf"|{NB}{CLITIC}(?P<bm1>{MONTH})(?:{YEAR_LINK}(?P<by1>{YEAR})(?:{G_MARK})?|{SP}(?P<bdir>{DIRS}))?"
    rf"(?:{RANGE_JOIN}{CLITIC}(?P<bm2>{MONTH})(?:{YEAR_LINK}(?P<by2>{YEAR})(?:{G_MARK})?)?)?"
    # year after a cue word: عام 2006 · عامي 2007 و 2008 · الفترة 2007-2009 · بين عامي 2010 و2015
    rf"|{NB}{YEAR_CUE}{SP}(?:{pattern('من')}{SP})?(?P<cy1>{YEAR})(?P<cmk>{G_MARK})?"
    rf"(?:(?P<cconn>{DAY_JOIN})(?P<cy2>{YEAR}))?"
    # a bare year range: 2010-2011
    rf"|(?<![0-9./A-Za-z-])(?P<ry1>{YEAR}) ?- ?(?P<ry2>{YEAR})(?![0-9/-])"
)

# 18/10/2015 · 10.12.2016 · 18-10-2015 (day first, as Arabic writers print them) · 2016-12-10 · 2016/12/10 ·
# ١٢ / ٣ / ٢٠١٩ (slashes set off by spaces, as institutional pages print them; the same spacing both times)
_NUMERIC_RE = re.compile(
    rf"(?<![0-9./A-Za-z:-])(?:(?:(?P<d0>[0-9]{{1,2}}) ?- ?)?(?P<d>[0-9]{{1,2}})(?P<sep>[/.-]| / )(?P<m>[0-9]{{1,2}})"
    rf"(?P=sep)(?P<y>{YEAR})"
    rf"|(?P<iy>{YEAR})(?P<isep>[/-]| / )(?P<im>[0-9]{{1,2}})(?P=isep)(?P<id>[0-9]{{1,2}})(?![0-9]))"
    rf"(?:{G_MARK})?(?![0-9]|[/.:-][0-9])"
)
# (2014) · (2014م) · 2009م · 2009 ميلادية
_MARKED_YEAR_RE = re.compile(
    rf"(?<=\() ?(?P<py>{YEAR})(?:{G_MARK})? ?(?=\))"
    rf"|(?<![0-9./A-Za-z-])(?P<my>{YEAR}){G_MARK}"
)

_WEAK_YEAR_RE = re.compile(
    rf"{NB}{pattern('و?')}(?:{words(*WORDS['weak_year_cues'])}){SP}(?P<wy>{YEAR})(?:{G_MARK})?"
    rf"(?=[ \n]?(?:$|[^ \n{AR}0-9./-])|[ \n](?:{pattern('[وفبل]|ال')}|(?:{words(*WORDS['weak_year_followers'])}){NA}))")


def _day_date(m: re.Match, t: Text, ctx: Context) -> list[DateMatch | None]:
    days = day_numbers(m["days"])
    opened = OPENER_BEFORE_RE.search(t.work, 0, m.start("days")) is not None
    ranged = re.search(RANGE_JOIN, m["days"]) is not None or (opened and len(days) == 2)
    m1 = month_number(m["m1"])
    if m1 is None:
        return [None]
    if m["m2"]:
        m2 = month_number(m["m2"])
        if m2 is None:
            return [None]
        if m["j2"].strip() == "و" and not opened:           # two dates listed: 28 يونيو و 2 يوليو 2016
            y1, y2 = int_or_none(m["y1"]), int_or_none(m["y2"])
            if y1 is None and y2 is not None:                 # the year written once, after the last
                y1 = y2 - 1 if m1 > m2 else y2
            elif y2 is None and y1 is not None and not m["dir2"]:
                y2 = y1 + 1 if m2 < m1 else y1
            first = _day_date_of(t, m.start("days"), m.start("j2"), days, m1, y1, m["dir1"], ctx)
            second = _day_date_of(t, m.start("d2"), m.end(), day_numbers(m["d2"]), m2, y2, m["dir2"], ctx)
            return [first, second]
        first, last = (days[0], m1), (day_numbers(m["d2"])[0], m2)
        listed = ()
    else:
        first, last = (days[0], m1), (days[-1], m1)
        listed = days if len(days) > 1 else ()
        if ranged and len(days) == 2 and days[0] < days[1]:
            listed = tuple(range(days[0], days[1] + 1))
        elif len(days) > 1 and (ranged or sorted(days) != list(days)):
            return [None]
    y1 = int_or_none(m["y1"])
    y2 = int_or_none(m["y2"]) if m["m2"] else y1
    y1, y2, inferred = range_years(y1, first[1], y2, last[1], ctx.year_for(first[1], direction_step(m["dir1"] or m["dir2"])))
    if not all(valid_day(y1, first[1], d) for d in (first[0], *listed)) or not valid_day(y2, last[1], last[0]):
        return [None]
    if y1 is not None and (date(y1, first[1], first[0]) > date(y2, last[1], last[0])):
        return [None]
    return [DateMatch(*t.span(m.start("days"), m.end()), "day", y1, first[1], first[0],
                      y2, last[1], last[0], listed, inferred)]


def _day_date_of(t: Text, start: int, end: int, days: tuple[int, ...], month: int, year: int | None,
                 direction: str | None, ctx: Context) -> DateMatch | None:
    """One date of a list of dates in different months (its own days, month and year)."""
    inferred = year is None
    if year is None:
        year = ctx.year_for(month, direction_step(direction))
    inferred = inferred and year is not None
    if len(days) > 1 and sorted(days) != list(days):
        return None
    if not all(valid_day(year, month, d) for d in days):
        return None
    return DateMatch(*t.span(start, end), "day", year, month, days[0], year, month, days[-1],
                     days if len(days) > 1 else (), inferred)


def _month_date(m: re.Match, t: Text, ctx: Context) -> DateMatch | None:
    m1 = month_number(m["bm1"])
    m2 = month_number(m["bm2"]) if m["bm2"] else m1
    if m1 is None or m2 is None:
        return None
    lone = not m["by1"] and not m["bm2"] and not m["bdir"] and not paired(m["bm1"])
    if lone and key(m["bm1"]) in AMBIGUOUS:
        return None
    y1, y2 = int_or_none(m["by1"]), int_or_none(m["by2"])
    if not m["bm2"]:
        y2 = y1
    y1, y2, inferred = range_years(y1, m1, y2, m2, ctx.year_for(m1, direction_step(m["bdir"])))
    if y1 is not None and (y1, m1) > (y2, m2):
        return None
    return DateMatch(*t.span(m.start("bm1"), m.end()), "month", y1, m1, None, y2, m2, None, (), inferred)


def _year_dates(m: re.Match, t: Text) -> list[DateMatch]:
    first, second = ("cy1", "cy2") if m["cy1"] else ("ry1", "ry2")
    y1, y2 = int(m[first]), int_or_none(m[second])
    if y2 is None:
        end = m.end("cmk") if m["cmk"] else m.end(first)
        return [DateMatch(*t.span(m.start(first), end), "year", y1, end_year=y1)]
    if m["cconn"] and m["cconn"].strip() == "و" and not OPENER_BEFORE_RE.search(t.work, 0, m.start()):
        return [DateMatch(*t.span(m.start(g), m.end(g)), "year", y, end_year=y)
                for g, y in ((first, y1), (second, y2))]             # عامي 2016 و2017: two years
    if y2 <= y1:
        return []
    return [DateMatch(*t.span(m.start(first), m.end(second)), "year", y1, end_year=y2)]


def _ordinal_days(t: Text, ctx: Context) -> list[DateMatch]:
    """في الخامس من مارس 2016 · الثامن عشر من ديسمبر · الأول من يوليوز الماضي."""
    out = []
    for start, end, value in ordinal_words(t):
        m = _ORDINAL_DAY_TAIL_RE.match(t.work, end)
        if m is None or value > 31:
            continue
        before = _WORD_BEFORE_RE.search(t.work, max(0, start - 30), start)
        if before and _DEFINITE_RE.match(before["w"]) and key(before["w"]) not in WEEKDAYS \
                and key(before["w"]) not in _ORDINAL_DAY_OK:
            continue                  # الأسبوع الأول من مارس: the ordinal qualifies the noun
        if m["pdir"]:                 # الحادي عشر من الشهر الجاري: the month from the anchor
            if ctx.anchor is None:
                continue
            year, month = month_step(ctx.anchor, direction_step(m["pdir"]))
            if valid_day(year, month, value):
                out.append(DateMatch(*t.span(start, m.end()), "day", year, month, value, year, month, value,
                                     year_inferred=True, relative=True))
            continue
        month = month_number(m["m"])
        if month is None:
            continue
        year = int_or_none(m["y"])
        inferred = year is None
        if year is None:
            year = ctx.year_for(month, direction_step(m["dir"]))
        if not valid_day(year, month, value):
            continue
        out.append(DateMatch(*t.span(start, m.end()), "day", year, month, value, year, month, value,
                             (), inferred and year is not None))
    return out


def _numeric_dates(t: Text) -> list[DateMatch]:
    found: list[tuple[int, int, DateMatch]] = []          # folded span, date
    for m in _NUMERIC_RE.finditer(t.work):
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["iy"], m["im"], m["id"])
        y, mo, d = int(y), int(mo), int(d)
        if not (1 <= mo <= 12 and d >= 1 and valid_day(y, mo, d)):
            continue
        if m["d0"] and m["sep"] != "-":                    # 29-30/5/2023: a range of days
            d0 = int(m["d0"])
            if 1 <= d0 < d:
                found.append((m.start(), m.end(), DateMatch(*t.span(m.start(), m.end()), "day", y, mo, d0, y, mo, d,
                                                            tuple(range(d0, d + 1)))))
            continue
        start = m.start("d") if m["d0"] else m.start()
        found.append((start, m.end(), DateMatch(*t.span(start, m.end()), "day", y, mo, d, y, mo, d)))
    out: list[DateMatch] = []
    k = 0
    while k < len(found):           # من 2023/05/29 إلى 2023/05/30 · 10/12/2018 - 12/12/2018: one range
        s1, e1, a = found[k]
        if k + 1 < len(found):
            s2, e2, b = found[k + 1]
            if _NUMERIC_RANGE_JOIN_RE.fullmatch(t.work, e1, s2) and not a.is_range and not b.is_range \
                    and a.start_date < b.start_date:
                out.append(DateMatch(a.start, b.end, "day", a.year, a.month, a.day, b.year, b.month, b.day))
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _marked_years(t: Text) -> list[DateMatch]:
    out = []
    for m in _WEAK_YEAR_RE.finditer(t.work):       # في 2018، …: a year after في that counts nothing
        out.append(DateMatch(*t.span(m.start("wy"), m.end()), "year", int(m["wy"]), end_year=int(m["wy"])))
    for m in _MARKED_YEAR_RE.finditer(t.work):
        g = "py" if m["py"] else "my"
        y = int(m[g])
        end = m.end(g) if g == "py" else m.end()
        out.append(DateMatch(*t.span(m.start(g), end), "year", y, end_year=y))
    return out


_DIRECTION_NAMES = (None, "past", "future")
_ORDINAL_DAY_TAIL_RE = re.compile(
    rf"{SP}{pattern('من')}{SP}(?:(?:{pattern('شهر')}{SP})?(?P<m>{MONTH})"
    rf"(?:{YEAR_LINK}(?P<y>{YEAR})(?:{G_MARK})?|{SP}(?P<dir>{DIRS}))?"
    rf"|(?:{MONTH_PERIOD}){SP}(?P<pdir>{DIRS}))")
_WORD_BEFORE_RE = re.compile(r"(?P<w>[^ \n]+)[ \n]$")
_DEFINITE_RE = re.compile(pattern("[وفبل]?(?:ال|لل)"))
_ORDINAL_DAY_OK = frozenset(key(w) for w in WORDS["definite_before_ordinal_day"])
_NUMERIC_HINT = re.compile("[0-9](?:[/.-]| / )[0-9]")
_NUMERIC_RANGE_JOIN_RE = re.compile(RANGE_JOIN)
_YEAR_HINT = re.compile(YEAR)
# an ordinal day needs "من" and a month name (or الشهر) after it
_ORDINAL_DAY_HINT = re.compile(rf"{SP}{pattern('من')}{SP}(?:{pattern('شهر')}{SP})?(?:{MONTH_NAME}|{MONTH_PERIOD})")


def find_dates(text: str, default_year: int | None = None, *, anchor: date | None = None,
               direction: str | None = None) -> list[DateMatch]:
    """Every date expression in ``text`` (:func:`_find_dates`); a new list on every call, the
    dates (immutable) read once per text and arguments: the rules ask about the same paragraph
    sentence by sentence."""
    if direction not in _DIRECTION_NAMES:
        raise ValueError(f"values: direction must be 'past', 'future' or None, not {direction!r}")
    if anchor is not None and not isinstance(anchor, date):
        raise TypeError(f"values: anchor must be a datetime.date, got {type(anchor).__name__}")
    return list(_find_dates_memo(text, default_year, anchor, direction))


@lru_cache(maxsize=1024)
def _find_dates_memo(text: str, default_year, anchor, direction) -> tuple[DateMatch, ...]:
    return tuple(_find_dates(text, default_year, anchor=anchor, direction=direction))


find_dates.cache_clear = _find_dates_memo.cache_clear      # for benchmarks that time a first call


def _find_dates(text: str, default_year: int | None = None, *, anchor: date | None = None,
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
    t = prepare(text)
    ctx = Context(default_year, anchor, direction)
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
    if HIJRI_HINT.search(t.work):
        out.extend(hijri_dates(t, ctx))
    written = [d for d in out if d is not None]
    if anchor is not None:
        out = written = _of_relative_year(t, written, anchor)
        starts = {d.start for d in written if d.precision == "day"}
        out.extend(r for r in relative_dates(t, ctx) if not followed_by(text, r.end, starts))
    return non_overlapping(d for d in out if d is not None)


# سبتمبر من العام الماضي · 12 مارس من السنة المقبلة: a year-less date of a year named relative to the anchor
_OF_RELATIVE_YEAR_RE = re.compile(rf"{SP}?(?:{pattern('من')}{SP})?(?:{words('العام', 'السنة', 'عام', 'سنة')}){SP}"
                                  rf"(?P<dir>{DIRS})")


def _of_relative_year(t: Text, written: list[DateMatch], anchor: date) -> list[DateMatch]:
    """Year-less day and month dates followed by ``من العام الماضي`` (``المقبل``, ``الجاري`` …) take that year of the
    anchor's, and their span takes in the year words (so the year period is not read again on its own)."""
    out = []
    for d in written:
        if d.year_inferred and not d.relative and d.precision in ("day", "month") and d.calendar == "gregorian":
            m = _OF_RELATIVE_YEAR_RE.match(t.work, bisect_left(t.norm.starts, d.end))
            if m is not None:
                year = anchor.year + direction_step(m["dir"])
                shift = year - (d.year or year)
                d = replace(d, year=year, end_year=(d.end_year + shift) if d.end_year else year,
                            end=t.span(m.start(), m.end())[1], relative=True)
        out.append(d)
    return out


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
    return bool(words_before) and key(words_before[-1]) in WEEKDAYS


def parse_date(text: str, default_year: int | None = None, *, anchor: date | None = None,
               direction: str | None = None) -> DateMatch | None:
    """The first date expression in ``text``, or None."""
    found = find_dates(text, default_year, anchor=anchor, direction=direction)
    return found[0] if found else None


__all__ = ["DateMatch", "find_dateline", "find_dates", "parse_date", "load_months", "MONTHS", "HIJRI_MONTHS"]
