"""Named queries, the model: the ``queries/*.rq`` catalogue, typed parameters, their values as terms.

A named query is a SPARQL file whose leading comment lines are its header::

    # title: Regional consultative processes and the topics they address
    # description: Each regional consultative process with a topic it addresses.
    # param: topic (iri of class mdkg:Topic, optional) — restricts to one topic
    # param: year (xsd:gYear, optional) — only that year
    # example: topic=remittances

Header keys: ``title`` (required, once), ``description`` (repeatable, joined), ``param``
(repeatable), ``example`` (repeatable; ``k=v&k=v``, shown in the catalogue), ``binding`` (optional,
once: ``substitutions``, the default, ``values`` or ``inline``; see below). ``question`` and
``question-ar`` (optional, once each) write the query's research question in English and Arabic
(the home page lists them). A blank ``#`` line is allowed; anything else in the header is an error naming the file and line. The query body
must parse and use every parameter as a variable (``?name``).

Parameter types: ``iri of class PREFIX:Class`` (an instance of that class or a subclass, given
as an IRI, ``prefix:local``, a notation such as ``PHL``/``IOM``, a slug such as ``remittances``,
or a label in any language, compared after Arabic folding), ``iri`` (any IRI; non-IRI values are
looked up among labelled entities like the above), ``class below PREFIX:Class`` (that class or a
subclass, by IRI, local name or label), ``xsd:gYear``, ``xsd:integer``, ``xsd:decimal``,
``xsd:date``, ``string`` and ``text`` (plain literals), and ``search words`` (Arabic-aware search
words, bound as the regular expression :func:`graph_builder.text.arsearch.search_pattern` makes,
to be matched with ``REGEX`` against ``mdkg:searchText``: portable to any SPARQL engine). A query may
read facts, types and labels from the build's facts graph, ``GRAPH <https://w3id.org/mdkg/graph/facts>``
(each once, however many reports restate them: :mod:`graph_builder.build.facts_graph`); graph IRIs
under the default base are moved to the deployment's base (``MDKG_BASE``) when the file is read. Values are resolved to terms in Python
(IRIs with a lookup query) and bound with pyoxigraph ``substitutions``: never pasted into the
query text. A query whose header says ``# binding: values`` has its terms written instead in a
``VALUES`` block opening its WHERE group, from the terms' own N-Triples syntax (pyoxigraph escapes
them; :func:`graph_builder.service.remote_store.with_values`, what a remote engine always gets):
Oxigraph plans a query for its parameters unbound when they come as substitutions, and for some
queries (a parameter that selects a few annotations or statements among many) the plan with the
value in the text is 40-90 times faster on the bundled build; for most the substitution is (see
``docs/benchmarks.md``), so the choice is per query, measured. ``# binding: inline`` writes each term
where its variable stands (``(term AS ?name)`` in the query's own projection), in the same N-Triples
syntax: a regular expression given as a constant is compiled once, given as a variable once per row
(``paragraph-search``: 1.4 ms against 150-280 ms). :meth:`NamedQuery.prepared` applies the choice. An optional parameter left out stays unbound, so the query's pattern is unrestricted.

Used by the CLI (:func:`run_local` runs a named query on a store opened by the caller) and by the
web view (``catalogue``: ``/queries``), which resolves IRIs through the service's executor. This
module does not define the queries (they are data), does not talk HTTP and does not cache.
"""
from __future__ import annotations

import datetime as dt
import decimal
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping

import pyoxigraph as ox
from graph_builder.text import arsearch
from graph_builder.namespaces import DEFAULT_BASE, PREFIXES, XSD, Base
from graph_builder.resources import data_dir
from graph_builder.service import guard, query_text
from graph_builder.service.remote_store import with_values

# the service's own parameters: answer format, page language, and the page of rows (:class:`Page`)
RESERVED = frozenset({"format", "lang", "limit", "offset"})
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HEADER = re.compile(r"^#\s*(?:(?P<key>[a-z]+(?:-[a-z]+)?)\s*:\s*(?P<value>.*?))?\s*$")
QUESTION_KEYS = {"question": "en", "question-ar": "ar"}
_PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<spec>[^)]*)\)\s*(?:[—–-]+\s*(?P<doc>.*))?$")
_CURIE = re.compile(r"^(?P<prefix>[A-Za-z][\w-]*):(?P<local>[^\s/][^\s]*)$")
BINDINGS = ("substitutions", "values", "inline")
_LITERAL_TYPES = {"xsd:gyear": "gYear", "xsd:integer": "integer", "xsd:decimal": "decimal",
                  "xsd:date": "date", "string": "string", "text": "text", "search words": "words"}


class HeaderError(ValueError):
    """A malformed named-query file; the message names the file and line."""


class ParamError(ValueError):
    """A request parameter that is unknown, missing, repeated or has a bad value (HTTP 400)."""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "entity", "iri", "class", "gYear", "integer", "decimal", "date", "string", "text", "words"
    optional: bool
    doc: str = ""
    of_class: str | None = None  # full IRI for "entity" and "class"

    @property
    def type_label(self) -> str:
        if self.kind == "entity":
            return f"iri of class {_compact(self.of_class)}"
        if self.kind == "class":
            return f"class below {_compact(self.of_class)}"
        return {"gYear": "xsd:gYear", "integer": "xsd:integer", "decimal": "xsd:decimal",
                "date": "xsd:date", "words": "search words"}.get(self.kind, self.kind)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    examples: tuple[str, ...] = field(default=())
    questions: Mapping[str, str] = field(default_factory=dict)  # the research question, by language
    binding: str = "substitutions"  # or "values", "inline": how the terms of the parameters reach the engine
    page_size: int | None = None  # rows of a page when no limit is asked (``# page: N``); None: every row

    def prepared(self, terms: Mapping[str, ox.NamedNode | ox.Literal]) -> tuple[str, dict]:
        """The text to run and the substitutions to pass with it, for the terms of the parameters."""
        if self.binding == "values" and terms:
            return with_values(self.text, terms), {}
        if self.binding == "inline" and terms:
            return inline(self.text, terms), {}
        return self.text, dict(terms)

    def question(self, lang: str) -> str:
        """The research question in ``lang`` (English, then the title, when not written)."""
        return self.questions.get(lang) or self.questions.get("en") or self.title

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def as_json(self) -> dict:
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [{"name": p.name, "type": p.type_label, "optional": p.optional,
                            "description": p.doc} for p in self.params],
                "questions": dict(self.questions), "examples": list(self.examples), "text": self.text}


def inline(text: str, terms: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``text`` with each ``?name``/``$name`` of ``terms`` replaced by the term's N-Triples syntax (written by
    pyoxigraph, which escapes it), and by ``(term AS ?name)`` in the top-level SELECT projection; IRIs,
    strings and comments are left as they are (:func:`query_text.tokens` skips them)."""
    out, projecting = [], False
    for kind, token, depth in query_text.tokens(text):
        if kind == "word" and depth == 0 and token.upper() == "SELECT":
            projecting = True
        elif projecting and depth == 0 and (token == "{" or token.upper() == "WHERE"):
            projecting = False
        name = token[1:] if kind == "word" and token[:1] in "?$" else None
        if name in terms:
            out.append(f"({terms[name]} AS ?{name})" if projecting and depth == 0 else str(terms[name]))
        else:
            out.append(token)
    return "".join(out)


# -- parsing the files ----------------------------------------------------------------------
def _compact(iri: str | None) -> str:
    for prefix, ns in PREFIXES.items():
        if iri and iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _expand(curie: str, where: str) -> str:
    match = _CURIE.match(curie.strip())
    if not match or match["prefix"] not in PREFIXES:
        raise HeaderError(f"{where}: unknown class {curie.strip()!r} (use one of the prefixes "
                          f"{', '.join(sorted(PREFIXES))})")
    return PREFIXES[match["prefix"]] + match["local"]


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value)
    if not match:
        raise HeaderError(f"{where}: a param line reads 'param: NAME (TYPE[, optional]) — what it "
                          f"does', got {value!r}")
    parts = [p.strip() for p in match["spec"].split(",") if p.strip()]
    if not parts or any(p != "optional" for p in parts[1:]):
        raise HeaderError(f"{where}: parameter {match['name']!r}: expected '(TYPE)' or "
                          f"'(TYPE, optional)', got ({match['spec']})")
    spec, optional, doc = parts[0], "optional" in parts[1:], (match["doc"] or "").strip()
    if spec.startswith("iri of class "):
        return Param(match["name"], "entity", optional, doc, _expand(spec[len("iri of class "):], where))
    if spec.startswith("class below "):
        return Param(match["name"], "class", optional, doc, _expand(spec[len("class below "):], where))
    if spec == "iri":
        return Param(match["name"], "iri", optional, doc)
    if spec.lower() in _LITERAL_TYPES:
        return Param(match["name"], _LITERAL_TYPES[spec.lower()], optional, doc)
    raise HeaderError(f"{where}: parameter {match['name']!r} has unknown type {spec!r} (expected "
                      f"'iri of class P:C', 'iri', 'class below P:C', xsd:gYear, xsd:integer, "
                      f"xsd:decimal, xsd:date, string, text or search words)")


def parse_query_file(path: Path) -> NamedQuery:
    """The named query in ``path``; :class:`HeaderError` (naming file and line) when malformed."""
    path = Path(path)
    if not NAME.match(path.stem):
        raise HeaderError(f"{path}: a named query file is named like 'rcp-topics.rq' "
                          f"(lower-case letters, digits, '-')")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise HeaderError(f"{path}: not UTF-8 text ({exc})") from None
    title, descriptions, params, examples, param_lines = None, [], [], [], {}
    questions: dict[str, str] = {}
    binding = None
    page_size = None
    body_start = len(lines)
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not line.startswith("#"):
            body_start = number - 1
            break
        match = _HEADER.match(line)
        if not match:
            raise HeaderError(f"{where}: header lines read '# key: value' "
                              f"(title, description, param, example), got {line!r}")
        key, value = match["key"], match["value"]
        if key is None:
            continue
        if key == "title":
            if title is not None:
                raise HeaderError(f"{where}: a second 'title'")
            title = value
        elif key == "description":
            descriptions.append(value)
        elif key == "param":
            param = _parse_param(value, where)
            if param.name in param_lines or param.name in RESERVED:
                raise HeaderError(f"{where}: parameter name {param.name!r} is repeated or reserved")
            params.append(param)
            param_lines[param.name] = number
        elif key == "example":
            examples.append(value)
        elif key == "binding" and binding is None:
            if value not in BINDINGS:
                raise HeaderError(f"{where}: 'binding' is one of {', '.join(BINDINGS)}, got {value!r}")
            binding = value
        elif key == "page" and page_size is None:
            if not re.fullmatch(r"[1-9][0-9]*", value):
                raise HeaderError(f"{where}: 'page' is a number of rows such as 500, got {value!r}")
            page_size = int(value)
        elif key in QUESTION_KEYS and QUESTION_KEYS[key] not in questions:
            questions[QUESTION_KEYS[key]] = value
        else:
            raise HeaderError(f"{where}: unknown header key {key!r} "
                              f"(expected title, question, question-ar, description, param, example, binding or page; "
                              f"each of title, question, question-ar, binding and page once)")
    if not title:
        raise HeaderError(f"{path}:1: the header has no '# title: …' line")
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        raise HeaderError(f"{path}:{body_start + 1}: no query after the header")
    message = guard.query_syntax_error(text, None)
    if message is not None:
        raise HeaderError(f"{path}:{body_start + 1}: the query does not parse: {message}")
    for param in params:
        if not re.search(rf"[?$]{re.escape(param.name)}\b", text):
            raise HeaderError(f"{path}:{param_lines[param.name]}: parameter {param.name!r} is not "
                              f"used as ?{param.name} in the query")
        try:  # pyoxigraph binds only projected variables: try it on an empty store
            ox.Store().query(text, substitutions={ox.Variable(param.name): ox.Literal("0")},
                             custom_functions=arsearch.custom_functions())
        except (RuntimeError, SyntaxError, ValueError) as exc:
            raise HeaderError(f"{path}:{param_lines[param.name]}: parameter {param.name!r} cannot be "
                              f"bound ({exc}); a SELECT must project ?{param.name}") from None
    query = NamedQuery(path.stem, path, title, " ".join(descriptions), tuple(params),
                       rebase_graphs("\n".join(lines)), tuple(examples), questions, binding or "substitutions",
                       page_size)
    message = guard.query_syntax_error(Page(1, 1).apply(text), None)
    if message is not None:     # every named query can be paged: no LIMIT/OFFSET of its own at the end
        raise HeaderError(f"{path}:{body_start + 1}: with LIMIT and OFFSET added (a page of its rows) the query "
                          f"does not parse: {message}")
    if query.binding == "inline":  # a term must be able to stand where its variable stands
        sample = {p.name: ox.NamedNode("urn:x:0") if p.kind in ("entity", "iri", "class") else ox.Literal("0")
                  for p in params}
        message = guard.query_syntax_error(query.prepared(sample)[0], None)
        if message is not None:
            raise HeaderError(f"{path}:{body_start + 1}: with its parameters written in (binding: inline) "
                              f"the query does not parse: {message}")
    return query


@dataclass(frozen=True)
class Page:
    """The rows of a named query's answer a request asks for: ``limit`` rows (None: every row, under the
    service's row cap) after the first ``offset``, in the query's own ORDER BY."""
    limit: int | None
    offset: int = 0

    def apply(self, text: str) -> str:
        """``text`` with ``LIMIT``/``OFFSET`` added after its ORDER BY: one row more than the page, so that a
        caller capping the answer at :meth:`rows` learns from the cap whether a next page exists."""
        tail = (f"\nLIMIT {self.limit + 1}" if self.limit is not None else "") + (
            f"\nOFFSET {self.offset}" if self.offset else "")
        return text + tail

    def rows(self, cap: int) -> int:
        """The rows to return under the service's row cap ``cap``."""
        return cap if self.limit is None else min(self.limit, cap)

    def next(self, cap: int) -> "Page":
        """The page after this one, when an answer capped at :meth:`rows` was cut."""
        return Page(self.limit, self.offset + self.rows(cap))


def page_of(query: NamedQuery, args: Mapping[str, list[str]]) -> Page:
    """The :class:`Page` a request's ``limit`` (a number of rows, or ``all``) and ``offset`` ask for; without
    ``limit``, the query's own page size (``# page: N``), else every row. :class:`ParamError` for bad values."""
    def one(name: str) -> str | None:
        given = [v.strip() for v in args.get(name, []) if v.strip()]
        if len(given) > 1:
            raise ParamError(f"parameter {name!r} given {len(given)} times")
        return given[0] if given else None

    limit, offset = one("limit"), one("offset")
    if limit is not None and limit.lower() != "all" and not re.fullmatch(r"[1-9][0-9]{0,8}", limit):
        raise ParamError(f"parameter 'limit': a number of rows (1 or more) or 'all', got {limit!r}")
    if offset is not None and not re.fullmatch(r"[0-9]{1,9}", offset):
        raise ParamError(f"parameter 'offset': a number of rows to skip (0 or more), got {offset!r}")
    size = query.page_size if limit is None else (None if limit.lower() == "all" else int(limit))
    return Page(size, int(offset or 0))


def rebase_graphs(text: str) -> str:
    """``text`` with the build's graphs (``<https://w3id.org/mdkg/graph/…>``, e.g. the facts graph a
    query reads facts, types and labels from) named under the deployment's base IRI (``MDKG_BASE``)."""
    base = Base.from_env().iri
    return text if base == DEFAULT_BASE else text.replace(f"<{DEFAULT_BASE}graph/", f"<{base}graph/")


def load_catalogue(folder: Path) -> dict[str, NamedQuery]:
    """Every ``*.rq`` in ``folder`` by name (sorted); the first malformed file raises."""
    return {q.name: q for q in (parse_query_file(p) for p in sorted(Path(folder).glob("*.rq")))}


def queries_dir(configured: str | None) -> Path:
    return Path(configured) if configured else data_dir("queries")


# -- parameter values -----------------------------------------------------------------------
# Runs a SELECT with substitutions and returns the values of its first column.
Lookup = Callable[[str, dict[str, ox.NamedNode | ox.Literal]], list[str]]

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
# On the embedded store the same comparisons read the keys of the build's summary graph
# (graph_builder.build.summary): ?lowKey is the value in lower case, ?foldKey the value as mdkg:arFold
# folds it, so a lookup is an index access instead of a pass over every label.
# (The keys are read first, in a sub-query: joined in one group, the engine may scan every label first.)
_KEYED = ("  { SELECT DISTINCT ?entity ?lowKey ?foldKey WHERE { { ?entity mdkg:slugKey ?lowKey }"
          " UNION { ?entity mdkg:notationKey ?lowKey } UNION { ?entity mdkg:labelKey ?foldKey } } }\n"
          "  FILTER EXISTS { ?entity skos:prefLabel ?any }\n")


def _lookups() -> tuple[str, str, str]:
    """The embedded store's entity, any-IRI and class lookup queries (``?value``, ``?lowKey`` and
    ``?foldKey`` bound: :func:`lookup_keys`); over a remote engine see :func:`portable_lookups`."""
    entity = (_PREFIXES + "SELECT DISTINCT ?entity ?class ?lowKey ?foldKey WHERE {\n" + _KEYED
              + "  FILTER EXISTS { ?entity a ?type . ?type rdfs:subClassOf* ?class }\n} LIMIT 20")
    any_iri = (_PREFIXES + "SELECT DISTINCT ?entity ?lowKey ?foldKey WHERE {\n" + _KEYED + "} LIMIT 20")
    klass = (_PREFIXES + "SELECT DISTINCT ?entity ?class ?value WHERE {\n"
             "  ?entity rdfs:subClassOf* ?class .\n"
             "  FILTER(STRENDS(LCASE(STR(?entity)), CONCAT(\"#\", LCASE(?value)))"
             " || STRENDS(LCASE(STR(?entity)), CONCAT(\"/\", LCASE(?value)))"
             " || EXISTS { ?entity rdfs:label|skos:prefLabel ?label"
             " FILTER(mdkg:arFold(?label) = mdkg:arFold(?value)) })\n} LIMIT 20")
    return entity, any_iri, klass


# Over a remote engine the keys are written into the text as constants (their N-Triples syntax, escaped
# by pyoxigraph), so that each key pattern is an exact match on one indexed term, on any engine: bound
# from a VALUES block, as the embedded store's texts take them, Virtuoso 7.2 joins a key variable left
# unbound in one branch of the UNION as a mismatch and finds nothing. Classes are read from the summary
# graph's closure (mdkg:belowClass) instead of a property path, which an engine may evaluate from
# every node before it joins the bound class.
def portable_lookups(keys: Mapping[str, ox.Literal]) -> tuple[str, str, str]:
    """The entity, any-IRI and class lookup queries for a remote engine, with the keys of
    :func:`lookup_keys` as constants (``?class`` bound)."""
    low, fold = str(keys["lowKey"]), str(keys["foldKey"])
    keyed = (f"  {{ ?entity mdkg:slugKey {low} }} UNION {{ ?entity mdkg:notationKey {low} }}"
             f" UNION {{ ?entity mdkg:labelKey {fold} }}\n  FILTER EXISTS {{ ?entity skos:prefLabel ?any }}\n")
    entity = (_PREFIXES + "SELECT DISTINCT ?entity ?class WHERE {\n" + keyed
              + "  FILTER EXISTS { ?entity a ?type . ?type mdkg:belowClass ?class }\n} LIMIT 20")
    any_iri = _PREFIXES + "SELECT DISTINCT ?entity WHERE {\n" + keyed + "} LIMIT 20"
    klass = (_PREFIXES + "SELECT DISTINCT ?entity ?class WHERE {\n  ?entity mdkg:belowClass ?class .\n"
             f"  FILTER(STRENDS(LCASE(STR(?entity)), CONCAT(\"#\", {low})) || STRENDS(LCASE(STR(?entity)), CONCAT(\"/\", {low}))"
             f" || EXISTS {{ ?entity mdkg:labelKey {fold} }})\n}} LIMIT 20")
    return entity, any_iri, klass


ENTITY_LOOKUP, ANY_LOOKUP, CLASS_LOOKUP = _lookups()
ENTITY_CHECK = _PREFIXES + "SELECT ?entity ?class WHERE { ?entity a ?type . ?type rdfs:subClassOf* ?class } LIMIT 1"
CLASS_CHECK = _PREFIXES + "SELECT ?entity ?class WHERE { ?entity rdfs:subClassOf* ?class } LIMIT 1"
PORTABLE_ENTITY_CHECK = _PREFIXES + "SELECT ?entity ?class WHERE { ?entity a ?type . ?type mdkg:belowClass ?class } LIMIT 1"
PORTABLE_CLASS_CHECK = _PREFIXES + "SELECT ?entity ?class WHERE { ?entity mdkg:belowClass ?class } LIMIT 1"


def _as_iri(value: str) -> str | None:
    """``value`` as a full IRI when it is written as one (``<…>``, ``scheme:…``, ``prefix:local``)."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    match = _CURIE.match(value)
    if match and match["prefix"] in PREFIXES:
        return PREFIXES[match["prefix"]] + match["local"]
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value) or value.startswith("urn:"):
        return value
    return None


def _literal(param: Param, raw: str) -> ox.Literal:
    value = raw.strip()
    try:
        if param.kind == "gYear":
            if not re.fullmatch(r"-?\d{4}", value):
                raise ValueError("expected a year such as 2008")
            return ox.Literal(value, datatype=XSD.gYear)
        if param.kind == "integer":
            return ox.Literal(str(int(value)), datatype=XSD.integer)
        if param.kind == "decimal":
            return ox.Literal(str(decimal.Decimal(value)), datatype=XSD.decimal)
        if param.kind == "date":
            return ox.Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        if param.kind == "words":
            pattern = arsearch.search_pattern(value)
            if pattern is None:
                raise ValueError("no words to search for")
            return ox.Literal(pattern)
    except (ValueError, decimal.InvalidOperation) as exc:
        raise ParamError(f"parameter {param.name!r} ({param.type_label}): bad value {raw!r}: {exc}") from None
    if not value:
        raise ParamError(f"parameter {param.name!r}: empty value")
    return ox.Literal(value)


def _one(param: Param, raw: str, found: list[str]) -> ox.NamedNode:
    if not found:
        what = param.type_label
        raise ParamError(f"parameter {param.name!r}: nothing in the graph matches {raw!r} ({what}; "
                         f"give an IRI, a notation, a slug or a label)")
    if len(found) > 1:
        raise ParamError(f"parameter {param.name!r}: {raw!r} is ambiguous; give one of the IRIs "
                         + ", ".join(f"<{iri}>" for iri in sorted(found)))
    return ox.NamedNode(found[0])


def _iri_value(param: Param, raw: str, lookup: Lookup, portable: bool = False) -> ox.NamedNode:
    iri = _as_iri(raw)
    if iri is not None:
        try:
            node = ox.NamedNode(iri)
        except ValueError as exc:
            raise ParamError(f"parameter {param.name!r}: {raw!r} is not a valid IRI ({exc})") from None
        if param.kind == "iri":
            return node
        if param.kind == "entity":
            check = PORTABLE_ENTITY_CHECK if portable else ENTITY_CHECK
        else:
            check = PORTABLE_CLASS_CHECK if portable else CLASS_CHECK
        if not lookup(check, {"entity": node, "class": ox.NamedNode(param.of_class)}):
            raise ParamError(f"parameter {param.name!r}: <{iri}> is not a {param.type_label}")
        return node
    value = {"value": ox.Literal(raw.strip())}
    keys = lookup_keys(raw)
    if portable:
        entity_lookup, any_lookup, class_lookup = portable_lookups(keys)
        keys = value = {}
    else:
        entity_lookup, any_lookup, class_lookup = ENTITY_LOOKUP, ANY_LOOKUP, CLASS_LOOKUP
    if param.kind == "iri":
        return _one(param, raw, lookup(any_lookup, keys))
    if param.kind == "entity":
        return _one(param, raw, lookup(entity_lookup, {**keys, "class": ox.NamedNode(param.of_class)}))
    return _one(param, raw, lookup(class_lookup, {**value, "class": ox.NamedNode(param.of_class)}))


def lookup_keys(raw: str) -> dict[str, ox.Literal]:
    """The summary-graph keys a lookup of ``raw`` reads: lower case (IRI ends, notations) and
    folded as ``mdkg:arFold`` folds (labels)."""
    value = raw.strip()
    return {"lowKey": ox.Literal(value.lower()), "foldKey": ox.Literal(arsearch.fold_text(value))}


def check_args(query: NamedQuery, args: Mapping[str, list[str]]) -> dict[str, str]:
    """The given parameter values by name; :class:`ParamError` for unknown/missing/repeated ones."""
    values = {}
    for name, given in args.items():
        if name in RESERVED:
            continue
        if query.param(name) is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise ParamError(f"unknown parameter {name!r} for query {query.name!r} (known: {known})")
        given = [v for v in given if v.strip()]
        if len(given) > 1:
            raise ParamError(f"parameter {name!r} given {len(given)} times")
        if given:
            values[name] = given[0]
    missing = [p.name for p in query.params if not p.optional and p.name not in values]
    if missing:
        raise ParamError(f"query {query.name!r} needs the parameter(s) {', '.join(missing)}")
    return values


def bind(query: NamedQuery, values: Mapping[str, str], lookup: Lookup,
         portable: bool = False) -> dict[str, ox.NamedNode | ox.Literal]:
    """Terms for the given values (from :func:`check_args`), IRIs resolved with ``lookup``
    (``portable``: with lookups that use no MDKG function, for a remote engine)."""
    terms = {}
    for name, raw in values.items():
        param = query.param(name)
        assert param is not None
        if param.kind in ("entity", "iri", "class"):
            terms[name] = _iri_value(param, raw, lookup, portable)
        else:
            terms[name] = _literal(param, raw)
    return terms


def store_lookup(store: ox.Store) -> Lookup:
    """A :data:`Lookup` on a store opened by the caller (union default graph)."""
    def lookup(text: str, substitutions: dict) -> list[str]:
        solutions = store.query(text, use_default_graph_as_union=True,
                                substitutions={ox.Variable(k): v for k, v in substitutions.items()},
                                custom_functions=arsearch.custom_functions())
        return [s[0].value for s in solutions if s[0] is not None]
    return lookup


def run_local(store: ox.Store, query: NamedQuery, args: Mapping[str, str], page: Page | None = None):
    """Run ``query`` with ``args`` (name -> value) on ``store``: pyoxigraph's result object; with ``page``,
    only that page's rows (its ``LIMIT``, one row more, and ``OFFSET`` added: :meth:`Page.apply`).

    For ``mdkg query --named NAME --param k=v``; raises :class:`ParamError` for bad parameters.
    """
    values = check_args(query, {k: [v] for k, v in args.items()})
    terms = bind(query, values, store_lookup(store), portable=getattr(store, "portable", False))
    text, substitutions = query.prepared(terms)
    if page is not None:
        text = page.apply(text)
    return store.query(text, use_default_graph_as_union=True,
                       substitutions={ox.Variable(k): v for k, v in substitutions.items()},
                       custom_functions=arsearch.custom_functions())


def parse_param_options(pairs: Iterable[str]) -> dict[str, str]:
    """``["k=v", ...]`` (the CLI's ``--param``) as a dict; ParamError on a pair without ``=``."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ParamError(f"--param takes NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out
