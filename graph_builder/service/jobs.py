"""The query-execution API of the web service: jobs for the query processes and their HTTP answers.

A blueprint says what to run as a :class:`QueryJob`, :class:`UpdateJob`, :class:`GraphJob` or
:class:`StatsJob` (never a dict built by hand). :func:`read` and :func:`write` send it through the app's executor
(result cache, process pool and time limit included) and add the engine time to ``g.engine_ms``;
:func:`ok` turns a failed answer into the HTTP error the engine chose (``abort`` with its status
and message); :func:`http_response` shapes a successful answer as the protocol response (rows
truncated at the cap are flagged in headers). :func:`select` and :func:`construct` are the two
common shapes of the service's own queries.

Between the web process and the query processes a job travels as a plain dict (its fields are
documented in ``query_worker``); ``wire()`` writes it. This module does not parse SPARQL, negotiate
formats or open a store.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping

from flask import Response, abort, g
from werkzeug.exceptions import ServiceUnavailable, TooManyRequests

from graph_builder.service import negotiation
from graph_builder.service.results import JSON_RESULTS
from graph_builder.service.state import current

INTERNAL_ROW_CAP = 200_000  # rows of the service's own page queries (pages are bounded by the data)


@dataclass(frozen=True)
class QueryJob:
    """One SPARQL query: its text and how to answer (media types, row cap, dataset, bindings)."""

    text: str
    results_type: str | None = None        # SELECT/ASK answer type; None: those forms answer 406
    graph_type: str | None = None          # CONSTRUCT/DESCRIBE answer type; None: 406
    max_rows: int = INTERNAL_ROW_CAP
    base: str | None = None
    dataset: Mapping[str, list[str]] | None = None   # protocol dataset {"default": [...], "named": [...]}
    substitutions: Mapping[str, Any] | None = None   # variable -> pyoxigraph term (never pasted)

    @classmethod
    def limited(cls, text: str, **fields) -> "QueryJob":
        """A job under the configured row cap (for queries users send)."""
        return cls(text, max_rows=current().config["MAX_ROWS"], **fields)

    def wire(self) -> dict:
        return {"kind": "query", "text": self.text, "base": self.base, "dataset": self.dataset,
                "substitutions": self.substitutions, "results_type": self.results_type,
                "graph_type": self.graph_type, "max_rows": self.max_rows}


def negotiated_query(text: str, base: str | None, accept, fmt: str | None,
                     dataset: Mapping[str, list[str]] | None, cfg: Mapping[str, Any]) -> QueryJob:
    """A protocol query: answer types chosen from ``Accept`` (or ``format``), the configured row cap
    (shared by ``/sparql`` and the WSGI fast path, which takes ``cfg`` without an app context)."""
    return QueryJob(text, base=base, dataset=dataset, max_rows=cfg["MAX_ROWS"],
                    results_type=negotiation.choose(accept, negotiation.RESULTS_TYPES, JSON_RESULTS, fmt,
                                                    negotiation.RESULTS_PARAM),
                    graph_type=negotiation.choose(accept, negotiation.GRAPH_TYPES, "text/turtle", fmt,
                                                  negotiation.GRAPH_PARAM))


@dataclass(frozen=True)
class UpdateJob:
    """One SPARQL update, with its ``using-graph-uri`` / ``using-named-graph-uri`` dataset."""

    text: str
    base: str | None
    using: list[str]
    using_named: list[str]

    def wire(self) -> dict:
        return {"kind": "update", "text": self.text, "base": self.base, "using": self.using,
                "using_named": self.using_named}


@dataclass(frozen=True)
class GraphJob:
    """A Graph Store operation: ``get`` (read), ``delete``, ``put`` or ``post`` (writes).

    ``graph`` None is the store's default graph; ``whole_dataset`` (post only) adds quads to
    their own graphs."""

    op: str
    graph: str | None = None
    whole_dataset: bool = False
    graph_type: str | None = None      # get: the answer's media type
    data: bytes | None = None          # put/post: the body, its media type and base IRI
    format: str | None = None
    base: str | None = None

    def wire(self) -> dict:
        if self.op == "get":
            return {"kind": "graph_get", "graph": self.graph, "graph_type": self.graph_type}
        target = None if self.whole_dataset else {"graph": self.graph}
        if self.op == "delete":
            return {"kind": "graph_delete", "target": target}
        return {"kind": f"graph_{self.op}", "target": target, "data": self.data, "format": self.format,
                "base": self.base}


@dataclass(frozen=True)
class StatsJob:
    """Quads per graph of the build the readers read (for ``/health``)."""

    def wire(self) -> dict:
        return {"kind": "stats"}


def _timed(answer: dict) -> dict:
    g.engine_ms = (g.get("engine_ms") or 0) + (answer.get("engine_ms") or 0)
    return answer


def read(job: QueryJob | GraphJob | StatsJob) -> dict:
    """The executor's answer to a read job (not checked: see :func:`ok`)."""
    return _timed(current().executor.read(job.wire()))


def write(job: UpdateJob | GraphJob) -> dict:
    """The writer's answer to a write job (403 on a read-only service; not checked)."""
    return _timed(current().executor.write(job.wire()))


RETRYABLE = {429: TooManyRequests, 503: ServiceUnavailable}


def ok(answer: dict, default_message: str = "") -> dict:
    """``answer`` when it succeeded; otherwise abort with the engine's status and message (and
    ``Retry-After`` when the pool refused the job for now)."""
    status = answer["status"]
    if status >= 300:
        message = answer.get("message", default_message)
        if status in RETRYABLE and answer.get("retry_after"):
            raise RETRYABLE[status](description=message, retry_after=answer["retry_after"])
        abort(status, description=message)
    return answer


def success_response(answer: dict, row_limit: int) -> Response:
    """The protocol response to a successful (< 300) answer: body, Vary, timing and row-cap
    headers; 204 without a body (shared with the WSGI fast path)."""
    if answer["status"] == 204 or "body" not in answer:
        return Response(status=204)
    response = Response(answer["body"], status=answer["status"], content_type=answer["content_type"])
    response.headers["Vary"] = "Accept"
    if answer.get("engine_ms") is not None:
        response.headers["X-MDKG-Query-Time"] = str(answer["engine_ms"])
    if answer.get("truncated"):
        response.headers["X-MDKG-Truncated"] = "true"
        response.headers["X-MDKG-Row-Limit"] = str(row_limit)
    return response


def http_response(answer: dict, row_limit: int) -> Response:
    """The protocol response for an answer (a failed one aborts with its status and message)."""
    return success_response(ok(answer), row_limit)


def select(job: QueryJob) -> list[dict]:
    """The SPARQL JSON bindings of a SELECT (the job's results type is set to SPARQL JSON)."""
    if job.results_type != JSON_RESULTS:
        job = QueryJob(**{**job.__dict__, "results_type": JSON_RESULTS})
    return json.loads(ok(read(job), "query failed")["body"])["results"]["bindings"]


def construct(job: QueryJob, on_406: tuple[int, str] | None = None) -> tuple[bytes, bool]:
    """(body, truncated) of a CONSTRUCT/DESCRIBE; ``on_406`` replaces the answer to a SELECT/ASK."""
    answer = read(job)
    if answer["status"] == 406 and on_406 is not None:
        abort(on_406[0], description=on_406[1])
    return ok(answer, "query failed")["body"], bool(answer.get("truncated"))
