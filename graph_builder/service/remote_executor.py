"""The executor of a read-only service over a remote SPARQL endpoint (``mdkg serve --sparql-endpoint``).

It answers the same read jobs as :class:`graph_builder.service.query_pool.Executor` (``query``,
``graph_get``, ``stats``) with the same code (:class:`graph_builder.service.query_worker.Reader`:
answer formats, row caps; SERVICE refused by ``remote_guard`` before a query is sent) over a
:class:`graph_builder.service.remote_store.RemoteStore` instead of an Oxigraph directory. No
child processes are needed: the remote engine does the work and every request to it has the
service's time limit (504 when exceeded, and the connection is closed); at most
``processes`` queries are in flight per web worker (503 when none is free within the limit).
Writes answer 403. ``read_path()`` names the remote build (``remote/<build id>``, from the MDKG
build graph, looked up at most every ``build_ttl`` seconds) so that the result cache and the
ETags change when a new build is pushed. It does not start or stop the engine.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from graph_builder.namespaces import Base
from graph_builder.service import guard, query_worker
from graph_builder.service.remote_store import RemoteError, RemoteStore


class _RemoteReader(query_worker.Reader):
    """The query processes' reader, reading the remote store whatever path a job names."""

    def __init__(self, store: RemoteStore, max_nesting: int):
        super().__init__("", max_nesting)
        self._store = store

    def _open(self, path):
        return self._store


class RemoteExecutor:
    """See the module docstring."""

    writable = False

    def __init__(self, endpoint: str, *, base: str, processes: int, timeout: float,
                 store: Path | None = None, build_ttl: float = 10.0,
                 max_nesting: int = query_worker.MAX_NESTING):
        base = base if base.endswith("/") else base + "/"
        self.endpoint = endpoint
        self.store = Path(store) if store is not None else Path("/nonexistent/mdkg-remote")
        self.timeout = timeout
        self.remote_store = RemoteStore(endpoint, graph_prefix=base + "graph/", timeout=timeout,
                                        graphs_ttl=build_ttl)
        self._build_graph = Base(base).build_graph
        self._reader: _RemoteReader | None = None
        self._slots = threading.BoundedSemaphore(processes)
        self._lock = threading.Lock()
        self._build: tuple[float, str | None] | None = None
        self.build_ttl = build_ttl
        self.max_nesting = max_nesting

    def start(self) -> None:
        with self._lock:
            if self._reader is None:
                self._reader = _RemoteReader(self.remote_store, self.max_nesting)

    def close(self) -> None:
        pass

    def read_path(self) -> str | None:
        """``remote/<id of the pushed build>`` (None when the endpoint holds no MDKG build)."""
        with self._lock:
            if self._build is not None and time.monotonic() - self._build[0] < self.build_ttl:
                return self._build[1]
        try:
            rows = list(self.remote_store.query(
                f"SELECT ?a WHERE {{ GRAPH {self._build_graph} {{ ?a a <http://www.w3.org/ns/prov#Activity> }} }}"
                f" ORDER BY ?a LIMIT 1", default_graph=[], named_graphs=[self._build_graph]))
            build = "remote/" + rows[0]["a"].value.rstrip("/").rsplit("/", 1)[-1] if rows else None
        except RemoteError:
            build = "remote/unreachable"
        with self._lock:
            self._build = (time.monotonic(), build)
        return build

    def build_target(self) -> Path | None:
        return None

    def read(self, job: dict, limit: float | None = None, wait: float | None = None) -> dict:
        """Run a read job within the time limit; ``limit`` (when shorter) bounds the waiting for
        a slot and the run together, ``wait`` instead bounds the waiting alone (as the pool's)."""
        self.start()
        timeout = self.timeout if limit is None else max(0.1, min(limit, self.timeout))
        waiting = timeout if wait is None else max(0.1, min(wait, self.timeout))
        queued = time.monotonic()
        if not self._slots.acquire(timeout=waiting):
            return {"status": 503, "message": "all query slots are busy; try again later", "retry_after": 1}
        waited = time.monotonic() - queued
        run_limit = timeout if wait is not None else max(0.1, timeout - waited)
        started = time.perf_counter()
        try:
            assert self._reader is not None
            with self.remote_store.time_limit(run_limit):
                outcome = self._reader.run(job)
        except guard.Rejected as exc:
            outcome = {"status": exc.status, "message": exc.message}
        except RemoteError as exc:
            outcome = {"status": exc.status, "message": exc.message}
        except SyntaxError as exc:
            outcome = {"status": 502, "message": f"the SPARQL endpoint's answer does not parse: {exc}"}
        finally:
            self._slots.release()
        outcome["engine_ms"] = round((time.perf_counter() - started) * 1000, 2)
        outcome["waited"] = waited
        return outcome

    def write(self, job: dict) -> dict:
        return {"status": 403, "message": "this service reads a remote SPARQL endpoint and is read-only"}


def is_remote(executor) -> bool:
    return isinstance(getattr(executor, "inner", executor), RemoteExecutor)

