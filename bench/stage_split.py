"""Where a report's build time goes, stage by stage, for one or more source trees in the same run.

For each tree (``--tree LABEL=PATH``, e.g. a ``git archive`` of main and this checkout) and each
round (trees alternate), a fresh Python process with that tree first on its path loads the
gazetteer, matcher and SHACL shapes, then for each of the first ``--reports`` reports of
``--corpus`` times with ``time.process_time`` what a build worker does (read the document,
mentions, facts, RDF quads, the report's SHACL check, its gzip N-Quads cache file) and what the
parent does with it (gunzip and bulk-load into a store). The process sets the garbage collector
as that tree's build workers do (``pipeline.GC_THRESHOLD`` when the tree has it). It prints and
writes (``bench/results/stage_split.json``) CPU milliseconds per paragraph of each stage, the
paragraphs per CPU-second, and a digest of every quad (trees that build the same facts agree).

No pool and no subprocess build: the figure is the CPU a paragraph costs, which holds on a loaded
machine; end-to-end wall time is ``bench/build_ab.py``'s and ``bench/build_scaling.py``'s.

    git archive main | (mkdir -p /tmp/main && tar -x -C /tmp/main)
    python bench/stage_split.py --tree main=/tmp/main --tree branch=. --corpus bench/corpora/n20 --reports 8
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
STAGES = ("read", "mentions", "facts", "quads", "shacl", "serialize", "load")

CHILD = r'''
import gc, gzip, hashlib, io, json, sys, time
from pathlib import Path
tree, corpus, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, tree)
import pyoxigraph as ox
from graph_builder.build import pipeline as P
import graph_builder
assert graph_builder.__file__.startswith(tree), (graph_builder.__file__, tree)
from graph_builder.text.corpus import corpus_files, load_manifest, read_document
from graph_builder.namespaces import Base
from graph_builder.recognise.matcher import mentions_in
from graph_builder.facts import extract_facts
from graph_builder.facts.fact_context import FactContext
from graph_builder.validate.shacl_sparql import FastShapes
files = corpus_files(corpus)[:n]
manifest = load_manifest(corpus)
base = Base.from_env()
gazetteer = P.load_gazetteer()
matcher = P.Matcher(gazetteer)
shapes = FastShapes(ontology_quads=P.ontology_quads(base))
if hasattr(P, "GC_THRESHOLD"):
    gc.collect(); gc.freeze(); gc.set_threshold(*P.GC_THRESHOLD)
clock = time.process_time
T = dict.fromkeys(%(stages)r, 0.0)
st = ox.Store()
paras = nquads = 0
digest = hashlib.sha256()
for p in files:
    t0 = clock(); d = read_document(p, manifest.get(p.name), False); t1 = clock()
    ms = mentions_in(d, matcher); t2 = clock()
    facts = extract_facts(FactContext(d, ms, gazetteer, matcher)); t3 = clock()
    quads = list(P.document_quads(P.DocumentResult(d, ms, P._known_entities(facts, gazetteer)), base)); t4 = clock()
    report = shapes.check_quads(quads); t5 = clock()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=1) as fh:
        ox.serialize(quads, fh, format=ox.RdfFormat.N_QUADS)
    t6 = clock()
    buf.seek(0)
    with gzip.GzipFile(fileobj=buf, mode="rb") as fh:
        st.bulk_load(input=fh, format=ox.RdfFormat.N_QUADS)
    t7 = clock()
    for k, a, b in zip(T, (t0, t1, t2, t3, t4, t5, t6), (t1, t2, t3, t4, t5, t6, t7)):
        T[k] += b - a
    paras += len(d.paragraphs); nquads += len(quads)
    for line in sorted(str(q) for q in quads):
        digest.update(line.encode() + b"\n")
total = sum(T.values())
print(json.dumps({"paragraphs": paras, "quads": nquads, "cpu_s": round(total, 3),
                  "ms_per_paragraph": {k: round(1000 * v / paras, 3) for k, v in T.items()},
                  "paragraphs_per_cpu_s": round(paras / total, 1), "digest": digest.hexdigest()[:16]}))
''' % {"stages": STAGES}


def run(tree: Path, corpus: Path, reports: int) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MDKG_")}
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree.resolve()), str(corpus.resolve()), str(reports)],
                          capture_output=True, text=True, env=env, cwd=str(tree), timeout=3600)
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", action="append", required=True, help="LABEL=PATH of a source tree (repeat)")
    ap.add_argument("--corpus", type=Path, default=REPO / "bench" / "corpora" / "n20")
    ap.add_argument("--reports", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=RESULTS / "stage_split.json")
    args = ap.parse_args(argv)
    trees = [(t.split("=", 1)[0], Path(t.split("=", 1)[1])) for t in args.tree]
    runs = []
    for i in range(args.rounds):
        for label, tree in (trees if i % 2 == 0 else trees[::-1]):
            r = {"tree": label, "round": i + 1, "load_avg": [round(x, 1) for x in os.getloadavg()],
                 **run(tree, args.corpus, args.reports)}
            runs.append(r)
            print(json.dumps(r), flush=True)
    best = {}
    for label, _ in trees:
        mine = sorted((r for r in runs if r["tree"] == label), key=lambda r: r["cpu_s"])
        best[label] = mine[len(mine) // 2]     # the median run (upper middle for an even count)
    print("| stage | " + " | ".join(f"{label} ms/¶" for label, _ in trees) + " |")
    print("|---|" + "---|" * len(trees))
    for stage in STAGES:
        print(f"| {stage} | " + " | ".join(f"{best[label]['ms_per_paragraph'][stage]:.2f}" for label, _ in trees) + " |")
    print("| **total** | " + " | ".join(f"{1000 / best[label]['paragraphs_per_cpu_s']:.2f}" for label, _ in trees) + " |")
    print("| paragraphs/CPU-s | " + " | ".join(f"{best[label]['paragraphs_per_cpu_s']}" for label, _ in trees) + " |")
    print("| quads digest | " + " | ".join(f"`{best[label]['digest']}`" for label, _ in trees) + " |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "corpus": str(args.corpus),
                                    "reports": args.reports, "trees": {l: str(p) for l, p in trees},
                                    "runs": runs, "median": best}, indent=1), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
