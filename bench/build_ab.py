"""A/B: the build of one corpus by two source trees, interleaved, CPU time of the process tree and wall time.

``--before`` and ``--after`` are source trees (e.g. ``git archive`` copies of two commits); each
round builds the corpus once with each, in alternating order, into fresh stores, measured by
:mod:`bench.measure`. The CPU time of the whole process tree is the figure that holds on a
shared machine; wall time is printed beside it with the load average. Extra arguments for each
side's ``build`` command (e.g. ``--dumps none`` where the tree has that option) are given with
``--before-args`` / ``--after-args``. Writes ``bench/results/build_ab.json``.

    python bench/build_ab.py --before /tmp/ab-main --after /tmp/ab-scale --after-args=--dumps=none \\
        --corpus bench/corpora/n10 --rounds 2
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.build_scaling import BUILT  # noqa: E402
from bench.machine import machine_info  # noqa: E402
from bench.measure import run_measured  # noqa: E402


def one(tree: Path, corpus: Path, extra: list[str], timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="mdkg-ab-") as tmp:
        argv = [str(REPO / ".venv" / "bin" / "python"), "-m", "graph_builder", "build", "--corpus", str(corpus),
                "--store", str(Path(tmp) / "store"), *extra]
        env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
        env["PYTHONPATH"] = str(tree)
        load = os.getloadavg()[0]
        m = run_measured(argv, timeout=timeout, env=env, cwd=tree)
        found = BUILT.search(m.stdout)
        return {"wall_s": m.wall_s, "cpu_s": round(m.user_s + m.sys_s, 2), "peak_tree_rss_mib": m.peak_tree_rss_mib,
                "returncode": m.returncode, "load_at_start": round(load, 1),
                "paragraphs": int(found.group(3)) if found else None, "quads": int(found.group(6)) if found else None,
                "stderr": m.stderr[-500:] if m.returncode else ""}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True)
    ap.add_argument("--after", type=Path, required=True)
    ap.add_argument("--before-args", default="")
    ap.add_argument("--after-args", default="")
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "build_ab.json")
    args = ap.parse_args(argv)
    sides = {"before": (args.before, shlex.split(args.before_args)), "after": (args.after, shlex.split(args.after_args))}
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for i in range(args.rounds):
        for side in (("before", "after") if i % 2 == 0 else ("after", "before")):
            tree, extra = sides[side]
            r = one(tree, args.corpus, extra, args.timeout)
            runs[side].append(r)
            print(f"round {i + 1} {side}: cpu {r['cpu_s']} s, wall {r['wall_s']} s, load {r['load_at_start']}, "
                  f"peak tree {r['peak_tree_rss_mib']} MiB, quads {r['quads']}, rc {r['returncode']}", flush=True)
    summary = {side: {"median_cpu_s": statistics.median(r["cpu_s"] for r in rs),
                      "median_wall_s": statistics.median(r["wall_s"] for r in rs),
                      "paragraphs": rs[0]["paragraphs"], "quads": rs[0]["quads"]} for side, rs in runs.items()}
    summary["cpu_ratio_after_over_before"] = round(summary["after"]["median_cpu_s"] / summary["before"]["median_cpu_s"], 3)
    result = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(), "corpus": str(args.corpus),
              "before": {"tree": str(args.before), "args": args.before_args},
              "after": {"tree": str(args.after), "args": args.after_args}, "runs": runs, "summary": summary}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
