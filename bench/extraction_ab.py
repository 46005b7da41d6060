"""The extraction of two source trees on one corpus, in process, alternating: CPU time per stage and a
digest of every quad (the same facts, faster or not).

For each side (``--before`` tree, this checkout as *after*) and each round, a fresh Python process with
that tree first on its path loads the gazetteer and the matcher, reads the first ``--reports`` reports
of ``--corpus`` and, per report, times with ``time.process_time``: the mentions (the matcher), the
facts (every rule family) and the RDF quads (emit), then hashes every quad of every report (sorted
N-Quads lines). No store, no SHACL check, no pool: the stages the build's workers spend most of their
time in, without the machine's other load entering wall time. Writes ``bench/results/extraction_ab.json``.

    git -C . archive main | (mkdir -p /tmp/before && tar -x -C /tmp/before)
    python bench/extraction_ab.py --before /tmp/before --corpus bench/corpora/n20 --reports 20 --rounds 2
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"

CHILD = r'''
import hashlib, json, sys, time
from pathlib import Path
tree, corpus, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, tree)
from graph_builder.build import pipeline as P
from graph_builder.text.corpus import corpus_files, load_manifest, read_document
from graph_builder.namespaces import Base
from graph_builder.recognise.matcher import mentions_in
from graph_builder.facts import extract_facts
from graph_builder.facts.fact_context import FactContext
files = corpus_files(corpus)[:n]
manifest = load_manifest(corpus)
base = Base.from_env()
gazetteer = P.load_gazetteer()
matcher = P.Matcher(gazetteer)
docs = [read_document(p, manifest.get(p.name), False) for p in files]
times = {"mentions": 0.0, "facts": 0.0, "quads": 0.0}
digest = hashlib.sha256()
clock = time.process_time
for d in docs:
    t0 = clock(); ms = mentions_in(d, matcher); t1 = clock()
    facts = extract_facts(FactContext(d, ms, gazetteer, matcher)); t2 = clock()
    quads = list(P.document_quads(P.DocumentResult(d, ms, P._known_entities(facts, gazetteer)), base)); t3 = clock()
    times["mentions"] += t1 - t0; times["facts"] += t2 - t1; times["quads"] += t3 - t2
    for line in sorted(str(q) for q in quads):
        digest.update(line.encode() + b"\n")
import graph_builder
assert graph_builder.__file__.startswith(tree), (graph_builder.__file__, tree)   # the tree's code, not the installed one
print(json.dumps({**{k: round(v, 2) for k, v in times.items()}, "paragraphs": sum(len(d.paragraphs) for d in docs),
                  "digest": digest.hexdigest()[:16]}))
'''


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, required=True, help="source tree of the code before")
    ap.add_argument("--after", type=Path, default=REPO, help="source tree of the code after (default: this checkout)")
    ap.add_argument("--corpus", type=Path, default=REPO / "bench" / "corpora" / "n20")
    ap.add_argument("--reports", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--before-label", help="what the before tree is (e.g. main a50ecaa, git archive)")
    ap.add_argument("--after-label", help="what the after tree is (default: its git commit)")
    ap.add_argument("--out", type=Path, default=RESULTS / "extraction_ab.json")
    args = ap.parse_args(argv)
    started, load_start = time.strftime("%Y-%m-%dT%H:%M:%S%z"), [round(x, 2) for x in os.getloadavg()]
    runs = []
    for rnd in range(1, args.rounds + 1):
        sides = (("before", args.before), ("after", args.after))
        for side, tree in (sides if rnd % 2 else sides[::-1]):
            env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
            done = subprocess.run([sys.executable, "-c", CHILD, str(tree.resolve()), str(args.corpus.resolve()), str(args.reports)],
                                  capture_output=True, text=True, env=env, cwd=tree, check=True)
            r = json.loads(done.stdout.strip().splitlines()[-1])
            total = round(r["mentions"] + r["facts"] + r["quads"], 2)
            runs.append({"side": side, "round": rnd, **r, "total": total,
                         "paragraphs_per_cpu_s": round(r["paragraphs"] / total, 1)})
            print(runs[-1], flush=True)
    med = {side: statistics.median(r["total"] for r in runs if r["side"] == side) for side in ("before", "after")}
    result = {"started": started, "load_average_start": load_start, "load_average_end": [round(x, 2) for x in os.getloadavg()],
              "corpus": str(args.corpus.resolve().relative_to(REPO) if args.corpus.resolve().is_relative_to(REPO)
                            else args.corpus),
              "reports": args.reports, "rounds": args.rounds, "before": args.before_label or str(args.before),
              "after": args.after_label or str(args.after) + " at " + subprocess.run(["git", "-C", str(args.after), "rev-parse", "--short=12", "HEAD"],
                                                                 capture_output=True, text=True).stdout.strip(),
              "runs": runs, "ratio_after_over_before": round(med["after"] / med["before"], 3),
              "same_quads": len({r["digest"] for r in runs}) == 1}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"after/before {result['ratio_after_over_before']}, same quads {result['same_quads']}; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
