"""What MDKG checks in a query before sending it to a remote SPARQL engine: syntax, SERVICE, FROM.

Over its own store MDKG keeps SERVICE and LOAD off the network in the kernel (``sandbox``); over a
remote engine (``remote_store``) MDKG is not the engine, so the query it is about to send is the
only thing it controls, and parsing it is the right place to refuse: :func:`inspect` raises
:class:`graph_builder.service.guard.Rejected` for a syntax error (400, pyoxigraph's message) and for
any SERVICE pattern (403), decided on the parsed algebra (rdflib's parser), never on the text. A
text rdflib cannot parse is refused too (fail closed). It also tells whether the query has its own
FROM/FROM NAMED. A query whose text holds neither ``service`` nor ``from`` in any letter case, nor
a ``\\u``/``\\U`` escape, cannot hold either keyword, so it is not given to rdflib (its parser
costs 10-40 ms). What the engine itself fetches is governed by the engine's own settings.
"""
from __future__ import annotations

import re

from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from graph_builder.service.guard import Rejected, query_syntax_error

_NEEDS_RDFLIB = re.compile(r"service|from|\\u", re.IGNORECASE)


def _nodes(node, name: str, found: list) -> list:
    if isinstance(node, CompValue):
        if node.name == name:
            found.append(node)
        for value in node.values():
            _nodes(value, name, found)
    elif isinstance(node, dict):
        for value in node.values():
            _nodes(value, name, found)
    elif isinstance(node, (list, tuple, set)):
        for value in node:
            _nodes(value, name, found)
    return found


def inspect(text: str, base_iri: str | None) -> bool:
    """Whether the query has FROM/FROM NAMED; :class:`Rejected` for bad syntax or SERVICE."""
    message = query_syntax_error(text, base_iri)
    if message is not None:
        raise Rejected(400, f"SPARQL query syntax error: {message}")
    if _NEEDS_RDFLIB.search(text) is None:
        return False
    try:
        algebra = translateQuery(parseQuery(text), base=base_iri).algebra
    except Exception as exc:  # rdflib's parser or algebra: fail closed
        raise Rejected(400, f"query accepted by pyoxigraph but not by the SERVICE check (rdflib): "
                            f"{type(exc).__name__}: {exc}") from None
    for service in _nodes(algebra, "ServiceGraphPattern", []):
        term = service["term"] if "term" in service else None
        raise Rejected(403, f"SERVICE {'<' + str(term) + '>' if term is not None else ''} refused: this "
                            f"service reads a remote SPARQL endpoint and sends it no federated query")
    return "datasetClause" in algebra and bool(algebra["datasetClause"])
