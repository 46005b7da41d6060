"""A WSGI fast path in front of the Flask app for the commonest request: a plain SPARQL GET query.

Flask's request dispatch and hooks cost about half a millisecond of CPU per request, more
than a cheap query itself (see ``docs/benchmarks.md``). :class:`FastQueries` answers
``GET /sparql?query=…`` itself when the request has nothing else to it: exactly one
``query`` parameter and no other, no body, no ``If-None-Match``, a query within
``MAX_QUERY_LENGTH``. Every other request, and any request it is unsure of, goes to the
Flask app unchanged.

It builds the same answer as the Flask path from the same pieces: the request is parsed by
werkzeug's ``Request`` (the parser Flask uses), the job by ``jobs.negotiated_query``, the answer
comes from the same (caching) executor, the response from ``jobs.success_response`` or
``errors.error_response``, then ``caching.decorate`` (ETag, Cache-Control, X-MDKG-Cache) and
``errors.finish`` (CORS, access log). ``tests/test_fastpath.py`` checks that both paths give
the same status, body and headers. A request hook added to the Flask app for ``/sparql``
must be added here too, or this path must decline the requests it concerns.
"""
from __future__ import annotations

import time
from typing import Callable

from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Request

from graph_builder.service import caching, errors
from graph_builder.service.jobs import negotiated_query, success_response

PATHS = ("/sparql", "/sparql/")
MAX_ACCEPT_MEMO = 256


class FastQueries:
    """WSGI middleware: plain GET queries on ``/sparql`` answered directly, the rest by ``app``."""

    def __init__(self, app: Callable, executor, config: dict, fingerprint: str):
        self.app = app
        self.executor = executor
        self.config = config
        self.fingerprint = fingerprint
        self._jobs: dict[str, dict] = {}  # Accept header -> job with the negotiated media types
        self._bases: dict[tuple, str] = {}  # (scheme, host, script, path) -> request.base_url

    def _eligible(self, environ) -> bool:
        return (environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") in PATHS
                and "HTTP_IF_NONE_MATCH" not in environ and not environ.get("CONTENT_LENGTH")
                and "HTTP_TRANSFER_ENCODING" not in environ and "query=" in environ.get("QUERY_STRING", ""))

    def __call__(self, environ, start_response):
        if not self._eligible(environ):
            return self.app(environ, start_response)
        started = time.perf_counter()
        request = Request(environ)
        try:
            args = request.args
            texts = args.getlist("query")
            if len(args) != 1 or len(texts) != 1 or len(texts[0]) > self.config["MAX_QUERY_LENGTH"]:
                return self.app(environ, start_response)
            where = (environ.get("wsgi.url_scheme"), environ.get("HTTP_HOST"), environ.get("SERVER_NAME"),
                     environ.get("SERVER_PORT"), environ.get("SCRIPT_NAME"), environ.get("PATH_INFO"))
            base = self._bases.get(where)
            if base is None:  # werkzeug's own answer, once per distinct host and path
                if len(self._bases) >= MAX_ACCEPT_MEMO:
                    self._bases.clear()
                base = self._bases[where] = request.base_url
        except Exception:  # noqa: BLE001 - anything odd: the Flask path answers it
            return self.app(environ, start_response)
        read_path = self.executor.read_path()
        etag = caching.etag_value(self.executor.current_build(read_path), self.fingerprint, request.path,
                                  request.query_string.decode("latin-1"), request.headers.get("Accept", ""))
        accept = request.headers.get("Accept", "")
        template = self._jobs.get(accept)
        if template is None:  # content negotiation once per distinct Accept header
            if len(self._jobs) >= MAX_ACCEPT_MEMO:
                self._jobs.clear()
            template = self._jobs[accept] = negotiated_query("", "", request.accept_mimetypes, None, None,
                                                             self.config).wire()
        job = dict(template, text=texts[0], base=base, read_path=read_path)
        answer = self.executor.read(job)
        status = answer["status"]
        if status >= 300:
            response = errors.error_response(status, answer.get("message") or HTTP_STATUS_CODES.get(status, ""),
                                             {"Retry-After": str(answer["retry_after"])}
                                             if answer.get("retry_after") else None)
        else:
            response = success_response(answer, self.config["MAX_ROWS"])
        caching.decorate(response, answer.get("cache"), etag, self.config["CACHE_MAX_AGE"])
        errors.finish(response, "GET", request.path, request.remote_addr, started, answer.get("engine_ms"))
        return response(environ, start_response)
