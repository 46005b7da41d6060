"""Shared helpers of the event and commitment rules: folded-text views, slugs and from-text entities.

Slugs are derived only from what a text says (a process and a year, a session number, a
resolution symbol, a name transliterated to ASCII), so the same thing named in two reports
gets the same IRI. This module finds nothing in a text by itself beyond small name and
year helpers; the rules live in the event modules and ``commitments.py``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..text.arabic import Normalised, fold, normalise
from ..text.prefilter import may_match
from ..recognise.findings import Entity
from ..recognise import text_entities
from ..recognise.text_entities import translit  # noqa: F401  (re-exported for the rule modules)

ORDINALS = {
    "الاول": 1, "الاولي": 1, "الثاني": 2, "الثانيه": 2, "الثالث": 3, "الثالثه": 3, "الرابع": 4,
    "الرابعه": 4, "الخامس": 5, "الخامسه": 5, "السادس": 6, "السادسه": 6, "السابع": 7, "السابعه": 7,
    "الثامن": 8, "الثامنه": 8, "التاسع": 9, "التاسعه": 9, "العاشر": 10, "العاشره": 10,
}
ORDINAL_RE = "|".join(sorted(ORDINALS, key=len, reverse=True))

# Titles that precede a person's name; role words that start a comma chunk describing a person.
TITLES = ("السفير", "السفيره", "السيد", "السيده", "الدكتور", "الدكتوره", "السير", "المستشاره", "سعاده",
          "معالي", "فخامه", "سمو", "الشيخ", "الشيخه", "الاستاذ", "الاستاذه")
ROLE_WORDS = ("وزير", "وزيره", "سفير", "الممثل", "الممثله", "رئيس", "رئيسه", "مدير", "مديره", "امين",
              "نائب", "نائبه", "مستشار", "مستشاره", "وكيل", "محلل", "محلله", "الامين", "المدير", "كبير")

TITLES = tuple(fold(t) for t in TITLES)
ROLE_WORDS = tuple(fold(w) for w in ROLE_WORDS) + ("رييس", "رييسه")


def rx(pattern: str) -> re.Pattern:
    """A regex over folded text, written in ordinary Arabic: the pattern is folded the same way."""
    return re.compile(fold(pattern))


class _Chain:
    """The matches of one pattern over a whole folded text, found left to right as far as asked."""

    __slots__ = ("pattern", "it", "matches", "starts", "done", "empty", "absent")

    def __init__(self, pattern: re.Pattern, folded: str):
        self.pattern = pattern
        # no match anywhere in the text (a literal every match needs is missing): nothing to scan
        self.absent = not may_match(pattern, folded)
        self.it = None if self.absent else pattern.finditer(folded)
        self.matches: list[re.Match] = []
        self.starts: list[int] = []
        self.done = self.absent
        self.empty = False              # an empty match: its successor depends on where a scan starts

    def grow(self) -> bool:
        """Find one more match; False at the end of the text."""
        if self.done:
            return False
        m = next(self.it, None)
        if m is None:
            self.done = True
            return False
        if m.start() == m.end():
            self.empty = True
        self.matches.append(m)
        self.starts.append(m.start())
        return True


@dataclass
class View:
    """A source text and its folded form; regex matches on the folded text map back to the original.

    :meth:`finditer` scans the folded text once per pattern however many spans (sentences) a rule
    asks about: the matches found from the start of the text are kept, and a scan from a later
    position gives the same matches from the first one that starts there, unless that position falls
    inside a match (then, or for a pattern that matches the empty string, the span is scanned again).
    A pattern whose required literals (:mod:`graph_builder.text.prefilter`) the text lacks is not scanned."""

    text: str
    norm: Normalised
    _chains: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, text: str) -> "View":
        return cls(text, normalise(text))

    @property
    def folded(self) -> str:
        return self.norm.text

    def orig(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)

    def finditer(self, pattern: re.Pattern, start: int = 0, end: int | None = None):
        """(match, original start, original end) for matches inside original span [start, end).

        The same as scanning ``pattern.finditer(folded, first)`` from the folded offset of ``start``
        and stopping at the first match that starts at or after ``end``."""
        end = len(self.text) if end is None else end
        first = bisect.bisect_left(self.norm.starts, start)      # the search starts at the span, not at 0
        chain = self._chains.get(id(pattern))       # by id: hashing a compiled pattern hashes its whole code
        if chain is None:                            # (the chain holds the pattern, so its id stays its own)
            chain = self._chains[id(pattern)] = _Chain(pattern, self.folded)
        if chain.absent:
            return
        while (not chain.starts or chain.starts[-1] < first) and chain.grow():
            pass
        k = bisect.bisect_left(chain.starts, first)
        if chain.empty or (k and chain.matches[k - 1].end() > first):
            yield from self._scan(pattern, first, start, end)
            return
        to_original = self.norm.to_original
        while k < len(chain.matches) or chain.grow():
            if chain.empty:             # met while growing: the rest is scanned as before
                yield from self._scan(pattern, chain.matches[k].start(), start, end)
                return
            m = chain.matches[k]
            k += 1
            s, e = to_original(m.start(), m.end())
            if s >= end:
                break
            if s >= start and e <= end:
                yield m, s, e

    def _scan(self, pattern: re.Pattern, first: int, start: int, end: int):
        for m in pattern.finditer(self.folded, first):
            s, e = self.orig(m.start(), m.end())
            if s >= end:
                break
            if s >= start and e <= end:
                yield m, s, e

    def original_of(self, m: re.Match, group: int | str = 0) -> str:
        s, e = self.orig(m.start(group), m.end(group))
        return self.text[s:e]

    def folded_offset(self, orig_pos: int) -> int:
        """The folded offset of an original offset (first folded char at or after it)."""
        return bisect.bisect_left(self.norm.starts, orig_pos)


def arabic_names(ent: Entity) -> list[str]:
    """An entity's Arabic label and Arabic alternative labels, as written (empty ones kept)."""
    return [ent.label_ar] + [t for t, lang in ent.alt_labels if lang == "ar"]


def clean_name(name: str) -> str:
    """A person's name without surrounding punctuation, proclitic و and leading titles."""
    name = re.sub(r"\s+", " ", name.strip(" \t،,؛;:.()"))
    words = name.split(" ")
    while words and fold(words[0]).lstrip("و") in TITLES + ("",):
        words = words[1:]
    if words and words[0].startswith("و") and fold(words[0])[1:] in TITLES:
        words = words[1:]
    return " ".join(words)


def person(name_ar: str) -> Entity:
    """A person first seen in a report, keyed by the transliterated name (same IRI as the matcher's)."""
    return text_entities.person(clean_name(name_ar))


def is_name(text: str) -> bool:
    """Two to four Arabic words, none a role or function word: what a name line looks like."""
    words = fold(text).split()
    if not 1 <= len(words) <= 4:
        return False
    stop = set(ROLE_WORDS) | {"الذي", "التي", "في", "من", "عن", "الي", "حكومه", "الحكومه", "منتدي", "المنتدي"}
    return all(re.fullmatch(r"[\u0621-\u064a-]+", w) and w not in stop for w in words)


def process_meeting(process: Entity, year: int) -> Entity:
    """The meeting of a process in one year (GFMD 2007, HLD 2006): one entity per process and year."""
    acronym = process.notations[0] if process.notations else process.label_en
    return Entity(kind="event", slug=f"{process.slug}-{year}", cls="Meeting",
                  label_en=f"{acronym} {year}".strip(),
                  label_ar=f"{process.label_ar} {year}".strip(), from_text=True)


def sub_event(parent: Entity, key: str, label_ar: str, label_en: str = "") -> Entity:
    """A session, workshop or other part of a meeting, keyed under the meeting's slug."""
    return Entity(kind="event", slug=f"{parent.slug}-{key}", cls="Meeting", label_ar=label_ar,
                  label_en=label_en, from_text=True)


def year_of(value: str) -> int | None:
    m = re.search(r"(1[89]\d\d|20\d\d)", value)
    return int(m.group(1)) if m else None
