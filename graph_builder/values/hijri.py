"""Hijri (Islamic lunar calendar) dates: ``3 رمضان 1437 هـ``, ``ذي الحجة 1439``, ``1437 هـ``, ``3/9/1437هـ``.

They are recognised so that their numbers are never read as Gregorian dates, and converted to
the Gregorian days they cover with hijridate (the Umm al-Qura calendar): a match has
``calendar == "hijri"``, ``hijri`` = the written (year, month, day), and Gregorian fields. A
year-less Hijri day takes the anchor's Hijri year. The observed start of a month may differ
from Umm al-Qura by a day in some states; this module does not model that.
"""
from __future__ import annotations

import re
from datetime import date

from ._calendar import (DAY_OR_FIRST, DAY_TO_MONTH, HIJRI_MONTHS, WORDS, YEAR_LINK, CLITIC, Context, DateMatch,
                        day_numbers, int_or_none)
from ._text import NA, NB, SP, Text, key, words

_HIJRI_NAME = f"(?:{words(*HIJRI_MONTHS)}){NA}"
_HIJRI_YEAR = r"1[34][0-9]{2}(?![0-9])"
_H_MARK = rf"(?:{SP}?(?:{words(*WORDS['hijri_markers'])})){NA}"     # 1437هـ, 1437 للهجرة
_HIJRI_RE = re.compile(
    rf"(?<![0-9./A-Za-z])(?P<hd>{DAY_OR_FIRST}){DAY_TO_MONTH}(?P<hm>{_HIJRI_NAME})"
    rf"(?:{YEAR_LINK}(?P<hy>{_HIJRI_YEAR})(?:{_H_MARK})?)?"
    rf"|{NB}{CLITIC}(?P<hm2>{_HIJRI_NAME}){YEAR_LINK}(?P<hy2>{_HIJRI_YEAR})(?:{_H_MARK})?"
    rf"|(?<![0-9./A-Za-z-])(?P<hy3>{_HIJRI_YEAR}){_H_MARK}"
    # numeric, with the marker: 3/9/1437هـ · 1437/09/03 هـ
    rf"|(?<![0-9./A-Za-z-])(?:(?P<nhd>[0-9]{{1,2}})(?P<nsep>[/.-])(?P<nhm>[0-9]{{1,2}})(?P=nsep)(?P<nhy>{_HIJRI_YEAR})"
    rf"|(?P<ihy>{_HIJRI_YEAR})(?P<isep2>[/.-])(?P<ihm>[0-9]{{1,2}})(?P=isep2)(?P<ihd>[0-9]{{1,2}})(?![0-9])){_H_MARK}"
)
HIJRI_HINT = re.compile(f"{NB}[وفبل]?(?:{words(*HIJRI_MONTHS)}){NA}|{_HIJRI_YEAR}")


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


def hijri_dates(t: Text, ctx: Context) -> list[DateMatch]:
    out = []
    for m in _HIJRI_RE.finditer(t.work):
        if m["hd"]:
            month, day, year = HIJRI_MONTHS[key(m["hm"])], day_numbers(m["hd"])[0], int_or_none(m["hy"])
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
