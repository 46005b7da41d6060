"""Speed of the value grammars against the single-module ``graph_builder/values.py`` they replaced.

Loads the old module from git (``git show REV:graph_builder/values.py``, default the last
commit that has it) beside the current package, runs each finder of both over every non-empty
line of the bundled corpus, a few rounds each, interleaved, and prints the median time per
round and how many values each found. The old grammar reads fewer forms, so the counts differ
where the new one reads more (they are printed so the comparison is honest). The package
memoises its folded text per paragraph; the cache is cleared before each timed round.

    python bench/values_bench.py [--rev REV] [--rounds N] [--out bench/results/values_bench.json]

It writes its figures to ``--out`` (for ``bench/render_doc.py``) and does not touch the store.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph_builder import values as new  # noqa: E402
from graph_builder.values import _text as new_text  # noqa: E402
from graph_builder.resources import default_corpus  # noqa: E402
from bench.machine import machine_info  # noqa: E402

FINDERS = ("find_dates", "find_amounts", "find_ints", "find_ordinals", "find_resolutions", "find_symbols")
OLD_PATH = "graph_builder/values.py"


def old_module(rev: str | None) -> tuple[types.ModuleType, str]:
    """The old single-file module at ``rev`` (default: the last commit that has the file)."""
    if rev is None:
        rev = subprocess.run(["git", "log", "-1", "--format=%H", "--", OLD_PATH], cwd=REPO,
                             capture_output=True, text=True, check=True).stdout.strip() + "~1"
    source = subprocess.run(["git", "show", f"{rev}:{OLD_PATH}"], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout
    arabic = "graph_builder.text.arabic" if (REPO / "graph_builder/text/arabic.py").exists() else "graph_builder.arabic"
    source = source.replace("from .text.arabic import", f"from {arabic} import") \
                   .replace("from .arabic import", f"from {arabic} import")
    module = types.ModuleType("values_before")
    module.__file__ = f"{rev}:{OLD_PATH}"
    sys.modules[module.__name__] = module          # dataclasses look their module up
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module, rev


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="git revision holding graph_builder/values.py")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "values_bench.json")
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    rows = []
    old, rev = old_module(args.rev)
    lines = [line for path in sorted(default_corpus().glob("*.ar.*"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{len(lines)} lines of the bundled corpus; before = {rev[:12]}:{OLD_PATH}, {args.rounds} rounds")
    print(f"{'finder':18} {'before ms':>10} {'after ms':>10} {'ratio':>6} {'found before':>13} {'found after':>12}")
    for name in FINDERS:
        times: dict[str, list[float]] = {"before": [], "after": []}
        counts = {}
        for _ in range(args.rounds):
            for label, module in (("before", old), ("after", new)):
                finder = getattr(module, name)
                new_text._prepare.cache_clear()      # time the folding too, as on a first call
                getattr(finder, "cache_clear", lambda: None)()   # and the finder's own memo (find_dates)
                start = time.perf_counter()
                counts[label] = sum(len(finder(line)) for line in lines)
                times[label].append(time.perf_counter() - start)
        before, after = (statistics.median(times[k]) * 1000 for k in ("before", "after"))
        print(f"{name:18} {before:10.1f} {after:10.1f} {after / before:6.2f} {counts['before']:13d} {counts['after']:12d}")
        rows.append({"finder": name, "before_ms": round(before, 1), "after_ms": round(after, 1),
                     "ratio": round(after / before, 2), "found_before": counts["before"], "found_after": counts["after"]})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"started": started, "machine": machine_info(), "before": f"{rev}:{OLD_PATH}",
                                    "lines": len(lines), "rounds": args.rounds, "rows": rows}, indent=2) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
