"""The MDKG web service: the Flask application factory and the production server.

``create_app(config)`` builds a Flask app with one blueprint per concern (SPARQL protocol,
Graph Store protocol, health) over an executor of killable query processes; configuration
keys and their ``MDKG_*`` environment variables are listed in ``graph_builder.service.config``.
Named queries (``/queries``, ``graph_builder.service.catalogue``) and search (``/search``) are
core blueprints; the executor is wrapped in a per-worker result cache and ETag/304 hooks are
installed (``graph_builder.service.caching``). Further features are added with
``register_blueprints`` or by passing ``extra_blueprints`` in the config.

With ``SPARQL_ENDPOINT`` set, the same application reads a remote SPARQL endpoint instead of the
store (read-only; ``graph_builder.service.remote_executor``).

Both refuse to start (``sandbox.SandboxUnavailable``) where the kernel cannot take the network
away from the query processes (``graph_builder.service.sandbox``).

``serve(store, ...)`` runs the app under gunicorn (in-process ``BaseApplication``), with
gthread workers (``graph_builder.service.http_worker``). A read-only service runs ``workers`` web workers, each with its own pool of
query processes reading the store read-only. When an update token is set the service runs
exactly one web worker, whose single writer process holds the store read-write and publishes
a snapshot after each write for its query processes (see ``graph_builder.service.query_worker``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from flask import Flask, request

from graph_builder.service import auth, errors, graph_store, health, sparql
from graph_builder.service import dataset, network, pages, ui
from graph_builder.service import caching, catalogue, fairness, fastpath, headers, home, pictures, sandbox, search, throttle
from graph_builder.service import http_worker
from graph_builder.service.config import resolve_config, web_threads
from graph_builder.service.query_pool import Executor
from graph_builder.service.remote_executor import RemoteExecutor
from graph_builder.service.state import ServiceState, attach

CORE_BLUEPRINTS = (sparql.blueprint, graph_store.blueprint, health.blueprint,
                   pages.blueprint, dataset.blueprint, network.blueprint, ui.blueprint,
                   catalogue.blueprint, search.blueprint, home.blueprint, pictures.blueprint)


def register_blueprints(app: Flask, blueprints: Iterable) -> None:
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """A Flask app serving the store named by ``config['STORE']`` (defaults < env < ``config``)."""
    settings = resolve_config(config)
    sandbox.check(settings["ALLOWED_SERVICE_HOSTS"])  # SandboxUnavailable: refuse to start
    app = Flask("mdkg")
    app.config.update(settings)
    app.config["MAX_CONTENT_LENGTH"] = settings["MAX_BODY"]
    app.config["MAX_FORM_MEMORY_SIZE"] = settings["MAX_BODY"]
    if settings["SPARQL_ENDPOINT"]:  # a read-only service over a remote engine
        pool = RemoteExecutor(settings["SPARQL_ENDPOINT"], base=settings["BASE"],
                              processes=settings["QUERY_PROCESSES"], timeout=settings["QUERY_TIMEOUT"],
                              store=Path(settings["STORE"]), max_nesting=settings["MAX_NESTING"])
    else:
        pool = Executor(Path(settings["STORE"]), processes=settings["QUERY_PROCESSES"],
                        timeout=settings["QUERY_TIMEOUT"], writable=bool(settings["UPDATE_TOKEN"]),
                        allowed_hosts=settings["ALLOWED_SERVICE_HOSTS"], max_nesting=settings["MAX_NESTING"],
                        memory_limit=(settings["QUERY_MEMORY_MB"] << 20) or None)
    presence = fairness.Presence()  # who made a request lately (cached answers included)
    if settings["FAIR_USE"]:  # heavy work bounded per client address, a share for light ones
        pool = fairness.FairExecutor(
            pool, processes=settings["QUERY_PROCESSES"], reserved=settings["RESERVED_PROCESSES"],
            short_limit=settings["SHORT_LIMIT"], heavy_seconds=settings["HEAVY_SECONDS"],
            half_life=settings["USAGE_HALF_LIFE"], client_concurrency=settings["CLIENT_CONCURRENCY"],
            presence=presence)
    executor = caching.CachingExecutor(pool, settings["CACHE_MAX_BYTES"])  # result cache in front
    attach(app, ServiceState(config=settings, executor=executor))
    app.extensions[throttle.EXTENSION] = throttle.FailureThrottle(
        settings["TOKEN_FAILURES"], settings["TOKEN_FAILURE_WINDOW"])

    @app.before_request
    def _body_limit_for_writers() -> None:
        if auth.has_valid_token(request, settings["UPDATE_TOKEN"]):
            request.max_content_length = settings["MAX_AUTH_BODY"]

    errors.install(app, settings["ACCESS_LOG"])
    register_blueprints(app, CORE_BLUEPRINTS)
    register_blueprints(app, settings.get("extra_blueprints", ()))
    fingerprint = caching.fingerprint(app.extensions.get(catalogue.EXTENSION, {}))
    caching.install(app, executor, settings["CACHE_MAX_AGE"], fingerprint)  # ETag / 304 / Cache-Control
    if settings["FAST_PATH"]:  # plain GET queries skip Flask's dispatch (same answers)
        app.wsgi_app = fastpath.FastQueries(app.wsgi_app, executor, settings, fingerprint)
    app.wsgi_app = fairness.ClientAddress(app.wsgi_app, presence)  # who is asking, for the pool's admission
    app.wsgi_app = headers.SecurityHeaders(app.wsgi_app)  # outermost: every response, every path
    return app


MAX_REQUEST_LINE = 8190  # gunicorn's largest request-line limit (0 would mean none at all)


def _default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def serve(store, host: str = "127.0.0.1", port: int = 8000, workers: int | None = None,
          **config: Any) -> None:
    """Run the production server (gunicorn, gthread workers) until it is stopped."""
    from gunicorn.app.base import BaseApplication

    app_config = dict(config, STORE=str(store))
    settings = resolve_config(app_config)
    sandbox.check(settings["ALLOWED_SERVICE_HOSTS"])  # before any worker: a clear error, at once
    writable = bool(settings["UPDATE_TOKEN"])
    options = {
        "bind": f"{host}:{port}",
        "workers": 1 if writable else (workers or _default_workers()),
        # gthread whose event loop reads each request before a thread takes it (slow clients)
        "worker_class": http_worker.worker_class(settings["HEADER_TIMEOUT"], settings["BODY_TIMEOUT"],
                                                 settings["MAX_BODY"], settings["LINGER_MS"] / 1000),
        "threads": web_threads(settings),
        "keepalive": max(1, settings["KEEPALIVE"]),
        "timeout": int(settings["QUERY_TIMEOUT"]) + 60,
        "graceful_timeout": 10,
        "accesslog": None,
        "limit_request_line": MAX_REQUEST_LINE,  # longer GET URLs: 414 at once (long queries: POST)
        "control_socket_disable": True,  # one shared control socket path would clash between servers
    }

    class _Server(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            return create_app(app_config)

    _Server().run()
