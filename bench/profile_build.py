"""Where the time goes: cProfile of a one-report build, and the cost split of one query in the service.

* Build: for each report of the corpus, a corpus of that one report is built in-process with
  ``build(..., use_cache=False)`` (one report runs in the calling process, so cProfile sees
  the worker's work too). Reports the cumulative time of the pipeline's stages and the top
  functions of our package.
* Service: for each query of the mix on the built store, the time of the service's query
  check (``guard.query_syntax_error``: the parse that answers a bad query with a 4xx) against
  the time of evaluating and serialising it with pyoxigraph, in one process with no HTTP.

The build is run with ``dumps="none"``: the dumps are written after the switch-over, outside the
build's critical path (:mod:`graph_builder.build.build_dumps`).

Writes ``bench/results/profile.json``. It does not touch the project's store.

    python bench/profile_build.py
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_info  # noqa: E402
from bench.query_mix import query_mix  # noqa: E402

STAGES = {  # label → (file suffix, function name) as pstats records them
    "read + parse structure": ("corpus.py", "read_document"),
    "mentions (gazetteer matcher)": ("matcher.py", "mentions_in"),
    "facts (rules)": ("facts/__init__.py", "extract_facts"),
    "RDF quads (emit)": ("pipeline.py", "document_quads"),
    "per-report SHACL check": ("shacl_sparql.py", "check_quads"),
    "bulk load into the store": ("pipeline.py", "_load"),
    "gazetteer load": ("gazetteer.py", "load_gazetteer"),
    "matcher (automaton) build": ("matcher.py", "__init__"),
    "static graphs SHACL verdict": ("cache.py", "static_verdict"),
}


def _stage_times(stats: pstats.Stats) -> dict[str, float]:
    out = {}
    for label, (suffix, name) in STAGES.items():
        total = 0.0
        for (filename, _, func), (_, _, _, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
            if func == name and filename.endswith(suffix):
                total = max(total, cumtime)
        out[label] = round(total, 3)
    return out


def _top(stats: pstats.Stats, n: int = 20) -> list[dict]:
    rows = []
    for (filename, line, func), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/graph_builder/" in filename:
            rows.append({"function": f"{filename.split('/graph_builder/')[1]}:{line}({func})", "calls": calls,
                         "tottime_s": round(tottime, 3), "cumtime_s": round(cumtime, 3)})
    rows.sort(key=lambda r: r["tottime_s"], reverse=True)
    return rows[:n]


def profile_build(corpus: Path, tmp: Path) -> list[dict]:
    from graph_builder.build.pipeline import build
    manifest_text = (corpus / "manifest.toml").read_text(encoding="utf-8") if (corpus / "manifest.toml").exists() else ""
    out = []
    for report in sorted(p for p in corpus.iterdir() if p.suffix in (".md", ".txt")):
        one = tmp / f"one-{report.stem}"
        one.mkdir()
        shutil.copy(report, one / report.name)
        if manifest_text:
            (one / "manifest.toml").write_text(manifest_text, encoding="utf-8")
        profiler = cProfile.Profile()
        t0 = time.perf_counter()
        profiler.enable()
        result = build(one, tmp / f"store-{report.stem}", use_cache=False, dumps="none")
        profiler.disable()
        wall = time.perf_counter() - t0
        stats = pstats.Stats(profiler)
        paragraphs = sum(d.paragraphs for d in result.documents)
        out.append({"report": report.name, "paragraphs": paragraphs, "quads": result.quads,
                    "wall_s_profiled": round(wall, 2), "stages_cumulative_s": _stage_times(stats),
                    "top_functions_by_own_time": _top(stats)})
        print(f"{report.name}: {wall:.1f} s profiled, {paragraphs} paragraphs; "
              f"{out[-1]['stages_cumulative_s']}", flush=True)
    return out


def profile_queries(store: Path, queries: list[str], repeat: int = 5) -> dict:
    import pyoxigraph as ox
    from graph_builder.build import store as store_mod
    from graph_builder.service import guard
    st = ox.Store.read_only(str(store_mod.resolve(store)))
    guard.query_syntax_error("ASK {}", None)  # warm the parser, as the reader process does
    rows = []
    for i, text in enumerate(queries):
        check, run = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            guard.query_syntax_error(text, "http://127.0.0.1/sparql")
            t1 = time.perf_counter()
            answer = st.query(text, use_default_graph_as_union=True)
            if isinstance(answer, ox.QuerySolutions):   # the form comes from the answer: the guard's
                answer.serialize(format=ox.QueryResultsFormat.JSON)  # fast path does not report it
            elif isinstance(answer, ox.QueryTriples):
                answer.serialize(format=ox.RdfFormat.TURTLE)
            else:
                bool(answer)
            t2 = time.perf_counter()
            check.append((t1 - t0) * 1000)
            run.append((t2 - t1) * 1000)
        rows.append({"query": i, "check_ms": round(statistics.median(check), 2),
                     "evaluate_serialise_ms": round(statistics.median(run), 2)})
    total_check = sum(r["check_ms"] for r in rows)
    total_run = sum(r["evaluate_serialise_ms"] for r in rows)
    return {"per_query": rows, "sum_check_ms": round(total_check, 1), "sum_evaluate_serialise_ms": round(total_run, 1),
            "check_share": round(total_check / (total_check + total_run), 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO / "corpus")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "profile.json")
    args = ap.parse_args(argv)
    from graph_builder.build.pipeline import build
    name, queries = query_mix(REPO / "queries")
    with tempfile.TemporaryDirectory(prefix="mdkg-profile-") as tmp:
        tmp = Path(tmp)
        results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(),
                   "build": profile_build(args.corpus, tmp)}
        store = tmp / "store"
        build(args.corpus, store, dumps="none")
        results["queries"] = {"mix": name, **profile_queries(store, queries)}
    q = results["queries"]
    print(f"query check (guard) {q['sum_check_ms']} ms vs evaluate+serialise {q['sum_evaluate_serialise_ms']} ms "
          f"over the mix: check share {q['check_share']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
