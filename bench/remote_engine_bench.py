"""MDKG beside Virtuoso: push time (Graph Store PUT with Digest against Virtuoso's bulk loader) and
named-query latencies on Virtuoso against the embedded Oxigraph store, on the same build.

Starts a fresh Virtuoso (Debian's ``virtuoso-opensource``; the launcher of the integration test,
``tests/virtuoso_util.py``: package defaults, loopback ports, its own database directory) and
builds the bundled corpus unless ``--store`` is given. Then, in one run:

* push: ``mdkg push`` (one ``PUT`` per graph through ``/sparql-graph-crud-auth``, HTTP Digest)
  ``--rounds`` times, against Virtuoso's bulk loader on an N-Quads dump of the same store
  (``SPARQL CLEAR GRAPH`` of each graph, ``ld_dir`` + ``rdf_loader_run()`` through ``isql-vt``,
  then ``checkpoint``), both replacing graphs that are already there;
* queries: every named query with each of its examples (and unbound when all its parameters are
  optional), ``--rounds`` timed runs after one warm-up, through ``named_queries.run_local`` on the
  embedded store (pyoxigraph in this process) and on a ``RemoteStore`` over Virtuoso's ``/sparql``
  (HTTP on loopback included, parameter lookups included on both sides); rows are checked equal.
  Each case records the median and the p95 (nearest rank) of its timed runs on each engine.

Writes ``bench/results/remote_engine.json``; ``bench/render_doc.py`` puts it in docs/benchmarks.md.

    python bench/remote_engine_bench.py --rounds 5
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import pyoxigraph as ox  # noqa: E402

from bench.machine import machine_info  # noqa: E402
from graph_builder.build.store import open_read_only  # noqa: E402
from graph_builder.namespaces import DEFAULT_BASE, Base  # noqa: E402
from graph_builder.publish.push import push_store  # noqa: E402
from graph_builder.service import named_queries as nq  # noqa: E402
from graph_builder.service.remote_store import RemoteError, RemoteStore  # noqa: E402
import virtuoso_util  # noqa: E402

USER, PASSWORD = "mdkg_bench", "bench-pw-41"


def _rows(solutions) -> Counter:
    return Counter(tuple(None if s[v] is None else str(s[v]) for v in solutions.variables) for s in solutions)


def _timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    value = fn()
    return (time.perf_counter() - started) * 1000, value


def bench_push(server, st: ox.Store, folder: Path, rounds: int, bulk_path: bool = True) -> dict:
    """``rounds`` timed pushes each way (``bulk_path`` False: the PUTs only, for a store whose bulk load
    passes the isql time limit of the launcher)."""
    graphs = [g.value for g in st.named_graphs()]
    put_ms = []
    for _ in range(rounds):
        ms, counts = _timed(lambda: push_store(st, server.graph_crud_auth, auth=(USER, PASSWORD)))
        put_ms.append(ms)
    if not bulk_path:
        return {"graphs": len(graphs), "quads": sum(counts.values()), "put_ms": put_ms,
                "put_median_ms": statistics.median(put_ms), "dump_ms": None, "bulk_ms": [],
                "bulk_median_ms": None, "bulk_counts_equal": None}
    dump_dir = folder / "db" / "bulk"
    dump_dir.mkdir(exist_ok=True)
    dump_ms, _ = _timed(lambda: st.dump(str(dump_dir / "mdkg.nq"), format=ox.RdfFormat.N_QUADS))
    # isql-vt refuses a line of more than 50 statements: the CLEARs go in batches of 40 (a store of many reports)
    clears = [" ".join(f"SPARQL CLEAR GRAPH <{g}>;" for g in graphs[i:i + 40]) for i in range(0, len(graphs), 40)]

    def bulk() -> None:
        for clear in clears:
            server.isql(clear)
        server.isql(f"ld_dir('{dump_dir}', 'mdkg.nq', 'urn:mdkg:unused'); rdf_loader_run(); checkpoint;")

    bulk_ms = []
    for _ in range(rounds):
        server.isql("DELETE FROM DB.DBA.LOAD_LIST;")
        ms, _ = _timed(bulk)
        bulk_ms.append(ms)
    remote = RemoteStore(server.sparql, graph_prefix=Base(DEFAULT_BASE).iri + "graph/", timeout=120)
    loaded = {r["g"].value: int(r["n"].value) for r in remote.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    return {"graphs": len(graphs), "quads": sum(counts.values()), "put_ms": put_ms,
            "put_median_ms": statistics.median(put_ms), "dump_ms": dump_ms, "bulk_ms": bulk_ms,
            "bulk_median_ms": statistics.median(bulk_ms), "bulk_counts_equal": loaded == counts}


def bench_queries(server, st: ox.Store, rounds: int, timeout: float = 120, skip=(), progress=None) -> list[dict]:
    """Every case of the catalogue but the queries named in ``skip``; ``progress(rows)`` after each case."""
    remote = RemoteStore(server.sparql, graph_prefix=Base(DEFAULT_BASE).iri + "graph/", timeout=timeout)
    out = []
    for name, query in nq.load_catalogue(nq.queries_dir(None)).items():
        if name in skip:
            continue
        runs = [dict(p.split("=", 1) for p in ex.split("&") if p) for ex in query.examples]
        if all(p.optional for p in query.params):
            runs.append({})
        for args in runs:
            row = {"query": name, "args": "&".join(f"{k}={v}" for k, v in args.items())}
            for label, store in (("oxigraph", st), ("virtuoso", remote)):
                try:
                    _rows(nq.run_local(store, query, args))  # warm-up
                    times, answer = [], None
                    for _ in range(rounds):
                        ms, answer = _timed(lambda: _rows(nq.run_local(store, query, args)))
                        times.append(ms)
                except RemoteError as exc:  # the engine refused or passed --timeout: recorded, not timed
                    row[f"{label}_error"] = exc.message[:300]
                    row.setdefault("answers", []).append(None)
                    continue
                row[f"{label}_ms"] = statistics.median(times)
                row[f"{label}_p95_ms"] = round(sorted(times)[max(0, math.ceil(0.95 * len(times)) - 1)], 1)
                row[f"{label}_rows"] = sum(answer.values())
                row.setdefault("answers", []).append(answer)
            here, there = row.pop("answers")
            row["same_rows"] = here is not None and here == there
            out.append(row)
            if progress:
                progress(out)
            print(f"{name:28s} {row['args'][:30]:30s} oxigraph {row.get('oxigraph_ms', float('nan')):8.1f} ms  "
                  f"virtuoso {row.get('virtuoso_ms', float('nan')):8.1f} ms  rows {row.get('oxigraph_rows')}"
                  f"{'' if row['same_rows'] else '  DIFFERENT ROWS ' + row.get('virtuoso_error', '')[:120]}",
                  flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", help="an MDKG store (default: build the bundled corpus)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--push-rounds", type=int, help="rounds of each push path (default: --rounds)")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds a Virtuoso query may take; a case past it is recorded as an error")
    parser.add_argument("--no-bulk", action="store_true", help="time the PUTs only, not the bulk loader")
    parser.add_argument("--skip", nargs="*", default=[],
                        help="named queries not timed (e.g. those another run found over a limit on both engines)")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "remote_engine.json"))
    args = parser.parse_args()
    reason = virtuoso_util.missing()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    machine = machine_info()
    with tempfile.TemporaryDirectory(prefix="mdkg-remote-bench-") as tmp:
        tmp = Path(tmp)
        if args.store:
            store = Path(args.store)
        else:
            from graph_builder.build.pipeline import build
            from graph_builder.resources import default_corpus
            store = tmp / "store"
            build(default_corpus(), store)
        st = open_read_only(store)
        server = virtuoso_util.start_virtuoso(tmp / "virtuoso")
        try:
            server.add_user(USER, PASSWORD)
            started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            push = bench_push(server, st, server.folder, args.push_rounds or args.rounds, not args.no_bulk)
            print(json.dumps(push, indent=1), flush=True)

            def write(queries: list[dict], partial: bool) -> None:  # what is measured so far survives a stop
                result = {"started": started, "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                          "partial": partial, "skipped": args.skip,
                          "command": "python bench/remote_engine_bench.py " + " ".join(sys.argv[1:]),
                          "machine": machine, "rounds": args.rounds, "corpus": args.store or "bundled",
                          "virtuoso": "7.2 (Debian virtuoso-opensource)", "push": push, "queries": queries}
                Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")

            write([], True)
            write(bench_queries(server, st, args.rounds, args.timeout, set(args.skip),
                                lambda rows: write(rows, True)), False)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
