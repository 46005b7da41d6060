"""Parse-only syntax check of a query by pyoxigraph, and the refusal a job can answer with.

pyoxigraph has no parse-only call, so :func:`query_syntax_error` calls ``Store.query`` with a
deliberately invalid ``default_graph`` argument, which pyoxigraph rejects only *after* parsing
and before evaluating anything. The named-query catalogue uses it to check its files at load.

This module is no safety barrier: SERVICE and LOAD are stopped by the kernel in the query and
writer processes (``sandbox``), and every request's syntax error comes from the engine that
runs it (``engine``). It does not execute queries.
"""
from __future__ import annotations

import pyoxigraph as ox

_NOT_A_GRAPH = object()  # makes pyoxigraph stop after parsing (see module docstring)


class Rejected(Exception):
    """A request the service will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def query_syntax_error(text: str, base_iri: str | None) -> str | None:
    """pyoxigraph's syntax error message for ``text``, or None when it parses."""
    try:
        ox.Store().query(text, base_iri=base_iri, default_graph=_NOT_A_GRAPH)  # type: ignore[arg-type]
    except SyntaxError as exc:
        return str(exc)
    except ValueError:
        return None
    raise RuntimeError("pyoxigraph evaluated a query during the parse-only check")
