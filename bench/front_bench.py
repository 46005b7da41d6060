"""Front-end cost benchmark: ``mdkg serve`` against ``oxigraph serve-read-only`` on the same store,
in one run (optionally beside a baseline tree's mdkg), with cheap unique queries (where the web front's cost shows) and the named-query mix.

Both servers run at the same time on one store; every measurement point runs the two one after
the other, so they share the machine's conditions. Points:

* ``ask``: one client sending ``ASK {}`` (unique comment each), three alternating rounds of
  ``--seconds``/3 per endpoint; the per-request overhead is mdkg's p50 minus oxigraph's, each
  taken from its best round (the least disturbed by other load on the machine);
* ``cheap``: the competency-question queries (SELECT/ASK texts of ``--cq``, a JSON file with
  ``prefixes`` and ``questions[].sparql``; the fixed research mix of ``query_mix`` when absent)
  that oxigraph answers in under ``--cheap-ms`` (median of 3; the others are listed in the
  results as ``excluded``: one slow query would hide the front's cost), each request made
  unique by a comment, at 1, 4 and 16 closed-loop clients;
* ``named``: the portable named queries of ``queries/`` (``query_mix``), unique too, at 1, 4, 16
  clients; and ``named_sequential``: each named query once per round on each endpoint in turn
  (``--rounds``), per-query medians and their sum, steadier than throughput on a loaded machine.

The client is ``bench.http_load`` (threads in two forked processes, keep-alive connections).
The store is built from ``--corpus`` unless ``--store`` is given. Writes
``bench/results/front_bench.json``; ``docs/benchmarks.md`` cites it. Runs in about
``(1 + 2 * 3) * 2 * seconds`` plus start-up.

    python bench/front_bench.py --seconds 4
    git archive COMMIT | tar -x -C /tmp/main-export    # COMMIT: the code to compare with
    python bench/front_bench.py --seconds 4 --baseline /tmp/main-export

The last lines printed are issue 11's speed figures (cheap-mix ratios at 1, 4 and 16 clients,
the ``ASK {}`` overhead, CPU per answer, the named mix against the baseline), also stored under
``acceptance`` in the JSON.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.http_load import each_once, run_load, summary  # noqa: E402
from bench.machine import machine_info  # noqa: E402
from bench.query_bench import mdkg, start_endpoint  # noqa: E402
from bench.query_mix import PREFIXES, RESEARCH, query_mix  # noqa: E402

RESULTS = REPO / "bench" / "results"
RUNS = RESULTS / "front_bench_runs"
DEFAULT_CQ = REPO.parent.parent / "shared" / "eval" / "cq-visible.json"


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def cheap_mix(path: Path) -> tuple[str, list[str]]:
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = [data.get("prefixes", "") + "\n" + q["sparql"] for q in data["questions"]
                 if q.get("sparql", "").lstrip().upper().startswith(("SELECT", "ASK"))]
        if texts:
            return f"competency questions ({len(texts)} of {path.name})", texts
    return f"fixed research mix ({len(RESEARCH)})", [PREFIXES + q for q in RESEARCH]


def split_cheap(url: str, queries: list[str], limit_ms: float) -> tuple[list[str], list[str]]:
    """(queries oxigraph answers under ``limit_ms``, the others), by the median of three runs."""
    runs = [each_once(url, queries) for _ in range(3)]
    cheap, slow = [], []
    for i, text in enumerate(queries):
        times = sorted(run[i]["ms"] for run in runs)
        (cheap if times[1] < limit_ms and runs[0][i]["status"] == 200 else slow).append(text)
    return cheap, slow


def sequential(endpoints: dict, queries: list[str], rounds: int) -> dict:
    """Each query once per round on each endpoint in turn, the first one changing from round to
    round (unique texts); per-query medians."""
    times: dict = {name: [[] for _ in queries] for name in endpoints}
    names = list(endpoints)
    for r in range(rounds):
        turn = r % len(names)  # which endpoint goes first changes from round to round (see point())
        for name in names[turn:] + names[:turn]:
            endpoint = endpoints[name]
            unique = [f"# round {r} {time.time_ns()}\n{q}" for q in queries]
            for i, row in enumerate(each_once(endpoint.url, unique)):
                times[name][i].append(row["ms"])
    out = {}
    for name, per_query in times.items():
        medians = [sorted(t)[len(t) // 2] for t in per_query]
        out[name] = {"median_ms": medians, "sum_of_medians_ms": round(sum(medians), 1)}
    return out


_TICK = os.sysconf("SC_CLK_TCK")
_TURNS = itertools.count()


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its live descendants, from ``/proc``."""
    parent, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / _TICK
    total, todo = 0.0, [pid]
    children: dict = {}
    for child, par in parent.items():
        children.setdefault(par, []).append(child)
    while todo:
        current = todo.pop()
        total += cpu.get(current, 0.0)
        todo += children.get(current, [])
    return total


def point(endpoints: dict, queries: list[str], clients: int, seconds: float) -> dict:
    """Each endpoint in turn: throughput and latencies, and the CPU its processes used per answer
    (steadier than wall-clock figures when other work loads the machine)."""
    out: dict = {}
    names = list(endpoints)
    turn = next(_TURNS) % len(names)  # the endpoint measured first changes from point to point:
    for name in names[turn:] + names[:turn]:  # under load the first one measured was slower
        endpoint = endpoints[name]
        before = tree_cpu(endpoint.process.pid)
        out[name] = summary(run_load(endpoint.url, queries, clients, seconds, bust_cache=True, timeout=60))
        used = tree_cpu(endpoint.process.pid) - before
        out[name]["server_cpu_ms_per_answer"] = round(used * 1000 / out[name]["ok"], 3) if out[name]["ok"] else None
    out = {name: out[name] for name in names}
    base = out["oxigraph"]["throughput_rps"]
    line = [f"oxigraph {base} req/s (p50 {out['oxigraph']['p50_ms']} ms, "
            f"{out['oxigraph']['server_cpu_ms_per_answer']} ms CPU)"]
    for name in endpoints:
        if name != "oxigraph":
            rps = out[name]["throughput_rps"]
            out[f"ratio {name}"] = round(rps / base, 3) if rps and base else None
            line.append(f"{name} {rps} req/s (p50 {out[name]['p50_ms']} ms, "
                        f"{out[name]['server_cpu_ms_per_answer']} ms CPU, ratio {out[f'ratio {name}']})")
    print(f"  {clients:>2} clients: " + ", ".join(line), flush=True)
    return out


def acceptance(results: dict) -> dict:
    """Issue 11's speed figures from one run: the cheap mix's throughput ratio to oxigraph at each
    client count (target at 16 clients: >= 0.8), the ``ASK {}`` overhead (target: <= 0.5 ms), the
    server CPU per answer, and the named mix against the baseline tree (not slower: <= 1)."""
    points = results["points"]
    out: dict = {"cheap_ratio": {n: p.get("ratio mdkg") for n, p in points.get("cheap", {}).items()},
                 "cheap_cpu_ms_per_answer": {n: {k: v["server_cpu_ms_per_answer"] for k, v in p.items()
                                                 if isinstance(v, dict)}
                                             for n, p in points.get("cheap", {}).items()},
                 "ask_overhead_ms": points.get("ask", {}).get("overhead_ms mdkg"),
                 "ask_cpu_ms_per_answer": {k: _median(v.get("cpu_rounds_ms") or [v["server_cpu_ms_per_answer"]])
                                           for k, v in points.get("ask", {}).items() if isinstance(v, dict)}}
    seq = results.get("named_sequential", {})
    if "mdkg-baseline" in seq:
        out["named_sequential_mdkg_over_baseline"] = round(
            seq["mdkg"]["sum_of_medians_ms"] / seq["mdkg-baseline"]["sum_of_medians_ms"], 3)
        out["named_throughput_mdkg_over_baseline"] = {
            n: round(p["mdkg"]["throughput_rps"] / p["mdkg-baseline"]["throughput_rps"], 3)
            if p["mdkg"]["throughput_rps"] and p["mdkg-baseline"]["throughput_rps"] else None
            for n, p in points.get("named", {}).items()}
    return out


def _median(values: list):
    values = sorted(v for v in values if v is not None)
    return values[len(values) // 2] if values else None


def print_acceptance(acc: dict, load: list) -> None:
    top = max(acc["cheap_ratio"], key=int) if acc["cheap_ratio"] else None
    cores = os.cpu_count() or 1
    print(f"\nIssue 11 speed figures (load average at the end {load}; {cores} cores):")
    if load and load[0] > cores:
        print(f"  NOTE: the machine was loaded (1-minute load {load[0]} on {cores} cores): requests wait for a "
              f"CPU, so the throughput ratios and p50s measure the machine; compare the CPU per answer.")
    print("  cheap mix, mdkg/oxigraph throughput: " + ", ".join(
        f"{n} clients {r}" for n, r in acc["cheap_ratio"].items()) + (
        f"  -> at {top} clients {'MET' if (acc['cheap_ratio'][top] or 0) >= 0.8 else 'NOT met'} (target >= 0.8)"
        if top else ""))
    for n, cpu in acc["cheap_cpu_ms_per_answer"].items():
        print(f"  cheap mix, {n} clients, server CPU ms per answer: {cpu}")
    overhead = acc["ask_overhead_ms"]
    print(f"  ASK {{}} overhead above oxigraph (p50): {overhead} ms  -> "
          f"{'MET' if overhead is not None and overhead <= 0.5 else 'NOT met'} (target <= 0.5 ms); "
          f"server CPU ms per answer (median of the rounds): {acc['ask_cpu_ms_per_answer']}")
    if "named_sequential_mdkg_over_baseline" in acc:
        ratio = acc["named_sequential_mdkg_over_baseline"]
        print(f"  named mix one query at a time, mdkg/baseline time: {ratio}  -> "
              f"{'not slower (within 5%)' if ratio <= 1.05 else 'SLOWER (by more than 5%)'}; throughput mdkg/baseline: "
              f"{acc['named_throughput_mdkg_over_baseline']}")
    else:
        print("  named mix against today's code: run with --baseline (a `git archive` of main)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--store", type=Path, help="an existing store (default: build --corpus into a temp dir)")
    ap.add_argument("--cq", type=Path, default=DEFAULT_CQ)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--seconds", type=float, default=4)
    ap.add_argument("--cheap-ms", type=float, default=20.0)
    ap.add_argument("--named-factor", type=float, default=3.0,
                    help="named-mix points run this many times --seconds (its queries are slow)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the one-at-a-time named mix")
    ap.add_argument("--baseline", type=Path, help="another source tree (e.g. an export of main) "
                                                  "served too, as 'mdkg-baseline'")
    ap.add_argument("--out", type=Path, default=RESULTS / "front_bench.json")
    ap.add_argument("--keep-run", action="store_true", help=f"also keep this run in {RUNS.name}/ (medians over runs)")
    args = ap.parse_args(argv)

    cheap_name, cheap = cheap_mix(args.cq)
    named_name, named = query_mix(REPO / "queries")
    results: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(),
                     "seconds_per_point": args.seconds, "cheap_mix": cheap_name, "named_mix": named_name,
                     "points": {}}
    with tempfile.TemporaryDirectory(prefix="mdkg-front-") as tmp:
        tmp = Path(tmp)
        store = args.store
        if store is None:
            store = tmp / "store"
            mdkg(REPO, "build", "--corpus", str(args.corpus), "--store", str(store))
        endpoints = {}
        try:
            for name, tree in (("mdkg", REPO), ("mdkg-baseline", args.baseline), ("oxigraph", REPO)):
                if tree is None:
                    continue
                logs = tmp / name
                logs.mkdir()
                kind = "oxigraph" if name == "oxigraph" else "mdkg"
                endpoints[name] = start_endpoint(kind, store, tmp / "unused.nq", tree, logs)
            for endpoint in endpoints.values():  # warm both (first-query costs are not measured)
                run_load(endpoint.url, cheap + named, 2, 2.0, bust_cache=True)
            cheap, excluded = split_cheap(endpoints["oxigraph"].url, cheap, args.cheap_ms)
            results["cheap_queries"], results["excluded"] = cheap, excluded
            print(f"cheap mix: {len(cheap)} queries ({len(excluded)} slower than {args.cheap_ms} ms excluded)")
            print("ASK {} at 1 client:", flush=True)
            rounds = [point(endpoints, ["ASK {}"], 1, args.seconds / 3) for _ in range(3)]
            ask = {name: dict(min(rounds, key=lambda r: r[name]["p50_ms"])[name],
                              p50_rounds_ms=[r[name]["p50_ms"] for r in rounds],
                              cpu_rounds_ms=[r[name]["server_cpu_ms_per_answer"] for r in rounds])
                   for name in endpoints}
            for name in endpoints:
                if name != "oxigraph":
                    ask[f"overhead_ms {name}"] = round(ask[name]["p50_ms"] - ask["oxigraph"]["p50_ms"], 3)
            results["points"]["ask"] = ask
            results["named_sequential"] = sequential(endpoints, named, args.rounds)
            for mix_name, mix in (("cheap", cheap), ("named", named)):
                print(f"{mix_name} mix:", flush=True)
                seconds = args.seconds * (args.named_factor if mix_name == "named" else 1)
                results["points"][mix_name] = {str(n): point(endpoints, mix, n, seconds)
                                               for n in args.clients}
        finally:
            for endpoint in endpoints.values():
                endpoint.stop()
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["commit"] = _commit()
    seq = results.get("named_sequential", {})
    if seq:
        print("named mix, one query at a time (sum of per-query medians, ms):",
              {k: v["sum_of_medians_ms"] for k, v in seq.items()})
    results["acceptance"] = acceptance(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.keep_run:  # every run kept too, so the page can give medians over runs
        RUNS.mkdir(parents=True, exist_ok=True)
        (RUNS / f"{results['started'].replace(':', '')}.json").write_text(
            json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"ASK {{}} overhead (p50 above oxigraph): "
          f"{ {k: v for k, v in results['points']['ask'].items() if k.startswith('overhead')} }; wrote {args.out}")
    print_acceptance(results["acceptance"], results["load_average_at_end"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
