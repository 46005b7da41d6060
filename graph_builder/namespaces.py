"""Namespaces and IRI minting, declared once.

Every IRI the builder or the service writes comes from here: the ontology
namespace, the standard vocabularies, and the instance / graph IRIs under a
configurable base (``https://w3id.org/mdkg/`` unless a deployer sets
``MDKG_BASE``). Nothing else in the code spells an IRI as a string.

``MDKG`` is closed: its terms are the ones ``ontology/mdkg.ttl`` declares (read once, at import)
plus the SPARQL extension functions of :mod:`graph_builder.text.arsearch`; a misspelt term raises
:class:`UnknownTerm` where it is written instead of minting an IRI nobody declared.
:func:`mdkg_subclasses` gives the ontology's class hierarchy, so no module copies it by hand.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

import pyoxigraph as ox

from .resources import ontology_file

DEFAULT_BASE = "https://w3id.org/mdkg/"


class Namespace:
    """A namespace IRI; ``NS.term`` / ``NS["term"]`` give pyoxigraph NamedNodes; ``str(NS)`` the IRI.

    Not a ``str`` subclass on purpose: string methods (``title``, ``count``, ``index``…) would
    shadow vocabulary terms of the same name.
    """

    __slots__ = ("_iri", "_terms")
    _MAX_TERMS = 4096   # terms kept per namespace (NamedNodes are immutable: one object serves every use)

    def __init__(self, iri: str):
        object.__setattr__(self, "_iri", iri)
        object.__setattr__(self, "_terms", {})

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> ox.NamedNode:
        term = self._terms.get(name)
        if term is None:
            term = ox.NamedNode(self._iri + name)
            if len(self._terms) < self._MAX_TERMS:
                self._terms[name] = term
        return term

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"Namespace({self._iri!r})"

    def __eq__(self, other) -> bool:
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(self._iri)

    def iri(self, name: str) -> str:
        return self._iri + name


class UnknownTerm(AttributeError, KeyError):
    """A term that a closed namespace does not declare."""


class ClosedNamespace(Namespace):
    """A :class:`Namespace` that only gives the terms it was built with (rdflib's
    ``DefinedNamespace`` with ``_fail = True``, for pyoxigraph terms)."""

    __slots__ = ("_terms", "_source")

    def __init__(self, iri: str, terms: frozenset[str], source: str):
        super().__init__(iri)
        object.__setattr__(self, "_terms", terms)
        object.__setattr__(self, "_source", source)

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(self.iri(name))

    def iri(self, name: str) -> str:
        if name not in self._terms:
            raise UnknownTerm(f"{self._iri}{name} is not declared in {self._source}")
        return self._iri + name

    def __contains__(self, name: str) -> bool:
        return name in self._terms

    @property
    def terms(self) -> frozenset[str]:
        return self._terms


def _read_ontology(path) -> list[ox.Quad]:
    with open(path, "rb") as handle:
        return list(ox.parse(handle, format=ox.RdfFormat.TURTLE))


def declared_terms(iri: str, triples: list[ox.Quad]) -> frozenset[str]:
    """Local names of the IRIs under ``iri`` that the ontology describes (as subjects)."""
    return frozenset(q.subject.value[len(iri):] for q in triples
                     if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(iri)
                     and len(q.subject.value) > len(iri))


_MDKG_IRI = "https://w3id.org/mdkg/ontology#"
_ONTOLOGY = _read_ontology(ontology_file("mdkg.ttl"))
_SUPERCLASSES: dict[str, set[str]] = {}
for _q in _ONTOLOGY:
    if (_q.predicate.value == "http://www.w3.org/2000/01/rdf-schema#subClassOf"
            and isinstance(_q.subject, ox.NamedNode) and isinstance(_q.object, ox.NamedNode)
            and _q.subject.value.startswith(_MDKG_IRI) and _q.object.value.startswith(_MDKG_IRI)):
        _SUPERCLASSES.setdefault(_q.subject.value[len(_MDKG_IRI):], set()).add(_q.object.value[len(_MDKG_IRI):])


def mdkg_subclasses(root: str) -> frozenset[str]:
    """``root`` and every ``mdkg:`` class under it (``rdfs:subClassOf``, transitively) in
    ``ontology/mdkg.ttl``, as local names: the class hierarchy read from the ontology."""
    found, todo = {root}, [root]
    while todo:
        parent = todo.pop()
        for cls, supers in _SUPERCLASSES.items():
            if parent in supers and cls not in found:
                found.add(cls)
                todo.append(cls)
    return frozenset(found)
# SPARQL extension functions (graph_builder.text.arsearch): IRIs in the namespace, not ontology terms.
_MDKG_FUNCTIONS = frozenset({"arMatch", "arFold"})
MDKG = ClosedNamespace(_MDKG_IRI, declared_terms(_MDKG_IRI, _ONTOLOGY) | _MDKG_FUNCTIONS, "ontology/mdkg.ttl")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

PREFIXES: dict[str, str] = {
    "mdkg": str(MDKG), "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL),
    "xsd": str(XSD), "skos": str(SKOS), "dcterms": str(DCTERMS), "foaf": str(FOAF),
    "org": str(ORG), "prov": str(PROV), "oa": str(OA), "geo": str(GEO),
}

_SLUG_BAD = re.compile(r"[^A-Za-z0-9._~\-]+")


def slugify(text: str) -> str:
    """An IRI-safe slug (ASCII letters, digits, ``-``); Arabic-only text gives ''."""
    return _SLUG_BAD.sub("-", text.strip()).strip("-").lower()


# Name of the build's facts graph (``<base>graph/facts``: each entity statement once; written by
# graph_builder.build.facts_graph, read by the named queries and sent by a remote store as a named graph).
FACTS_GRAPH = "facts"


@dataclass(frozen=True)
class Base:
    """Instance and graph IRIs under one base IRI (``.../id/{kind}/{slug}``, ``.../graph/{name}``)."""

    iri: str = DEFAULT_BASE

    @classmethod
    def from_env(cls) -> "Base":
        base = os.environ.get("MDKG_BASE", DEFAULT_BASE)
        return cls(base if base.endswith("/") else base + "/")

    def id(self, kind: str, slug: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.iri}id/{kind}/{slug}")

    def graph(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.iri}graph/{name}")

    @property
    def ontology_graph(self) -> ox.NamedNode:
        return self.graph("ontology")

    @property
    def reference_graph(self) -> ox.NamedNode:
        return self.graph("reference")

    @property
    def build_graph(self) -> ox.NamedNode:
        return self.graph("build")

    def document(self, slug: str) -> ox.NamedNode:
        return self.id("document", slug)

    def section(self, doc_slug: str, order: int) -> ox.NamedNode:
        return self.id("document", f"{doc_slug}/section/{order}")

    def paragraph(self, doc_slug: str, number: int) -> ox.NamedNode:
        return self.id("document", f"{doc_slug}/para/{number}")

    def footnote(self, doc_slug: str, order: int) -> ox.NamedNode:
        return self.id("document", f"{doc_slug}/footnote/{order}")
