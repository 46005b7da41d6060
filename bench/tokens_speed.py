"""Speed of the linguistic layer (``graph_builder.text.tokens``) against named alternatives, same run.

Cuts every paragraph of the bundled corpus (and of ``--extra`` folders of ``*.txt``, paragraphs
split at blank lines) into tokens with:

* ``mdkg``: :func:`graph_builder.text.tokens.tokenise` (fold + offset map + sentences + tokens),
  then the clitic readings of every word (:func:`analyses`), caches cleared before each round;
* ``split``: ``str.split`` (the floor: no folding, no offsets, no clitics);
* ``tashaphyne``: Tashaphyne's ``ArabicLightStemmer`` over every ``str.split`` word, when installed;
* ``spacy``: spaCy's blank ``ar`` tokenizer, when installed (punctuation, no clitics).

Prints paragraphs per second for each (best of ``--rounds``) and writes
``bench/results/tokens_speed.json`` (rendered into ``docs/benchmarks.md`` by ``render_doc.py``).

    python bench/tokens_speed.py --rounds 3 --extra ../shared/corpus-dev
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph_builder.resources import default_corpus  # noqa: E402
from graph_builder.text import arabic, sentences, tokens  # noqa: E402
from graph_builder.text.corpus import read_corpus  # noqa: E402


def paragraphs(extra: list[Path]) -> list[str]:
    out = [p.text for doc in read_corpus(default_corpus()) for p in doc.paragraphs]
    for folder in extra:
        for f in sorted(folder.glob("*.txt")):
            out += [b.strip() for b in f.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return out


def _clear() -> None:
    arabic.normalise.cache_clear()
    sentences.sentences.cache_clear()
    tokens.analyses.cache_clear()


def run_mdkg(paras: list[str]) -> int:
    _clear()
    n = 0
    for p in paras:
        toks = tokens.tokenise(p)
        for t in toks:
            t.readings()
        n += len(toks)
    return n


def run_split(paras: list[str]) -> int:
    return sum(len(p.split()) for p in paras)


def alternatives():
    alts = {"mdkg": run_mdkg, "split": run_split}
    try:
        from tashaphyne.stemming import ArabicLightStemmer
        stemmer = ArabicLightStemmer()

        def run_tashaphyne(paras):
            n = 0
            for p in paras:
                for w in p.split():
                    stemmer.light_stem(w)
                    n += 1
            return n
        alts["tashaphyne"] = run_tashaphyne
    except ImportError:
        pass
    try:
        import spacy
        nlp = spacy.blank("ar")

        def run_spacy(paras):
            return sum(len(nlp.tokenizer(p)) for p in paras)
        alts["spacy-blank-ar"] = run_spacy
    except ImportError:
        pass
    return alts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--extra", type=Path, nargs="*", default=[])
    args = ap.parse_args(argv)
    paras = paragraphs(args.extra)
    print(f"{len(paras)} paragraphs")
    rows = []
    for name, fn in alternatives().items():
        best, n = float("inf"), 0
        for _ in range(args.rounds):
            t = time.perf_counter()
            n = fn(paras)
            best = min(best, time.perf_counter() - t)
        print(f"{name:16} {len(paras) / best:10.0f} paragraphs/s  {n:7d} tokens  best {best:.3f} s")
        rows.append({"tokenizer": name, "paragraphs_per_s": round(len(paras) / best), "tokens": n,
                     "best_s": round(best, 3)})
    out = REPO / "bench" / "results" / "tokens_speed.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"started": time.strftime("%Y-%m-%d %H:%M"), "paragraphs": len(paras),
                               "rounds": args.rounds, "load": [round(x, 2) for x in os.getloadavg()],
                               "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
