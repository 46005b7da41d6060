"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (query and update operations).

Query: GET ``?query=``, POST form (``application/x-www-form-urlencoded``) or POST direct
(``application/sparql-query``), with ``default-graph-uri``/``named-graph-uri``. Update: POST
form ``update=`` or direct ``application/sparql-update`` with ``using-graph-uri``/
``using-named-graph-uri``, needing the bearer token. GET without a query returns the service
description. Bodies must be UTF-8 (other charsets: 415). Dataset semantics are documented in
``query_worker``; limits and status codes in ``config`` and ``query_pool``. This module parses the
HTTP request and shapes the response; it never evaluates SPARQL itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request

from graph_builder.service import auth, description, jobs, negotiation
from graph_builder.service.jobs import UpdateJob
from graph_builder.service.negotiation import FORM, QUERY_TYPE, UPDATE_TYPE
from graph_builder.service.state import current

blueprint = Blueprint("sparql", __name__)


@dataclass
class Operation:
    kind: str  # "query" or "update"
    text: str
    params: dict[str, list[str]] = field(default_factory=dict)


def _iris(values: list[str], name: str) -> list[str]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            abort(400, description=f"{name} is not a valid IRI: {value!r} ({exc})")
    return values


def _body_text() -> str:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        abort(415, description=f"request bodies must be UTF-8, not {charset}")
    try:
        return request.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError as exc:
        abort(400, description=f"request body is not valid UTF-8: {exc}")


def _single(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        abort(400, description=f"exactly one '{name}' parameter is allowed, got {len(values)}")
    return values[0] if values else None


def read_operation() -> Operation | None:
    """The operation the request asks for (None: a bare GET, answered with the description)."""
    args = request.args
    if request.method in ("GET", "HEAD"):
        if "update" in args:
            abort(400, description="SPARQL updates must be sent with POST")
        text = _single(args.getlist("query"), "query")
        return None if text is None else Operation("query", text, args.to_dict(flat=False))
    if not request.mimetype:
        abort(400, description="POST needs a Content-Type: application/x-www-form-urlencoded, "
                               "application/sparql-query or application/sparql-update")
    if request.mimetype == FORM:
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            abort(415, description=f"request bodies must be UTF-8, not {charset}")
        params = args.to_dict(flat=False)
        for key, values in request.form.to_dict(flat=False).items():
            params.setdefault(key, []).extend(values)
        query = _single(params.get("query", []), "query")
        update = _single(params.get("update", []), "update")
        if (query is None) == (update is None):
            abort(400, description="a form POST needs exactly one of 'query' or 'update'")
        return Operation("query", query, params) if query is not None else Operation("update", update, params)
    if request.mimetype in (QUERY_TYPE, UPDATE_TYPE):
        if "query" in args or "update" in args:
            abort(400, description="a direct POST carries the operation in the body, not in the URL")
        kind = "query" if request.mimetype == QUERY_TYPE else "update"
        return Operation(kind, _body_text(), args.to_dict(flat=False))
    abort(415, description=f"unsupported Content-Type {request.mimetype}")


def _query(op: Operation) -> Response:
    state = current()
    cfg = state.config
    fmt = request.args.getlist("format")
    dataset = None
    default = _iris(op.params.get("default-graph-uri", []), "default-graph-uri")
    named = _iris(op.params.get("named-graph-uri", []), "named-graph-uri")
    if default or named:
        dataset = {"default": default, "named": named}
    job = jobs.negotiated_query(op.text, request.base_url, request.accept_mimetypes, fmt, dataset, cfg)
    return jobs.http_response(jobs.read(job), cfg["MAX_ROWS"])


def _update(op: Operation) -> Response:
    state = current()
    auth.require_write_access(request, state.config["UPDATE_TOKEN"])
    job = UpdateJob(op.text, request.base_url,
                    using=_iris(op.params.get("using-graph-uri", []), "using-graph-uri"),
                    using_named=_iris(op.params.get("using-named-graph-uri", []), "using-named-graph-uri"))
    return jobs.http_response(jobs.write(job), 0)


def _description() -> Response:
    cfg = current().config
    media_type = negotiation.choose(request.accept_mimetypes, negotiation.GRAPH_TYPES, "text/turtle",
                                    request.args.get("format"), negotiation.GRAPH_PARAM)
    if media_type is None:
        abort(406, description="the service description is available as RDF only")
    body = description.description_bytes(request.base_url, bool(cfg["UPDATE_TOKEN"]),
                                         bool(cfg["ALLOWED_SERVICE_HOSTS"]), media_type)
    return Response(body, content_type=media_type, headers={"Vary": "Accept"})


@blueprint.route("/sparql", methods=["GET", "POST"])
@blueprint.route("/sparql/", methods=["GET", "POST"])
def endpoint() -> Response:
    op = read_operation()
    if op is None:
        return _description()
    if len(op.text) > current().config["MAX_QUERY_LENGTH"]:
        abort(413, description=f"the {op.kind} is longer than the limit of "
                               f"{current().config['MAX_QUERY_LENGTH']} characters")
    return _query(op) if op.kind == "query" else _update(op)
