"""Publish a local store to a remote triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

:func:`push_store` sends every named graph of the store with ``PUT <endpoint>?graph=<IRI>``
(N-Triples body), which replaces that graph on the server in one request; graphs on the
server that the local store does not have are left alone, and the push as a whole is not one
transaction (a failure part-way leaves the graphs already sent replaced). A bearer token or
HTTP basic credentials (``auth=(user, password)`` or ``https://user:pass@host/...``) are sent
when given. Any 4xx/5xx answer or network failure raises :class:`PushError` naming the graph.
It does not delete remote graphs, compress bodies, or retry.
"""
from __future__ import annotations

import pyoxigraph as ox
import requests

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


def put_graph(session: requests.Session, endpoint: str, graph, body: bytes, *, token: str | None = None,
              auth: tuple[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT) -> None:
    """``PUT`` one graph (``graph`` a NamedNode, or DefaultGraph for ``?default``); raise on failure."""
    name = DEFAULT_GRAPH_KEY if isinstance(graph, ox.DefaultGraph) else graph.value
    params = {"default": ""} if isinstance(graph, ox.DefaultGraph) else {"graph": graph.value}
    headers = {"Content-Type": NTRIPLES}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        response = session.put(endpoint, params=params, data=body, headers=headers, auth=auth,
                               timeout=timeout)
    except requests.RequestException as exc:
        raise PushError(endpoint, name, f"{type(exc).__name__}: {exc}") from exc
    if response.status_code >= 400:
        detail = response.text.strip()[:500] or response.reason
        raise PushError(endpoint, name, f"HTTP {response.status_code}: {detail}")


def push_store(st: ox.Store, endpoint: str, token: str | None = None, *,
               auth: tuple[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT) -> dict[str, int]:
    """Replace each named graph of ``st`` on the Graph Store endpoint; ``{graph IRI: triples sent}``.

    The default graph is sent too (``?default``, key ``"default"``) when it holds anything.
    """
    graphs = sorted((g for g in st.named_graphs()), key=lambda g: g.value)
    if next(iter(st.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.append(ox.DefaultGraph())
    counts: dict[str, int] = {}
    with requests.Session() as session:
        for graph in graphs:
            if isinstance(graph, ox.BlankNode):
                raise PushError(endpoint, str(graph), "a blank-node graph name cannot be addressed "
                                                      "by the Graph Store Protocol")
            body, n = graph_body(st, graph)
            put_graph(session, endpoint, graph, body, token=token, auth=auth, timeout=timeout)
            counts[DEFAULT_GRAPH_KEY if isinstance(graph, ox.DefaultGraph) else graph.value] = n
    return counts
