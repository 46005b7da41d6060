"""Relative dates, resolved against the document's date (the anchor): ``أمس الأحد``, ``اليوم
الجمعة``, ``أمس الأول``, ``الأربعاء الماضي``, ``يوم الأحد``, ``يومي الاثنين والثلاثاء الماضيين``,
``الشهر الجاري``, ``العام الماضي``, ``الأسبوع المقبل``, ``هذا العام``, ``20 من الشهر المقبل``, and a day or
two of the month a masculine direction word implies (``14 الجاري``, ``يومي 14 و15 الجاري``, ``3 الماضي``).

A day word with a weekday takes the date with that weekday nearest the arithmetic (a dispatch
printed the day after its dateline still reads right); a bare weekday follows the direction
word or the caller's ``direction``; a week is the seven days from ``first_weekday``
(``lexicons/dates.toml``). Every match has ``relative`` True. Without an anchor nothing here
is read. It does not decide which event a relative date belongs to.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ._calendar import (DAY, DAY_JOIN, DIRECTIONS, DIRS, FIRST_WEEKDAY, MONTH_PERIOD, NEEDS_CONTEXT, PERIODS, REL_DAYS, WEEKDAYS, WORDS,
                        Context, DateMatch, direction_step, month_step, valid_day)
from ._text import NA, NB, SP, Text, key, pattern, words

_TIME = f"(?:{words(*WORDS['time_words'])})"
_WEEKDAY = f"(?:{words(*WEEKDAYS)}){NA}"
_ARTICLE = pattern("(?:[وفب]?ال|[وف]?لل)")
# Direction words that agree with an unwritten الشهر (masculine): ``14 الجاري`` is the 14th of this month.
MONTH_DIRS = f"(?:{words(*(w for w in DIRECTIONS if not w.endswith(('ه', 'ة', 'ين'))))}){NA}"
_PERIOD_STEMS = {k[2:] if k.startswith("ال") else k: v for k, v in PERIODS.items()}
_RELATIVE_RE = re.compile(
    # أمس الأحد · اليوم الجمعة · صباح اليوم · يوم أمس · أول أمس
    rf"{NB}(?:[وفل]?(?P<pre>{_TIME}){SP}|[وف])?(?P<rd>{words(*REL_DAYS)}){NA}(?:{SP}?[/(]?{SP}?(?P<rdw>{_WEEKDAY}))?"
    # يومي الاثنين والثلاثاء الماضيين: two weekdays, one direction
    rf"|{NB}(?:[وفبل]?(?P<w2pre>{_TIME}){SP}|[وفب])?(?P<wa>{_WEEKDAY}){SP}?{pattern('و')}(?P<wb>{_WEEKDAY})"
    rf"(?:{SP}(?P<w2dir>{DIRS}))?"
    # الأربعاء الماضي · يوم الأحد · الخميس المقبل
    rf"|{NB}(?:[وفبل]?(?P<wpre>{_TIME}){SP}|[وفب])?(?P<wd>{_WEEKDAY})(?:{SP}(?P<wdir>{DIRS}))?"
    # 11 من الشهر الجاري · يوم 5 الشهر المقبل
    rf"|(?<![0-9./A-Za-z])(?P<dd>{DAY}){SP}(?:{pattern('من')}{SP})?(?:{MONTH_PERIOD})"
    rf"{SP}(?P<ddir>{DIRS})"
    # 14 الجاري · يومي 14 و15 الجاري · من 3 إلى 5 الماضي: days of the month the direction word implies
    rf"|(?<![0-9./A-Za-z])(?P<md1>{DAY})(?:{DAY_JOIN}(?P<md2>{DAY}))?{SP}(?P<mdir>{MONTH_DIRS})"
    # الشهر الجاري · العام الماضي · الأسبوع المقبل · هذا العام
    rf"|{NB}(?:[وف]?(?P<this>{words(*WORDS['this_words'])}){SP}(?P<tper>{words(*PERIODS)}){NA}"
    rf"|{_ARTICLE}(?P<per>{words(*_PERIOD_STEMS)}){SP}(?P<pdir>{DIRS}))"
)


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


def relative_dates(t: Text, ctx: Context) -> list[DateMatch]:
    a = ctx.anchor
    out = []
    for m in _RELATIVE_RE.finditer(t.work):
        if m["rd"]:
            word = key(m["rd"])
            if word in NEEDS_CONTEXT and not (m["pre"] or m["rdw"]):
                continue
            d = a + timedelta(days=REL_DAYS[word])
            if m["rdw"]:
                d = _nearest(d, WEEKDAYS[key(m["rdw"])])
            out.append(_day_match(t, m.start("rd"), m.end(), d))
        elif m["dd"]:
            y, mo = month_step(a, direction_step(m["ddir"]))
            if valid_day(y, mo, int(m["dd"])):
                out.append(_day_match(t, m.start("dd"), m.end(), date(y, mo, int(m["dd"]))))
        elif m["md1"]:
            y, mo = month_step(a, direction_step(m["mdir"]))
            d1, d2 = int(m["md1"]), int(m["md2"]) if m["md2"] else int(m["md1"])
            if d1 <= d2 and valid_day(y, mo, d1) and valid_day(y, mo, d2):
                out.append(DateMatch(*t.span(m.start("md1"), m.end()), "day", y, mo, d1, y, mo, d2,
                                     tuple(range(d1, d2 + 1)) if m["md2"] else (), year_inferred=True, relative=True))
        elif m["wa"]:
            if not (m["w2pre"] or m["w2dir"]):
                continue
            step = direction_step(m["w2dir"])
            first = _weekday_date(a, WEEKDAYS[key(m["wa"])], step, ctx.direction)
            second = first + timedelta(days=(WEEKDAYS[key(m["wb"])] - first.weekday()) % 7)
            if step == -1 and second >= a or step == 1 and first <= a:
                continue
            out.append(DateMatch(*t.span(m.start("wa"), m.end()), "day", first.year, first.month, first.day,
                                 second.year, second.month, second.day,
                                 (first.day, second.day) if first.month == second.month else (),
                                 year_inferred=True, relative=True))
        elif m["wd"]:
            if not (m["wpre"] or m["wdir"]):
                continue
            d = _weekday_date(a, WEEKDAYS[key(m["wd"])], direction_step(m["wdir"]), ctx.direction)
            out.append(_day_match(t, m.start("wd"), m.end(), d))
        else:
            period, step = (PERIODS[key(m["tper"])], 0) if m["this"] else \
                (_PERIOD_STEMS[key(m["per"])], direction_step(m["pdir"]))
            start = m.start("this") if m["this"] else m.start("per") - 2 if t.work.startswith("ال", m.start("per") - 2) \
                else m.start("per") - 1
            out.append(_period(t, start, m.end(), a, period, step))
    return out


def _period(t: Text, start: int, end: int, a: date, period: str, step: int) -> DateMatch:
    span = t.span(start, end)
    if period == "year":
        return DateMatch(*span, "year", a.year + step, end_year=a.year + step, year_inferred=True, relative=True)
    if period == "month":
        y, mo = month_step(a, step)
        return DateMatch(*span, "month", y, mo, None, y, mo, None, year_inferred=True, relative=True)
    first = a - timedelta(days=(a.weekday() - FIRST_WEEKDAY) % 7) + timedelta(days=7 * step)
    last = first + timedelta(days=6)
    return DateMatch(*span, "week", first.year, first.month, first.day, last.year, last.month, last.day,
                     year_inferred=True, relative=True)


_GAP_RE = re.compile(rf"[ \u00a0,\u060c\n/()]*(?:(?:{'|'.join(map(re.escape, WORDS['definite_before_ordinal_day']))})"
                     rf"[ \u00a0,\u060c\n]*)?")


def followed_by(text: str, end: int, starts: set[int]) -> bool:
    """Whether a written day date starts right after ``end`` (الأحد 3 مارس, يوم الاثنين الموافق 20
    يناير: the weekday only names it)."""
    return _GAP_RE.match(text, end).end() in starts
