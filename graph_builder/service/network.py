"""Graph export endpoints: ``/export/{graphml,gexf,cytoscape}`` (entity network of the knowledge graph).

- ``GET /export/{fmt}``: the whole entity network (:func:`graph_builder.publish.netexport.network`).
- ``GET /export/{fmt}?entity=IRI&depth=N``: the entities within ``N`` links of ``IRI``
  (either direction, ``0 <= N <= MAX_DEPTH``, default 1) and the links among them; 404 when
  ``IRI`` is not an entity.
- ``GET|POST /export/{fmt}?query=CONSTRUCT…`` (or a form POST, or ``application/sparql-query``
  body): the network of the graph a CONSTRUCT/DESCRIBE query returns, run through the service's
  executor with its time limit, row cap (``X-MDKG-Truncated``) and network sandbox; the
  result must carry the ``rdf:type`` of its nodes (see ``netexport.from_construct``).

Formats: GraphML (``application/graphml+xml``), GEXF 1.3 (``application/gexf+xml``),
Cytoscape.js elements JSON (``application/json``). The whole network is computed once per
build directory and kept on the application (``app.extensions``). Layout is the client's job.
"""
from __future__ import annotations

import io

import networkx as nx
import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, request

from graph_builder.publish import netexport
from graph_builder.service import jobs
from graph_builder.service.jobs import QueryJob
from graph_builder.service.negotiation import FORM, QUERY_TYPE
from graph_builder.service.state import current, open_build, read_path

blueprint = Blueprint("network", __name__)
CACHE = "mdkg.network"
MAX_DEPTH = 4
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
               "cytoscape": "application/json"}
FILE_NAMES = {"graphml": "mdkg.graphml", "gexf": "mdkg.gexf", "cytoscape": "mdkg.cytoscape.json"}


@blueprint.record_once
def _init_cache(setup_state) -> None:
    setup_state.app.extensions[CACHE] = {}


def whole_network() -> nx.MultiDiGraph:
    """The entity network of the build the service reads now (computed once per build)."""
    path = read_path()
    cache = current_app.extensions[CACHE]
    if cache.get("build", "") != path or "graph" not in cache:
        graph = netexport.network(open_build(path))
        cache.clear()
        cache.update(build=path, graph=graph)
    return cache["graph"]


def _depth() -> int:
    raw = request.args.get("depth", "1")
    try:
        depth = int(raw)
    except ValueError:
        abort(400, description=f"depth must be an integer, got {raw!r}")
    if not 0 <= depth <= MAX_DEPTH:
        abort(400, description=f"depth must be between 0 and {MAX_DEPTH}, got {depth}")
    return depth


def _query_text() -> str | None:
    if request.method == "POST":
        if request.mimetype == QUERY_TYPE:
            try:
                return request.get_data().decode("utf-8")
            except UnicodeDecodeError as exc:
                abort(400, description=f"request body is not valid UTF-8: {exc}")
        if request.mimetype == FORM:
            return request.form.get("query")
        abort(415, description="POST a form (query=...) or an application/sparql-query body")
    return request.args.get("query")


def construct_network(text: str) -> tuple[nx.MultiDiGraph, bool]:
    limit = current().config["MAX_QUERY_LENGTH"]
    if len(text) > limit:
        abort(413, description=f"the query is longer than the limit of {limit} characters")
    body, truncated = jobs.construct(QueryJob.limited(text, graph_type="application/n-triples"), on_406=(
        400, "the query must be a CONSTRUCT or DESCRIBE query (its graph is exported)"))
    triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
    return netexport.from_construct(triples), truncated


@blueprint.route("/export/<fmt>", methods=["GET", "POST"])
def export(fmt: str) -> Response:
    if fmt not in MEDIA_TYPES:
        abort(404, description=f"unknown export format {fmt!r}; use one of {', '.join(MEDIA_TYPES)}")
    truncated = False
    text = _query_text()
    entity = request.args.get("entity")
    if text is not None and entity is not None:
        abort(400, description="give either entity= or query=, not both")
    if text is not None:
        graph, truncated = construct_network(text)
    elif entity is not None:
        depth = _depth()
        whole = whole_network()
        if entity not in whole:
            abort(404, description=f"not an entity of the knowledge graph: {entity}")
        graph = nx.ego_graph(whole, entity, radius=depth, undirected=True)
    else:
        graph = whole_network()
    out = io.BytesIO()
    netexport.write_network(graph, fmt, out)
    response = Response(out.getvalue(), content_type=MEDIA_TYPES[fmt])
    if fmt != "cytoscape":
        response.headers["Content-Disposition"] = f'attachment; filename="{FILE_NAMES[fmt]}"'
    if truncated:
        response.headers["X-MDKG-Truncated"] = "true"
        response.headers["X-MDKG-Row-Limit"] = str(current().config["MAX_ROWS"])
    return response
