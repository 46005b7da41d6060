"""Soak run: many concurrent clients on loopback against a real MDKG server for a fixed time.

``soak(endpoint, queries, clients, seconds)`` runs half the clients on the plain query mix
(answers may come from the result cache) and half with a unique comment per request (every
request reaches a query process), at the same time, and returns the combined figures: zero
failed requests and zero 5xx is the pass mark. The suite runs it for ``MDKG_SOAK_SECONDS``
(default 60) in ``tests/test_soak.py``; the command below is the 5-minute run, which builds
the bundled corpus, starts ``mdkg serve`` and writes ``bench/results/soak.json``.

    python bench/soak.py --seconds 300 --clients 64
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.http_load import LoadResult, run_load, summary  # noqa: E402
from bench.machine import machine_info  # noqa: E402
from bench.query_mix import query_mix  # noqa: E402


def soak(endpoint: str, queries: list[str], clients: int, seconds: float) -> dict:
    """Combined summary of ``clients`` closed-loop clients (half cache-busting) for ``seconds``."""
    halves = {"cached": clients - clients // 2, "uncached": clients // 2}
    parts: dict[str, LoadResult] = {}

    def one(name: str, n: int) -> None:
        parts[name] = run_load(endpoint, queries, n, seconds, bust_cache=(name == "uncached"), processes=1)

    threads = [threading.Thread(target=one, args=item) for item in halves.items() if item[1]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = LoadResult(clients, max(p.seconds for p in parts.values()))
    for part in parts.values():
        total.merge(part)
    out = summary(total)
    out["server_errors"] = sum(n for s, n in total.statuses.items() if int(s) >= 500)
    out["parts"] = {name: summary(part) for name, part in parts.items()}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "soak.json")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "tests"))
    from serverutil import start_server  # the suite's own launcher: server.serve under gunicorn
    from graph_builder.build.pipeline import build
    from graph_builder.resources import default_corpus

    name, queries = query_mix(REPO / "queries")
    with tempfile.TemporaryDirectory(prefix="mdkg-soak-") as tmp:
        store = Path(tmp) / "store"
        build(default_corpus(), store)
        server = start_server(store, Path(tmp) / "server.log", workers=2, QUERY_PROCESSES=2,
                              QUERY_TIMEOUT=30, ACCESS_LOG=False)
        try:
            started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
            result = soak(server.sparql, queries, args.clients, args.seconds)
        finally:
            server.stop()
    report = {"started": started, "machine": machine_info(), "mix": name, **result}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k not in ("machine", "parts")}, indent=1))
    return 0 if result["failed"] == 0 and result["server_errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
