"""The build's cross-document meeting identity table: one real meeting named by different keys in different texts.

A text keys a meeting by what it gives (``facts/written_meetings.py``): process + year (``event/gfmd-2015``),
process + ordinal when it prints no year (``الاجتماع الثامن للمنتدى العالمي``: ``event/gfmd-meeting-8``), process +
city (``event/gfmd-istanbul``), or kind + city + year for a meeting of no process it names
(``منتدى إسطنبول 2015``: ``event/forum-istanbul-2015``). So the graph may hold one meeting twice. This step,
run once all reports are in the store, learns from the texts themselves which keys name the same meeting:

* a meeting a report gives as **held** with its process and year (keyed process + year) and, in the same report,
  its ordinal or its city teaches ``(process, ordinal) → year`` and ``(process, city) → year``, and that the
  process's meeting of that year was in that city;
* a meeting keyed by process + ordinal (or process + city) with no year of its own is then the meeting of the one
  year learned for that key; a meeting of no process keyed by kind + city + year is the one process meeting
  held in that city that year.

A part of another meeting (a seminar or workshop keyed under it, ``mdkg:partOf`` an event) is never an alias: it is
held in a city in a year, but it is not the meeting held there. A key that two texts give two different years (two meetings of one process in one city), a city where two
processes met that year, or ordinals that disagree give no link. A planned meeting teaches nothing (a next
meeting announced for a year may be held another year), though a planned meeting may be linked by a key held
meetings taught. No list of which meeting is which: the table is a function of the build's facts.

The table is written as ``alias mdkg:sameMeetingAs canonical`` in the build's ``meeting-identity`` graph (a derived
graph, like the summary); it does not rewrite the reports' graphs, whose facts keep their own keys and evidence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import pyoxigraph as ox

from ..namespaces import MDKG, RDF, Base
from . import facts_graph

NAME = "meeting-identity"
SAME = MDKG.sameMeetingAs
_PREDICATES = {MDKG.partOf.value: "partOf", MDKG.year.value: "year", MDKG.ordinal.value: "ordinal",
               MDKG.location.value: "location", RDF.type.value: "type"}
_HELD, _PLANNED = MDKG.Meeting.value, MDKG.PlannedMeeting.value
_PROCESS = "/id/process/"

_ROWS = """SELECT ?e ?p ?o WHERE { GRAPH ?facts {
  ?e ?p ?o . VALUES ?p { <%s> <%s> <%s> <%s> <%s> }
  ?e a ?cls . VALUES ?cls { <%s> <%s> } } }"""


@dataclass
class _Meeting:
    iri: str
    processes: set = field(default_factory=set)
    years: set = field(default_factory=set)
    ordinals: set = field(default_factory=set)
    places: set = field(default_factory=set)
    held: bool = False
    part: bool = False                 # part of another event (a session, a workshop of a meeting)


def _meetings(rows: Iterable[tuple[str, str, str]]) -> dict[str, _Meeting]:
    out: dict[str, _Meeting] = {}
    for e, p, o in rows:
        m = out.setdefault(e, _Meeting(e))
        if p == "type":
            m.held = m.held or o == _HELD
        elif p == "partOf" and _PROCESS in o:
            m.processes.add(o)         # a process, not the larger event a session is part of
        elif p == "partOf":
            m.part = True
        elif p == "year":
            m.years.add(int(o))
        elif p == "ordinal":
            m.ordinals.add(int(o))
        elif p == "location":
            m.places.add(o)
    return out


def table(rows: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """alias IRI → canonical IRI, from rows (event IRI, predicate: type|partOf|year|ordinal|location, object IRI or
    lexical value) of the events the build's reports describe."""
    meetings = _meetings(rows)
    by_ordinal, by_place, at = defaultdict(set), defaultdict(set), defaultdict(set)
    anchors = [m for m in meetings.values() if m.held and len(m.processes) == 1 and len(m.years) == 1
               and len(m.ordinals) <= 1]
    for m in anchors:
        (process,), (year,) = m.processes, m.years
        for n in m.ordinals:
            by_ordinal[(process, n)].add(m.iri)
        for place in m.places:
            by_place[(process, place)].add(m.iri)
            at[(place, year)].add(m.iri)
    anchor_iris = {m.iri for m in anchors}
    out: dict[str, str] = {}
    for m in meetings.values():
        if m.iri in anchor_iris or len(m.processes) > 1 or m.part:
            continue                     # a workshop of a meeting in its city that year is a part of it, not it
        if m.processes and not m.years:
            (process,) = m.processes
            found = set()
            for n in m.ordinals:
                found |= by_ordinal.get((process, n), set())
            if not m.ordinals:
                for place in m.places:
                    found |= by_place.get((process, place), set())
        elif not m.processes and len(m.years) == 1 and m.places:
            (year,) = m.years
            found = set().union(*(at.get((place, year), set()) for place in m.places))
        else:
            continue
        if len(found) != 1:
            continue                     # no key learned, or two meetings under it: no link
        (canonical,) = found
        if m.ordinals and meetings[canonical].ordinals and m.ordinals != meetings[canonical].ordinals:
            continue                     # the third and the fifth meeting are not one
        out[m.iri] = canonical
    return out


def rows_of(store: ox.Store, base: Base) -> list[tuple[str, str, str]]:
    """The (event, predicate, object) rows :func:`table` reads, from the build's facts graph."""
    query = _ROWS.replace("?facts", str(facts_graph.graph(base))) % (*_PREDICATES, _HELD, _PLANNED)
    out = []
    for e, p, o in store.query(query):
        out.append((e.value, _PREDICATES[p.value], o.value))
    return out


def quads(store: ox.Store, base: Base) -> list[ox.Quad]:
    """The identity table of the build's meetings as ``alias mdkg:sameMeetingAs canonical`` in its graph."""
    graph = base.graph(NAME)
    return [ox.Quad(ox.NamedNode(a), SAME, ox.NamedNode(c), graph) for a, c in sorted(table(rows_of(store, base)).items())]
