"""A WSGI fast path in front of the Flask app for the commonest request: a plain SPARQL GET query.

Flask's request dispatch and hooks cost about half a millisecond of CPU per request, more
than a cheap query itself (see ``docs/benchmarks.md``). :class:`FastQueries` answers
``GET /sparql?query=…`` itself when the request has nothing else to it: exactly one
``query`` parameter and no other, no body, no ``If-None-Match``, a query within
``MAX_QUERY_LENGTH``. Every other request, and any request it is unsure of, goes to the
Flask app unchanged.

It builds the same answer as the Flask path from the same pieces: the query string is parsed
by ``urllib.parse`` as werkzeug does, the job made by ``jobs.negotiated_query`` (once per distinct
``Accept`` header, from werkzeug's parse of it), the answer comes from the same (caching)
executor. A successful answer's headers are written directly, as a list, in the form
``jobs.success_response``, ``caching.decorate`` and ``errors.finish`` give them (werkzeug's
``Response`` object and its header bookkeeping cost more than the rest of this path); any
other answer is built by those functions themselves. The access-log line is ``errors.finish``'s.
``tests/test_fastpath.py`` checks that both paths give the same status, body and headers. A
request hook added to the Flask app for ``/sparql`` must be added here too, or this path must
decline the requests it concerns.
"""
from __future__ import annotations

import logging
import time
from typing import Callable
from urllib.parse import parse_qsl

from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Request

from graph_builder.service import caching, errors
from graph_builder.service.jobs import negotiated_query, success_response

PATHS = ("/sparql", "/sparql/")
MAX_ACCEPT_MEMO = 256
# what caching.decorate and errors.finish add to every successful answer
_EXPOSE = ", ".join([errors.CORS_HEADERS["Access-Control-Expose-Headers"], "ETag", caching.CACHE_HEADER])
_CORS = [(k, v) for k, v in errors.CORS_HEADERS.items() if k != "Access-Control-Expose-Headers"]


class FastQueries:
    """WSGI middleware: plain GET queries on ``/sparql`` answered directly, the rest by ``app``."""

    def __init__(self, app: Callable, executor, config: dict, fingerprint: str):
        self.app = app
        self.executor = executor
        self.config = config
        self.fingerprint = fingerprint
        self._jobs: dict[str, dict] = {}  # Accept header -> job with the negotiated media types
        self._bases: dict[tuple, str] = {}  # (scheme, host, script, path) -> request.base_url
        self._tail = [("Cache-Control", f"public, max-age={config['CACHE_MAX_AGE']}"),
                      ("Access-Control-Expose-Headers", _EXPOSE)] + _CORS
        self._access = logging.getLogger(errors.ACCESS_LOGGER)

    def _eligible(self, environ) -> bool:
        return (environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO") in PATHS
                and "HTTP_IF_NONE_MATCH" not in environ and not environ.get("CONTENT_LENGTH")
                and "HTTP_TRANSFER_ENCODING" not in environ and "query=" in environ.get("QUERY_STRING", ""))

    def __call__(self, environ, start_response):
        if not self._eligible(environ):
            return self.app(environ, start_response)
        started = time.perf_counter()
        query_string = environ.get("QUERY_STRING", "")
        try:  # werkzeug's own parse (Request.args): invalid UTF-8 after unquoting stays percent-encoded
            pairs = parse_qsl(query_string.encode("latin-1").decode(), keep_blank_values=True,
                              errors="werkzeug.url_quote")
        except (UnicodeError, ValueError, LookupError):
            return self.app(environ, start_response)
        if len(pairs) != 1 or pairs[0][0] != "query" or len(pairs[0][1]) > self.config["MAX_QUERY_LENGTH"]:
            return self.app(environ, start_response)
        text = pairs[0][1]
        where = (environ.get("wsgi.url_scheme"), environ.get("HTTP_HOST"), environ.get("SERVER_NAME"),
                 environ.get("SERVER_PORT"), environ.get("SCRIPT_NAME"), environ.get("PATH_INFO"))
        base = self._bases.get(where)
        accept = environ.get("HTTP_ACCEPT", "")
        template = self._jobs.get(accept)
        if base is None or template is None:  # werkzeug's answers, once per host and Accept header
            try:
                request = Request(environ)
                if base is None:
                    if len(self._bases) >= MAX_ACCEPT_MEMO:
                        self._bases.clear()
                    base = self._bases[where] = request.base_url
                if template is None:
                    if len(self._jobs) >= MAX_ACCEPT_MEMO:
                        self._jobs.clear()
                    template = self._jobs[accept] = negotiated_query(
                        "", "", request.accept_mimetypes, None, None, self.config).wire()
            except Exception:  # noqa: BLE001 - anything odd: the Flask path answers it
                return self.app(environ, start_response)
        path = environ.get("PATH_INFO")
        read_path = self.executor.read_path()
        etag = caching.etag_value(self.executor.current_build(read_path), self.fingerprint, path,
                                  query_string, accept)
        answer = self.executor.read(dict(template, text=text, base=base, read_path=read_path))
        status = answer["status"]
        if status == 200 and "body" in answer:
            return self._ok(answer, etag, path, environ, started, start_response)
        if status >= 300:
            response = errors.error_response(status, answer.get("message") or HTTP_STATUS_CODES.get(status, ""),
                                             {"Retry-After": str(answer["retry_after"])}
                                             if answer.get("retry_after") else None)
        else:
            response = success_response(answer, self.config["MAX_ROWS"])
        caching.decorate(response, answer.get("cache"), etag, self.config["CACHE_MAX_AGE"])
        errors.finish(response, "GET", path, environ.get("REMOTE_ADDR"), started, answer.get("engine_ms"))
        return response(environ, start_response)

    def _ok(self, answer: dict, etag: str, path: str, environ, started: float, start_response):
        """A successful answer with the headers the Flask path gives it, as a plain list."""
        body = answer["body"]
        headers = [("Content-Type", answer["content_type"]), ("Content-Length", str(len(body))),
                   ("Vary", "Accept")]
        if answer.get("engine_ms") is not None:
            headers.append(("X-MDKG-Query-Time", str(answer["engine_ms"])))
        if answer.get("truncated"):
            headers += [("X-MDKG-Truncated", "true"), ("X-MDKG-Row-Limit", str(self.config["MAX_ROWS"]))]
        if answer.get("cache"):
            headers.append((caching.CACHE_HEADER, answer["cache"]))
        headers.append(("ETag", f'W/"{etag}"'))
        headers += self._tail
        if not self._access.disabled:
            errors.access_line("GET", path, 200, environ.get("REMOTE_ADDR"), started, answer.get("engine_ms"))
        start_response("200 OK", headers)
        return [body]
