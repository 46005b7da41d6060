"""Server CPU per answer of candidate fronts: ``mdkg serve`` today, the pre-fork prototype, and oxigraph.

Issue 11's throughput target (cheap unique queries at 16 clients >= 0.8 of ``oxigraph
serve-read-only``) is, on a 2-core machine that the client shares, a budget of server CPU per
answer. This benchmark runs, side by side on one store and one client (``bench.http_load``):

* ``oxigraph``: ``oxigraph serve-read-only``;
* ``mdkg``: ``mdkg serve`` (gunicorn web process + a pipe hop to a query process);
* ``prefork-httptools`` / ``prefork-python``: ``bench/prefork_prototype.py`` (sandboxed query
  processes that accept and answer HTTP themselves; the request read by httptools or by a
  minimal Python split), with ``--processes`` children;
* ``handoff-httptools`` (``-linger``): the prototype's ``--mode handoff``, where the parent keeps
  the idle connections and passes each request's connection to an idle child (one ``SCM_RIGHTS``
  message each way: the hop without the HTTP parsing), with no linger (or 2 ms);
* ``dispatch-httptools``: ``--mode dispatch``, where the parent also reads each request (httptools)
  and sends its bytes and its connection to an idle child of its choice;
* a ``-fastpath`` suffix: the prototype's children answer with the service's own
  ``fastpath.FastQueries`` and result cache (ETag, the same headers) instead of the bare answer.

Points (``front_bench.point``; the endpoint measured first rotates): ``ASK {}`` at 1 client and
the competency-question cheap mix at each ``--clients`` count, each giving throughput, p50 and
the server CPU per answer (from ``/proc``, the server's process tree), which does not depend on
the machine's load the way the wall-clock figures do. Writes ``bench/results/prefork_bench.json``.

    python bench/prefork_bench.py --seconds 3 --store STORE
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.front_bench import DEFAULT_CQ, cheap_mix, point, split_cheap  # noqa: E402
from bench.http_load import run_load  # noqa: E402
from bench.machine import machine_info  # noqa: E402
from bench.query_bench import VENV, Endpoint, clean_env, free_port, mdkg, ready, start_endpoint  # noqa: E402

RESULTS = REPO / "bench" / "results"


def start_prefork(name: str, store: Path, processes: int, logs: Path) -> Endpoint:
    """``prefork-PARSER`` (children accept), ``handoff-PARSER`` (the parent passes each request's
    connection to an idle child) or ``dispatch-httptools`` (the parent reads each request and
    passes it with its connection), with ``-linger`` (handoff: the child waits 2 ms for
    the connection's next request) and ``-fastpath`` (the service's own fast path and cache)."""
    mode, parser, *flags = name.split("-")
    port = free_port()
    argv = [str(VENV / "python"), str(REPO / "bench" / "prefork_prototype.py"), "--store", str(store),
            "--port", str(port), "--parser", parser, "--processes", str(processes),
            "--mode", {"prefork": "accept"}.get(mode, mode), "--linger-ms", "2" if "linger" in flags else "0",
            "--app", "fastpath" if "fastpath" in flags else "plain"]
    return ready(Endpoint(name, argv, f"http://127.0.0.1:{port}/sparql", logs / f"{name}.log", REPO,
                          clean_env(REPO)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, help="an existing store (default: build corpus/ into a temp dir)")
    ap.add_argument("--cq", type=Path, default=DEFAULT_CQ)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("--processes", type=int, default=2, help="children of the prototype")
    ap.add_argument("--designs", nargs="+", default=["mdkg", "prefork-httptools", "prefork-httptools-fastpath", "dispatch-httptools-fastpath"])
    ap.add_argument("--out", type=Path, default=RESULTS / "prefork_bench.json")
    args = ap.parse_args(argv)
    cheap_name, cheap = cheap_mix(args.cq)
    results: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(),
                     "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
                     "cheap_mix": cheap_name, "prototype_processes": args.processes, "points": {}}
    with tempfile.TemporaryDirectory(prefix="mdkg-prefork-") as tmp:
        tmp = Path(tmp)
        store = args.store
        if store is None:
            store = tmp / "store"
            mdkg(REPO, "build", "--corpus", str(REPO / "corpus"), "--store", str(store))
        endpoints: dict = {}
        try:
            for name in args.designs:
                if name == "mdkg":
                    endpoints[name] = start_endpoint("mdkg", store, tmp / "unused.nq", REPO, tmp)
                else:
                    endpoints[name] = start_prefork(name, store, args.processes, tmp)
            endpoints["oxigraph"] = start_endpoint("oxigraph", store, tmp / "unused.nq", REPO, tmp)
            for endpoint in endpoints.values():
                run_load(endpoint.url, cheap, 2, 1.5, bust_cache=True)
            cheap, excluded = split_cheap(endpoints["oxigraph"].url, cheap, 20.0)
            print(f"cheap mix: {len(cheap)} queries ({len(excluded)} excluded); load {os.getloadavg()[0]:.1f}")
            print("ASK {} at 1 client:", flush=True)
            results["points"]["ask"] = [point(endpoints, ["ASK {}"], 1, args.seconds / 2) for _ in range(2)]
            print("cheap mix:", flush=True)
            results["points"]["cheap"] = {str(n): point(endpoints, cheap, n, args.seconds) for n in args.clients}
        finally:
            for endpoint in endpoints.values():
                endpoint.stop()
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"load average at the end {results['load_average_at_end']}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
