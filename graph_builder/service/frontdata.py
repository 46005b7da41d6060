"""The front door's data: its named queries run through the service's executor, once per build.

The home page, the browse pages, the pictures, search hits and evidence lists read the same few
answers (what the graph holds, entities per kind, how to cite each paragraph). :func:`rows` runs a
named query of the bundled catalogue (``queries/*.rq``, the same files ``/queries`` serves, so a
page's data is exactly what its SPARQL returns) through the executor (time limit, result cache)
and keeps the bindings on the application until the build the service reads changes: computed
once per build, not per request. Parameters are bound with pyoxigraph substitutions (never pasted).
:func:`citations` is the citation of every paragraph and footnote (:mod:`citation`).
This module renders nothing and registers no route.
"""
from __future__ import annotations

import json
import threading

from flask import current_app

from graph_builder.service import citation, jobs, overview
from graph_builder.service.jobs import QueryJob
from graph_builder.service.named_queries import NamedQuery, bind, check_args, load_catalogue, queries_dir
from graph_builder.service.results import JSON_RESULTS
from graph_builder.service.state import current, read_path

EXTENSION = "mdkg.frontdoor"
OWN_QUERIES = ("graph-summary", "entity-counts", "entities-of-kind", "paragraph-citations", "fact-evidence")
LOOKUP_ROWS = 100
_lock = threading.Lock()


def _memo() -> dict:
    """The per-app memo, emptied when the build the service reads changes."""
    with _lock:
        memo = current_app.extensions.setdefault(EXTENSION, {})
        path = read_path()
        if memo.get("build", "") != path:
            catalogue = memo.get("catalogue") or load_catalogue(queries_dir(current().config.get("QUERIES_DIR")))
            front = memo.get("front") or overview.load_front(known_queries=set(catalogue))
            memo.clear()
            memo.update(build=path, catalogue=catalogue, front=front, answers={})
        return memo


def catalogue() -> dict[str, NamedQuery]:
    return _memo()["catalogue"]


def front() -> overview.FrontDoor:
    return _memo()["front"]


def _lookup(text: str, substitutions: dict) -> list[str]:
    rows = jobs.select(QueryJob(text, max_rows=LOOKUP_ROWS, substitutions=substitutions))
    return [next(iter(r.values()))["value"] for r in rows if r]


def run(name: str, **params: str) -> list[dict]:
    """SPARQL JSON bindings of the named query ``name`` with ``params`` (ParamError: bad values)."""
    query = catalogue()[name]
    terms = bind(query, check_args(query, {k: [v] for k, v in params.items()}), _lookup)
    text, substitutions = query.prepared(terms)
    return jobs.select(QueryJob(text, results_type=JSON_RESULTS, substitutions=substitutions))


def rows(name: str, **params: str) -> list[dict]:
    """:func:`run`, memoised per build (for the front door's own, finitely many, queries)."""
    answers = _memo()["answers"]
    key = (name, tuple(sorted(params.items())))
    if key not in answers:
        answers[key] = run(name, **params)
    return answers[key]


def summary() -> dict:
    return overview.summary(rows("graph-summary"), rows("entity-counts"), front())


def citations(lang: str) -> dict[str, dict]:
    """``{paragraph IRI: {"text", "undocs", "symbol", "document", ...}}`` in ``lang`` (per build)."""
    memo = _memo()
    key = f"citations-{lang}"
    if key not in memo:
        out = {}
        for r in rows("paragraph-citations"):
            info = {k: overview.value(r, k) for k in ("number", "order", "symbol", "title_en",
                                                        "title_ar", "date", "document")}
            info["kind"] = (overview.value(r, "kind") or "").rsplit("#", 1)[-1]
            cited = citation.cite(info, lang)
            title = info.get(f"title_{lang}") or info.get("title_en") or info.get("title_ar")
            out[overview.value(r, "paragraph")] = dict(cited, document=info["document"], title=title,
                                                       number=info["number"], kind=info["kind"])
        memo[key] = out
    return memo[key]


def as_json(data) -> str:
    return json.dumps(data, ensure_ascii=False)
