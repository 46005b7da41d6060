"""Front-door pages with the per-build memo against per-request queries, in the same run.

Serves ``/``, ``/browse/states`` and ``/search`` (Arabic word, whose hits carry citations) through
Flask's test client on a built store, three ways, interleaved round by round:

- ``memo``: the shipped path (:mod:`graph_builder.service.frontdata` keeps the answers per build);
- ``result-cache``: the memo emptied before every request, the executor's result cache still on
  (the alternative of relying on the service's generic cache);
- ``no-cache``: the memo emptied and the result cache off (every request runs its queries).

Prints and writes ``bench/results/frontdoor_bench.json``: median and 90th percentile latency
per page and way. Bounded: ``--rounds`` (default 15) and ``--limit`` seconds (default 120).

    python bench/frontdoor_bench.py --store data/store
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

PAGES = ("/?lang=ar", "/browse/states?lang=en", "/search?q=%D8%A7%D9%84%D8%AA%D8%AD%D9%88%D9%8A%D9%84%D8%A7%D8%AA&format=html&lang=ar")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default="data/store")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--limit", type=float, default=120.0)
    args = parser.parse_args()
    from server import create_app

    apps = {"memo": create_app({"STORE": args.store, "ACCESS_LOG": False}),
            "result-cache": create_app({"STORE": args.store, "ACCESS_LOG": False}),
            "no-cache": create_app({"STORE": args.store, "ACCESS_LOG": False, "CACHE_MAX_BYTES": 0})}
    clients = {name: app.test_client() for name, app in apps.items()}
    times: dict[str, dict[str, list[float]]] = {w: {p: [] for p in PAGES} for w in apps}
    for client in clients.values():  # warm: processes started, memo and caches filled
        for page in PAGES:
            assert client.get(page).status_code == 200, page
    deadline = time.monotonic() + args.limit
    rounds = 0
    for _ in range(args.rounds):
        if time.monotonic() > deadline:
            break
        rounds += 1
        for way, client in clients.items():
            for page in PAGES:
                if way != "memo":
                    apps[way].extensions["mdkg.frontdoor"].clear()
                start = time.perf_counter()
                assert client.get(page).status_code == 200
                times[way][page].append((time.perf_counter() - start) * 1000)
    for app in apps.values():
        app.extensions["mdkg"].executor.close()
    summary = {way: {page: {"median_ms": round(statistics.median(v), 1),
                            "p90_ms": round(sorted(v)[int(0.9 * (len(v) - 1))], 1)}
                     for page, v in pages.items()} for way, pages in times.items()}
    out = {"store": args.store, "rounds": rounds, "pages": list(PAGES), "results": summary}
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "frontdoor_bench.json").write_text(json.dumps(out, indent=1, ensure_ascii=False))
    for way, pages in summary.items():
        for page, figures in pages.items():
            print(f"{way:13} {page[:40]:40} median {figures['median_ms']:7.1f} ms  p90 {figures['p90_ms']:7.1f} ms")


if __name__ == "__main__":
    main()
