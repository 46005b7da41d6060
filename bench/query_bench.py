"""Endpoint benchmark: the query mix against ``mdkg serve``, ``oxigraph serve-read-only`` and
rdflib-endpoint on the same data, at 1, 4 and 16 clients, cold and warm.

Per endpoint (each started fresh on a free localhost port, alone on the machine while measured):

* ``cold``: on the fresh server, each query of the mix once, one after the other;
* ``warm``: after a warm-up pass, closed-loop load for ``--seconds`` at each client count,
  the same query texts repeated (mdkg's result cache may answer them);
* ``uncached``: the same load with a unique comment in every request, so no result cache
  keyed by the query text can answer (the engine's own cost under load).

The store is built once (``mdkg build``) unless ``--store`` is given; oxigraph reads the same
build directory (the store path is a symlink to it) with ``--union-default-graph`` (mdkg's
dataset semantics), rdflib-endpoint loads an N-Quads dump of it (``mdkg export``). Ratios in
the results come from this one run. Writes ``bench/results/query_bench.json``.

    python bench/query_bench.py --seconds 10
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.http_load import each_once, run_load, summary  # noqa: E402
from bench.machine import machine_info  # noqa: E402
from bench.query_mix import query_mix  # noqa: E402
from graph_builder.build import store as store_mod  # noqa: E402

VENV = REPO / ".venv" / "bin"
RESULTS = REPO / "bench" / "results"


def free_port() -> int:
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(tree: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
    env["PYTHONPATH"] = str(tree)
    return env


def mdkg(tree: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV / "python"), "-m", "graph_builder", *args], cwd=tree, env=clean_env(tree),
                          check=True, capture_output=True, text=True, **kw)


class Endpoint:
    """A server subprocess in its own session, stopped by signalling only its process group."""

    def __init__(self, name: str, argv: list[str], url: str, log: Path, cwd: Path, env: dict):
        self.name, self.url, self.log = name, url, log
        with open(log, "wb") as handle:
            self.process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=handle, stderr=handle,
                                            start_new_session=True)

    def wait_ready(self, timeout: float = 180) -> None:
        probe = self.url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                req = urllib.request.Request(probe, headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(req, timeout=30) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} not ready in {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


def start_endpoint(name: str, store: Path, dump: Path, tree: Path, logs: Path) -> Endpoint:
    port = free_port()
    if name == "mdkg":
        argv = [str(VENV / "python"), "-m", "graph_builder", "serve", "--store", str(store), "--port", str(port)]
        url = f"http://127.0.0.1:{port}/sparql"
    elif name == "oxigraph":
        argv = [str(VENV / "oxigraph"), "serve-read-only", "--location", str(store_mod.resolve(store)),
                "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
        url = f"http://127.0.0.1:{port}/query"
    elif name == "rdflib-endpoint":
        argv = [str(VENV / "rdflib-endpoint"), "serve", "--host", "127.0.0.1", "--port", str(port), str(dump)]
        url = f"http://127.0.0.1:{port}/"  # rdflib-endpoint's SPARQL endpoint is its root
    else:
        raise ValueError(name)
    return ready(Endpoint(name, argv, url, logs / f"{name}.log", tree, clean_env(tree)))


def ready(endpoint: Endpoint) -> Endpoint:
    """``endpoint`` once it answers (stopped, and the error raised, when it does not)."""
    try:
        endpoint.wait_ready()
    except Exception:
        endpoint.stop()
        raise
    return endpoint


def bench_endpoint(endpoint: Endpoint, queries: list[str], clients: list[int], seconds: float,
                   modes: list[str], timeout: float) -> dict:
    out: dict = {"url": endpoint.url, "cold": each_once(endpoint.url, queries, timeout)}
    each_once(endpoint.url, queries, timeout)  # warm-up pass
    for mode in modes:
        out[mode] = {}
        for n in clients:
            result = run_load(endpoint.url, queries, n, seconds, bust_cache=(mode == "uncached"), timeout=timeout)
            out[mode][str(n)] = summary(result)
            s = out[mode][str(n)]
            print(f"  {endpoint.name} {mode} {n:>2} clients: {s['throughput_rps']} req/s, p50 {s['p50_ms']} ms, "
                  f"p95 {s['p95_ms']} ms, p99 {s['p99_ms']} ms, failed {s['failed']}", flush=True)
    return out


def ratios(results: dict, clients: list[int], modes: list[str]) -> dict:
    out = {}
    base = results.get("oxigraph")
    for name, res in results.items():
        if name == "oxigraph" or base is None or "error" in res or "error" in base:
            continue
        for mode in modes:
            for n in clients:
                a, b = res[mode][str(n)]["throughput_rps"], base[mode][str(n)]["throughput_rps"]
                if a is not None and b:
                    out[f"{name}/oxigraph throughput, {mode}, {n} clients"] = round(a / b, 3)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--store", type=Path, help="an existing store (default: build --corpus into a temp dir)")
    ap.add_argument("--tree", type=Path, default=REPO, help="source tree whose builder and service are measured")
    ap.add_argument("--endpoints", nargs="+", default=["mdkg", "oxigraph", "rdflib-endpoint"])
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--modes", nargs="+", default=["warm", "uncached"])
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--timeout", type=float, default=30, help="per-request limit of the client (a failure)")
    ap.add_argument("--out", type=Path, default=RESULTS / "query_bench.json")
    args = ap.parse_args(argv)

    name, queries = query_mix(args.tree / "queries")
    results: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(),
                     "mix": name, "queries": queries, "seconds_per_run": args.seconds, "tree": str(args.tree),
                     "client_timeout_s": args.timeout,
                     "clients": args.clients, "modes": args.modes, "endpoints": {}}
    with tempfile.TemporaryDirectory(prefix="mdkg-qbench-") as tmp:
        tmp = Path(tmp)
        store = args.store
        if store is None:
            store = tmp / "store"
            print(f"building {args.corpus} ...", flush=True)
            built = mdkg(args.tree, "build", "--corpus", str(args.corpus), "--store", str(store))
            results["build"] = built.stdout.strip()
        dump = tmp / "dump.nq"
        mdkg(args.tree, "export", "--store", str(store), "--format", "nquads", "--out", str(dump))
        results["store"] = {"build_dir": str(store_mod.resolve(store)), "dump_bytes": dump.stat().st_size}
        for endpoint_name in args.endpoints:
            print(f"{endpoint_name}:", flush=True)
            t0 = time.perf_counter()
            try:
                endpoint = start_endpoint(endpoint_name, store, dump, args.tree, tmp)
            except Exception as exc:  # noqa: BLE001 - one endpoint failing to start is a result
                results["endpoints"][endpoint_name] = {"error": str(exc)[-2000:]}
                print(f"  failed to start: {exc}", flush=True)
                continue
            startup = round(time.perf_counter() - t0, 2)
            try:
                res = bench_endpoint(endpoint, queries, args.clients, args.seconds, args.modes, args.timeout)
                res["startup_s"] = startup
                results["endpoints"][endpoint_name] = res
            finally:
                endpoint.stop()
    results["ratios"] = ratios(results["endpoints"], args.clients, args.modes)
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    for key, value in results["ratios"].items():
        print(f"{key}: {value}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
