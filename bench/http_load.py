"""A small closed-loop HTTP load generator for SPARQL endpoints (standard library only).

``run_load(endpoint, queries, clients, seconds)`` runs ``clients`` concurrent clients, each
sending one GET ``?query=`` at a time over its own keep-alive connection, cycling through the
query mix, for ``seconds``. Clients are threads spread over a few forked processes (so the
client's own Python does not cap the rate at one core), or all in the calling process with
``processes=1``. With ``bust_cache`` every request carries a
unique SPARQL comment, so a result cache keyed by query text never answers it.

Returns latencies and status counts; ``summary`` turns them into p50/p95/p99 and throughput.
It does not start or stop servers.
"""
from __future__ import annotations

import http.client
import itertools
import multiprocessing
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field

ACCEPT = "application/sparql-results+json"


@dataclass
class LoadResult:
    clients: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)

    def merge(self, other: "LoadResult") -> None:
        self.latencies_ms += other.latencies_ms
        self.statuses.update(other.statuses)
        self.errors.update(other.errors)


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return round(ordered[k], 2)


def summary(result: LoadResult) -> dict:
    ok = sum(n for s, n in result.statuses.items() if 200 <= int(s) < 300)
    return {
        "clients": result.clients, "seconds": round(result.seconds, 2),
        "requests": len(result.latencies_ms), "ok": ok,
        "failed": sum(result.errors.values()) + len(result.latencies_ms) - ok,
        "throughput_rps": round(ok / result.seconds, 1) if result.seconds else None,
        "p50_ms": percentile(result.latencies_ms, 50), "p95_ms": percentile(result.latencies_ms, 95),
        "p99_ms": percentile(result.latencies_ms, 99),
        "statuses": {str(k): v for k, v in sorted(result.statuses.items())},
        "errors": dict(result.errors),
    }


def query_path(path: str, text: str, bust_cache: bool) -> str:
    if bust_cache:
        text = f"# {uuid.uuid4().hex}\n{text}"
    return f"{path}?{urllib.parse.urlencode({'query': text})}"


def one_request(conn: http.client.HTTPConnection, path: str, timeout: float) -> int:
    conn.timeout = timeout
    conn.request("GET", path, headers={"Accept": ACCEPT})
    response = conn.getresponse()
    response.read()
    return response.status


def _client(endpoint: str, queries: list[str], deadline: float, bust_cache: bool, start: int,
            timeout: float, out: LoadResult, lock: threading.Lock) -> None:
    url = urllib.parse.urlsplit(endpoint)
    local = LoadResult(out.clients, out.seconds)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    for text in itertools.cycle(queries[start % len(queries):] + queries[:start % len(queries)]):
        if time.monotonic() >= deadline:
            break
        path = query_path(url.path, text, bust_cache)
        t0 = time.perf_counter()
        try:
            status = one_request(conn, path, timeout)
            local.statuses[status] += 1
        except (OSError, http.client.HTTPException) as exc:
            local.errors[type(exc).__name__] += 1
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
            status = None
        local.latencies_ms.append((time.perf_counter() - t0) * 1000)
    conn.close()
    with lock:
        out.merge(local)


def _process(args) -> LoadResult:
    endpoint, queries, threads, first, deadline, bust_cache, timeout, clients, seconds = args
    out = LoadResult(clients, seconds)
    lock = threading.Lock()
    workers = [threading.Thread(target=_client, args=(endpoint, queries, deadline, bust_cache, first + i,
                                                      timeout, out, lock)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return out


def run_load(endpoint: str, queries: list[str], clients: int, seconds: float, *, bust_cache: bool = False,
             timeout: float = 60.0, processes: int = 2) -> LoadResult:
    """``clients`` closed-loop clients for ``seconds`` against ``endpoint`` (a full URL)."""
    processes = max(1, min(processes, clients))
    shares = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    started = time.monotonic()
    deadline = started + seconds
    firsts = [sum(shares[:i]) for i in range(processes)]
    jobs = [(endpoint, queries, n, first, deadline, bust_cache, timeout, clients, seconds)
            for n, first in zip(shares, firsts)]
    if processes == 1:
        parts = [_process(jobs[0])]  # threads in this process only: safe to call from any thread
    else:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(processes) as pool:
            parts = pool.map(_process, jobs)
    result = LoadResult(clients, time.monotonic() - started)
    for part in parts:
        result.merge(part)
    return result


def each_once(endpoint: str, queries: list[str], timeout: float = 120.0) -> list[dict]:
    """Each query once, one after the other (first-run latency on a fresh server)."""
    url = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    out = []
    for i, text in enumerate(queries):
        t0 = time.perf_counter()
        try:
            status = one_request(conn, query_path(url.path, text, False), timeout)
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
        out.append({"query": i, "status": status, "ms": round((time.perf_counter() - t0) * 1000, 2)})
    conn.close()
    return out
