"""``GET /health``: JSON with status, build id and time, and quads per graph.

The store's path on the server is not shown (it tells an anonymous client about the file system);
the build id (the build directory's name) identifies what is served.

The build time is the build activity's ``prov:endedAtTime`` in the build graph; only a store
without that provenance (made by another tool) falls back to the build directory's mtime
(``build_time_source`` says which).

The counts come from a query process (so a wedged store shows up as ``"status": "degraded"``
with 503). Nothing here changes the store.
"""
from __future__ import annotations

import datetime as dt
import json

from flask import Blueprint, jsonify

from graph_builder.namespaces import PROV, Base
from graph_builder.service import jobs
from graph_builder.service.jobs import QueryJob, StatsJob
from graph_builder.service.results import JSON_RESULTS
from graph_builder.service.state import current

blueprint = Blueprint("health", __name__)


BUILD_TIME_QUERY = (f"SELECT (MAX(?t) AS ?ended) WHERE {{ ?activity a <{PROV.Activity.value}> ; "
                    f"<{PROV.endedAtTime.value}> ?t }}")


def _recorded_build_time(state) -> str | None:
    """``prov:endedAtTime`` of the build activity in the build graph (None when absent)."""
    base = state.config["BASE"]
    graph = Base(base if base.endswith("/") else base + "/").build_graph
    answer = jobs.read(QueryJob(BUILD_TIME_QUERY, results_type=JSON_RESULTS, max_rows=1,
                                dataset={"default": [graph.value], "named": []}))
    if answer["status"] != 200:
        return None
    rows = json.loads(answer["body"])["results"]["bindings"]
    return rows[0]["ended"]["value"] if rows and "ended" in rows[0] else None


@blueprint.route("/health")
def health():
    state = current()
    executor = state.executor
    target = executor.build_target()
    build_time, build_time_source = _recorded_build_time(state), "build-graph"
    if build_time is None and target is not None:  # a store made by another tool: no provenance
        build_time = dt.datetime.fromtimestamp(target.stat().st_mtime, dt.timezone.utc).isoformat()
        build_time_source = "mtime"
    answer = jobs.read(StatsJob())
    remote = getattr(executor, "remote_store", None)  # a service over a remote SPARQL endpoint
    build_id = target.name if target is not None else "empty"
    if remote is not None:
        build_id = (executor.read_path() or "remote/empty").rsplit("/", 1)[-1]
    body = {
        "status": "ok" if answer["status"] == 200 else "degraded",
        "store": remote.endpoint if remote is not None else str(executor.store),
        "build_id": build_id,
        "build_time": build_time,
        "build_time_source": build_time_source if build_time else None,
        "writable": executor.writable,
        "graphs": answer.get("graphs", {}),
        "default_graph_quads": answer.get("default_graph_quads"),
    }
    if answer["status"] != 200:
        body["message"] = answer.get("message")
    return jsonify(body), (200 if answer["status"] == 200 else 503)
