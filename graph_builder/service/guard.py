"""Checks a query or update before it runs: syntax (pyoxigraph's parser) and SERVICE/LOAD refusal.

Syntax: pyoxigraph has no parse-only call, so :func:`query_syntax_error` calls ``Store.query``
with a deliberately invalid ``default_graph`` argument, which pyoxigraph rejects only *after*
parsing and before evaluating anything; :func:`update_syntax_error` runs the update on an
empty read-only store, which parses and then refuses to open a transaction. Either way
nothing is evaluated and no SERVICE or LOAD is contacted (``tests/test_security.py`` proves it).

SERVICE and LOAD: decided on the *parsed* request (rdflib's SPARQL parser and algebra), never
on its text. A SERVICE or LOAD IRI whose host is not allow-listed, and any ``SERVICE ?var``,
is refused. A text rdflib cannot parse is refused too (fail closed), with rdflib's message.
One exception, for speed (rdflib's parser costs 10-40 ms a query, pyoxigraph's well under
1 ms): a query whose text contains neither ``service`` nor ``from`` in any letter case, nor a
``\\u``/``\\U`` escape, cannot hold a SERVICE pattern or a FROM clause (keywords cannot be
spelled otherwise), so it is not given to rdflib; its form is then read from the answer's
type (``QueryInfo.form`` is None).

This module runs inside the query processes; it does not execute queries.
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef

_NOT_A_GRAPH = object()  # makes pyoxigraph stop after parsing (see module docstring)
_NEEDS_RDFLIB = re.compile(r"service|from|\\u", re.IGNORECASE)  # see the module docstring


class Rejected(Exception):
    """A request the service will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class QueryInfo:
    form: str | None  # "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"; None: not parsed, tell by the answer
    has_dataset: bool  # the query has FROM / FROM NAMED


def query_syntax_error(text: str, base_iri: str | None) -> str | None:
    """pyoxigraph's syntax error message for ``text``, or None when it parses."""
    try:
        ox.Store().query(text, base_iri=base_iri, default_graph=_NOT_A_GRAPH)  # type: ignore[arg-type]
    except SyntaxError as exc:
        return str(exc)
    except ValueError:
        return None
    raise RuntimeError("pyoxigraph evaluated a query during the parse-only check")


class UpdateParser:
    """Parse-only SPARQL Update checks on an empty read-only store kept for the process."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="mdkg-parse-")
        ox.Store(self._dir.name).flush()
        self._store = ox.Store.read_only(self._dir.name)

    def syntax_error(self, text: str, base_iri: str | None) -> str | None:
        try:
            self._store.update(text, base_iri=base_iri)
        except SyntaxError as exc:
            return str(exc)
        except (RuntimeError, OSError):
            return None  # parsed; the read-only store refused the transaction
        raise RuntimeError("pyoxigraph executed an update during the parse-only check")


def _nodes(node, names: set[str], found: list) -> list:
    if isinstance(node, CompValue):
        if node.name in names:
            found.append(node)
        for value in node.values():
            _nodes(value, names, found)
    elif isinstance(node, dict):
        for value in node.values():
            _nodes(value, names, found)
    elif isinstance(node, (list, tuple, set)):
        for value in node:
            _nodes(value, names, found)
    return found


def _field(node: CompValue, key: str):
    """``node[key]`` or None (``CompValue.get`` answers the key itself when it is missing)."""
    return node[key] if key in node else None


def _check_remote(kind: str, term, allowed_hosts: tuple[str, ...]) -> None:
    if not isinstance(term, URIRef):
        raise Rejected(403, f"{kind} with a variable endpoint is not allowed on this service")
    host = (urlsplit(str(term)).hostname or "").lower()
    if host not in allowed_hosts:
        raise Rejected(403, f"{kind} <{term}> refused: host {host or '(none)'!r} is not allow-listed")


def check_query(text: str, base_iri: str | None, allowed_hosts: tuple[str, ...]) -> QueryInfo:
    """The query's form and dataset use; raises :class:`Rejected` (400 syntax, 403 SERVICE)."""
    message = query_syntax_error(text, base_iri)
    if message is not None:
        raise Rejected(400, f"SPARQL query syntax error: {message}")
    if _NEEDS_RDFLIB.search(text) is None:
        return QueryInfo(form=None, has_dataset=False)  # no SERVICE, no FROM possible (module docstring)
    try:
        algebra = translateQuery(parseQuery(text), base=base_iri).algebra
    except Exception as exc:  # rdflib's parser or algebra: fail closed
        raise Rejected(400, f"query accepted by the engine but not by the SERVICE/LOAD checker "
                            f"(rdflib): {type(exc).__name__}: {exc}") from None
    for service in _nodes(algebra, {"ServiceGraphPattern"}, []):
        _check_remote("SERVICE", _field(service, "term"), allowed_hosts)
    form = algebra.name.replace("Query", "").upper()
    return QueryInfo(form=form, has_dataset=bool(_field(algebra, "datasetClause")))


def check_update(text: str, base_iri: str | None, allowed_hosts: tuple[str, ...],
                 parser: UpdateParser, protocol_dataset: bool) -> None:
    """Raise :class:`Rejected` for bad syntax (400), LOAD/SERVICE (403) or a dataset conflict (400)."""
    message = parser.syntax_error(text, base_iri)
    if message is not None:
        raise Rejected(400, f"SPARQL update syntax error: {message}")
    try:
        operations = translateUpdate(parseUpdate(text), base=base_iri).algebra
    except Exception as exc:
        raise Rejected(400, f"update accepted by the engine but not by the SERVICE/LOAD checker "
                            f"(rdflib): {type(exc).__name__}: {exc}") from None
    for load in _nodes(operations, {"Load"}, []):
        _check_remote("LOAD", _field(load, "iri"), allowed_hosts)
    for service in _nodes(operations, {"ServiceGraphPattern"}, []):
        _check_remote("SERVICE", _field(service, "term"), allowed_hosts)
    if protocol_dataset:
        for op in operations:
            if op.name == "Modify" and (_field(op, "withClause") is not None or _field(op, "using")):
                raise Rejected(400, "using-graph-uri/using-named-graph-uri cannot be combined "
                                    "with an update that has its own USING or WITH clause")
