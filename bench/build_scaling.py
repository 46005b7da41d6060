"""Time ``mdkg build`` against corpus size: wall time, CPU time, peak memory, paragraphs per second.

For each size (``seed`` = the bundled corpus; a number = a corpus made by ``gen_corpus.py``,
generated when missing) it runs ``mdkg build --corpus C --store S --dumps none`` as a subprocess
into a fresh store, measured by :mod:`bench.measure` (wall, CPU of the process tree, peak RSS of
the tree), once with SHACL validation (the real build) and, with ``--no-validate-sizes``, once
without (to show what validation costs). Then, on the same store, it measures what follows the
switch-over: writing the dumps (``python -m graph_builder.build.build_dumps``, what ``mdkg build``
runs detached) and serving (``oxigraph serve-read-only`` on the build directory answering a
COUNT over every graph, compared with the build's quad count). The load average is sampled
during each build (the machine is shared). Sizes whose build does not finish within
``--timeout`` are recorded as timed out; figures for larger sizes are then *extrapolated* by a
least-squares line through the measured points, and marked so.

Writes ``bench/results/build_scaling.json`` and ``docs/img/build_time.png`` /
``docs/img/build_memory.png``. It does not change the project's own store.

    python bench/build_scaling.py --snapshot --sizes seed 10 30 100 1000 --timeout 600 --no-validate-sizes 10
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.gen_corpus import generate  # noqa: E402
from bench.machine import machine_info  # noqa: E402
from bench.measure import run_measured  # noqa: E402

BUILT = re.compile(r"built (\d+) reports(?: \((\d+) re-processed\))?, (\d+) paragraphs, (\d+) mentions, "
                   r"(\d+) facts, (\d+) quads")
RESULTS = REPO / "bench" / "results"
IMG = REPO / "docs" / "img"


def corpus_for(size: str, corpora: Path, seed: int) -> Path:
    if size == "seed":
        return REPO / "corpus"
    folder = corpora / f"n{int(size)}"
    if not (folder / "manifest.toml").is_file() or len(list(folder.glob("*.ar.*"))) != int(size):
        generate(REPO / "corpus", folder, int(size), seed)
    return folder


def source_stats(corpus: Path) -> dict:
    files = [p for p in corpus.iterdir() if p.suffix in (".md", ".txt")]
    return {"reports": len(files), "bytes": sum(p.stat().st_size for p in files)}


def tree_commit(tree: Path) -> dict:
    """The git commit of ``tree`` and whether its working copy differs from it (None outside git)."""
    def git(*args: str) -> str | None:
        done = subprocess.run(["git", "-C", str(tree), *args], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else None
    return {"path": str(tree), "commit": git("rev-parse", "HEAD"),
            "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}


def snapshot(repo: Path, dest: Path) -> Path:
    """The committed tree of ``repo`` (``git archive HEAD``) unpacked into ``dest``: what is measured
    then does not change while other people edit the working copy."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(repo), "archive", "HEAD"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def run_build(corpus: Path, workdir: Path, validate: bool, timeout: float, keep: bool = False,
              tree: Path = REPO, after: bool = True, dumps_after: bool = True) -> dict:
    """One ``mdkg build`` (the code of ``tree``) into ``workdir/store``, measured; ``workdir`` is
    emptied afterwards unless ``keep``."""
    store = workdir / "store"
    argv = [str(REPO / ".venv" / "bin" / "python"), "-m", "graph_builder", "build", "--corpus", str(corpus),
            "--store", str(store), "--dumps", "none"]
    if not validate:
        argv.append("--no-validate")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
    env["PYTHONPATH"] = str(tree)
    loads: list[float] = []
    sampler = _LoadSampler(loads)
    measured = run_measured(argv, timeout=timeout, env=env, cwd=tree)
    sampler.stop()
    result = measured.as_dict()
    result["load_average_during"] = [round(min(loads), 1), round(max(loads), 1)] if loads else None
    result["cpu_s"] = round(measured.user_s + measured.sys_s, 1)
    m = BUILT.search(measured.stdout)
    if m:
        reports, reprocessed, paragraphs, mentions, facts, quads = (int(x) if x else None for x in m.groups())
        result.update(reports=reports, reprocessed=reprocessed, paragraphs=paragraphs, mentions=mentions, facts=facts, quads=quads,
                      paragraphs_per_s=round(paragraphs / measured.wall_s, 1),
                      paragraphs_per_cpu_s=round(paragraphs / max(1e-9, measured.user_s + measured.sys_s), 1))
    if measured.timed_out:   # what the build had done when it was stopped: its finished reports' cache entries
        done = [json.loads(f.read_text(encoding="utf-8")) for f in (workdir / "store.cache").glob("*.nq.gz.json")]
        result["done_at_timeout"] = {"reports": len(done), "paragraphs": sum(d["paragraphs"] for d in done),
                                     "quads": sum(d["quads"] for d in done)}
        result["paragraphs_per_s_until_timeout"] = round(result["done_at_timeout"]["paragraphs"] / measured.wall_s, 1)
    current = store.resolve() if store.is_symlink() else None
    result["store_bytes"] = sum(p.stat().st_size for p in current.rglob("*") if p.is_file()) if current else 0
    if current is not None and measured.returncode == 0 and after and dumps_after:
        dumps = run_measured([argv[0], "-m", "graph_builder.build.build_dumps", str(current)], timeout=timeout,
                             env=env, cwd=tree)
        result["dumps_after_switch"] = {k: dumps.as_dict()[k] for k in ("wall_s", "user_s", "sys_s", "peak_tree_rss_mib",
                                                                       "returncode", "timed_out")}
    if current is not None and measured.returncode == 0 and after:
        result["served"] = serve_check(current, result.get("quads"))
    if not keep:
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir()
    return result


class _LoadSampler:
    """The 1-minute load average every 5 s, in a thread, until stopped."""

    def __init__(self, into: list[float]):
        import threading
        self.into, self.done = into, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            self.into.append(os.getloadavg()[0])
            if self.done.wait(5):
                return

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def serve_check(build_dir: Path, quads: int | None) -> dict:
    """``oxigraph serve-read-only`` on ``build_dir``: seconds until it answers, and a COUNT of every quad."""
    import socket
    import requests
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "oxigraph"), "serve-read-only", "--location", str(build_dir),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        query = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
        while True:
            try:
                r = requests.get(f"http://127.0.0.1:{port}/query", params={"query": query},
                                 headers={"Accept": "application/sparql-results+json"}, timeout=600)
                break
            except requests.ConnectionError:
                if time.perf_counter() - t0 > 60:
                    return {"ok": False, "error": "did not answer within 60 s"}
                time.sleep(0.2)
        answered = time.perf_counter() - t0
        n = int(r.json()["results"]["bindings"][0]["n"]["value"]) if r.ok else None
        return {"ok": r.ok and n == quads, "count": n, "first_answer_s": round(answered, 2)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def fit_line(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares ``y = a + b x`` (b only, through the origin, when there is one point)."""
    if len(xs) == 1:
        return 0.0, ys[0] / xs[0]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(1e-12, sum((x - mx) ** 2 for x in xs))
    return my - b * mx, b


def extrapolate(runs: list[dict], key: str, paragraphs: int) -> float | None:
    done = [r for r in runs if not r["timed_out"] and r.get("returncode") == 0 and "paragraphs" in r]
    if not done:
        return None
    a, b = fit_line([r["paragraphs"] for r in done], [r[key] for r in done])
    return round(a + b * paragraphs, 1)


def plot(results: dict, out_dir: Path) -> list[str]:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for key, ylabel, name in (("wall_s", "wall time (s)", "build_time.png"),
                              ("cpu_s", "CPU time of the build's process tree (s)", "build_cpu.png"),
                              ("peak_tree_rss_mib", "peak RSS of the build's process tree (MiB)",
                               "build_memory.png")):
        fig, ax = plt.subplots(figsize=(6, 4))
        for variant, runs in results["variants"].items():
            pts = [(r["source"]["reports"], r[key]) for r in runs if not r["timed_out"] and r.get("returncode") == 0]
            if pts:
                ax.plot(*zip(*pts), marker="o", label=f"{variant} (measured)")
                for r in runs:  # the load beside each point: wall time depends on it, CPU time much less
                    load = r.get("load_average_during")
                    if not r["timed_out"] and r.get("returncode") == 0 and load:
                        ax.annotate(f"load {min(load):.1f}-{max(load):.1f}", (r["source"]["reports"], r[key]),
                                    textcoords="offset points", xytext=(4, -12), fontsize=7)
            est = [(e["reports"], e[key]) for e in results["extrapolated"].get(variant, []) if e.get(key) is not None]
            if est and pts:
                ax.plot([pts[-1][0]] + [x for x, _ in est], [pts[-1][1]] + [y for _, y in est],
                        linestyle="--", marker="x", label=f"{variant} (extrapolated)")
        if key == "peak_tree_rss_mib":
            ax.axhline(1024, color="red", linewidth=0.8, label="1 GiB target")
        else:  # log-log: time linear in reports is a line of slope 1, drawn through the largest measured point
            ax.set_yscale("log")
            done = [(r["source"]["reports"], r[key]) for runs in results["variants"].values() for r in runs
                    if not r["timed_out"] and r.get("returncode") == 0]
            if done:
                x1, y1 = max(done)
                xs = sorted({x for x, _ in done})
                ax.plot(xs, [y1 * x / x1 for x in xs], linestyle=":", color="grey", label="linear in reports")
        ax.set_xscale("log")
        ax.set_xlabel("reports in corpus")
        ax.set_ylabel(ylabel)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(out_dir / name, dpi=110)
        plt.close(fig)
        written.append(str((out_dir / name).relative_to(REPO)))
    return written


def merge(out: Path, others: list[Path]) -> int:
    """Runs of ``others`` merged into ``out`` (see ``--merge``); plots redrawn from the result."""
    base = json.loads(out.read_text(encoding="utf-8"))
    for variant, runs in base["variants"].items():
        for r in runs:
            r.setdefault("tree", base.get("tree"))
    for path in others:
        extra = json.loads(path.read_text(encoding="utf-8"))
        for variant, runs in extra["variants"].items():
            kept = base["variants"].setdefault(variant, [])
            for r in runs:
                r.setdefault("tree", extra.get("tree"))
                kept[:] = [k for k in kept if k["size"] != r["size"]] + [r]
            kept.sort(key=lambda r: r["source"]["reports"])
            base["extrapolated"][variant] = [e for e in base["extrapolated"].get(variant, [])
                                             if not any(r["size"] == e["size"] and not r.get("timed_out") for r in kept)]
        base["finished"] = extra.get("finished", base.get("finished"))
        base.setdefault("merged_from", []).append(str(path.relative_to(REPO) if path.is_relative_to(REPO) else path))
    base["plots"] = plot(base, IMG)
    out.write_text(json.dumps(base, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"merged {len(others)} file(s) into {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", default=["seed", "10", "100", "1000"])
    ap.add_argument("--corpora", type=Path, default=REPO / "bench" / "corpora")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--timeout", type=float, default=1200, help="seconds per build before it is killed")
    ap.add_argument("--no-validate-sizes", nargs="*", default=[],
                    help="sizes to time again with --no-validate (what SHACL validation costs)")
    ap.add_argument("--rebuild-sizes", nargs="*", default=["seed", "10"],
                    help="sizes whose build is repeated on the same store (every report from the cache)")
    ap.add_argument("--after-sizes", nargs="*", default=None,
                    help="sizes whose dumps writing and serving are measured after the build (default: all)")
    ap.add_argument("--no-dumps-after", action="store_true",
                    help="after each build, check serving only (no dumps written from the new store)")
    ap.add_argument("--out", type=Path, default=RESULTS / "build_scaling.json")
    ap.add_argument("--tree", type=Path, default=REPO,
                    help="source tree whose builder is measured (default: this checkout)")
    ap.add_argument("--snapshot", action="store_true",
                    help="measure the last commit (a `git archive HEAD` copy), not the working copy")
    ap.add_argument("--keep-dir", type=Path,
                    help="keep each size's built store (the build's work folder, store link included) in "
                         "KEEP_DIR/n<size> for the query benchmarks (bench/named_query_bench.py --store)")
    ap.add_argument("--merge", type=Path, nargs="+",
                    help="build nothing: merge these result files' runs into --out (a size measured again "
                         "replaces the older run; each run keeps the commit it measured) and re-plot")
    args = ap.parse_args(argv)
    if args.merge:
        return merge(args.out, args.merge)

    variants = {"validate": (True, args.sizes)}
    if args.no_validate_sizes:
        variants["no-validate"] = (False, args.no_validate_sizes)
    results: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(),
                     "timeout_s": args.timeout, "tree": tree_commit(args.tree), "variants": {v: [] for v in variants}, "extrapolated": {}}
    with tempfile.TemporaryDirectory(prefix="mdkg-bench-") as tmp:
        workdir = Path(tmp) / "work"
        workdir.mkdir()
        if args.snapshot:
            args.tree = snapshot(REPO, Path(tmp) / "tree")
            results["tree"] = dict(tree_commit(REPO), path="git archive HEAD snapshot", dirty=False)
        for variant, (validate, sizes) in variants.items():
            skip_rest = False
            for size in sizes:
                if skip_rest:
                    stats = {"reports": 2 if size == "seed" else int(size), "bytes": None}
                    results["variants"][variant].append({"size": size, "source": stats, "skipped": True,
                                                         "timed_out": True})
                    continue
                corpus = corpus_for(size, args.corpora, args.seed)
                stats = source_stats(corpus)
                print(f"[{variant}] building {size} ({stats['reports']} reports) ...", flush=True)
                run = run_build(corpus, workdir, validate, args.timeout, keep=True, tree=args.tree,
                                after=args.after_sizes is None or size in args.after_sizes,
                                dumps_after=not args.no_dumps_after)
                run.update(size=size, source=stats)
                if run["returncode"] == 0 and size in args.rebuild_sizes:  # the same corpus again: every report comes from the cache
                    # keep=True: the kept store (--keep-dir) is the rebuilt one, not an emptied folder
                    again = run_build(corpus, workdir, validate, args.timeout, keep=True, tree=args.tree)
                    run["cached_rebuild"] = {k: again.get(k) for k in ("wall_s", "user_s", "sys_s", "peak_tree_rss_mib",
                                                                       "returncode", "reprocessed")}
                if args.keep_dir is not None and run["returncode"] == 0 and variant == "validate":
                    kept = args.keep_dir / f"n{size}"
                    shutil.rmtree(kept, ignore_errors=True)
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(workdir), str(kept))
                    run["kept_store"] = str(kept / "store")
                shutil.rmtree(workdir, ignore_errors=True)
                workdir.mkdir()
                results["variants"][variant].append(run)
                print(f"  wall {run['wall_s']} s, cpu {run['user_s'] + run['sys_s']:.1f} s, "
                      f"peak tree RSS {run['peak_tree_rss_mib']} MiB, rc {run['returncode']}, "
                      f"{run.get('paragraphs_per_s', '-')} paragraphs/s, {run.get('paragraphs_per_cpu_s', '-')} "
                      f"paragraphs/cpu-s, load {run.get('load_average_during')}; dumps after switch "
                      f"{run.get('dumps_after_switch', {}).get('wall_s', '-')} s; served {run.get('served')}; "
                      f"cached rebuild {run.get('cached_rebuild', {}).get('wall_s', '-')} s", flush=True)
                args.out.parent.mkdir(parents=True, exist_ok=True)   # what is measured so far survives a kill
                args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
                if run["timed_out"] or run["returncode"] != 0:
                    skip_rest = True  # a larger corpus would not finish either
            runs = results["variants"][variant]
            measured = [r for r in runs if not r.get("timed_out") and r.get("returncode") == 0 and "paragraphs" in r]
            per_report = (sum(r["paragraphs"] for r in measured) / sum(r["reports"] for r in measured)) if measured else 0
            estimates = []
            for r in runs:
                if r.get("timed_out") or r.get("returncode") != 0:
                    paragraphs = round(per_report * r["source"]["reports"])
                    estimates.append({"size": r["size"], "reports": r["source"]["reports"], "paragraphs": paragraphs,
                                      "wall_s": extrapolate(runs, "wall_s", paragraphs),
                                      "peak_tree_rss_mib": extrapolate(runs, "peak_tree_rss_mib", paragraphs),
                                      "method": "least-squares line through the measured sizes"})
            results["extrapolated"][variant] = estimates
    results["plots"] = plot(results, IMG)
    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
