"""The vocabulary's domains and ranges as a check on every family's facts, read from the ontology.

A fact whose subject is not of its predicate's ``rdfs:domain`` or whose object is not of its ``rdfs:range``
states something the ontology makes false or inconsistent: a state as a meeting's ``mdkg:location`` makes the
state an ``mdkg:Place``, and ``mdkg:Actor`` and ``mdkg:Place`` are disjoint (HermiT then finds the build
inconsistent). :func:`admitted` keeps the facts of one family's run that fit their predicate and drops the
others, logging each dropped fact's rule id (logger ``mdkg.facts.ranges``), so a rule that emits out of range
is named once, wherever in the family it sits. :meth:`FactContext.family_facts` runs it on every family's output.

The domains and ranges are read once per process from ``ontology/mdkg.ttl`` (``rdfs:domain``/``rdfs:range`` of
each ``mdkg:`` property, a class or an ``owl:unionOf`` list of classes; several statements must all hold), and a
class admits its subclasses (:func:`graph_builder.facts.classes.kinds`). Only ``mdkg:`` classes are checked
against an entity's class: a datatype range, a range of another vocabulary and a literal object are left to the
SHACL shapes. It makes no facts and reads no text.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..namespaces import PREFIXES
from ..recognise.findings import Entity, Fact
from ..resources import ontology_file
from .classes import kinds

LOG = logging.getLogger("mdkg.facts.ranges")
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_UNION = "http://www.w3.org/2002/07/owl#unionOf"
_ROLES = {_RDFS + "domain": "domain", _RDFS + "range": "range"}

# property local name -> (role -> the statements of that role, each a tuple of alternative mdkg class names)
Signatures = dict[str, dict[str, tuple[tuple[str, ...], ...]]]


@lru_cache(maxsize=1)
def signatures() -> Signatures:
    """Each ``mdkg:`` property's domain and range statements whose classes are all ``mdkg:`` classes."""
    mdkg = PREFIXES["mdkg"]
    triples = list(ox.parse(path=str(ontology_file()), format=ox.RdfFormat.TURTLE))
    first = {t.subject: t.object for t in triples if t.predicate.value == _RDF + "first"}
    rest = {t.subject: t.object for t in triples if t.predicate.value == _RDF + "rest"}
    unions = {t.subject: t.object for t in triples if t.predicate.value == _UNION}

    def members(node) -> list:
        if isinstance(node, ox.NamedNode):
            return [node]
        out, cell = [], unions.get(node)
        while cell is not None and cell in first:
            out.append(first[cell])
            cell = rest.get(cell)
        return out

    sigs: dict[str, dict[str, list]] = {}
    for t in triples:
        role = _ROLES.get(t.predicate.value)
        if role is None or not t.subject.value.startswith(mdkg):
            continue
        classes = members(t.object)
        if classes and all(isinstance(c, ox.NamedNode) and c.value.startswith(mdkg) for c in classes):
            names = tuple(c.value[len(mdkg):] for c in classes)
            sigs.setdefault(t.subject.value[len(mdkg):], {}).setdefault(role, []).append(names)
    return {p: {r: tuple(v) for r, v in roles.items()} for p, roles in sigs.items()}


def _fits(cls: str, statements: tuple[tuple[str, ...], ...]) -> bool:
    return all(cls in kinds(*alternatives) for alternatives in statements)


def breach(fact: Fact) -> str | None:
    """``"domain"`` or ``"range"`` when the fact's subject or object entity is not of its predicate's domain or
    range, else None (a predicate the ontology gives neither, a literal object, a range of no mdkg class)."""
    sig = signatures().get(fact.predicate)
    if sig is None:
        return None
    if "domain" in sig and not _fits(fact.subject.cls, sig["domain"]):
        return "domain"
    if "range" in sig and isinstance(fact.object, Entity) and not _fits(fact.object.cls, sig["range"]):
        return "range"
    return None


def admitted(facts: Iterable[Fact], family: str = "") -> Iterator[Fact]:
    """``facts`` without those that break their predicate's domain or range; each dropped fact is logged with
    its rule id."""
    for f in facts:
        broken = breach(f)
        if broken is None:
            yield f
            continue
        side = f.subject if broken == "domain" else f.object
        LOG.warning("%s: rule %s emitted mdkg:%s with %s %s/%s (mdkg:%s), outside its %s; dropped",
                    family or "facts", f.rule or "?", f.predicate, "subject" if broken == "domain" else "object",
                    side.kind, side.slug, side.cls, broken)
