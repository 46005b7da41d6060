"""Applies the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` to a SPARQL update.

pyoxigraph's Python API takes no update dataset, so the parameters are applied the way the
SPARQL 1.1 Protocol defines them: as ``USING`` / ``USING NAMED`` clauses of every
``INSERT/DELETE ... WHERE`` operation. A small lexer (skipping IRIs, strings and comments,
tracking braces) finds each top-level ``WHERE`` keyword that is not the ``DELETE WHERE``
shortcut and inserts the clauses before it. Conflicts with an explicit USING/WITH are
detected in ``engine`` (``query_text.has_top_level_word``); this module does not validate.
"""
from __future__ import annotations

from graph_builder.service.query_text import TOKEN


def with_using(update: str, using: list[str], using_named: list[str]) -> str:
    """``update`` with USING / USING NAMED clauses added to each INSERT/DELETE ... WHERE."""
    if not using and not using_named:
        return update
    clause = "".join(f" USING <{iri}>" for iri in using)
    clause += "".join(f" USING NAMED <{iri}>" for iri in using_named)
    out: list[str] = []
    depth, previous, last = 0, "", 0
    for match in TOKEN.finditer(update):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        elif kind == "word":
            word = match.group().upper()
            if depth == 0 and word == "WHERE" and previous != "DELETE":
                out.append(update[last:match.start()])
                out.append(clause + " ")
                last = match.start()
            previous = word
            continue
        if kind not in ("comment", "space"):
            previous = ""
    out.append(update[last:])
    return "".join(out)
