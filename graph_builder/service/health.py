"""``GET /health``: JSON with status, store path, build id and time, and quads per graph.

The counts come from a query process (so a wedged store shows up as ``"status": "degraded"``
with 503). Nothing here changes the store.
"""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, g, jsonify

from graph_builder.service.state import current

blueprint = Blueprint("health", __name__)


@blueprint.route("/health")
def health():
    state = current()
    executor = state.executor
    target = executor.build_target()
    build_time = None
    if target is not None:
        build_time = dt.datetime.fromtimestamp(target.stat().st_mtime, dt.timezone.utc).isoformat()
    answer = executor.read({"kind": "stats"})
    g.engine_ms = answer.get("engine_ms")
    body = {
        "status": "ok" if answer["status"] == 200 else "degraded",
        "store": str(executor.store),
        "build_id": target.name if target is not None else "empty",
        "build_time": build_time,
        "writable": executor.writable,
        "graphs": answer.get("graphs", {}),
        "default_graph_quads": answer.get("default_graph_quads"),
    }
    if answer["status"] != 200:
        body["message"] = answer.get("message")
    return jsonify(body), (200 if answer["status"] == 200 else 503)
