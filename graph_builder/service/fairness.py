"""Fair use of the query processes: heavy work bounded per client address, a share kept for short queries.

Each web worker has ``QUERY_PROCESSES`` query processes. :class:`FairExecutor` wraps that pool
(below the result cache, so cache hits cost nothing here) and decides, for each read job of a
client request, when it may take a process; the client is the connection's address, set for each
request by the WSGI middleware :class:`ClientAddress` (jobs outside a request, or of another kind
than ``query`` and ``graph_get``, pass straight through). It is a scheduler that only acts when
addresses compete: one address alone (a busy script, or everyone behind one reverse proxy) gets
every process, in arrival order, and is never refused for its use.

- **Heavy.** An address is *heavy* while one of its jobs has run longer than ``SHORT_LIMIT``
  seconds, and while its usage score is at least ``HEAVY_SECONDS``: the run time of its jobs beyond
  the short limit (a job stopped for others counts twice ``HEAVY_SECONDS``), decaying with a
  half-life of ``USAGE_HALF_LIFE``. Only *run* time counts (waiting for a process does not), and
  short queries cost nothing however many. Everyone else is *light*.
- **Shares.** ``RESERVED_PROCESSES`` of the processes are kept for light addresses: heavy jobs are
  *entitled* to at most the other ``QUERY_PROCESSES - RESERVED_PROCESSES`` places, shared
  round-robin among the heavy addresses, at most ``HEAVY_PER_CLIENT`` each (oldest jobs first).
  A heavy job beyond that runs only on a place nobody else wants (*borrowed*).
- **Order.** A free process goes to the waiting job of a light address first, then to the address
  with the fewest jobs running, then first come first served.
- **Preemption.** When a light address's job is waiting, no process is free and a heavy job runs
  on a borrowed place (including a light address's job that has just passed the short limit), the
  borrowed job is stopped (its process replaced) and answered **503** with ``Retry-After``: a short
  query never waits behind another address's heavy work for longer than the short limit.
- **Refusals.** While other addresses have been active within the last ``ACTIVE_WINDOW`` seconds,
  a heavy address's job that cannot start at once on a place it is entitled to is refused with
  **503** and ``Retry-After`` (a waiting request would hold a connection); alone, it waits like
  any job, up to the time limit. At most ``CLIENT_CONCURRENCY`` jobs per address are admitted at
  once (running or waiting); more get **429** with ``Retry-After``.

So two, or eight, clients sending cross-product queries share the entitled places among them,
each such client runs one at a time while others are present, and short queries of everyone else
keep running in the reserved share. State is per web worker, bounded to ``MAX_ADDRESSES``
addresses (the least recently seen are forgotten). Behind a reverse proxy every client has the
proxy's address (one address: nothing is refused, see ``docs/serving.md``). This module decides
who runs when; the pool (``query_pool``) runs and stops the jobs.
"""
from __future__ import annotations

import contextvars
import itertools
import math
import threading
import time
from collections import OrderedDict
from typing import Callable, Iterable

FAIR_KINDS = ("query", "graph_get")
MAX_ADDRESSES = 10_000
ACTIVE_WINDOW = 2.0  # seconds an address counts as present after its last request
CLIENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("mdkg_client", default=None)


class Presence:
    """When each client address last made a request (any request: cached answers too), bounded."""

    def __init__(self, max_addresses: int = MAX_ADDRESSES):
        self.max_addresses = max_addresses
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def seen(self, address: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._seen[address] = now
            self._seen.move_to_end(address)
            if len(self._seen) > self.max_addresses:
                self._seen.popitem(last=False)

    def others_since(self, address: str, since: float) -> bool:
        """Whether an address other than ``address`` made a request at or after ``since``."""
        with self._lock:
            for other, at in reversed(self._seen.items()):  # most recent first
                if at < since:
                    return False
                if other != address:
                    return True
        return False


class ClientAddress:
    """WSGI middleware: the request's client address (``REMOTE_ADDR``) in :data:`CLIENT`, and
    its arrival noted in ``presence``."""

    def __init__(self, app: Callable, presence: Presence | None = None):
        self.app = app
        self.presence = presence

    def __call__(self, environ, start_response) -> Iterable[bytes]:
        address = environ.get("REMOTE_ADDR") or ""
        if self.presence is not None:
            self.presence.seen(address)
        token = CLIENT.set(address)
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


class Ticket:
    """One admitted job: waiting (``started`` None), running, or being stopped for others."""

    __slots__ = ("address", "seq", "started", "stopped", "granted")

    def __init__(self, address: str, seq: int):
        self.address = address
        self.seq = seq
        self.started: float | None = None
        self.stopped = False
        self.granted: threading.Event | None = None  # made when the ticket has to wait

    def is_set(self) -> bool:  # the pool polls this as its stop signal
        return self.stopped


def _refused(status: int, message: str, retry_after: int) -> dict:
    return {"status": status, "message": message, "retry_after": retry_after}


class FairExecutor:
    """The pool with the scheduling rules of the module docstring; everything else delegated."""

    def __init__(self, inner, *, processes: int, reserved: int, short_limit: float,
                 heavy_seconds: float, half_life: float, client_concurrency: int,
                 heavy_per_client: int = 1, active_window: float = ACTIVE_WINDOW,
                 presence: Presence | None = None):
        self.inner = inner
        self.processes = max(1, processes)
        self.general = max(1, self.processes - max(0, reserved))
        self.short_limit = short_limit
        self.heavy_seconds = heavy_seconds
        self.client_concurrency = max(1, client_concurrency)
        self.heavy_per_client = max(1, heavy_per_client)
        self.active_window = active_window
        self.usage = Usage(half_life)
        self.stoppable = bool(getattr(inner, "stoppable", False))
        self.retry_after = max(1, math.ceil(min(short_limit * 2, 10)))
        self._lock = threading.RLock()
        self._seq = itertools.count()
        self._waiting: list[Ticket] = []
        self._running: dict[str, list[Ticket]] = {}  # address -> its running tickets
        self._n_running = 0
        self._n_stopping = 0
        self._admitted: dict[str, int] = {}  # address -> jobs running or waiting
        self.presence = presence if presence is not None else Presence()  # shared with ClientAddress

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    # -- who is heavy, who is present ---------------------------------------------------------
    def heavy(self, address: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        horizon = now - self.short_limit
        if any(t.started is not None and t.started < horizon for t in self._running.get(address, ())):
            return True
        return self.usage.score(address) >= self.heavy_seconds

    def _others_present(self, address: str, now: float) -> bool:
        if any(a != address for a in self._running) or any(t.address != address for t in self._waiting):
            return True
        return self.presence.others_since(address, now - self.active_window)

    # -- places ------------------------------------------------------------------------------
    def _entitled(self, now: float) -> set[int]:
        """``id`` of the heavy running tickets that hold entitled places (round-robin, oldest first)."""
        queues = [sorted(ts, key=lambda t: t.started)[:self.heavy_per_client]
                  for a, ts in self._running.items() if ts and self.heavy(a, now)]
        chosen: set[int] = set()
        for rank in range(self.heavy_per_client):
            for tickets in sorted(queues, key=lambda ts: ts[0].started):
                if rank < len(tickets) and len(chosen) < self.general:
                    chosen.add(id(tickets[rank]))
        return chosen

    def _heavy_places(self, now: float) -> tuple[int, int]:
        """(heavy jobs running, those of them on entitled places)."""
        heavy = sum(len(ts) for a, ts in self._running.items() if ts and self.heavy(a, now))
        return heavy, len(self._entitled(now)) if heavy else 0

    def _can_start(self, ticket: Ticket, heavy: bool, contended: bool, now: float) -> bool:
        """Whether ``ticket`` may take a free place now (the order among waiters aside)."""
        if self._n_running >= self.processes:
            return False
        if heavy and contended:  # only an entitled place: the reserved share stays for light work
            mine = len(self._running.get(ticket.address, ()))
            running_heavy, _ = self._heavy_places(now)
            return mine < self.heavy_per_client and running_heavy < self.general
        return True

    def _start(self, ticket: Ticket, now: float) -> None:
        ticket.started = now
        self._running.setdefault(ticket.address, []).append(ticket)
        self._n_running += 1

    def _dispatch(self, now: float) -> None:
        """Give free places to waiting tickets in order (light addresses first, then the address
        with the fewest jobs running, then arrival), and stop borrowed places for light waiters."""
        while self._waiting and self._n_running < self.processes:
            heavy = {a: self.heavy(a, now) for a in {t.address for t in self._waiting}}
            best = min(self._waiting, key=lambda t: (heavy[t.address], len(self._running.get(t.address, ())),
                                                     t.seq))
            if not self._can_start(best, heavy[best.address], self._others_present(best.address, now), now):
                break
            self._waiting.remove(best)
            self._start(best, now)
            best.granted.set()
        self._preempt(now)

    def _preempt(self, now: float) -> None:
        """Stop borrowed heavy jobs while light jobs wait and no process is free."""
        if not self.stoppable:
            return
        light_waiting = sum(1 for t in self._waiting if not self.heavy(t.address, now))
        free = self.processes - self._n_running
        while light_waiting > free + self._n_stopping:
            entitled = self._entitled(now)
            borrowed = [t for a, ts in self._running.items() if self.heavy(a, now)
                        for t in ts if id(t) not in entitled and not t.stopped]
            if not borrowed:
                return
            victim = max(borrowed, key=lambda t: (len(self._running[t.address]), t.started))
            victim.stopped = True
            self._n_stopping += 1

    def _next_change(self, now: float) -> float:
        """Seconds until a running job passes the short limit (its address turns heavy then)."""
        with self._lock:
            starts = [t.started for ts in self._running.values() for t in ts if t.started is not None]
        crossings = [at + self.short_limit - now for at in starts if at + self.short_limit > now]
        return max(0.005, min(crossings)) if crossings else 1.0

    # -- running jobs --------------------------------------------------------------------------
    def read(self, job: dict, limit: float | None = None) -> dict:
        address = CLIENT.get()
        if address is None or job.get("kind") not in FAIR_KINDS:
            return self.inner.read(job) if limit is None else self.inner.read(job, limit)
        ticket = self._admit(address)
        if isinstance(ticket, dict):
            return ticket
        answer: dict | None = None
        try:
            kwargs = {"stop": ticket} if self.stoppable else {}
            if limit is not None:
                kwargs["limit"] = limit
            answer = self.inner.read(job, **kwargs)
        finally:
            self._finish(ticket, answer)
        if answer.get("stopped"):
            return _refused(503, "this query ran longer than the short limit while other clients' short "
                                 "queries were waiting, and was stopped; try again later", self.retry_after)
        return answer

    def _admit(self, address: str) -> Ticket | dict:
        now = time.monotonic()
        with self._lock:
            if self._admitted.get(address, 0) >= self.client_concurrency:
                return _refused(429, "too many requests from this address at once; try again later",
                                self.retry_after)
            self.presence.seen(address, now)  # jobs outside a request carry no address: noted here too
            contended = self._others_present(address, now)
            ticket = Ticket(address, next(self._seq))
            heavy = self.heavy(address, now)
            if not self._waiting and self._can_start(ticket, heavy, contended, now):
                self._admitted[address] = self._admitted.get(address, 0) + 1
                self._start(ticket, now)
                return ticket
            if heavy and contended:
                return _refused(503, "this address is running long queries and the places for them "
                                     "are taken; try again later", self.retry_after)
            self._admitted[address] = self._admitted.get(address, 0) + 1
            ticket.granted = threading.Event()
            self._waiting.append(ticket)
            self._dispatch(now)
            deadline = now + self.inner.timeout
        while True:
            if ticket.granted.wait(max(0.0, min(deadline - now, self._next_change(now)))):
                return ticket
            with self._lock:
                if ticket.granted.is_set():
                    return ticket
                now = time.monotonic()
                self._dispatch(now)  # time passed: a running job may have turned heavy
                if ticket.granted.is_set():
                    return ticket
                heavy = self.heavy(address, now)
                if now >= deadline or (heavy and self._others_present(address, now)):
                    self._waiting.remove(ticket)
                    self._release_admission(address)
                    self._dispatch(now)
                    if now >= deadline:
                        return _refused(503, "all query processes are busy; try again later", 1)
                    return _refused(503, "this address is running long queries and the places for "
                                         "them are taken; try again later", self.retry_after)

    def _release_admission(self, address: str) -> None:
        left = self._admitted[address] - 1
        if left:
            self._admitted[address] = left
        else:
            del self._admitted[address]

    def _finish(self, ticket: Ticket, answer: dict | None) -> None:
        now = time.monotonic()
        ran = now - (ticket.started or now) - ((answer or {}).get("waited") or 0.0)
        if (answer or {}).get("stopped"):
            self.usage.charge(ticket.address, 2 * self.heavy_seconds)
        elif ran > self.short_limit:
            self.usage.charge(ticket.address, ran - self.short_limit)
        with self._lock:
            tickets = self._running[ticket.address]
            tickets.remove(ticket)
            if not tickets:
                del self._running[ticket.address]
            self._n_running -= 1
            if ticket.stopped:
                self._n_stopping -= 1
            self._release_admission(ticket.address)
            if self._waiting:
                self._dispatch(now)
