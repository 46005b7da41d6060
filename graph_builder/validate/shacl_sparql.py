"""A fast SHACL checker: the project's shapes compiled to SPARQL and run in pyoxigraph.

What it does:

* :class:`FastShapes` reads a shapes file (``ontology/shapes.ttl`` by default) once and
  compiles every constraint of every targeted shape into one SPARQL SELECT that returns the
  focus nodes violating it (``?this``), with the offending value (``?value``) where SHACL
  reports one. Nested shapes (``sh:node``, ``sh:or``, ``sh:qualifiedValueShape``) become
  ``EXISTS`` sub-patterns, so one query per constraint is enough.
* :meth:`FastShapes.check_quads` loads one graph (a report's quads, say) and the ontology
  into a fresh in-memory store, runs the queries over the union of its graphs and returns a
  :class:`graph_builder.validate.validate.ValidationReport` with the SHACL fields filled and the OWL
  check "not checked". ``sh:targetClass`` and ``sh:class`` follow ``rdfs:subClassOf*`` in
  that store, exactly as pyshacl does with the ontology mixed into the data graph.
* Only the SHACL Core features that ``shapes.ttl`` uses are compiled (targets by class and
  by subject-of; simple IRI paths; min/max count; datatype; nodeKind; class; pattern;
  languageIn; uniqueLang; min/max inclusive and exclusive; hasValue; lessThanOrEquals;
  node; or; qualified value shape with a minimum count; message; severity; deactivated).
  Any other ``sh:`` parameter raises :class:`UnsupportedShapeError` at compile time naming
  the shape, so an unknown feature can never pass silently.

What it does not: replace pyshacl as the reference (``mdkg validate`` keeps it), run the
OWL reasoner, support SHACL-SPARQL or complex property paths. Literal well-formedness is
checked, like rdflib does for pyshacl, only for the XSD types SPARQL can cast (integer,
decimal, float, double, boolean, date, time, dateTime); other datatypes match by IRI.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from ..namespaces import PREFIXES
from ..resources import ontology_file
from .validate import NOT_CHECKED, ValidationReport, load_turtle

# Datatypes whose lexical form SPARQL can check with a cast (the XSD constructor functions).
CASTABLE = frozenset(XSD[n] for n in ("integer", "decimal", "float", "double", "boolean",
                                      "date", "time", "dateTime"))
NODE_KINDS = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
# sh: parameters that carry no constraint of their own (or are read by their owner).
DESCRIPTIVE = frozenset((SH.message, SH.severity, SH.deactivated, SH.name, SH.description,
                         SH.order, SH.group, SH.defaultValue))
TARGETS = frozenset((SH.targetClass, SH.targetSubjectsOf))
VALUE_PARAMS = frozenset((SH.datatype, SH.nodeKind, SH["class"], SH.pattern, SH.flags, SH.languageIn,
                          SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
                          SH.node, SH["or"], SH.hasValue))
PROPERTY_PARAMS = frozenset((SH.path, SH.minCount, SH.maxCount, SH.uniqueLang, SH.qualifiedValueShape,
                             SH.qualifiedMinCount, SH.lessThanOrEquals))
SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))
BAD_VALUE = "<urn:mdkg:shacl-sparql:ill-formed>"   # COALESCE fallback: a cast that failed


class UnsupportedShapeError(ValueError):
    """The shapes use a SHACL feature this compiler does not translate."""


@dataclass(frozen=True)
class Constraint:
    """One compiled constraint: a SELECT of ``?this`` (and ``?value``) for its violations."""

    shape: str              # the shape it belongs to, for people (``mdkgsh:StateShape``)
    component: str          # SHACL constraint component, e.g. ``sh:MinCountConstraintComponent``
    path: str               # the property path in prefixed form, "" for a node-level constraint
    message: str
    severity: str           # ``Violation``, ``Warning`` or ``Info``
    query: str              # SELECT DISTINCT ?focus (and ?value when ``reports_value``)
    reports_value: bool = False
    detail_of: str = ""     # query of the sh:node constraint this is a nested result of


@dataclass(frozen=True)
class Result:
    """One violation found."""

    focus: str
    constraint: Constraint
    value: str = ""

    def line(self) -> str:
        """The same layout as validate.py's lines: ``node path: message (value v)``."""
        c = self.constraint
        level = "" if c.severity == "Violation" else f"[{c.severity}] "
        where = f" {c.path}" if c.path else ""
        got = f" (value {self.value})" if self.value else ""
        return f"{level}{self.focus}{where}: {c.message}{got}"


# ---------------------------------------------------------------- terms

def term_text(term) -> str:
    """A pyoxigraph term in prefixed form where a project prefix fits, else as N-Triples."""
    if isinstance(term, ox.NamedNode):
        return short_iri(term.value)
    return str(term)


def short_iri(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def sparql_term(term) -> str:
    """An rdflib IRI or literal as SPARQL syntax."""
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    raise TypeError(f"not an IRI or literal: {term!r}")


# ---------------------------------------------------------------- compiler

class _Compiler:
    """Turns the shapes graph into :class:`Constraint` queries; one instance per compilation."""

    def __init__(self, shapes: rdflib.Graph, source: str, closure: dict[str, frozenset[str]]):
        self.g = shapes
        self.source = source
        self.closure = closure
        self.counter = 0

    def instance_of(self, node: str, cls) -> str:
        """A pattern: ``node`` has rdf:type ``cls`` or one of its sub-classes."""
        if not isinstance(cls, URIRef):
            raise UnsupportedShapeError(f"{self.source}: class {cls!r} is not an IRI")
        classes = sorted(self.closure.get(str(cls), {str(cls)}))
        if len(classes) == 1:
            return f"{node} a <{classes[0]}> ."
        name = self.var("c")
        return f"VALUES {name} {{ {' '.join(f'<{c}>' for c in classes)} }} {node} a {name} ."

    # -- helpers
    def var(self, stem: str) -> str:
        self.counter += 1
        return f"?{stem}{self.counter}"

    def name(self, shape) -> str:
        if isinstance(shape, URIRef):
            text = str(shape)
            for prefix, ns in (("mdkgsh", "https://w3id.org/mdkg/shapes#"), *PREFIXES.items()):
                if text.startswith(ns):
                    return f"{prefix}:{text[len(ns):]}"
            return f"<{text}>"
        owner = self.g.value(predicate=SH.property, object=shape)
        path = self.g.value(shape, SH.path)
        if owner is not None:
            return f"{self.name(owner)} (property {self.path_text(path)})" if path is not None \
                else f"{self.name(owner)} (a property shape)"
        return f"a blank-node shape on {self.path_text(path)}" if path is not None else "a blank-node shape"

    def path_text(self, path) -> str:
        return short_iri(str(path)) if isinstance(path, URIRef) else "(complex path)"

    def fail(self, shape, what: str):
        raise UnsupportedShapeError(f"{self.source}: shape {self.name(shape)}: {what}")

    def one(self, shape, param):
        values = list(self.g.objects(shape, param))
        if len(values) > 1:
            self.fail(shape, f"more than one {short_iri(str(param)).replace('<', '').replace('>', '')} "
                             f"is not supported")
        return values[0] if values else None

    def integer(self, shape, param) -> int | None:
        value = self.one(shape, param)
        if value is None:
            return None
        if not (isinstance(value, Literal) and isinstance(value.value, int) and value.value >= 0):
            self.fail(shape, f"sh:{param.split('#')[-1]} must be a non-negative integer, not {value.n3()}")
        return int(value.value)

    def items(self, shape, head) -> list:
        try:
            return list(Collection(self.g, head))
        except Exception as exc:  # a malformed RDF list
            self.fail(shape, f"not an RDF list: {exc}")

    def message(self, shape) -> str:
        messages = list(self.g.objects(shape, SH.message))
        english = [m for m in messages if isinstance(m, Literal) and m.language in (None, "en")]
        return str((english or messages)[0]) if messages else ""

    def severity(self, shape) -> str:
        sev = self.one(shape, SH.severity)
        if sev is None:
            return "Violation"
        if sev not in (SH.Violation, SH.Warning, SH.Info):
            self.fail(shape, f"unknown sh:severity {sev.n3()}")
        return str(sev).split("#")[-1]

    def deactivated(self, shape) -> bool:
        flag = self.one(shape, SH.deactivated)
        return isinstance(flag, Literal) and flag.value is True

    def check_parameters(self, shape, is_property: bool) -> None:
        allowed = DESCRIPTIVE | VALUE_PARAMS | {SH.property}
        allowed |= PROPERTY_PARAMS if is_property else TARGETS
        for p in set(self.g.predicates(shape, None)):
            if str(p).startswith(str(SH)) and p not in allowed:
                self.fail(shape, f"unsupported SHACL feature sh:{str(p)[len(str(SH)):]}")
        if (shape, RDF.type, RDFS.Class) in self.g:
            self.fail(shape, "implicit class targets (a shape that is also an rdfs:Class) are not supported")

    # -- violation patterns: a list of (component, pattern, value variable or "")
    def violations(self, shape, focus: str, with_properties: bool = True) -> list[tuple[str, str, str]]:
        """Group-pattern bodies that have a solution iff ``focus`` violates ``shape`` (with or
        without the constraints of its ``sh:property`` shapes)."""
        if self.deactivated(shape):
            return []
        path = self.one(shape, SH.path)
        is_property = path is not None
        self.check_parameters(shape, is_property)
        out: list[tuple[str, str, str]] = []
        if is_property:
            if not isinstance(path, URIRef):
                self.fail(shape, "only a single IRI is supported as sh:path")
            out += self.property_counts(shape, focus, sparql_term(path))
            value = self.var("v")
            bind = f"{focus} {sparql_term(path)} {value} . "
        else:
            value, bind = focus, ""
        for component, test in self.value_tests(shape, value):
            out.append((component, bind + test, value))
        has_value = self.one(shape, SH.hasValue)
        if has_value is not None:
            term = sparql_term(has_value)
            pattern = (f"FILTER NOT EXISTS {{ {focus} {sparql_term(path)} {term} }}" if is_property
                       else f"FILTER(!sameTerm({focus}, {term}))")
            out.append(("sh:HasValueConstraintComponent", pattern, ""))
        for prop in self.g.objects(shape, SH.property) if with_properties else ():
            out += self.violations(prop, focus)
        return out

    def property_counts(self, shape, focus: str, path: str) -> list[tuple[str, str, str]]:
        out = []
        low, high = self.integer(shape, SH.minCount), self.integer(shape, SH.maxCount)
        if low:
            out.append(("sh:MinCountConstraintComponent",
                        f"FILTER NOT EXISTS {{ {self.distinct_values(focus, path, low)} }}", ""))
        if high is not None:
            out.append(("sh:MaxCountConstraintComponent", self.distinct_values(focus, path, high + 1), ""))
        unique = self.one(shape, SH.uniqueLang)
        if isinstance(unique, Literal) and unique.value is True:
            a, b = self.var("a"), self.var("b")
            out.append(("sh:UniqueLangConstraintComponent",
                        f"{focus} {path} {a} . {focus} {path} {b} . FILTER(!sameTerm({a}, {b}) && "
                        f"isLiteral({a}) && isLiteral({b}) && lang({a}) != \"\" && "
                        f"LCASE(lang({a})) = LCASE(lang({b})))", ""))
        qualified = self.one(shape, SH.qualifiedValueShape)
        q_min = self.integer(shape, SH.qualifiedMinCount)
        if (qualified is None) != (q_min is None):
            self.fail(shape, "sh:qualifiedValueShape needs sh:qualifiedMinCount (and is supported only with it)")
        if qualified is not None and q_min:
            out.append(("sh:QualifiedMinCountConstraintComponent",
                        f"FILTER NOT EXISTS {{ {self.distinct_values(focus, path, q_min, qualified)} }}", ""))
        other = self.one(shape, SH.lessThanOrEquals)
        if other is not None:
            if not isinstance(other, URIRef):
                self.fail(shape, "sh:lessThanOrEquals must be an IRI")
            v, o = self.var("v"), self.var("o")
            out.append(("sh:LessThanOrEqualsConstraintComponent",
                        f"{focus} {path} {v} . {focus} {sparql_term(other)} {o} . "
                        f"FILTER(!COALESCE({v} <= {o}, false))", v))
        return out

    def distinct_values(self, focus: str, path: str, n: int, conforming=None) -> str:
        """A pattern matching ``n`` distinct values of ``path`` (each conforming to a shape, if given)."""
        names = [self.var("n") for _ in range(n)]
        parts = [f"{focus} {path} {v} ." for v in names]
        tests = [f"!sameTerm({a}, {b})" for a, b in combinations(names, 2)]
        if conforming is not None:
            tests += [self.conforms(conforming, v) for v in names]
        return " ".join(parts) + (f" FILTER({' && '.join(tests)})" if tests else "")

    def conforms(self, shape, node: str) -> str:
        """A SPARQL expression, true iff ``node`` conforms to ``shape``."""
        patterns = [p for _, p, _ in self.violations(shape, node)]
        return "(" + " && ".join(f"NOT EXISTS {{ {p} }}" for p in patterns) + ")" if patterns else "true"

    def value_tests(self, shape, v: str) -> list[tuple[str, str]]:
        """(component, pattern) for the constraints on each value node ``v`` of ``shape``."""
        out = []
        dt = self.one(shape, SH.datatype)
        if dt is not None:
            out.append(("sh:DatatypeConstraintComponent", f"FILTER(!({self.datatype_test(shape, dt, v)}))"))
        kind = self.one(shape, SH.nodeKind)
        if kind is not None:
            if kind not in NODE_KINDS:
                self.fail(shape, f"unknown sh:nodeKind {kind.n3()}")
            out.append(("sh:NodeKindConstraintComponent", f"FILTER(!{NODE_KINDS[kind].format(v=v)})"))
        for cls in self.g.objects(shape, SH["class"]):
            out.append(("sh:ClassConstraintComponent",
                        f"FILTER NOT EXISTS {{ {self.instance_of(v, cls)} }}"))
        pattern = self.one(shape, SH.pattern)
        if pattern is not None:
            flags = self.one(shape, SH.flags)
            extra = f", {sparql_term(Literal(str(flags)))}" if flags is not None else ""
            out.append(("sh:PatternConstraintComponent",
                        f"FILTER(isBlank({v}) || !REGEX(STR({v}), {sparql_term(Literal(str(pattern)))}{extra}))"))
        elif self.one(shape, SH.flags) is not None:
            self.fail(shape, "sh:flags without sh:pattern")
        languages = self.one(shape, SH.languageIn)
        if languages is not None:
            tags = [str(t) for t in self.items(shape, languages)]
            matches = " || ".join(f"langMatches(lang({v}), {sparql_term(Literal(t))})" for t in tags) or "false"
            out.append(("sh:LanguageInConstraintComponent", f"FILTER(!(isLiteral({v}) && ({matches})))"))
        for param, op, name in ((SH.minInclusive, "<=", "MinInclusive"), (SH.minExclusive, "<", "MinExclusive")):
            bound = self.one(shape, param)
            if bound is not None:
                out.append((f"sh:{name}ConstraintComponent",
                            f"FILTER(!COALESCE({sparql_term(bound)} {op} {v}, false))"))
        for param, op, name in ((SH.maxInclusive, "<=", "MaxInclusive"), (SH.maxExclusive, "<", "MaxExclusive")):
            bound = self.one(shape, param)
            if bound is not None:
                out.append((f"sh:{name}ConstraintComponent",
                            f"FILTER(!COALESCE({v} {op} {sparql_term(bound)}, false))"))
        for node_shape in self.g.objects(shape, SH.node):
            out.append(("sh:NodeConstraintComponent", f"FILTER(!{self.conforms(node_shape, v)})"))
        for head in self.g.objects(shape, SH["or"]):
            members = self.items(shape, head)
            either = " || ".join(self.conforms(m, v) for m in members) or "false"
            out.append(("sh:OrConstraintComponent", f"FILTER(!({either}))"))
        return out

    def datatype_test(self, shape, dt, v: str) -> str:
        if not isinstance(dt, URIRef):
            self.fail(shape, "sh:datatype must be an IRI")
        if dt == RDF.langString:
            return f"isLiteral({v}) && lang({v}) != \"\""
        test = f"isLiteral({v}) && datatype({v}) = <{dt}>"
        if dt in CASTABLE:
            test += f" && isLiteral(COALESCE(<{dt}>({v}), {BAD_VALUE}))"
        return test

    # -- top level
    def targets(self, shape) -> str:
        parts = [f"{{ {self.instance_of('?this', c)} }}" for c in self.g.objects(shape, SH.targetClass)]
        parts += [f"{{ ?this {sparql_term(p)} [] }}" for p in self.g.objects(shape, SH.targetSubjectsOf)]
        return " UNION ".join(parts)

    def compile(self) -> list[Constraint]:
        out = []
        shapes = set(self.g.subjects(RDF.type, SH.NodeShape)) | set(self.g.subjects(RDF.type, SH.PropertyShape))
        for p in (SH.targetNode, SH.targetObjectsOf):
            for shape in self.g.subjects(p, None):
                self.fail(shape, f"unsupported SHACL feature sh:{str(p)[len(str(SH)):]}")
        shapes |= {s for p in TARGETS for s in self.g.subjects(p, None)}
        for shape in sorted(shapes, key=str):
            target = self.targets(shape)
            if not target:             # used through sh:node only: compile to check its features
                self.violations(shape, "?this")
                continue
            if self.one(shape, SH.path) is not None:
                self.fail(shape, "a property shape with its own target is not supported")
            out += self.compile_shape(shape, target)
        return out

    def compile_shape(self, node_shape, target: str) -> list[Constraint]:
        """Every Constraint of ``node_shape`` (its property shapes included) over its targets."""
        return self.emit(node_shape, "?this", target, depth=0, parent="")

    def emit(self, shape, focus: str, context: str, depth: int, parent: str) -> list[Constraint]:
        """Constraints of ``shape`` for ``focus`` as bound by the ``context`` pattern.

        The shape reached through ``sh:node`` is emitted too, with the value node as focus:
        pyshacl reports those nested results (its ``sh:detail``) beside the outer one.
        """
        if depth > 8:
            raise UnsupportedShapeError(f"{self.source}: shape {self.name(shape)}: sh:node nested too deep "
                                        f"(recursive shapes are not supported)")
        out = []
        owners = [(shape, False)] + [(p, True) for p in self.g.objects(shape, SH.property)]
        for owner, with_properties in owners:
            if self.deactivated(owner):
                continue
            path = self.one(owner, SH.path)
            inner_shapes = list(self.g.objects(owner, SH.node))
            for component, pattern, value in self.violations(owner, focus, with_properties):
                select_value = f"({value} AS ?value)" if value else ""
                out.append(Constraint(
                    shape=self.name(owner), component=component,
                    path=short_iri(str(path)) if isinstance(path, URIRef) else "",
                    message=self.message(owner) or f"{component} not satisfied",
                    severity=self.severity(owner),
                    query=f"SELECT DISTINCT ({focus} AS ?focus) {select_value} WHERE {{ {context} {pattern} }}",
                    reports_value=bool(value), detail_of=parent))
                if component == "sh:NodeConstraintComponent":   # in the order of value_tests
                    node = self.var("d") if path is not None else focus
                    step = f" {focus} {sparql_term(path)} {node} ." if path is not None else ""
                    out += self.emit(inner_shapes.pop(0), node, context + step, depth + 1, out[-1].query)
        return out

def compile_shapes(shapes: rdflib.Graph, closure: dict[str, frozenset[str]],
                   source: str = "shapes") -> list[Constraint]:
    """Every constraint of every targeted shape of ``shapes`` as a SPARQL query.

    ``closure`` maps a class IRI to itself and all its sub-classes (see
    :func:`subclass_closure`); ``sh:targetClass`` and ``sh:class`` put them in VALUES.
    Raises :class:`UnsupportedShapeError` (naming ``source`` and the shape) for a feature
    outside the supported subset of SHACL Core.
    """
    return _Compiler(shapes, source, closure).compile()


def subclass_closure(quads) -> dict[str, frozenset[str]]:
    """Class IRI -> the class and its direct and indirect sub-classes, from rdfs:subClassOf quads."""
    children: dict[str, set[str]] = {}
    for q in quads:
        if q.predicate == SUBCLASS_OF and isinstance(q.subject, ox.NamedNode) \
                and isinstance(q.object, ox.NamedNode):
            children.setdefault(q.object.value, set()).add(q.subject.value)
    out = {}
    for cls in children:
        seen, todo = {cls}, [cls]
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        out[cls] = frozenset(seen)
    return out


# ---------------------------------------------------------------- checking

def load_quads(path: Path) -> list[ox.Quad]:
    """A Turtle file as quads of the default graph; a syntax error names the file and line."""
    try:
        with open(path, "rb") as fh:
            return list(ox.parse(fh, format=ox.RdfFormat.TURTLE, base_iri=Path(path).resolve().as_uri()))
    except SyntaxError as exc:
        raise ValueError(f"{path}: cannot parse Turtle: line {exc.lineno}: {exc.msg}") from exc


class FastShapes:
    """The shapes compiled once; :meth:`check_quads` checks one graph at a time.

    ``shapes`` and ``ontology`` default to ``ontology/shapes.ttl`` and ``ontology/mdkg.ttl``.
    Safe to create before forking workers: it holds only strings, parsed quads and the
    shapes graph. A data graph that adds rdfs:subClassOf triples of its own is checked with
    queries compiled for that graph's class hierarchy (slower, still exact).
    """

    def __init__(self, shapes: Path | None = None, ontology: Path | None = None,
                 ontology_quads=None):
        self.source = str(shapes or ontology_file("shapes.ttl"))
        self.shapes = load_turtle(Path(self.source))
        self.ontology_quads: tuple[ox.Quad, ...] = tuple(
            ontology_quads if ontology_quads is not None else load_quads(ontology or ontology_file("mdkg.ttl")))
        self.constraints: tuple[Constraint, ...] = self.compile(self.ontology_quads)

    def compile(self, quads) -> tuple[Constraint, ...]:
        return tuple(compile_shapes(self.shapes, subclass_closure(quads), self.source))

    def results(self, store: ox.Store, constraints=None) -> list[Result]:
        """The violations in ``store`` (queried as the union of its graphs), ordered by constraint."""
        found, failing = [], set()
        for constraint in self.constraints if constraints is None else constraints:
            if constraint.detail_of and constraint.detail_of not in failing:
                continue
            for row in store.query(constraint.query, use_default_graph_as_union=True):
                value = term_text(row["value"]) if constraint.reports_value else ""
                found.append(Result(term_text(row["focus"]), constraint, value))
                failing.add(constraint.query)
        return found

    def check_quads(self, quads, ontology_quads=None) -> ValidationReport:
        """SHACL-check ``quads`` with the ontology mixed in (``ontology_quads``, default this
        object's). ``triple_count`` counts the distinct quads given."""
        t0 = time.perf_counter()
        store = ox.Store()
        store.extend(quads)
        count = len(store)
        constraints = None
        if ontology_quads is not None and ontology_quads is not self.ontology_quads:
            constraints = self.compile(ontology_quads)
        else:
            ontology_quads = self.ontology_quads
        if store.query(f"ASK {{ ?a <{RDFS.subClassOf}> ?b }}", use_default_graph_as_union=True):
            constraints = self.compile([*ontology_quads, *store.quads_for_pattern(None, SUBCLASS_OF, None, None)])
        store.extend(ontology_quads)
        found = self.results(store, constraints)
        return report_of(found, count, time.perf_counter() - t0)


def report_of(found: list[Result], triple_count: int, seconds: float) -> ValidationReport:
    """A ValidationReport (SHACL part) of the violations ``found``; the OWL check is "not checked"."""
    violations = [r for r in found if r.constraint.severity == "Violation"]
    return ValidationReport(
        conforms=not violations, shacl_text="\n".join(sorted(r.line() for r in found)),
        violation_count=len(violations), owl_consistent=True, owl_text=NOT_CHECKED,
        offenders=tuple(dict.fromkeys(r.focus for r in found)), triple_count=triple_count,
        timings={"shacl": seconds})


def check_quads(quads, ontology_quads=None, shapes: Path | None = None) -> ValidationReport:
    """One-off check of ``quads``; a build checking many graphs should keep one :class:`FastShapes`."""
    return FastShapes(shapes, ontology_quads=ontology_quads).check_quads(quads)
