"""Service configuration: the defaults, the environment variables that override them, and coercion.

Precedence: defaults < environment (``MDKG_*``) < the dict passed to ``create_app``. This module
only computes a plain dict; it starts nothing and keeps no state.

Keys (environment variable in brackets):

- ``STORE`` (MDKG_STORE): the store path, a symlink to a build directory (see ``graph_builder.build.store``);
  missing or empty serves an empty dataset.
- ``UPDATE_TOKEN`` (MDKG_UPDATE_TOKEN): bearer token for SPARQL Update and Graph Store writes;
  ``None`` makes the service read-only.
- ``QUERY_TIMEOUT`` (MDKG_QUERY_TIMEOUT, 30 s): wall-clock limit of one query or update, answered
  with **504** when exceeded (503 means no query process became free in that time).
- ``TOKEN_FAILURES`` (MDKG_TOKEN_FAILURES, 5) wrong bearer tokens per client address within
  ``TOKEN_FAILURE_WINDOW`` (MDKG_TOKEN_FAILURE_WINDOW, 60 s): from then on that address gets **429**
  with ``Retry-After`` for every write until the window has passed (``throttle``); 0 disables it.
- ``MAX_BODY`` (MDKG_MAX_BODY, 1 MB): largest request body without a valid token (413 above it).
- ``MAX_AUTH_BODY`` (MDKG_MAX_AUTH_BODY, 1 GB): largest body with a valid token (bulk Graph Store loads).
- ``MAX_QUERY_LENGTH`` (MDKG_MAX_QUERY_LENGTH, 100 000 characters): longer query/update texts get 413.
- ``MAX_ROWS`` (MDKG_MAX_ROWS, 10 000): SELECT rows / CONSTRUCT-DESCRIBE triples returned; longer
  results are **truncated** and carry ``X-MDKG-Truncated: true`` and ``X-MDKG-Row-Limit``.
- ``ALLOWED_SERVICE_HOSTS`` (MDKG_ALLOWED_SERVICE_HOSTS, comma separated; empty): ``host`` or
  ``host:port`` entries that SERVICE and LOAD may reach. Empty (the default): the query and writer
  processes cannot open any network socket (a seccomp filter, ``graph_builder.service.sandbox``);
  otherwise every connection they make is checked against these hosts by the kernel's user
  notification. Where the kernel cannot do this the service refuses to start.
- ``MAX_NESTING`` (MDKG_MAX_NESTING, 64): deepest nesting of ``{``/``(``/``[`` in a query or update;
  deeper texts get **400** before they are parsed (pyoxigraph's parser crashes near 1,000).
- ``QUERY_MEMORY_MB`` (MDKG_QUERY_MEMORY_MB, 1024): resident memory a query process may use while
  it works (the writer, which takes bulk loads with the token, has no cap); above it the process is killed, the request gets **503** naming the limit,
  and a fresh process replaces it. 0 disables the cap.
- ``FAST_PATH`` (MDKG_FAST_PATH, true): plain ``GET /sparql?query=`` requests are answered by a WSGI
  fast path in front of Flask (``graph_builder.service.fastpath``; same answers, less CPU).
- ``BASE`` (MDKG_BASE): the instance base IRI.
- ``PUBLIC_URL`` (MDKG_PUBLIC_URL; empty): the service's public root URL, named in the VoID
  description (SPARQL endpoint, dumps); empty: the root of each request.
- ``QUERY_PROCESSES`` (MDKG_QUERY_PROCESSES, 2): query processes per web worker.
- ``FAIR_USE`` (MDKG_FAIR_USE, true): the per-address fair-use scheduling of the query processes
  below (``graph_builder.service.fairness``). It acts only when addresses compete: one address
  alone (a busy script, or everyone behind one reverse proxy) gets every process and is never
  refused for its use. ``false`` turns it off (first come, first served).
- ``RESERVED_PROCESSES`` (MDKG_RESERVED_PROCESSES, 1), ``SHORT_LIMIT`` (MDKG_SHORT_LIMIT, 1 s),
  ``HEAVY_SECONDS`` (MDKG_HEAVY_SECONDS, 5 s), ``USAGE_HALF_LIFE`` (MDKG_USAGE_HALF_LIFE, 60 s),
  ``CLIENT_CONCURRENCY`` (MDKG_CLIENT_CONCURRENCY, 0 = 64): that many processes kept for
  addresses that are not *heavy* (none of their queries running longer than ``SHORT_LIMIT``,
  less than ``HEAVY_SECONDS`` of run time beyond it, decaying); while others are present a heavy
  address runs one query at a time on the other processes and is refused with 503 and
  ``Retry-After`` when they are taken, and a query that passes the short limit on a kept
  process is stopped (503) when another address's short query waits; at most
  ``CLIENT_CONCURRENCY`` queries of one address are admitted at once (429 beyond).
- ``HEADER_TIMEOUT`` (MDKG_HEADER_TIMEOUT, 10 s), ``BODY_TIMEOUT`` (MDKG_BODY_TIMEOUT, 30 s),
  ``KEEPALIVE`` (MDKG_KEEPALIVE, 5 s): how long a connection may take to send its request line and
  headers, its body, and how long an idle kept-alive connection stays open (``graph_builder.
  service.http_worker``).
- ``LINGER_MS`` (MDKG_LINGER_MS, 2): how long the thread that answered a kept-alive connection
  waits for its next request while at most half of the worker's threads are in use
  (``graph_builder.service.http_worker``); 0 turns lingering off.
- ``ACCESS_LOG`` (MDKG_ACCESS_LOG, true): one JSON line per request on the ``mdkg.access`` logger.
- ``CACHE_MAX_BYTES`` (MDKG_CACHE_MAX_BYTES, 64 MB): size bound of each web worker's result cache
  (LRU by bytes of answers); 0 disables it. See ``graph_builder.service.caching``.
- ``CACHE_MAX_AGE`` (MDKG_CACHE_MAX_AGE, 300 s): ``Cache-Control: public, max-age=`` of cacheable
  answers (SPARQL GET queries, named queries, search); they also carry an ETag of the build.
- ``QUERIES_DIR`` (MDKG_QUERIES_DIR): folder of named queries (``*.rq``); empty = the bundled ``queries/``.
- ``SEARCH_LIMIT`` (MDKG_SEARCH_LIMIT, 50): most paragraphs and entities ``/search`` returns (each).
- ``SPARQL_ENDPOINT`` (MDKG_SPARQL_ENDPOINT; empty): a remote SPARQL 1.1 query endpoint to serve
  instead of ``STORE`` (read-only; see ``graph_builder.service.remote_executor``). The MDKG graphs
  there are the named graphs under ``BASE`` + ``graph/``.
"""
from __future__ import annotations

import os
from typing import Any, Mapping

from graph_builder.namespaces import DEFAULT_BASE

DEFAULTS: Mapping[str, Any] = {
    "STORE": "data/store",
    "UPDATE_TOKEN": None,
    "QUERY_TIMEOUT": 30.0,
    "TOKEN_FAILURES": 5,
    "TOKEN_FAILURE_WINDOW": 60.0,
    "MAX_BODY": 1 << 20,
    "MAX_AUTH_BODY": 1 << 30,
    "MAX_QUERY_LENGTH": 100_000,
    "MAX_ROWS": 10_000,
    "ALLOWED_SERVICE_HOSTS": (),
    "MAX_NESTING": 64,
    "QUERY_MEMORY_MB": 1024,
    "FAST_PATH": True,
    "FAIR_USE": True,
    "BASE": DEFAULT_BASE,
    "PUBLIC_URL": "",
    "QUERY_PROCESSES": 2,
    "RESERVED_PROCESSES": 1,
    "SHORT_LIMIT": 1.0,
    "HEAVY_SECONDS": 5.0,
    "USAGE_HALF_LIFE": 60.0,
    "CLIENT_CONCURRENCY": 0,
    "HEADER_TIMEOUT": 10.0,
    "BODY_TIMEOUT": 30.0,
    "KEEPALIVE": 5,
    "LINGER_MS": 2.0,
    "ACCESS_LOG": True,
    "CACHE_MAX_BYTES": 64 << 20,
    "CACHE_MAX_AGE": 300,
    "QUERIES_DIR": "",
    "SEARCH_LIMIT": 50,
    "SPARQL_ENDPOINT": "",
}

DEFAULT_CLIENT_CONCURRENCY = 64  # CLIENT_CONCURRENCY 0: queries of one address running or waiting

ENV_NAMES: Mapping[str, str] = {key: f"MDKG_{key}" for key in DEFAULTS}

_FLOATS = {"QUERY_TIMEOUT", "TOKEN_FAILURE_WINDOW", "SHORT_LIMIT", "HEAVY_SECONDS", "USAGE_HALF_LIFE",
           "HEADER_TIMEOUT", "BODY_TIMEOUT", "LINGER_MS"}
_INTS = {"KEEPALIVE", "RESERVED_PROCESSES", "CLIENT_CONCURRENCY", "TOKEN_FAILURES", "MAX_BODY",
         "MAX_AUTH_BODY", "MAX_QUERY_LENGTH", "MAX_ROWS", "QUERY_PROCESSES", "CACHE_MAX_BYTES",
         "CACHE_MAX_AGE", "SEARCH_LIMIT", "MAX_NESTING", "QUERY_MEMORY_MB"}


def _coerce(key: str, value: Any) -> Any:
    if key in _FLOATS:
        return float(value)
    if key in _INTS:
        return int(value)
    if key == "ALLOWED_SERVICE_HOSTS":
        if isinstance(value, str):
            value = value.split(",")
        return tuple(h.strip().lower() for h in value if h and h.strip())
    if key in ("ACCESS_LOG", "FAST_PATH", "FAIR_USE") and isinstance(value, str):
        return value.strip().lower() not in ("0", "false", "no", "off", "")
    if key == "UPDATE_TOKEN" and value == "":
        return None
    return value


def web_threads(settings: Mapping[str, Any]) -> int:
    """Request threads of one web worker (gunicorn gthread): the query processes and four more."""
    return int(settings["QUERY_PROCESSES"]) + 4


def from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings given by ``MDKG_*`` variables in ``environ`` (coerced)."""
    return {key: _coerce(key, environ[name]) for key, name in ENV_NAMES.items() if name in environ}


def resolve_config(config: Mapping[str, Any] | None = None,
                   environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Defaults, overridden by the environment, overridden by ``config``; values coerced."""
    merged: dict[str, Any] = dict(DEFAULTS)
    merged.update(from_env(os.environ if environ is None else environ))
    for key, value in (config or {}).items():
        merged[key] = _coerce(key, value) if key in DEFAULTS else value
    if merged["QUERY_TIMEOUT"] <= 0 or merged["QUERY_PROCESSES"] < 1:
        raise ValueError("QUERY_TIMEOUT must be > 0 and QUERY_PROCESSES >= 1")
    if merged["SPARQL_ENDPOINT"] and merged["UPDATE_TOKEN"]:
        raise ValueError("a service over a remote SPARQL endpoint is read-only: give no UPDATE_TOKEN")
    if merged["CLIENT_CONCURRENCY"] <= 0:
        merged["CLIENT_CONCURRENCY"] = DEFAULT_CLIENT_CONCURRENCY
    return merged
