"""Whether a named query's answer has one order on any engine: read off its text, for the catalogue's tests.

A page of a named query's answer (``LIMIT``/``OFFSET`` after its own ``ORDER BY``:
:class:`graph_builder.service.named_queries.Page`) holds the same rows on every engine only when the
``ORDER BY`` is total, i.e. two rows that tie on every key are the same row. That holds when the
top-level ``ORDER BY`` names every variable the query projects (``DESC(?n)``, ``STR(?x)`` count), so
:func:`unordered_variables` lists the projected variables it leaves out. An engine breaks a tie in its
own order (Oxigraph by its internal ids, Virtuoso by its load order), so a query that leaves one out can
answer another page on another engine, or after a rebuild.

:func:`engine_dependent_aggregates` lists the ``MIN``/``MAX``/``SAMPLE`` of a bare variable: which term
they choose is the engine's (SPARQL leaves ``SAMPLE`` open and orders terms of different kinds only
partly; Virtuoso 7.2 returns another ``MIN`` of language-tagged strings than their text order, and
orders IRIs by internal id in some plans), so the portable form aggregates the text, ``MIN(STR(?x))``,
and makes the term again (``IRI(...)``, ``STRLANG(..., "en")``, ``STRDT(..., xsd:dateTime)``).

:func:`order_problems` gives the two checks as messages; ``tests/test_query_order.py`` requires none for every
bundled named query (a catalogue of one's own may ignore them: the service does not refuse such a query).
The lexer is :func:`graph_builder.service.query_text.tokens` (IRIs, strings and comments skipped,
brackets tracked). This module runs no query and does not judge what the order means.
"""
from __future__ import annotations

from typing import Iterable

from graph_builder.service.query_text import tokens

AGGREGATES_OF_ONE = {"MIN", "MAX", "SAMPLE"}
_ENDS = {"WHERE", "FROM", "{"}


def projected_variables(text: str) -> list[str] | None:
    """The variables the top-level ``SELECT`` projects, in order (``(expr AS ?v)`` gives ``?v``);
    None for ``SELECT *`` or a text with no top-level ``SELECT``."""
    found: list[str] = []
    inside, after_as = False, False
    for kind, value, depth in tokens(text):
        if kind in ("space", "comment"):
            continue
        upper = value.upper()
        if not inside:
            inside = kind == "word" and depth == 0 and upper == "SELECT"
            continue
        if depth == 0 and (upper in _ENDS or kind == "open" and value == "{"):
            return found
        if kind == "word" and value == "*" and depth == 0:
            return None
        if kind == "word" and value[0] in "?$":
            if after_as or depth == 0:
                found.append(value[1:])
            after_as = False
            continue
        after_as = kind == "word" and upper == "AS" and depth == 1
    return found if inside else None


def order_variables(text: str) -> set[str]:
    """Every variable named in the top-level ``ORDER BY`` (empty when there is none)."""
    found: set[str] = set()
    state = 0  # 0: before ORDER, 1: after ORDER, 2: in the ORDER BY clause
    for kind, value, depth in tokens(text):
        if kind in ("space", "comment"):
            continue
        upper = value.upper() if kind == "word" else ""
        if depth == 0 and upper in ("LIMIT", "OFFSET", "VALUES"):
            state = 0
        elif state == 0 and depth == 0 and upper == "ORDER":
            state = 1
        elif state == 1:
            state = 2 if upper == "BY" else 0
        elif state == 2 and kind == "word" and value[0] in "?$":
            found.add(value[1:])
    return found


def unordered_variables(text: str) -> list[str] | None:
    """The projected variables the top-level ``ORDER BY`` leaves out (an empty list: the order is
    total); None when the projection cannot be read (``SELECT *``, not a SELECT)."""
    projected = projected_variables(text)
    if projected is None:
        return None
    ordered = order_variables(text)
    return [v for v in projected if v not in ordered]


def engine_dependent_aggregates(text: str) -> list[str]:
    """``MIN(?x)``, ``MAX(?x)``, ``SAMPLE(?x)`` (also with ``DISTINCT``) written on a bare variable:
    the term chosen depends on the engine's order of terms; ``MIN(STR(?x))`` does not."""
    found, pending, words = [], None, []
    for kind, value, depth in tokens(text):
        if kind in ("space", "comment"):
            continue
        if pending is not None:
            if kind == "open" and value == "(" and not words:
                words.append("(")
                continue
            if words and kind == "word" and value.upper() == "DISTINCT":
                continue
            if words and kind == "word" and value[0] in "?$":
                found.append(f"{pending}({value})")
            pending, words = None, []
            continue
        if kind == "word" and value.upper() in AGGREGATES_OF_ONE:
            pending = value.upper()
    return found


def order_problems(text: str, constants: Iterable[str] = ()) -> list[str]:
    """What makes the answer or its pages depend on the engine (empty: nothing found); ``constants``
    are variables written into the text as terms (a parameter of ``# binding: inline``)."""
    problems = []
    missing = unordered_variables(text)
    if missing is None:
        problems.append("the projection cannot be read (SELECT *): name the variables")
    elif [v for v in missing if v not in set(constants)]:
        problems.append("the ORDER BY leaves out " + ", ".join("?" + v for v in missing if v not in set(constants))
                        + ": rows tied on its keys come in the engine's order (add them after its own keys)")
    chosen = engine_dependent_aggregates(text)
    if chosen:
        problems.append(", ".join(chosen) + " chooses a term in the engine's order of terms: aggregate the text "
                        "(MIN(STR(?x))) and make the term again or join it back")
    return problems

