"""Find the dateline of a press text: the place and date printed before its first sentence.

What it does: recognises the SHAPE of a dateline at the start of a line (``جنيف، 3 آذار/مارس
2016 —``, ``برلين – 30 يونيو 2017 (ومع) -``, ``دكا في 12 ديسمبر / وام /``, ``الكويت -
18/10/2015 (كونا) -``, a line of its own such as ``أثينا - الخميس 5 نوفمبر 2009``), or a web page's
publication stamp on a line of its own (``28 يناير 2021 00:32``, ``السبت 16 يناير 2021 / 14:14``,
``نشر في: 10 ديسمبر 2018``; a full single day, no place): a short place
(one or two names), a separator, an optional weekday, something date-shaped (a day and one or
two month words with an optional year, or digits ``dd/mm/yyyy`` / ``yyyy-mm-dd``), an optional
news agency in brackets or between slashes, and a dash or the end of the line. It then reads
the date with :func:`graph_builder.values.parse_date` (the one date reader of the project).

It also reads the closing line of a declaration or communiqué, which says where and when the
text was issued (``صدر في دكا في 21 أبريل 2011.``, ``حرر في جنيف ...``): :func:`closing_date`.

What it does not: read month names itself (a dateline whose month the value parser does not
know yet is still found, with ``date`` None), resolve the place to an entity, or decide what
the document's date is (``corpus.py`` does, after the manifest and the file's header).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..values import DateMatch, parse_date

_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_STOP = rf"{_DIGIT}\n()\u2013\u2014/\-،,:.؛;\"«»“”"
_PLACE_WORDS = 4
_PLACE = rf"[^{_STOP}]{{2,40}}?(?:[،,]\s*[^{_STOP}]{{2,30}}?)?"
_SEP = r"\s*(?:[،,]|[\-\u2013\u2014/]|\s\u0641\u064a)\s*"          # ، , - – — / or " في"
_WEEKDAY = (r"(?:(?:\u064a\u0648\u0645\s+)?(?:الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس"
            r"|الجمعة|السبت)[،,]?\s+)?")
_WORD = rf"[^\s{_DIGIT}()/،,\-\u2013\u2014:.]+"
_DATEISH = (rf"(?:[{_DIGIT}]{{1,2}}|فاتح)\s+{_WORD}(?:\s+{_WORD})?(?:\s*/\s*{_WORD})??(?:,?\s+[{_DIGIT}]{{4}})?"
            rf"|[{_DIGIT}]{{1,2}}[/.][{_DIGIT}]{{1,2}}[/.][{_DIGIT}]{{4}}"
            rf"|[{_DIGIT}]{{4}}-[{_DIGIT}]{{2}}-[{_DIGIT}]{{2}}")
_AGENCY = rf"(?:\s*(?:\((?P<agency>[^()\n{_DIGIT}]{{1,40}})\)|/\s*(?P<agency2>[^/\n{_DIGIT}]{{1,25}}?)\s*(?:/|$)))?"
_END = r"(?:\s*[\-\u2013\u2014:]\s*|\s*$|(?<=/)\s*)"   # a dash, the line's end, or the agency's closing slash
_DATELINE = re.compile(rf"^\s*(?P<place>{_PLACE}){_SEP}{_WEEKDAY}(?P<date>{_DATEISH}){_AGENCY}{_END}")
# A web page's publication stamp on a line of its own: a label, a weekday, the date, a clock time
# (``28 يناير 2021 00:32``, ``السبت 16 يناير 2021 / 14:14``, ``نشر في: 10 ديسمبر 2018``).
_STAMP_LABEL = r"(?:(?:نشر في|نشر بتاريخ|تاريخ النشر|آخر تحديث|Published(?: on)?)\s*:?\s*)?"
_CLOCK = rf"(?:الساعة\s*)?[{_DIGIT}]{{1,2}}:[{_DIGIT}]{{2}}(?::[{_DIGIT}]{{2}})?(?:\s*(?:ص|م|AM|PM|am|pm|GMT))?"
_STAMP = re.compile(rf"^\s*{_STAMP_LABEL}{_WEEKDAY}(?P<date>{_DATEISH})(?:\s*[|/\-\u2013\u2014،,]?\s*{_CLOCK})?\s*$")


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a line: its span in that line, place, date as printed."""

    start: int
    end: int                  # where the text after the dateline starts
    place: str
    printed_date: str
    agency: str
    date: DateMatch | None    # what the value parser reads in the printed date, or None
    line_text: str = ""       # the line it was found in

    @property
    def whole_line(self) -> bool:
        """True when the dateline is a line of its own (nothing after it)."""
        return not self.line_text[self.end:].strip()

    @property
    def iso_date(self) -> str:
        """The full date as ISO 8601, "" when the year, month or day is unknown."""
        d = self.date
        if d is None or d.precision != "day" or d.start_date is None:
            return ""
        return d.start_date.isoformat()

    @property
    def year_missing(self) -> bool:
        return self.date is not None and self.date.year is None


def find_dateline(line: str) -> Dateline | None:
    """The dateline at the start of ``line`` (or a publication stamp making up the whole line), or None."""
    m = _DATELINE.match(line)
    if not m:
        return _stamp(line)
    place = m.group("place").strip()
    if len(place.split()) > _PLACE_WORDS:
        return None
    printed = m.group("date").strip()
    parsed = parse_date(printed)
    return Dateline(m.start("place"), m.end(), place, printed, (m.group("agency") or m.group("agency2") or "").strip(),
                    parsed, line)


def _stamp(line: str) -> Dateline | None:
    """A line that is only a publication date (with a weekday, a label, a clock time): a dateline with
    no place, when it gives one full day (a range of days is a meeting's dates, not a stamp)."""
    m = _STAMP.match(line)
    if not m:
        return None
    parsed = parse_date(m.group("date").strip())
    if parsed is None or parsed.precision != "day" or parsed.is_range or parsed.year is None:
        return None
    return Dateline(m.start(), m.end(), "", m.group("date").strip(), "", parsed, line)


_CLOSING = re.compile(r"^\s*(?:[وف]?(?:صدر|صدرت|حرر|حررت)|Done at|Fait à)\s")
CLOSING_MAX_WORDS = 15


def closing_date(line: str) -> str:
    """The full date (ISO 8601) of a short closing line ``صدر في PLACE في DATE``, "" if none."""
    if not _CLOSING.match(line) or len(line.split()) > CLOSING_MAX_WORDS:
        return ""
    found = parse_date(line)
    if found is None or found.precision != "day" or found.start_date is None:
        return ""
    return found.start_date.isoformat()
