"""Validate a built graph: SHACL shapes (pyshacl) and OWL consistency (HermiT via owlready2).

What it does:

* SHACL: the union of all named graphs of the store is exported from pyoxigraph as
  N-Triples into rdflib and checked with pyshacl against ``ontology/shapes.ttl``; the
  ontology is given as ``ont_graph`` (no RDFS/OWL inference is run: SHACL's
  ``sh:targetClass`` already reaches instances of sub-classes through the ontology's
  ``rdfs:subClassOf`` triples).
* OWL: HermiT (Java, through owlready2) checks the ontology together with a *restricted*
  view of the data: the ``rdf:type`` assertions of individuals to classes the ontology
  declares, and the assertions of object properties the ontology declares between
  individuals. That is all that disjointness and domain/range axioms can act on, and it
  keeps HermiT fast on graphs of 10^5 triples. Literal values, labels, annotations and
  evidence are not sent (their checks are SHACL's job). Datatypes outside the OWL 2
  datatype map (``xsd:date``, ``xsd:gYear``) are ignored by HermiT.
* When HermiT finds the data inconsistent, a small pass in Python (asserted types,
  sub-classes, disjointness, domains and ranges, unions) names the offending
  individuals; it is a diagnosis, HermiT's answer is the verdict.

owlready2's world lives in a temporary directory, never in the repository.

What it does not: decide exit codes or whether a build is switched in (the CLI's job),
repair data, or run SPARQL-based (SHACL-AF) rules.
"""
from __future__ import annotations

import io
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import owlready2
import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from ..namespaces import PREFIXES
from ..resources import ontology_file
from ..build.store import resolve

RENDER_LINES = 40          # result lines shown per check by ValidationReport.render()
SKOLEM_PREFIX = "urn:mdkg:bnode:"
NOT_CHECKED = "not checked"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of both checks. ``conforms`` is SHACL's verdict, ``owl_consistent`` HermiT's."""

    conforms: bool
    shacl_text: str
    violation_count: int
    owl_consistent: bool
    owl_text: str
    offenders: tuple[str, ...] = ()          # focus nodes of violations, then inconsistent individuals
    triple_count: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the graph passes both the shapes and the reasoner."""
        return self.conforms and self.owl_consistent

    def render(self, max_lines: int = RENDER_LINES) -> str:
        """A summary for humans: verdicts, then the first ``max_lines`` lines of each check."""
        verdict = "PASSED" if self.ok else "FAILED"
        took = ", ".join(f"{k} {v:.1f} s" for k, v in self.timings.items())
        shacl = "conforms" if self.conforms else f"{self.violation_count} violation(s)"
        owl = "consistent" if self.owl_consistent else "NOT consistent"
        out = [f"MDKG validation {verdict}: {self.triple_count} triples ({took})"]
        for title, verdict_text, text in (("SHACL shapes", shacl, self.shacl_text),
                                          ("OWL (HermiT)", owl, self.owl_text)):
            if text == NOT_CHECKED:
                out.append(f"{title}: {NOT_CHECKED}")
            else:
                out.append(f"{title}: {verdict_text}")
                out += _indented(text, max_lines)
        return "\n".join(out)


def _indented(text: str, max_lines: int) -> list[str]:
    lines = [line for line in text.splitlines() if line.strip()]
    shown = ["  " + line for line in lines[:max_lines]]
    if len(lines) > max_lines:
        shown.append(f"  … {len(lines) - max_lines} more")
    return shown


# ---------------------------------------------------------------- entry points

def validate_store(store_path: str | Path, ontology: Path | None = None, shapes: Path | None = None,
                   owl: bool = True, shacl: bool = True) -> ValidationReport:
    """Validate the current build of the on-disk store at ``store_path`` (opened read-only)."""
    target = resolve(Path(store_path))
    if target is None:
        raise FileNotFoundError(f"{store_path}: no built MDKG store there")
    return validate_dataset(ox.Store.read_only(str(target)), ontology=ontology, shapes=shapes,
                            owl=owl, shacl=shacl)


def validate_dataset(store: ox.Store, ontology: Path | None = None, shapes: Path | None = None,
                     owl: bool = True, shacl: bool = True) -> ValidationReport:
    """Validate every graph of ``store`` against the shapes (``shacl``) and the ontology (``owl``).

    A check switched off counts as passed and says "not checked" in its text.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    onto = load_turtle(ontology or ontology_file("mdkg.ttl"))
    shape_graph = load_turtle(shapes or ontology_file("shapes.ttl")) if shacl else None
    data = union_graph(store)
    triple_count = len(data)
    timings["export"] = time.perf_counter() - t0

    consistent, owl_text, bad_individuals = True, NOT_CHECKED, []
    if owl:
        t0 = time.perf_counter()
        consistent, owl_text, bad_individuals = check_consistency(data, onto)
        timings["owl"] = time.perf_counter() - t0

    conforms, shacl_text, violations, focus = True, NOT_CHECKED, 0, []
    if shape_graph is not None:
        t0 = time.perf_counter()
        conforms, shacl_text, violations, focus = check_shapes(data, onto, shape_graph, inplace=True)
        timings["shacl"] = time.perf_counter() - t0

    return ValidationReport(conforms=conforms, shacl_text=shacl_text, violation_count=violations,
                            owl_consistent=consistent, owl_text=owl_text,
                            offenders=tuple(dict.fromkeys(focus + bad_individuals)),
                            triple_count=triple_count, timings=timings)


# ---------------------------------------------------------------- loading

def load_turtle(path: Path) -> rdflib.Graph:
    """A Turtle file as an rdflib graph; a syntax error names the file and line."""
    graph = rdflib.Graph()
    try:
        graph.parse(str(path), format="turtle")
    except Exception as exc:  # rdflib raises several parser error types
        raise ValueError(f"{path}: cannot parse Turtle: {exc}") from exc
    return graph


def union_graph(store: ox.Store) -> rdflib.Graph:
    """All triples of all graphs of ``store`` (default and named) as one rdflib graph."""
    nt = ox.serialize((quad.triple for quad in store.quads_for_pattern(None, None, None, None)),
                      format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    if nt:
        graph.parse(data=nt, format="nt")
    return graph


def short(term) -> str:
    """A term in prefixed form where a project prefix fits (``mdkg:State``), else as N-Triples."""
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(term, Literal):
        return term.n3()
    return f"_:{text}"


# ---------------------------------------------------------------- SHACL

def check_shapes(data: rdflib.Graph, ontology: rdflib.Graph, shapes: rdflib.Graph,
                 inplace: bool = False) -> tuple[bool, str, int, list[str]]:
    """(conforms, one line per result, number of violations, focus nodes) from pyshacl.

    With ``inplace`` the ontology is mixed into ``data`` itself instead of into a copy.
    """
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none",
        abort_on_first=False, allow_warnings=True, advanced=False, inplace=inplace)
    lines, focus, violations = [], [], 0
    for result in results.subjects(RDF.type, SH.ValidationResult):
        node = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        violations += severity == SH.Violation
        focus.append(short(node))
        lines.append(_result_line(results, result, node, severity))
    return bool(conforms), "\n".join(sorted(lines)), violations, list(dict.fromkeys(focus))


def _result_line(results: rdflib.Graph, result, node, severity) -> str:
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = results.value(result, SH.resultMessage) or results.value(result, SH.sourceConstraintComponent)
    level = "" if severity == SH.Violation else f"[{short(severity).rsplit('#', 1)[-1]}] "
    where = f" {short(path)}" if isinstance(path, URIRef) else ""
    got = f" (value {short(value)})" if value is not None else ""
    return f"{level}{short(node)}{where}: {message}{got}"


# ---------------------------------------------------------------- OWL

@dataclass(frozen=True)
class OntologyView:
    """What the consistency check needs from the ontology: its IRI, classes, object
    properties, named ancestors, disjoint pairs and domains/ranges (each as a set of
    alternative classes: one class, or the members of an owl:unionOf)."""

    iri: str
    classes: frozenset
    object_properties: frozenset
    declared: frozenset
    ancestors: dict
    disjoint: frozenset
    domains: dict
    ranges: dict

    def is_disjoint(self, a, b) -> bool:
        return frozenset((a, b)) in self.disjoint


def ontology_view(onto: rdflib.Graph) -> OntologyView:
    """Read the parts of the ontology that the diagnosis of inconsistencies uses."""
    iri = next(iter(onto.subjects(RDF.type, OWL.Ontology)), None)
    if iri is None:
        raise ValueError("the ontology graph has no owl:Ontology")
    classes = frozenset(c for c in onto.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    props = frozenset(p for p in onto.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef))
    declared = frozenset(s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                                     OWL.AnnotationProperty, OWL.Ontology, RDFS.Datatype)
                         for s in onto.subjects(RDF.type, t))
    return OntologyView(
        iri=str(iri), classes=classes, object_properties=props, declared=declared,
        ancestors={c: _closure(onto, c, RDFS.subClassOf) for c in classes},
        disjoint=_disjoint_pairs(onto),
        domains=_property_classes(onto, props, RDFS.domain),
        ranges=_property_classes(onto, props, RDFS.range))


def _closure(graph: rdflib.Graph, start, predicate) -> frozenset:
    seen, todo = {start}, [start]
    while todo:
        for parent in graph.objects(todo.pop(), predicate):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return frozenset(seen)


def _disjoint_pairs(onto: rdflib.Graph) -> frozenset:
    pairs = {frozenset(p) for p in onto.subject_objects(OWL.disjointWith)}
    for axiom in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(onto, onto.value(axiom, OWL.members)))
        pairs.update(frozenset(p) for p in combinations(members, 2))
    return frozenset(pairs)


def _property_classes(onto: rdflib.Graph, props, predicate) -> dict:
    """For each property (and inherited from its super-properties): list of alternative-class sets."""
    out = {}
    for prop in props:
        alternatives = []
        for p in _closure(onto, prop, RDFS.subPropertyOf):
            for cls in onto.objects(p, predicate):
                union = onto.value(cls, OWL.unionOf)
                members = Collection(onto, union) if union is not None else [cls]
                alternatives.append(frozenset(m for m in members if isinstance(m, URIRef)))
        out[prop] = [a for a in alternatives if a]
    return out


def _node(term):
    """Blank nodes become IRIs so that owlready2 treats them as named individuals."""
    return URIRef(SKOLEM_PREFIX + str(term)) if isinstance(term, BNode) else term


def hermit_input(data: rdflib.Graph, onto: rdflib.Graph, view: OntologyView) -> tuple[bytes, int]:
    """(N-Triples, number of individuals) for HermiT: the ontology plus the individuals'
    types (classes the ontology declares) and object-property links between them."""
    graph = rdflib.Graph()
    for triple in onto:
        graph.add(triple)
    individuals = set()
    for s, cls in data.subject_objects(RDF.type):
        if cls in view.classes and s not in view.declared:
            graph.add((_node(s), RDF.type, cls))
            individuals.add(_node(s))
    for prop in view.object_properties:
        for s, o in data.subject_objects(prop):
            if isinstance(o, Literal) or s in view.declared or o in view.declared:
                continue
            graph.add((_node(s), prop, _node(o)))
            individuals.update((_node(s), _node(o)))
    for ind in individuals:
        graph.add((ind, RDF.type, OWL.NamedIndividual))
    return graph.serialize(format="nt", encoding="utf-8"), len(individuals)


def check_consistency(data: rdflib.Graph, onto: rdflib.Graph) -> tuple[bool, str, list[str]]:
    """(consistent, explanation, offending individuals) from HermiT on ontology + data view."""
    view = ontology_view(onto)
    payload, individuals = hermit_input(data, onto, view)
    with tempfile.TemporaryDirectory(prefix="mdkg-owl-") as tmp:
        world = owlready2.World(filename=str(Path(tmp) / "world.sqlite3"))
        try:
            world.get_ontology(view.iri).load(fileobj=io.BytesIO(payload), format="ntriples")
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0,
                                           ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            found = diagnose(data, view)
            text = "\n".join(line for _, line in found) or (
                "HermiT found the ontology and data inconsistent; the offending individuals "
                "could not be localised by the simple diagnosis.")
            return False, text, [node for node, _ in found]
        except (owlready2.OwlReadyJavaError, OSError) as exc:
            return False, f"HermiT could not run, so consistency is unknown: {exc}", []
        finally:
            world.close()
    return True, f"consistent ({individuals} individuals checked)", []


# ---------------------------------------------------------------- diagnosis

def diagnose(data: rdflib.Graph, view: OntologyView) -> list[tuple[str, str]]:
    """(individual, explanation) for each individual whose types clash with disjointness.

    Types come from rdf:type (with super-classes) and from the domains/ranges of the object
    properties it is used with; a union domain/range clashes when every member does.
    """
    definite: dict = defaultdict(dict)        # node -> {class: why}
    choices: dict = defaultdict(list)         # node -> [(alternatives, why)]

    def require(node, alternatives, why):
        if len(alternatives) == 1:
            (cls,) = alternatives
            for anc in view.ancestors.get(cls, {cls}):
                definite[node].setdefault(anc, why)
        else:
            choices[node].append((alternatives, why))

    for s, cls in data.subject_objects(RDF.type):
        if cls in view.classes and s not in view.declared:
            require(s, frozenset((cls,)), f"typed {short(cls)}")
    for prop in view.object_properties:
        for s, o in data.subject_objects(prop):
            if isinstance(o, Literal):
                continue
            for alts in view.domains.get(prop, []):
                require(s, alts, f"subject of {short(prop)} {short(o)}")
            for alts in view.ranges.get(prop, []):
                require(o, alts, f"object of {short(s)} {short(prop)}")

    found = []
    for node in sorted(set(definite) | set(choices), key=str):
        problem = _clash(definite[node], view) or _union_clash(definite[node], choices[node], view)
        if problem:
            found.append((short(node), f"{short(node)}: {problem}"))
    return found


def _clash(classes: dict, view: OntologyView) -> str:
    for a, b in combinations(sorted(classes, key=str), 2):
        if view.is_disjoint(a, b):
            return (f"{classes[a]} and {classes[b]}, but {short(a)} and {short(b)} are disjoint")
    return ""


def _union_clash(classes: dict, choices: list, view: OntologyView) -> str:
    for alternatives, why in choices:
        blocked = {}
        for alt in alternatives:
            hit = next(((anc, d) for anc in view.ancestors.get(alt, {alt}) for d in classes
                        if view.is_disjoint(anc, d)), None)
            if hit is None:
                break
            blocked[alt] = hit
        else:
            _, (anc, d) = next(iter(blocked.items()))
            names = ", ".join(sorted(short(a) for a in alternatives))
            return (f"{why} makes it one of {names}, but it is {short(d)} ({classes[d]}), "
                    f"disjoint from each of them")
    return ""


def validate_quads(quads, ontology: Path | None = None, shapes: Path | None = None) -> ValidationReport:
    """SHACL only, over a list of quads (one report's graph, say): what a build checks per document."""
    st = ox.Store()
    st.extend(quads)
    return validate_dataset(st, ontology=ontology, shapes=shapes, owl=False)
