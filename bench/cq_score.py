"""Competency-question score of a corpus: build it, run its questions, print per-question and macro F1.

    python bench/cq_score.py --corpus tests/data/heldout2 --questions tests/data/heldout2/cq.json
    python bench/cq_score.py --store /tmp/store --questions tests/data/cq-extra.json --json

With ``--corpus`` it copies the folder's texts (the files its ``manifest.toml`` lists, else every
``*.ar.md``/``*.ar.txt``) and the manifest into a temporary folder, builds them with the real
pipeline into a temporary store and scores that; with ``--store`` it scores a built store. Scoring
is the project's question scorer (``tests/data/eval/run_cq.py``, a copy of the shared one): per
question precision, recall and F1 over the first projected variable, optional answers counting for
precision only; the macro F1 is the mean of the per-question F1.

It is also the module ``tests/test_heldout_cq.py`` scores with (:func:`macro_f1`,
:func:`build_texts`), so the test and the command line give the same number. It names no
question, answer or document: those are the question files' data. It writes nothing but its
temporary build.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RUN_CQ = ROOT / "tests" / "data" / "eval" / "run_cq.py"


def scorer():
    """The project's question scorer module (``tests/data/eval/run_cq.py``)."""
    spec = importlib.util.spec_from_file_location("run_cq", RUN_CQ)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def question_scores(store: Path, questions: Path) -> list[dict]:
    """One dict per question of the file: id, precision, recall, f1, rows, error."""
    rc = scorer()
    spec = json.loads(Path(questions).read_text(encoding="utf-8"))
    graph, cache, out = rc.open_graph(store), {}, []
    for q in spec["questions"]:
        q["prefixes"] = spec.get("prefixes", "")
        p, r, n, err = rc.score(graph, q, cache)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.append({"id": q["id"], "precision": p, "recall": r, "f1": f1, "rows": n, "error": err})
    return out


def macro_f1(store: Path, questions: Path) -> tuple[float, list]:
    """(macro F1, [(question id, F1), ...]); a question whose query fails is an error, not a zero."""
    rows = question_scores(store, questions)
    failed = [(r["id"], r["error"]) for r in rows if r["error"]]
    if failed:
        raise ValueError(f"{questions}: queries failed: {failed}")
    return sum(r["f1"] for r in rows) / len(rows), [(r["id"], r["f1"]) for r in rows]


def corpus_texts(corpus: Path) -> list[Path]:
    """The text files of a corpus folder: those its manifest lists, else ``*.ar.md``/``*.ar.txt``."""
    manifest = corpus / "manifest.toml"
    if manifest.is_file():
        try:
            names = list(tomllib.loads(manifest.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{manifest}: {exc}") from None
        missing = [n for n in names if not (corpus / n).is_file()]
        if missing:
            raise FileNotFoundError(f"{manifest}: lists files that are not in {corpus}: {missing}")
        return [corpus / n for n in names]
    return sorted([*corpus.glob("*.ar.md"), *corpus.glob("*.ar.txt")])


def build_texts(corpus: Path, work: Path) -> Path:
    """Copy the corpus's texts and manifest into ``work/corpus``, build ``work/store``; return the store."""
    from graph_builder.build.pipeline import build

    texts = corpus_texts(corpus)
    if not texts:
        raise FileNotFoundError(f"{corpus}: no texts to build")
    src = work / "corpus"
    src.mkdir(parents=True, exist_ok=True)
    for f in [*texts, *([corpus / "manifest.toml"] if (corpus / "manifest.toml").is_file() else [])]:
        shutil.copy(f, src / f.name)
    store = work / "store"
    build(src, store)
    return store


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--corpus", type=Path, help="a folder of texts (and manifest.toml) to build and score")
    where.add_argument("--store", type=Path, help="a built store (or an RDF dump) to score")
    ap.add_argument("--questions", type=Path, required=True, help="a question file (format: tests/data/heldout/cq.json)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    for path in (args.questions, args.corpus or args.store):
        if not path.exists():
            ap.error(f"{path}: no such file or folder")
    with tempfile.TemporaryDirectory(prefix="cq-score-") as tmp:
        store = build_texts(args.corpus, Path(tmp)) if args.corpus else args.store
        rows = question_scores(store, args.questions)
    k = len(rows) or 1
    macro = {m: sum(r[m] for r in rows) / k for m in ("precision", "recall", "f1")}
    if args.json:
        print(json.dumps({"questions": rows, "macro": macro}, indent=1))
        return 0
    for r in rows:
        print(f"{r['id']:<36} P={r['precision']:.2f} R={r['recall']:.2f} F1={r['f1']:.2f} rows={r['rows']} {r['error']}")
    print(f"macro over {len(rows)} questions: P={macro['precision']:.3f} R={macro['recall']:.3f} F1={macro['f1']:.3f}")
    below = [r["id"] for r in rows if r["f1"] < 1.0]
    print(f"below 1.0 ({len(below)}): {' '.join(below)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
