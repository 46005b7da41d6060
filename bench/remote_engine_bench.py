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

A large store (``--tuned``): Virtuoso gets the settings an operator needs at that scale
(:func:`tuned_settings`: buffers sized to ``--memory-gb``, its own ``MaxQueryExecutionTime`` equal
to ``--timeout``, no refusal on its cost estimate, more HTTP threads, a row cap above MDKG's, the
load folder in ``DirsAllowed``); the whole store is bulk-loaded from the N-Quads files in
``--load-dir`` (``ld_dir`` + one ``rdf_loader_run()`` per file, ``checkpoint``; timed, quad counts
compared graph by graph), and ``--put-sample N`` times both paths on N report graphs replacing
themselves (one PUT per graph against CLEAR + bulk load of their dump). ``--virtuoso-dir`` keeps the
database for a later run (``--reuse``: start on it, load nothing). Each case and side is stopped
after ``--timeout`` s: the embedded store runs in a child process that is ended and restarted
(pyoxigraph cannot interrupt a query), Virtuoso's request is abandoned (and the engine stops it
at the same limit). ``--dataset`` chooses how the MDKG graphs are described to Virtuoso:
``protocol`` (``default-graph-uri``/``named-graph-uri``, what ``RemoteStore`` sends), ``from``
(``FROM``/``FROM NAMED`` clauses in the text), or both side by side.

Writes ``bench/results/remote_engine.json``; ``bench/render_doc.py`` puts it in docs/benchmarks.md.

    python bench/remote_engine_bench.py --rounds 5
    python bench/remote_engine_bench.py --store STORE --tuned --load-dir DUMPS --put-sample 20 \
        --timeout 30 --rounds 3 --out bench/results/remote_engine_n1000.json
"""
from __future__ import annotations

import argparse
import json
import math
import multiprocessing
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
from graph_builder.service import remote_store  # noqa: E402
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


def tuned_settings(memory_gb: float, timeout: float, load_dir: str | None) -> dict:
    """``virtuoso.ini`` entries for a store of millions of quads (see docs/deployment.md).

    Buffers: OpenLink's sizing of ``NumberOfBuffers`` (8 KiB pages) for the memory given to the
    engine, about two thirds of it, ``MaxDirtyBuffers`` three quarters of that."""
    buffers = int(memory_gb * 85000)
    settings = {
        "Parameters": {"NumberOfBuffers": buffers, "MaxDirtyBuffers": buffers * 3 // 4,
                       "MaxClientConnections": 20},
        "HTTPServer": {"ServerThreads": 20, "MaxClientConnections": 20},
        "SPARQL": {"ResultSetMaxRows": 1000000, "MaxQueryExecutionTime": int(math.ceil(timeout)),
                   "MaxQueryCostEstimationTime": 0},
    }
    if load_dir:
        settings["Parameters"]["DirsAllowed"] = str(Path(load_dir).resolve())
    return settings


def bulk_load(server, load_dir: Path, isql_timeout: float) -> dict:
    """Every ``*.nq`` file of ``load_dir`` bulk-loaded into an empty Virtuoso: one ``rdf_loader_run()``
    per file (in parallel, the loader's own way to use several cores), the files a loader gave up on
    (a deadlock between loaders) loaded again alone, then ``checkpoint``."""
    import concurrent.futures
    files = sorted(load_dir.glob("*.nq"))
    started = time.perf_counter()
    server.isql(f"ld_dir('{load_dir.resolve()}', '*.nq', 'urn:mdkg:unused');")
    with concurrent.futures.ThreadPoolExecutor(len(files)) as pool:
        list(pool.map(lambda _: server.isql("rdf_loader_run();", timeout=isql_timeout), files))
    errors = _isql_rows(server.isql(LOAD_ERRORS))
    retried = []
    for _ in range(2):  # parallel loaders can deadlock on one file (40001): load it again alone
        if not errors:
            break
        retried.append(errors)
        server.isql("UPDATE DB.DBA.LOAD_LIST SET ll_state = 0, ll_error = NULL WHERE ll_error IS NOT NULL;")
        server.isql("rdf_loader_run();", timeout=isql_timeout)
        errors = _isql_rows(server.isql(LOAD_ERRORS))
    loaded_s = time.perf_counter() - started
    server.isql("checkpoint;", timeout=isql_timeout)
    return {"files": [f.name for f in files], "bytes": sum(f.stat().st_size for f in files),
            "load_s": loaded_s, "with_checkpoint_s": time.perf_counter() - started,
            "loader_errors": errors, "retried_after_errors": retried}


# the files the bulk loader gave up on (a quad is a set member: loading a file again is harmless)
LOAD_ERRORS = "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;"


def _isql_rows(output: str) -> list[str]:
    """The result lines of an ``isql-vt`` SELECT (after its banner and the column underline)."""
    lines = output.splitlines()
    at = next((i for i, line in enumerate(lines) if line.startswith("____")), len(lines))
    return [line.strip() for line in lines[at + 1:] if line.strip() and not line.strip().endswith("msec.")]


def graph_counts(server, timeout: float = 600) -> dict[str, int]:
    """Quads per MDKG graph on Virtuoso, counted in SQL through isql (a SPARQL ``GROUP BY ?g`` over every
    quad passes the endpoint's own time limit on a large store)."""
    prefix = Base(DEFAULT_BASE).iri + "graph/"
    rows = _isql_rows(server.isql("SELECT ID_TO_IRI(G), COUNT(*) FROM DB.DBA.RDF_QUAD GROUP BY G;", timeout=timeout))
    return {g: int(n) for g, n in (row.rsplit(None, 1) for row in rows if row.startswith(prefix))}


def put_sample(server, st: ox.Store, folder: Path, n: int, isql_timeout: float) -> dict:
    """``n`` report graphs (every k-th of the store's, sorted) replaced both ways: one Digest PUT per
    graph (``mdkg push``'s path) against CLEAR + ``ld_dir``/``rdf_loader_run()`` of their dump."""
    from graph_builder.publish.push import _Credentials, graph_body
    import requests
    prefix = Base(DEFAULT_BASE).iri + "graph/"
    fixed = {prefix + name for name in remote_store.FIXED_GRAPHS}
    reports = sorted(g.value for g in st.named_graphs() if g.value not in fixed)
    chosen = reports[::max(1, len(reports) // n)][:n]
    bodies = [(ox.NamedNode(g), *graph_body(st, ox.NamedNode(g))) for g in chosen]
    quads = sum(b[2] for b in bodies)
    credentials = _Credentials(USER, PASSWORD)
    started = time.perf_counter()
    with requests.Session() as session:
        for graph, body, _ in bodies:
            credentials.put(session, server.graph_crud_auth, graph, body, None, 600)
    put_s = time.perf_counter() - started
    sample_dir = folder / "sample"
    sample_dir.mkdir(exist_ok=True)
    with open(sample_dir / "sample.nq", "wb") as out:
        for graph, _, _ in bodies:
            ox.serialize(list(st.quads_for_pattern(None, None, None, graph)), out, format=ox.RdfFormat.N_QUADS)
    started = time.perf_counter()
    for i in range(0, len(chosen), 40):
        server.isql(" ".join(f"SPARQL CLEAR GRAPH <{g}>;" for g in chosen[i:i + 40]), timeout=isql_timeout)
    server.isql(f"ld_dir('{sample_dir}', 'sample.nq', 'urn:mdkg:unused'); rdf_loader_run(); checkpoint;",
                timeout=isql_timeout)
    bulk_s = time.perf_counter() - started
    return {"graphs": len(chosen), "quads": quads, "put_s": put_s, "bulk_s": bulk_s}


class Stopped(RuntimeError):
    """A case stopped at the time limit, or refused by the engine: recorded, not timed."""


def _local_worker(store_path: str, conn) -> None:
    """Child process: opens the store read-only and runs ``(name, args)`` cases sent over ``conn``."""
    st = open_read_only(Path(store_path))
    catalogue = nq.load_catalogue(nq.queries_dir(None))
    conn.send("ready")
    while True:
        message = conn.recv()
        if message is None:
            return
        name, args = message
        try:
            ms, rows = _timed(lambda: _rows(nq.run_local(st, catalogue[name], args)))
            conn.send((ms, rows, None))
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which records it
            conn.send((None, None, f"{type(exc).__name__}: {exc}"[:300]))


class LocalRunner:
    """The embedded store in a child process, so that a case can be stopped at a time limit (the child
    is ended and a new one started); times are taken in the child (query and row collection)."""

    def __init__(self, store_path: Path):
        self.store_path = str(store_path)
        self.context = multiprocessing.get_context("spawn")
        self._start()

    def _start(self) -> None:
        self.conn, child = self.context.Pipe()
        self.process = self.context.Process(target=_local_worker, args=(self.store_path, child), daemon=True)
        self.process.start()
        if not self.conn.poll(600) or self.conn.recv() != "ready":  # start-up is not a case's time
            raise RuntimeError("the embedded store's worker did not start")

    def run(self, name: str, args: dict, timeout: float) -> tuple[float, Counter]:
        self.conn.send((name, args))
        if not self.conn.poll(timeout):
            self.process.kill()
            self.process.join()
            self._start()
            raise Stopped(f"stopped after {timeout:g} s")
        ms, rows, error = self.conn.recv()
        if error:
            raise Stopped(error)
        return ms, rows

    def close(self) -> None:
        try:
            self.conn.send(None)
            self.process.join(10)
        finally:
            if self.process.is_alive():
                self.process.kill()


class FromClauseStore(RemoteStore):
    """``RemoteStore`` sending the dataset as ``FROM``/``FROM NAMED`` clauses written into the query
    instead of ``default-graph-uri``/``named-graph-uri`` protocol parameters (same graphs)."""

    def _post(self, text, default, named, deadline, accept=remote_store.RESULTS_XML):
        if default is None and named is None:
            return super()._post(text, default, named, deadline, accept)
        masked = remote_store._mask(text)
        where = remote_store._WHERE.search(masked)
        at = where.start() if where else remote_store._where_brace(text)
        clauses = "".join(f"FROM <{g}>\n" for g in default or ()) + "".join(
            f"FROM NAMED <{g}>\n" for g in named or ())
        return super()._post(text[:at] + clauses + text[at:], None, None, deadline, accept)


class RemoteRunner:
    def __init__(self, store: RemoteStore):
        self.store = store
        self.catalogue = nq.load_catalogue(nq.queries_dir(None))

    def run(self, name: str, args: dict, timeout: float) -> tuple[float, Counter]:
        try:
            with self.store.time_limit(timeout):
                return _timed(lambda: _rows(nq.run_local(self.store, self.catalogue[name], args)))
        except RemoteError as exc:  # the engine refused, passed the limit, or answered part (S1TAT)
            raise Stopped(exc.message[:300]) from None


def bench_queries(sides: dict, rounds: int, timeout: float = 120, skip=(), progress=None,
                  only=(), budget: float = 0) -> list[dict]:
    """Every case of the catalogue (but the queries in ``skip``; only those in ``only`` when given) on
    every side (``{label: runner}``, the first the reference for rows); ``progress(rows)`` after each.
    A side's case that fails or passes ``timeout`` in its warm-up is recorded and not timed. With a
    ``budget`` (seconds), a case whose warm-up was slow gets fewer timed runs (at least one): as many
    as fit in the budget at the warm-up's pace, at most ``rounds``; ``*_runs`` records how many."""
    out = []
    for name, query in nq.load_catalogue(nq.queries_dir(None)).items():
        if name in skip or (only and name not in only):
            continue
        runs = [dict(p.split("=", 1) for p in ex.split("&") if p) for ex in query.examples]
        if all(p.optional for p in query.params):
            runs.append({})
        for args in runs:
            row = {"query": name, "args": "&".join(f"{k}={v}" for k, v in args.items())}
            answers = {}
            for label, runner in sides.items():
                try:
                    warm, answer = runner.run(name, args, timeout)  # warm-up
                    times = []
                    for _ in range(rounds if not budget else min(rounds, max(1, int(budget * 1000 // warm)))):
                        ms, answer = runner.run(name, args, timeout)
                        times.append(ms)
                except Stopped as exc:
                    row[f"{label}_error"] = str(exc)
                    answers[label] = None
                    continue
                row[f"{label}_runs"] = len(times)
                row[f"{label}_ms"] = statistics.median(times)
                row[f"{label}_p95_ms"] = round(sorted(times)[max(0, math.ceil(0.95 * len(times)) - 1)], 1)
                row[f"{label}_rows"] = sum(answer.values())
                answers[label] = answer
            reference, *others = sides
            for label in others:
                key = "same_rows" if label == "virtuoso" else f"same_rows_{label}"
                row[key] = answers[reference] is not None and answers[reference] == answers[label]
            out.append(row)
            if progress:
                progress(out)
            print(f"{name:24s} {row['args'][:24]:24s} " + "  ".join(
                f"{label} {row.get(label + '_ms', float('nan')):8.1f} ms" for label in sides)
                + f"  rows {row.get(reference + '_rows')}"
                + "".join(f"  {k}={v}" for k, v in row.items() if k.startswith("same_rows"))
                + "".join(f"  [{label}: {row[label + '_error'][:80]}]" for label in sides
                          if label + "_error" in row), flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", help="an MDKG store (default: build the bundled corpus)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--push-rounds", type=int, help="rounds of each push path (default: --rounds)")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds a case may take on each side; a case past it is recorded as an error")
    parser.add_argument("--no-bulk", action="store_true", help="time the PUTs only, not the bulk loader")
    parser.add_argument("--tuned", action="store_true",
                        help="Virtuoso with the settings for a large store (tuned_settings), not the package's")
    parser.add_argument("--memory-gb", type=float, default=8, help="memory for Virtuoso's buffers (--tuned)")
    parser.add_argument("--load-dir", help="bulk-load the *.nq files of this folder instead of pushing "
                                           "(the store's own dump; --tuned adds it to DirsAllowed)")
    parser.add_argument("--put-sample", type=int, default=0,
                        help="with --load-dir: time PUT against bulk load on this many report graphs")
    parser.add_argument("--isql-timeout", type=float, default=3600, help="seconds for one isql call (bulk load)")
    parser.add_argument("--virtuoso-dir", help="keep Virtuoso's database here (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --virtuoso-dir: start on the database already there and load nothing")
    parser.add_argument("--load-record", help="with --reuse: the JSON of the run that loaded the database "
                                              "(its load and sample figures are kept)")
    parser.add_argument("--dataset", nargs="+", choices=["protocol", "from"], default=["protocol"],
                        help="how the MDKG graphs are described to Virtuoso (both: side by side)")
    parser.add_argument("--skip", nargs="*", default=[],
                        help="named queries not timed (e.g. those another run found over a limit on both engines)")
    parser.add_argument("--only", nargs="*", default=[], help="time only these named queries")
    parser.add_argument("--budget", type=float, default=0,
                        help="seconds of timed runs per case and side: a slow case gets fewer runs (>= 1)")
    parser.add_argument("--out", default=str(REPO / "bench" / "results" / "remote_engine.json"))
    args = parser.parse_args()
    reason = virtuoso_util.missing()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    machine = machine_info()
    settings = tuned_settings(args.memory_gb, args.timeout, args.load_dir) if args.tuned else None
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
        folder = Path(args.virtuoso_dir) if args.virtuoso_dir else tmp / "virtuoso"
        if args.reuse and not (folder / "try1" / "db" / "virtuoso.db").is_file():
            print(f"--reuse: no database in {folder}/try1", file=sys.stderr)
            return 2
        started_v = time.perf_counter()
        server = virtuoso_util.start_virtuoso(folder, timeout=600, settings=settings)
        local = None
        try:
            startup_s = time.perf_counter() - started_v
            started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            counts = {r["g"].value: int(r["n"].value) for r in st.query(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")} \
                if (args.load_dir or args.reuse) else None
            if args.reuse:
                push = {"reused": str(folder), "graphs": len(counts), "quads": sum(counts.values()),
                        "startup_s": startup_s}
                if args.load_record:  # the load of that database, measured by an earlier run
                    push.update({k: v for k, v in json.loads(Path(args.load_record).read_text())["push"].items()
                                 if k in ("bulk", "sample")})
            elif args.load_dir:
                server.add_user(USER, PASSWORD)
                push = {"graphs": len(counts), "quads": sum(counts.values()),
                        "bulk": bulk_load(server, Path(args.load_dir), args.isql_timeout)}
                print(json.dumps(push, indent=1), flush=True)
                if args.put_sample:
                    push["sample"] = put_sample(server, st, folder, args.put_sample, args.isql_timeout)
                    print(json.dumps(push["sample"], indent=1), flush=True)
            else:
                server.add_user(USER, PASSWORD)
                push = bench_push(server, st, server.folder, args.push_rounds or args.rounds, not args.no_bulk)
            if counts is not None:
                loaded = graph_counts(server)
                push["counts_equal"] = loaded == counts
                push["count_differences"] = {g: [counts.get(g), loaded.get(g)] for g in set(counts) | set(loaded)
                                             if counts.get(g) != loaded.get(g)}
            print(json.dumps(push, indent=1)[:3000], flush=True)
            prefix = Base(DEFAULT_BASE).iri + "graph/"
            local = LocalRunner(store)
            sides = {"oxigraph": local}
            for mode in args.dataset:
                kind = RemoteStore if mode == "protocol" else FromClauseStore
                sides["virtuoso" if mode == args.dataset[0] else f"virtuoso_{mode}"] = RemoteRunner(
                    kind(server.sparql, graph_prefix=prefix, timeout=args.timeout))

            def write(queries: list[dict], partial: bool) -> None:  # what is measured so far survives a stop
                result = {"started": started, "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                          "partial": partial, "skipped": args.skip, "only": args.only,
                          "command": "python bench/remote_engine_bench.py " + " ".join(sys.argv[1:]),
                          "machine": machine, "rounds": args.rounds, "corpus": args.store or "bundled",
                          "timeout_s": args.timeout, "budget_s": args.budget, "dataset": args.dataset,
                          "virtuoso": "7.2 (Debian virtuoso-opensource)",
                          "virtuoso_settings": settings or "package defaults", "push": push, "queries": queries}
                Path(args.out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")

            write([], True)
            write(bench_queries(sides, args.rounds, args.timeout, set(args.skip),
                                lambda rows: write(rows, True), set(args.only), args.budget), False)
        finally:
            if local is not None:
                local.close()
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
