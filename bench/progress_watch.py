"""Follow a running build from outside: finished reports over time, read from its per-report cache.

Every ``--interval`` seconds it counts the summaries (``*.nq.gz.json``) in the first
``<store>.cache`` folder matching ``--glob`` made after it started (a minute of slack), and sums their paragraphs, until ``--seconds`` have
passed or the folder disappears; it writes the samples and the rate (paragraphs per second over
the sampled span) to ``--out``. Used to measure how far a build that cannot finish within a time
limit gets (the 1,000-report row of ``build_scaling.py`` on a loaded machine). Read-only.

    python bench/progress_watch.py --glob '/tmp/mdkg-bench-*/work/store.cache' --seconds 1600
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.machine import machine_info  # noqa: E402


def sample(folder: Path) -> dict:
    done = []
    for f in folder.glob("*.nq.gz.json"):
        try:
            done.append(json.loads(f.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return {"t": round(time.time(), 1), "reports": len(done), "paragraphs": sum(d["paragraphs"] for d in done),
            "load": round(os.getloadavg()[0], 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--glob", required=True)
    ap.add_argument("--seconds", type=float, default=1600)
    ap.add_argument("--interval", type=float, default=15)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "build_progress.json")
    args = ap.parse_args(argv)
    started, samples, folder = time.time(), [], None
    while time.time() - started < args.seconds:
        if folder is None or not folder.is_dir():
            if folder is not None and samples:
                break   # the build ended (or was stopped) and its work folder was removed
            found = [Path(p) for p in glob.glob(args.glob)]
            found = sorted((p for p in found if p.stat().st_ctime > started - 60), key=lambda p: p.stat().st_ctime)
            folder = found[-1] if found else None   # only a build that starts after the watcher
        if folder is not None and folder.is_dir():
            samples.append(sample(folder))
        time.sleep(args.interval)
    result = {"machine": machine_info(), "folder": str(folder), "samples": samples}
    if len(samples) >= 2:
        span = samples[-1]["t"] - samples[0]["t"]
        result.update(span_s=round(span, 1), reports_done=samples[-1]["reports"],
                      paragraphs_done=samples[-1]["paragraphs"],
                      paragraphs_per_s=round((samples[-1]["paragraphs"] - samples[0]["paragraphs"]) / max(span, 1e-9), 1),
                      load_range=[min(s["load"] for s in samples), max(s["load"] for s in samples)])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k not in ("samples", "machine")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
