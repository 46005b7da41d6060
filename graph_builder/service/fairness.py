"""Fair use of the query processes: heavy work bounded per client address, a share kept for short queries.

Each web worker has ``QUERY_PROCESSES`` query processes. :class:`FairExecutor` wraps that pool
(below the result cache, so cache hits cost nothing here) and admits each read job of a client
request as follows; the client is the connection's address, set for each request by the WSGI
middleware :class:`ClientAddress` (jobs outside a request, or of another kind than ``query`` and
``graph_get``, pass straight through).

- **Usage.** An address with a job running longer than ``SHORT_LIMIT`` is heavy while it runs.
  Each address also has a score: the seconds its jobs ran beyond ``SHORT_LIMIT`` (a job
  stopped at the short limit counts twice ``HEAVY_SECONDS``), decaying with a half-life of
  ``USAGE_HALF_LIFE`` s; short queries cost nothing, however many. An address whose score is at
  least ``HEAVY_SECONDS`` is *heavy*.
- **Shares.** ``RESERVED_PROCESSES`` of the processes are kept for short queries: at most
  ``QUERY_PROCESSES - RESERVED_PROCESSES`` jobs run in the *general share* (the full time
  limit) at once. A job of an address that is not heavy takes a general place when one is free;
  otherwise it runs at once in the *reserved share* with the short limit ``SHORT_LIMIT`` s. A job
  that exceeds the short limit is stopped (its process replaced), its address is charged, and it
  continues in the general share with the time it has left, or is refused.
- **The reserved share** is taken in order: addresses whose short queries succeeded within the
  last half-life go before addresses not seen yet, so a burst of new addresses (each of whose
  first long query costs the short limit once) does not queue ahead of known clients.
- **Heavy addresses** run only in the general share and at most ``HEAVY_PER_CLIENT`` jobs at a
  time each; a heavy job that finds no general place is refused at once with **503** and
  ``Retry-After`` (it never waits: a waiting request would hold a web thread).
- **Per address**, at most ``CLIENT_CONCURRENCY`` jobs are admitted at once; more get **429**
  with ``Retry-After``.

So two, or eight, clients sending cross-product queries share the general places among them,
and short queries of everyone else keep running in the reserved share. State is per web worker,
bounded to ``MAX_ADDRESSES`` addresses (the least recently seen are forgotten). Behind a reverse
proxy every client has the proxy's address (see ``docs/serving.md``). This module decides who
runs where; the pool (``query_pool``) runs and stops the jobs.
"""
from __future__ import annotations

import contextvars
import heapq
import math
import threading
import time
from collections import OrderedDict
from typing import Callable, Iterable

FAIR_KINDS = ("query", "graph_get")
MAX_ADDRESSES = 10_000
CLIENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("mdkg_client", default=None)


class ClientAddress:
    """WSGI middleware: the request's client address (``REMOTE_ADDR``) in :data:`CLIENT`."""

    def __init__(self, app: Callable):
        self.app = app

    def __call__(self, environ, start_response) -> Iterable[bytes]:
        token = CLIENT.set(environ.get("REMOTE_ADDR") or "")
        try:
            return self.app(environ, start_response)
        finally:
            CLIENT.reset(token)


class Usage:
    """Per-address decaying sums of process seconds (bounded, thread-safe)."""

    def __init__(self, half_life: float, max_addresses: int = MAX_ADDRESSES, clock=time.monotonic):
        self.rate = math.log(2) / half_life
        self.max_addresses = max_addresses
        self._clock = clock
        self._scores: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def score(self, address: str) -> float:
        with self._lock:
            value, at = self._scores.get(address, (0.0, 0.0))
        return value * math.exp(-self.rate * (self._clock() - at)) if value else 0.0

    def charge(self, address: str, seconds: float) -> None:
        now = self._clock()
        with self._lock:
            value, at = self._scores.pop(address, (0.0, now))
            self._scores[address] = (value * math.exp(-self.rate * (now - at)) + seconds, now)
            while len(self._scores) > self.max_addresses:
                self._scores.popitem(last=False)


class Recent:
    """Addresses whose short queries succeeded within the last ``horizon`` seconds (bounded)."""

    def __init__(self, horizon: float, max_addresses: int = MAX_ADDRESSES):
        self.horizon = horizon
        self.max_addresses = max_addresses
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def seen(self, address: str) -> None:
        with self._lock:
            self._seen[address] = time.monotonic()
            self._seen.move_to_end(address)
            while len(self._seen) > self.max_addresses:
                self._seen.popitem(last=False)

    def recent(self, address: str) -> bool:
        with self._lock:
            at = self._seen.get(address)
        return at is not None and time.monotonic() - at < self.horizon


class PriorityGate:
    """``slots`` places; waiters with priority (known addresses) go before the others, then
    first come first served."""

    def __init__(self, slots: int):
        self.slots = slots
        self._taken = 0
        self._waiters: list[list] = []  # heap of [rank, seq, event, granted]
        self._seq = 0
        self._lock = threading.Lock()

    def acquire(self, priority: bool, timeout: float) -> bool:
        with self._lock:
            if self._taken < self.slots and not self._waiters:
                self._taken += 1
                return True
            self._seq += 1
            entry = [0 if priority else 1, self._seq, threading.Event(), False]
            heapq.heappush(self._waiters, entry)
        entry[2].wait(timeout)
        with self._lock:
            if entry[3]:
                return True
            self._waiters.remove(entry)
            heapq.heapify(self._waiters)
            return False

    def release(self) -> None:
        with self._lock:
            if self._waiters:  # the place goes straight to the best waiter
                entry = heapq.heappop(self._waiters)
                entry[3] = True
                entry[2].set()
            else:
                self._taken -= 1


def _refused(status: int, message: str, retry_after: int) -> dict:
    return {"status": status, "message": message, "retry_after": retry_after}


class FairExecutor:
    """The pool with the admission rules of the module docstring; everything else delegated."""

    def __init__(self, inner, *, processes: int, reserved: int, short_limit: float,
                 heavy_seconds: float, half_life: float, client_concurrency: int,
                 heavy_per_client: int = 1):
        self.inner = inner
        self.general = max(1, processes - max(0, reserved))
        self.short_limit = short_limit
        self.heavy_seconds = heavy_seconds
        self.client_concurrency = max(1, client_concurrency)
        self.heavy_per_client = max(1, heavy_per_client)
        self.usage = Usage(half_life)
        self._lock = threading.Lock()
        self._general_running = 0
        self._active: dict[str, int] = {}        # address -> admitted jobs
        self._heavy_active: dict[str, int] = {}  # address -> jobs in the general share
        self._started: dict[str, list[float]] = {}  # address -> start times of its running jobs
        self.retry_after = max(1, math.ceil(min(short_limit * 2, 10)))
        self._reserved = PriorityGate(max(1, processes - self.general))
        self._known = Recent(half_life)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def read(self, job: dict, limit: float | None = None) -> dict:
        address = CLIENT.get()
        if address is None or job.get("kind") not in FAIR_KINDS:
            return self.inner.read(job) if limit is None else self.inner.read(job, limit)
        with self._lock:
            if self._active.get(address, 0) >= self.client_concurrency:
                return _refused(429, "too many requests from this address at once; try again later",
                                self.retry_after)
            self._active[address] = self._active.get(address, 0) + 1
        try:
            return self._admitted(address, job)
        finally:
            with self._lock:
                left = self._active[address] - 1
                if left:
                    self._active[address] = left
                else:
                    del self._active[address]

    def _timed(self, address: str, job: dict, limit: float | None, wait: float | None = None
               ) -> tuple[dict, float]:
        started = time.monotonic()
        general = wait is None
        if general:  # a long run in the general share makes its address heavy while it runs
            with self._lock:
                self._started.setdefault(address, []).append(started)
        try:
            if limit is None:
                answer = self.inner.read(job)
            else:
                answer = self.inner.read(job, limit, wait) if wait is not None else self.inner.read(job, limit)
        finally:
            if general:
                with self._lock:
                    starts = self._started[address]
                    starts.remove(started)
                    if not starts:
                        del self._started[address]
        spent = time.monotonic() - started - answer.get("waited", 0.0)  # the run, not the wait
        if spent > self.short_limit:
            self.usage.charge(address, spent - self.short_limit)
        elif answer.get("status") == 200:
            self._known.seen(address)
        return answer, spent

    def heavy(self, address: str) -> bool:
        """Heavy: a decayed score of at least ``heavy_seconds``, or a job running longer than the
        short limit right now."""
        if self.usage.score(address) >= self.heavy_seconds:
            return True
        horizon = time.monotonic() - self.short_limit
        with self._lock:
            return any(start < horizon for start in self._started.get(address, ()))

    def _take_general(self, address: str, heavy: bool) -> bool:
        with self._lock:
            if self._general_running >= self.general:
                return False
            if heavy and self._heavy_active.get(address, 0) >= self.heavy_per_client:
                return False
            self._general_running += 1
            self._heavy_active[address] = self._heavy_active.get(address, 0) + 1
            return True

    def _release_general(self, address: str) -> None:
        with self._lock:
            self._general_running -= 1
            left = self._heavy_active[address] - 1
            if left:
                self._heavy_active[address] = left
            else:
                del self._heavy_active[address]

    def _general(self, address: str, job: dict, limit: float | None) -> dict:
        try:
            return self._timed(address, job, limit)[0]
        finally:
            self._release_general(address)

    def _admitted(self, address: str, job: dict) -> dict:
        heavy = self.heavy(address)
        if self._take_general(address, heavy):
            return self._general(address, job, None)
        if heavy:
            return _refused(503, "this address has used the query processes heavily and the places "
                                 "for long queries are taken; try again later", self.retry_after)
        # the reserved share: wait for a process as long as the time limit allows (reserved runs
        # are short, so one comes soon), then run at most the short limit
        if not self._reserved.acquire(self._known.recent(address), self.inner.timeout):
            return _refused(503, "all query processes are busy; try again later", self.retry_after)
        try:
            answer, spent = self._timed(address, job, self.short_limit, wait=self.inner.timeout)
        finally:
            self._reserved.release()
        if answer.get("status") != 504:
            return answer
        self.usage.charge(address, 2 * self.heavy_seconds)  # a long query: heavy for a half-life
        remaining = self.inner.timeout - spent
        if remaining > 0.1 and self._take_general(address, True):
            return self._general(address, job, remaining)
        return _refused(503, f"the query ran longer than {self.short_limit:g} s while the places for "
                             f"long queries were taken; try again later", self.retry_after)
