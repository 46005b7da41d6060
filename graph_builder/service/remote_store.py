"""A read-only stand-in for ``pyoxigraph.Store`` that runs SPARQL on a remote SPARQL 1.1 endpoint.

:class:`RemoteStore` answers the part of the ``Store`` API the service, the VoID description,
the network export and the named queries use (``query``, ``named_graphs``, ``contains_named_graph``,
``quads_for_pattern`` with only the graph given, ``len``), so they run unchanged over an engine
such as Virtuoso, Fuseki, GraphDB or QLever. Answers are pyoxigraph objects: SELECT/ASK results
are fetched as SPARQL XML results and parsed with ``pyoxigraph.parse_query_results``;
CONSTRUCT/DESCRIBE graphs as N-Triples (or Turtle) parsed with ``pyoxigraph.parse``.

Dataset: an engine's default graph may hold graphs MDKG did not write (Virtuoso's own system
graphs), so a query without FROM/FROM NAMED is sent with the protocol dataset spelled out:
``use_default_graph_as_union`` gives every MDKG graph (named graphs whose IRI starts with
``graph_prefix``: the report graphs the build graph names and the build's fixed graphs, listed with
one query and kept ``graphs_ttl`` seconds) as default graphs and as
named graphs; otherwise the default graph is empty (MDKG writes none) and the named graphs are
the MDKG graphs (only for a query with a ``GRAPH`` pattern: a query without one gets no named
graphs, since every listed graph costs the engine planning time). Explicit
``default_graph``/``named_graphs`` are passed as given. Virtuoso echoes each listed graph as a
response header; this module raises Python's limit of 100 response headers
(``http.client._MAXHEADERS``, process-wide) so that a store of more than about 50 reports can be
read at all. The graphs named
in ``named_only`` (by default the build's facts graph, ``graph_prefix + "facts"``: a deduplicated
copy of the entity statements of the other graphs, which queries read with ``GRAPH``) are sent only
as named graphs: as a default graph too, it would double every entity triple of the union and
Virtuoso's optimiser, multiplying its estimates, refuses or misplans joins over it.

Parameters (pyoxigraph's ``substitutions``) become a ``VALUES`` block opening the query's WHERE
group, written from the terms' own N-Triples syntax (pyoxigraph escapes them); ``base_iri``
becomes a leading ``BASE``. ``custom_functions`` are ignored: a query calling ``mdkg:arMatch``
gets the engine's own error (the service's own queries use the stored ``mdkg:normalisedText``).

Before any query leaves MDKG it is parsed (:func:`graph_builder.service.remote_guard.inspect`)
and SERVICE is refused: here the parse check is the right place, because MDKG is not the engine;
what the engine itself fetches is governed by the engine's settings. There is no ``update``.

Time: every request has a deadline (``timeout`` seconds, connection and reading of the answer
together); when it passes the connection is closed and :class:`RemoteTimeout` raised. Other
failures raise :class:`RemoteError` with an HTTP status for the service to answer (the engine's
4xx → 400 with its message, anything else → 502). An answer Virtuoso marks as cut at its own
``MaxQueryExecutionTime`` (``X-SQL-State: S1TAT``, its "anytime" partial result sent with 200) is
refused as a 504, never returned as if complete. This module does not cache answers.
"""
from __future__ import annotations

import contextlib
import http.client
import re
import threading
import time
from typing import Iterable, Mapping

import pyoxigraph as ox
import requests

from graph_builder.namespaces import FACTS_GRAPH
from graph_builder.service import remote_guard

RESULTS_XML = "application/sparql-results+xml"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"
EMPTY_DEFAULT = "urn:mdkg:empty-default-graph"  # a graph nobody writes: an empty default graph
# The graphs every build writes besides one per report (graph_builder.build: ontology, reference, build,
# facts, summary, and the meeting-identity table the meeting queries read); the report graphs are read from the
# build graph.
FIXED_GRAPHS = ("ontology", "reference", "build", FACTS_GRAPH, "summary", "meeting-identity")
PROV_GENERATED = "http://www.w3.org/ns/prov#wasGeneratedBy"


class RemoteError(RuntimeError):
    """The remote engine failed or refused; ``status`` is what the service answers."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class RemoteTimeout(RemoteError):
    def __init__(self, seconds: float):
        super().__init__(504, f"query exceeded the time limit of {seconds:g} s and was stopped")


_SKIP = re.compile(r"""#[^\n]*|"{3}.*?"{3}|'{3}.*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>""",
                   re.S)
_WHERE = re.compile(r"\bwhere\b", re.I)
_FORM = re.compile(r"\b(select|ask|construct|describe)\b", re.I)
_GRAPH = re.compile(r"\bgraph\b", re.I)

# Virtuoso echoes every default-graph-uri and named-graph-uri of a request as one response header
# (X-SPARQL-default-graph, X-SPARQL-named-graph); Python's http.client refuses a response with more
# than 100 headers ("got more than 100 headers", seen by requests as a ConnectionError), i.e. any
# store of more than about 50 reports. The bound is raised for this process to what 50,000 graphs need.
http.client._MAXHEADERS = max(getattr(http.client, "_MAXHEADERS", 100), 100_000)
_VIRTUOSO_BNODE = re.compile(rb"<bnode>nodeID://")  # Virtuoso's XML results: not a blank node label


def _mask(text: str) -> str:
    return _SKIP.sub(lambda m: " " * len(m.group()), text)


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside comments, strings, IRIs."""
    match = _FORM.search(_mask(text))
    return match.group(1).upper() if match else "SELECT"


def _where_brace(text: str) -> int:
    """Offset of the ``{`` opening the query's WHERE group (comments, strings and IRIs skipped)."""
    masked = _mask(text)
    where = _WHERE.search(masked)
    brace = masked.find("{", where.end() if where else 0)
    if brace < 0:
        raise ValueError("the query has no WHERE group")
    return brace


def with_values(text: str, substitutions: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """``text`` with ``VALUES (?a ?b) { (term term) }`` opening its WHERE group."""
    if not substitutions:
        return text
    names = list(substitutions)
    block = (" VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
             + " ".join(str(substitutions[n]) for n in names) + ") } ")
    at = _where_brace(text) + 1
    return text[:at] + block + text[at:]


class RemoteStore:
    """See the module docstring. Thread-safe: one ``requests.Session`` per thread."""

    portable = True  # callers use queries without MDKG's extension functions

    def __init__(self, endpoint: str, *, graph_prefix: str, timeout: float = 30.0,
                 graphs_ttl: float = 10.0, auth=None, named_only: Iterable[str] | None = None):
        self.endpoint = endpoint
        self.graph_prefix = graph_prefix
        self.named_only = frozenset(named_only if named_only is not None
                                    else [graph_prefix + FACTS_GRAPH])
        self.timeout = timeout
        self.graphs_ttl = graphs_ttl
        self.auth = auth
        self._local = threading.local()
        self._graphs: tuple[float, list[str]] | None = None
        self._graphs_lock = threading.Lock()

    # -- HTTP ---------------------------------------------------------------------------------
    @contextlib.contextmanager
    def time_limit(self, seconds: float):
        """Requests made in this thread inside the block have ``seconds`` instead of ``timeout``."""
        old = getattr(self._local, "limit", None)
        self._local.limit = seconds
        try:
            yield
        finally:
            self._local.limit = old

    def _deadline(self) -> float:
        return time.monotonic() + (getattr(self._local, "limit", None) or self.timeout)

    def _session(self) -> requests.Session:
        if not hasattr(self._local, "session"):
            self._local.session = requests.Session()
        return self._local.session

    def _post(self, text: str, default: list[str] | None, named: list[str] | None,
              deadline: float, accept: str = RESULTS_XML) -> tuple[str, bytes]:
        data: list[tuple[str, str]] = [("query", text)]
        data += [("default-graph-uri", g) for g in default or ()]
        data += [("named-graph-uri", g) for g in named or ()]
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RemoteTimeout(getattr(self._local, "limit", None) or self.timeout)
        try:
            with self._session().post(self.endpoint, data=data, headers={"Accept": accept}, stream=True,
                                      timeout=(min(remaining, 10.0), remaining), auth=self.auth) as response:
                chunks = []
                for chunk in response.iter_content(64 * 1024):
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise RemoteTimeout(getattr(self._local, "limit", None) or self.timeout)
                body = b"".join(chunks)
                status = response.status_code
                # Virtuoso's "anytime" answer: its own MaxQueryExecutionTime passed and it sends the rows
                # found so far with 200; a partial answer is not an answer
                partial = response.headers.get("X-SQL-State", "").strip().upper() == "S1TAT"
                content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        except requests.Timeout:
            raise RemoteTimeout(getattr(self._local, "limit", None) or self.timeout) from None
        except requests.RequestException as exc:
            raise RemoteError(502, f"the SPARQL endpoint {self.endpoint} cannot be reached: "
                                   f"{type(exc).__name__}") from None
        if partial and status < 400:
            raise RemoteError(504, "the SPARQL endpoint stopped the query at its own time limit and "
                                   "answered part of it (X-SQL-State: S1TAT)")
        if status >= 400:
            detail = body.decode("utf-8", "replace").strip()[:1000]
            raise RemoteError(400 if 400 <= status < 500 else 502,
                              f"the SPARQL endpoint answered {status}: {detail}")
        return content_type, body

    # -- the MDKG graphs ------------------------------------------------------------------------
    def mdkg_graphs(self) -> list[str]:
        """The named graphs MDKG wrote (IRIs under ``graph_prefix``), sorted; kept ``graphs_ttl`` s.

        Read from the build graph (each report graph ``prov:wasGeneratedBy`` the build) and the
        build's fixed graphs found by name, which are index look-ups; only when the engine has no
        build graph, from a pass over every quad (``DISTINCT ?g``), filtered here: on Virtuoso 7.2 with
        2.5 million quads that pass took 6 s, and over 30 s with the prefix test in the query."""
        with self._graphs_lock:
            if self._graphs is not None and time.monotonic() - self._graphs[0] < self.graphs_ttl:
                return self._graphs[1]
        fixed = " ".join(f"<{self.graph_prefix}{name}>" for name in FIXED_GRAPHS)
        text = (f"SELECT DISTINCT ?g WHERE {{ {{ GRAPH <{self.graph_prefix}build> {{ ?g <{PROV_GENERATED}> ?build }} }}"
                f" UNION {{ VALUES ?g {{ {fixed} }} FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }} }}")
        _, body = self._post(text, None, None, self._deadline())
        found = [s["g"].value for s in ox.parse_query_results(body, ox.QueryResultsFormat.XML)]
        if f"{self.graph_prefix}build" not in found:
            _, body = self._post("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None, None, self._deadline())
            found = [s["g"].value for s in ox.parse_query_results(body, ox.QueryResultsFormat.XML)]
        graphs = sorted({g for g in found if g.startswith(self.graph_prefix)})
        with self._graphs_lock:
            self._graphs = (time.monotonic(), graphs)
        return graphs

    # -- the Store API ---------------------------------------------------------------------------
    def query(self, text: str, *, base_iri: str | None = None, use_default_graph_as_union: bool = False,
              default_graph=None, named_graphs=None, substitutions=None, custom_functions=None,
              **_ignored):
        has_dataset = remote_guard.inspect(text, base_iri)  # SERVICE refused before the query leaves
        if substitutions:
            text = with_values(text, {v.value if isinstance(v, ox.Variable) else v: t
                                      for v, t in substitutions.items()})
        if base_iri:
            text = f"BASE <{base_iri}>\n{text}"
        default = named = None
        if default_graph is not None or named_graphs is not None:
            defaults = default_graph if isinstance(default_graph, (list, tuple)) else (
                [] if default_graph is None else [default_graph])
            default = [g.value if isinstance(g, ox.NamedNode) else EMPTY_DEFAULT for g in defaults]
            default = default or [EMPTY_DEFAULT]
            named = [g.value for g in named_graphs or ()] or [EMPTY_DEFAULT]
        elif not has_dataset:
            graphs = self.mdkg_graphs() or [EMPTY_DEFAULT]
            union = [g for g in graphs if g not in self.named_only] or [EMPTY_DEFAULT]
            default = union if use_default_graph_as_union else [EMPTY_DEFAULT]
            # named graphs only for a query that reads them (GRAPH): each graph listed costs the engine
            named = graphs if _GRAPH.search(_mask(text)) else [EMPTY_DEFAULT]
        accept = GRAPH_ACCEPT if query_form(text) in ("CONSTRUCT", "DESCRIBE") else RESULTS_XML
        content_type, body = self._post(text, default, named, self._deadline(), accept)
        return _answer(content_type, body)

    def named_graphs(self) -> Iterable[ox.NamedNode]:
        return [ox.NamedNode(g) for g in self.mdkg_graphs()]

    def contains_named_graph(self, graph) -> bool:
        return isinstance(graph, ox.NamedNode) and graph.value in self.mdkg_graphs()

    def quads_for_pattern(self, subject, predicate, obj, graph=None) -> Iterable[ox.Quad]:
        if subject is not None or predicate is not None or obj is not None:
            raise NotImplementedError("RemoteStore.quads_for_pattern takes only a graph")
        if isinstance(graph, ox.DefaultGraph):
            return iter(())  # MDKG writes no triples to the default graph
        graphs = [graph] if graph is not None else self.named_graphs()
        return (ox.Quad(t.subject, t.predicate, t.object, g) for g in graphs
                for t in self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def __iter__(self):
        return iter(self.quads_for_pattern(None, None, None, None))


def _answer(content_type: str, body: bytes):
    if content_type in (RESULTS_XML, "application/xml", "text/xml"):
        return ox.parse_query_results(_VIRTUOSO_BNODE.sub(b"<bnode>", body), ox.QueryResultsFormat.XML)
    if content_type == "application/sparql-results+json":
        return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    formats = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
               "text/turtle": ox.RdfFormat.TURTLE, "text/ntriples": ox.RdfFormat.N_TRIPLES}
    if content_type not in formats:
        raise RemoteError(502, f"the SPARQL endpoint answered in an unexpected format {content_type!r}")
    try:
        return list(ox.parse(body, format=formats[content_type]))
    except SyntaxError as exc:
        raise RemoteError(502, f"the SPARQL endpoint's {content_type} answer does not parse: {exc}") from None
