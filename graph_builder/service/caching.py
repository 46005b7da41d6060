"""HTTP caching of read answers: ETag/304 and Cache-Control by build, and a per-worker result cache.

Answers change only when the data does, so they are keyed by the *build id*: the name of the
directory the query processes read (the build directory the store symlink points at, or, on
a writable service, the snapshot taken after the last write; ``empty`` when there is none).

- :class:`ResultCache` is a thread-safe LRU bounded by the bytes of the answers it holds.
- :class:`CachingExecutor` wraps the service's :class:`~graph_builder.service.query_pool.Executor`
  and answers ``query`` and ``graph_get`` jobs from the cache when the same job (query text,
  substitutions, dataset, result format, row cap, base) was answered on the same build; it is
  emptied as soon as the build id changes (a rebuild switched the symlink, or a write made a
  new snapshot). Whether the answer was a hit or a miss goes to ``X-MDKG-Cache``.
- :func:`install` registers request hooks: for GET/HEAD requests to the endpoints listed in
  ``CACHEABLE_ENDPOINTS`` (SPARQL queries, named queries, their catalogue, search) a weak ETag
  is computed *before* running anything from the build id, the request URL, the ``Accept``
  header and the service's software/catalogue fingerprint. An ``If-None-Match`` naming that
  ETag is answered ``304`` at once only when this worker has itself sent the ETag with a 200
  answer (a bounded set, :class:`IssuedTags`); otherwise, and for ``If-None-Match: *``, the
  request runs and only a 200 answer becomes 304. Successful answers carry ``ETag``,
  ``Cache-Control: public, max-age=CACHE_MAX_AGE`` and ``Vary: Accept``; a refused or failed
  request (4xx, 5xx) never gets an ETag or a 304.

Errors are never cached. POST queries use the result cache but get no ETag. This module holds
no module-level state: the cache lives on the executor wrapper of each web worker.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from typing import Any, Iterable, Mapping

from flask import Flask, Response, g, has_request_context, request

from graph_builder import __version__
from graph_builder.service.errors import CORS_HEADERS

CACHEABLE_ENDPOINTS = ("sparql.endpoint", "queries.catalogue", "queries.run", "search.search")
CACHE_HEADER = "X-MDKG-Cache"
CACHED_KINDS = ("query", "graph_get")


class ResultCache:
    """An LRU map bounded by the total size (bytes of ``body``) of the answers it holds."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[Any, tuple[dict, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key) -> dict | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key, answer: dict) -> bool:
        """Keep ``answer`` (evicting the least recently used); False when it is too big to keep."""
        size = len(answer.get("body") or b"") + 256  # the dict itself costs something too
        if size > self.max_bytes:
            return False
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (answer, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped
        return True

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


def build_id(read_path: str | None) -> str:
    """The id of what the query processes read: the build or snapshot directory name."""
    return "empty" if read_path is None else os.path.basename(read_path.rstrip("/"))


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    return (type(value).__name__, str(value))  # pyoxigraph terms: N-Triples form


_SCALARS = frozenset((str, int, float, bool, type(None)))


def job_key(job: dict) -> tuple:
    """A hashable key of everything in a read job that can change its answer. A job of plain
    values (every ``/sparql`` query without a protocol dataset) is keyed by its sorted items
    directly, the same tuple ``_freeze`` gives, at a fifth of the cost (every request pays it)."""
    items = [(k, v) for k, v in job.items() if k != "read_path"]
    if all(type(v) in _SCALARS for _, v in items):
        return tuple(sorted(items))
    return _freeze(dict(items))


class CachingExecutor:
    """The executor with a result cache in front of its read jobs; everything else delegated."""

    def __init__(self, executor, max_bytes: int):
        self.inner = executor
        self.cache = ResultCache(max_bytes)
        self._build: str | None = None
        self._lock = threading.Lock()

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def read_path(self) -> str | None:
        """What the query processes read now, looked up once per request (kept on ``flask.g``)."""
        if not has_request_context():
            return self.inner.read_path()
        if "mdkg_read_path" not in g:
            g.mdkg_read_path = self.inner.read_path()
        return g.mdkg_read_path

    def current_build(self, read_path: str | None | bool = False) -> str:
        """The current build id (of ``read_path`` when given); the cache is emptied when it
        differs from the last one seen."""
        current = build_id(self.read_path() if read_path is False else read_path)
        with self._lock:
            if current != self._build:
                self.cache.clear()
                self._build = current
        return current

    def read(self, job: dict) -> dict:
        if job.get("kind") not in CACHED_KINDS or self.cache.max_bytes <= 0:
            return self.inner.read(job)
        path = job["read_path"] if "read_path" in job else self.read_path()
        key = (self.current_build(path), job_key(job))
        answer = self.cache.get(key)
        _record("hit" if answer is not None else "miss")
        if answer is not None:
            return dict(answer, engine_ms=0.0, cache="hit")
        answer = self.inner.read(dict(job, read_path=path))
        if answer.get("status") == 200:
            self.cache.put(key, answer)
        return dict(answer, cache="miss")

    def write(self, job: dict) -> dict:
        answer = self.inner.write(job)
        if has_request_context():
            g.pop("mdkg_read_path", None)  # the write made a new snapshot
        self.current_build()  # a write makes a new snapshot: drop what was cached before it
        return answer


def _record(status: str) -> None:
    """Remember the cache outcome of this request (a miss anywhere makes the request a miss)."""
    if has_request_context():
        g.mdkg_cache = "miss" if g.get("mdkg_cache") == "miss" else status


def fingerprint(catalogue: Mapping[str, Any]) -> str:
    """What, besides the build, changes answers: the software version and the named queries."""
    digest = hashlib.sha256(__version__.encode())
    for name, query in sorted(catalogue.items()):
        digest.update(b"\0" + name.encode() + b"\0" + query.text.encode("utf-8"))
    return digest.hexdigest()[:16]


def etag_value(build: str, fingerprint: str, path: str, query_string: str, accept: str) -> str:
    """The (weak) ETag value, without quotes, of an answer on ``build`` to this request."""
    digest = hashlib.sha256("\x00".join([build, fingerprint, path, query_string, accept])
                            .encode("utf-8")).hexdigest()[:32]
    return f"{build}-{digest}"


def etag_for(build: str, fingerprint: str) -> str:
    """The (weak) ETag value of the current request's answer on ``build``, without quotes."""
    return etag_value(build, fingerprint, request.path, request.query_string.decode("latin-1"),
                      request.headers.get("Accept", ""))


def decorate(response: Response, cache_status: str | None, etag: str | None, max_age: int) -> Response:
    """The caching headers of an answer (shared by the request hooks and ``fastpath``)."""
    if cache_status:
        response.headers[CACHE_HEADER] = cache_status
    if etag and response.status_code in (200, 304):
        response.set_etag(etag, weak=True)
        response.headers["Cache-Control"] = f"public, max-age={max_age}"
        response.vary.add("Accept")
    response.headers["Access-Control-Expose-Headers"] = ", ".join(
        [CORS_HEADERS["Access-Control-Expose-Headers"], "ETag", CACHE_HEADER])
    return response


class IssuedTags:
    """The ETags this worker sent with 200 answers (the most recent ``size``), thread-safe."""

    def __init__(self, size: int = 4096):
        self.size = size
        self._tags: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, tag: str) -> None:
        with self._lock:
            self._tags[tag] = None
            self._tags.move_to_end(tag)
            while len(self._tags) > self.size:
                self._tags.popitem(last=False)

    def __contains__(self, tag: str) -> bool:
        with self._lock:
            return tag in self._tags


def install(app: Flask, executor: CachingExecutor, max_age: int, fingerprint: str,
            endpoints: Iterable[str] = CACHEABLE_ENDPOINTS) -> None:
    """Register the ETag / 304 / Cache-Control / X-MDKG-Cache hooks on ``app``."""
    endpoints = frozenset(endpoints)
    issued = IssuedTags()

    def before() -> Response | None:
        if request.method not in ("GET", "HEAD") or request.endpoint not in endpoints:
            return None
        g.mdkg_etag = etag_for(executor.current_build(), fingerprint)
        if g.mdkg_etag in issued and request.if_none_match.contains_weak(g.mdkg_etag):
            g.mdkg_cache = "hit"  # this worker answered the same request with 200 on this build
            return Response(status=304)
        return None

    def after(response: Response) -> Response:
        etag = g.get("mdkg_etag")
        if etag and response.status_code == 200:
            issued.add(etag)
            match = request.if_none_match
            if match.star_tag or match.contains_weak(etag):  # ran, succeeded, and the client has it
                response.status_code = 304
                response.set_data(b"")
                response.headers.pop("Content-Length", None)
        return decorate(response, g.get("mdkg_cache"), etag, max_age)

    app.before_request(before)
    app.after_request(after)
