"""Publish a local store to a remote triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

:func:`push_store` sends every named graph of the store with ``PUT <endpoint>?graph=<IRI>``
(N-Triples body), which replaces that graph on the server in one request; graphs on the
server that the local store does not have are left alone, and the push as a whole is not one
transaction (a failure part-way leaves the graphs already sent replaced). Each graph is one
``PUT``, which an engine that applies it in one transaction (Oxigraph; Fuseki and GraphDB by
their documentation) replaces atomically: a reader sees the old graph or the new one. Virtuoso
7.2 does not: measured on this project, a reader polling during a ``PUT`` (and during a SPARQL
``MOVE`` from a staging graph) saw partial graphs; its ``INSERT DATA`` stops near 5,000 triples
per request. See docs/deployment.md.

Authentication: a bearer token (``token``), or a user name and password (``auth=(user,
password)``) sent the way the server asks for them: the smallest graph goes first without
credentials, and when the server answers 401 its ``WWW-Authenticate`` challenge chooses HTTP
Digest (``requests.auth.HTTPDigestAuth``, e.g. Virtuoso's ``/sparql-graph-crud-auth``) or HTTP
Basic (Fuseki with Shiro, GraphDB); the rest of the graphs reuse that scheme. A server that
asks for neither gets :class:`PushError`. Any 4xx/5xx answer or network failure raises
:class:`PushError` naming the graph. It does not delete remote graphs, compress bodies, or retry.
"""
from __future__ import annotations

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

NTRIPLES = "application/n-triples"
DEFAULT_TIMEOUT = 120.0
DEFAULT_GRAPH_KEY = "default"


class PushError(RuntimeError):
    """A graph could not be written to the remote endpoint."""

    def __init__(self, endpoint: str, graph: str, message: str):
        super().__init__(f"push of graph <{graph}> to {endpoint} failed: {message}")
        self.endpoint = endpoint
        self.graph = graph


def graph_body(st: ox.Store, graph) -> tuple[bytes, int]:
    """The N-Triples of one graph of ``st`` and its triple count."""
    triples = [ox.Triple(q.subject, q.predicate, q.object)
               for q in st.quads_for_pattern(None, None, None, graph)]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", len(triples)


def auth_for_challenge(challenge: str, user: str, password: str) -> AuthBase | None:
    """The ``requests`` auth object answering a ``WWW-Authenticate`` header (Digest preferred
    over Basic when both are offered); None when it offers neither."""
    schemes = {part.strip().split(" ", 1)[0].lower() for part in
               challenge.replace(", ", "\n").splitlines() if part.strip() and "=" not in part.split(" ", 1)[0]}
    if "digest" in schemes:
        return HTTPDigestAuth(user, password)
    if "basic" in schemes:
        return HTTPBasicAuth(user, password)
    return None


def _send(session: requests.Session, endpoint: str, graph, body: bytes, token: str | None,
          auth: AuthBase | None, timeout: float) -> requests.Response:
    name = DEFAULT_GRAPH_KEY if isinstance(graph, ox.DefaultGraph) else graph.value
    params = {"default": ""} if isinstance(graph, ox.DefaultGraph) else {"graph": graph.value}
    headers = {"Content-Type": NTRIPLES}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        return session.put(endpoint, params=params, data=body, headers=headers, auth=auth, timeout=timeout)
    except requests.RequestException as exc:
        raise PushError(endpoint, name, f"{type(exc).__name__}: {exc}") from exc


def _check(response: requests.Response, endpoint: str, graph) -> None:
    if response.status_code >= 400:
        name = DEFAULT_GRAPH_KEY if isinstance(graph, ox.DefaultGraph) else graph.value
        detail = response.text.strip()[:500] or response.reason
        raise PushError(endpoint, name, f"HTTP {response.status_code}: {detail}")


def put_graph(session: requests.Session, endpoint: str, graph, body: bytes, *, token: str | None = None,
              auth=None, timeout: float = DEFAULT_TIMEOUT) -> None:
    """``PUT`` one graph (``graph`` a NamedNode, or DefaultGraph for ``?default``); raise on failure.

    ``auth`` is a ``requests`` auth object or a ``(user, password)`` pair sent as HTTP Basic."""
    _check(_send(session, endpoint, graph, body, token, auth, timeout), endpoint, graph)


class _Credentials:
    """A user and password, turned into the scheme the server's first 401 asks for."""

    def __init__(self, user: str, password: str):
        self.user, self.password = user, password
        self.auth: AuthBase | None = None

    def put(self, session, endpoint, graph, body, token, timeout) -> None:
        response = _send(session, endpoint, graph, body, token, self.auth, timeout)
        if response.status_code == 401 and self.auth is None:
            challenge = response.headers.get("WWW-Authenticate", "")
            self.auth = auth_for_challenge(challenge, self.user, self.password)
            if self.auth is None:
                name = DEFAULT_GRAPH_KEY if isinstance(graph, ox.DefaultGraph) else graph.value
                raise PushError(endpoint, name, f"HTTP 401 asks for neither Basic nor Digest "
                                                f"authentication (WWW-Authenticate: {challenge!r})")
            response = _send(session, endpoint, graph, body, token, self.auth, timeout)
        _check(response, endpoint, graph)


def push_store(st: ox.Store, endpoint: str, token: str | None = None, *,
               auth: tuple[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT) -> dict[str, int]:
    """Replace each named graph of ``st`` on the Graph Store endpoint; ``{graph IRI: triples sent}``.

    The default graph is sent too (``?default``, key ``"default"``) when it holds anything.
    Graphs go smallest first, so that an authentication challenge is answered on a small body.
    """
    graphs = list(st.named_graphs())
    if next(iter(st.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.append(ox.DefaultGraph())
    for graph in graphs:
        if isinstance(graph, ox.BlankNode):
            raise PushError(endpoint, str(graph), "a blank-node graph name cannot be addressed "
                                                  "by the Graph Store Protocol")
    bodies = [(graph, *graph_body(st, graph)) for graph in graphs]
    bodies.sort(key=lambda item: (len(item[1]), getattr(item[0], "value", "")))
    credentials = _Credentials(*auth) if auth else None
    counts: dict[str, int] = {}
    with requests.Session() as session:
        for graph, body, n in bodies:
            if credentials is not None:
                credentials.put(session, endpoint, graph, body, token, timeout)
            else:
                put_graph(session, endpoint, graph, body, token=token, timeout=timeout)
            counts[DEFAULT_GRAPH_KEY if isinstance(graph, ox.DefaultGraph) else graph.value] = n
    return counts
