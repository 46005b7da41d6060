"""A pool of killable query processes, plus one writer process when writes are enabled.

pyoxigraph cannot cancel a query, so every query runs in a child process (started with the
``spawn`` method, safe in a threaded server); the calling thread waits at most the time
limit and then kills the child, answers **504**, and a replacement starts in the background
while the other children keep serving. When no child becomes free within the limit the
answer is **503**. Writes (when enabled) go to the single writer child under a lock, with the
same limit; readers then read the snapshot the writer made after its last write (see
``query_worker``). Without writes, readers read the store's current build directly, so a rebuild
that switches the symlink is picked up on the next query.

Every child confines itself before it reads a job (``sandbox``): no network at all unless
hosts are allow-listed, and then only connections the parent's :class:`~graph_builder.
service.sandbox.Supervisor` lets through. A child whose resident memory passes
``memory_limit`` bytes while it works is killed (checked every ``MEMORY_POLL`` s), answered
**503** with that reason, and replaced like a timed-out one.

The executor is created per web worker process by ``server.create_app`` and started lazily;
it keeps its state on the instance only. When no query process can start (for example the
kernel refuses the sandbox), :meth:`Executor.start` raises with the child's reason.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import queue
import select
import shutil
import threading
import time
from multiprocessing import reduction
from pathlib import Path

from graph_builder.build import store as store_mod
from graph_builder.service import query_worker, sandbox, wire

START_TIMEOUT = 60.0
SNAPSHOT_GRACE = 5.0
MEMORY_POLL = 0.02
_PAGE = os.sysconf("SC_PAGE_SIZE")


class OverMemory(Exception):
    """The child passed its memory limit and was killed."""


class Stopped(Exception):
    """The caller's stop signal was set while the child worked; it was killed."""


class Child:
    """One confined child process, the parent's end of its pipe, and its connect() supervisor."""

    def __init__(self, ctx, role: str, store: Path, allowed_hosts: tuple = (),
                 memory_limit: int | None = None, max_nesting: int = query_worker.MAX_NESTING):
        self.memory_limit = memory_limit
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=query_worker.child_main,
                                   args=(child_conn, role, str(store), tuple(allowed_hosts), max_nesting),
                                   name=f"mdkg-{role}", daemon=True)
        self.process.start()
        child_conn.close()
        self._poller = select.poll()  # one poll object: Connection.poll builds a selector per call
        self._poller.register(self.conn.fileno(), select.POLLIN)
        self.supervisor = None
        if not self.conn.poll(START_TIMEOUT):
            self.kill()
            raise RuntimeError(f"mdkg {role} process did not start within {START_TIMEOUT} s")
        self.hello = self.conn.recv()
        if self.hello.get("listener"):
            self.supervisor = sandbox.Supervisor(reduction.recv_handle(self.conn), self.process.pid,
                                                 allowed_hosts)
            self.hello = self.conn.recv()
        if not self.hello.get("ready"):
            self.kill()
            raise RuntimeError(f"mdkg {role} process failed: {self.hello.get('error')}")

    def rss(self) -> int:
        """Resident memory of the child in bytes (0 when it is gone)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as handle:
                return int(handle.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return 0

    def call(self, job: dict, timeout: float, stop=None) -> dict | None:
        """The child's answer, or None when it took longer than ``timeout`` (then it is killed).
        Raises :class:`OverMemory` when it passed its memory limit, :class:`Stopped` when
        ``stop.is_set()`` became true (checked every ``MEMORY_POLL`` s); the child is killed then too."""
        fd = self.conn.fileno()
        wire.send(fd, job)
        if self.memory_limit is None and stop is None:
            if self._ready(timeout):
                return wire.recv(fd)
            self.kill()
            return None
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if self._ready(max(0.0, min(MEMORY_POLL, left))):
                return wire.recv(fd)
            if self.memory_limit is not None and self.rss() > self.memory_limit:
                self.kill()
                raise OverMemory()
            if stop is not None and stop.is_set():
                self.kill()
                raise Stopped()
            if left <= 0:
                self.kill()
                return None

    def _ready(self, timeout: float) -> bool:
        """Whether the child's answer (or its end) can be read within ``timeout`` seconds."""
        return bool(self._poller.poll(max(0, math.ceil(timeout * 1000))))

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Executor:
    """Runs jobs in child processes with a wall-clock limit; see the module docstring."""

    def __init__(self, store: Path, *, processes: int, timeout: float, writable: bool,
                 allowed_hosts: tuple = (), memory_limit: int | None = None,
                 max_nesting: int = query_worker.MAX_NESTING):
        self.store = Path(store)
        self.max_nesting = max_nesting
        self.allowed_hosts = tuple(allowed_hosts)
        self.memory_limit = memory_limit
        self.processes = processes
        self.timeout = timeout
        self.writable = writable
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[Child] = queue.Queue()
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._started = False
        self._closed = False
        self._children: set[Child] = set()
        self._writer: Child | None = None
        self._snapshot: str | None = None
        self._target: str | None = None
        self._retired: list[tuple[str, float]] = []
        self._start_errors: list[str] = []
        self._resolved: tuple[str, Path] | None = None  # (link text, its build directory)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threads = [threading.Thread(target=self._add_reader, daemon=True) for _ in range(self.processes)]
        for thread in threads:
            thread.start()
        if self.writable:
            self._start_writer()
        for thread in threads:
            thread.join()
        if not self._children:
            with self._lock:
                self._started = False  # the next request tries again
            raise RuntimeError("no query process could start: " + "; ".join(self._start_errors))

    def _child(self, role: str) -> Child:
        limit = self.memory_limit if role == "reader" else None  # bulk loads need the writer's room
        return Child(self._ctx, role, self.store, self.allowed_hosts, limit, self.max_nesting)

    def _add_reader(self) -> None:
        if self._closed:
            return
        try:
            child = self._child("reader")
        except RuntimeError as exc:
            self._start_errors = (self._start_errors + [str(exc)])[-5:]
            return
        with self._lock:
            self._children.add(child)
        self._idle.put(child)

    def _start_writer(self) -> None:
        self._writer = self._child("writer")
        self._use_snapshot(self._writer.hello)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            children = list(self._children)
        for child in children + ([self._writer] if self._writer else []):
            child.kill()

    # -- what readers read ------------------------------------------------------------------
    def _use_snapshot(self, answer: dict) -> None:
        with self._lock:
            if answer.get("snapshot") and answer["snapshot"] != self._snapshot:
                if self._snapshot:
                    self._retired.append((self._snapshot, time.monotonic()))
                self._snapshot = answer["snapshot"]
            self._target = answer.get("target", self._target)
            horizon = time.monotonic() - self.timeout - SNAPSHOT_GRACE
            old = [p for p, t in self._retired if t < horizon]
            self._retired = [(p, t) for p, t in self._retired if t >= horizon]
        for path in old:
            shutil.rmtree(path, ignore_errors=True)

    def _resolve(self) -> Path | None:
        """``store.resolve`` of the store, with one ``readlink`` when the link has not changed."""
        try:
            link = os.readlink(self.store)
        except OSError:
            link = None
        cached = self._resolved
        if link is not None and cached is not None and cached[0] == link:
            return cached[1]
        target = store_mod.resolve(self.store)
        self._resolved = (link, target) if link is not None and target is not None else None
        return target

    def read_path(self) -> str | None:
        """The directory readers should open now (None = empty dataset)."""
        if not self.writable:
            target = self._resolve()
            return None if target is None else str(target)
        current = self._resolve()
        if current is not None and str(current) != self._target:
            self.write({"kind": "sync"})  # the symlink was switched by a rebuild
        return self._snapshot

    def build_target(self) -> Path | None:
        return store_mod.resolve(self.store)

    # -- running jobs -----------------------------------------------------------------------
    stoppable = True  # read() takes a stop signal (fairness stops jobs for other clients)

    def read(self, job: dict, limit: float | None = None, wait: float | None = None, stop=None) -> dict:
        """Run a read job (query, graph_get, stats) on an idle reader, within the time limit.

        ``limit`` (seconds, when shorter than the time limit) bounds the waiting and the run
        together; ``wait`` instead bounds the waiting for an idle reader alone, and ``limit``
        then bounds the run alone. When ``stop.is_set()`` turns true during the run, the reader
        is killed (and replaced) and the answer is a 503 with ``stopped`` set."""
        try:
            self.start()
        except RuntimeError as exc:
            return {"status": 503, "message": str(exc)}
        started = time.monotonic()
        timeout = self.timeout if limit is None else max(0.1, min(limit, self.timeout))
        if "read_path" not in job:  # the caching layer looks it up once per request
            job = dict(job, read_path=self.read_path())
        try:
            child = self._idle.get(timeout=timeout if wait is None else max(0.1, min(wait, self.timeout)))
        except queue.Empty:
            return {"status": 503, "message": "all query processes are busy; try again later",
                    "retry_after": 1}
        waited = time.monotonic() - started
        remaining = timeout if wait is not None else max(0.1, timeout - waited)
        try:
            answer = child.call(job, remaining, stop)
        except OverMemory:
            answer = self._over_memory("query")
        except Stopped:
            answer = {"status": 503, "message": "the query was stopped", "stopped": True}
        except (EOFError, OSError, BrokenPipeError):
            answer = {"status": 503, "message": "the query process failed; try again"}
            child.kill()
        if child.process.is_alive():
            self._idle.put(child)
        else:
            with self._lock:
                self._children.discard(child)
            threading.Thread(target=self._add_reader, daemon=True).start()
        if answer is None:
            answer = {"status": 504, "message": f"query exceeded the time limit of {timeout:g} s "
                                                f"and was stopped"}
        answer["waited"] = waited  # seconds spent waiting for an idle reader
        return answer

    def _over_memory(self, what: str) -> dict:
        limit = (self.memory_limit or 0) >> 20
        return {"status": 503, "message": f"the {what} used more than the memory limit of "
                                          f"{limit} MB and was stopped"}

    def write(self, job: dict) -> dict:
        """Run a write job on the writer process, within the time limit."""
        if not self.writable:
            return {"status": 403, "message": "this service is read-only"}
        try:
            self.start()
        except RuntimeError as exc:
            return {"status": 503, "message": str(exc)}
        if not self._write_lock.acquire(timeout=self.timeout):
            return {"status": 503, "message": "another write is in progress; try again later"}
        try:
            assert self._writer is not None
            try:
                answer = self._writer.call(job, self.timeout)
            except OverMemory:
                answer = self._over_memory("update")
            except (EOFError, OSError, BrokenPipeError):
                answer = {"status": 503, "message": "the writer process failed; try again"}
                self._writer.kill()
            if not self._writer.process.is_alive():
                self._start_writer()  # a killed update left nothing behind: updates are atomic
            if answer is None:
                return {"status": 504, "message": f"update exceeded the time limit of "
                                                  f"{self.timeout:g} s and was stopped"}
            self._use_snapshot(answer)
            return answer
        finally:
            self._write_lock.release()
