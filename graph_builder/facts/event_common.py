"""What the event modules share: the rule table, the event reference of a sentence, dates in a
span and the year/date facts every event gets.

It finds nothing in a text by itself; the rules are in ``process_meetings.py``, ``written_meetings.py``,
``meeting_details.py``, ``meeting_parts.py``, ``event_chairs.py`` and ``sessions.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..recognise.findings import Entity, Fact, Value
from .minting import rx

RULES = {
    "event.ordinal-meeting": ("an ordinal meeting of a process (الاجتماع الأول للمنتدى) is part of that process", 0.95),
    "event.year-meeting": ("a process named with a year (منتدى عام 2011, الحوار الرفيع المستوى لعام 2006) is that year's meeting", 0.9),
    "event.held-meeting": ("a process 'held' on a date (الحوار … الذي أجرته الجمعية العامة في …) is that year's meeting", 0.85),
    "event.location": ("a city named after 'في' in the meeting's clause is its location", 0.9),
    "event.date": ("a day-precision date in the meeting's clause gives its start and end dates", 0.9),
    "event.year": ("a year in the meeting's clause or key", 0.95),
    "event.theme": ("a quoted theme after الموضوع الرئيسي/العام/المركزي/المحوري, شعار, بعنوان, المعنون", 0.9),
    "event.participants": ("the stated number of states taking part in a meeting", 0.9),
    "event.participants-approx": ("an approximate number of participating states (حوالي، ما يربو على)", 0.6),
    "event.chair": ("رئيس منتدى عام YYYY، PERSON / PERSON … برئاسة منتدى عام YYYY / رئاسة STATE لمنتدى عام YYYY", 0.85),
    "event.session": ("a working session, cluster or special session heading is part of the meeting the report is about", 0.9),
    "event.workshop": ("a workshop/thematic meeting held in a listed city is part of that year's meeting", 0.8),
    "event.workshop-theme": ("a quoted subject after a workshop's place and date (عن \"…\") is its theme", 0.8),
    "event.participant": ("an actor named in a held meeting's own phrase after بين (اجتماع مشترك بين … والاتحاد الأوروبي: "
                          "meeting_phrase.py) takes part in it", 0.7),
    "event.host-convened": ("قام(ت) X بعقد MEETING: X held (hosted) the meeting", 0.75),
    "event.civil-society": ("civil society days/meeting (يوما المجتمع المدني، اجتماع لممثلي المجتمع المدني) are part of the meeting named with them", 0.8),
    "event.civil-society-chair": ("رئيس يومي المجتمع المدني PERSON: the person chaired them", 0.85),
    "event.roundtable": ("a numbered round table (جلسة المائدة المستديرة 3-3) in a meeting is part of it", 0.85),
}


# A workshop or thematic meeting: a part of a meeting, never the meeting itself.
WORKSHOP = rx(r"(?:حلق(?:ه|ات) (?:ال)?عمل|(?:ال)?اجتماع(?:ات)? (?:ال)?مواضيعي(?:ه)?)")
QUOTE = re.compile(r'"([^"]{3,200})"')


@dataclass
class Ref:
    """An event named in a sentence: where the name is (original offsets) and the entity."""

    start: int
    end: int
    event: Entity
    process: Entity | None = None
    rule: str = ""
    status: str = "held"            # "held" or "planned" (event_status.py); report rules leave "held"
    ordinal: int | None = None
    place: Entity | None = None
    dates: tuple = ()               # the meeting's own dates (values.DateMatch)
    year: int | None = None
    kind: str = ""                  # the meeting noun's kind (written_meetings.py): summit, workshop, ...
    phases: tuple = ()              # ("start"|"end", DateMatch): dates right after انطلقت/اختتمت in its sentence
    place_rule: str = ""            # the rule that gave ``place`` when not the meeting's own clause (a dateline)
    minted: bool = False            # named by its own noun phrase only (no process, no place): written_meetings.py
    members: tuple = ()             # who meets, named in the meeting's phrase (بين X و Y): written_meetings.py


def year_fact(ev: Entity, year, src, rule: str = "event.year") -> Fact:
    return Fact(ev, "year", Value(str(year), "gYear"), src, rule, RULES[rule][1])


def key_year(ev: Entity) -> int | None:
    m = re.search(r"-(\d{4})(?:-|$)", ev.slug)
    return int(m.group(1)) if m else None


def dates_in(text: str, start: int, end: int, default_year: int | None = None):
    from ..values import find_dates
    return [d for d in find_dates(text, default_year) if d.start >= start and d.end <= end]


def day_facts(ev: Entity, d, src):
    """startDate and endDate of ``ev`` from a day-precision date (the caller checks the precision)."""
    yield Fact(ev, "startDate", Value(d.start_date.isoformat(), "date"), src, "event.date", RULES["event.date"][1])
    yield Fact(ev, "endDate", Value((d.end_date or d.start_date).isoformat(), "date"), src, "event.date",
               RULES["event.date"][1])
