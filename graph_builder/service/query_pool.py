"""A pool of killable query processes, plus one writer process when writes are enabled.

pyoxigraph cannot cancel a query, so every query runs in a child process (started with the
``spawn`` method, safe in a threaded server); the calling thread waits at most the time
limit and then kills the child, answers **504**, and a replacement starts in the background
while the other children keep serving. When no child becomes free within the limit the
answer is **503**. Writes (when enabled) go to the single writer child under a lock, with the
same limit; readers then read the snapshot the writer made after its last write (see
``query_worker``). Without writes, readers read the store's current build directly, so a rebuild
that switches the symlink is picked up on the next query.

The executor is created per web worker process by ``server.create_app`` and started lazily;
it keeps its state on the instance only.
"""
from __future__ import annotations

import multiprocessing
import queue
import shutil
import threading
import time
from pathlib import Path

from graph_builder.build import store as store_mod
from graph_builder.service import query_worker

START_TIMEOUT = 60.0
SNAPSHOT_GRACE = 5.0


class Child:
    """One child process and the parent's end of its pipe."""

    def __init__(self, ctx, role: str, store: Path):
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=query_worker.child_main, args=(child_conn, role, str(store)),
                                   name=f"mdkg-{role}", daemon=True)
        self.process.start()
        child_conn.close()
        if not self.conn.poll(START_TIMEOUT):
            self.kill()
            raise RuntimeError(f"mdkg {role} process did not start within {START_TIMEOUT} s")
        self.hello = self.conn.recv()
        if not self.hello.get("ready"):
            self.kill()
            raise RuntimeError(f"mdkg {role} process failed: {self.hello.get('error')}")

    def call(self, job: dict, timeout: float) -> dict | None:
        """The child's answer, or None when it took longer than ``timeout`` (then it is killed)."""
        self.conn.send(job)
        if self.conn.poll(timeout):
            return self.conn.recv()
        self.kill()
        return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Executor:
    """Runs jobs in child processes with a wall-clock limit; see the module docstring."""

    def __init__(self, store: Path, *, processes: int, timeout: float, writable: bool):
        self.store = Path(store)
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

    def _add_reader(self) -> None:
        if self._closed:
            return
        try:
            child = Child(self._ctx, "reader", self.store)
        except RuntimeError:
            return
        with self._lock:
            self._children.add(child)
        self._idle.put(child)

    def _start_writer(self) -> None:
        self._writer = Child(self._ctx, "writer", self.store)
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

    def read_path(self) -> str | None:
        """The directory readers should open now (None = empty dataset)."""
        if not self.writable:
            target = store_mod.resolve(self.store)
            return None if target is None else str(target)
        current = store_mod.resolve(self.store)
        if current is not None and str(current) != self._target:
            self.write({"kind": "sync"})  # the symlink was switched by a rebuild
        return self._snapshot

    def build_target(self) -> Path | None:
        return store_mod.resolve(self.store)

    # -- running jobs -----------------------------------------------------------------------
    def idle(self) -> int:
        """How many query processes are idle now (a snapshot)."""
        return self._idle.qsize()

    def read(self, job: dict, limit: float | None = None, wait: float | None = None) -> dict:
        """Run a read job (query, graph_get, stats) on an idle reader, within the time limit.

        ``limit`` (seconds, when shorter than the time limit) bounds the waiting and the run
        together; ``wait`` instead bounds the waiting for an idle reader alone, and ``limit``
        then bounds the run alone."""
        self.start()
        started = time.monotonic()
        timeout = self.timeout if limit is None else max(0.1, min(limit, self.timeout))
        job = dict(job, read_path=self.read_path())
        try:
            child = self._idle.get(timeout=timeout if wait is None else max(0.1, min(wait, self.timeout)))
        except queue.Empty:
            return {"status": 503, "message": "all query processes are busy; try again later",
                    "retry_after": 1}
        waited = time.monotonic() - started
        remaining = timeout if wait is not None else max(0.1, timeout - waited)
        try:
            answer = child.call(job, remaining)
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

    def write(self, job: dict) -> dict:
        """Run a write job on the writer process, within the time limit."""
        if not self.writable:
            return {"status": 403, "message": "this service is read-only"}
        self.start()
        if not self._write_lock.acquire(timeout=self.timeout):
            return {"status": 503, "message": "another write is in progress; try again later"}
        try:
            assert self._writer is not None
            try:
                answer = self._writer.call(job, self.timeout)
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
