"""The class hierarchy the fact rules test entities against, read from the ontology (``ontology/mdkg.ttl``).

:func:`kinds` gives a class's local name with every class under it (``kinds("Event")`` →
``{"Event", "Meeting", "PlannedMeeting"}``), read once per process from the ontology's
``rdfs:subClassOf`` triples by pyoxigraph's Turtle parser, so a class added to the ontology is seen by
every rule without a copy in code. It makes no facts.
"""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from ..namespaces import PREFIXES
from ..resources import ontology_file

_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


@lru_cache(maxsize=1)
def _children() -> dict[str, frozenset[str]]:
    mdkg = PREFIXES["mdkg"]
    children: dict[str, set[str]] = {}
    for t in ox.parse(path=str(ontology_file()), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == _SUBCLASS and isinstance(t.object, ox.NamedNode) \
                and t.subject.value.startswith(mdkg) and t.object.value.startswith(mdkg):
            children.setdefault(t.object.value[len(mdkg):], set()).add(t.subject.value[len(mdkg):])
    return {k: frozenset(v) for k, v in children.items()}


@lru_cache(maxsize=64)
def kinds(*names: str) -> frozenset[str]:
    """The classes ``names`` and every class under them (transitively), as local names."""
    out, todo = set(), list(names)
    children = _children()
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo.extend(children.get(c, ()))
    return frozenset(out)
