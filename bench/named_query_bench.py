"""Named-query latencies (p50/p95) on one store: MDKG's embedded engine against ``oxigraph serve-read-only``.

For every named query of ``queries/*.rq``, unbound (when all its parameters are optional: the broad
question) and with each of its examples, in the same run:

* ``mdkg``: ``named_queries.run_local`` on the store opened read-only in this process (pyoxigraph,
  union default graph, MDKG's extension functions; the parameter lookups included), every row read;
* ``oxigraph``: ``oxigraph serve-read-only --union-default-graph`` on the same build directory, on a
  free loopback port; the text MDKG runs for the query (its ``binding``: the terms written in or in
  a ``VALUES`` block), and for a query bound by substitutions the terms MDKG resolved in a ``VALUES``
  block opening its WHERE group (``remote_store.with_values``), over HTTP, JSON results read in full.
  Queries calling an ``mdkg:`` function are not sent (the server does not have them).

Each case runs once to warm up, then ``--rounds`` times, or fewer when ``--budget`` seconds per case
are spent (at least 3 runs); p95 is the nearest-rank 95th percentile of the runs. Each run's CPU time is
recorded too (this process's for ``mdkg``, the server's threads' from ``/proc/PID/task/*/schedstat`` for
``oxigraph``): on a machine loaded by other work, wall time is CPU time stretched by their share of the cores. A case whose warm-up
takes more than ``--slow`` seconds is not repeated: its one run is its figure (``runs`` = 1). Rows are
checked equal on both sides. Writes ``bench/results/named_queries_<label>.json``;
``bench/render_doc.py`` puts it in docs/benchmarks.md.

    python bench/named_query_bench.py --store /tmp/stores/n1000/store --label n1000 --rounds 20 --budget 30
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import math
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pyoxigraph as ox  # noqa: E402
import requests  # noqa: E402

from bench.machine import machine_info  # noqa: E402
from graph_builder.build.store import open_read_only  # noqa: E402
from graph_builder.service import named_queries as nq  # noqa: E402
from graph_builder.service.remote_store import with_values  # noqa: E402

RESULTS = REPO / "bench" / "results"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(build_dir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "oxigraph"), "serve-read-only", "--location", str(build_dir),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    started = time.monotonic()
    while time.monotonic() - started < 120:
        try:
            requests.get(url, params={"query": "ASK {}"}, timeout=5)
            return proc, url
        except requests.ConnectionError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("oxigraph serve-read-only did not answer within 120 s")


def _local_rows(result) -> list[tuple]:
    if isinstance(result, bool):
        return [(result,)]
    variables = result.variables
    return sorted(tuple(None if s[v] is None else str(s[v]) for v in variables) for s in result)


def _http_rows(session: requests.Session, url: str, text: str) -> list[tuple]:
    r = session.post(url, data=text.encode("utf-8"), timeout=600,
                     headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    r.raise_for_status()
    body = r.json()
    if "boolean" in body:
        return [(body["boolean"],)]
    names = body["head"]["vars"]
    return sorted(tuple(_term(b.get(n)) for n in names) for b in body["results"]["bindings"])


def _term(b: dict | None) -> str | None:
    """A JSON results term in pyoxigraph's string syntax (for comparing rows)."""
    if b is None:
        return None
    if b["type"] == "uri":
        return str(ox.NamedNode(b["value"]))
    if b["type"] == "bnode":
        return "_:b"
    if "xml:lang" in b:
        return str(ox.Literal(b["value"], language=b["xml:lang"]))
    if "datatype" in b:
        return str(ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"])))
    return str(ox.Literal(b["value"]))


def server_cpu_ns(pid: int) -> int:
    """CPU time (ns) the process's threads have run so far (``/proc/PID/task/*/schedstat``, first field)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return total


def _timed(fn, rounds: int, budget: float, slow: float, cpu=None) -> tuple[list[float], object, list[float]]:
    """Wall-clock ms of each run, the last answer, and the CPU ms of each run (``cpu()`` gives ns so far;
    ``time.process_time_ns`` of this process by default): on a loaded machine the wall time of a run is
    its CPU time stretched by the other processes' share of the cores, the CPU time is not."""
    cpu = cpu or time.process_time_ns
    t0, c0 = time.perf_counter(), cpu()
    answer = fn()                          # warm-up; a case slower than ``slow`` seconds is timed by it alone
    first, first_cpu = time.perf_counter() - t0, (cpu() - c0) / 1e6
    if first > slow:
        return [first * 1000], answer, [first_cpu]
    times, cpus, spent = [], [], 0.0
    while len(times) < rounds and (spent < budget or len(times) < 3):
        t0, c0 = time.perf_counter(), cpu()
        answer = fn()
        ms = (time.perf_counter() - t0) * 1000
        cpus.append((cpu() - c0) / 1e6)
        times.append(ms)
        spent += ms / 1000
    return times, answer, cpus


def _bounded(fn, rounds: int, budget: float, slow: float, limit: float | None, cpu=None):
    """:func:`_timed` in a forked child stopped after ``limit`` seconds: (times, answer), or None when
    the case did not finish (a query that runs for minutes must not hold up the other cases)."""
    if not limit:
        return _timed(fn, rounds, budget, slow, cpu)
    ctx = multiprocessing.get_context("fork")
    here, there = ctx.Pipe(duplex=False)

    def child() -> None:
        there.send(_timed(fn, rounds, budget, slow, cpu))

    proc = ctx.Process(target=child, daemon=True)
    proc.start()
    try:
        if here.poll(limit):
            return here.recv()
        return None
    finally:
        proc.kill()
        proc.join()


def cases(catalogue: dict) -> list[tuple[str, dict]]:
    out = []
    for name, query in catalogue.items():
        if all(p.optional for p in query.params):
            out.append((name, {}))
        for ex in query.examples:
            out.append((name, dict(p.split("=", 1) for p in ex.split("&") if p)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True, help="a store link (or build directory) built by mdkg")
    ap.add_argument("--label", required=True, help="names the result file (bundled, n1000, ...)")
    ap.add_argument("--queries", type=Path, default=REPO / "queries")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--budget", type=float, default=20, help="seconds of timed runs per case and side, at most")
    ap.add_argument("--slow", type=float, default=15, help="a case whose warm-up takes longer is not repeated")
    ap.add_argument("--only", nargs="*", help="only these named queries")
    ap.add_argument("--case-timeout", type=float, default=None,
                    help="seconds after which a case (warm-up and timed runs of one side) is stopped and "
                         "recorded as not finished")
    ap.add_argument("--no-oxigraph", action="store_true")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))     # a stop still ends the oxigraph server
    catalogue = nq.load_catalogue(args.queries)
    if args.only:
        catalogue = {k: v for k, v in catalogue.items() if k in args.only}
    build_dir = args.store.resolve()
    st = open_read_only(args.store)
    quads = len(st)
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    load_start = os.getloadavg()
    proc, url = (None, None) if args.no_oxigraph else start_oxigraph(build_dir)
    session = requests.Session()
    rows = []
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                                capture_output=True, text=True).stdout.strip())
    out = args.out or RESULTS / f"named_queries_{args.label}.json"

    def write(rows: list[dict], partial: bool) -> None:
        result = {"label": args.label, "store": str(build_dir), "quads": quads, "started": started,
                  "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "partial": partial, "commit": commit,
                  "dirty": dirty, "load_average_start": [round(x, 2) for x in load_start],
                  "load_average_end": [round(x, 2) for x in os.getloadavg()], "machine": machine_info(),
                  "rounds": args.rounds, "budget_s": args.budget, "slow_s": args.slow, "rows": rows,
                  "command": "python bench/named_query_bench.py " + " ".join(sys.argv[1:] if argv is None else argv)}
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")

    try:
        for name, params in cases(catalogue):
            query = catalogue[name]
            values = nq.check_args(query, {k: [v] for k, v in params.items()})
            terms = nq.bind(query, values, nq.store_lookup(st))
            row = {"query": name, "args": "&".join(f"{k}={v}" for k, v in params.items())}
            local = _bounded(lambda: _local_rows(nq.run_local(st, query, params)), args.rounds, args.budget,
                             args.slow, args.case_timeout)
            answer = None
            if local is None:
                row.update(mdkg_timed_out_s=args.case_timeout)
            else:
                times, answer, cpus = local
                row.update(mdkg_runs=len(times), mdkg_p50_ms=round(sorted(times)[len(times) // 2], 1),
                           mdkg_p95_ms=round(p95(times), 1), mdkg_cpu_p95_ms=round(p95(cpus), 1), rows=len(answer))
            if url and "mdkg:ar" not in query.text:
                text, substitutions = query.prepared(terms)   # the text MDKG runs (binding: values/inline)
                text = with_values(text, substitutions)
                pid = proc.pid
                remote = _bounded(lambda: _http_rows(session, url, text), args.rounds, args.budget, args.slow,
                                  args.case_timeout, cpu=lambda: server_cpu_ns(pid))
                if remote is None:
                    row.update(oxigraph_timed_out_s=args.case_timeout)
                    proc.terminate()          # it may still be evaluating: a fresh server for the next case
                    proc.wait(timeout=30)
                    proc, url = start_oxigraph(build_dir)
                    session = requests.Session()
                else:
                    times, there, cpus = remote
                    row.update(oxigraph_runs=len(times), oxigraph_p50_ms=round(sorted(times)[len(times) // 2], 1),
                               oxigraph_p95_ms=round(p95(times), 1), oxigraph_cpu_p95_ms=round(p95(cpus), 1))
                    if answer is not None:
                        row["same_rows"] = there == answer
                    else:
                        row["rows"] = len(there)
            rows.append(row)
            write(rows, partial=True)      # what is measured so far survives a stop
            mine = (f"{row['mdkg_p95_ms']:9.1f} ms (CPU {row['mdkg_cpu_p95_ms']:7.1f})" if "mdkg_p95_ms" in row
                    else f"> {args.case_timeout} s")
            theirs = (f"{row['oxigraph_p95_ms']:9.1f} ms (CPU {row['oxigraph_cpu_p95_ms']:7.1f})" if "oxigraph_p95_ms" in row
                      else f"> {args.case_timeout} s" if "oxigraph_timed_out_s" in row else "")
            print(f"{name:26s} {row['args'][:28]:28s} mdkg p95 {mine}"
                  + (f"  oxigraph p95 {theirs}" if theirs else "")
                  + f"  rows {row.get('rows', '-')}" + ("" if row.get("same_rows", True) else "  DIFFERENT ROWS"),
                  flush=True)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    write(rows, partial=False)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
