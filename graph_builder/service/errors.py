"""Error responses, CORS headers and the JSON access log, registered on the application.

Every HTTP error is answered as ``text/plain`` with the status line and a message; any other
exception becomes a 500 with a fixed message (the traceback goes to the server log only, never
to the client). One JSON line per request goes to the ``mdkg.access`` logger: method, path,
status, duration in ms and the engine time of the query, if any.
"""
from __future__ import annotations

import json
import logging
import sys
import time

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

ACCESS_LOGGER = "mdkg.access"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept",
    "Access-Control-Expose-Headers": "X-MDKG-Truncated, X-MDKG-Row-Limit, X-MDKG-Query-Time",
    "Access-Control-Max-Age": "86400",
}


def error_response(status: int, message: str, headers: dict | None = None) -> Response:
    response = Response(f"{status} {message}\n", status=status, mimetype="text/plain")
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def _http_error(exc: HTTPException) -> Response:
    response = error_response(exc.code or 500, exc.description or exc.name)
    for key, value in exc.get_headers():
        if key.lower() != "content-type":
            response.headers[key] = value
    return response


def _unexpected(exc: Exception) -> Response:
    logging.getLogger("mdkg.service").exception("unhandled error on %s %s", request.method, request.path)
    return error_response(500, "internal error (logged on the server)")


def _start_timer() -> None:
    g.started = time.perf_counter()


def finish(response: Response, method: str, path: str, remote: str | None, started: float | None,
           engine_ms) -> Response:
    """CORS headers and the access-log line of a response (shared with ``fastpath``)."""
    for key, value in CORS_HEADERS.items():
        response.headers.setdefault(key, value)
    access_line(method, path, response.status_code, remote, started, engine_ms)
    return response


def access_line(method: str, path: str, status: int, remote: str | None, started: float | None,
                engine_ms) -> None:
    """The JSON access-log line of one request (nothing when the access log is off)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if logger.disabled:
        return
    record = {
        "method": method, "path": path, "status": status,
        "duration_ms": round((time.perf_counter() - started) * 1000, 2) if started else None,
        "query_ms": engine_ms, "remote": remote,
    }
    if logger.isEnabledFor(logging.INFO):  # a record made directly: no caller lookup per request
        logger.handle(logging.LogRecord(ACCESS_LOGGER, logging.INFO, __file__, 0, json.dumps(record),
                                        None, None))


def _finish(response: Response) -> Response:
    return finish(response, request.method, request.path, request.remote_addr, g.get("started"),
                  g.get("engine_ms"))


def install(app: Flask, access_log: bool) -> None:
    """Register the error handlers, CORS headers and (optionally) the access log on ``app``."""
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    app.before_request(_start_timer)
    app.after_request(_finish)
    logger = logging.getLogger(ACCESS_LOGGER)
    if access_log and not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    elif not access_log:
        logger.disabled = True
