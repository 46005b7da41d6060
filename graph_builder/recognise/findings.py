"""What the builder finds in a document: entities, mentions of them, and facts with evidence.

These are the hand-over types between recognition (``gazetteer.py``/``matcher.py``), fact
rules (``facts/*.py``) and RDF emission (``emit.py``). They hold no IRIs as strings:
``Entity.kind``/``Entity.slug`` become ``Base.id(kind, slug)`` at emission.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text.model import Footnote, Paragraph, Section

Source = Paragraph | Footnote | Section


@dataclass(frozen=True)
class Entity:
    """One canonical thing: a gazetteer entry, or something first seen in a report."""

    kind: str                      # IRI path segment: state, org, process, body, place, region,
                                   # topic, person, event, commitment, publication
    slug: str                      # unique within kind; ISO alpha-3 for states
    cls: str                       # mdkg class local name: "State", "UNEntity", "Meeting", ...
    label_en: str = ""
    label_ar: str = ""
    alt_labels: tuple[tuple[str, str], ...] = ()   # (text, lang)
    notations: tuple[str, ...] = ()                # acronyms, ISO codes, topic slug
    codes: tuple[tuple[str, str], ...] = ()        # (property local name, value): ("m49Code", "608")
    links: tuple[tuple[str, str, str], ...] = ()   # defining links (property, kind, slug): ("inState", "state", "CHE")
    from_text: bool = False        # True when created from a report, not from the gazetteer

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.slug)


@dataclass(frozen=True)
class Mention:
    """A span of a source text that names an entity (offsets in code points of the source text)."""

    entity: Entity
    source: Source = field(hash=False, compare=False)
    start: int = 0
    end: int = 0
    surface: str = ""              # exactly source_text[start:end]
    rule: str = "gazetteer"
    # the capital a state's name also names as written here (تونس: Tunis), for a place slot to read; the
    # mention itself still names the state (name_variants.namesake_capitals)
    city: Entity | None = field(default=None, hash=False, compare=False)


@dataclass(frozen=True)
class Value:
    """A literal object: lexical form plus datatype local name in xsd (or a language tag)."""

    lexical: str
    datatype: str = "string"       # xsd local name: date, gYear, gYearMonth, integer, decimal, string
    lang: str = ""                 # set for rdf:langString


@dataclass(frozen=True)
class Fact:
    """``subject predicate object`` with its evidence paragraph, rule id and confidence."""

    subject: Entity
    predicate: str                 # mdkg local name ("addresses", "hostedBy", ...) or a full IRI
    object: Entity | Value
    evidence: Source = field(hash=False, compare=False)
    rule: str = ""
    confidence: float = 1.0
