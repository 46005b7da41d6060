"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``.

``?graph=IRI`` names a graph, ``?default`` the store's own default graph (not the union).
GET/HEAD read without a token (404 for an absent named graph; RDF format negotiated).
PUT replaces (201 created / 204 replaced), POST adds (201/204), DELETE removes (204/404);
those need the bearer token. A POST with neither parameter and a dataset format (TriG,
N-Quads) adds the quads to their own graphs. Bodies are parsed by pyoxigraph (400 with the
parser's message, 415 for an unknown Content-Type). This module shapes HTTP only.
"""
from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request

from graph_builder.service import auth, jobs, negotiation
from graph_builder.service.jobs import GraphJob
from graph_builder.service.state import current

blueprint = Blueprint("graph_store", __name__)


def _target() -> dict | None:
    graphs = request.args.getlist("graph")
    has_default = "default" in request.args
    if len(graphs) > 1 or (graphs and has_default):
        abort(400, description="give exactly one of ?graph=IRI or ?default")
    if has_default:
        return {"graph": None}
    if graphs:
        try:
            ox.NamedNode(graphs[0])
        except ValueError as exc:
            abort(400, description=f"graph is not a valid IRI: {graphs[0]!r} ({exc})")
        return {"graph": graphs[0]}
    return None


def _answer(answer: dict) -> Response:
    jobs.ok(answer)
    if "body" in answer:
        return Response(answer["body"], status=answer["status"], content_type=answer["content_type"],
                        headers={"Vary": "Accept"})
    return Response(status=answer["status"])


@blueprint.route("/store", methods=["GET", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    state = current()
    target = _target()
    if request.method in ("GET", "HEAD"):
        if target is None:
            abort(400, description="GET needs ?graph=IRI or ?default")
        media_type = negotiation.choose(request.accept_mimetypes, negotiation.GRAPH_TYPES, "text/turtle",
                                        request.args.get("format"), negotiation.GRAPH_PARAM)
        if media_type is None:
            abort(406, description="no acceptable RDF format")
        return _answer(jobs.read(GraphJob("get", target["graph"], graph_type=media_type)))
    auth.require_write_access(request, state.config["UPDATE_TOKEN"])
    if request.method == "DELETE":
        if target is None:
            abort(400, description="DELETE needs ?graph=IRI or ?default")
        return _answer(jobs.write(GraphJob("delete", target["graph"])))
    fmt = ox.RdfFormat.from_media_type(request.mimetype) if request.mimetype else None
    if fmt is None:
        abort(415, description=f"unsupported RDF Content-Type {request.mimetype or '(none)'}")
    if target is None and (request.method == "PUT" or not fmt.supports_datasets):
        abort(400, description="PUT needs ?graph=IRI or ?default; a POST without them needs TriG or N-Quads")
    return _answer(jobs.write(GraphJob("put" if request.method == "PUT" else "post",
                                       None if target is None else target["graph"],
                                       whole_dataset=target is None, data=request.get_data(),
                                       format=request.mimetype, base=request.base_url)))
